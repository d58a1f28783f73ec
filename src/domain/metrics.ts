import { DateTime } from "luxon";
import type { Classification } from "./classify.ts";
import { type Instant, localDate, MS_PER_DAY } from "./instant.ts";
import type { Interval } from "./interval.ts";
import type { OrgIndex } from "./org.ts";

export interface MetricsInput {
  /** The manager's address, primary or alias, any case. Must be a person in `org`. */
  readonly manager: string;
  readonly org: OrgIndex;
  /** classifyEvents' output for the manager's calendar. */
  readonly classifications: readonly Classification[];
  /** Only events that overlap it count. */
  readonly window: Interval;
  /** IANA zone whose ISO weeks and calendar days the figures use: the manager's own. */
  readonly zone: string;
  /** "Days since the last field day" are counted to this instant; later field days are ignored. */
  readonly asOf: Instant;
}

/**
 * Coaching figures over a set of events (SPEC §4). Field days are skill development too: their figures
 * are the part of the skill figures that were field days, not an addition to them.
 */
export interface CoachingTotals {
  readonly skillHours: number;
  readonly skillCount: number;
  readonly fieldDayHours: number;
  readonly fieldDayCount: number;
  readonly salesHours: number;
  readonly salesCount: number;
  /** Skill hours / (skill + sales hours); null when both are zero. */
  readonly coachingRatio: number | null;
}

export interface WeekTotals extends CoachingTotals {
  /** ISO week in the metrics zone, "2026-W10". */
  readonly week: string;
}

export interface RepMetrics {
  readonly email: string;
  readonly name: string;
  readonly totals: CoachingTotals;
  readonly weeks: readonly WeekTotals[];
  /** Start of the rep's latest field day at or before `asOf`, in or out of the window. */
  readonly lastFieldDay: Instant | null;
  /** Calendar days (in the metrics zone) from that field day to `asOf`; null when there was none. */
  readonly daysSinceLastFieldDay: number | null;
}

export interface CoachingMetrics {
  readonly manager: { readonly email: string; readonly name: string };
  readonly zone: string;
  /** The team as a whole: a meeting with two reps counts once here and once for each rep. */
  readonly totals: CoachingTotals;
  /** Every ISO week the window touches, in order, empty weeks included. */
  readonly weeks: readonly WeekTotals[];
  /** Each of the manager's reps, in the org's order, whether or not they had meetings. */
  readonly reps: readonly RepMetrics[];
}

interface Sums {
  skillHours: number;
  skillCount: number;
  fieldDayHours: number;
  fieldDayCount: number;
  salesHours: number;
  salesCount: number;
}

interface Tally {
  readonly totals: Sums;
  readonly weeks: Sums[];
}

/** Throws RangeError when the manager is not a person in the org. */
export function computeMetrics(input: MetricsInput): CoachingMetrics {
  const { org, window, zone, asOf } = input;
  const manager = org.personByAddress(input.manager);
  if (manager === undefined) throw new RangeError(`${input.manager} is not a person in the org`);
  const weeks = weeksOf(window, zone);
  const team = emptyTally(weeks.length);
  const reps = org.repsOf(manager.email);
  const byRep = new Map(reps.map((rep) => [rep.email, emptyTally(weeks.length)]));
  const lastFieldDay = new Map<string, Instant>();

  for (const c of input.classifications) {
    if (c.start === null || c.end === null || c.development === "none") continue;
    const isFieldDay = c.kind === "field-day" && c.development === "skill";
    if (isFieldDay && c.start <= asOf) {
      for (const rep of c.reps) {
        const last = lastFieldDay.get(rep);
        if (last === undefined || c.start > last) lastFieldDay.set(rep, c.start);
      }
    }
    if (!overlapsWindow(c.start, c.end, window)) continue;
    const week = weekIndex(weeks, Math.max(c.start, window.start));
    add(team, week, c, isFieldDay);
    for (const rep of c.reps) {
      const tally = byRep.get(rep);
      if (tally !== undefined) add(tally, week, c, isFieldDay);
    }
  }

  const asOfDate = localDate(asOf, zone);
  return {
    manager: { email: manager.email, name: manager.name },
    zone,
    totals: totalsOf(team.totals),
    weeks: weeksWithLabels(team, weeks),
    reps: reps.map((rep) => {
      const tally = byRep.get(rep.email)!;
      const last = lastFieldDay.get(rep.email);
      return {
        email: rep.email,
        name: rep.name,
        totals: totalsOf(tally.totals),
        weeks: weeksWithLabels(tally, weeks),
        lastFieldDay: last ?? null,
        daysSinceLastFieldDay: last === undefined ? null : daysBetween(localDate(last, zone), asOfDate),
      };
    }),
  };
}

/** A zero-length event counts when it sits inside the window; others when they overlap it. */
function overlapsWindow(start: Instant, end: Instant, window: Interval): boolean {
  if (start === end) return start >= window.start && start < window.end;
  return start < window.end && end > window.start;
}

interface Week {
  readonly label: string;
  readonly start: Instant;
}

/** The ISO weeks (Monday 00:00 in `zone`) the window touches, found once so events need no zone math. */
function weeksOf(window: Interval, zone: string): Week[] {
  const weeks: Week[] = [];
  let monday = DateTime.fromMillis(window.start, { zone }).startOf("week");
  do {
    weeks.push({
      label: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, "0")}`,
      start: monday.toMillis(),
    });
    monday = monday.plus({ weeks: 1 });
  } while (monday.toMillis() < window.end);
  return weeks;
}

function weekIndex(weeks: readonly Week[], instant: Instant): number {
  let low = 0;
  let high = weeks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (weeks[mid]!.start <= instant) low = mid;
    else high = mid - 1;
  }
  return low;
}

function emptySums(): Sums {
  return { skillHours: 0, skillCount: 0, fieldDayHours: 0, fieldDayCount: 0, salesHours: 0, salesCount: 0 };
}

function emptyTally(weekCount: number): Tally {
  return { totals: emptySums(), weeks: Array.from({ length: weekCount }, emptySums) };
}

function add(tally: Tally, week: number, c: Classification, isFieldDay: boolean): void {
  for (const sums of [tally.totals, tally.weeks[week]!]) {
    if (c.development === "skill") {
      sums.skillHours += c.hours;
      sums.skillCount++;
      if (isFieldDay) {
        sums.fieldDayHours += c.hours;
        sums.fieldDayCount++;
      }
    } else {
      sums.salesHours += c.hours;
      sums.salesCount++;
    }
  }
}

function totalsOf(sums: Sums): CoachingTotals {
  const coached = sums.skillHours + sums.salesHours;
  return { ...sums, coachingRatio: coached === 0 ? null : sums.skillHours / coached };
}

function weeksWithLabels(tally: Tally, weeks: readonly Week[]): WeekTotals[] {
  return tally.weeks.map((sums, i) => ({ week: weeks[i]!.label, ...totalsOf(sums) }));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}
