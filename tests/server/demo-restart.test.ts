/*
 * Demo mode as `npm start` runs it, on a data folder: what is written survives a restart (the note in
 * PGlite, the booked field day in the simulator's saved calendar changes, the same tenant from the
 * saved seed and anchor), and --fresh starts over.
 */

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
let dataDir: string;
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

async function start(fresh = false): Promise<RunningServer> {
  const config = loadConfig({ FIELDCOACH_DATA_DIR: dataDir, PORT: "3000" }, fresh ? ["--fresh"] : []);
  return startServer(config, { now: () => NOW, logDestination: quiet, webRoot: join(dataDir, "no-pages") });
}

async function signIn(server: RunningServer, role: "manager"): Promise<{ token: string; email: string }> {
  const people = (await server.app.inject({ url: "/api/demo/people" })).json().people as {
    objectId: string;
    email: string;
    role: string;
  }[];
  const person = people.find((p) => p.role === role)!;
  const signedIn = await server.app.inject({
    method: "POST",
    url: "/api/demo/sign-in",
    payload: { objectId: person.objectId },
  });
  return { token: signedIn.json().accessToken, email: person.email };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-demo-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("demo mode on a data folder", () => {
  let noteId: string;
  let booked: { iCalUId: string; start: string; end: string };
  let email: string;

  it("starts, signs someone in, and keeps what they write", async () => {
    const server = await start();
    try {
      expect(server.demo?.anchor).toBe("2026-03-02");
      const manager = await signIn(server, "manager");
      email = manager.email;
      const auth = { authorization: `Bearer ${manager.token}` };
      const events = await server.app.inject({
        url: "/api/events?from=2026-02-23T00:00:00Z&to=2026-03-02T00:00:00Z",
        headers: auth,
      });
      expect(events.statusCode).toBe(200);
      const meeting = (
        events.json().events as { iCalUId: string; reps: string[]; development: string }[]
      ).find((event) => event.reps.length === 1 && event.development === "skill")!;
      const opened = await server.app.inject({
        method: "POST",
        url: "/api/notes",
        headers: auth,
        payload: { meeting: meeting.iCalUId, rep: meeting.reps[0] },
      });
      expect(opened.statusCode).toBe(201);
      noteId = opened.json().id;
      const saved = await server.app.inject({
        method: "PUT",
        url: `/api/notes/${noteId}`,
        headers: { ...auth, "if-match": '"1"' },
        payload: { focus: [], wentWell: "Kept across restarts.", gaps: "", privateNotes: "", actions: [] },
      });
      expect(saved.statusCode).toBe(200);
      const suggestion = (await server.app.inject({ url: "/api/suggestions", headers: auth })).json()
        .suggestions[0];
      const accepted = await server.app.inject({
        method: "POST",
        url: `/api/suggestions/${suggestion.id}/accept`,
        headers: auth,
      });
      expect(accepted.statusCode).toBe(200);
      booked = accepted.json().event;
    } finally {
      await server.close();
    }
    const seed = JSON.parse(await readFile(join(dataDir, "demo-tenant.json"), "utf8"));
    expect(seed).toEqual({ seed: 1, anchor: "2026-03-02" });
  });

  it("starts again on the same folder with the note and the booked field day still there", async () => {
    const server = await start();
    try {
      const manager = await signIn(server, "manager");
      expect(manager.email).toBe(email);
      const auth = { authorization: `Bearer ${manager.token}` };
      const note = await server.app.inject({ url: `/api/notes/${noteId}`, headers: auth });
      expect(note.statusCode).toBe(200);
      expect(note.json().wentWell).toBe("Kept across restarts.");
      const events = await server.app.inject({
        url: `/api/events?from=${booked.start}&to=${booked.end}&iCalUId=${encodeURIComponent(booked.iCalUId)}`,
        headers: auth,
      });
      expect(events.json().events).toHaveLength(1);
      expect(events.json().events[0]).toMatchObject({ kind: "field-day", isCancelled: false });
    } finally {
      await server.close();
    }
  });

  it("starts over with --fresh", async () => {
    const server = await start(true);
    try {
      const manager = await signIn(server, "manager");
      const note = await server.app.inject({
        url: `/api/notes/${noteId}`,
        headers: { authorization: `Bearer ${manager.token}` },
      });
      expect(note.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});
