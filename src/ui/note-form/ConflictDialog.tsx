import {
  Body1,
  Button,
  Caption1Strong,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { type ReactElement, useId, useState } from "react";
import { fieldLabel, fieldValueText } from "./note-labels.ts";
import { combineTexts, type FieldConflict, type Resolution } from "./three-way-merge.ts";
import { useConflictDialogStyles } from "./useConflictDialogStyles.ts";

type Choice = "mine" | "theirs" | "both";

/**
 * Someone saved the same parts of the note first: both versions side by side, and the person decides
 * per part — keep theirs, keep mine, or (for text) combine the two and edit. Nothing is dropped unseen.
 */
export function ConflictDialog(props: {
  readonly open: boolean;
  readonly conflicts: readonly FieldConflict[];
  /** Who saved the other version, when known ("Mia Manager"). */
  readonly theirsBy?: string;
  readonly behaviourName: (id: string) => string;
  readonly onResolve: (resolutions: Record<string, Resolution>) => void;
  readonly onClose: () => void;
}): ReactElement {
  const styles = useConflictDialogStyles();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [combined, setCombined] = useState<Record<string, string>>({});
  const theirs = props.theirsBy === undefined ? "Saved version" : `Saved by ${props.theirsBy}`;

  const choiceOf = (conflict: FieldConflict): Choice => choices[conflict.field] ?? "mine";
  const combinedOf = (conflict: FieldConflict) =>
    combined[conflict.field] ?? combineTexts(textOf(conflict.mine), textOf(conflict.theirs));
  const chooseAll = (choice: Choice) =>
    setChoices(Object.fromEntries(props.conflicts.map((conflict) => [conflict.field, choice])));

  const resolve = () => {
    const resolutions: Record<string, Resolution> = {};
    for (const conflict of props.conflicts) {
      const choice = choiceOf(conflict);
      resolutions[conflict.field] =
        choice === "both" ? { keep: "edited", value: combinedOf(conflict) } : { keep: choice };
    }
    props.onResolve(resolutions);
  };

  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_event, data) => data.open || props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Someone else changed this note</DialogTitle>
          <DialogContent>
            <Body1>
              These parts were changed here and in a version saved elsewhere. Choose what to keep; everything
              else from both versions is already combined.
            </Body1>
            <div className={styles.bulk}>
              <Button size="small" onClick={() => chooseAll("mine")}>
                Keep all mine
              </Button>
              <Button size="small" onClick={() => chooseAll("theirs")}>
                Keep all of the saved version
              </Button>
            </div>
            {props.conflicts.map((conflict) => (
              <ConflictChoice
                key={conflict.field}
                conflict={conflict}
                theirsTitle={theirs}
                choice={choiceOf(conflict)}
                combined={combinedOf(conflict)}
                behaviourName={props.behaviourName}
                onChoose={(choice) => setChoices((current) => ({ ...current, [conflict.field]: choice }))}
                onCombine={(text) => setCombined((current) => ({ ...current, [conflict.field]: text }))}
              />
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              Decide later
            </Button>
            <Button appearance="primary" onClick={resolve}>
              Keep these and save
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ConflictChoice(props: {
  readonly conflict: FieldConflict;
  readonly theirsTitle: string;
  readonly choice: Choice;
  readonly combined: string;
  readonly behaviourName: (id: string) => string;
  readonly onChoose: (choice: Choice) => void;
  readonly onCombine: (text: string) => void;
}): ReactElement {
  const styles = useConflictDialogStyles();
  const headingId = useId();
  const { conflict } = props;
  const isText = typeof conflict.mine === "string" && typeof conflict.theirs === "string";
  const label = fieldLabel(conflict.field, props.behaviourName);
  return (
    <section className={styles.conflict} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {label}
      </Subtitle2>
      <div className={styles.versions}>
        <div>
          <Caption1Strong className={styles.versionTitle}>Your version</Caption1Strong>
          <p className={styles.version}>
            {fieldValueText(conflict.field, conflict.mine, props.behaviourName)}
          </p>
        </div>
        <div>
          <Caption1Strong className={styles.versionTitle}>{props.theirsTitle}</Caption1Strong>
          <p className={styles.version}>
            {fieldValueText(conflict.field, conflict.theirs, props.behaviourName)}
          </p>
        </div>
      </div>
      <RadioGroup
        layout="horizontal"
        aria-labelledby={headingId}
        value={props.choice}
        onChange={(_event, data) => {
          if (isChoice(data.value)) props.onChoose(data.value);
        }}
      >
        <Radio value="mine" label="Keep mine" />
        <Radio value="theirs" label="Keep the saved version" />
        {isText ? <Radio value="both" label="Combine both" /> : null}
      </RadioGroup>
      {isText && props.choice === "both" ? (
        <Field label={`Combined ${label.toLowerCase()}`}>
          <Textarea
            resize="vertical"
            value={props.combined}
            onChange={(_event, data) => props.onCombine(data.value)}
          />
        </Field>
      ) : null}
    </section>
  );
}

function isChoice(value: string): value is Choice {
  return value === "mine" || value === "theirs" || value === "both";
}

function textOf(value: FieldConflict["mine"]): string {
  return typeof value === "string" ? value : "";
}
