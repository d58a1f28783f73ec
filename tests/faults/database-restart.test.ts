/*
 * The database restarting under the server: a PostgreSQL cluster of this file's own (the run's shared
 * one must not be touched) is stopped at once, as a crash or a failover stops it, started again, and its
 * sessions are cut, while managers autosave notes and open their dashboard. Every request either
 * succeeds or is refused with 503 `not_ready` and a sentence; the same server answers again once the
 * database is back (the pool opens new connections); every acknowledged save is in the database, with
 * its version, and was audited.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Note } from "../../src/api/notes.ts";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { TEAM_STORIES } from "../../src/demo-tenant/roster.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { openStore } from "../../src/store/store.ts";
import { type AutosaveRun, noteDraft, startAutosave } from "../support/autosave.ts";
import { type FaultWorld, startFaultWorld } from "../support/fault-world.ts";
import { type PostgresCluster, startPostgresCluster } from "../support/postgres-cluster.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const PAST = "from=2026-01-05T00:00:00Z&to=2026-03-02T00:00:00Z";
const NOT_READY = {
  code: "not_ready",
  message: "FieldCoach's database is not answering; try again shortly.",
};

let cluster: PostgresCluster;
let world: FaultWorld;
let tenant: SimTenant;
let dana: SimUser;
let notes: Note[];
const poolErrors: Error[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  dana = tenant.users.find(
    (user) => user.mail === TEAM_STORIES.find((s) => s.pattern === "field-day-cadence")!.manager,
  )!;
  const store = await openStore({
    kind: "postgres",
    url: cluster.url,
    onPoolError: (error) => poolErrors.push(error),
  });
  world = await startFaultWorld({ tenant, now: NOW, store });
  expect((await world.call(dana, "GET", `/api/team/dashboard?${PAST}`)).statusCode).toBe(200);
  // A note for each of four past meetings with one rep: one form each to autosave.
  const meetings = (
    await world.store.events.inWindow(tenant.tenantId, dana.mail, { start: NOW - 60 * 86_400_000, end: NOW })
  ).filter((event) => event.reps.length === 1 && !event.isCancelled);
  notes = [];
  for (const meeting of meetings.slice(0, 4)) {
    const opened = await world.call(dana, "POST", "/api/notes", {
      body: { meeting: meeting.iCalUId, rep: meeting.reps[0] },
    });
    expect(opened.statusCode).toBe(201);
    notes.push(opened.json());
  }
  expect(notes).toHaveLength(4);
}, 120_000);

afterAll(async () => {
  await world?.close();
  await world?.store.close();
  await cluster?.destroy();
});

/** Autosaves every note until `stop`, as four managers' forms would. */
function autosaveAll(stop: () => boolean): AutosaveRun[] {
  return notes.map((note) =>
    startAutosave({
      noteId: note.id,
      version: note.version,
      stop,
      save: async (ifMatch, wentWell) => {
        const response = await world.call(dana, "PUT", `/api/notes/${note.id}`, {
          headers: { "if-match": `"${ifMatch}"` },
          body: noteDraft(wentWell),
        });
        return { status: response.statusCode, body: response.json() };
      },
    }),
  );
}

/** Waits (without a time limit of its own: the test's applies) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  await expect.poll(condition, { timeout: 30_000, interval: 20 }).toBe(true);
}

/**
 * Every acknowledged save is in the database, each one audited; the note stands at the last of them, or
 * at the save refused when the connection broke if the database wrote it before the break.
 */
async function expectEveryAcknowledgedSaveKept(runs: readonly AutosaveRun[]): Promise<void> {
  for (const run of runs) {
    const versions = run.acknowledged.map((ack) => ack.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const note = (await world.store.notes.get(tenant.tenantId, run.noteId))!;
    expect(run.outcomes()).toContainEqual({ version: note.version, wentWell: note.wentWell });
    const audited = (await world.store.audit.forTarget(tenant.tenantId, "note", run.noteId))
      .filter((entry) => entry.action === "note.update")
      .map((entry) => (entry.detail as { version: number }).version);
    expect(audited).toEqual(expect.arrayContaining(versions));
  }
}

describe("the database restarting under the server", () => {
  it("restarted while autosaves are in flight: each save is acknowledged or refused with 503 not_ready, and every acknowledged one is kept", async () => {
    let stopping = false;
    const runs = autosaveAll(() => stopping);
    const acknowledged = () => runs.map((run) => run.acknowledged.length);
    await until(() => acknowledged().every((count) => count >= 3));
    await cluster.restart();
    const atRestart = acknowledged();
    await until(() => acknowledged().every((count, i) => count >= atRestart[i]! + 3));
    stopping = true;
    await Promise.all(runs.map((run) => run.done));

    const refused = runs.flatMap((run) => run.refused);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual(NOT_READY);
    }
    await expectEveryAcknowledgedSaveKept(runs);
    expect((await world.app.inject({ url: "/readyz" })).statusCode).toBe(200);
  });

  it("sessions cut by the database (a failover, an administrator) while saving: the same rule, and the pool carries on", async () => {
    let stopping = false;
    const runs = autosaveAll(() => stopping);
    const acknowledged = () => runs.map((run) => run.acknowledged.length);
    await until(() => acknowledged().every((count) => count >= 3));
    for (let cut = 0; cut < 3; cut++) {
      const before = acknowledged();
      await cluster.terminateBackends();
      await until(() => acknowledged().every((count, i) => count > before[i]!));
    }
    stopping = true;
    await Promise.all(runs.map((run) => run.done));

    for (const answer of runs.flatMap((run) => run.refused)) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual(NOT_READY);
    }
    await expectEveryAcknowledgedSaveKept(runs);
  });

  it("stopped: requests are refused with 503 not_ready and /readyz says not ready; once it starts again the same server answers", async () => {
    await cluster.stop();
    try {
      const me = await world.call(dana, "GET", "/api/me");
      expect(me.statusCode).toBe(503);
      expect(me.json()).toEqual(NOT_READY);
      expect(me.headers["retry-after"]).toBe("5");
      const dashboard = await world.call(dana, "GET", `/api/team/dashboard?${PAST}`);
      expect([dashboard.statusCode, dashboard.json()]).toEqual([503, NOT_READY]);
      const ready = await world.app.inject({ url: "/readyz" });
      expect([ready.statusCode, ready.json()]).toEqual([
        503,
        { status: "not-ready", checks: { database: "failing" } },
      ]);
      expect((await world.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await cluster.start();
    }

    expect((await world.app.inject({ url: "/readyz" })).statusCode).toBe(200);
    expect((await world.call(dana, "GET", "/api/me")).statusCode).toBe(200);
    const note = (await world.call(dana, "GET", `/api/notes/${notes[0]!.id}`)).json() as Note;
    const saved = await world.call(dana, "PUT", `/api/notes/${note.id}`, {
      headers: { "if-match": `"${note.version}"` },
      body: noteDraft("Saved once the database was back."),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: note.version + 1 });
    expect(poolErrors.length).toBeGreaterThan(0);
  });
});
