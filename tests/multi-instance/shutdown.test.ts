/*
 * A server process stopped with SIGTERM (what a container platform sends before it kills an instance
 * it scales in or replaces) while managers autosave notes, each form saving again as soon as the last
 * save was answered, and while its background jobs are in the middle of calendar syncs that Graph (the
 * simulator) is slow to answer. The process stops as `npm start` does (stopOnSignals): it exits 0;
 * every save it answered 2xx is in the database with the version and text the answer gave, and no
 * save was kept that was not answered; every answer is 2xx or 503, and then the connection is
 * refused; the jobs that were running finish and no job lease is left held.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Note } from "../../src/api/notes.ts";
import { type Instance, START, startWorld, type World } from "./support/world.ts";

const NOTES_PER_MANAGER = 4;
/** Saves each form has answered before the signal: the load is under way. */
const SAVES_BEFORE_SIGNAL = 3;
/** How long Graph takes over each call at the signal: the syncs are still running then. */
const GRAPH_LATENCY_MS = 1_500;

/** One answer to one save: status 0 when the connection failed or was refused. */
interface Answer {
  readonly status: number;
  readonly wentWell: string;
  /** The version a 2xx answer gave. */
  readonly version: number | undefined;
  /** When the answer came, by the machine's clock. */
  readonly at: number;
}

interface OpenNote {
  readonly id: string;
  readonly managerId: string;
  readonly version: number;
}

let world: World;
let server: Instance;
let notes: OpenNote[];

beforeAll(async () => {
  world = await startWorld({ managers: 6, repsEach: 3, schemaPrefix: "fc_shutdown" });
  server = await world.startInstance({ FIELDCOACH_TEST_POLL_MS: "200" });
  expect((await world.call(server, "/api/me", world.org.vp.id)).status).toBe(200);
  // The first round of background syncs fills every calendar; the notes are opened on its meetings.
  await world.waitFor("the first round of calendar syncs", async () => {
    const jobs = await world.calendarJobs();
    return jobs.length === world.managers.length && jobs.every((job) => job.lastFinishedAt !== null);
  });
  notes = (await Promise.all(world.org.managers.map((manager) => openNotes(manager.id)))).flat();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/** Opens a note on each of the manager's first meetings with a rep, as the tab does. */
async function openNotes(managerId: string): Promise<OpenNote[]> {
  const window = `from=${new Date(START - 28 * 86_400_000).toISOString()}&to=${new Date(START).toISOString()}`;
  const listed = await world.call(server, `/api/events?${window}`, managerId);
  expect(listed.status).toBe(200);
  const { events } = (await listed.json()) as { events: { iCalUId: string | null; reps: string[] }[] };
  const pairs = events.flatMap((event) =>
    event.iCalUId === null ? [] : event.reps.map((rep) => ({ meeting: event.iCalUId!, rep })),
  );
  expect(pairs.length).toBeGreaterThanOrEqual(NOTES_PER_MANAGER);
  return Promise.all(
    pairs.slice(0, NOTES_PER_MANAGER).map(async (pair) => {
      const created = await world.call(server, "/api/notes", managerId, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(pair),
      });
      expect(created.status).toBe(201);
      const note = (await created.json()) as Note;
      return { id: note.id, managerId, version: note.version };
    }),
  );
}

/** One save of the whole form over `version`; a body cut short counts as no answer. */
async function save(note: OpenNote, version: number, wentWell: string): Promise<Answer> {
  try {
    const response = await world.call(server, `/api/notes/${note.id}`, note.managerId, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": `"${version}"` },
      body: JSON.stringify({ focus: [], wentWell, gaps: "", privateNotes: "", actions: [] }),
    });
    const body = await response.text();
    const saved = response.ok ? (JSON.parse(body) as Note).version : undefined;
    return { status: response.status, wentWell, version: saved, at: Date.now() };
  } catch {
    return { status: 0, wentWell, version: undefined, at: Date.now() };
  }
}

interface AutosaveRun {
  readonly note: OpenNote;
  /** Every answer so far, in order. */
  readonly answers: Answer[];
  /** Resolves once the server has exited and a save found nobody answering. */
  readonly done: Promise<void>;
}

/** One form autosaving: the whole form again as soon as the last save was answered. */
function autosave(note: OpenNote, exited: () => boolean): AutosaveRun {
  const answers: Answer[] = [];
  const run = async () => {
    let version = note.version;
    for (let typed = 1; ; typed++) {
      const wentWell = `${note.id}: typed ${typed}`;
      const answer = await save(note, version, wentWell);
      answers.push(answer);
      if (answer.version !== undefined) version = answer.version;
      if (answer.status === 0 && exited()) return;
      if (answer.status !== 200) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { note, answers, done: run() };
}

const acknowledged = (run: AutosaveRun) => run.answers.filter((answer) => answer.status === 200);

describe("a server process stopped with SIGTERM under load", () => {
  it("keeps every save it answered, answers nothing it did not keep, and releases its running jobs", async () => {
    let exited = false;
    const runs = notes.map((note) => autosave(note, () => exited));
    await world.waitFor("the load", async () =>
      runs.every((run) => acknowledged(run).length >= SAVES_BEFORE_SIGNAL),
    );

    world.shared.local.sim.faults.latency(GRAPH_LATENCY_MS);
    await world.requestRound();
    await world.waitFor("a calendar sync running", async () =>
      (await world.calendarJobs()).some((job) => job.owner === server.info.owner),
    );
    const held = (await world.calendarJobs()).filter((job) => job.owner === server.info.owner);
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    exited = true;
    await Promise.all(runs.map((run) => run.done));

    expect(exit, server.output.join("\n")).toEqual({ code: 0, signal: null });
    const answers = runs.flatMap((run) => run.answers);
    expect(answers.filter((answer) => ![200, 503, 0].includes(answer.status))).toEqual([]);
    // Saves went on being answered while the running syncs finished, and each form found no server at last.
    expect(
      answers.filter((answer) => answer.status === 200 && answer.at > signalledAt).length,
    ).toBeGreaterThan(0);
    expect(runs.map((run) => run.answers.at(-1)!.status)).toEqual(runs.map(() => 0));

    for (const run of runs) {
      const kept = new Map(
        (await world.store.notes.versions(world.org.tenant.tenantId, run.note.id)).map((version) => [
          version.version,
          version.content.wentWell,
        ]),
      );
      for (const answer of acknowledged(run))
        expect(kept.get(answer.version!), run.note.id).toBe(answer.wentWell);
      const stored = await world.store.notes.get(world.org.tenant.tenantId, run.note.id);
      expect(stored?.version, run.note.id).toBe(acknowledged(run).at(-1)!.version);
    }

    const jobs = await world.store.jobQueue.list(world.org.tenant.tenantId, "");
    expect(jobs.filter((job) => job.owner !== null || job.leaseExpiresAt !== null)).toEqual([]);
    expect(held.length).toBeGreaterThan(0);
    for (const running of held) {
      const job = jobs.find((candidate) => candidate.jobKey === running.jobKey)!;
      expect(job.lastFinishedAt, job.jobKey).toBeGreaterThanOrEqual(running.lastStartedAt!);
      expect(job.lastError, job.jobKey).toBeNull();
    }
  }, 60_000);
});
