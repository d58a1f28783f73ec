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
  const missing: string[] = [];
  if (id === undefined) missing.push("id");
  if (start === undefined) missing.push("start");
  if (end === undefined) missing.push("end");
  const isAllDay = optionalBoolean(event, "isAllDay", path) ?? false;
  if (id === undefined || start === undefined || end === undefined) {
    return { incomplete: true, id: id ?? null, iCalUId, missing };
  }
  const startAt = instantOf(start, childPath(path, "start"));
  const endAt = instantOf(end, childPath(path, "end"));
  if (endAt < startAt) throw new InputError(childPath(path, "end"), "is before start");
  const organizerRaw = event.organizer;
  const attendeesRaw = event.attendees;
  const responseStatus = optionalObject(event, "responseStatus", path);
  const seriesMasterId = optionalString(event, "seriesMasterId", path);
  return {
    id,
    iCalUId,
    subject: optionalString(event, "subject", path) ?? null,
    start: startAt,
    end: endAt,
    isAllDay,
    ...(isAllDay
      ? { allDayDates: { start: start.dateTime.slice(0, 10), end: end.dateTime.slice(0, 10) } }
      : {}),
    isCancelled: optionalBoolean(event, "isCancelled", path) ?? false,
    showAs: oneOf(optionalString(event, "showAs", path), SHOW_AS, "unknown"),
    sensitivity: oneOf(optionalString(event, "sensitivity", path), SENSITIVITY, "normal"),
    organizer:
      organizerRaw === undefined || organizerRaw === null
        ? null
        : (partyOf(asObject(organizerRaw, childPath(path, "organizer")), childPath(path, "organizer")) ??
          null),
    // An attendee without an address can be matched to nobody and placed in no domain: it is left out.
    attendees:
      attendeesRaw === undefined || attendeesRaw === null
        ? []
        : asArray(attendeesRaw, childPath(path, "attendees")).flatMap((a, i) => {
            const attendee = attendeeOf(a, childPath(childPath(path, "attendees"), i));
            return attendee === undefined ? [] : [attendee];
          }),
    isOrganizer: optionalBoolean(event, "isOrganizer", path) ?? false,
    ownerResponse:
      responseStatus === undefined
        ? "none"
        : oneOf(
            optionalString(responseStatus, "response", childPath(path, "responseStatus")),
            RESPONSES,
            "none",
          ),
    categories: optionalStringArray(event, "categories", path) ?? [],
    type: oneOf(optionalString(event, "type", path), EVENT_TYPES, "singleInstance"),
    seriesMasterId: seriesMasterId ?? null,
  };
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
  return asArray(body.value, "$.value").map((item, i) => mapGraphEvent(item, `$.value[${i}]`));
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

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

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

function optionalObject(obj: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : asObject(value, childPath(path, key));
}

function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new InputError(childPath(path, key), "must be a string");
  return value;
}

function optionalBoolean(obj: JsonObject, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new InputError(childPath(path, key), "must be true or false");
  return value;
}

function optionalStringArray(obj: JsonObject, key: string, path: string): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return asArray(value, childPath(path, key)).map((item, i) => {
    if (typeof item !== "string")
      throw new InputError(childPath(childPath(path, key), i), "must be a string");
    return item;
  });
}

interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

function optionalDateTime(obj: JsonObject, key: string, path: string): GraphDateTime | undefined {
  const value = optionalObject(obj, key, path);
  if (value === undefined) return undefined;
  const where = childPath(path, key);
  const dateTime = optionalString(value, "dateTime", where);
  const timeZone = optionalString(value, "timeZone", where);
  if (dateTime === undefined) throw new InputError(childPath(where, "dateTime"), "is missing");
  if (timeZone === undefined) throw new InputError(childPath(where, "timeZone"), "is missing");
  return { dateTime, timeZone };
}

function instantOf(value: GraphDateTime, path: string): number {
  const instant = instantFromLocal(value.dateTime, value.timeZone);
  if (instant !== undefined) return instant;
  if (instantFromLocal(value.dateTime, "UTC") === undefined) {
    throw new InputError(childPath(path, "dateTime"), `"${value.dateTime}" is not a date-time`);
  }
  throw new InputError(childPath(path, "timeZone"), `"${value.timeZone}" is not a known time zone`);
}

/** The party's address and name; undefined when Graph gave no address. */
function partyOf(obj: JsonObject, path: string): EmailParty | undefined {
  const emailAddress = optionalObject(obj, "emailAddress", path);
  if (emailAddress === undefined) return undefined;
  const where = childPath(path, "emailAddress");
  const address = optionalString(emailAddress, "address", where);
  if (address === undefined || address === "") return undefined;
  return { email: address.toLowerCase(), name: optionalString(emailAddress, "name", where) ?? null };
}

function attendeeOf(raw: unknown, path: string): Attendee | undefined {
  const obj = asObject(raw, path);
  const status = optionalObject(obj, "status", path);
  const party = partyOf(obj, path);
  if (party === undefined) return undefined;
  return {
    ...party,
    type: oneOf(optionalString(obj, "type", path), ATTENDEE_TYPES, "required"),
    response:
      status === undefined
        ? "none"
        : oneOf(optionalString(status, "response", childPath(path, "status")), RESPONSES, "none"),
  };
}
