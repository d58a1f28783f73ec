import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { FocusRating, Rating } from "./note-content.ts";
import { RATING_LABELS } from "./note-labels.ts";
import { useNoteFormStyles } from "./useNoteFormStyles.ts";

export const MAX_FOCUS = 3;
const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export interface BehaviourInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/**
 * One to three focus behaviours from the tenant's library, each with a rating and the evidence seen
 * (SPEC §6). Read-only for anyone but the note's manager before sign-off.
 */
export function FocusEditor(props: {
  readonly focus: readonly FocusRating[];
  readonly library: readonly BehaviourInfo[];
  readonly editable: boolean;
  readonly onChange: (focus: readonly FocusRating[]) => void;
}): ReactElement {
  const styles = useNoteFormStyles();
  const byId = new Map(props.library.map((behaviour) => [behaviour.id, behaviour]));
  const available = props.library.filter(
    (behaviour) => !props.focus.some((item) => item.behaviourId === behaviour.id),
  );
  const update = (index: number, change: Partial<FocusRating>) =>
    props.onChange(props.focus.map((item, at) => (at === index ? { ...item, ...change } : item)));

  return (
    <>
      {props.focus.length === 0 ? (
        <Body1 className={styles.muted}>
          {props.editable
            ? "Choose the behaviours this session works on."
            : "No focus behaviours were chosen."}
        </Body1>
      ) : null}
      {props.focus.map((item, index) => {
        const behaviour = byId.get(item.behaviourId);
        const name = behaviour?.name ?? item.behaviourId;
        const headingId = `focus-${item.behaviourId}`;
        return (
          <section key={item.behaviourId} className={styles.behaviour} aria-labelledby={headingId}>
            <div className={styles.behaviourHeading}>
              <div>
                <Subtitle2 as="h3" id={headingId}>
                  {name}
                </Subtitle2>
                {behaviour?.description ? (
                  <Caption1 as="p" block className={styles.muted}>
                    {behaviour.description}
                  </Caption1>
                ) : null}
              </div>
              {props.editable ? (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Dismiss16Regular />}
                  aria-label={`Remove ${name} from the focus`}
                  onClick={() => props.onChange(props.focus.filter((_, at) => at !== index))}
                />
              ) : null}
            </div>
            <Field label={`Rating for ${name}`}>
              <RadioGroup
                className={styles.ratings}
                layout="horizontal"
                value={item.rating === null ? "" : String(item.rating)}
                disabled={!props.editable}
                onChange={(_event, data) => {
                  const rating = RATINGS.find((candidate) => String(candidate) === data.value);
                  if (rating !== undefined) update(index, { rating });
                }}
              >
                {RATINGS.map((rating) => (
                  <Radio key={rating} value={String(rating)} label={`${rating} ${RATING_LABELS[rating]}`} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={`Evidence observed for ${name}`}>
              <Textarea
                resize="vertical"
                value={item.evidence}
                readOnly={!props.editable}
                maxLength={10_000}
                placeholder={props.editable ? "What did you see and hear?" : undefined}
                onChange={(_event, data) => update(index, { evidence: data.value })}
              />
            </Field>
          </section>
        );
      })}
      {props.editable && props.focus.length < MAX_FOCUS && available.length > 0 ? (
        <Field
          label="Add a focus behaviour"
          hint={`Up to ${MAX_FOCUS}, from your organisation's sales methodology.`}
        >
          <Dropdown
            placeholder="Choose a behaviour"
            value=""
            selectedOptions={[]}
            onOptionSelect={(_event, data) => {
              if (data.optionValue !== undefined) {
                props.onChange([
                  ...props.focus,
                  { behaviourId: data.optionValue, rating: null, evidence: "" },
                ]);
              }
            }}
          >
            {available.map((behaviour) => (
              <Option key={behaviour.id} value={behaviour.id}>
                {behaviour.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
    </>
  );
}
