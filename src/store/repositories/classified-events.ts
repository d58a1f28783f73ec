import { type Kysely, type Selectable, sql } from "kysely";
import type { Development, Initiator, MeetingKind } from "../../domain/classify.ts";
import type { Instant } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import { chunks, json, toDate, toInstant } from "../columns.ts";
import type { ClassifiedEventsTable, Database } from "../schema.ts";

/**
 * One event of a manager's calendar as FieldCoach classified it. Only ids, times and the
 * classification are kept: never the subject, the body or the attendee list.
 */
export interface ClassifiedEventInput {
  /** Graph's id of the event in this mailbox. */
  readonly eventId: string;
  readonly iCalUId: string | null;
  readonly seriesMasterId: string | null;
  readonly start: Instant;
  readonly end: Instant;
  readonly isAllDay: boolean;
  readonly isCancelled: boolean;
  readonly isPrivate: boolean;
  readonly initiator: Initiator;
  readonly kind: MeetingKind | null;
  readonly development: Development;
  /** Lower-case primary addresses of the manager's reps who take part. */
  readonly reps: readonly string[];
  readonly hours: number;
  readonly bigDeal: boolean;
  /** Sentences written by the classifier, which never quotes a subject or a body. */
  readonly reasons: readonly string[];
  readonly customerDomains: readonly string[];
  readonly overridden: boolean;
}

export interface ClassifiedEventRecord extends ClassifiedEventInput {
  /** Lower-case address of the manager whose calendar holds it. */
  readonly mailbox: string;
  /** Start and end when FieldCoach first saw the event: a field day moved or shortened later shows it. */
  readonly firstStart: Instant;
  readonly firstEnd: Instant;
  readonly classifiedAt: Instant;
}

export interface ClassifiedEventsRepository {
  /** Adds or refreshes events; the first-seen start and end of an event already stored are kept. */
  upsert(
    tenantId: string,
    mailbox: string,
    events: readonly ClassifiedEventInput[],
    now: Instant,
  ): Promise<number>;
  /**
   * Marks events cancelled that Graph reported deleted (`@removed`) or cancelled, keeping their last
   * classification: an organizer's cancelled field day disappears from their calendar, yet it still
   * counts as booked and not kept. Returns how many were marked.
   */
  markCancelled(
    tenantId: string,
    mailbox: string,
    eventIds: readonly string[],
    now: Instant,
  ): Promise<number>;
  /** Events overlapping the window (a zero-length one when it lies inside), by start; optionally one rep's. */
  inWindow(
    tenantId: string,
    mailbox: string,
    window: Interval,
    filter?: { readonly rep?: string },
  ): Promise<ClassifiedEventRecord[]>;
  /** Every mailbox's copy of one meeting. */
  withICalUId(tenantId: string, iCalUId: string): Promise<ClassifiedEventRecord[]>;
  /** The start of each rep's latest held field day at or before `asOf` (cancelled ones excluded). */
  latestFieldDays(tenantId: string, mailbox: string, asOf: Instant): Promise<Map<string, Instant>>;
  /**
   * The classified customer calls, of every mailbox or of one, with what deciding a big deal needs:
   * the meetings a change of the tenant's accounts or big-deal threshold may change.
   */
  customerCalls(tenantId: string, mailbox?: string): Promise<CustomerCallRecord[]>;
  /** Sets the big-deal flag and reasons of stored events; returns how many it changed. */
  setBigDeals(tenantId: string, changes: readonly BigDealChange[], now: Instant): Promise<number>;
}

export interface CustomerCallRecord {
  readonly mailbox: string;
  readonly eventId: string;
  readonly initiator: Initiator;
  readonly kind: MeetingKind | null;
  readonly customerDomains: readonly string[];
  readonly bigDeal: boolean;
  readonly reasons: readonly string[];
}

export interface BigDealChange {
  readonly mailbox: string;
  readonly eventId: string;
  readonly bigDeal: boolean;
  readonly reasons: readonly string[];
}

export function classifiedEventsRepository(db: Kysely<Database>): ClassifiedEventsRepository {
  return {
    async upsert(tenantId, mailbox, events, now) {
      for (const batch of chunks(events, 500)) {
        await db
          .insertInto("classified_events")
          .values(
            batch.map((event) => ({
              tenant_id: tenantId,
              mailbox,
              event_id: event.eventId,
              ical_uid: event.iCalUId,
              series_master_id: event.seriesMasterId,
              start_at: toDate(event.start),
              end_at: toDate(event.end),
              first_start_at: toDate(event.start),
              first_end_at: toDate(event.end),
              is_all_day: event.isAllDay,
              is_cancelled: event.isCancelled,
              is_private: event.isPrivate,
              initiator: event.initiator,
              kind: event.kind,
              development: event.development,
              reps: json(event.reps),
              hours: event.hours,
              big_deal: event.bigDeal,
              reasons: json(event.reasons),
              customer_domains: json(event.customerDomains),
              overridden: event.overridden,
              classified_at: toDate(now),
            })),
          )
          .onConflict((conflict) =>
            conflict.columns(["tenant_id", "mailbox", "event_id"]).doUpdateSet((eb) => ({
              ical_uid: eb.ref("excluded.ical_uid"),
              series_master_id: eb.ref("excluded.series_master_id"),
              start_at: eb.ref("excluded.start_at"),
              end_at: eb.ref("excluded.end_at"),
              is_all_day: eb.ref("excluded.is_all_day"),
              is_cancelled: eb.ref("excluded.is_cancelled"),
              is_private: eb.ref("excluded.is_private"),
              initiator: eb.ref("excluded.initiator"),
              kind: eb.ref("excluded.kind"),
              development: eb.ref("excluded.development"),
              reps: eb.ref("excluded.reps"),
              hours: eb.ref("excluded.hours"),
              big_deal: eb.ref("excluded.big_deal"),
              reasons: eb.ref("excluded.reasons"),
              customer_domains: eb.ref("excluded.customer_domains"),
              overridden: eb.ref("excluded.overridden"),
              classified_at: eb.ref("excluded.classified_at"),
            })),
          )
          .execute();
      }
      return events.length;
    },
    async markCancelled(tenantId, mailbox, eventIds, now) {
      if (eventIds.length === 0) return 0;
      const result = await db
        .updateTable("classified_events")
        .set({ is_cancelled: true, classified_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .where("mailbox", "=", mailbox)
        .where("event_id", "in", [...eventIds])
        .where("is_cancelled", "=", false)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async inWindow(tenantId, mailbox, window, filter = {}) {
      const start = toDate(window.start);
      const end = toDate(window.end);
      const rows = await db
        .selectFrom("classified_events")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("mailbox", "=", mailbox)
        .where("start_at", "<", end)
        .where((eb) =>
          eb.or([
            eb("end_at", ">", start),
            eb.and([eb("start_at", ">=", start), eb("end_at", "=", eb.ref("start_at"))]),
          ]),
        )
        .$if(filter.rep !== undefined, (query) =>
          query.where(sql<boolean>`reps @> ${json([filter.rep!.toLowerCase()])}::jsonb`),
        )
        .orderBy("start_at")
        .orderBy("event_id")
        .execute();
      return rows.map(toRecord);
    },
    async withICalUId(tenantId, iCalUId) {
      const rows = await db
        .selectFrom("classified_events")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("ical_uid", "=", iCalUId)
        .orderBy("mailbox")
        .execute();
      return rows.map(toRecord);
    },
    async latestFieldDays(tenantId, mailbox, asOf) {
      const { rows } = await sql<{ rep: string; latest: Date }>`
        select r.rep, max(e.start_at) as latest
        from classified_events e, jsonb_array_elements_text(e.reps) as r(rep)
        where e.tenant_id = ${tenantId} and e.mailbox = ${mailbox}
          and e.kind = 'field-day' and e.development = 'skill' and not e.is_cancelled
          and e.start_at <= ${toDate(asOf)}
        group by r.rep`.execute(db);
      return new Map(rows.map((row) => [row.rep, toInstant(row.latest)]));
    },
    async customerCalls(tenantId, mailbox) {
      const rows = await db
        .selectFrom("classified_events")
        .select(["mailbox", "event_id", "initiator", "kind", "customer_domains", "big_deal", "reasons"])
        .where("tenant_id", "=", tenantId)
        .$if(mailbox !== undefined, (query) => query.where("mailbox", "=", mailbox!))
        .where("kind", "=", "customer-call")
        .where("initiator", "<>", "none")
        .orderBy("mailbox")
        .orderBy("event_id")
        .execute();
      return rows.map((row) => ({
        mailbox: row.mailbox,
        eventId: row.event_id,
        initiator: row.initiator,
        kind: row.kind,
        customerDomains: row.customer_domains,
        bigDeal: row.big_deal,
        reasons: row.reasons,
      }));
    },
    async setBigDeals(tenantId, changes, now) {
      let changed = 0;
      for (const change of changes) {
        const result = await db
          .updateTable("classified_events")
          .set({ big_deal: change.bigDeal, reasons: json(change.reasons), classified_at: toDate(now) })
          .where("tenant_id", "=", tenantId)
          .where("mailbox", "=", change.mailbox)
          .where("event_id", "=", change.eventId)
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
      return changed;
    },
  };
}

function toRecord(row: Selectable<ClassifiedEventsTable>): ClassifiedEventRecord {
  return {
    mailbox: row.mailbox,
    eventId: row.event_id,
    iCalUId: row.ical_uid,
    seriesMasterId: row.series_master_id,
    start: toInstant(row.start_at),
    end: toInstant(row.end_at),
    firstStart: toInstant(row.first_start_at),
    firstEnd: toInstant(row.first_end_at),
    isAllDay: row.is_all_day,
    isCancelled: row.is_cancelled,
    isPrivate: row.is_private,
    initiator: row.initiator,
    kind: row.kind,
    development: row.development,
    reps: row.reps,
    hours: row.hours,
    bigDeal: row.big_deal,
    reasons: row.reasons,
    customerDomains: row.customer_domains,
    overridden: row.overridden,
    classifiedAt: toInstant(row.classified_at),
  };
}
