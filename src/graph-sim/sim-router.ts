/**
 * Maps a method and path to a route: `/me/…` and `/users/{id|upn}/…` name a user (resolved here),
 * segment names match case-insensitively as Graph's do.
 */

import { deltaCalendarView, listCalendarView } from "./routes-calendar.ts";
import {
  getMailboxSettings,
  getManager,
  getUser,
  listDirectReports,
  listOrganization,
} from "./routes-directory.ts";
import {
  cancelEvent,
  createEvent,
  createExtension,
  getEvent,
  getExtension,
  respondToEvent,
} from "./routes-events.ts";
import { getSchedule } from "./routes-schedule.ts";
import { sendActivityNotification } from "./sim-activity-feed.ts";
import { type Caller, errorResponse, type SimResponse } from "./sim-http.ts";
import type { RouteKind } from "./sim-permissions.ts";
import type { RouteHandler, RouteMatch } from "./sim-route.ts";
import type { SimState } from "./sim-state.ts";
import { subscriptionRoute } from "./sim-subscriptions.ts";

export type Routed =
  | { readonly ok: true; readonly match: RouteMatch }
  | { readonly ok: false; readonly response: SimResponse };

interface UserRoute {
  readonly method: string;
  /** Lower-case segment names after the user; "*" takes a parameter. */
  readonly pattern: readonly string[];
  readonly kind: Exclude<RouteKind, "batch">;
  readonly handle: RouteHandler;
}

const USER_ROUTES: readonly UserRoute[] = [
  { method: "GET", pattern: [], kind: "user", handle: getUser },
  { method: "GET", pattern: ["manager"], kind: "manager", handle: getManager },
  { method: "GET", pattern: ["directreports"], kind: "directReports", handle: listDirectReports },
  { method: "GET", pattern: ["mailboxsettings"], kind: "mailboxSettings", handle: getMailboxSettings },
  { method: "GET", pattern: ["calendarview"], kind: "calendarView", handle: listCalendarView },
  { method: "GET", pattern: ["calendar", "calendarview"], kind: "calendarView", handle: listCalendarView },
  {
    method: "GET",
    pattern: ["calendarview", "delta"],
    kind: "calendarView.delta",
    handle: deltaCalendarView,
  },
  {
    method: "GET",
    pattern: ["calendar", "calendarview", "delta"],
    kind: "calendarView.delta",
    handle: deltaCalendarView,
  },
  { method: "POST", pattern: ["calendar", "getschedule"], kind: "getSchedule", handle: getSchedule },
  { method: "POST", pattern: ["events"], kind: "events.create", handle: createEvent },
  { method: "POST", pattern: ["calendar", "events"], kind: "events.create", handle: createEvent },
  { method: "GET", pattern: ["events", "*"], kind: "events.get", handle: getEvent },
  { method: "POST", pattern: ["events", "*", "accept"], kind: "events.respond", handle: respondToEvent },
  { method: "POST", pattern: ["events", "*", "decline"], kind: "events.respond", handle: respondToEvent },
  {
    method: "POST",
    pattern: ["events", "*", "tentativelyaccept"],
    kind: "events.respond",
    handle: respondToEvent,
  },
  { method: "POST", pattern: ["events", "*", "cancel"], kind: "events.cancel", handle: cancelEvent },
  {
    method: "POST",
    pattern: ["events", "*", "extensions"],
    kind: "extensions.create",
    handle: createExtension,
  },
  {
    method: "GET",
    pattern: ["events", "*", "extensions", "*"],
    kind: "extensions.get",
    handle: getExtension,
  },
  {
    method: "POST",
    pattern: ["teamwork", "sendactivitynotification"],
    kind: "activityNotification",
    handle: sendActivityNotification,
  },
];

const DIRECTORY_KINDS: ReadonlySet<RouteKind> = new Set(["user", "manager", "directReports"]);

export function route(method: string, path: string, caller: Caller, state: SimState, now: number): Routed {
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map(safeDecode);
  const head = segments[0]?.toLowerCase();
  const fail = (status: number, code: string, message: string): Routed => ({
    ok: false,
    response: errorResponse(status, code, message, { now }),
  });
  if (head === "organization" && segments.length === 1) {
    if (method !== "GET")
      return fail(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    return {
      ok: true,
      match: { kind: "organization", user: undefined, params: [], handle: listOrganization },
    };
  }
  if (head === "subscriptions") {
    const found = subscriptionRoute(method, segments.slice(1));
    return "match" in found ? { ok: true, match: found.match } : fail(...found.fail);
  }
  let userRef: string;
  let rest: string[];
  if (head === "me") {
    if (caller.kind !== "user")
      return fail(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    userRef = caller.oid;
    rest = segments.slice(1);
  } else if (head === "users" && segments.length >= 2) {
    userRef = segments[1]!;
    rest = segments.slice(2);
  } else {
    return fail(400, "BadRequest", `Resource not found for the segment '${segments[0] ?? ""}'.`);
  }
  const found = USER_ROUTES.filter(
    (r) =>
      r.pattern.length === rest.length &&
      r.pattern.every((p, i) => p === "*" || p === rest[i]!.toLowerCase()),
  );
  if (found.length === 0)
    return fail(400, "BadRequest", `Resource not found for the segment '${rest.join("/")}'.`);
  const chosen = found.find((r) => r.method === method);
  if (chosen === undefined)
    return fail(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  const user = state.user(userRef);
  if (user === undefined) {
    return DIRECTORY_KINDS.has(chosen.kind)
      ? fail(
          404,
          "Request_ResourceNotFound",
          `Resource '${userRef}' does not exist or one of its queried reference-property objects are not present.`,
        )
      : fail(404, "ErrorInvalidUser", `The requested user '${userRef}' is invalid.`);
  }
  const params = rest.filter(
    (_, i) => chosen.pattern[i] === "*" || (chosen.kind === "events.respond" && i === 2),
  );
  return { ok: true, match: { kind: chosen.kind, user, params, handle: chosen.handle } };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
