import { Dropdown, Field, Option, Subtitle1 } from "@fluentui/react-components";
import { PeopleTeam24Regular } from "@fluentui/react-icons";
import { lazy, type ReactElement, Suspense, useMemo, useRef, useState } from "react";
import type { DashboardResponse } from "../../../api/dashboard.ts";
import type { ClassifiedEvent, OverrideBody } from "../../../api/events.ts";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { KpiTiles } from "../../../ui/components/KpiTiles.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { formatCount, formatHours, formatShare } from "../../../ui/format/number-format.ts";
import {
  coachingWindow,
  isWindowWeeks,
  WINDOW_CHOICES,
  type WindowWeeks,
} from "../../../ui/window/coaching-window.ts";
import { CalendarFreshness } from "./CalendarFreshness.tsx";
import { MeetingsList } from "./MeetingsList.tsx";
import { RepMixTable } from "./RepMixTable.tsx";
import { useTeamStyles } from "./useTeamStyles.ts";

const WeeklyMixChart = lazy(
  () => import(/* webpackChunkName: "chart-weekly-mix" */ "../../../ui/charts/WeeklyMixChart.tsx"),
);

/**
 * A manager's coaching mix (SPEC §4): headline figures, the weekly trend, each rep's figures and the
 * meetings behind them. The manager's own team, or — for an executive — a manager below them.
 */
export function TeamDashboard(props: {
  /** Undefined: the signed-in manager's own team. */
  readonly managerEmail?: string;
  /** Shown above the figures: the page's own title and controls go here. */
  readonly renderHeader: (windowControl: ReactElement) => ReactElement;
}): ReactElement {
  const styles = useTeamStyles();
  const { locale } = useZoned();
  const { me } = useSession();
  const [weeks, setWeeks] = useState<WindowWeeks>(8);
  const now = useRef(Date.now()).current;
  const window = useMemo(() => coachingWindow(weeks, now), [weeks, now]);
  const query = props.managerEmail === undefined ? window : { ...window, manager: props.managerEmail };
  const dashboard = useResource(`dashboard:${props.managerEmail ?? ""}:${window.from}`, (api) =>
    api.call("getDashboard", { query }),
  );
  const events = useResource(`events:${props.managerEmail ?? ""}:${window.from}`, (api) =>
    api.call("listEvents", { query }),
  );
  const [rep, setRep] = useState("all");
  const meetingsHeading = useRef<HTMLHeadingElement>(null);
  const ownTeam = props.managerEmail === undefined || props.managerEmail === me.person.email;
  const { api } = useSession();

  const windowControl = (
    <Field label="Window">
      <Dropdown
        value={`Last ${weeks} weeks`}
        selectedOptions={[String(weeks)]}
        onOptionSelect={(_event, data) => {
          const chosen = Number(data.optionValue);
          if (isWindowWeeks(chosen)) setWeeks(chosen);
        }}
      >
        {WINDOW_CHOICES.map((choice) => (
          <Option key={choice} value={String(choice)}>
            {`Last ${choice} weeks`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  const override = async (event: ClassifiedEvent, body: OverrideBody) => {
    if (event.iCalUId === null) throw new Error("This meeting has no iCalUId, so it cannot be corrected.");
    const answer = await api.call("setOverride", { params: { iCalUId: event.iCalUId }, body });
    const updated = new Map(answer.events.map((changed) => [changed.eventId, changed]));
    if (events.status === "ready") {
      events.set((current) => ({
        ...current,
        events: current.events.map((existing) => updated.get(existing.eventId) ?? existing),
      }));
    }
    // The figures change with the correction.
    if (dashboard.status === "ready") dashboard.reload();
  };

  return (
    <>
      {props.renderHeader(windowControl)}
      {dashboard.status === "loading" ? <LoadingState label="Loading the coaching mix…" /> : null}
      {dashboard.status === "failed" ? (
        <ErrorState
          title="The coaching mix could not be loaded"
          message={messageOf(dashboard.error)}
          onRetry={dashboard.reload}
        />
      ) : null}
      {dashboard.status === "ready" ? (
        dashboard.data.reps.length === 0 ? (
          <EmptyState icon={<PeopleTeam24Regular />} title="No reps yet">
            FieldCoach finds a manager's reps in the organisation chart (their manager in Microsoft 365). Once
            reps report to {dashboard.data.manager.name}, their coaching mix appears here.
          </EmptyState>
        ) : (
          <>
            <CalendarFreshness
              calendar={dashboard.data.calendar}
              whose={ownTeam ? "your" : `${dashboard.data.manager.name}'s`}
              now={now}
              onRetry={() => {
                dashboard.reload();
                if (events.status !== "loading") events.reload();
              }}
            />
            <KpiTiles label="Team figures" items={teamKpis(dashboard.data, locale)} />
            <section className={styles.section} aria-labelledby="trend-heading">
              <Subtitle1 as="h2" id="trend-heading">
                Weekly trend
              </Subtitle1>
              <Suspense fallback={<LoadingState label="Loading the chart…" />}>
                <WeeklyMixChart
                  weeks={dashboard.data.weeks}
                  locale={locale}
                  title="Skill and sales development hours per week"
                />
              </Suspense>
            </section>
            <section className={styles.section} aria-labelledby="reps-heading">
              <Subtitle1 as="h2" id="reps-heading">
                Reps
              </Subtitle1>
              <RepMixTable
                reps={dashboard.data.reps}
                onShowMeetings={(email) => {
                  setRep(email);
                  meetingsHeading.current?.scrollIntoView({ behavior: "smooth", block: "start" });
                  meetingsHeading.current?.focus();
                }}
              />
            </section>
          </>
        )
      ) : null}
      <section className={styles.section} aria-labelledby="meetings-heading">
        <h2 id="meetings-heading" ref={meetingsHeading} tabIndex={-1} className={styles.heading}>
          Meetings behind these numbers
        </h2>
        {events.status === "loading" ? <LoadingState label="Loading the meetings…" /> : null}
        {events.status === "failed" ? (
          <ErrorState
            title="The meetings could not be loaded"
            message={messageOf(events.error)}
            onRetry={events.reload}
          />
        ) : null}
        {events.status === "ready" ? (
          <MeetingsList
            events={events.data.events}
            reps={dashboard.status === "ready" ? dashboard.data.reps.map((entry) => entry.rep) : []}
            rep={rep}
            onRepChange={setRep}
            {...(ownTeam ? { onOverride: override } : {})}
          />
        ) : null}
      </section>
    </>
  );
}

function teamKpis(data: DashboardResponse, locale: string) {
  const overdue = data.reps.filter((rep) => rep.overdue).length;
  const { totals, coverage, fieldDaysKept, noteQuality } = data;
  return [
    {
      label: "Coaching ratio",
      value: formatShare(totals.coachingRatio, locale),
      detail: "Skill development of all coaching hours",
    },
    {
      label: "Skill development",
      value: formatHours(totals.skillHours, locale),
      detail: `${formatCount(totals.fieldDayCount, locale)} field days, ${formatHours(totals.fieldDayHours, locale)}`,
    },
    {
      label: "Sales development",
      value: formatHours(totals.salesHours, locale),
      detail: `${formatCount(totals.salesCount, locale)} meetings reps brought you into`,
    },
    {
      label: "Reps overdue",
      value: `${formatCount(overdue, locale)} of ${formatCount(data.reps.length, locale)}`,
      detail: "For a field day, by the cadence policy",
      attention: overdue > 0,
    },
    {
      label: "Coverage",
      value: formatShare(coverage.reps.share, locale),
      detail: `Reps with a field day in the last ${coverage.days} days`,
    },
    {
      label: "Field days kept",
      value: formatShare(fieldDaysKept.keptShare, locale),
      detail: `${formatCount(fieldDaysKept.held, locale)} held of ${formatCount(fieldDaysKept.booked, locale)} booked`,
    },
    {
      label: "Notes within 48 hours",
      value: formatShare(noteQuality.withNoteWithin48Hours.share, locale),
      detail: `${formatCount(noteQuality.withNoteWithin48Hours.count, locale)} of ${formatCount(noteQuality.withNoteWithin48Hours.of, locale)} coaching meetings`,
    },
  ];
}
