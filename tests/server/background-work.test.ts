/*
 * The server's background work, in demo mode as `npm start` runs it (simulator, development issuer,
 * PGlite in a data folder) on a pinned clock the test moves: a tenant seen for the first time gets its
 * jobs, the planning job gives every manager a calendar job, the runner syncs each calendar, a field
 * day without a note is reminded of once in the Teams activity feed with a link to its page, and
 * close() lets running jobs finish and leaves no lease held.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_TABS } from "../../manifest/app-definition.ts";
import { DEMO_DEPLOYMENT } from "../../manifest/deployment.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { activityFeedOf } from "../../src/graph-sim/sim-activity-feed.ts";
import { calendarJobKey } from "../../src/jobs/job-keys.ts";
import { LOCAL_CLIENT_ID } from "../../src/server/demo/local-tenant.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { calendarSyncKey, calendarSyncWindow } from "../../src/server/sync/sync-window.ts";
import type { PersonRecord } from "../../src/store/repositories/people.ts";
import { openStore } from "../../src/store/store.ts";
import { parseRoute } from "../../src/ui/router/route.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A little more than the calendar and reminder jobs' interval, so that both are due again. */
const NEXT_ROUND = 16 * MINUTE;

let clock = NOW;
let dataDir: string;
const logs: string[] = [];
const logDestination = new Writable({
  write(chunk, _encoding, done) {
    logs.push(String(chunk));
    done();
  },
});

function start(options: {
  readonly fresh: boolean;
  readonly backgroundSync: boolean;
}): Promise<RunningServer> {
  const config = loadConfig(
    { FIELDCOACH_DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn" },
    options.fresh ? ["--fresh"] : [],
  );
  return startServer(config, {
    now: () => clock,
    logDestination,
    webRoot: join(dataDir, "no-pages"),
    backgroundSync: options.backgroundSync,
  });
}

function demoOf(server: RunningServer) {
  if (server.demo === undefined) throw new Error("the server is not in demo mode");
  return server.demo;
}

async function managersOf(server: RunningServer): Promise<PersonRecord[]> {
  const people = await server.services.store.people.list(demoOf(server).tenantId);
  return people.filter((person) => people.some((other) => other.managerEmail === person.email));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-background-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("background work in demo mode", () => {
  let server: RunningServer;
  let closed = false;

  afterAll(async () => {
    if (!closed) await server?.close();
  });

  it("gives a tenant seen for the first time its planning, reminder and retention jobs", async () => {
    const first = await start({ fresh: true, backgroundSync: false });
    try {
      const { tenantId } = demoOf(first);
      const jobs = () => first.services.store.jobQueue.list(tenantId, "");
      expect(await jobs()).toEqual([]);
      const people = (await first.app.inject({ url: "/api/demo/people" })).json().people as {
        objectId: string;
        role: string;
      }[];
      const executive = people.find((person) => person.role === "executive")!;
      const signedIn = await first.app.inject({
        method: "POST",
        url: "/api/demo/sign-in",
        payload: { objectId: executive.objectId },
      });
      const me = await first.app.inject({
        url: "/api/me",
        headers: { authorization: `Bearer ${signedIn.json().accessToken}` },
      });
      expect(me.statusCode).toBe(200);
      expect((await jobs()).map((job) => [job.jobKey, job.dueAt, job.owner])).toEqual([
        ["plan", NOW, null],
        ["reminders", NOW, null],
        ["retention", NOW, null],
      ]);
    } finally {
      await first.close();
    }
  });

  it("plans a calendar job for every manager and syncs each calendar through the runner", async () => {
    server = await start({ fresh: false, backgroundSync: true });
    const { tenantId } = demoOf(server);
    const { store } = server.services;
    await server.background.runDue();

    const managers = await managersOf(server);
    expect(managers.length).toBeGreaterThan(1);
    const calendarJobs = await store.jobQueue.list(tenantId, "calendar:");
    expect(calendarJobs.map((job) => job.jobKey)).toEqual(
      managers.map((manager) => calendarJobKey(manager.email)).sort(),
    );
    for (const job of calendarJobs) {
      expect(job, job.jobKey).toMatchObject({
        owner: null,
        lastError: null,
        lastFinishedAt: NOW,
        dueAt: NOW + 15 * MINUTE,
      });
    }
    // The demo is served over plain http, which Graph cannot post change notifications to.
    expect(await store.jobQueue.list(tenantId, "subscription:")).toEqual([]);
    for (const manager of managers) {
      const state = await store.syncState.get(tenantId, calendarSyncKey(manager.email));
      expect(state?.lastSuccessAt, manager.email).toBe(NOW);
    }
    const events = await Promise.all(
      managers.map((manager) => store.events.inWindow(tenantId, manager.email, calendarSyncWindow(NOW))),
    );
    expect(events.every((kept) => kept.length > 0)).toBe(true);
  });

  it("reminds each manager once, as FieldCoach, of a field day a day past without a note, linking to its page", async () => {
    const { tenantId, sim } = demoOf(server);
    const { store } = server.services;
    const feed = activityFeedOf(sim.state);
    clock += NEXT_ROUND;
    await server.background.runDue();

    const managers = await managersOf(server);
    const window = calendarSyncWindow(clock);
    const expected: string[] = [];
    for (const manager of managers) {
      for (const event of await store.events.inWindow(tenantId, manager.email, window)) {
        const noteAsked = event.end + DAY;
        if (
          event.kind === "field-day" &&
          !event.isCancelled &&
          event.reps.length === 1 &&
          noteAsked <= clock &&
          clock < noteAsked + 7 * DAY
        ) {
          expected.push(`${manager.objectId} ${event.iCalUId} ${event.reps[0]}`);
        }
      }
    }
    expect(expected.length).toBeGreaterThan(0);

    const tab = `https://teams.microsoft.com/l/entity/${DEMO_DEPLOYMENT.appId}/${TEAMS_TABS.personal.entityId}`;
    const reminded = () =>
      feed.sent
        .filter((sent) => sent.activityType === "fieldDayNoteMissing")
        .map((sent) => {
          expect(sent.sender).toBe(`app:${LOCAL_CLIENT_ID}`);
          const link = new URL(String(sent.topic.webUrl));
          expect(`${link.origin}${link.pathname}`).toBe(tab);
          const page = parseRoute(JSON.parse(link.searchParams.get("context")!).subEntityId);
          if (page.page !== "meeting") throw new Error(`a reminder opens ${page.page}, not a meeting`);
          return `${sent.recipientId} ${page.iCalUId} ${page.rep}`;
        });
    expect(reminded().sort()).toEqual(expected.sort());

    clock += NEXT_ROUND;
    await server.background.runDue();
    const again = reminded();
    expect(again).toHaveLength(new Set(again).size);
    expect(again.sort()).toEqual(expected.sort());
    const failures = logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(failures).toEqual([]);
  });

  it("lets running jobs finish when closed and leaves no lease held", async () => {
    const { tenantId, sim } = demoOf(server);
    const managers = await managersOf(server);
    for (const manager of managers) {
      await server.services.store.jobQueue.request(tenantId, calendarJobKey(manager.email), clock);
    }
    sim.faults.latency(200);
    const before = sim.stats().requests;
    const running = server.background.runDue();
    for (let waited = 0; sim.stats().requests === before; waited += 10) {
      if (waited > 10_000) throw new Error("no calendar sync reached Graph");
      await sleep(10);
    }
    closed = true;
    await server.close();
    await running;

    const reopened = await openStore({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    try {
      const jobs = await reopened.jobQueue.list(tenantId, "");
      expect(jobs.filter((job) => job.owner !== null || job.leaseExpiresAt !== null)).toEqual([]);
      const synced = jobs.filter((job) => job.jobKey.startsWith("calendar:") && job.lastFinishedAt === clock);
      expect(synced.length).toBeGreaterThan(0);
      expect(synced.every((job) => job.lastError === null)).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
