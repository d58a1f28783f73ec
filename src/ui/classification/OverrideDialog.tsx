import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Dropdown,
  Field,
  Option,
  Textarea,
} from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import type { ClassifiedEvent, OverrideBody } from "../../api/events.ts";
import { messageOf } from "../api-failure.ts";
import { ErrorState } from "../components/PageStates.tsx";
import {
  INITIATOR_LABELS,
  isKind,
  isSettableInitiator,
  KIND_LABELS,
  KINDS,
  SETTABLE_INITIATORS,
} from "./classification-labels.ts";
import { useClassificationStyles } from "./useClassificationStyles.ts";

const UNCHANGED = "classified";

/**
 * The manager's correction of one meeting's classification: who brought it about and what kind it is,
 * with a reason. The override wins over the classifier and is kept (SPEC §3); "as classified" removes it.
 */
export function OverrideDialog(props: {
  readonly event: ClassifiedEvent;
  readonly triggerLabel: string;
  readonly onSave: (override: OverrideBody) => Promise<void>;
}): ReactElement {
  const styles = useClassificationStyles();
  const { event } = props;
  const [open, setOpen] = useState(false);
  const [initiator, setInitiator] = useState<string>(event.override?.initiator ?? UNCHANGED);
  const [kind, setKind] = useState<string>(event.override?.kind ?? UNCHANGED);
  const [reason, setReason] = useState(event.override?.reason ?? "");
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      await props.onSave({
        initiator: isSettableInitiator(initiator) ? initiator : null,
        kind: isKind(kind) ? kind : null,
        reason: reason.trim() === "" ? null : reason.trim(),
      });
      setOpen(false);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{props.triggerLabel}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Correct the classification</DialogTitle>
          <DialogContent className={styles.form}>
            <Body1>
              Your correction wins over FieldCoach's reading of the calendar and counts in every figure from
              now on.
            </Body1>
            <Field label="Who brought this meeting about?">
              <Dropdown
                value={isSettableInitiator(initiator) ? INITIATOR_LABELS[initiator] : "As classified"}
                selectedOptions={[initiator]}
                onOptionSelect={(_event, data) => setInitiator(data.optionValue ?? UNCHANGED)}
              >
                <Option value={UNCHANGED}>As classified</Option>
                {SETTABLE_INITIATORS.map((value) => (
                  <Option key={value} value={value}>
                    {INITIATOR_LABELS[value]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="What kind of meeting is it?">
              <Dropdown
                value={isKind(kind) ? KIND_LABELS[kind] : "As classified"}
                selectedOptions={[kind]}
                onOptionSelect={(_event, data) => setKind(data.optionValue ?? UNCHANGED)}
              >
                <Option value={UNCHANGED}>As classified</Option>
                {KINDS.map((value) => (
                  <Option key={value} value={value}>
                    {KIND_LABELS[value]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Why (optional)" hint="Shown with the meeting's reasons.">
              <Textarea value={reason} maxLength={500} onChange={(_event, data) => setReason(data.value)} />
            </Field>
            {problem === undefined ? null : <ErrorState title="Not saved" message={problem} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={saving} onClick={() => void save()}>
              {saving ? "Saving…" : "Save correction"}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
