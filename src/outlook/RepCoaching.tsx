import { Badge, Body1, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { messageOf } from "../ui/api-failure.ts";
import { useResource } from "../ui/app/useResource.ts";
import { ErrorState } from "../ui/components/PageStates.tsx";
import { isRating } from "../ui/note-form/note-content.ts";
import { RATING_LABELS } from "../ui/note-form/note-labels.ts";
import { lastAgreedActions } from "./last-agreed-actions.ts";
import { useRepCoachingStyles } from "./useRepCoachingStyles.ts";

const ACTION_STATUS = { open: "Open", done: "Done", dropped: "Dropped" } as const;

/** What the coaching of this rep is about: the plan's focus behaviours and what was agreed last time. */
export function RepCoaching(props: {
  readonly rep: string;
  readonly repName: string;
  /** The rep is the one looking. */
  readonly self: boolean;
  /** The meeting's start: "last time" is the latest session before it. */
  readonly before: string;
}): ReactElement {
  const styles = useRepCoachingStyles();
  const plan = useResource(`plan:${props.rep}`, (api) =>
    api.call("getPlan", { params: { email: props.rep } }),
  );
  const behaviours = useResource("behaviours", (api) => api.call("getBehaviours", {}));
  const library = behaviours.status === "ready" ? behaviours.data.behaviours : [];
  const behaviourName = (id: string) => library.find((behaviour) => behaviour.id === id)?.name ?? id;

  return (
    <section className={styles.section} aria-labelledby="coaching-heading">
      <Subtitle2 as="h2" id="coaching-heading" className={styles.heading}>
        {props.self ? "Your coaching" : `Coaching ${props.repName}`}
      </Subtitle2>
      {plan.status === "loading" ? <Spinner size="tiny" label="Loading the coaching plan…" /> : null}
      {plan.status === "failed" ? (
        <ErrorState
          title="The coaching plan did not load"
          message={messageOf(plan.error)}
          onRetry={plan.reload}
        />
      ) : null}
      {plan.status === "ready" ? (
        <>
          <div className={styles.group}>
            <Body1 as="h3" className={styles.groupHeading}>
              Focus behaviours
            </Body1>
            {plan.data.focus.length === 0 ? (
              <Caption1>
                No focus behaviours in {props.self ? "your" : `${props.repName}'s`} plan yet.
              </Caption1>
            ) : (
              <ul className={styles.list}>
                {plan.data.focus.map((focus) => (
                  <li key={focus.behaviourId} className={styles.item}>
                    <Body1>{behaviourName(focus.behaviourId)}</Body1>
                    {isRating(focus.targetRating) ? (
                      <Caption1>Target: {RATING_LABELS[focus.targetRating]}</Caption1>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <LastActions
            actions={lastAgreedActions(plan.data.timeline, props.before)}
            withWhom={props.self ? "you" : props.repName}
          />
        </>
      ) : null}
    </section>
  );
}

function LastActions(props: {
  readonly actions: ReturnType<typeof lastAgreedActions>;
  readonly withWhom: string;
}): ReactElement {
  const styles = useRepCoachingStyles();
  return (
    <div className={styles.group}>
      <Body1 as="h3" className={styles.groupHeading}>
        Agreed last time
      </Body1>
      {props.actions.length === 0 ? (
        <Caption1>No actions agreed with {props.withWhom} before this meeting.</Caption1>
      ) : (
        <ul className={styles.list}>
          {props.actions.map((action) => (
            <li key={action.actionId} className={styles.action}>
              <Body1>{action.text}</Body1>
              <Badge
                appearance="tint"
                color={action.status === "done" ? "success" : action.status === "open" ? "brand" : "subtle"}
              >
                {ACTION_STATUS[action.status]}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
