import { z } from "zod";
import {
  coachingTotals,
  email,
  fieldDaysKept,
  instant,
  noteQuality,
  personSummary,
  share,
  timeWindow,
  weekTotals,
  windowQuery,
} from "./common.ts";

/** GET /api/team/dashboard?from&to[&manager]: a manager's team (an executive may name a manager below them). */
export const dashboardQuery = z.intersection(windowQuery, z.object({ manager: email.optional() }));
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const repDashboard = z.object({
  rep: personSummary,
  totals: coachingTotals,
  weeks: z.array(weekTotals),
  /** Start of the rep's latest field day at or before `asOf`; null when there was none. */
  lastFieldDay: instant.nullable(),
  /** Calendar days in the manager's zone from that field day to `asOf`. */
  daysSinceLastFieldDay: z.int().nonnegative().nullable(),
  /** When the cadence policy wants the next field day. */
  dueBy: instant,
  overdue: z.boolean(),
  fieldDaysKept,
  noteQuality,
});
export type RepDashboard = z.infer<typeof repDashboard>;

/**
 * How fresh the figures are: they rest on the manager's calendar as FieldCoach last read it in full, and a
 * later read that failed leaves them as they were.
 */
export const calendarFreshness = z.object({
  /** The last complete read of the manager's calendar; null when it has never been read. */
  lastReadAt: instant.nullable(),
  /** The latest read, when it failed after `lastReadAt`; `reason` is a sentence for people. */
  latestReadFailed: z.object({ at: instant, reason: z.string() }).nullable(),
});
export type CalendarFreshness = z.infer<typeof calendarFreshness>;

export const dashboardResponse = z.object({
  manager: personSummary,
  /** IANA zone whose ISO weeks and days the figures use: the manager's. */
  zone: z.string(),
  window: timeWindow,
  /** The instant "days since" and "overdue" are measured at. */
  asOf: instant,
  /** The team as a whole; a meeting with two reps counts once here. */
  totals: coachingTotals,
  weeks: z.array(weekTotals),
  reps: z.array(repDashboard),
  /** Reps with a field day within the policy's coverage period (30 days by default). */
  coverage: z.object({ days: z.int().positive(), reps: share }),
  fieldDaysKept,
  noteQuality,
  calendar: calendarFreshness,
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;
