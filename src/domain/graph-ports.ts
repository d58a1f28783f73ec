/**
 * What FieldCoach needs from Microsoft 365, in domain terms. The Graph adapter (`src/graph/`) builds
 * these ports; use cases depend on them only, so no Graph type crosses into the domain or the UI.
 */

import type { EventInput } from "./calendar-event.ts";
import type { PersonSchedule, UnusableSchedule } from "./free-busy.ts";
import type { Instant } from "./instant.ts";
import type { Interval } from "./interval.ts";
import type { WorkWeek } from "./working-hours.ts";

/** What a caller should do about a failed call. */
export type GraphFailureKind =
  /** Throttled, unavailable, timed out or the network failed: try again later (after `retryAfterMs`). */
  | "retry-later"
  /** The sync state is gone: drop what was synced for this calendar and start over. */
  | "resync"
  /** Not signed in, token expired, or a permission (scope, role, mailbox access) is missing. */
  | "permission"
  | "not-found"
  /** The request itself is wrong; retrying it unchanged cannot help. */
  | "bad-request";

export interface GraphFailure extends Error {
  readonly kind: GraphFailureKind;
  /** HTTP status; 0 when no response came (network error, timeout). */
  readonly status: number;
  /** Graph's error code ("TooManyRequests", "ErrorAccessDenied"), or the transport's ("Timeout"). */
  readonly code: string;
  /** How long Graph asked to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  /** For permission failures: the permissions (any one of them) the call needs. */
  readonly neededScopes: readonly string[];
}

export function isGraphFailure(error: unknown): error is GraphFailure {
  return (
    error instanceof Error &&
    "kind" in error &&
    typeof error.kind === "string" &&
    "status" in error &&
    typeof error.status === "number"
  );
}

/** A directory user as the org model needs them. */
export interface DirectoryPerson {
  /** Directory object id. */
  readonly id: string;
  readonly displayName: string | null;
  /** Lower-case primary SMTP address; null for users without a mailbox. */
  readonly email: string | null;
  readonly userPrincipalName: string | null;
  readonly jobTitle: string | null;
  /** Lower-case secondary SMTP addresses (the `smtp:` proxy addresses), the primary left out. */
  readonly aliases: readonly string[];
  /** The date the person was hired (`employeeHireDate`, YYYY-MM-DD in UTC); null when the directory has none. */
  readonly hireDate: string | null;
}

/** A person below the root of a subtree and the id of the manager they report to. */
export interface ReportingLine {
  readonly person: DirectoryPerson;
  readonly managerId: string;
}

export interface OrgSubtree {
  readonly root: DirectoryPerson;
  /** Everyone below the root, level by level. */
  readonly members: readonly ReportingLine[];
}

/** A mailbox's own settings: its time zone and working week (or why the working week cannot be used). */
export type MailboxSettings =
  | {
      readonly usable: true;
      /** The mailbox's zone as Graph wrote it (a Windows name by default). */
      readonly timeZone: string | null;
      readonly workWeek: WorkWeek | undefined;
    }
  | { readonly usable: false; readonly timeZone: string | null; readonly why: string };

export interface OrgDirectory {
  person(userId: string): Promise<DirectoryPerson | undefined>;
  /** Undefined when the person has no manager. */
  manager(userId: string): Promise<DirectoryPerson | undefined>;
  directReports(userId: string): Promise<readonly DirectoryPerson[]>;
  /** The root and everyone below it (direct and indirect reports). */
  subtree(rootId: string): Promise<OrgSubtree>;
  /** Mailbox settings per user id; a user without a mailbox is missing from the map. */
  mailboxSettings(userIds: readonly string[]): Promise<ReadonlyMap<string, MailboxSettings>>;
  /** The tenant's verified domains, lower-case. */
  tenantDomains(): Promise<readonly string[]>;
}

export interface CalendarSyncRequest {
  readonly mailboxId: string;
  readonly window: Interval;
  /** What the previous sync of this calendar returned; undefined for the first sync. */
  readonly state: string | undefined;
}

export type CalendarSyncResult =
  | {
      readonly mailboxId: string;
      readonly ok: true;
      /**
       * True when `changed` is the calendar's whole content in the window (first sync, a new window, or
       * a restart after the sync state expired): the caller replaces what it kept. False: apply the changes.
       */
      readonly reset: boolean;
      /** Created or updated events (occurrences expanded), times in UTC. */
      readonly changed: readonly EventInput[];
      /** Per-mailbox ids of events deleted or moved out of the window. */
      readonly removedIds: readonly string[];
      /** Opaque: store it and pass it to the next sync of the same calendar and window. */
      readonly state: string;
    }
  | { readonly mailboxId: string; readonly ok: false; readonly failure: GraphFailure };

export interface CalendarViewRequest {
  readonly mailboxId: string;
  readonly window: Interval;
}

/** One calendar of a `calendarViews` read: its events, or why Graph would not give them. */
export type CalendarViewResult =
  | { readonly mailboxId: string; readonly ok: true; readonly events: readonly EventInput[] }
  | { readonly mailboxId: string; readonly ok: false; readonly failure: GraphFailure };

export interface CalendarReader {
  /** The events of a mailbox's calendar overlapping a window, occurrences expanded, times in UTC. */
  calendarView(mailboxId: string, window: Interval): Promise<readonly EventInput[]>;
  /**
   * Other people's calendars, each read or refused on its own (a refusal for one leaves the others
   * read); one result per request, in the same order.
   */
  calendarViews(requests: readonly CalendarViewRequest[]): Promise<readonly CalendarViewResult[]>;
  /** Changes to each calendar since its state; one result per request, in the same order. */
  sync(requests: readonly CalendarSyncRequest[]): Promise<readonly CalendarSyncResult[]>;
}

export interface ScheduleResult {
  readonly schedules: readonly PersonSchedule[];
  readonly unusable: readonly UnusableSchedule[];
}

export interface ScheduleReader {
  /** Free/busy and working hours of people (by email) in a window, as seen by `requesterId`. */
  schedules(requesterId: string, emails: readonly string[], window: Interval): Promise<ScheduleResult>;
}

export interface FieldDayBooking {
  /** The manager's user id: the event is created in their calendar. */
  readonly organizerId: string;
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly { readonly email: string; readonly name: string | null }[];
  /** Absolute URL of the coaching note, written as a link into the event body. */
  readonly noteUrl: string;
  /** The same for every attempt to book this field day, so a retry never books it twice. */
  readonly transactionId: string;
  /** The FieldCoach session the event belongs to, kept on the event itself. */
  readonly sessionId: string;
  readonly location?: string;
}

export interface BookedEvent {
  /** Per-mailbox id in the organizer's calendar. */
  readonly id: string;
  readonly iCalUId: string | null;
  readonly webLink: string | null;
  readonly event: EventInput;
}

export interface EventWriter {
  createFieldDay(booking: FieldDayBooking): Promise<BookedEvent>;
}

/** The FieldCoach session id kept on an event in a mailbox (one fixed open extension per event). */
export interface EventSessionLinks {
  sessionIdOf(mailboxId: string, eventId: string): Promise<string | undefined>;
  linkSession(mailboxId: string, eventId: string, sessionId: string): Promise<void>;
}
