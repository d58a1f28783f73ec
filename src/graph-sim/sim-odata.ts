/**
 * The OData and Outlook request options the simulator honours: `Prefer` (time zone, page size),
 * `$select`, `$top`, opaque paging tokens, and writing event times in the zone a caller asked for.
 */

import { DateTime } from "luxon";
import { toIanaZone } from "../domain/time-zone.ts";
import { type JsonObject, queryParam } from "./sim-http.ts";

export interface Preferences {
  /** The zone name as the caller wrote it, when it names a known zone. */
  readonly timeZone: string | undefined;
  readonly maxPageSize: number | undefined;
  /** The `Preference-Applied` header value for what was honoured, or undefined. */
  readonly applied: string | undefined;
}

/** Reads `Prefer: outlook.timezone="…", odata.maxpagesize=N` (one header or several, joined). */
export function preferencesOf(headers: Readonly<Record<string, string>>): Preferences {
  const prefer = headers.prefer ?? "";
  const zoneName = /outlook\.timezone\s*=\s*"([^"]*)"/i.exec(prefer)?.[1];
  const timeZone = zoneName !== undefined && toIanaZone(zoneName) !== undefined ? zoneName : undefined;
  const size = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer)?.[1];
  const maxPageSize = size === undefined ? undefined : Math.max(1, Number(size));
  const applied = [
    ...(timeZone === undefined ? [] : [`outlook.timezone="${timeZone}"`]),
    ...(maxPageSize === undefined ? [] : [`odata.maxpagesize=${maxPageSize}`]),
  ];
  return { timeZone, maxPageSize, applied: applied.length === 0 ? undefined : applied.join(", ") };
}

/** The `$select`ed property names, or undefined when the request selects everything. */
export function selectedFields(query: URLSearchParams): readonly string[] | undefined {
  const select = queryParam(query, "$select");
  if (select === undefined || select.trim() === "") return undefined;
  return select
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "");
}

/** Only the selected properties (case-insensitively), plus the ones Graph always sends. */
export function applySelect(
  entity: JsonObject,
  fields: readonly string[] | undefined,
  always: readonly string[],
): JsonObject {
  if (fields === undefined) return entity;
  const wanted = new Set([...fields, ...always].map((f) => f.toLowerCase()));
  return Object.fromEntries(Object.entries(entity).filter(([key]) => wanted.has(key.toLowerCase())));
}

/** Writes an event's `start`/`end` in the preferred zone; Graph keeps all-day events at midnight. */
export function eventInZone(event: JsonObject, zoneName: string | undefined): JsonObject {
  if (zoneName === undefined) return event;
  const zone = toIanaZone(zoneName);
  if (zone === undefined || zone === "UTC") return event;
  const isAllDay = event.isAllDay === true;
  const convert = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const { dateTime } = value as { dateTime?: unknown };
    if (typeof dateTime !== "string") return value;
    if (isAllDay) return { dateTime, timeZone: zoneName };
    const local = DateTime.fromISO(`${dateTime.slice(0, 19)}Z`, { zone: "UTC" }).setZone(zone);
    return { dateTime: `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: zoneName };
  };
  return { ...event, start: convert(event.start), end: convert(event.end) };
}

/** Paging state the simulator hands out as `$skiptoken`/`$deltatoken`; opaque to clients. */
export function encodeToken(state: JsonObject): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

export function decodeToken(token: string): JsonObject | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A positive whole number from the query, or undefined; `false` when present but malformed. */
export function wholeNumberParam(query: URLSearchParams, name: string): number | undefined | false {
  const text = queryParam(query, name);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : false;
}

/** A query string from pairs, values encoded so that a link can be followed verbatim. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
}
