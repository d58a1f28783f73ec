import { type Kysely, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, toDate } from "../columns.ts";
import type { Database } from "../schema.ts";

/** Rows one batch removed, table by table (a note's versions go with it and are not counted). */
export interface RetentionBatch {
  readonly notes: number;
  readonly actions: number;
  readonly reviewComments: number;
  readonly auditRows: number;
  readonly events: number;
  readonly overrides: number;
  readonly suggestions: number;
  readonly reminders: number;
}

export interface RetentionRepository {
  /**
   * Deletes, in one transaction, up to `limit` records of each kind about meetings that ended before
   * `cutoff`: notes (a note's meeting ended when the last stored copy of it did, or at its start when
   * none is stored; a note whose meeting time was never known is kept) with their versions, actions,
   * review comments and the audit rows of the note and its actions; classified events, and the
   * overrides of events no longer stored; suggestions whose block ended; and the record of reminders
   * claimed before the cutoff (a reminder is due at most a week after what it is about, so none is ever
   * sent again). Run it until a batch removes nothing; running it again removes nothing more.
   */
  deleteExpired(tenantId: string, cutoff: Instant, limit: number): Promise<RetentionBatch>;
}

export function retentionRepository(db: Kysely<Database>): RetentionRepository {
  return {
    deleteExpired(tenantId, cutoff, limit) {
      const before = toDate(cutoff);
      return atomically(db, async (tx) => {
        const noteIds = (
          await tx
            .selectFrom("notes as n")
            .select("n.note_id")
            .where("n.tenant_id", "=", tenantId)
            .where("n.meeting_start", "<", before)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("classified_events as e")
                    .select("e.event_id")
                    .where("e.tenant_id", "=", tenantId)
                    .whereRef("e.ical_uid", "=", "n.meeting_ical_uid")
                    .where("e.end_at", ">=", before),
                ),
              ),
            )
            .orderBy("n.meeting_start")
            .orderBy("n.note_id")
            .limit(limit)
            .execute()
        ).map((row) => row.note_id);
        let actions = 0;
        let reviewComments = 0;
        let auditRows = 0;
        let notes = 0;
        if (noteIds.length > 0) {
          const actionIds = (
            await tx
              .selectFrom("actions")
              .select("action_id")
              .where("tenant_id", "=", tenantId)
              .where("note_id", "in", noteIds)
              .execute()
          ).map((row) => row.action_id);
          actions = actionIds.length;
          const comments = await tx
            .selectFrom("review_comments")
            .select((eb) => eb.fn.countAll<string>().as("count"))
            .where("tenant_id", "=", tenantId)
            .where("note_id", "in", noteIds)
            .executeTakeFirstOrThrow();
          reviewComments = Number(comments.count);
          const audit = await tx
            .deleteFrom("audit_log")
            .where("tenant_id", "=", tenantId)
            .where((eb) =>
              eb.or([
                eb.and([eb("target_type", "=", "note"), eb("target_id", "in", noteIds)]),
                ...(actionIds.length === 0
                  ? []
                  : [eb.and([eb("target_type", "=", "action"), eb("target_id", "in", actionIds)])]),
              ]),
            )
            .executeTakeFirst();
          auditRows = Number(audit.numDeletedRows);
          // Versions, actions and review comments go with their notes (on delete cascade).
          const deleted = await tx
            .deleteFrom("notes")
            .where("tenant_id", "=", tenantId)
            .where("note_id", "in", noteIds)
            .executeTakeFirst();
          notes = Number(deleted.numDeletedRows);
        }

        const events = await tx
          .selectFrom("classified_events")
          .select(["mailbox", "event_id", "ical_uid"])
          .where("tenant_id", "=", tenantId)
          .where("end_at", "<", before)
          .orderBy("end_at")
          .orderBy("mailbox")
          .orderBy("event_id")
          .limit(limit)
          .execute();
        let overrides = 0;
        if (events.length > 0) {
          await tx
            .deleteFrom("classified_events")
            .where("tenant_id", "=", tenantId)
            .where((eb) =>
              eb(
                eb.refTuple("tenant_id", "mailbox", "event_id"),
                "in",
                events.map((event) => eb.tuple(tenantId, event.mailbox, event.event_id)),
              ),
            )
            .execute();
          const keys = new Map(
            events.map((event) => {
              const key = event.ical_uid ?? event.event_id;
              return [`${event.mailbox}\n${key}`, [event.mailbox, key] as const];
            }),
          );
          // An override stays while any copy of its meeting is still stored in that calendar.
          const removed = await tx
            .deleteFrom("event_overrides as o")
            .where("o.tenant_id", "=", tenantId)
            .where((eb) =>
              eb(
                eb.refTuple("o.tenant_id", "o.mailbox", "o.event_key"),
                "in",
                [...keys.values()].map(([mailbox, key]) => eb.tuple(tenantId, mailbox, key)),
              ),
            )
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("classified_events as e")
                    .select("e.event_id")
                    .where("e.tenant_id", "=", tenantId)
                    .whereRef("e.mailbox", "=", "o.mailbox")
                    .where((eb) =>
                      eb(eb.fn.coalesce("e.ical_uid", "e.event_id"), "=", eb.ref("o.event_key")),
                    ),
                ),
              ),
            )
            .executeTakeFirst();
          overrides = Number(removed.numDeletedRows);
        }

        const suggestions = await deleteOldest(
          tx,
          tenantId,
          "suggestions",
          "suggestion_id",
          "end_at",
          before,
          limit,
        );
        const reminders = await deleteOldest(
          tx,
          tenantId,
          "reminders_sent",
          "dedupe_key",
          "claimed_at",
          before,
          limit,
        );

        return {
          notes,
          actions,
          reviewComments,
          auditRows,
          events: events.length,
          overrides,
          suggestions,
          reminders,
        };
      });
    },
  };
}

/** Deletes a table's `limit` rows longest before `before` by `time`; returns how many. */
async function deleteOldest(
  tx: Kysely<Database>,
  tenantId: string,
  table: "suggestions" | "reminders_sent",
  key: "suggestion_id" | "dedupe_key",
  time: "end_at" | "claimed_at",
  before: Date,
  limit: number,
): Promise<number> {
  const result = await sql`delete from ${sql.table(table)}
    where tenant_id = ${tenantId} and ${sql.ref(key)} in (
      select ${sql.ref(key)} from ${sql.table(table)}
      where tenant_id = ${tenantId} and ${sql.ref(time)} < ${before}
      order by ${sql.ref(time)}, ${sql.ref(key)} limit ${limit})`.execute(tx);
  return Number(result.numAffectedRows ?? 0n);
}
