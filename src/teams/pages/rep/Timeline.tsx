import { Badge, Body1, Caption1, Link, Text } from "@fluentui/react-components";
import {
  CalendarPerson20Regular,
  DataTrending20Regular,
  Document20Regular,
  TaskListSquareLtr20Regular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { TimelineEntry } from "../../../api/plans.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { formatCalendarDate, formatDateTime, formatRange } from "../../../ui/format/date-format.ts";
import { routeHref } from "../../../ui/router/route.ts";
import { formatMetric, METRIC_LABELS } from "./metric-labels.ts";
import { useRepPlanStyles } from "./useRepPlanStyles.ts";

const OUTCOMES = {
  upcoming: { label: "Upcoming", color: "informative" },
  held: { label: "Held", color: "success" },
  cancelled: { label: "Cancelled", color: "danger" },
  shortened: { label: "Shortened", color: "warning" },
  moved: { label: "Moved", color: "warning" },
} as const;
const NOTE_STATUS = { draft: "Draft", shared: "Shared", "signed-off": "Signed off" } as const;
const ACTION_STATUS = { open: "Open", done: "Done", dropped: "Dropped" } as const;

/** Everything that happened in the rep's coaching, newest first (SPEC §7). */
export function Timeline(props: { readonly entries: readonly TimelineEntry[] }): ReactElement {
  const styles = useRepPlanStyles();
  const zoned = useZoned();
  if (props.entries.length === 0) return <Body1 className={styles.muted}>Nothing yet.</Body1>;
  return (
    <ol className={styles.timeline} aria-label="Timeline">
      {props.entries.map((entry) => {
        const key = `${entry.kind}:${entry.at}:${"noteId" in entry ? entry.noteId : ""}:${"actionId" in entry ? entry.actionId : ""}`;
        return (
          <li key={key} className={styles.timelineEntry}>
            <span className={styles.timelineIcon} aria-hidden="true">
              {iconOf(entry)}
            </span>
            <div>{describe(entry)}</div>
          </li>
        );
      })}
    </ol>
  );

  function describe(entry: TimelineEntry): ReactElement {
    switch (entry.kind) {
      case "field-day": {
        const outcome = OUTCOMES[entry.outcome];
        return (
          <>
            <Text weight="semibold">Field day</Text>{" "}
            <Badge appearance="tint" color={outcome.color}>
              {outcome.label}
            </Badge>
            <Caption1 as="p" block className={styles.muted}>
              {formatRange(entry.at, entry.end, zoned)}
            </Caption1>
          </>
        );
      }
      case "note":
        return (
          <>
            <Link href={routeHref({ page: "note", noteId: entry.noteId })}>Coaching note</Link>{" "}
            <Badge appearance="tint" color={entry.status === "signed-off" ? "success" : "informative"}>
              {NOTE_STATUS[entry.status]}
            </Badge>
            <Caption1 as="p" block className={styles.muted}>
              {formatDateTime(entry.at, zoned)}
            </Caption1>
          </>
        );
      case "action":
        return (
          <>
            <Text>Action: {entry.text}</Text>{" "}
            <Badge appearance="outline" color={entry.status === "done" ? "success" : "informative"}>
              {ACTION_STATUS[entry.status]}
            </Badge>
            <Caption1 as="p" block className={styles.muted}>
              {formatDateTime(entry.at, zoned)}
            </Caption1>
          </>
        );
      case "metric":
        return (
          <>
            <Text>
              {METRIC_LABELS[entry.change.metric]}:{" "}
              {formatMetric(entry.change.metric, entry.change.value, zoned.locale)}
            </Text>
            <Caption1 as="p" block className={styles.muted}>
              As of {formatCalendarDate(entry.change.asOf, zoned.locale)}
            </Caption1>
          </>
        );
    }
  }
}

function iconOf(entry: TimelineEntry): ReactElement {
  switch (entry.kind) {
    case "field-day":
      return <CalendarPerson20Regular />;
    case "note":
      return <Document20Regular />;
    case "action":
      return <TaskListSquareLtr20Regular />;
    case "metric":
      return <DataTrending20Regular />;
  }
}
