import { Badge, Body1Strong, Caption1, Text } from "@fluentui/react-components";
import { LockClosed12Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { ClassifiedEvent, OverrideBody } from "../../api/events.ts";
import { useZoned } from "../app/zone-context.ts";
import { formatCalendarDate, formatRange } from "../format/date-format.ts";
import { formatHours } from "../format/number-format.ts";
import { DEVELOPMENT_LABELS, KIND_LABELS } from "./classification-labels.ts";
import { OverrideDialog } from "./OverrideDialog.tsx";
import { useClassificationStyles } from "./useClassificationStyles.ts";

/**
 * One meeting as FieldCoach classified it, and why, in the manager's words (SPEC §3). There is no
 * subject: FieldCoach never keeps one. Shown in the Teams tab's lists and for the open meeting in Outlook.
 */
export function ClassificationCard(props: {
  readonly event: ClassifiedEvent;
  /** A rep's name from their address (the team roster), or the address when unknown. */
  readonly nameOf: (email: string) => string;
  /** Present when the viewer may correct it (the manager whose calendar it is). */
  readonly onOverride?: (override: OverrideBody) => Promise<void>;
}): ReactElement {
  const styles = useClassificationStyles();
  const zoned = useZoned();
  const { event } = props;
  const when = event.isAllDay
    ? formatCalendarDate(event.start.slice(0, 10), zoned.locale, "long")
    : formatRange(event.start, event.end, zoned);
  return (
    <article className={styles.card} aria-label={`${when}: ${DEVELOPMENT_LABELS[event.development]}`}>
      <div className={styles.heading}>
        <div className={styles.when}>
          <Body1Strong>{when}</Body1Strong>
          {event.reps.length === 0 ? null : (
            <Caption1>With {event.reps.map(props.nameOf).join(", ")}</Caption1>
          )}
        </div>
        <div className={styles.badges}>
          <Badge
            appearance="filled"
            color={
              event.development === "skill"
                ? "success"
                : event.development === "sales"
                  ? "brand"
                  : "informative"
            }
          >
            {DEVELOPMENT_LABELS[event.development]}
          </Badge>
          {event.kind === null ? null : (
            <Badge appearance="outline" color="informative">
              {KIND_LABELS[event.kind]}
            </Badge>
          )}
          {event.bigDeal ? (
            <Badge appearance="tint" color="warning">
              Big deal
            </Badge>
          ) : null}
          {event.overridden ? (
            <Badge appearance="tint" color="important">
              Corrected
            </Badge>
          ) : null}
          {event.isCancelled ? (
            <Badge appearance="tint" color="danger">
              Cancelled
            </Badge>
          ) : null}
          {event.isPrivate ? (
            <Badge appearance="tint" color="subtle" icon={<LockClosed12Regular />}>
              Private
            </Badge>
          ) : null}
        </div>
      </div>
      <ul className={styles.reasons} aria-label="Why">
        {event.reasons.map((reason) => (
          <li key={reason}>
            <Text size={200}>{reason}</Text>
          </li>
        ))}
      </ul>
      <div className={styles.footer}>
        <Caption1>{formatHours(event.hours, zoned.locale)} counted</Caption1>
        {props.onOverride === undefined ? null : (
          <OverrideDialog
            event={event}
            triggerLabel={event.overridden ? "Change correction" : "Correct"}
            onSave={props.onOverride}
          />
        )}
      </div>
    </article>
  );
}
