/**
 * Background work shared by every server instance through PostgreSQL. Each job is one row of
 * `job_leases` (tenant + key, such as "calendar:jane@contoso.com"); an instance claims due jobs with a
 * lease, renews the leases of the jobs it runs on a heartbeat, and releases each with its next due
 * time. A job runs on one instance at a time; when an instance dies its leases run out and another
 * instance takes the jobs over. A job whose lease was taken over is told through its abort signal and
 * its outcome is dropped. `stop()` lets running jobs finish and releases them.
 */

import { isGraphFailure } from "../domain/graph-ports.ts";
import type { Instant } from "../domain/instant.ts";
import type { HeldJob, QueuedJob } from "../store/repositories/job-queue.ts";
import type { Store } from "../store/store.ts";
import { jobKindOf, jobSubjectOf } from "./job-keys.ts";
import { tracedJobRun } from "./job-telemetry.ts";

export interface JobContext {
  readonly tenantId: string;
  readonly jobKey: string;
  /** The key after its kind: "calendar:jane@contoso.com" → "jane@contoso.com". */
  readonly subject: string;
  /** 1 for a first try, more after failures. */
  readonly attempt: number;
  /** Aborted when the lease is lost (another instance took the job over): stop as soon as possible. */
  readonly signal: AbortSignal;
}

export type JobOutcome =
  /** Run again after the handler's interval. */
  | undefined
  /** Run again at this time instead (a subscription renewed just before it expires). */
  | { readonly nextDueAt: Instant }
  /** The job's subject is gone (a manager left): delete the job. */
  | { readonly remove: true };

export interface JobHandler {
  /** Every job runs again this long after it finished. */
  readonly intervalMs: number;
  /** Throws to record a failure; the job is then tried again sooner, backing off. */
  run(context: JobContext): Promise<JobOutcome>;
}

export interface JobLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface JobRunnerOptions {
  readonly store: Pick<Store, "jobQueue">;
  /** Names this instance in leases; unique per process. */
  readonly owner: string;
  /** By job kind, the key's part before the first colon. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** How long a claim holds without a heartbeat. */
  readonly leaseMs: number;
  readonly clock: () => Instant;
  readonly log: JobLog;
  /** Jobs run at once by this instance (default 4). */
  readonly concurrency?: number;
  /** How often the started runner looks for due jobs (default 5 s). */
  readonly pollMs?: number;
  /** How often leases are renewed (default a third of the lease). */
  readonly heartbeatMs?: number;
  /** The wait after a first failure, doubled per further failure up to `maxRetryMs` (default 1 min). */
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
}

export interface JobRunner {
  /** Claims and runs due jobs until none is left; resolves with how many it ran. */
  runDue(): Promise<number>;
  /** Looks for due jobs now and then every `pollMs`, and whenever a slot frees with more due, until stopped. */
  start(): void;
  /** Stops looking, lets running jobs finish and releases them. */
  stop(): Promise<void>;
  /** Keys of the jobs running here now ("tenant|key"). */
  running(): string[];
}

interface Running {
  readonly job: QueuedJob;
  readonly controller: AbortController;
  /** When the lease ends unless renewed, by this instance's clock. */
  leaseUntil: Instant;
  readonly done: Promise<void>;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_POLL_MS = 5_000;
const DEFAULT_FIRST_RETRY_MS = 60_000;
const DEFAULT_MAX_RETRY_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 500;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { owner, handlers, leaseMs, clock, log } = options;
  const queue = options.store.jobQueue;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3));
  const firstRetryMs = options.firstRetryMs ?? DEFAULT_FIRST_RETRY_MS;
  const maxRetryMs = options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS;
  const inFlight = new Map<string, Running>();
  let pollTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let started = false;
  let stopping = false;
  let polling: Promise<void> | undefined;

  const idOf = (job: HeldJob) => `${job.tenantId}|${job.jobKey}`;

  /** True while the last claim took as many jobs as it could: more may be due than fit. */
  let backlog = false;

  async function claim(): Promise<Running[]> {
    const capacity = concurrency - inFlight.size;
    if (capacity <= 0 || stopping) return [];
    const jobs = await queue.claimDue({ owner, now: clock(), leaseMs }, capacity);
    backlog = jobs.length === capacity;
    return jobs.map(launch);
  }

  function launch(job: QueuedJob): Running {
    const controller = new AbortController();
    const entry: Running = {
      job,
      controller,
      leaseUntil: clock() + leaseMs,
      done: Promise.resolve().then(() => execute(job, controller.signal)),
    };
    inFlight.set(idOf(job), entry);
    ensureHeartbeat();
    void entry.done.finally(() => {
      inFlight.delete(idOf(job));
      if (inFlight.size === 0) stopHeartbeat();
      // A freed slot takes the next due job at once rather than at the next poll, so a backlog (every
      // calendar due after a restart) drains as fast as the jobs run.
      if (backlog) pollNow();
    });
    return entry;
  }

  async function execute(job: QueuedJob, signal: AbortSignal): Promise<void> {
    const kind = jobKindOf(job.jobKey);
    const handler = handlers[kind];
    let outcome: JobOutcome;
    let failure: unknown;
    let failed = false;
    try {
      if (handler === undefined) throw new Error(`no handler for jobs of kind "${kind}"`);
      outcome = await tracedJobRun(kind, job.tenantId, () =>
        handler.run({
          tenantId: job.tenantId,
          jobKey: job.jobKey,
          subject: jobSubjectOf(job.jobKey),
          attempt: job.attempts,
          signal,
        }),
      );
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (signal.aborted) {
      log.warn(
        { tenantId: job.tenantId, jobKey: job.jobKey },
        "job lease lost while running; its outcome is dropped",
      );
      return;
    }
    const now = clock();
    try {
      if (!failed && outcome !== undefined && "remove" in outcome) {
        await queue.removeHeld(job, owner);
        return;
      }
      const intervalMs = handler?.intervalMs ?? maxRetryMs;
      const nextDueAt = failed
        ? now + retryDelay(job.attempts, intervalMs, failure)
        : outcome !== undefined && "nextDueAt" in outcome
          ? outcome.nextDueAt
          : now + intervalMs;
      if (failed) log.error({ err: failure, tenantId: job.tenantId, jobKey: job.jobKey }, "job failed");
      const finished = await queue.finish(job, {
        owner,
        now,
        nextDueAt,
        error: failed ? describe(failure) : null,
      });
      if (!finished) {
        log.warn({ tenantId: job.tenantId, jobKey: job.jobKey }, "job was taken over before it finished");
      }
    } catch (error) {
      // The lease runs out and another instance runs the job again.
      log.error({ err: error, tenantId: job.tenantId, jobKey: job.jobKey }, "job could not be released");
    }
  }

  function retryDelay(attempts: number, intervalMs: number, failure: unknown): number {
    const backoff = Math.min(maxRetryMs, intervalMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));
    const asked = isGraphFailure(failure) ? (failure.retryAfterMs ?? 0) : 0;
    return Math.max(backoff, asked);
  }

  function ensureHeartbeat(): void {
    if (heartbeatTimer !== undefined) return;
    heartbeatTimer = setInterval(() => void heartbeat(), heartbeatMs);
    heartbeatTimer.unref();
  }

  function stopHeartbeat(): void {
    if (heartbeatTimer !== undefined) clearInterval(heartbeatTimer);
    heartbeatTimer = undefined;
  }

  async function heartbeat(): Promise<void> {
    const entries = [...inFlight.values()].filter((entry) => !entry.controller.signal.aborted);
    if (entries.length === 0) return;
    const now = clock();
    try {
      const held = new Set(
        (
          await queue.renew(
            entries.map((entry) => entry.job),
            { owner, now, leaseMs },
          )
        ).map(idOf),
      );
      for (const entry of entries) {
        if (held.has(idOf(entry.job))) entry.leaseUntil = now + leaseMs;
        else entry.controller.abort(new Error("the job's lease was taken over"));
      }
    } catch (error) {
      log.warn({ err: error }, "job leases could not be renewed");
      // Without a renewal the lease ends on time, and another instance may start the job then.
      for (const entry of entries)
        if (clock() >= entry.leaseUntil) entry.controller.abort(new Error("the job's lease ran out"));
    }
  }

  function schedulePoll(): void {
    if (!started || stopping) return;
    pollTimer = setTimeout(pollNow, pollMs);
    pollTimer.unref();
  }

  /** Claims now (the started runner only), then waits a poll interval again. */
  function pollNow(): void {
    if (!started || stopping || polling !== undefined) return;
    clearTimeout(pollTimer);
    polling = claim()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, "claiming due jobs failed"))
      .finally(() => {
        polling = undefined;
        // A job that ended while this claim ran freed a slot no claim has filled yet.
        if (backlog && inFlight.size < concurrency) pollNow();
        else schedulePoll();
      });
  }

  return {
    async runDue() {
      let ran = 0;
      for (;;) {
        if (stopping) return ran;
        if (inFlight.size >= concurrency) {
          await Promise.race([...inFlight.values()].map((entry) => entry.done));
          continue;
        }
        const launched = await claim();
        if (launched.length === 0) {
          if (inFlight.size === 0) return ran;
          await Promise.race([...inFlight.values()].map((entry) => entry.done));
          continue;
        }
        ran += launched.length;
        await Promise.all(launched.map((entry) => entry.done));
      }
    },
    start() {
      if (started) return;
      started = true;
      // A starting instance claims at once: after a deployment every calendar may be due.
      pollNow();
    },
    async stop() {
      stopping = true;
      if (pollTimer !== undefined) clearTimeout(pollTimer);
      await polling;
      await Promise.all([...inFlight.values()].map((entry) => entry.done));
      stopHeartbeat();
    },
    running: () => [...inFlight.keys()],
  };
}

function describe(error: unknown): string {
  const text = isGraphFailure(error)
    ? `Graph ${error.status} ${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
