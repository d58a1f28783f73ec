/**
 * Which meeting the Teams side panel is open in. Teams tells the panel only an opaque meeting id, not
 * the meeting's times or its calendar event, and the panel only shows during the meeting; so the
 * meeting is the one with reps going on now in the calendar FieldCoach reads. When that is not one
 * meeting, the person chooses: the panel never guesses between two.
 */

import type { ClassifiedEvent } from "../../api/events.ts";

/** People join a few minutes early. */
export const JOIN_EARLY_MS = 15 * 60_000;
/** Meetings run over, and notes are often written right after. */
export const RUN_OVER_MS = 30 * 60_000;

/** What GET /api/events is asked for: every meeting that may be going on now. */
export function meetingNowWindow(now: number): { readonly from: string; readonly to: string } {
  return { from: new Date(now - RUN_OVER_MS).toISOString(), to: new Date(now + JOIN_EARLY_MS).toISOString() };
}

export type CoachingMeeting = ClassifiedEvent & { readonly iCalUId: string };

export type MeetingNow =
  | {
      readonly kind: "found";
      readonly event: CoachingMeeting;
      /** Every meeting with reps around now, this one included, for "not this meeting". */
      readonly candidates: readonly CoachingMeeting[];
    }
  | { readonly kind: "choose"; readonly candidates: readonly CoachingMeeting[] }
  | { readonly kind: "none" };

/**
 * The meeting going on now (from a quarter of an hour before its start to its end), else the one that
 * ended in the last half hour; several at once are for the person to choose from.
 */
export function meetingNow(events: readonly ClassifiedEvent[], now: number): MeetingNow {
  const nearby = events
    .filter((event): event is CoachingMeeting => isCoachingMeeting(event) && isNear(event, now))
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const going = nearby.filter((event) => now < Date.parse(event.end));
  const likely = going.length > 0 ? going : nearby;
  const [only, ...more] = likely;
  if (only === undefined) return { kind: "none" };
  if (more.length > 0) return { kind: "choose", candidates: nearby };
  return { kind: "found", event: only, candidates: nearby };
}

function isCoachingMeeting(event: ClassifiedEvent): boolean {
  return event.iCalUId !== null && event.reps.length > 0 && !event.isCancelled && !event.isAllDay;
}

/** Overlapping the window the API is asked for, as its answer does. */
function isNear(event: ClassifiedEvent, now: number): boolean {
  return Date.parse(event.start) - JOIN_EARLY_MS < now && now < Date.parse(event.end) + RUN_OVER_MS;
}
