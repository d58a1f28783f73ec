import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { calendarJobKey } from "../src/jobs/job-keys.ts";
import { createJobRunner, type JobHandler, type JobRunner } from "../src/jobs/job-runner.ts";
import type { Store } from "../src/store/store.ts";
import { backends, manualClock, recordingLog, severable } from "./jobs-backends.ts";

const EPOCH = Date.parse("2026-03-02T06:00:00Z");
const INTERVAL = 15 * 60_000;
const LEASE = 60_000;
let nextTenant = 0x10b0000;
const freshTenant = () => `00000000-0000-4000-8000-${(nextTenant++).toString(16).padStart(12, "0")}`;
/*
 * A runner claims due jobs of every tenant, and the tests of a backend share one database: each test
 * starts a month before the one before it, so the jobs earlier tests left are not yet due.
 */
let START = EPOCH;
beforeEach(() => {
  START -= 30 * 24 * 3_600_000;
});

/** Every start and end of a job, in the order they happened, and whether two runs of one key overlapped. */
function journal() {
  const events: { key: string; runner: string; edge: "start" | "end" }[] = [];
  const running = new Set<string>();
  const overlaps: string[] = [];
  return {
    events,
    overlaps,
    start(key: string, runner: string) {
      if (running.has(key)) overlaps.push(key);
      running.add(key);
      events.push({ key, runner, edge: "start" });
    },
    end(key: string, runner: string) {
      running.delete(key);
      events.push({ key, runner, edge: "end" });
    },
    /** Completed runs per key. */
    runsOf(key: string) {
      return events.filter((event) => event.key === key && event.edge === "end").length;
    },
    /** Intervals [start index, end index] per key never intersect. */
    intervalsDisjoint(): boolean {
      const byKey = new Map<string, [number, number][]>();
      events.forEach((event, index) => {
        const list = byKey.get(event.key) ?? [];
        if (event.edge === "start") list.push([index, Number.POSITIVE_INFINITY]);
        else list[list.length - 1]![1] = index;
        byKey.set(event.key, list);
      });
      return [...byKey.values()].every((list) => list.every((run, i) => i === 0 || run[0] > list[i - 1]![1]));
    },
  };
}

/** A calendar handler that records its runs and yields to the event loop a few times, so runs interleave. */
function recordingHandler(record: ReturnType<typeof journal>, runner: string, tenantOf = ""): JobHandler {
  return {
    intervalMs: INTERVAL,
    async run({ tenantId, jobKey }) {
      const key = `${tenantOf === "" ? tenantId : tenantOf}|${jobKey}`;
      record.start(key, runner);
      for (let i = 0; i < (jobKey.length % 4) + 1; i++) await new Promise((resolve) => setImmediate(resolve));
      record.end(key, runner);
      return undefined;
    },
  };
}

for (const backend of backends("jobs_runner")) {
  describe(`${backend.name}: the job runner`, () => {
    let stores: Store[];

    beforeAll(async () => {
      stores = await backend.open(2);
    });

    afterAll(async () => {
      await backend.close();
    });

    it("runs each of 40 managers' sync jobs exactly once per round on two runners, never two runs of one job at once", async () => {
      const tenants = [freshTenant(), freshTenant()];
      const managers = Array.from(
        { length: 40 },
        (_, i) => `manager${String(i).padStart(2, "0")}@contoso.com`,
      );
      const keys = managers.map((email, i) => ({ tenantId: tenants[i % 2]!, jobKey: calendarJobKey(email) }));
      const clock = manualClock(START);
      for (const { tenantId, jobKey } of keys) {
        await stores[0]!.jobQueue.ensure(tenantId, jobKey, START);
        await stores[1]!.jobQueue.ensure(tenantId, jobKey, START + 5 * 60_000);
      }
      const record = journal();
      const runners = ["a", "b"].map((name, i) =>
        createJobRunner({
          store: stores[i]!,
          owner: `runner-${name}`,
          handlers: { calendar: recordingHandler(record, name) },
          leaseMs: LEASE,
          clock: clock.now,
          log: recordingLog(),
          concurrency: 3,
        }),
      );

      for (let round = 1; round <= 3; round++) {
        const ran = await Promise.all(runners.map((runner) => runner.runDue()));
        expect(ran[0]! + ran[1]!).toBe(40);
        for (const { tenantId, jobKey } of keys) expect(record.runsOf(`${tenantId}|${jobKey}`)).toBe(round);
        expect(await Promise.all(runners.map((runner) => runner.runDue()))).toEqual([0, 0]);
        clock.advance(INTERVAL);
      }
      expect(record.overlaps).toEqual([]);
      expect(record.intervalsDisjoint()).toBe(true);
      expect(new Set(record.events.map((event) => event.runner))).toEqual(new Set(["a", "b"]));
      const rows = await stores[0]!.jobQueue.list(tenants[0]!, "calendar:");
      expect(rows).toHaveLength(20);
      for (const row of rows) {
        expect(row).toMatchObject({ owner: null, leaseExpiresAt: null, attempts: 0, lastError: null });
        expect(row.dueAt).toBe(START + 3 * INTERVAL);
      }
    });

    it("hands the jobs of a runner that stopped heartbeating to the other once their leases run out", async () => {
      const tenantId = freshTenant();
      const keys = Array.from({ length: 40 }, (_, i) => calendarJobKey(`rep-lead${i}@contoso.com`));
      const clock = manualClock(START);
      for (const key of keys) await stores[0]!.jobQueue.ensure(tenantId, key, START);
      const record = journal();
      const dying = severable(stores[0]!);
      let releaseDying: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        releaseDying = resolve;
      });
      const aborted: string[] = [];
      const dyingLog = recordingLog();
      const doomed = createJobRunner({
        store: dying.store,
        owner: "doomed",
        handlers: {
          calendar: {
            intervalMs: INTERVAL,
            async run({ jobKey, signal }) {
              record.start(jobKey, "doomed");
              signal.addEventListener("abort", () => aborted.push(jobKey));
              await gate;
              record.end(jobKey, "doomed");
              return undefined;
            },
          },
        },
        leaseMs: LEASE,
        clock: clock.now,
        log: dyingLog,
        concurrency: 4,
        heartbeatMs: 5,
      });
      const survivorLog = recordingLog();
      const survivor = createJobRunner({
        store: stores[1]!,
        owner: "survivor",
        handlers: { calendar: recordingHandler(record, "survivor", "-") },
        leaseMs: LEASE,
        clock: clock.now,
        log: survivorLog,
        concurrency: 4,
        heartbeatMs: 5,
      });

      const doomedRun = doomed.runDue();
      await vi.waitFor(() => expect(doomed.running()).toHaveLength(4));
      const held = doomed.running().map((id) => id.split("|")[1]!);
      // The instance dies: nothing it does reaches the database any more, and its leases stay.
      dying.sever();

      expect(await survivor.runDue()).toBe(36);
      for (const key of held) expect(record.runsOf(`-|${key}`)).toBe(0);

      clock.advance(LEASE);
      await vi.waitFor(() => expect(aborted.sort()).toEqual([...held].sort()));
      expect(await survivor.runDue()).toBe(4);
      for (const key of keys) expect(record.runsOf(`-|${key}`)).toBe(1);

      releaseDying();
      await expect(doomedRun).rejects.toThrow("the connection to the database was lost");
      expect(dyingLog.entries.filter((entry) => entry.message.includes("lease lost"))).toHaveLength(4);
      const rows = await stores[1]!.jobQueue.list(tenantId, "calendar:");
      expect(rows).toHaveLength(40);
      for (const row of rows) {
        expect(row).toMatchObject({ owner: null, lastError: null, attempts: 0 });
        expect(row.dueAt).toBe(held.includes(row.jobKey) ? START + LEASE + INTERVAL : START + INTERVAL);
      }
      expect(record.overlaps).toEqual([]);
    });

    it("runs a job again at once when a run was asked for while it ran", async () => {
      const tenantId = freshTenant();
      const key = calendarJobKey("nina@contoso.com");
      const clock = manualClock(START);
      await stores[0]!.jobQueue.ensure(tenantId, key, START);
      let runs = 0;
      const runner = createJobRunner({
        store: stores[0]!,
        owner: "single",
        handlers: {
          calendar: {
            intervalMs: INTERVAL,
            async run() {
              runs += 1;
              // A change notification arrives while the first sync runs, on another instance.
              if (runs === 1) await stores[1]!.jobQueue.request(tenantId, key, clock.now());
              return undefined;
            },
          },
        },
        leaseMs: LEASE,
        clock: clock.now,
        log: recordingLog(),
      });
      expect(await runner.runDue()).toBe(2);
      expect(runs).toBe(2);
      const [row] = await stores[0]!.jobQueue.list(tenantId, key);
      expect(row!.dueAt).toBe(START + INTERVAL);

      await stores[1]!.jobQueue.request(tenantId, key, START + 60_000);
      expect((await stores[0]!.jobQueue.list(tenantId, key))[0]!.dueAt).toBe(START + 60_000);
      await stores[1]!.jobQueue.request(tenantId, key, START + INTERVAL + 60_000);
      expect((await stores[0]!.jobQueue.list(tenantId, key))[0]!.dueAt).toBe(START + 60_000);
    });

    it("backs off after a failure, records it, and clears it on the next success", async () => {
      const tenantId = freshTenant();
      const key = calendarJobKey("olga@contoso.com");
      const clock = manualClock(START);
      await stores[0]!.jobQueue.ensure(tenantId, key, START);
      const outcomes = [new Error("Graph is down"), new Error("Graph is still down"), undefined];
      const log = recordingLog();
      const runner = createJobRunner({
        store: stores[0]!,
        owner: "flaky",
        handlers: {
          calendar: {
            intervalMs: INTERVAL,
            async run() {
              const next = outcomes.shift();
              if (next instanceof Error) throw next;
              return undefined;
            },
          },
        },
        leaseMs: LEASE,
        clock: clock.now,
        log,
        firstRetryMs: 60_000,
      });
      expect(await runner.runDue()).toBe(1);
      let [row] = await stores[0]!.jobQueue.list(tenantId, key);
      expect(row).toMatchObject({ attempts: 1, lastError: "Graph is down", dueAt: START + 60_000 });
      clock.set(START + 60_000);
      expect(await runner.runDue()).toBe(1);
      [row] = await stores[0]!.jobQueue.list(tenantId, key);
      expect(row).toMatchObject({ attempts: 2, lastError: "Graph is still down", dueAt: START + 180_000 });
      clock.set(START + 180_000);
      expect(await runner.runDue()).toBe(1);
      [row] = await stores[0]!.jobQueue.list(tenantId, key);
      expect(row).toMatchObject({ attempts: 0, lastError: null, dueAt: START + 180_000 + INTERVAL });
      expect(log.entries.map((entry) => entry.message)).toEqual(["job failed", "job failed"]);
    });

    it("deletes a job whose handler says its subject is gone, and releases jobs of unknown kinds for later", async () => {
      const tenantId = freshTenant();
      const clock = manualClock(START);
      await stores[0]!.jobQueue.ensure(tenantId, calendarJobKey("gone@contoso.com"), START);
      await stores[0]!.jobQueue.ensure(tenantId, "mystery:1", START);
      const runner = createJobRunner({
        store: stores[0]!,
        owner: "cleaner",
        handlers: { calendar: { intervalMs: INTERVAL, run: async () => ({ remove: true }) } },
        leaseMs: LEASE,
        clock: clock.now,
        log: recordingLog(),
      });
      expect(await runner.runDue()).toBe(2);
      expect(await stores[0]!.jobQueue.list(tenantId, "calendar:")).toEqual([]);
      expect(await stores[0]!.jobQueue.list(tenantId, "mystery:")).toMatchObject([
        { owner: null, lastError: 'no handler for jobs of kind "mystery"', dueAt: START + 60_000 },
      ]);
    });

    it("takes the next due job as soon as a slot frees, without waiting for the next poll", async () => {
      const tenantId = freshTenant();
      const clock = manualClock(START);
      const keys = Array.from({ length: 7 }, (_, i) => calendarJobKey(`backlog${i}@contoso.com`));
      for (const key of keys) await stores[0]!.jobQueue.ensure(tenantId, key, START);
      const record = journal();
      const runner = createJobRunner({
        store: stores[0]!,
        owner: "backlog",
        handlers: { calendar: recordingHandler(record, "backlog", tenantId) },
        leaseMs: LEASE,
        clock: clock.now,
        log: recordingLog(),
        concurrency: 2,
        // No second poll comes within the test's patience: after the claim at start, freed slots must
        // take the rest.
        pollMs: 60_000,
      });
      runner.start();
      await vi.waitFor(
        () => {
          for (const key of keys) expect(record.runsOf(`${tenantId}|${key}`)).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      await runner.stop();
      expect(record.overlaps).toEqual([]);
    });

    it("stops gracefully: running jobs finish and are released, and nothing more is claimed", async () => {
      const tenantId = freshTenant();
      const clock = manualClock(START);
      const keys = ["p", "q", "r"].map((name) => calendarJobKey(`${name}@contoso.com`));
      for (const key of keys) await stores[0]!.jobQueue.ensure(tenantId, key, START);
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const finished: string[] = [];
      const runner: JobRunner = createJobRunner({
        store: stores[0]!,
        owner: "graceful",
        handlers: {
          calendar: {
            intervalMs: INTERVAL,
            async run({ jobKey }) {
              await gate;
              finished.push(jobKey);
              return undefined;
            },
          },
        },
        leaseMs: LEASE,
        clock: clock.now,
        log: recordingLog(),
        concurrency: 2,
        pollMs: 2,
      });
      runner.start();
      await vi.waitFor(() => expect(runner.running()).toHaveLength(2));
      const stopped = runner.stop();
      release();
      await stopped;
      expect(finished).toHaveLength(2);
      expect(runner.running()).toEqual([]);
      const rows = await stores[0]!.jobQueue.list(tenantId, "calendar:");
      expect(rows.filter((row) => row.owner !== null)).toEqual([]);
      expect(rows.filter((row) => row.lastFinishedAt === START)).toHaveLength(2);
      expect(rows.filter((row) => row.dueAt === START)).toHaveLength(1);
      expect(await runner.runDue()).toBe(0);
    });
  });
}
