import { Body1, Button, Dropdown, Field, Input, Option, Text } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { NoteAction } from "../../api/notes.ts";
import { useZoned } from "../app/zone-context.ts";
import { formatCalendarDate } from "../format/date-format.ts";
import { ActionDone } from "./ActionDone.tsx";
import type { ActionItem } from "./note-content.ts";
import { useNoteFormStyles } from "./useNoteFormStyles.ts";

const MAX_ACTIONS = 20;
const OWNER_LABELS = { rep: "Rep", manager: "Manager" } as const;

/**
 * The actions agreed in this session, each with an owner and a due date (SPEC §6). The manager edits
 * them until sign-off; the manager and the rep tick them off once saved.
 */
export function ActionsEditor(props: {
  readonly actions: readonly ActionItem[];
  /** The actions as the server holds them, with their status. */
  readonly saved: readonly NoteAction[];
  readonly editable: boolean;
  readonly canTickOff: boolean;
  readonly repName: string;
  readonly onChange: (actions: readonly ActionItem[]) => void;
  readonly onStatusChanged: (action: NoteAction) => void;
}): ReactElement {
  const styles = useNoteFormStyles();
  const { locale } = useZoned();
  const savedById = new Map(props.saved.map((action) => [action.id, action]));
  const update = (index: number, change: Partial<ActionItem>) =>
    props.onChange(props.actions.map((action, at) => (at === index ? { ...action, ...change } : action)));
  const ownerLabel = (owner: ActionItem["owner"]) => (owner === "rep" ? props.repName : OWNER_LABELS.manager);

  return (
    <>
      {props.actions.length === 0 ? <Body1 className={styles.muted}>No actions agreed yet.</Body1> : null}
      <ul className={styles.list} aria-label="Agreed actions">
        {props.actions.map((action, index) => {
          const saved = savedById.get(action.id);
          return (
            <li key={action.id}>
              {props.editable ? (
                <div className={styles.actionRow}>
                  <Field label={`Action ${index + 1}`} className={styles.actionText}>
                    <Input
                      value={action.text}
                      maxLength={2_000}
                      onChange={(_event, data) => update(index, { text: data.value })}
                    />
                  </Field>
                  <Field label="Owner">
                    <Dropdown
                      className={styles.control}
                      value={ownerLabel(action.owner)}
                      selectedOptions={[action.owner]}
                      onOptionSelect={(_event, data) =>
                        update(index, { owner: data.optionValue === "manager" ? "manager" : "rep" })
                      }
                    >
                      <Option value="rep">{props.repName}</Option>
                      <Option value="manager">{OWNER_LABELS.manager}</Option>
                    </Dropdown>
                  </Field>
                  <Field label="Due">
                    <Input
                      type="date"
                      value={action.due ?? ""}
                      onChange={(_event, data) =>
                        update(index, { due: data.value === "" ? null : data.value })
                      }
                    />
                  </Field>
                  <Button
                    appearance="subtle"
                    icon={<Delete16Regular />}
                    aria-label={`Remove action ${index + 1}`}
                    onClick={() => props.onChange(props.actions.filter((_, at) => at !== index))}
                  />
                </div>
              ) : (
                <Text>
                  {action.text} — {ownerLabel(action.owner)}
                  {action.due === null ? "" : `, due ${formatCalendarDate(action.due, locale)}`}
                </Text>
              )}
              {saved !== undefined && props.canTickOff ? (
                <ActionDone action={saved} onChanged={props.onStatusChanged} />
              ) : null}
            </li>
          );
        })}
      </ul>
      {props.editable && props.actions.length < MAX_ACTIONS ? (
        <div>
          <Button
            icon={<Add16Regular />}
            onClick={() =>
              props.onChange([
                ...props.actions,
                { id: crypto.randomUUID(), text: "", owner: "rep", due: null },
              ])
            }
          >
            Add an action
          </Button>
        </div>
      ) : null}
    </>
  );
}
