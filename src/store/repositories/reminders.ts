import { type Kysely, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import { toDate, toInstant, toInstantOrNull } from "../columns.ts";
import type { Database, KindColumn, NoteStatus, ReminderStatus } from "../schema.ts";

/** A booked field day as the reminders read it: times and people only. */
export interface FieldDayRow {
  readonly managerEmail: string;
  readonly eventId: string;
  readonly iCalUId: string;
  readonly repEmail: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** A note's people, kind and milestones: never its text. */
export interface NoteMilestonesRow {
  readonly noteId: string;
  readonly meetingICalUId: string;
  readonly repEmail: string;
  readonly managerEmail: string;
  readonly meetingKind: KindColumn | null;
  readonly meetingStart: Instant | null;
  readonly status: NoteStatus;
  readonly sharedAt: Instant | null;
  readonly signedOffAt: Instant | null;
}

export interface ReminderClaim {
  readonly dedupeKey: string;
  readonly activityType: string;
  readonly recipientEmail: string;
}

export interface SentReminderRecord extends ReminderClaim {
  readonly status: ReminderStatus;
  readonly claimedBy: string;
  readonly claimedAt: Instant;
  readonly finishedAt: Instant | null;
  readonly failureCode: string | null;
}

export interface RemindersRepository {
  /**
   * Claims a reminder for sending: true for exactly one caller per tenant and key, ever (until a
   * failed send gives the claim back with `release`).
   */
  claim(tenantId: string, reminder: ReminderClaim, owner: string, now: Instant): Promise<boolean>;
  /** Marks a claimed reminder sent, or undeliverable with the reason's code. */
  finish(
    tenantId: string,
    dedupeKey: string,
    outcome: { readonly status: "sent" | "undeliverable"; readonly failureCode: string | null },
    now: Instant,
  ): Promise<void>;
  /** Gives a claim back after a send that may succeed later (throttled, unavailable). */
  release(tenantId: string, dedupeKey: string, owner: string): Promise<void>;
  list(tenantId: string): Promise<SentReminderRecord[]>;
  /** Person (lower-case email) → the reminder types they opted out of ("all" for every type). */
  optOuts(tenantId: string): Promise<Map<string, Set<string>>>;
  setOptOut(
    tenantId: string,
    personEmail: string,
    activityType: string,
    optedOut: boolean,
    now: Instant,
  ): Promise<void>;
  /** Field days (not cancelled) overlapping the window, in every manager's calendar. */
  fieldDays(tenantId: string, window: Interval): Promise<FieldDayRow[]>;
  /** Notes shared or signed off at or after `since`, and every note of the given meetings. */
  noteMilestones(
    tenantId: string,
    query: { readonly since: Instant; readonly meetings: readonly string[] },
  ): Promise<NoteMilestonesRow[]>;
}

export function remindersRepository(db: Kysely<Database>): RemindersRepository {
  return {
    async claim(tenantId, reminder, owner, now) {
      const row = await db
        .insertInto("reminders_sent")
        .values({
          tenant_id: tenantId,
          dedupe_key: reminder.dedupeKey,
          activity_type: reminder.activityType,
          recipient_email: reminder.recipientEmail.toLowerCase(),
          status: "sending",
          claimed_by: owner,
          claimed_at: toDate(now),
        })
        .onConflict((conflict) => conflict.columns(["tenant_id", "dedupe_key"]).doNothing())
        .returning("dedupe_key")
        .executeTakeFirst();
      return row !== undefined;
    },

    async finish(tenantId, dedupeKey, { status, failureCode }, now) {
      await db
        .updateTable("reminders_sent")
        .set({ status, failure_code: failureCode, finished_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .where("dedupe_key", "=", dedupeKey)
        .where("status", "=", "sending")
        .execute();
    },

    async release(tenantId, dedupeKey, owner) {
      await db
        .deleteFrom("reminders_sent")
        .where("tenant_id", "=", tenantId)
        .where("dedupe_key", "=", dedupeKey)
        .where("status", "=", "sending")
        .where("claimed_by", "=", owner)
        .execute();
    },

    async list(tenantId) {
      const rows = await db
        .selectFrom("reminders_sent")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("claimed_at")
        .orderBy("dedupe_key")
        .execute();
      return rows.map((row) => ({
        dedupeKey: row.dedupe_key,
        activityType: row.activity_type,
        recipientEmail: row.recipient_email,
        status: row.status,
        claimedBy: row.claimed_by,
        claimedAt: toInstant(row.claimed_at),
        finishedAt: toInstantOrNull(row.finished_at),
        failureCode: row.failure_code,
      }));
    },

    async optOuts(tenantId) {
      const rows = await db
        .selectFrom("reminder_opt_outs")
        .select(["person_email", "activity_type"])
        .where("tenant_id", "=", tenantId)
        .execute();
      const out = new Map<string, Set<string>>();
      for (const row of rows) {
        const types = out.get(row.person_email) ?? new Set<string>();
        types.add(row.activity_type);
        out.set(row.person_email, types);
      }
      return out;
    },

    async setOptOut(tenantId, personEmail, activityType, optedOut, now) {
      const email = personEmail.toLowerCase();
      if (optedOut) {
        await db
          .insertInto("reminder_opt_outs")
          .values({
            tenant_id: tenantId,
            person_email: email,
            activity_type: activityType,
            opted_out_at: toDate(now),
          })
          .onConflict((conflict) =>
            conflict.columns(["tenant_id", "person_email", "activity_type"]).doNothing(),
          )
          .execute();
        return;
      }
      await db
        .deleteFrom("reminder_opt_outs")
        .where("tenant_id", "=", tenantId)
        .where("person_email", "=", email)
        .where("activity_type", "=", activityType)
        .execute();
    },

    async fieldDays(tenantId, window) {
      const rows = await db
        .selectFrom("classified_events")
        .select(["mailbox", "event_id", "ical_uid", "reps", "start_at", "end_at"])
        .where("tenant_id", "=", tenantId)
        .where("kind", "=", "field-day")
        .where("is_cancelled", "=", false)
        .where("ical_uid", "is not", null)
        .where("start_at", "<", toDate(window.end))
        .where("end_at", ">", toDate(window.start))
        .orderBy("start_at")
        .orderBy("mailbox")
        .orderBy("event_id")
        .execute();
      // A field day has exactly one rep (SPEC §3); a row without one cannot be reminded about.
      return rows.flatMap((row) =>
        row.reps.length === 1 && row.ical_uid !== null
          ? [
              {
                managerEmail: row.mailbox,
                eventId: row.event_id,
                iCalUId: row.ical_uid,
                repEmail: row.reps[0]!,
                start: toInstant(row.start_at),
                end: toInstant(row.end_at),
              },
            ]
          : [],
      );
    },

    async noteMilestones(tenantId, { since, meetings }) {
      const at = toDate(since);
      const rows = await db
        .selectFrom("notes")
        .select([
          "note_id",
          "meeting_ical_uid",
          "rep_email",
          "manager_email",
          "meeting_kind",
          "meeting_start",
          "status",
          "shared_at",
          "signed_off_at",
        ])
        .where("tenant_id", "=", tenantId)
        .where((eb) =>
          eb.or([
            eb("shared_at", ">=", at),
            eb("signed_off_at", ">=", at),
            ...(meetings.length === 0 ? [] : [eb("meeting_ical_uid", "in", [...meetings])]),
          ]),
        )
        .orderBy(sql`coalesce(signed_off_at, shared_at)`)
        .orderBy("note_id")
        .execute();
      return rows.map((row) => ({
        noteId: row.note_id,
        meetingICalUId: row.meeting_ical_uid,
        repEmail: row.rep_email,
        managerEmail: row.manager_email,
        meetingKind: row.meeting_kind,
        meetingStart: toInstantOrNull(row.meeting_start),
        status: row.status,
        sharedAt: toInstantOrNull(row.shared_at),
        signedOffAt: toInstantOrNull(row.signed_off_at),
      }));
    },
  };
}
