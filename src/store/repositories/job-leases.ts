import { type Kysely, type Selectable, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { toDate, toInstant, toInstantOrNull } from "../columns.ts";
import type { Database, JobLeasesTable } from "../schema.ts";

/**
 * A recurring background job (a mailbox's sync, say) that at most one server instance runs at a time:
 * an instance claims it with a lease, renews the lease while it works, and completes it with the next
 * due time. A lease that runs out (the instance died) lets another instance claim the job.
 */
export interface JobRecord {
  readonly jobKey: string;
  readonly dueAt: Instant;
  readonly owner: string | null;
  readonly leaseExpiresAt: Instant | null;
  /** Claims since the last success. */
  readonly attempts: number;
  readonly lastStartedAt: Instant | null;
  readonly lastFinishedAt: Instant | null;
  readonly lastError: string | null;
}

export interface Lease {
  /** Names the claiming instance; unique per process. */
  readonly owner: string;
  readonly now: Instant;
  readonly leaseMs: number;
}

export interface JobLeasesRepository {
  get(tenantId: string, jobKey: string): Promise<JobRecord | undefined>;
  /** Creates the job, or brings its due time forward (never back). */
  schedule(tenantId: string, jobKey: string, dueAt: Instant): Promise<JobRecord>;
  /**
   * Claims up to `limit` due jobs that nobody holds (or whose lease ran out), earliest first. Claims
   * from concurrent instances never overlap: PostgreSQL skips rows another transaction has locked,
   * and PGlite runs one statement at a time.
   */
  claimDue(tenantId: string, lease: Lease, limit: number): Promise<JobRecord[]>;
  /** Extends the lease; false when `owner` no longer holds it. */
  renew(tenantId: string, jobKey: string, lease: Lease): Promise<boolean>;
  /**
   * Releases the job with its next due time and the outcome; false (and nothing changed) when
   * `owner` no longer holds it, because another instance has taken it over.
   */
  complete(
    tenantId: string,
    jobKey: string,
    outcome: {
      readonly owner: string;
      readonly now: Instant;
      readonly nextDueAt: Instant;
      readonly error: string | null;
    },
  ): Promise<boolean>;
}

export function jobLeasesRepository(db: Kysely<Database>): JobLeasesRepository {
  return {
    async get(tenantId, jobKey) {
      const row = await db
        .selectFrom("job_leases")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("job_key", "=", jobKey)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async schedule(tenantId, jobKey, dueAt) {
      const row = await db
        .insertInto("job_leases")
        .values({ tenant_id: tenantId, job_key: jobKey, due_at: toDate(dueAt) })
        .onConflict((conflict) =>
          conflict
            .columns(["tenant_id", "job_key"])
            .doUpdateSet({ due_at: sql<Date>`least(job_leases.due_at, excluded.due_at)` }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async claimDue(tenantId, { owner, now, leaseMs }, limit) {
      const at = toDate(now);
      const rows = await db
        .updateTable("job_leases")
        .set((eb) => ({
          owner,
          lease_expires_at: toDate(now + leaseMs),
          attempts: eb("attempts", "+", 1),
          last_started_at: at,
        }))
        .where("tenant_id", "=", tenantId)
        .where("job_key", "in", (eb) =>
          eb
            .selectFrom("job_leases")
            .select("job_key")
            .where("tenant_id", "=", tenantId)
            .where("due_at", "<=", at)
            .where((free) =>
              free.or([free("lease_expires_at", "is", null), free("lease_expires_at", "<=", at)]),
            )
            .orderBy("due_at")
            .orderBy("job_key")
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toRecord).sort((a, b) => a.dueAt - b.dueAt || a.jobKey.localeCompare(b.jobKey));
    },
    async renew(tenantId, jobKey, { owner, now, leaseMs }) {
      const result = await db
        .updateTable("job_leases")
        .set({ lease_expires_at: toDate(now + leaseMs) })
        .where("tenant_id", "=", tenantId)
        .where("job_key", "=", jobKey)
        .where("owner", "=", owner)
        .where("lease_expires_at", ">", toDate(now))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async complete(tenantId, jobKey, { owner, now, nextDueAt, error }) {
      const result = await db
        .updateTable("job_leases")
        .set((eb) => ({
          owner: null,
          lease_expires_at: null,
          due_at: toDate(nextDueAt),
          last_finished_at: toDate(now),
          last_error: error,
          attempts: error === null ? 0 : eb.ref("attempts"),
        }))
        .where("tenant_id", "=", tenantId)
        .where("job_key", "=", jobKey)
        .where("owner", "=", owner)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<JobLeasesTable>): JobRecord {
  return {
    jobKey: row.job_key,
    dueAt: toInstant(row.due_at),
    owner: row.owner,
    leaseExpiresAt: toInstantOrNull(row.lease_expires_at),
    attempts: row.attempts,
    lastStartedAt: toInstantOrNull(row.last_started_at),
    lastFinishedAt: toInstantOrNull(row.last_finished_at),
    lastError: row.last_error,
  };
}
