import type { Zone } from "luxon";
import { type CustomZoneRules, customZone, type YearlyTransition } from "../domain/custom-time-zone.ts";
import type { BusyItem, FreeBusyStatus, PersonSchedule, UnusableSchedule } from "../domain/free-busy.ts";
import { childPath, InputError } from "../domain/input-error.ts";
import { instantFromLocal } from "../domain/instant.ts";
import { WEEKDAYS, type Weekday } from "../domain/org.ts";
import { toIanaZone } from "../domain/time-zone.ts";
import type { WorkWeek } from "../domain/working-hours.ts";
import { zoneNamed } from "../domain/zoned-time.ts";

export interface MappedSchedules {
  readonly schedules: readonly PersonSchedule[];
  readonly unusable: readonly UnusableSchedule[];
}

/**
 * Graph `getSchedule` response (`{"value": [scheduleInformation, ...]}`) → each person's busy items and
 * working hours. A malformed payload throws InputError with a JSON path; a schedule Graph could not
 * read, or working hours FieldCoach cannot place in time, makes that person unusable with a reason.
 */
export function mapGetSchedule(raw: unknown): MappedSchedules {
  const body = asObject(raw, "$");
  const list = asArray(body.value, "$.value");
  const schedules: PersonSchedule[] = [];
  const unusable: UnusableSchedule[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const path = childPath("$.value", index);
    const info = asObject(entry, path);
    const email = requiredString(info, "scheduleId", path).toLowerCase();
    if (seen.has(email)) throw new InputError(childPath(path, "scheduleId"), `lists ${email} a second time`);
    seen.add(email);
    const error = optional(info, "error", path, asObject);
    if (error !== undefined) {
      const where = childPath(path, "error");
      const message = optional(error, "message", where, asString) ?? "no message";
      const code = optional(error, "responseCode", where, asString);
      unusable.push({ email, why: `Graph could not read their schedule (${code ?? "no code"}: ${message})` });
      return;
    }
    const items = (optional(info, "scheduleItems", path, asArray) ?? []).map((item, i) =>
      busyItem(item, childPath(childPath(path, "scheduleItems"), i)),
    );
    const hours = optional(info, "workingHours", path, asObject);
    const week = hours === undefined ? undefined : workWeek(hours, childPath(path, "workingHours"));
    if (typeof week === "string") unusable.push({ email, why: week });
    else schedules.push({ email, items, workWeek: week });
  });
  return { schedules, unusable };
}

const STATUSES: readonly FreeBusyStatus[] = [
  "free",
  "tentative",
  "busy",
  "oof",
  "workingElsewhere",
  "unknown",
];

function busyItem(raw: unknown, path: string): BusyItem {
  const item = asObject(raw, path);
  const status = requiredString(item, "status", path);
  const start = dateTimeOf(item, "start", path);
  const end = dateTimeOf(item, "end", path);
  if (end < start) throw new InputError(childPath(path, "end"), "is before start");
  return {
    start,
    end,
    status: (STATUSES as readonly string[]).includes(status) ? (status as FreeBusyStatus) : "unknown",
  };
}

function dateTimeOf(obj: JsonObject, key: string, path: string): number {
  const where = childPath(path, key);
  const value = asObject(obj[key], where);
  const dateTime = requiredString(value, "dateTime", where);
  const timeZone = requiredString(value, "timeZone", where);
  const instant = instantFromLocal(dateTime, timeZone);
  if (instant !== undefined) return instant;
  if (instantFromLocal(dateTime, "UTC") === undefined) {
    throw new InputError(childPath(where, "dateTime"), `"${dateTime}" is not a date-time`);
  }
  throw new InputError(childPath(where, "timeZone"), `"${timeZone}" is not a known time zone`);
}

/** The working week, or why it cannot be used. */
function workWeek(hours: JsonObject, path: string): WorkWeek | string {
  const daysOfWeek = asArray(hours.daysOfWeek, childPath(path, "daysOfWeek")).map((day, i) =>
    weekday(day, childPath(childPath(path, "daysOfWeek"), i)),
  );
  const startTime = clockTime(hours, "startTime", path);
  const endTime = clockTime(hours, "endTime", path);
  const zone = workingZone(
    asObject(hours.timeZone, childPath(path, "timeZone")),
    childPath(path, "timeZone"),
  );
  if (typeof zone === "string") return zone;
  if (endTime <= startTime) {
    return `their working hours end (${endTime}) before they start (${startTime}); a field day never runs past midnight`;
  }
  return { daysOfWeek, startTime, endTime, zone };
}

function workingZone(tz: JsonObject, path: string): Zone | string {
  const name = requiredString(tz, "name", path);
  const isCustom = tz["@odata.type"] === "#microsoft.graph.customTimeZone" || "bias" in tz;
  if (!isCustom) {
    const iana = toIanaZone(name);
    return iana === undefined
      ? `their working-hours time zone "${name}" is not a known Windows or IANA zone`
      : zoneNamed(iana)!;
  }
  const bias = wholeNumber(tz, "bias", path, -1440, 1440);
  const standard = optional(tz, "standardOffset", path, asObject);
  const daylight = optional(tz, "daylightOffset", path, asObject);
  const daylightBias =
    daylight === undefined
      ? 0
      : wholeNumber(daylight, "daylightBias", childPath(path, "daylightOffset"), -1440, 1440);
  const rules: CustomZoneRules = { name, biasMinutes: bias };
  if (standard === undefined || daylight === undefined || daylightBias === 0) return customZone(rules);
  const starts = transition(daylight, childPath(path, "daylightOffset"));
  const ends = transition(standard, childPath(path, "standardOffset"));
  if (starts === "none" || ends === "none") return customZone(rules);
  if (typeof starts === "string" || typeof ends === "string") {
    return `their custom time zone "${name}" changes daylight time on dates fixed to one year, which FieldCoach cannot place in time`;
  }
  return customZone({ ...rules, daylight: { biasMinutes: daylightBias, starts, ends } });
}

/** A yearly transition; "none" when Windows' month 0 says the zone has no such change. */
function transition(offset: JsonObject, path: string): YearlyTransition | "none" | "one year only" {
  const month = wholeNumber(offset, "month", path, 0, 12);
  if (month === 0) return "none";
  if (wholeNumber(offset, "year", path, 0, 9999) !== 0) return "one year only";
  return {
    month,
    dayOccurrence: wholeNumber(offset, "dayOccurrence", path, 1, 5),
    dayOfWeek: weekday(offset.dayOfWeek, childPath(path, "dayOfWeek")),
    time: clockTime(offset, "time", path),
  };
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(path, "must be an object");
  }
  return value as JsonObject;
}

function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(path, "must be an array");
  return value;
}

function asString(value: unknown, path: string): string {
  if (typeof value !== "string") throw new InputError(path, "must be a string");
  return value;
}

function optional<T>(
  obj: JsonObject,
  key: string,
  path: string,
  read: (v: unknown, p: string) => T,
): T | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : read(value, childPath(path, key));
}

function requiredString(obj: JsonObject, key: string, path: string): string {
  return asString(obj[key], childPath(path, key));
}

function wholeNumber(obj: JsonObject, key: string, path: string, min: number, max: number): number {
  const value = obj[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(childPath(path, key), `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function weekday(value: unknown, path: string): Weekday {
  const day = asString(value, path).toLowerCase();
  if (!(WEEKDAYS as readonly string[]).includes(day))
    throw new InputError(path, "must be a day name such as monday");
  return day as Weekday;
}

/** Graph writes "08:00:00.0000000"; the domain uses "HH:mm:ss". */
function clockTime(obj: JsonObject, key: string, path: string): string {
  const text = requiredString(obj, key, path);
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/.exec(text);
  if (match === null) throw new InputError(childPath(path, key), "must be a time such as 08:00:00");
  return `${match[1]}:${match[2]}:${match[3] ?? "00"}`;
}
