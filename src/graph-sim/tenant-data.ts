/**
 * The data a simulated tenant holds: directory users and meetings. The demo-tenant generator writes
 * it; the Graph simulator serves it. A meeting is stored once and appears in the calendar of its
 * organizer and of every attendee (each copy with its own id, `isOrganizer` and `responseStatus`),
 * as Exchange does; `mailboxes` narrows that for events that live in one calendar only (out of office,
 * private appointments).
 */

import type { AttendeeType, ResponseKind, Sensitivity, ShowAs } from "../domain/calendar-event.ts";

export interface SimWorkingHours {
  /** Graph's lower-case weekday names. */
  readonly daysOfWeek: readonly string[];
  /** "08:00:00.0000000", as Graph writes times of day. */
  readonly startTime: string;
  readonly endTime: string;
  /** A Windows time-zone name, as Graph returns by default ("Pacific Standard Time"). */
  readonly timeZone: string;
}

export interface SimUser {
  /** Directory object id (a GUID). */
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string;
  /** Other SMTP addresses, without the "smtp:" prefix. */
  readonly aliases: readonly string[];
  readonly managerId: string | null;
  /** ISO date, Graph's `employeeHireDate` (date part). */
  readonly hireDate: string | null;
  /** The mailbox's time zone (Windows name). */
  readonly timeZone: string;
  readonly workingHours: SimWorkingHours;
  /** Whom the user shared their calendar with in Outlook; nobody when absent. */
  readonly calendarShares?: readonly SimCalendarShare[];
}

/**
 * A calendar shared in Outlook: the recipient may read its events (`read`), or also write them
 * (`write`). Delegated Graph calls open another user's calendar only through such a share.
 */
export interface SimCalendarShare {
  /** The recipient's directory object id. */
  readonly userId: string;
  readonly role: "read" | "write";
}

export interface SimAttendee {
  /** Lower-case address; may belong to someone outside the tenant (a customer) or a room. */
  readonly email: string;
  readonly name: string;
  readonly type: AttendeeType;
  readonly response: ResponseKind;
}

export interface SimMeeting {
  /** Shared by every copy of this meeting (per occurrence for series). */
  readonly iCalUId: string;
  readonly subject: string;
  /** Plain text; the simulator serves it as the event body. */
  readonly body: string;
  /** UTC instants, ISO-8601 with Z. For all-day events, midnight UTC of the floating dates. */
  readonly start: string;
  readonly end: string;
  readonly isAllDay: boolean;
  /** Lower-case address of the organizer (inside or outside the tenant). */
  readonly organizer: string;
  readonly organizerName: string;
  readonly attendees: readonly SimAttendee[];
  readonly showAs: ShowAs;
  readonly sensitivity: Sensitivity;
  readonly categories: readonly string[];
  readonly isCancelled: boolean;
  /** Occurrences of one series share `seriesKey`; undefined for single instances. */
  readonly seriesKey?: string;
  /** True for an occurrence that was changed from the series pattern (Graph type "exception"). */
  readonly isException?: boolean;
  readonly location?: string;
  /** When set, only these users' (ids) calendars hold the event. */
  readonly mailboxes?: readonly string[];
  /** ISO instants (Z) Graph reports as `createdDateTime` / `lastModifiedDateTime`, when known. */
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
}

export interface SimAccount {
  readonly domain: string;
  readonly name: string;
  readonly openPipeline: number;
}

export interface SimTenant {
  /** Entra tenant id (a GUID). */
  readonly tenantId: string;
  /** Verified domains; the first is the default. */
  readonly domains: readonly string[];
  readonly bigDealThreshold: number;
  readonly accounts: readonly SimAccount[];
  readonly users: readonly SimUser[];
  readonly meetings: readonly SimMeeting[];
}
