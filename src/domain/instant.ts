import { DateTime } from "luxon";
import { toIanaZone } from "./time-zone.ts";

/** Milliseconds since the Unix epoch: the one representation of a point in time in the domain. */
export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * The instant of a Graph `dateTimeTimeZone` ({dateTime: "2026-03-08T09:00:00.0000000", timeZone}).
 * `timeZone` may be a Windows name, an IANA name or UTC. Returns undefined when the date-time is
 * malformed or the zone unknown. Accepts `YYYY-MM-DD`, optionally followed by `THH:mm`, `:ss` and a
 * fraction of up to seven digits. Classification reads hundreds of thousands of these, so the text is
 * read digit by digit rather than by a regular expression, and UTC (what FieldCoach asks Graph for)
 * takes a fast path.
 */
export function instantFromLocal(dateTime: string, timeZone: string): Instant | undefined {
  const length = dateTime.length;
  if (length !== 10 && length !== 16 && length < 19) return undefined;
  const year = digitsAt(dateTime, 0, 4);
  const month = digitsAt(dateTime, 5, 2);
  const day = digitsAt(dateTime, 8, 2);
  if (year < 0 || month < 0 || day < 0 || dateTime[4] !== "-" || dateTime[7] !== "-") return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (length > 10) {
    hour = digitsAt(dateTime, 11, 2);
    minute = digitsAt(dateTime, 14, 2);
    if (dateTime[10] !== "T" || dateTime[13] !== ":" || hour < 0 || minute < 0) return undefined;
    if (length > 16) {
      second = digitsAt(dateTime, 17, 2);
      if (dateTime[16] !== ":" || second < 0) return undefined;
      if (length > 19) {
        const digits = length - 20;
        if (dateTime[19] !== "." || digits < 1 || digits > 7 || digitsAt(dateTime, 20, digits) < 0)
          return undefined;
        // Milliseconds are the first three digits of the fraction; the rest is below what an Instant holds.
        ms = digitsAt(dateTime, 20, Math.min(digits, 3)) * (digits === 1 ? 100 : digits === 2 ? 10 : 1);
      }
    }
  }
  if (!validFields(year, month, day, hour, minute, second, ms)) return undefined;
  const zone = toIanaZone(timeZone);
  if (zone === undefined) return undefined;
  if (zone === "UTC") return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const local = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond: ms }, { zone });
  return local.isValid ? local.toMillis() : undefined;
}

/** The decimal number written by `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return false;
  // ISO 8601 allows 24:00 as the end of a day, and nothing later.
  if (hour === 24 && (minute > 0 || second > 0 || ms > 0)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
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
