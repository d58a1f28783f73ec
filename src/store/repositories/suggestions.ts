import { type Kysely, type Selectable, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import {
  atomically,
  json,
  toDate,
  toInstant,
  toInstantOrNull,
  type VersionedWrite,
  type WriteContext,
} from "../columns.ts";
import type { Database, SuggestionStatus, SuggestionsTable } from "../schema.ts";

export interface SuggestionOffer {
  /** Chosen by the caller; kept when the same rep and day is offered again. */
  readonly suggestionId: string;
  readonly repEmail: string;
  /** "YYYY-MM-DD" on the manager's calendar: a manager is offered one block per rep and day. */
  readonly day: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly score: number;
  readonly reasons: readonly string[];
  /** Sent to Graph when the block is booked, so that a retried booking creates one event. */
  readonly transactionId: string;
}

export interface SuggestionRecord extends SuggestionOffer {
  readonly managerEmail: string;
  readonly status: SuggestionStatus;
  readonly offeredAt: Instant;
  readonly decidedBy: string | null;
  readonly decidedAt: Instant | null;
  /** The event created in the manager's calendar once booked. */
  readonly eventId: string | null;
  readonly noteId: string | null;
}

export interface SuggestionsRepository {
  get(tenantId: string, suggestionId: string): Promise<SuggestionRecord | undefined>;
  /** The manager's suggestions, by start; optionally of some statuses only. */
  list(
    tenantId: string,
    managerEmail: string,
    statuses?: readonly SuggestionStatus[],
  ): Promise<SuggestionRecord[]>;
  /**
   * Makes `offers` the manager's open offers. An offer for a rep and day already offered refreshes it
   * (keeping its id and transaction id); one already accepted or dismissed stays as it was, never
   * offered again. Open offers not in `offers` are withdrawn. Returns the open offers.
   */
  replaceOffers(
    tenantId: string,
    managerEmail: string,
    offers: readonly SuggestionOffer[],
    now: Instant,
  ): Promise<SuggestionRecord[]>;
  /**
   * Accepts an open offer. Accepting one already accepted saves nothing and reports it as saved, so a
   * retried click is harmless; a dismissed one comes back as a conflict. Undefined when not found.
   */
  accept(
    tenantId: string,
    suggestionId: string,
    context: WriteContext,
  ): Promise<VersionedWrite<SuggestionRecord> | undefined>;
  /** Dismisses an open offer, with the same rules as `accept`. */
  dismiss(
    tenantId: string,
    suggestionId: string,
    context: WriteContext,
  ): Promise<VersionedWrite<SuggestionRecord> | undefined>;
  /**
   * Records the event created for an accepted suggestion and its note. A second call with the same
   * event changes nothing; undefined when the suggestion is not accepted or names another event.
   */
  recordBooking(
    tenantId: string,
    suggestionId: string,
    booking: { readonly eventId: string; readonly noteId: string | null },
  ): Promise<SuggestionRecord | undefined>;
  /**
   * Offers an accepted suggestion again whose booking failed (no event recorded), keeping its
   * transaction id, so that booking it again yields the event Graph may hold already. Undefined when it
   * is not such a suggestion (booked meanwhile, or not accepted).
   */
  reopen(tenantId: string, suggestionId: string): Promise<SuggestionRecord | undefined>;
}

export function suggestionsRepository(db: Kysely<Database>): SuggestionsRepository {
  const get = async (executor: Kysely<Database>, tenantId: string, suggestionId: string) => {
    const row = await executor
      .selectFrom("suggestions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("suggestion_id", "=", suggestionId)
      .executeTakeFirst();
    return row && toRecord(row);
  };
  const list = async (
    executor: Kysely<Database>,
    tenantId: string,
    managerEmail: string,
    statuses?: readonly SuggestionStatus[],
  ) => {
    if (statuses?.length === 0) return [];
    const rows = await executor
      .selectFrom("suggestions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("manager_email", "=", managerEmail)
      .$if(statuses !== undefined, (query) => query.where("status", "in", [...statuses!]))
      .orderBy("start_at")
      .orderBy("suggestion_id")
      .execute();
    return rows.map(toRecord);
  };
  const decide =
    (to: "accepted" | "dismissed") =>
    async (
      tenantId: string,
      suggestionId: string,
      { by, now }: WriteContext,
    ): Promise<VersionedWrite<SuggestionRecord> | undefined> => {
      const row = await db
        .updateTable("suggestions")
        .set({ status: to, decided_by: by, decided_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .where("suggestion_id", "=", suggestionId)
        .where("status", "=", "offered")
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) return { outcome: "saved", record: toRecord(row) };
      const current = await get(db, tenantId, suggestionId);
      if (current === undefined) return undefined;
      return current.status === to ? { outcome: "saved", record: current } : { outcome: "conflict", current };
    };

  return {
    get: (tenantId, suggestionId) => get(db, tenantId, suggestionId),
    list: (tenantId, managerEmail, statuses) => list(db, tenantId, managerEmail, statuses),
    replaceOffers(tenantId, managerEmail, offers, now) {
      return atomically(db, async (tx) => {
        const offered = offers.map((offer) => `${offer.repEmail}|${offer.day}`);
        await tx
          .deleteFrom("suggestions")
          .where("tenant_id", "=", tenantId)
          .where("manager_email", "=", managerEmail)
          .where("status", "=", "offered")
          .$if(offered.length > 0, (query) =>
            query.where(sql<string>`rep_email || '|' || day::text`, "not in", offered),
          )
          .execute();
        if (offers.length > 0) {
          await tx
            .insertInto("suggestions")
            .values(
              offers.map((offer) => ({
                tenant_id: tenantId,
                suggestion_id: offer.suggestionId,
                manager_email: managerEmail,
                rep_email: offer.repEmail,
                day: offer.day,
                start_at: toDate(offer.start),
                end_at: toDate(offer.end),
                score: offer.score,
                reasons: json(offer.reasons),
                status: "offered" as const,
                transaction_id: offer.transactionId,
                offered_at: toDate(now),
              })),
            )
            .onConflict((conflict) =>
              conflict
                .columns(["tenant_id", "manager_email", "rep_email", "day"])
                .doUpdateSet((eb) => ({
                  start_at: eb.ref("excluded.start_at"),
                  end_at: eb.ref("excluded.end_at"),
                  score: eb.ref("excluded.score"),
                  reasons: eb.ref("excluded.reasons"),
                  offered_at: eb.ref("excluded.offered_at"),
                }))
                .where("suggestions.status", "=", "offered"),
            )
            .execute();
        }
        return list(tx, tenantId, managerEmail, ["offered"]);
      });
    },
    accept: decide("accepted"),
    dismiss: decide("dismissed"),
    async recordBooking(tenantId, suggestionId, { eventId, noteId }) {
      const row = await db
        .updateTable("suggestions")
        .set({ event_id: eventId, note_id: noteId })
        .where("tenant_id", "=", tenantId)
        .where("suggestion_id", "=", suggestionId)
        .where("status", "=", "accepted")
        .where((eb) => eb.or([eb("event_id", "is", null), eb("event_id", "=", eventId)]))
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async reopen(tenantId, suggestionId) {
      const row = await db
        .updateTable("suggestions")
        .set({ status: "offered", decided_by: null, decided_at: null })
        .where("tenant_id", "=", tenantId)
        .where("suggestion_id", "=", suggestionId)
        .where("status", "=", "accepted")
        .where("event_id", "is", null)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },
  };
}

function toRecord(row: Selectable<SuggestionsTable>): SuggestionRecord {
  return {
    suggestionId: row.suggestion_id,
    managerEmail: row.manager_email,
    repEmail: row.rep_email,
    day: row.day,
    start: toInstant(row.start_at),
    end: toInstant(row.end_at),
    score: row.score,
    reasons: row.reasons,
    transactionId: row.transaction_id,
    status: row.status,
    offeredAt: toInstant(row.offered_at),
    decidedBy: row.decided_by,
    decidedAt: toInstantOrNull(row.decided_at),
    eventId: row.event_id,
    noteId: row.note_id,
  };
}
