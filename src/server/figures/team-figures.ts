/**
 * A manager's team over a window (SPEC §4), as the dashboard and the executive overview show it: the
 * coaching mix by rep and week, days since each rep's last field day and when the next one is due,
 * coverage, field days kept and the quality of the coaching notes. Pure: everything comes in.
 */

import type { DashboardResponse, RepDashboard } from "../../api/dashboard.ts";
import { type CadencePolicy, cadenceFor } from "../../domain/cadence-policy.ts";
import { type Instant, MS_PER_DAY } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import { computeMetrics } from "../../domain/metrics.ts";
import type { OrgIndex, Person } from "../../domain/org.ts";
import { dueDateOf } from "../../domain/suggest-due.ts";
import { zoneNamed } from "../../domain/zoned-time.ts";
import type { ActionRecord } from "../../store/repositories/actions.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";
import type { NoteRecord } from "../../store/repositories/notes.ts";
import { fieldDaysKeptOf, isFieldDay } from "./field-days-kept.ts";
import { coachingMeetingsOf, noteQualityOf } from "./note-quality.ts";
import { shareOf } from "./share.ts";
import { classificationsOf } from "./stored-classification.ts";

export const COVERAGE_DAYS = 30;

export interface TeamFiguresInput {
  readonly manager: Person;
  readonly org: OrgIndex;
  /** The manager's classified events: the window and the history due dates rest on (cancelled included). */
  readonly events: readonly ClassifiedEventRecord[];
  readonly window: Interval;
  /** Days since and overdue are measured here: the end of the window, or now when that is earlier. */
  readonly asOf: Instant;
  readonly policy: CadencePolicy;
  readonly notes: readonly NoteRecord[];
  readonly actions: readonly ActionRecord[];
}

export type TeamFigures = Omit<DashboardResponse, "manager" | "window" | "asOf" | "calendar"> & {
  readonly overdueReps: number;
};

export function teamFigures(input: TeamFiguresInput): TeamFigures {
  const { manager, window, asOf, policy } = input;
  const zone = zoneNamed(manager.timeZone);
  if (zone === undefined) throw new RangeError(`${manager.email} has no known time zone`);
  const inWindow = input.events.filter((event) => event.start < window.end && event.end > window.start);
  const metrics = computeMetrics({
    manager: manager.email,
    org: input.org,
    classifications: classificationsOf(input.events, window),
    window,
    zone: manager.timeZone,
    asOf,
  });
  const fieldDays = input.events
    .filter((event) => isFieldDay(event) && !event.isCancelled)
    .map((event) => ({ reps: event.reps, start: event.start }));
  const meetings = coachingMeetingsOf(inWindow, asOf);
  const reps: RepDashboard[] = metrics.reps.map((rep) => {
    const person = input.org.personByAddress(rep.email);
    const cadence = cadenceFor(policy, rep.email);
    const due = dueDateOf({
      rep: rep.email,
      hireDate: person?.hireDate,
      cadence,
      fieldDays,
      now: asOf,
      zone,
    });
    const mine = (event: ClassifiedEventRecord) => event.reps.includes(rep.email);
    const repNotes = input.notes.filter((note) => note.repEmail === rep.email);
    return {
      rep: { email: rep.email, name: rep.name },
      totals: rep.totals,
      weeks: [...rep.weeks],
      lastFieldDay: rep.lastFieldDay === null ? null : new Date(rep.lastFieldDay).toISOString(),
      daysSinceLastFieldDay: rep.daysSinceLastFieldDay,
      dueBy: new Date(due.dueBy).toISOString(),
      overdue: (due.lastFieldDay === null && due.bookedFieldDay === null) || due.dueBy < asOf,
      fieldDaysKept: fieldDaysKeptOf(input.events.filter(mine), window, asOf, cadence.halfDayHours),
      noteQuality: noteQualityOf({
        meetings: meetings.filter((meeting) => meeting.rep === rep.email),
        notes: repNotes,
        actions: input.actions.filter((action) => action.repEmail === rep.email),
      }),
    };
  });
  const covered = metrics.reps.filter(
    (rep) => rep.lastFieldDay !== null && rep.lastFieldDay >= asOf - COVERAGE_DAYS * MS_PER_DAY,
  ).length;
  return {
    zone: manager.timeZone,
    totals: metrics.totals,
    weeks: [...metrics.weeks],
    reps,
    coverage: { days: COVERAGE_DAYS, reps: shareOf(covered, metrics.reps.length) },
    fieldDaysKept: fieldDaysKeptOf(input.events, window, asOf, policy.halfDayHours),
    noteQuality: noteQualityOf({ meetings, notes: input.notes, actions: input.actions }),
    overdueReps: reps.filter((rep) => rep.overdue).length,
  };
}
