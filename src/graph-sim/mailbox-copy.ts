/**
 * One stored meeting as each mailbox sees it: which calendars hold it and the Graph event JSON that a
 * mailbox's calendarView returns for it. Pure and deterministic: the same meeting and owner always
 * give the same id, change key and JSON, so the simulator and the demo files agree byte for byte.
 *
 * Choices where Exchange varies by client or setting, kept simple and stated here:
 * - A declined meeting stays in the decliner's calendar (Outlook's "keep declined" behaviour) with
 *   `responseStatus` declined and `showAs` free, so it blocks no time.
 * - A cancelled meeting leaves the organizer's calendar (Exchange deletes the organizer's item when
 *   the meeting is cancelled); attendees keep their copy with `isCancelled` true.
 * - An invitation not yet answered shows as tentative in the invitee's calendar, as Exchange places it.
 * - Only the organizer's copy tracks the other attendees' responses; in an attendee's copy the others
 *   read `none` and only the owner's own response is known.
 * - Times are written in UTC, the zone FieldCoach asks Graph for (`Prefer: outlook.timezone="UTC"`).
 */

import { createHash } from "node:crypto";
import type { ResponseKind, ShowAs } from "../domain/calendar-event.ts";
import type { SimAttendee, SimMeeting, SimTenant, SimUser } from "./tenant-data.ts";

/** How Graph ids are made for a mailbox's copy of a meeting; the simulator may bring its own. */
export interface GraphIdScheme {
  /** The copy's `id`: stable per mailbox and meeting (occurrence), different across mailboxes. */
  eventId(ownerId: string, iCalUId: string): string;
  /** The `seriesMasterId` of a series in one mailbox. */
  seriesMasterId(ownerId: string, seriesKey: string): string;
}

/** Ids shaped like Exchange's REST ids (URL-safe base64 with the `AAMkA` mailbox prefix). */
export const hashedGraphIds: GraphIdScheme = {
  eventId: (ownerId, iCalUId) => exchangeLikeId(`event|${ownerId}|${iCalUId}`),
  seriesMasterId: (ownerId, seriesKey) => exchangeLikeId(`series|${ownerId}|${seriesKey}`),
};

const NO_TIME = "0001-01-01T00:00:00Z";
const BODY_PREVIEW_LENGTH = 255;

const usersByAddress = new WeakMap<SimTenant, Map<string, SimUser>>();

/** The tenant user an address (primary, UPN or alias) belongs to, case-insensitively. */
export function userByAddress(tenant: SimTenant, address: string): SimUser | undefined {
  let index = usersByAddress.get(tenant);
  if (index === undefined) {
    index = new Map();
    for (const user of tenant.users) {
      for (const a of [user.mail, user.userPrincipalName, ...user.aliases]) index.set(a.toLowerCase(), user);
    }
    usersByAddress.set(tenant, index);
  }
  return index.get(address.toLowerCase());
}

/**
 * The ids of the users whose calendars hold the meeting: the organizer when they are a tenant user
 * (unless the meeting is cancelled), then every attendee who is a tenant user, declined ones included,
 * in attendee order and without repeats; narrowed to `meeting.mailboxes` when it is set.
 */
export function mailboxesOf(meeting: SimMeeting, tenant: SimTenant): string[] {
  const ids: string[] = [];
  const add = (user: SimUser | undefined): void => {
    if (user !== undefined && !ids.includes(user.id)) ids.push(user.id);
  };
  if (!meeting.isCancelled) add(userByAddress(tenant, meeting.organizer));
  for (const attendee of meeting.attendees) add(userByAddress(tenant, attendee.email));
  const only = meeting.mailboxes;
  return only === undefined ? ids : ids.filter((id) => only.includes(id));
}

/** The owner's part in a meeting: organizer, or the attendee entry that is theirs. */
function ownerRole(meeting: SimMeeting, owner: SimUser): "organizer" | SimAttendee | undefined {
  const addresses = new Set(
    [owner.mail, owner.userPrincipalName, ...owner.aliases].map((a) => a.toLowerCase()),
  );
  if (addresses.has(meeting.organizer.toLowerCase())) return "organizer";
  return meeting.attendees.find((a) => addresses.has(a.email.toLowerCase()));
}

/** How the meeting shows in the owner's free/busy, after their own response. */
export function ownerShowAs(meeting: SimMeeting, owner: SimUser): ShowAs {
  const role = ownerRole(meeting, owner);
  if (role === undefined || role === "organizer") return meeting.showAs;
  return copyShowAs(meeting.showAs, role.response);
}

/** The owner's own response to the meeting (`organizer` for the organizer). */
export function ownerResponse(meeting: SimMeeting, owner: SimUser): ResponseKind {
  const role = ownerRole(meeting, owner);
  if (role === "organizer") return "organizer";
  return role === undefined ? "none" : role.response;
}

function copyShowAs(showAs: ShowAs, response: ResponseKind): ShowAs {
  if (response === "declined") return "free";
  const unanswered = response === "none" || response === "notResponded" || response === "tentativelyAccepted";
  return unanswered && showAs === "busy" ? "tentative" : showAs;
}

export type GraphJson = Record<string, unknown>;

/**
 * The event JSON that `owner`'s calendarView returns for this meeting (an occurrence when the meeting
 * belongs to a series), with Graph's keys and value types. `owner` must be one of `mailboxesOf`.
 */
export function graphEventFor(
  meeting: SimMeeting,
  owner: SimUser,
  ids: GraphIdScheme = hashedGraphIds,
): GraphJson {
  const role = ownerRole(meeting, owner);
  const isOrganizer = role === "organizer";
  const response: ResponseKind = isOrganizer ? "organizer" : (role?.response ?? "none");
  const created = meeting.createdDateTime ?? defaultCreated(meeting);
  const modified = meeting.lastModifiedDateTime ?? created;
  const respondedAt = response === "none" || response === "organizer" ? NO_TIME : modified;
  const id = ids.eventId(owner.id, meeting.iCalUId);
  const type =
    meeting.seriesKey === undefined ? "singleInstance" : meeting.isException ? "exception" : "occurrence";
  const attendees = meeting.attendees.map((attendee) => {
    const own = role !== "organizer" && attendee === role;
    const known = isOrganizer || own;
    return {
      type: attendee.type,
      status: {
        response: known ? attendee.response : "none",
        time: known && attendee.response !== "none" ? modified : NO_TIME,
      },
      emailAddress: { name: attendee.name, address: attendee.email },
    };
  });
  const location =
    meeting.location === undefined
      ? { displayName: "", locationType: "default", uniqueIdType: "unknown" }
      : {
          displayName: meeting.location,
          locationType: "default",
          uniqueId: meeting.location,
          uniqueIdType: "private",
        };
  const body = {
    id,
    createdDateTime: created,
    lastModifiedDateTime: modified,
    categories: [...meeting.categories],
    iCalUId: meeting.iCalUId,
    reminderMinutesBeforeStart: meeting.isAllDay ? 1080 : 15,
    isReminderOn: !meeting.isCancelled,
    hasAttachments: false,
    subject: meeting.subject,
    bodyPreview: meeting.body.replace(/\s+/g, " ").trim().slice(0, BODY_PREVIEW_LENGTH),
    importance: "normal",
    sensitivity: meeting.sensitivity,
    isAllDay: meeting.isAllDay,
    isCancelled: meeting.isCancelled,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: meeting.seriesKey === undefined ? null : ids.seriesMasterId(owner.id, meeting.seriesKey),
    showAs: isOrganizer || role === undefined ? meeting.showAs : copyShowAs(meeting.showAs, response),
    type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: "unknown",
    onlineMeeting: null,
    allowNewTimeProposals: true,
    isDraft: false,
    transactionId: null,
    hideAttendees: false,
    recurrence: null,
    responseStatus: { response, time: respondedAt },
    body: { contentType: "text", content: meeting.body },
    start: { dateTime: graphDateTime(meeting.start, meeting.isAllDay), timeZone: "UTC" },
    end: { dateTime: graphDateTime(meeting.end, meeting.isAllDay), timeZone: "UTC" },
    location,
    locations: meeting.location === undefined ? [] : [{ ...location, uniqueIdType: "unknown" }],
    attendees,
    organizer: { emailAddress: { name: meeting.organizerName, address: meeting.organizer } },
  };
  const changeKey = changeKeyOf(body);
  return { "@odata.etag": `W/"${changeKey}"`, ...body, changeKey };
}

/**
 * Graph writes local date-times with seven fractional digits ("2026-03-02T09:00:00.0000000"). All-day
 * events are floating dates: midnight of the date, whatever zone is asked for.
 */
export function graphDateTime(isoInstant: string, isAllDay = false): string {
  const instant = Date.parse(isoInstant);
  if (Number.isNaN(instant)) throw new RangeError(`not an ISO instant: ${isoInstant}`);
  const text = new Date(instant).toISOString();
  return isAllDay ? `${text.slice(0, 10)}T00:00:00.0000000` : `${text.slice(0, 19)}.0000000`;
}

/** A meeting that says nothing of its creation was, for the simulator, created two weeks before it starts. */
function defaultCreated(meeting: SimMeeting): string {
  return new Date(Date.parse(meeting.start) - 14 * 86_400_000).toISOString();
}

function changeKeyOf(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("base64").slice(0, 28);
}

function exchangeLikeId(key: string): string {
  const digest = createHash("sha256").update(key).digest();
  const bytes = Buffer.concat([Buffer.from([0x00, 0x03, 0x24, 0x00]), digest, digest.subarray(0, 16)]);
  return bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
}
