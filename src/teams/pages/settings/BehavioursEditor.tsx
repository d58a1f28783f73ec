import { Body1, Button, Field, Input, Text, Textarea } from "@fluentui/react-components";
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { Behaviour, BehavioursResponse } from "../../../api/settings.ts";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { ErrorState } from "../../../ui/components/PageStates.tsx";
import { behaviourIdFor } from "./behaviour-id.ts";
import { useSettingsStyles } from "./useSettingsStyles.ts";

/**
 * The methodology's behaviours, in order (SPEC §2, §6): what notes and plans focus on. Administrators
 * edit the list; a behaviour left out is retired, so older notes still name it.
 */
export function BehavioursEditor(props: {
  readonly library: BehavioursResponse;
  readonly editable: boolean;
  readonly onSaved: (library: BehavioursResponse) => void;
}): ReactElement {
  const styles = useSettingsStyles();
  const { api } = useSession();
  const active = props.library.behaviours.filter((behaviour) => !behaviour.retired);
  const [list, setList] = useState<readonly Behaviour[]>(
    active.map(({ id, name, description }) => ({ id, name, description })),
  );
  const [newName, setNewName] = useState("");
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const taken = new Set(
    props.library.behaviours.map((behaviour) => behaviour.id).concat(list.map((b) => b.id)),
  );
  const newId = behaviourIdFor(newName, taken);

  const update = (next: readonly Behaviour[]) => {
    setList(next);
    setSaved(false);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    update(next);
  };
  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      props.onSaved(await api.call("saveBehaviours", { body: { behaviours: [...list] } }));
      setSaved(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  if (!props.editable) {
    return (
      <ul className={styles.behaviours} aria-label="Behaviours">
        {active.map((behaviour) => (
          <li key={behaviour.id}>
            <Text weight="semibold">{behaviour.name}</Text>
            <Body1 as="p" block className={styles.muted}>
              {behaviour.description}
            </Body1>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <ul className={styles.behaviours} aria-label="Behaviours">
        {list.map((behaviour, index) => (
          <li key={behaviour.id} className={styles.behaviour}>
            <Field label={`Behaviour ${index + 1}`}>
              <Input
                value={behaviour.name}
                maxLength={100}
                onChange={(_event, data) =>
                  update(list.map((item, at) => (at === index ? { ...item, name: data.value } : item)))
                }
              />
            </Field>
            <Field label="What it looks like">
              <Textarea
                resize="vertical"
                value={behaviour.description}
                maxLength={1_000}
                onChange={(_event, data) =>
                  update(list.map((item, at) => (at === index ? { ...item, description: data.value } : item)))
                }
              />
            </Field>
            <div className={styles.rowButtons}>
              <Button
                appearance="subtle"
                icon={<ArrowUp16Regular />}
                aria-label={`Move ${behaviour.name} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              />
              <Button
                appearance="subtle"
                icon={<ArrowDown16Regular />}
                aria-label={`Move ${behaviour.name} down`}
                disabled={index === list.length - 1}
                onClick={() => move(index, 1)}
              />
              <Button
                appearance="subtle"
                icon={<Delete16Regular />}
                aria-label={`Retire ${behaviour.name}`}
                onClick={() => update(list.filter((_, at) => at !== index))}
              />
            </div>
          </li>
        ))}
      </ul>
      <div className={styles.buttons}>
        <Field label="New behaviour">
          <Input value={newName} maxLength={100} onChange={(_event, data) => setNewName(data.value)} />
        </Field>
        <Button
          icon={<Add16Regular />}
          disabled={newId === undefined || list.length >= 60}
          onClick={() => {
            if (newId === undefined) return;
            update([...list, { id: newId, name: newName.trim(), description: "" }]);
            setNewName("");
          }}
        >
          Add
        </Button>
      </div>
      {problem === undefined ? null : <ErrorState title="The library was not saved" message={problem} />}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={saving || list.some((behaviour) => behaviour.name.trim() === "")}
          onClick={() => void save()}
        >
          {saving ? "Saving…" : "Save library"}
        </Button>
        {saved ? <Text role="status">Library saved.</Text> : null}
      </div>
    </>
  );
}
