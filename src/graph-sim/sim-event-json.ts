/**
 * A mailbox's copy of a meeting as Graph event JSON: `mailbox-copy.ts`'s shape, plus what only the
 * simulator knows (the transaction id an organizer created it with, a body written as HTML, the zones
 * the event was written in).
 */

import { graphEventFor } from "./mailbox-copy.ts";
import type { JsonObject } from "./sim-http.ts";
import type { SimState } from "./sim-state.ts";
import type { SimMeeting, SimUser } from "./tenant-data.ts";

export function eventJson(state: SimState, owner: SimUser, meeting: SimMeeting): JsonObject {
  const event = graphEventFor(meeting, owner);
  const transactionId = state.transactionIdOf(meeting.iCalUId);
  const body = state.bodyOf(meeting.iCalUId);
  const zones = state.originalZonesOf(meeting);
  return {
    ...event,
    originalStartTimeZone: zones.start,
    originalEndTimeZone: zones.end,
    ...(transactionId !== undefined && event.isOrganizer === true ? { transactionId } : {}),
    ...(body === undefined ? {} : { body: { contentType: body.contentType, content: body.content } }),
  };
}

/** True when the meeting overlaps the half-open window [start, end). */
export function overlapsWindow(meeting: SimMeeting, start: number, end: number): boolean {
  return Date.parse(meeting.start) < end && Date.parse(meeting.end) > start;
}
