import type { Zone } from "luxon";
import { addDays } from "./instant.ts";
import type { Interval } from "./interval.ts";
import { WEEKDAYS, type Weekday, type WorkingHours } from "./org.ts";
import { dateIn, wallClockInstant, weekdayOfDate, zoneNamed } from "./zoned-time.ts";

/** A person's working week: the same wall-clock hours on each working day, in their own zone. */
export interface WorkWeek {
  readonly daysOfWeek: readonly Weekday[];
  /** "HH:mm:ss", before `endTime`: a working day never runs past midnight. */
  readonly startTime: string;
  readonly endTime: string;
  readonly zone: Zone;
}

/** One working day: its date on the person's own calendar and its hours. */
export interface WorkingDay {
  readonly date: string;
  readonly interval: Interval;
}

/** The work week of a person from ORG.json (an IANA zone the org parser has already checked). */
export function workWeekOf(hours: WorkingHours): WorkWeek {
  const zone = zoneNamed(hours.timeZone);
  if (zone === undefined) throw new RangeError(`unknown time zone ${hours.timeZone}`);
  return { daysOfWeek: hours.daysOfWeek, startTime: hours.startTime, endTime: hours.endTime, zone };
}

/**
 * Every working day whose hours overlap `window`, in order, each whole (not clipped to the window) so
 * that callers can tell a full day from a part of one. Each day's hours are found on that day's own
 * wall clock, so a daylight-time change shifts them in UTC as it shifts the person's day.
 */
export function workingDays(week: WorkWeek, window: Interval): WorkingDay[] {
  const isoDays = new Set(week.daysOfWeek.map((day) => WEEKDAYS.indexOf(day) + 1));
  const out: WorkingDay[] = [];
  const last = dateIn(window.end, week.zone);
  const wallClockLength = (secondsOf(week.endTime) - secondsOf(week.startTime)) * 1000;
  for (let date = addDays(dateIn(window.start, week.zone), -1); date <= last; date = addDays(date, 1)) {
    if (!isoDays.has(weekdayOfDate(date))) continue;
    const start = wallClockInstant(date, week.startTime, week.zone);
    let end = wallClockInstant(date, week.endTime, week.zone);
    // Only on a day whose clocks change can an end time that the change skips move past midnight;
    // the working day ends there.
    if (end - start !== wallClockLength)
      end = Math.min(end, wallClockInstant(addDays(date, 1), "00:00:00", week.zone));
    if (end > start && start < window.end && end > window.start) out.push({ date, interval: { start, end } });
  }
  return out;
}

function secondsOf(time: string): number {
  const [h, m, s] = time.split(":").map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
}
