/**
 * Finds FieldCoach's classification of the open meeting through the API (GET /api/events over the
 * meeting's own times): a manager's in their own calendar; a rep's in their manager's calendar, where
 * FieldCoach classifies the meetings between them. The note then goes by the event's iCalUId.
 */

import type { EventsQuery } from "../api/events.ts";
import type { MeResponse } from "../api/me.ts";
import type { ApiClient } from "../ui/api-client.ts";
import { type MeetingMatch, matchMeeting } from "./match-meeting.ts";
import type { Appointment } from "./office-host.ts";

export type MeetingLookup =
  /** A new meeting that was never saved is in no calendar yet. */
  | { readonly kind: "unsaved" }
  /** Someone FieldCoach classifies no meetings for (an executive, a rep without a manager). */
  | { readonly kind: "not-in-a-team" }
  | (MeetingMatch & {
      /** Whose calendar the classification comes from. */
      readonly calendarOwner: string;
    });

/** Whose calendar holds the classification of a meeting this person opens, as GET /api/events names it. */
export function calendarScopeOf(me: MeResponse): Pick<EventsQuery, "manager" | "rep"> | undefined {
  if (me.roles.includes("manager")) return {};
  if (me.roles.includes("rep") && me.manager !== null) {
    return { manager: me.manager.email, rep: me.person.email };
  }
  return undefined;
}

/** The API's window must not be empty: a meeting without length is looked up over its first minute. */
const MIN_WINDOW_MS = 60_000;

export async function lookUpMeeting(
  api: ApiClient,
  me: MeResponse,
  appointment: Appointment,
): Promise<MeetingLookup> {
  if (appointment.itemId.kind === "unsaved") return { kind: "unsaved" };
  const scope = calendarScopeOf(me);
  if (scope === undefined) return { kind: "not-in-a-team" };
  const start = Date.parse(appointment.start);
  const end = Math.max(Date.parse(appointment.end), start + MIN_WINDOW_MS);
  const answer = await api.call("listEvents", {
    query: {
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
      ...scope,
      ...(appointment.iCalUId === null ? {} : { iCalUId: appointment.iCalUId }),
    },
  });
  return { ...matchMeeting(appointment, answer.events), calendarOwner: answer.manager };
}
