/*
 * Two FieldCoach server processes against one PostgreSQL and one Graph simulator whose tenant has 40
 * managers under a VP, each process running every background job through the job leases in the
 * database. In each round every manager's calendar is synced exactly once (the simulator counts the
 * delta rounds it served per mailbox), never by both processes at once (never two delta calls in flight
 * on one mailbox, while the simulator holds every call long enough for two syncs to meet), and both
 * processes take part. When one process is killed (SIGKILL) in the middle of a round, the jobs it held
 * wait until their leases have run out, then the other process runs them to the end.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarJobKey } from "../../src/jobs/job-keys.ts";
import { calendarSyncKey } from "../../src/server/sync/sync-window.ts";
import type { QueuedJob } from "../../src/store/repositories/job-queue.ts";
import { type Instance, startWorld, type World } from "./support/world.ts";

/** Short leases, so that a killed process's jobs come free within the test. */
const LEASE_MS = 3_000;
/** Longer than any wait for a round, so that a round that never ends fails with what the servers said. */
const TEST_TIMEOUT_MS = 45_000;

let world: World;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  world = await startWorld({ managers: 40, repsEach: 3, schemaPrefix: "fc_multi" });
  const timings = { FIELDCOACH_TEST_LEASE_MS: String(LEASE_MS), FIELDCOACH_TEST_POLL_MS: "200" };
  [a, b] = await Promise.all([world.startInstance(timings), world.startInstance(timings)]);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/**
 * Waits until every calendar job has finished a run that started at `since` or later and nobody holds
 * it, noting meanwhile which processes held calendar jobs; no run may have failed.
 */
async function roundFinished(
  since: number,
): Promise<{ readonly owners: Set<string>; readonly jobs: QueuedJob[] }> {
  const owners = new Set<string>();
  let jobs: QueuedJob[] = [];
  await world.waitFor("the round", async () => {
    jobs = await world.calendarJobs();
    for (const job of jobs) if (job.owner !== null) owners.add(job.owner);
    return (
      jobs.length === world.managers.length &&
      jobs.every((job) => job.owner === null && job.lastFinishedAt !== null && job.lastFinishedAt >= since)
    );
  });
  expect(jobs.filter((job) => job.lastError !== null)).toEqual([]);
  return { owners, jobs };
}

/** Resets the simulator's counters and holds each Graph call `latencyMs`, so that overlapping syncs would meet. */
function freshCountsAndLatency(latencyMs: number) {
  const { sim } = world.shared.local;
  sim.resetStats();
  sim.faults.latency(latencyMs);
  return sim;
}

async function expectEveryCalendarSyncedSince(since: number): Promise<void> {
  for (const manager of world.managers) {
    const state = await world.store.syncState.get(world.org.tenant.tenantId, calendarSyncKey(manager.mail));
    expect(state?.lastSuccessAt, manager.mail).toBeGreaterThanOrEqual(since);
  }
}

/** Delta rounds per mailbox the simulator served since its counters were reset: each manager's once. */
function expectEachCalendarReadOnce(): void {
  const stats = world.shared.local.sim.stats();
  expect(stats.deltaRoundsByMailbox).toEqual(
    Object.fromEntries(world.managers.map((manager) => [manager.id, 1])),
  );
  expect(stats.maxDeltaInFlightPerMailbox).toBe(1);
}

describe("two server processes sharing PostgreSQL and the simulator", () => {
  it(
    "give every manager a calendar job once the first sign-in reads the directory, and sync each calendar once, both taking part",
    async () => {
      freshCountsAndLatency(100);
      const since = world.clock.now();
      expect((await world.call(a, "/api/me", world.org.vp.id)).status).toBe(200);

      const { owners, jobs } = await roundFinished(since);
      expect(jobs.map((job) => job.jobKey).sort()).toEqual(
        world.managers.map((manager) => calendarJobKey(manager.mail)).sort(),
      );
      expectEachCalendarReadOnce();
      expect([...owners].sort()).toEqual([a.info.owner, b.info.owner].sort());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sync every calendar exactly once again in the next round, never on both processes at once",
    async () => {
      freshCountsAndLatency(150);
      const since = await world.requestRound();

      const { owners } = await roundFinished(since);
      expectEachCalendarReadOnce();
      expect([...owners].sort()).toEqual([a.info.owner, b.info.owner].sort());
      await expectEveryCalendarSyncedSince(since);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "finish the jobs of a process killed mid-round on the other one, once their leases have run out",
    async () => {
      const sim = freshCountsAndLatency(500);
      const since = await world.requestRound();
      await world.waitFor("the first process holding a calendar job", async () =>
        (await world.calendarJobs()).some((job) => job.owner === a.info.owner),
      );
      expect(await a.stop("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });

      const orphans = (await world.calendarJobs()).filter((job) => job.owner === a.info.owner);
      expect(orphans.length).toBeGreaterThan(0);
      const { jobs } = await roundFinished(since);
      for (const orphan of orphans) {
        const job = jobs.find((candidate) => candidate.jobKey === orphan.jobKey)!;
        // Taken over only after the lease the killed process held had run out, then run to the end.
        expect(job.lastStartedAt, job.jobKey).toBeGreaterThanOrEqual(orphan.leaseExpiresAt!);
        expect(job.lastFinishedAt, job.jobKey).toBeGreaterThanOrEqual(job.lastStartedAt!);
        expect(job.attempts, job.jobKey).toBe(0);
      }
      await expectEveryCalendarSyncedSince(since);
      // A calendar whose sync the killed process had sent before it died was read again by the other.
      const orphaned = new Set(orphans.map((orphan) => orphan.jobKey));
      const rounds = sim.stats().deltaRoundsByMailbox;
      for (const manager of world.managers) {
        const key = calendarJobKey(manager.mail);
        expect(rounds[manager.id], manager.mail).toBeOneOf(orphaned.has(key) ? [1, 2] : [1]);
      }
      expect(sim.stats().maxDeltaInFlightPerMailbox).toBe(1);
      expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
    },
    TEST_TIMEOUT_MS,
  );
});
