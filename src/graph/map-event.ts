import type {
  Attendee,
  AttendeeType,
  EmailParty,
  EventInput,
  EventType,
  ResponseKind,
  Sensitivity,
  ShowAs,
} from "../domain/calendar-event.ts";
import { childPath, InputError } from "../domain/input-error.ts";
import { instantFromLocal } from "../domain/instant.ts";

/**
 * Graph event JSON → domain event. Pure; throws InputError (with a JSON path) when a field has the
 * wrong type. Missing fields are not errors (a `$select` may leave them out): an event without
 * id, start or end becomes an IncompleteEvent. Enum strings Graph may add later map to a neutral value,
 * as Graph's evolvable enums ask clients to do.
 */
export function mapGraphEvent(raw: unknown, path: string): EventInput {
  const event = asObject(raw, path);
  const id = optionalString(event, "id", path);
  const iCalUId = optionalString(event, "iCalUId", path) ?? null;
  const start = optionalDateTime(event, "start", path);
  const end = optionalDateTime(event, "end", path);
  const isAllDay = optionalBoolean(event, "isAllDay", path) ?? false;
  if (id === undefined || start === undefined || end === undefined) {
    const missing: string[] = [];
    if (id === undefined) missing.push("id");
    if (start === undefined) missing.push("start");
    if (end === undefined) missing.push("end");
    return { incomplete: true, id: id ?? null, iCalUId, missing };
  }
  const startAt = instantOf(start, path, "start");
  const endAt = instantOf(end, path, "end");
  if (endAt < startAt) throw new InputError(childPath(path, "end"), "is before start");
  const organizerRaw = event.organizer;
  const responseStatus = optionalObject(event, "responseStatus", path);
  const seriesMasterId = optionalString(event, "seriesMasterId", path);
  return {
    id,
    iCalUId,
    subject: optionalString(event, "subject", path) ?? null,
    start: startAt,
    end: endAt,
    isAllDay,
    allDayDates: isAllDay
      ? { start: start.dateTime.slice(0, 10), end: end.dateTime.slice(0, 10) }
      : undefined,
    isCancelled: optionalBoolean(event, "isCancelled", path) ?? false,
    showAs: oneOf(optionalString(event, "showAs", path), SHOW_AS, "unknown"),
    sensitivity: oneOf(optionalString(event, "sensitivity", path), SENSITIVITY, "normal"),
    organizer:
      organizerRaw === undefined || organizerRaw === null
        ? null
        : (partyOf(asObject(organizerRaw, path, "organizer"), path, "organizer") ?? null),
    attendees: attendeesOf(event.attendees, path),
    isOrganizer: optionalBoolean(event, "isOrganizer", path) ?? false,
    ownerResponse:
      responseStatus === undefined
        ? "none"
        : oneOf(optionalString(responseStatus, "response", path, "responseStatus"), RESPONSES, "none"),
    categories: optionalStringArray(event, "categories", path) ?? [],
    type: oneOf(optionalString(event, "type", path), EVENT_TYPES, "singleInstance"),
    seriesMasterId: seriesMasterId ?? null,
  };
}

// An attendee without an address can be matched to nobody and placed in no domain: it is left out.
function attendeesOf(raw: unknown, path: string): Attendee[] {
  if (raw === undefined || raw === null) return [];
  const list = asArray(raw, path, "attendees");
  const attendees: Attendee[] = [];
  for (let i = 0; i < list.length; i++) {
    const attendee = attendeeOf(list[i], path, i);
    if (attendee !== undefined) attendees.push(attendee);
  }
  return attendees;
}

/**
 * Accepts a Graph collection response (`{"value": [...]}`, other `@odata.*` keys allowed) or a bare
 * array of events, and maps every event.
 */
export function mapGraphEventList(raw: unknown): EventInput[] {
  if (Array.isArray(raw)) return raw.map((item, i) => mapGraphEvent(item, `$[${i}]`));
  const body = asObject(raw, "$");
  if (!("value" in body))
    throw new InputError("$", 'must be an array of events or an object with a "value" array');
  return asArray(body.value, "$", "value").map((item, i) => mapGraphEvent(item, `$.value[${i}]`));
}

const SHOW_AS: readonly ShowAs[] = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];
const SENSITIVITY: readonly Sensitivity[] = ["normal", "personal", "private", "confidential"];
const RESPONSES: readonly ResponseKind[] = [
  "none",
  "organizer",
  "tentativelyAccepted",
  "accepted",
  "declined",
  "notResponded",
];
const ATTENDEE_TYPES: readonly AttendeeType[] = ["required", "optional", "resource"];
const EVENT_TYPES: readonly EventType[] = ["singleInstance", "occurrence", "exception", "seriesMaster"];

type JsonObject = Record<string, unknown>;

/*
 * A value's path is `where` followed by up to four keys, and is written out only when the value is bad:
 * a calendar of 100,000 events is mapped without building a path string. Keys are separate parameters
 * rather than an array so that the common, valid case allocates nothing for them.
 */
type Key = string | number | undefined;

function pathOf(where: string, a?: Key, b?: Key, c?: Key, d?: Key): string {
  let out = where;
  for (const key of [a, b, c, d]) if (key !== undefined) out = childPath(out, key);
  return out;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function asObject(value: unknown, where: string, a?: Key, b?: Key, c?: Key): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(pathOf(where, a, b, c), "must be an object");
  }
  return value as JsonObject;
}

function asArray(value: unknown, where: string, a?: Key): unknown[] {
  if (!Array.isArray(value)) throw new InputError(pathOf(where, a), "must be an array");
  return value;
}

function optionalObject(
  obj: JsonObject,
  key: string,
  where: string,
  a?: Key,
  b?: Key,
): JsonObject | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : asObject(value, where, a, b, key);
}

function optionalString(
  obj: JsonObject,
  key: string,
  where: string,
  a?: Key,
  b?: Key,
  c?: Key,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new InputError(pathOf(where, a, b, c, key), "must be a string");
  return value;
}

function optionalBoolean(obj: JsonObject, key: string, where: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new InputError(childPath(where, key), "must be true or false");
  return value;
}

function optionalStringArray(obj: JsonObject, key: string, where: string): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const list = asArray(value, where, key);
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== "string") throw new InputError(pathOf(where, key, i), "must be a string");
  }
  return list as string[];
}

interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

function optionalDateTime(obj: JsonObject, key: string, where: string): GraphDateTime | undefined {
  const value = optionalObject(obj, key, where);
  if (value === undefined) return undefined;
  const dateTime = optionalString(value, "dateTime", where, key);
  const timeZone = optionalString(value, "timeZone", where, key);
  if (dateTime === undefined) throw new InputError(pathOf(where, key, "dateTime"), "is missing");
  if (timeZone === undefined) throw new InputError(pathOf(where, key, "timeZone"), "is missing");
  return { dateTime, timeZone };
}

function instantOf(value: GraphDateTime, where: string, key: string): number {
  const instant = instantFromLocal(value.dateTime, value.timeZone);
  if (instant !== undefined) return instant;
  if (instantFromLocal(value.dateTime, "UTC") === undefined) {
    throw new InputError(pathOf(where, key, "dateTime"), `"${value.dateTime}" is not a date-time`);
  }
  throw new InputError(pathOf(where, key, "timeZone"), `"${value.timeZone}" is not a known time zone`);
}

/** The party's address and name; undefined when Graph gave no address. */
function partyOf(obj: JsonObject, where: string, key: string): EmailParty | undefined {
  const emailAddress = optionalObject(obj, "emailAddress", where, key);
  if (emailAddress === undefined) return undefined;
  const address = optionalString(emailAddress, "address", where, key, "emailAddress");
  if (address === undefined || address === "") return undefined;
  return {
    email: address.toLowerCase(),
    name: optionalString(emailAddress, "name", where, key, "emailAddress") ?? null,
  };
}

function attendeeOf(raw: unknown, where: string, index: number): Attendee | undefined {
  const obj = asObject(raw, where, "attendees", index);
  const status = optionalObject(obj, "status", where, "attendees", index);
  // Read in place rather than through partyOf: a calendar holds several attendees per event.
  const emailAddress = optionalObject(obj, "emailAddress", where, "attendees", index);
  if (emailAddress === undefined) return undefined;
  const address = optionalString(emailAddress, "address", where, "attendees", index, "emailAddress");
  if (address === undefined || address === "") return undefined;
  return {
    email: address.toLowerCase(),
    name: optionalString(emailAddress, "name", where, "attendees", index, "emailAddress") ?? null,
    type: oneOf(optionalString(obj, "type", where, "attendees", index), ATTENDEE_TYPES, "required"),
    response:
      status === undefined
        ? "none"
        : oneOf(optionalString(status, "response", where, "attendees", index, "status"), RESPONSES, "none"),
  };
}
