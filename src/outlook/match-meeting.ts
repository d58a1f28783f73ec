/**
 * Which of the classified meetings at the open meeting's time is the open meeting. Outlook gives the
 * meeting's id in the opener's own mailbox, which is the classified event's id when the opener is the
 * manager whose calendar FieldCoach reads; a rep's copy has another id, so times and people decide.
 * When more than one meeting could be it, the person chooses: the panel never guesses.
 */

import type { ClassifiedEvent } from "../api/events.ts";
import type { Appointment } from "./office-host.ts";

export type MeetingMatch =
  | { readonly kind: "found"; readonly event: ClassifiedEvent; readonly by: "iCalUId" | "id" | "times" }
  | { readonly kind: "choose"; readonly candidates: readonly ClassifiedEvent[] }
  | { readonly kind: "none" };

export function matchMeeting(appointment: Appointment, events: readonly ClassifiedEvent[]): MeetingMatch {
  if (appointment.iCalUId !== null) {
    const same = events.filter((event) => event.iCalUId === appointment.iCalUId);
    const decided = decide(same, "iCalUId");
    if (decided !== undefined) return decided;
  }
  const { itemId } = appointment;
  if (itemId.kind === "known") {
    const byId = events.find((event) => event.eventId === itemId.restId);
    if (byId !== undefined) return { kind: "found", event: byId, by: "id" };
  }
  const start = Date.parse(appointment.start);
  const end = Date.parse(appointment.end);
  const sameTimes = events.filter(
    (event) => Date.parse(event.start) === start && Date.parse(event.end) === end,
  );
  const people = peopleOf(appointment);
  const withTheseReps =
    people.size === 0 ? sameTimes : sameTimes.filter((event) => event.reps.every((rep) => people.has(rep)));
  const decided = decide(withTheseReps, "times") ?? decide(sameTimes, "times");
  if (decided !== undefined) return decided;
  const overlapping = events.filter(
    (event) => Date.parse(event.start) < end && Date.parse(event.end) > start,
  );
  return overlapping.length === 0 ? { kind: "none" } : { kind: "choose", candidates: overlapping };
}

function decide(events: readonly ClassifiedEvent[], by: "iCalUId" | "times"): MeetingMatch | undefined {
  if (events.length === 1) return { kind: "found", event: events[0]!, by };
  if (events.length > 1) return { kind: "choose", candidates: events };
  return undefined;
}

/** Everyone Outlook names on the meeting, by lower-case address; empty when the host cannot tell. */
function peopleOf(appointment: Appointment): Set<string> {
  const people = new Set(appointment.attendees.map((attendee) => attendee.email));
  if (appointment.organizer !== null) people.add(appointment.organizer.email);
  return people;
}
