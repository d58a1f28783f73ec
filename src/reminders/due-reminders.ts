/**
 * Which Teams activity-feed reminders are due at `now`, each under a stable dedupe key so that sending
 * it once, ever, is a matter of remembering the key:
 * - a field day ended a day ago and still has no coaching note → its manager;
 * - a note was shared → the rep it is about;
 * - a field-visit report (the note of a field day) was signed off → the executive above the manager;
 * - a field day starts within a day → both the manager and the rep (moving the field day makes a new
 *   reminder: the key holds its start).
 * Each is due only for a week after what it is about, so that the first run after an outage or a new
 * installation does not remind anyone of last year. People who opted out of a reminder type (or of
 * all) get none of that type. Pure: time comes in as `now`; only ids, names and dates leave here, never
 * a note's content.
 */

import { DateTime } from "luxon";
import { type Instant, MS_PER_DAY } from "../domain/instant.ts";
import { toIanaZone } from "../domain/time-zone.ts";
import type { Route } from "../ui/router/route.ts";

/** The activity types of FieldCoach's manifest (manifest/app-definition.ts). */
export type ReminderType = "fieldDayNoteMissing" | "noteShared" | "reportSignedOff" | "fieldDayReminder";

/** How long after what it is about a reminder may still go out. */
export const REMINDER_LIFETIME_MS = 7 * MS_PER_DAY;
/** A field day's note is asked for this long after the field day ended. */
export const NOTE_MISSING_AFTER_MS = MS_PER_DAY;
/** A booked field day is announced this long before it starts. */
export const FIELD_DAY_NOTICE_MS = MS_PER_DAY;
/** Opting out of this stops every reminder type. */
export const ALL_REMINDERS = "all";

export interface ReminderPerson {
  /** Lower-case primary address. */
  readonly email: string;
  /** Directory object id: the recipient of Graph's call. */
  readonly objectId: string;
  readonly name: string;
  readonly managerEmail: string | null;
  /** IANA zone; null when Graph has not told it (dates are then written in UTC, saying so). */
  readonly timeZone: string | null;
}

export interface FieldDayFact {
  readonly managerEmail: string;
  readonly repEmail: string;
  readonly iCalUId: string;
  readonly start: Instant;
  readonly end: Instant;
}

export interface NoteFact {
  readonly noteId: string;
  readonly meetingICalUId: string;
  readonly repEmail: string;
  readonly managerEmail: string;
  readonly meetingKind: string | null;
  readonly meetingStart: Instant | null;
  readonly sharedAt: Instant | null;
  readonly signedOffAt: Instant | null;
}

export interface ReminderInput {
  readonly now: Instant;
  readonly people: readonly ReminderPerson[];
  /** Booked field days (not cancelled) ending or starting around `now`. */
  readonly fieldDays: readonly FieldDayFact[];
  /** Notes shared or signed off recently, and every note of those field days. */
  readonly notes: readonly NoteFact[];
  /** Person → reminder types they opted out of, or ALL_REMINDERS. */
  readonly preferences: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface DueReminder {
  /** The same for the same reminder at every run, on every instance. */
  readonly dedupeKey: string;
  readonly type: ReminderType;
  readonly recipient: ReminderPerson;
  /** The parameters the manifest's template for `type` takes. */
  readonly templateParameters: Readonly<Record<string, string>>;
  readonly previewText: string;
  /** What the notification is about, shown as its topic. */
  readonly topic: string;
  /** The page it opens. */
  readonly route: Route;
}

export function dueReminders(input: ReminderInput): DueReminder[] {
  const { now } = input;
  const people = new Map(input.people.map((person) => [person.email, person]));
  const due: DueReminder[] = [];
  const add = (reminder: Omit<DueReminder, "recipient">, recipientEmail: string | null) => {
    const recipient = recipientEmail === null ? undefined : people.get(recipientEmail);
    if (recipient === undefined) return;
    const opted = input.preferences.get(recipient.email);
    if (opted?.has(reminder.type) || opted?.has(ALL_REMINDERS)) return;
    due.push({ ...reminder, recipient });
  };
  const nameOf = (email: string) => people.get(email)?.name ?? email;
  const within = (from: Instant) => from <= now && now < from + REMINDER_LIFETIME_MS;

  const noted = new Set(input.notes.map((note) => `${note.meetingICalUId}|${note.repEmail}`));
  for (const day of input.fieldDays) {
    const meeting: Route = { page: "meeting", iCalUId: day.iCalUId, rep: day.repEmail };
    if (within(day.end + NOTE_MISSING_AFTER_MS) && !noted.has(`${day.iCalUId}|${day.repEmail}`)) {
      const date = dateFor(people.get(day.managerEmail), day.start);
      add(
        {
          dedupeKey: `fieldDayNoteMissing:${day.iCalUId}:${day.repEmail}`,
          type: "fieldDayNoteMissing",
          templateParameters: { repName: nameOf(day.repEmail), date },
          previewText: `Write the coaching note of your field day with ${nameOf(day.repEmail)} on ${date} while it is fresh.`,
          topic: "Coaching note",
          route: meeting,
        },
        day.managerEmail,
      );
    }
    if (day.start - FIELD_DAY_NOTICE_MS <= now && now < day.start) {
      for (const [recipient, other] of [
        [day.managerEmail, day.repEmail],
        [day.repEmail, day.managerEmail],
      ] as const) {
        const person = people.get(recipient);
        const date = dateFor(person, day.start);
        add(
          {
            dedupeKey: `fieldDayReminder:${day.iCalUId}:${new Date(day.start).toISOString()}:${recipient}`,
            type: "fieldDayReminder",
            templateParameters: { personName: nameOf(other), date },
            previewText: `Your field day with ${nameOf(other)} starts ${date} at ${timeFor(person, day.start)}.`,
            topic: "Field day",
            route: meeting,
          },
          recipient,
        );
      }
    }
  }

  for (const note of input.notes) {
    const page: Route = { page: "note", noteId: note.noteId };
    const meetingDate = (recipient: string) =>
      note.meetingStart === null ? "" : ` of ${dateFor(people.get(recipient), note.meetingStart)}`;
    if (note.sharedAt !== null && within(note.sharedAt)) {
      add(
        {
          dedupeKey: `noteShared:${note.noteId}`,
          type: "noteShared",
          templateParameters: {},
          previewText: `${nameOf(note.managerEmail)} shared the coaching note${meetingDate(note.repEmail)} with you: add your reflection.`,
          topic: "Coaching note",
          route: page,
        },
        note.repEmail,
      );
    }
    if (note.meetingKind === "field-day" && note.signedOffAt !== null && within(note.signedOffAt)) {
      const executive = people.get(note.managerEmail)?.managerEmail ?? null;
      if (executive === null) continue;
      add(
        {
          dedupeKey: `reportSignedOff:${note.noteId}:${executive}`,
          type: "reportSignedOff",
          templateParameters: { repName: nameOf(note.repEmail) },
          previewText: `${nameOf(note.managerEmail)} signed off the field-visit report${meetingDate(executive)} for ${nameOf(note.repEmail)}: it is ready for your review.`,
          topic: "Field-visit report",
          route: page,
        },
        executive,
      );
    }
  }
  return due.sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey));
}

/** "Mon 2 Mar 2026" in the person's zone; in UTC, saying so, when their zone is unknown. */
function dateFor(person: ReminderPerson | undefined, at: Instant): string {
  const zone = zoneOf(person);
  const text = DateTime.fromMillis(at, { zone: zone ?? "UTC" })
    .setLocale("en-GB")
    .toFormat("ccc d LLL yyyy");
  return zone === undefined ? `${text} (UTC)` : text;
}

function timeFor(person: ReminderPerson | undefined, at: Instant): string {
  const zone = zoneOf(person);
  const text = DateTime.fromMillis(at, { zone: zone ?? "UTC" }).toFormat("HH:mm");
  return zone === undefined ? `${text} UTC` : text;
}

function zoneOf(person: ReminderPerson | undefined): string | undefined {
  return person?.timeZone === null || person === undefined ? undefined : toIanaZone(person.timeZone);
}
