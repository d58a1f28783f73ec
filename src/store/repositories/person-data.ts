import { type Kysely, sql } from "kysely";
import { atomically } from "../columns.ts";
import type { Database } from "../schema.ts";

/**
 * Everything stored about one person, table by table, as the database holds it: the answer to a
 * data-subject access request (SPEC §9). The caller shapes it for the requester.
 */
export interface PersonDataExport {
  readonly email: string;
  readonly tables: Readonly<Record<PersonTable, readonly Readonly<Record<string, unknown>>[]>>;
}

export type PersonTable =
  | "people"
  | "reporting_lines"
  | "coaching_plans"
  | "plan_goals"
  | "rep_metrics"
  | "rep_metric_history"
  | "notes"
  | "note_versions"
  | "actions"
  | "review_comments"
  | "suggestions"
  | "event_overrides"
  | "classified_events"
  | "audit_log"
  | "graph_subscriptions"
  | "reminders_sent"
  | "reminder_opt_outs";

export interface PersonDataRepository {
  /** Rows that are about the person, or that they wrote; an unknown email gives empty tables. */
  export(tenantId: string, email: string): Promise<PersonDataExport>;
  /**
   * Deletes, in one transaction, what is about the person: their directory entry, plan, goals, figures,
   * the notes in which they are the rep (with versions, actions and review comments), suggestions,
   * overrides and classified events of their calendar, and their address in other calendars' events,
   * their calendar's change-notification subscription (Graph drops it when it expires; its notifications
   * are ignored meanwhile), the reminders sent to them and their reminder opt-outs.
   * Notes they wrote as a manager stay with their reps, and the audit log stays as the record of who
   * did what. Returns the rows removed or changed per table.
   */
  erase(tenantId: string, email: string): Promise<Partial<Record<PersonTable, number>>>;
}

export function personDataRepository(db: Kysely<Database>): PersonDataRepository {
  return {
    async export(tenantId, rawEmail) {
      const email = rawEmail.toLowerCase();
      const person = await db
        .selectFrom("people")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("email", "=", email)
        .execute();
      const objectIds = person.map((row) => row.object_id);
      const notes = await db
        .selectFrom("notes")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where((eb) => eb.or([eb("rep_email", "=", email), eb("manager_email", "=", email)]))
        .orderBy("created_at")
        .execute();
      const noteIds = notes.map((note) => note.note_id);
      const byRep = async (table: "coaching_plans" | "plan_goals" | "rep_metrics" | "rep_metric_history") =>
        (
          await sql<Record<string, unknown>>`select * from ${sql.table(table)}
            where tenant_id = ${tenantId} and rep_email = ${email}`.execute(db)
        ).rows;
      const tables: Record<PersonTable, Record<string, unknown>[]> = {
        people: person,
        reporting_lines:
          objectIds.length === 0
            ? []
            : await db
                .selectFrom("reporting_lines")
                .selectAll()
                .where("tenant_id", "=", tenantId)
                .where((eb) =>
                  eb.or([eb("person_object_id", "in", objectIds), eb("manager_object_id", "in", objectIds)]),
                )
                .execute(),
        coaching_plans: await byRep("coaching_plans"),
        plan_goals: await byRep("plan_goals"),
        rep_metrics: await byRep("rep_metrics"),
        rep_metric_history: await byRep("rep_metric_history"),
        notes,
        note_versions:
          noteIds.length === 0
            ? []
            : await db
                .selectFrom("note_versions")
                .selectAll()
                .where("tenant_id", "=", tenantId)
                .where("note_id", "in", noteIds)
                .orderBy("note_id")
                .orderBy("version")
                .execute(),
        actions: await db
          .selectFrom("actions")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("rep_email", "=", email)
          .orderBy("created_at")
          .execute(),
        review_comments: await db
          .selectFrom("review_comments")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where((eb) =>
            noteIds.length === 0
              ? eb("author_email", "=", email)
              : eb.or([eb("author_email", "=", email), eb("note_id", "in", noteIds)]),
          )
          .orderBy("created_at")
          .execute(),
        suggestions: await db
          .selectFrom("suggestions")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where((eb) => eb.or([eb("rep_email", "=", email), eb("manager_email", "=", email)]))
          .orderBy("start_at")
          .execute(),
        event_overrides: await db
          .selectFrom("event_overrides")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("mailbox", "=", email)
          .execute(),
        classified_events: await db
          .selectFrom("classified_events")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where((eb) => eb.or([eb("mailbox", "=", email), sql<boolean>`reps ? ${email}`]))
          .orderBy("start_at")
          .execute(),
        audit_log: await db
          .selectFrom("audit_log")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("actor", "=", email)
          .orderBy("audit_id")
          .execute(),
        graph_subscriptions: await db
          .selectFrom("graph_subscriptions")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("manager_email", "=", email)
          .execute(),
        reminders_sent: await db
          .selectFrom("reminders_sent")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("recipient_email", "=", email)
          .orderBy("claimed_at")
          .execute(),
        reminder_opt_outs: await db
          .selectFrom("reminder_opt_outs")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("person_email", "=", email)
          .execute(),
      };
      return { email, tables };
    },

    erase(tenantId, rawEmail) {
      const email = rawEmail.toLowerCase();
      return atomically(db, async (tx) => {
        const counts: Partial<Record<PersonTable, number>> = {};
        const count = (table: PersonTable, rows: bigint | undefined) => {
          const n = Number(rows ?? 0n);
          if (n > 0) counts[table] = (counts[table] ?? 0) + n;
        };
        const objectIds = (
          await tx
            .selectFrom("people")
            .select("object_id")
            .where("tenant_id", "=", tenantId)
            .where("email", "=", email)
            .execute()
        ).map((row) => row.object_id);
        if (objectIds.length > 0) {
          const lines = await tx
            .deleteFrom("reporting_lines")
            .where("tenant_id", "=", tenantId)
            .where((eb) =>
              eb.or([eb("person_object_id", "in", objectIds), eb("manager_object_id", "in", objectIds)]),
            )
            .executeTakeFirst();
          count("reporting_lines", lines.numDeletedRows);
        }
        const people = await tx
          .deleteFrom("people")
          .where("tenant_id", "=", tenantId)
          .where("email", "=", email)
          .executeTakeFirst();
        count("people", people.numDeletedRows);
        for (const table of ["coaching_plans", "plan_goals", "rep_metrics", "rep_metric_history"] as const) {
          const result = await tx
            .deleteFrom(table)
            .where("tenant_id", "=", tenantId)
            .where("rep_email", "=", email)
            .executeTakeFirst();
          count(table, result.numDeletedRows);
        }
        // Versions, actions and review comments of these notes go with them (on delete cascade).
        const notes = await tx
          .deleteFrom("notes")
          .where("tenant_id", "=", tenantId)
          .where("rep_email", "=", email)
          .executeTakeFirst();
        count("notes", notes.numDeletedRows);
        const comments = await tx
          .deleteFrom("review_comments")
          .where("tenant_id", "=", tenantId)
          .where("author_email", "=", email)
          .executeTakeFirst();
        count("review_comments", comments.numDeletedRows);
        const suggestions = await tx
          .deleteFrom("suggestions")
          .where("tenant_id", "=", tenantId)
          .where((eb) => eb.or([eb("rep_email", "=", email), eb("manager_email", "=", email)]))
          .executeTakeFirst();
        count("suggestions", suggestions.numDeletedRows);
        const overrides = await tx
          .deleteFrom("event_overrides")
          .where("tenant_id", "=", tenantId)
          .where("mailbox", "=", email)
          .executeTakeFirst();
        count("event_overrides", overrides.numDeletedRows);
        const ownEvents = await tx
          .deleteFrom("classified_events")
          .where("tenant_id", "=", tenantId)
          .where("mailbox", "=", email)
          .executeTakeFirst();
        count("classified_events", ownEvents.numDeletedRows);
        const othersEvents = await tx
          .updateTable("classified_events")
          .set({ reps: sql<string>`reps - ${email}::text` })
          .where("tenant_id", "=", tenantId)
          .where(sql<boolean>`reps ? ${email}`)
          .executeTakeFirst();
        count("classified_events", othersEvents.numUpdatedRows);
        for (const [table, column] of [
          ["graph_subscriptions", "manager_email"],
          ["reminders_sent", "recipient_email"],
          ["reminder_opt_outs", "person_email"],
        ] as const) {
          const result = await tx
            .deleteFrom(table)
            .where("tenant_id", "=", tenantId)
            .where(column, "=", email)
            .executeTakeFirst();
          count(table, result.numDeletedRows);
        }
        return counts;
      });
    },
  };
}
