/**
 * The part of a manager's calendar FieldCoach keeps: half a year back (metrics, days since the last
 * field day) and nine weeks ahead (booked field days, the suggestion horizon of up to eight weeks).
 * It starts on a Monday (UTC) and moves once a week, because a delta link belongs to one window: a new
 * window means reading the calendar again from scratch.
 */

import { type Instant, MS_PER_DAY } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";

export const WEEKS_BACK = 26;
export const WEEKS_AHEAD = 9;
const MS_PER_WEEK = 7 * MS_PER_DAY;
/** 1970-01-05 was a Monday. */
const FIRST_MONDAY = 4 * MS_PER_DAY;

export function calendarSyncWindow(now: Instant): Interval {
  const thisMonday = now - ((((now - FIRST_MONDAY) % MS_PER_WEEK) + MS_PER_WEEK) % MS_PER_WEEK);
  return { start: thisMonday - WEEKS_BACK * MS_PER_WEEK, end: thisMonday + WEEKS_AHEAD * MS_PER_WEEK };
}

export function calendarSyncKey(managerEmail: string): string {
  return `calendar:${managerEmail}`;
}
