import { Body1, Button, Dropdown, Field, Input, Option, Text } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { PlanBody, PlanResponse } from "../../../api/plans.ts";
import type { Behaviour } from "../../../api/settings.ts";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { ErrorState } from "../../../ui/components/PageStates.tsx";
import { formatCalendarDate } from "../../../ui/format/date-format.ts";
import { isRating, type Rating } from "../../../ui/note-form/note-content.ts";
import { RATING_LABELS } from "../../../ui/note-form/note-labels.ts";
import { useRepPlanStyles } from "./useRepPlanStyles.ts";

const RATINGS: readonly Rating[] = [1, 2, 3, 4];
const GOAL_STATUS = { open: "Open", achieved: "Achieved", dropped: "Dropped" } as const;
type Goal = PlanBody["goals"][number];

/**
 * The focus behaviours with their target ratings and the goals with dates (SPEC §7). The rep's manager
 * edits and saves them; everyone else who may see the plan reads them.
 */
export function PlanEditor(props: {
  readonly plan: PlanResponse;
  readonly library: readonly (Behaviour & { readonly retired: boolean })[];
  readonly editable: boolean;
  readonly onSaved: (plan: PlanResponse) => void;
  /**
   * This version is the one saved here a moment ago. The editor starts afresh for each version, so
   * the page that holds the plan remembers this for it.
   */
  readonly justSaved: boolean;
}): ReactElement {
  const styles = useRepPlanStyles();
  const { locale } = useZoned();
  const { api } = useSession();
  const [focus, setFocus] = useState(props.plan.focus);
  const [goals, setGoals] = useState<readonly Goal[]>(props.plan.goals);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | undefined>();
  const nameOf = (id: string) => props.library.find((behaviour) => behaviour.id === id)?.name ?? id;
  const unused = props.library.filter(
    (behaviour) => !behaviour.retired && !focus.some((item) => item.behaviourId === behaviour.id),
  );
  const changed =
    JSON.stringify({ focus, goals }) !== JSON.stringify({ focus: props.plan.focus, goals: props.plan.goals });

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      const plan = await api.call("savePlan", {
        params: { email: props.plan.rep.email },
        ifMatch: props.plan.version,
        body: { focus: [...focus], goals: [...goals], cadenceOverride: props.plan.cadenceOverride },
      });
      props.onSaved(plan);
    } catch (error) {
      setProblem({ message: messageOf(error), stale: isFailure(error, "version_conflict") });
    } finally {
      setSaving(false);
    }
  };

  if (!props.editable) {
    return (
      <>
        {focus.length === 0 ? (
          <Body1 className={styles.muted}>No focus behaviours in the plan yet.</Body1>
        ) : null}
        <ul className={styles.list} aria-label="Focus behaviours">
          {focus.map((item) => (
            <li key={item.behaviourId}>
              <Text weight="semibold">{nameOf(item.behaviourId)}</Text>: target{" "}
              {isRating(item.targetRating)
                ? `${item.targetRating} ${RATING_LABELS[item.targetRating]}`
                : item.targetRating}
            </li>
          ))}
        </ul>
        <GoalsReadOnly goals={goals} locale={locale} />
      </>
    );
  }

  return (
    <>
      <ul className={styles.list} aria-label="Focus behaviours">
        {focus.map((item, index) => (
          <li key={item.behaviourId} className={styles.row}>
            <Text weight="semibold">{nameOf(item.behaviourId)}</Text>
            <Field label={`Target rating for ${nameOf(item.behaviourId)}`}>
              <Dropdown
                className={styles.control}
                value={
                  isRating(item.targetRating)
                    ? `${item.targetRating} ${RATING_LABELS[item.targetRating]}`
                    : ""
                }
                selectedOptions={[String(item.targetRating)]}
                onOptionSelect={(_event, data) => {
                  const rating = RATINGS.find((candidate) => String(candidate) === data.optionValue);
                  if (rating !== undefined) {
                    setFocus(
                      focus.map((entry, at) => (at === index ? { ...entry, targetRating: rating } : entry)),
                    );
                  }
                }}
              >
                {RATINGS.map((rating) => (
                  <Option key={rating} value={String(rating)}>
                    {`${rating} ${RATING_LABELS[rating]}`}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Button
              appearance="subtle"
              icon={<Delete16Regular />}
              aria-label={`Remove ${nameOf(item.behaviourId)} from the plan`}
              onClick={() => {
                setFocus(focus.filter((_, at) => at !== index));
              }}
            />
          </li>
        ))}
      </ul>
      {focus.length < 3 && unused.length > 0 ? (
        <Field label="Add a focus behaviour" hint="Up to three; new coaching notes start with these.">
          <Dropdown
            className={styles.control}
            placeholder="Choose a behaviour"
            value=""
            selectedOptions={[]}
            onOptionSelect={(_event, data) => {
              if (data.optionValue !== undefined) {
                setFocus([...focus, { behaviourId: data.optionValue, targetRating: 3 }]);
              }
            }}
          >
            {unused.map((behaviour) => (
              <Option key={behaviour.id} value={behaviour.id}>
                {behaviour.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      <ul className={styles.list} aria-label="Goals">
        {goals.map((goal, index) => (
          <li key={goal.id} className={styles.goalRow}>
            <Field label={`Goal ${index + 1}`} className={styles.wide}>
              <Input
                value={goal.text}
                maxLength={500}
                onChange={(_event, data) => {
                  setGoals(goals.map((entry, at) => (at === index ? { ...entry, text: data.value } : entry)));
                }}
              />
            </Field>
            <Field label="By">
              <Input
                type="date"
                value={goal.due ?? ""}
                onChange={(_event, data) => {
                  setGoals(
                    goals.map((entry, at) =>
                      at === index ? { ...entry, due: data.value === "" ? null : data.value } : entry,
                    ),
                  );
                }}
              />
            </Field>
            <Field label="Status">
              <Dropdown
                className={styles.control}
                value={GOAL_STATUS[goal.status]}
                selectedOptions={[goal.status]}
                onOptionSelect={(_event, data) => {
                  const status = data.optionValue;
                  if (status === "open" || status === "achieved" || status === "dropped") {
                    setGoals(goals.map((entry, at) => (at === index ? { ...entry, status } : entry)));
                  }
                }}
              >
                <Option value="open">{GOAL_STATUS.open}</Option>
                <Option value="achieved">{GOAL_STATUS.achieved}</Option>
                <Option value="dropped">{GOAL_STATUS.dropped}</Option>
              </Dropdown>
            </Field>
            <Button
              appearance="subtle"
              icon={<Delete16Regular />}
              aria-label={`Remove goal ${index + 1}`}
              onClick={() => {
                setGoals(goals.filter((_, at) => at !== index));
              }}
            />
          </li>
        ))}
      </ul>
      <div className={styles.buttons}>
        <Button
          icon={<Add16Regular />}
          disabled={goals.length >= 20}
          onClick={() => {
            setGoals([...goals, { id: crypto.randomUUID(), text: "", due: null, status: "open" }]);
          }}
        >
          Add a goal
        </Button>
        <Button
          appearance="primary"
          disabled={saving || !changed || goals.some((goal) => goal.text.trim() === "")}
          onClick={() => void save()}
        >
          {saving ? "Saving…" : "Save plan"}
        </Button>
        <Text role="status">{props.justSaved && !changed ? "Plan saved." : ""}</Text>
      </div>
      {problem === undefined ? null : (
        <ErrorState
          title={problem.stale ? "The plan changed elsewhere" : "The plan was not saved"}
          message={
            problem.stale
              ? `${problem.message} Reload to see the latest plan; your edits stay here to copy.`
              : problem.message
          }
        />
      )}
    </>
  );
}

function GoalsReadOnly(props: { readonly goals: readonly Goal[]; readonly locale: string }): ReactElement {
  const styles = useRepPlanStyles();
  if (props.goals.length === 0) return <Body1 className={styles.muted}>No goals yet.</Body1>;
  return (
    <ul className={styles.list} aria-label="Goals">
      {props.goals.map((goal) => (
        <li key={goal.id}>
          <Text>{goal.text}</Text>
          <Text className={styles.muted}>
            {" "}
            · {GOAL_STATUS[goal.status]}
            {goal.due === null ? "" : `, by ${formatCalendarDate(goal.due, props.locale)}`}
          </Text>
        </li>
      ))}
    </ul>
  );
}
