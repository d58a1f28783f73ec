/**
 * `calendarView` (paged with `$skip`, default 10 per page) and `calendarView/delta` (rounds of pages
 * cut at one moment of the tenant's history; the delta link's next round returns only the copies that
 * changed since, deleted ones or ones moved out of view as `@removed`).
 */

import { parseIsoInstant } from "../domain/instant.ts";
import { eventJson, overlapsWindow } from "./sim-event-json.ts";
import {
  errorResponse,
  type JsonObject,
  jsonResponse,
  queryParam,
  type SimRequest,
  type SimResponse,
} from "./sim-http.ts";
import {
  applySelect,
  decodeToken,
  encodeToken,
  eventInZone,
  preferencesOf,
  queryString,
  selectedFields,
  wholeNumberParam,
} from "./sim-odata.ts";
import type { RouteContext, RouteHandler } from "./sim-route.ts";
import type { SimMeeting, SimUser } from "./tenant-data.ts";

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
/** Graph always sends these whatever `$select` says. */
const ALWAYS_SELECTED = ["id", "@odata.etag"];

interface Window {
  readonly start: number;
  readonly end: number;
}

function windowOf(request: SimRequest, context: RouteContext): Window | SimResponse {
  const startText = queryParam(request.query, "startDateTime");
  const endText = queryParam(request.query, "endDateTime");
  if (startText === undefined || endText === undefined) {
    return errorResponse(
      400,
      "ErrorInvalidParameter",
      "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
      { now: context.now() },
    );
  }
  // A value without an offset is UTC, whatever the Prefer header says.
  const parse = (text: string): number | undefined =>
    parseIsoInstant(text) ?? parseIsoInstant(`${text.replace(/Z$/i, "")}Z`);
  const start = parse(startText);
  const end = parse(endText);
  if (start === undefined || end === undefined || end < start) {
    return errorResponse(
      400,
      "ErrorInvalidParameter",
      "The value of StartDateTime or EndDateTime is not valid.",
      {
        now: context.now(),
      },
    );
  }
  return { start, end };
}

function inWindow(owner: SimUser, window: Window, context: RouteContext): SimMeeting[] {
  return context.state
    .calendarOf(owner.id)
    .filter((meeting) => overlapsWindow(meeting, window.start, window.end))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.iCalUId < b.iCalUId ? -1 : 1));
}

export const listCalendarView: RouteHandler = (request, match, context) => {
  const owner = match.user!;
  const window = windowOf(request, context);
  if ("status" in window) return window;
  const top = wholeNumberParam(request.query, "$top");
  const skip = wholeNumberParam(request.query, "$skip");
  if (top === false || skip === false) {
    return errorResponse(400, "ErrorInvalidUrlQuery", "$top and $skip must be whole numbers.", {
      now: context.now(),
    });
  }
  const prefs = preferencesOf(request.headers);
  const size = Math.min(top ?? prefs.maxPageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = skip ?? 0;
  const all = inWindow(owner, window, context);
  const fields = selectedFields(request.query);
  const page = all
    .slice(offset, offset + size)
    .map((meeting) =>
      applySelect(
        eventInZone(eventJson(context.state, owner, meeting), prefs.timeZone),
        fields,
        ALWAYS_SELECTED,
      ),
    );
  const kept = [...request.query].filter(([key]) => key.toLowerCase() !== "$skip");
  const nextLink =
    offset + size < all.length
      ? `${context.baseUrl}/users/${owner.id}/calendarView?${queryString([...kept, ["$skip", String(offset + size)]])}`
      : undefined;
  return jsonResponse(
    200,
    {
      "@odata.context": `${context.baseUrl}/$metadata#users('${owner.id}')/calendarView${
        fields === undefined ? "" : `(${fields.join(",")})`
      }`,
      value: page,
      ...(nextLink === undefined ? {} : { "@odata.nextLink": nextLink }),
    },
    prefs.applied === undefined ? {} : { "Preference-Applied": prefs.applied },
  );
};

/** The state a delta token or skip token carries. */
interface DeltaCursor {
  readonly mailbox: string;
  readonly start: number;
  readonly end: number;
  readonly epoch: number;
  /** Changes after this sequence number are in the round; −1 for the first (full) round. */
  readonly since: number;
  /** The round covers changes up to this sequence number (set when a round starts). */
  readonly upTo: number;
  /** iCalUId of the last item sent in this round; items are sent in iCalUId order. */
  readonly after: string;
}

function cursorOf(token: JsonObject | undefined): DeltaCursor | undefined {
  if (token === undefined) return undefined;
  const { mailbox, start, end, epoch, since, upTo, after } = token;
  if (typeof mailbox !== "string" || typeof start !== "number" || typeof end !== "number") return undefined;
  if (
    typeof epoch !== "number" ||
    typeof since !== "number" ||
    typeof upTo !== "number" ||
    typeof after !== "string"
  ) {
    return undefined;
  }
  return { mailbox, start, end, epoch, since, upTo, after };
}

export const deltaCalendarView: RouteHandler = (request, match, context) => {
  const owner = match.user!;
  const now = context.now();
  if (selectedFields(request.query) !== undefined || queryParam(request.query, "$filter") !== undefined) {
    return errorResponse(
      400,
      "ErrorInvalidUrlQuery",
      "calendarView delta does not support $select or $filter.",
      { now },
    );
  }
  const skipToken = queryParam(request.query, "$skiptoken");
  const deltaToken = queryParam(request.query, "$deltatoken");
  const token = skipToken ?? deltaToken;
  let cursor: DeltaCursor;
  if (token === undefined) {
    const window = windowOf(request, context);
    if ("status" in window) return window;
    cursor = {
      mailbox: owner.id,
      ...window,
      epoch: context.deltaEpoch(),
      since: -1,
      upTo: context.state.sequence,
      after: "",
    };
  } else {
    const decoded = cursorOf(decodeToken(token));
    if (decoded === undefined || decoded.mailbox !== owner.id) {
      return errorResponse(
        400,
        "ErrorInvalidUrlQuery",
        "The delta or skip token is not valid for this calendar.",
        { now },
      );
    }
    if (decoded.epoch !== context.deltaEpoch()) {
      return errorResponse(
        410,
        "SyncStateNotFound",
        `The sync state generation is not found; generation=${decoded.epoch};[highest=${context.deltaEpoch()}].`,
        { now },
      );
    }
    // A delta link starts a new round covering what changed since the last one.
    cursor =
      deltaToken !== undefined && skipToken === undefined
        ? { ...decoded, upTo: context.state.sequence, after: "" }
        : decoded;
  }
  const prefs = preferencesOf(request.headers);
  const size = Math.min(prefs.maxPageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const pending = roundIds(owner, cursor, context).filter((iCalUId) => iCalUId > cursor.after);
  const page = pending.slice(0, size);
  const more = pending.length > size;
  const linkBase = `${context.baseUrl}/users/${owner.id}/calendarView/delta`;
  const link = more
    ? {
        "@odata.nextLink": `${linkBase}?${queryString([["$skiptoken", encodeToken({ ...cursor, after: page.at(-1)! })]])}`,
      }
    : {
        "@odata.deltaLink": `${linkBase}?${queryString([
          ["$deltatoken", encodeToken({ ...cursor, since: cursor.upTo, after: "" })],
        ])}`,
      };
  return jsonResponse(
    200,
    {
      "@odata.context": `${context.baseUrl}/$metadata#Collection(event)`,
      ...link,
      value: page.map((iCalUId) => deltaItem(owner, iCalUId, cursor, context, prefs.timeZone)),
    },
    prefs.applied === undefined ? {} : { "Preference-Applied": prefs.applied },
  );
};

/** The iCalUIds a round covers, in the order it sends them. */
function roundIds(user: SimUser, round: DeltaCursor, context: RouteContext): string[] {
  const state = context.state;
  const ids =
    round.since < 0
      ? state
          .calendarOf(user.id)
          .filter(
            (m) =>
              overlapsWindow(m, round.start, round.end) &&
              (state.lastChangeOf(user.id, m.iCalUId) ?? 0) <= round.upTo,
          )
          .map((m) => m.iCalUId)
      : [...state.changedIn(user.id, round.since, round.upTo).keys()];
  return ids.sort();
}

/** The mailbox's copy as it is now, or a tombstone when the copy is gone or out of the window. */
function deltaItem(
  user: SimUser,
  iCalUId: string,
  round: DeltaCursor,
  context: RouteContext,
  zone: string | undefined,
): JsonObject {
  const state = context.state;
  const meeting = state.meeting(iCalUId);
  if (
    meeting !== undefined &&
    state.holds(user.id, iCalUId) &&
    overlapsWindow(meeting, round.start, round.end)
  ) {
    return { "@odata.type": "#microsoft.graph.event", ...eventInZone(eventJson(state, user, meeting), zone) };
  }
  return {
    "@odata.type": "#microsoft.graph.event",
    id: state.eventId(user.id, iCalUId),
    "@removed": { reason: "deleted" },
  };
}
