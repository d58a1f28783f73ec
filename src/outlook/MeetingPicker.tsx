import { Badge, Body1, Button, Caption1, Link, Subtitle2 } from "@fluentui/react-components";
import { CalendarEmpty24Regular, PeopleTeam24Regular } from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { ClassifiedEvent } from "../api/events.ts";
import { messageOf } from "../ui/api-failure.ts";
import { useSession } from "../ui/app/session.ts";
import { usePromise } from "../ui/app/usePromise.ts";
import { useZoned } from "../ui/app/zone-context.ts";
import { DEVELOPMENT_LABELS, KIND_LABELS } from "../ui/classification/classification-labels.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/components/PageStates.tsx";
import { formatDay, formatTimeRange } from "../ui/format/date-format.ts";
import { routeHref } from "../ui/router/route.ts";
import { calendarScopeOf } from "./meeting-lookup.ts";
import { nameLookup } from "./people-names.ts";
import { FIRST_WEEKS_BACK, MAX_WEEKS_BACK, MORE_WEEKS_BACK, pickerWindow } from "./picker-window.ts";
import { useMeetingPickerStyles } from "./useMeetingPickerStyles.ts";

/** Outside Outlook: the person's classified meetings with reps, by day, each a link to the panel. */
export function MeetingPicker(): ReactElement {
  const styles = useMeetingPickerStyles();
  const { api, me } = useSession();
  const zoned = useZoned();
  const nameOf = nameLookup(me);
  const [now] = useState(() => Date.now());
  const [weeksBack, setWeeksBack] = useState(FIRST_WEEKS_BACK);
  const scope = calendarScopeOf(me);
  const listed = usePromise(`${weeksBack}`, async () =>
    scope === undefined
      ? []
      : (await api.call("listEvents", { query: { ...pickerWindow(now, weeksBack), ...scope } })).events,
  );

  if (scope === undefined) {
    return (
      <EmptyState icon={<PeopleTeam24Regular />} title="No coaching meetings for you here">
        FieldCoach classifies the meetings between managers and their reps. Sign in as a manager or a rep to
        try the Outlook panel.
      </EmptyState>
    );
  }
  if (listed.status === "loading") return <LoadingState label="Loading your meetings…" />;
  if (listed.status === "failed") {
    return <ErrorState title="Your meetings did not load" message={messageOf(listed.error)} />;
  }
  const meetings = listed.value
    .filter(
      (event): event is ClassifiedEvent & { iCalUId: string } =>
        event.iCalUId !== null && event.reps.length > 0,
    )
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const days = groupByDay(meetings, (event) => formatDay(event.start, zoned));

  return (
    <section className={styles.section} aria-labelledby="picker-heading">
      <Subtitle2 as="h2" id="picker-heading" className={styles.heading}>
        Choose a meeting
      </Subtitle2>
      <Body1>
        In Outlook this panel opens on the meeting you have open. Here, choose one of your meetings with{" "}
        {me.roles.includes("manager") ? "your reps" : "your manager"}.
      </Body1>
      {weeksBack < MAX_WEEKS_BACK ? (
        <div>
          <Button onClick={() => setWeeksBack((weeks) => Math.min(weeks + MORE_WEEKS_BACK, MAX_WEEKS_BACK))}>
            Show earlier meetings
          </Button>
        </div>
      ) : null}
      {days.length === 0 ? (
        <EmptyState icon={<CalendarEmpty24Regular />} title="No meetings with reps">
          There are no classified meetings with reps in these weeks.
        </EmptyState>
      ) : (
        days.map(([day, events]) => (
          <div key={day} className={styles.day}>
            <Body1 as="h3" className={styles.dayHeading}>
              {day}
            </Body1>
            <ul className={styles.list}>
              {events.map((event) => (
                <li key={event.eventId} className={styles.item}>
                  <Link href={routeHref({ page: "meeting", iCalUId: event.iCalUId })}>
                    {event.isAllDay ? "All day" : formatTimeRange(event.start, event.end, zoned)}
                    {event.kind === null ? "" : ` · ${KIND_LABELS[event.kind]}`}
                  </Link>
                  <Caption1>With {event.reps.map(nameOf).join(", ")}</Caption1>
                  <div className={styles.badges}>
                    <Badge
                      appearance="tint"
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
                    {event.isCancelled ? (
                      <Badge appearance="tint" color="danger">
                        Cancelled
                      </Badge>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function groupByDay<T>(items: readonly T[], dayOf: (item: T) => string): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = dayOf(item);
    const list = days.get(day);
    if (list === undefined) days.set(day, [item]);
    else list.push(item);
  }
  return [...days];
}
