import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

describe.each(["pglite", "postgres"] as const)("coaching notes on %s", (backend) => {
  let world: ServerWorld;
  let org: OrgTenant;
  let drop: () => Promise<void>;
  let noteId: string;

  beforeAll(async () => {
    org = orgTenant();
    const opened = await openTestStore(backend);
    drop = opened.drop;
    world = await startServerWorld({ tenants: [org.tenant], now: NOW, store: opened.store });
  });

  afterAll(async () => {
    await world.close();
    await world.store.close();
    await drop();
  });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    focus: [
      { behaviourId: "asks-open-questions", rating: 2, evidence: "Asked two open questions at Fabrikam." },
    ],
    wentWell: "Prepared the call well.",
    gaps: "Talked over the buyer.",
    privateNotes: "Seems tired; ask about workload.",
    actions: [],
    ...overrides,
  });

  it("opens the note of a meeting and rep once: 201, then 200 with the same note", async () => {
    const first = await world.call(org.mia, "POST", "/api/notes", {
      body: { meeting: org.meetings.fieldDay, rep: org.ana.mail },
    });
    expect(first.statusCode).toBe(201);
    noteId = first.json().id;
    expect(first.json()).toMatchObject({
      version: 1,
      status: "draft",
      rep: { email: org.ana.mail, name: "Ana" },
    });
    expect(first.headers.etag).toBe('"1"');
    const again = await world.call(org.mia, "POST", "/api/notes", {
      body: { meeting: org.meetings.fieldDay, rep: org.ana.mail },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(noteId);
  });

  it("refuses a note for someone else's rep or a meeting outside the manager's calendar", async () => {
    const otherRep = await world.call(org.mia, "POST", "/api/notes", {
      body: { meeting: org.meetings.fieldDay, rep: org.cat.mail },
    });
    expect(otherRep.statusCode).toBe(403);
    const unknownMeeting = await world.call(org.mia, "POST", "/api/notes", {
      body: {
        meeting: "040000008200E00074C5B7101A82E008000000000000000000000000000000001000000099FF",
        rep: org.ana.mail,
      },
    });
    expect(unknownMeeting.statusCode).toBe(404);
  });

  it("saves a draft only with If-Match: 428 without it, 200 and the next version with it", async () => {
    const missing = await world.call(org.mia, "PUT", `/api/notes/${noteId}`, { body: draft() });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe("version_required");
    const saved = await world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
      body: draft(),
      headers: { "if-match": '"1"' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, privateNotes: "Seems tired; ask about workload." });
    expect(saved.headers.etag).toBe('"2"');
  });

  it("lets exactly one of two saves on the same version win; the other gets 412 with the winner's note", async () => {
    const [a, b] = await Promise.all([
      world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
        body: draft({ wentWell: "Version A" }),
        headers: { "if-match": '"2"' },
      }),
      world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
        body: draft({ wentWell: "Version B" }),
        headers: { "if-match": '"2"' },
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(loser.json()).toMatchObject({ code: "version_conflict", current: { version: 3 } });
    expect(loser.json().current.wentWell).toBe(winner.json().wentWell);
    const stored = await world.call(org.mia, "GET", `/api/notes/${noteId}`);
    expect(stored.json()).toMatchObject({ version: 3, wentWell: winner.json().wentWell });
  });

  it("refuses a behaviour that is not in the library", async () => {
    const response = await world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
      body: draft({ focus: [{ behaviourId: "juggles", rating: null, evidence: "" }] }),
      headers: { "if-match": '"3"' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe("body.focus.0.behaviourId");
  });

  it("keeps a draft from the rep, then shows it shared without the private notes or review comments", async () => {
    expect((await world.call(org.ana, "GET", `/api/notes/${noteId}`)).statusCode).toBe(404);
    const withAction = await world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
      body: draft({
        actions: [{ id: randomUUID(), text: "Send the ROI sheet", owner: "rep", due: "2026-03-10" }],
      }),
      headers: { "if-match": '"3"' },
    });
    expect(withAction.statusCode).toBe(200);
    const shared = await world.call(org.mia, "POST", `/api/notes/${noteId}/share`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json().status).toBe("shared");
    expect((await world.call(org.mia, "POST", `/api/notes/${noteId}/share`)).statusCode).toBe(200);
    const asRep = await world.call(org.ana, "GET", `/api/notes/${noteId}`);
    expect(asRep.statusCode).toBe(200);
    expect(asRep.json()).toMatchObject({ status: "shared", privateNotes: null, reviewComments: [] });
    expect(asRep.body).not.toContain("Seems tired");
  });

  it("takes the rep's reflection over the version read; a stale one gets 412 without private notes", async () => {
    const current = (await world.call(org.ana, "GET", `/api/notes/${noteId}`)).json();
    const saved = await world.call(org.ana, "PUT", `/api/notes/${noteId}/reflection`, {
      body: { reflection: "I rushed the discovery part." },
      headers: { "if-match": `"${current.version}"` },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().reflection).toBe("I rushed the discovery part.");
    const stale = await world.call(org.ana, "PUT", `/api/notes/${noteId}/reflection`, {
      body: { reflection: "Older text" },
      headers: { "if-match": `"${current.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.reflection).toBe("I rushed the discovery part.");
    expect(stale.json().current.privateNotes).toBeNull();
    const byManager = await world.call(org.mia, "PUT", `/api/notes/${noteId}/reflection`, {
      body: { reflection: "Not mine to write" },
      headers: { "if-match": `"${saved.json().version}"` },
    });
    expect(byManager.statusCode).toBe(403);
  });

  it("lets the rep tick an action off but not drop it", async () => {
    const note = (await world.call(org.ana, "GET", `/api/notes/${noteId}`)).json();
    const actionId = note.actions[0].id;
    const done = await world.call(org.ana, "PUT", `/api/notes/${noteId}/actions/${actionId}`, {
      body: { status: "done" },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "done", completedAt: expect.any(String) });
    const dropped = await world.call(org.ana, "PUT", `/api/notes/${noteId}/actions/${actionId}`, {
      body: { status: "dropped" },
    });
    expect(dropped.statusCode).toBe(403);
    const reopened = await world.call(org.ana, "PUT", `/api/notes/${noteId}/actions/${actionId}`, {
      body: { status: "open" },
    });
    expect(reopened.json().status).toBe("open");
  });

  it("carries the rep's open actions into the next session's note", async () => {
    const next = await world.call(org.mia, "POST", "/api/notes", {
      body: { meeting: org.meetings.privateOne, rep: org.ana.mail },
    });
    expect(next.statusCode).toBe(201);
    expect(next.json().carriedActions.map((a: { text: string }) => a.text)).toEqual(["Send the ROI sheet"]);
  });

  it("signs off only a shared note, then locks it", async () => {
    const signed = await world.call(org.mia, "POST", `/api/notes/${noteId}/sign-off`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe("signed-off");
    const locked = await world.call(org.mia, "PUT", `/api/notes/${noteId}`, {
      body: draft(),
      headers: { "if-match": `"${signed.json().version}"` },
    });
    expect(locked.statusCode).toBe(409);
  });

  it("audits every read of a note, by whom", async () => {
    const entries = await world.store.audit.forTarget(org.tenant.tenantId, "note", noteId);
    const reads = entries.filter((entry) => entry.action === "note.read");
    expect(reads.map((entry) => entry.actor)).toEqual(expect.arrayContaining([org.mia.mail, org.ana.mail]));
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["note.create", "note.update", "note.share", "note.reflect", "note.sign-off"]),
    );
    expect(JSON.stringify(entries)).not.toContain("Seems tired");
  });
});
