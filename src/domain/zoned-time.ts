import { DateTime, IANAZone, type Zone } from "luxon";
import type { Instant } from "./instant.ts";

/**
 * Wall-clock arithmetic in a Luxon zone object, so that named zones and people's custom zones (see
 * custom-time-zone.ts) take the same path.
 */

/** The zone object for an IANA name; undefined when the name is unknown. */
export function zoneNamed(name: string): Zone | undefined {
  const zone = IANAZone.create(name);
  return zone.isValid ? zone : undefined;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(instant: Instant, zone: Zone): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD date. */
export function weekdayOfDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** ISO week label ("2026-W11") of an instant in a zone. */
export function isoWeekIn(instant: Instant, zone: Zone): string {
  const dt = DateTime.fromMillis(instant, { zone });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, "0")}`;
}

/**
 * The instant a wall clock in `zone` shows `time` ("HH:mm:ss") on `date`. A time that a daylight-time
 * change skips moves forward by the size of the gap, as clocks do.
 */
export function wallClockInstant(date: string, time: string, zone: Zone): Instant {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi, s] = time.split(":").map(Number) as [number, number, number];
  return DateTime.fromObject(
    { year: y, month: mo, day: d, hour: h, minute: mi, second: s },
    { zone },
  ).toMillis();
}

/** ISO-8601 with the zone's offset at that instant, to the second. */
export function isoIn(instant: Instant, zone: Zone): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** `instant` moved by whole weeks on the zone's wall clock (so 09:00 stays 09:00 across a DST change). */
export function plusWeeks(instant: Instant, weeks: number, zone: Zone): Instant {
  return DateTime.fromMillis(instant, { zone }).plus({ weeks }).toMillis();
}

/** `date` (YYYY-MM-DD) moved by whole months, for "hired within the last six months". */
export function plusMonthsToDate(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ months }).toISODate()!;
}
