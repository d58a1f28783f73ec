/**
 * Event routes: get one event, create one (it lands as an invitation in every internal attendee's
 * calendar; a repeated `transactionId` from the same organizer returns the event created first instead
 * of a second one), answer an invitation, cancel a meeting, and open extensions on a mailbox's copy.
 * Posting an extension that exists merges its properties, as Outlook does for events.
 */

import type { AttendeeType, ResponseKind, Sensitivity, ShowAs } from "../domain/calendar-event.ts";
import { instantFromLocal } from "../domain/instant.ts";
import { eventJson } from "./sim-event-json.ts";
import {
  emptyResponse,
  errorResponse,
  isObject,
  type JsonObject,
  jsonResponse,
  type SimResponse,
} from "./sim-http.ts";
import { applySelect, eventInZone, preferencesOf, selectedFields } from "./sim-odata.ts";
import type { RouteContext, RouteHandler, RouteMatch } from "./sim-route.ts";
import type { CreatedZones, EventBody } from "./sim-state.ts";
import type { SimAttendee, SimMeeting, SimUser } from "./tenant-data.ts";

const EXTENSION_TYPE = "#microsoft.graph.openTypeExtension";
const SHOW_AS: readonly ShowAs[] = ["free", "tentative", "busy", "oof", "workingElsewhere"];
const SENSITIVITY: readonly Sensitivity[] = ["normal", "personal", "private", "confidential"];
const ATTENDEE_TYPES: readonly AttendeeType[] = ["required", "optional", "resource"];

function notFound(context: RouteContext): SimResponse {
  return errorResponse(404, "ErrorItemNotFound", "The specified object was not found in the store.", {
    now: context.now(),
  });
}

function invalid(context: RouteContext, message: string): SimResponse {
  return errorResponse(400, "ErrorInvalidRequest", message, { now: context.now() });
}

function addressesOf(user: SimUser): Set<string> {
  return new Set([user.mail, user.userPrincipalName, ...user.aliases].map((a) => a.toLowerCase()));
}

function eventResponse(
  status: number,
  match: RouteMatch,
  context: RouteContext,
  meeting: SimMeeting,
  headers: Record<string, string>,
  fields?: readonly string[],
): SimResponse {
  const owner = match.user!;
  const prefs = preferencesOf(headers);
  const event = applySelect(eventInZone(eventJson(context.state, owner, meeting), prefs.timeZone), fields, [
    "id",
    "@odata.etag",
  ]);
  return jsonResponse(
    status,
    { "@odata.context": `${context.baseUrl}/$metadata#users('${owner.id}')/events/$entity`, ...event },
    prefs.applied === undefined ? {} : { "Preference-Applied": prefs.applied },
  );
}

export const getEvent: RouteHandler = (request, match, context) => {
  const copy = context.state.copyByEventId(match.user!.id, match.params[0]!);
  if (copy === undefined) return notFound(context);
  return eventResponse(200, match, context, copy.meeting, request.headers, selectedFields(request.query));
};

export const createEvent: RouteHandler = (request, match, context) => {
  const owner = match.user!;
  const state = context.state;
  const body = request.body;
  if (!isObject(body)) return invalid(context, "The request body must be an event.");
  const transactionId =
    typeof body.transactionId === "string" && body.transactionId !== "" ? body.transactionId : undefined;
  if (transactionId !== undefined) {
    const existing = state.meetingOfTransaction(owner.id, transactionId);
    const meeting = existing === undefined ? undefined : state.meeting(existing);
    if (meeting !== undefined) return eventResponse(201, match, context, meeting, request.headers);
  }
  const parsed = meetingFrom(body, owner, state.newICalUId(), new Date(context.now()).toISOString());
  if (typeof parsed === "string") return invalid(context, parsed);
  state.addCreated(owner.id, parsed.meeting, transactionId, parsed.body, parsed.zones);
  for (const extension of parsed.extensions) {
    const { extensionName, "@odata.type": _type, ...properties } = extension;
    state.putExtension(owner.id, parsed.meeting.iCalUId, String(extensionName), properties);
  }
  return eventResponse(201, match, context, parsed.meeting, request.headers);
};

const RESPONSES: Readonly<Record<string, ResponseKind>> = {
  accept: "accepted",
  decline: "declined",
  tentativelyaccept: "tentativelyAccepted",
};

export const respondToEvent: RouteHandler = (_request, match, context) => {
  const owner = match.user!;
  const copy = context.state.copyByEventId(owner.id, match.params[0]!);
  if (copy === undefined) return notFound(context);
  const meeting = copy.meeting;
  const mine = addressesOf(owner);
  if (mine.has(meeting.organizer.toLowerCase())) {
    return invalid(context, "Your request can't be completed. You can't respond to a meeting you organized.");
  }
  if (meeting.isCancelled)
    return invalid(context, "Your request can't be completed. The meeting was cancelled.");
  const response = RESPONSES[match.params[1]!.toLowerCase()]!;
  const attendees = meeting.attendees.map(
    (a): SimAttendee => (mine.has(a.email.toLowerCase()) ? { ...a, response } : a),
  );
  context.state.setMeeting(meeting.iCalUId, {
    ...meeting,
    attendees,
    lastModifiedDateTime: new Date(context.now()).toISOString(),
  });
  return emptyResponse(202);
};

export const cancelEvent: RouteHandler = (_request, match, context) => {
  const owner = match.user!;
  const copy = context.state.copyByEventId(owner.id, match.params[0]!);
  if (copy === undefined) return notFound(context);
  if (!addressesOf(owner).has(copy.meeting.organizer.toLowerCase())) {
    return invalid(
      context,
      "Your request can't be completed. Only the meeting organizer can cancel the meeting.",
    );
  }
  context.state.setMeeting(copy.meeting.iCalUId, {
    ...copy.meeting,
    isCancelled: true,
    lastModifiedDateTime: new Date(context.now()).toISOString(),
  });
  return emptyResponse(202);
};

function extensionJson(
  context: RouteContext,
  owner: SimUser,
  eventId: string,
  extension: Record<string, unknown>,
): JsonObject {
  const { extensionName, ...properties } = extension;
  return {
    "@odata.context": `${context.baseUrl}/$metadata#users('${owner.id}')/events('${encodeURIComponent(eventId)}')/extensions/$entity`,
    "@odata.type": EXTENSION_TYPE,
    id: `microsoft.graph.openTypeExtension.${String(extensionName)}`,
    extensionName,
    ...properties,
  };
}

export const createExtension: RouteHandler = (request, match, context) => {
  const owner = match.user!;
  const eventId = match.params[0]!;
  const copy = context.state.copyByEventId(owner.id, eventId);
  if (copy === undefined) return notFound(context);
  const body = request.body;
  if (!isObject(body) || typeof body.extensionName !== "string" || body.extensionName === "") {
    return invalid(context, "An open extension needs an extensionName.");
  }
  const { extensionName, "@odata.type": _type, ...properties } = body;
  const stored = context.state.putExtension(owner.id, copy.meeting.iCalUId, extensionName, properties);
  return jsonResponse(201, extensionJson(context, owner, eventId, stored));
};

export const getExtension: RouteHandler = (_request, match, context) => {
  const owner = match.user!;
  const eventId = match.params[0]!;
  const copy = context.state.copyByEventId(owner.id, eventId);
  if (copy === undefined) return notFound(context);
  const name = match.params[1]!.replace(/^microsoft\.graph\.openTypeExtension\./i, "").toLowerCase();
  const stored = context.state.extensionsOf(owner.id, copy.meeting.iCalUId).get(name);
  if (stored === undefined) return notFound(context);
  return jsonResponse(200, extensionJson(context, owner, eventId, stored));
};

interface ParsedEvent {
  readonly meeting: SimMeeting;
  readonly body: EventBody;
  readonly zones: CreatedZones;
  readonly extensions: readonly JsonObject[];
}

/** The meeting a create request describes, or why it cannot be created. */
function meetingFrom(
  body: JsonObject,
  organizer: SimUser,
  iCalUId: string,
  now: string,
): ParsedEvent | string {
  const isAllDay = body.isAllDay === true;
  const start = instantOf(body.start, isAllDay);
  const end = instantOf(body.end, isAllDay);
  if (start === undefined || end === undefined) return "start and end need a dateTime and a known timeZone.";
  if (end < start) return "The end of the event is before its start.";
  const attendees: SimAttendee[] = [];
  const mine = addressesOf(organizer);
  for (const raw of Array.isArray(body.attendees) ? body.attendees : []) {
    const email = isObject(raw) && isObject(raw.emailAddress) ? raw.emailAddress.address : undefined;
    if (typeof email !== "string" || email === "") return "Every attendee needs an emailAddress.address.";
    if (mine.has(email.toLowerCase())) continue;
    const name =
      isObject(raw) && isObject(raw.emailAddress) && typeof raw.emailAddress.name === "string"
        ? raw.emailAddress.name
        : email;
    const type =
      isObject(raw) &&
      typeof raw.type === "string" &&
      (ATTENDEE_TYPES as readonly string[]).includes(raw.type)
        ? (raw.type as AttendeeType)
        : "required";
    attendees.push({ email: email.toLowerCase(), name, type, response: "none" });
  }
  const categories = Array.isArray(body.categories)
    ? body.categories.filter((c): c is string => typeof c === "string")
    : [];
  const written = isObject(body.body) && typeof body.body.content === "string" ? body.body : undefined;
  const eventBody: EventBody = {
    contentType:
      written !== undefined && String(written.contentType).toLowerCase() === "html" ? "html" : "text",
    content: written === undefined ? "" : String(written.content),
  };
  const location =
    isObject(body.location) &&
    typeof body.location.displayName === "string" &&
    body.location.displayName !== ""
      ? body.location.displayName
      : undefined;
  const extensions = (Array.isArray(body.extensions) ? body.extensions : []).filter(isObject);
  if (extensions.some((e) => typeof e.extensionName !== "string" || e.extensionName === "")) {
    return "An open extension needs an extensionName.";
  }
  const meeting: SimMeeting = {
    iCalUId,
    subject: typeof body.subject === "string" ? body.subject : "",
    body: eventBody.contentType === "html" ? eventBody.content.replace(/<[^>]*>/g, " ") : eventBody.content,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    isAllDay,
    organizer: organizer.mail.toLowerCase(),
    organizerName: organizer.displayName,
    attendees,
    showAs:
      typeof body.showAs === "string" && (SHOW_AS as readonly string[]).includes(body.showAs)
        ? (body.showAs as ShowAs)
        : "busy",
    sensitivity:
      typeof body.sensitivity === "string" && (SENSITIVITY as readonly string[]).includes(body.sensitivity)
        ? (body.sensitivity as Sensitivity)
        : "normal",
    categories,
    isCancelled: false,
    ...(location === undefined ? {} : { location }),
    createdDateTime: now,
    lastModifiedDateTime: now,
  };
  const zones = {
    start: isObject(body.start) ? String(body.start.timeZone) : "UTC",
    end: isObject(body.end) ? String(body.end.timeZone) : "UTC",
  };
  return { meeting, body: eventBody, zones, extensions };
}

function instantOf(value: unknown, isAllDay: boolean): number | undefined {
  if (!isObject(value) || typeof value.dateTime !== "string" || typeof value.timeZone !== "string")
    return undefined;
  // All-day events are floating dates: midnight UTC stands for the date, whatever zone was written.
  return isAllDay
    ? instantFromLocal(value.dateTime.slice(0, 10), "UTC")
    : instantFromLocal(value.dateTime, value.timeZone);
}
