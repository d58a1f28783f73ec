import { type Kysely, type Selectable, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { toDate, toInstant, toInstantOrNull } from "../columns.ts";
import type { Database, JobLeasesTable } from "../schema.ts";

/**
 * The job runner's view of `job_leases` (src/jobs/): claims across every tenant, a heartbeat that
 * renews all of an instance's leases in one statement, and runs asked for while a job is running,
 * which completion turns into another run instead of losing them. The row of a job is its schedule:
 * one per tenant and key, never two, so nothing here can duplicate a job.
 */
export interface QueuedJob {
  readonly tenantId: string;
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

export interface JobLease {
  /** Names the claiming instance; unique per process. */
  readonly owner: string;
  readonly now: Instant;
  readonly leaseMs: number;
}

export interface HeldJob {
  readonly tenantId: string;
  readonly jobKey: string;
}

export interface JobQueueRepository {
  /** Creates the job due at `dueAt` unless it exists; an existing job keeps its schedule (a restart). */
  ensure(tenantId: string, jobKey: string, dueAt: Instant): Promise<void>;
  /**
   * Asks for a run at `at` or sooner: creates the job, or brings it forward (never back). When the job
   * is running, its completion makes it due again at once, so a run asked for during a run is kept.
   */
  request(tenantId: string, jobKey: string, at: Instant): Promise<void>;
  /**
   * Claims up to `limit` due jobs of any tenant that nobody holds or whose lease ran out, earliest
   * first. Concurrent claims never overlap: PostgreSQL skips rows another transaction has locked, and
   * PGlite runs one statement at a time.
   */
  claimDue(lease: JobLease, limit: number): Promise<QueuedJob[]>;
  /** Extends the leases `owner` still holds; returns those (the others were taken over). */
  renew(jobs: readonly HeldJob[], lease: JobLease): Promise<HeldJob[]>;
  /**
   * Releases the job with its next due time (or now, when a run was asked for meanwhile) and the
   * outcome; false and nothing changed when `owner` no longer holds it.
   */
  finish(
    job: HeldJob,
    outcome: {
      readonly owner: string;
      readonly now: Instant;
      readonly nextDueAt: Instant;
      readonly error: string | null;
    },
  ): Promise<boolean>;
  /** Deletes a job `owner` holds (its subject is gone); false when it no longer holds it. */
  removeHeld(job: HeldJob, owner: string): Promise<boolean>;
  /** Deletes a job nobody holds at `now`; false when it is running (it is left alone) or missing. */
  removeIdle(tenantId: string, jobKey: string, now: Instant): Promise<boolean>;
  /** The tenant's jobs whose key starts with `prefix`, by key. */
  list(tenantId: string, prefix: string): Promise<QueuedJob[]>;
}

export function jobQueueRepository(db: Kysely<Database>): JobQueueRepository {
  return {
    async ensure(tenantId, jobKey, dueAt) {
      await db
        .insertInto("job_leases")
        .values({ tenant_id: tenantId, job_key: jobKey, due_at: toDate(dueAt) })
        .onConflict((conflict) => conflict.columns(["tenant_id", "job_key"]).doNothing())
        .execute();
    },

    async request(tenantId, jobKey, at) {
      await db
        .insertInto("job_leases")
        .values({ tenant_id: tenantId, job_key: jobKey, due_at: toDate(at) })
        .onConflict((conflict) =>
          conflict.columns(["tenant_id", "job_key"]).doUpdateSet({
            due_at: sql<Date>`least(job_leases.due_at, excluded.due_at)`,
            run_requests: sql<number>`job_leases.run_requests + 1`,
          }),
        )
        .execute();
    },

    async claimDue({ owner, now, leaseMs }, limit) {
      const at = toDate(now);
      const rows = await db
        .updateTable("job_leases")
        .set((eb) => ({
          owner,
          lease_expires_at: toDate(now + leaseMs),
          attempts: eb("attempts", "+", 1),
          last_started_at: at,
          run_requests_seen: eb.ref("run_requests"),
        }))
        .where((eb) =>
          eb(
            eb.refTuple("tenant_id", "job_key"),
            "in",
            eb
              .selectFrom("job_leases")
              .select(["tenant_id", "job_key"])
              .where("due_at", "<=", at)
              .where((free) =>
                free.or([free("lease_expires_at", "is", null), free("lease_expires_at", "<=", at)]),
              )
              .orderBy("due_at")
              .orderBy("tenant_id")
              .orderBy("job_key")
              .limit(limit)
              .forUpdate()
              .skipLocked()
              .$asTuple("tenant_id", "job_key"),
          ),
        )
        .returningAll()
        .execute();
      return rows
        .map(toQueuedJob)
        .sort(
          (a, b) =>
            a.dueAt - b.dueAt || a.tenantId.localeCompare(b.tenantId) || a.jobKey.localeCompare(b.jobKey),
        );
    },

    async renew(jobs, { owner, now, leaseMs }) {
      if (jobs.length === 0) return [];
      const rows = await db
        .updateTable("job_leases")
        .set({ lease_expires_at: toDate(now + leaseMs) })
        .where((eb) =>
          eb(
            eb.refTuple("tenant_id", "job_key"),
            "in",
            jobs.map((job) => eb.tuple(job.tenantId, job.jobKey)),
          ),
        )
        .where("owner", "=", owner)
        .where("lease_expires_at", ">", toDate(now))
        .returning(["tenant_id", "job_key"])
        .execute();
      return rows.map((row) => ({ tenantId: row.tenant_id, jobKey: row.job_key }));
    },

    async finish({ tenantId, jobKey }, { owner, now, nextDueAt, error }) {
      const result = await db
        .updateTable("job_leases")
        .set((eb) => ({
          owner: null,
          lease_expires_at: null,
          due_at: sql<Date>`case when run_requests > run_requests_seen
            then ${toDate(Math.min(now, nextDueAt))}::timestamptz else ${toDate(nextDueAt)}::timestamptz end`,
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

    async removeHeld({ tenantId, jobKey }, owner) {
      const result = await db
        .deleteFrom("job_leases")
        .where("tenant_id", "=", tenantId)
        .where("job_key", "=", jobKey)
        .where("owner", "=", owner)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async removeIdle(tenantId, jobKey, now) {
      const result = await db
        .deleteFrom("job_leases")
        .where("tenant_id", "=", tenantId)
        .where("job_key", "=", jobKey)
        .where((eb) => eb.or([eb("owner", "is", null), eb("lease_expires_at", "<=", toDate(now))]))
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async list(tenantId, prefix) {
      const rows = await db
        .selectFrom("job_leases")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where(sql<boolean>`starts_with(job_key, ${prefix})`)
        .orderBy("job_key")
        .execute();
      return rows.map(toQueuedJob);
    },
  };
}

function toQueuedJob(row: Selectable<JobLeasesTable>): QueuedJob {
  return {
    tenantId: row.tenant_id,
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
