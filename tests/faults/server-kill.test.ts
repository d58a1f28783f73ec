/*
 * The server killed with SIGKILL while managers autosave notes, and started again on the same data
 * folder (demo mode: PGlite on disk), twice over: every save the server acknowledged is there after the
 * restart, with its version; a save in flight at the kill is either wholly there (the next version,
 * its text) or not at all; and the forms carry on saving over what is kept.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Note } from "../../src/api/notes.ts";
import { type AutosaveRun, noteDraft, type SaveAnswer, startAutosave } from "../support/autosave.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const SCRIPT = new URL("../support/demo-process.ts", import.meta.url).pathname;

interface Running {
  readonly process: ChildProcess;
  readonly base: string;
  readonly exited: Promise<void>;
  /** Everything it wrote to stderr, for a failing test's message. */
  readonly stderr: string[];
}

let dataDir: string;
let running: Running | undefined;

/** Starts the demo on `dataDir` and waits for its port. */
async function start(): Promise<Running> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      FIELDCOACH_DATA_DIR: dataDir,
      FIELDCOACH_TEST_NOW: String(NOW),
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The server logs to stdout too (a restart's background jobs may warn before it listens), so the
  // port is the first line that names one, not simply the first line.
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const found = portIn(line);
      if (found === undefined) stderr.push(`${line}\n`);
      else resolve(found);
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`the demo exited (${code ?? signal}) before listening: ${stderr.join("")}`)),
    );
  });
  running = { process: child, base: `http://127.0.0.1:${port}`, exited, stderr };
  return running;
}

function portIn(line: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== "object" || parsed === null || !("port" in parsed)) return undefined;
    return typeof parsed.port === "number" ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}

async function kill(server: Running): Promise<void> {
  server.process.kill("SIGKILL");
  await server.exited;
  running = undefined;
}

async function call(
  server: Running,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<SaveAnswer> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...options.headers,
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** Signs in as the demo's first manager (the same person on every start: the seed is kept). */
async function signIn(server: Running): Promise<string> {
  const people = (await call(server, "GET", "/api/demo/people")).body as {
    people: { objectId: string; role: string }[];
  };
  const manager = people.people.find((person) => person.role === "manager")!;
  const signedIn = await call(server, "POST", "/api/demo/sign-in", { body: { objectId: manager.objectId } });
  return (signedIn.body as { accessToken: string }).accessToken;
}

/** Autosaves `notes` until the server is killed once every form has `saves` acknowledgements. */
async function autosaveUntilKilled(server: Running, token: string, notes: readonly Note[], saves: number) {
  let killed = false;
  const runs = notes.map((note) =>
    startAutosave({
      noteId: note.id,
      version: note.version,
      stop: () => killed,
      save: (ifMatch, wentWell) =>
        call(server, "PUT", `/api/notes/${note.id}`, {
          token,
          headers: { "if-match": `"${ifMatch}"` },
          body: noteDraft(wentWell),
        }),
    }),
  );
  await expect
    .poll(() => runs.every((run) => run.acknowledged.length >= saves), { timeout: 60_000, interval: 10 })
    .toBe(true);
  killed = true;
  await kill(server);
  await Promise.all(runs.map((run) => run.done));
  return runs;
}

/** After a restart: each note holds its last acknowledged save, or the one in flight at the kill. */
async function expectAcknowledgedSavesKept(server: Running, token: string, runs: readonly AutosaveRun[]) {
  const kept: Note[] = [];
  for (const run of runs) {
    const read = await call(server, "GET", `/api/notes/${run.noteId}`, { token });
    expect(read.status).toBe(200);
    const note = read.body as Note;
    expect(run.outcomes()).toContainEqual({ version: note.version, wentWell: note.wentWell });
    // Refusals before the kill would mean the server failed saves it had no reason to fail.
    expect(run.refused.every((answer) => answer.status === 0)).toBe(true);
    kept.push(note);
  }
  return kept;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-kill-"));
});

afterAll(async () => {
  if (running !== undefined) await kill(running);
  await rm(dataDir, { recursive: true, force: true });
});

describe("the server killed during note saves", () => {
  it("keeps every acknowledged save, with its version, across two kills and restarts", async () => {
    let server = await start();
    let token = await signIn(server);
    const events = await call(
      server,
      "GET",
      "/api/events?from=2026-01-05T00:00:00Z&to=2026-03-02T00:00:00Z",
      {
        token,
      },
    );
    expect(events.status).toBe(200);
    const meetings = (events.body as { events: { iCalUId: string; reps: string[] }[] }).events
      .filter((event) => event.reps.length === 1)
      .slice(0, 4);
    let notes: Note[] = [];
    for (const meeting of meetings) {
      const opened = await call(server, "POST", "/api/notes", {
        token,
        body: { meeting: meeting.iCalUId, rep: meeting.reps[0] },
      });
      expect(opened.status).toBe(201);
      notes.push(opened.body as Note);
    }
    expect(notes).toHaveLength(4);

    for (let round = 1; round <= 2; round++) {
      const runs = await autosaveUntilKilled(server, token, notes, 8);
      server = await start();
      token = await signIn(server);
      notes = await expectAcknowledgedSavesKept(server, token, runs);
    }

    const note = notes[0]!;
    const saved = await call(server, "PUT", `/api/notes/${note.id}`, {
      token,
      headers: { "if-match": `"${note.version}"` },
      body: noteDraft("Saved after two kills."),
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: note.version + 1, wentWell: "Saved after two kills." });
  }, 180_000);
});
