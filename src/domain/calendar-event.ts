import type { Instant } from "./instant.ts";

/** A calendar event as the domain needs it, independent of Graph's wire shape. */

export type ShowAs = "free" | "tentative" | "busy" | "oof" | "workingElsewhere" | "unknown";
export type Sensitivity = "normal" | "personal" | "private" | "confidential";
export type AttendeeType = "required" | "optional" | "resource";
export type ResponseKind =
  | "none"
  | "organizer"
  | "tentativelyAccepted"
  | "accepted"
  | "declined"
  | "notResponded";
export type EventType = "singleInstance" | "occurrence" | "exception" | "seriesMaster";

export interface EmailParty {
  /** Lower-case SMTP address. */
  readonly email: string;
  /** Display name as the sender wrote it; never used for matching. */
  readonly name: string | null;
}

export interface Attendee extends EmailParty {
  readonly type: AttendeeType;
  readonly response: ResponseKind;
}

export interface CalendarEvent {
  /** Per-mailbox Graph id. */
  readonly id: string;
  /** Shared across attendees' copies (differs per occurrence); null when Graph did not send it. */
  readonly iCalUId: string | null;
  readonly subject: string | null;
  readonly start: Instant;
  readonly end: Instant;
  readonly isAllDay: boolean;
  /**
   * For all-day events, the floating dates (YYYY-MM-DD) the event covers: `allDayDates.start`
   * inclusive, `allDayDates.end` exclusive, as Graph writes them. Undefined otherwise.
   */
  readonly allDayDates?: { readonly start: string; readonly end: string };
  readonly isCancelled: boolean;
  readonly showAs: ShowAs;
  readonly sensitivity: Sensitivity;
  readonly organizer: EmailParty | null;
  readonly attendees: readonly Attendee[];
  /** True when the calendar's owner organized it (or a delegate did on their behalf). */
  readonly isOrganizer: boolean;
  /** The calendar owner's own response. */
  readonly ownerResponse: ResponseKind;
  readonly categories: readonly string[];
  readonly type: EventType;
  readonly seriesMasterId: string | null;
}

/**
 * An event Graph sent without the fields classification needs (a `$select` that left them out, or a
 * truncated payload). It is still reported, once, with what is missing.
 */
export interface IncompleteEvent {
  readonly incomplete: true;
  readonly id: string | null;
  readonly iCalUId: string | null;
  readonly missing: readonly string[];
}

export type EventInput = CalendarEvent | IncompleteEvent;

export function isIncomplete(event: EventInput): event is IncompleteEvent {
  return "incomplete" in event;
}
