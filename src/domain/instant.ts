import { DateTime } from "luxon";
import { toIanaZone } from "./time-zone.ts";

/** Milliseconds since the Unix epoch: the one representation of a point in time in the domain. */
export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

/**
 * The instant of a Graph `dateTimeTimeZone` ({dateTime: "2026-03-08T09:00:00.0000000", timeZone}).
 * `timeZone` may be a Windows name, an IANA name or UTC. Returns undefined when the date-time is
 * malformed or the zone unknown. UTC (what FieldCoach asks Graph for) takes a fast path because
 * classification parses hundreds of thousands of these.
 */
export function instantFromLocal(dateTime: string, timeZone: string): Instant | undefined {
  const match = LOCAL_DATE_TIME.exec(dateTime);
  if (match === null) return undefined;
  const zone = toIanaZone(timeZone);
  if (zone === undefined) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = ""] = match;
  const ms = fraction === "" ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms] as const;
  if (!validFields(fields)) return undefined;
  if (zone === "UTC")
    return Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  const local = DateTime.fromObject(
    {
      year: fields[0],
      month: fields[1],
      day: fields[2],
      hour: fields[3],
      minute: fields[4],
      second: fields[5],
      millisecond: ms,
    },
    { zone },
  );
  return local.isValid ? local.toMillis() : undefined;
}

function validFields(f: readonly [number, number, number, number, number, number, number]): boolean {
  const [year, month, day, hour, minute, second, ms] = f;
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return false;
  // ISO 8601 allows 24:00 as the end of a day, and nothing later.
  if (hour === 24 && (minute > 0 || second > 0 || ms > 0)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Parses an ISO-8601 instant that carries an offset or `Z`; undefined otherwise. */
export function parseIsoInstant(text: string): Instant | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA zone. */
export function localDate(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate() ?? "";
}

/** ISO weekday (1 Monday … 7 Sunday) of an instant in an IANA zone. */
export function localWeekday(instant: Instant, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).weekday;
}

/** The instant of a wall-clock time on a date in an IANA zone (DST gaps move forward, as Luxon does). */
export function instantAt(date: string, time: string, zone: string): Instant {
  const parsed = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!parsed.isValid) throw new RangeError(`invalid local time ${date}T${time} in ${zone}`);
  return parsed.toMillis();
}

/** ISO week label ("2026-W48") of an instant in a zone: metrics group by the manager's week. */
export function isoWeek(instant: Instant, zone: string): string {
  const dt = DateTime.fromMillis(instant, { zone });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, "0")}`;
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Formats an instant as ISO-8601 with the offset of the given zone. */
export function formatInZone(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}
