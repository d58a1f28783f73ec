import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import { toDate, toInstant, toInstantOrNull } from "../columns.ts";
import type { Database, SyncStateTable } from "../schema.ts";

/**
 * Where one synchronised stream (a mailbox's calendar view, the directory) left off. `syncKey` names
 * the stream, such as "calendar:jane@contoso.com"; the sync code chooses the names.
 */
export interface SyncStateRecord {
  readonly syncKey: string;
  /** Graph's `@odata.deltaLink`; null before the first complete round. */
  readonly deltaLink: string | null;
  /** The calendar-view window the delta link was opened for. */
  readonly window: Interval | null;
  readonly lastSuccessAt: Instant | null;
  /** The classified Graph error of the last failed round, cleared by the next success. */
  readonly lastErrorCode: string | null;
  readonly updatedAt: Instant;
}

export interface SyncStateRepository {
  get(tenantId: string, syncKey: string): Promise<SyncStateRecord | undefined>;
  list(tenantId: string): Promise<SyncStateRecord[]>;
  recordSuccess(
    tenantId: string,
    syncKey: string,
    result: { readonly deltaLink: string; readonly window: Interval | null },
    now: Instant,
  ): Promise<SyncStateRecord>;
  /**
   * Stores a round's result only if the stored delta link is still `expected` (null: none stored yet),
   * the one the round started from. Of two rounds started from the same link exactly one is kept; call
   * it first inside the transaction that writes the round's changes, so a losing round rolls them back.
   * Undefined when another round got there first.
   */
  advance(
    tenantId: string,
    syncKey: string,
    expected: string | null,
    result: { readonly deltaLink: string; readonly window: Interval | null },
    now: Instant,
  ): Promise<SyncStateRecord | undefined>;
  /** Keeps the delta link, so the next round resumes where the last good one ended. */
  recordFailure(tenantId: string, syncKey: string, errorCode: string, now: Instant): Promise<SyncStateRecord>;
  /** Forgets the stream (Graph answered that the delta token expired): the next round starts over. */
  reset(tenantId: string, syncKey: string): Promise<boolean>;
}

export function syncStateRepository(db: Kysely<Database>): SyncStateRepository {
  return {
    async get(tenantId, syncKey) {
      const row = await db
        .selectFrom("sync_state")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("sync_key", "=", syncKey)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async list(tenantId) {
      const rows = await db
        .selectFrom("sync_state")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("sync_key")
        .execute();
      return rows.map(toRecord);
    },
    async recordSuccess(tenantId, syncKey, result, now) {
      const values = {
        delta_link: result.deltaLink,
        window_start: result.window === null ? null : toDate(result.window.start),
        window_end: result.window === null ? null : toDate(result.window.end),
        last_success_at: toDate(now),
        last_error_code: null,
        updated_at: toDate(now),
      };
      const row = await db
        .insertInto("sync_state")
        .values({ tenant_id: tenantId, sync_key: syncKey, ...values })
        .onConflict((conflict) => conflict.columns(["tenant_id", "sync_key"]).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async advance(tenantId, syncKey, expected, result, now) {
      const values = {
        delta_link: result.deltaLink,
        window_start: result.window === null ? null : toDate(result.window.start),
        window_end: result.window === null ? null : toDate(result.window.end),
        last_success_at: toDate(now),
        last_error_code: null,
        updated_at: toDate(now),
      };
      const row =
        expected === null
          ? await db
              .insertInto("sync_state")
              .values({ tenant_id: tenantId, sync_key: syncKey, ...values })
              .onConflict((conflict) =>
                conflict
                  .columns(["tenant_id", "sync_key"])
                  .doUpdateSet(values)
                  .where("sync_state.delta_link", "is", null),
              )
              .returningAll()
              .executeTakeFirst()
          : await db
              .updateTable("sync_state")
              .set(values)
              .where("tenant_id", "=", tenantId)
              .where("sync_key", "=", syncKey)
              .where("delta_link", "=", expected)
              .returningAll()
              .executeTakeFirst();
      return row && toRecord(row);
    },
    async recordFailure(tenantId, syncKey, errorCode, now) {
      const row = await db
        .insertInto("sync_state")
        .values({
          tenant_id: tenantId,
          sync_key: syncKey,
          delta_link: null,
          window_start: null,
          window_end: null,
          last_success_at: null,
          last_error_code: errorCode,
          updated_at: toDate(now),
        })
        .onConflict((conflict) =>
          conflict
            .columns(["tenant_id", "sync_key"])
            .doUpdateSet({ last_error_code: errorCode, updated_at: toDate(now) }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async reset(tenantId, syncKey) {
      const result = await db
        .deleteFrom("sync_state")
        .where("tenant_id", "=", tenantId)
        .where("sync_key", "=", syncKey)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<SyncStateTable>): SyncStateRecord {
  return {
    syncKey: row.sync_key,
    deltaLink: row.delta_link,
    window:
      row.window_start === null || row.window_end === null
        ? null
        : { start: toInstant(row.window_start), end: toInstant(row.window_end) },
    lastSuccessAt: toInstantOrNull(row.last_success_at),
    lastErrorCode: row.last_error_code,
    updatedAt: toInstant(row.updated_at),
  };
}
