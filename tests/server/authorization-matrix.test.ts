/*
 * Who may read and write coaching records, route by route (SPEC §6 and §9): the rep, the rep's own
 * manager, a peer manager, the executive above, an executive of another branch, an administrator, and
 * a user of another tenant. Each route is called by every one of them; only the expected ones succeed,
 * and what they see is what they may see.
 */

import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimUser } from "../../src/graph-sim/tenant-data.ts";
import { seedCoachingRecords } from "./coaching-records.ts";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

type Persona = "rep" | "manager" | "peer" | "executive" | "otherBranch" | "admin" | "otherTenant";
const PERSONAS: readonly Persona[] = [
  "rep",
  "manager",
  "peer",
  "executive",
  "otherBranch",
  "admin",
  "otherTenant",
];

describe.each(["pglite", "postgres"] as const)("authorization matrix on %s", (backend) => {
  let world: ServerWorld;
  let org: OrgTenant;
  let other: OrgTenant;
  let drop: () => Promise<void>;
  /** Signed off: readable by rep and executives, commentable by executives. */
  let reportId: string;
  /** Shared, not signed off: the rep may reflect and tick actions. */
  let sharedId: string;
  let sharedActionId: string;
  /** A draft the manager keeps writing. */
  let draftId: string;

  const who = (persona: Persona): { user: SimUser; admin: boolean } =>
    ({
      rep: { user: org.ana, admin: false },
      manager: { user: org.mia, admin: false },
      peer: { user: org.max, admin: false },
      executive: { user: org.vera, admin: false },
      otherBranch: { user: org.otto, admin: false },
      admin: { user: org.ida, admin: true },
      otherTenant: { user: other.mia, admin: true },
    })[persona];

  const as = (
    persona: Persona,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; contentType?: string } = {},
  ): Promise<LightMyRequestResponse> => {
    const { user, admin } = who(persona);
    return world.call(user, method, url, { ...options, admin });
  };

  const version = async (noteId: string) =>
    (await world.store.notes.get(org.tenant.tenantId, noteId))!.version;

  /** Calls the route as everyone (refused ones first, so allowed writes come last) and checks who got through. */
  async function expectOnly(
    allowed: readonly Persona[],
    call: (persona: Persona) => Promise<LightMyRequestResponse>,
  ): Promise<Map<Persona, LightMyRequestResponse>> {
    const order = [...PERSONAS.filter((p) => !allowed.includes(p)), ...allowed];
    const responses = new Map<Persona, LightMyRequestResponse>();
    for (const persona of order) {
      const response = await call(persona);
      responses.set(persona, response);
      const ok = response.statusCode < 300;
      expect({ persona, status: response.statusCode, ok }).toEqual({
        persona,
        status: response.statusCode,
        ok: allowed.includes(persona),
      });
      if (!ok) expect([403, 404]).toContain(response.statusCode);
    }
    return responses;
  }

  beforeAll(async () => {
    org = orgTenant();
    other = orgTenant("7d2e9b14-0000-4000-8000-000000000002", "b");
    const opened = await openTestStore(backend);
    drop = opened.drop;
    world = await startServerWorld({ tenants: [org.tenant, other.tenant], now: NOW, store: opened.store });
    ({ reportId, sharedId, sharedActionId, draftId } = await seedCoachingRecords(world, org));
    // The other tenant's people sign in once, so that they are known there.
    await world.call(other.mia, "GET", "/api/me");
  });

  afterAll(async () => {
    await world.close();
    await world.store.close();
    await drop();
  });

  it("GET /api/notes/:id: the manager, the rep once shared and the executive above; private notes for the manager only", async () => {
    const responses = await expectOnly(["manager", "rep", "executive"], (p) =>
      as(p, "GET", `/api/notes/${reportId}`),
    );
    expect(responses.get("manager")!.json().privateNotes).toContain("PRIVATE");
    for (const p of ["rep", "executive"] as const) {
      expect(responses.get(p)!.json().privateNotes).toBeNull();
      expect(responses.get(p)!.body).not.toContain("PRIVATE");
    }
    await expectOnly(["manager"], (p) => as(p, "GET", `/api/notes/${draftId}`));
  });

  it("GET /api/notes: lists only the notes the reader may see", async () => {
    for (const persona of PERSONAS) {
      const response = await as(persona, "GET", `/api/notes?rep=${encodeURIComponent(org.ana.mail)}`);
      expect(response.statusCode).toBe(200);
      const ids = response
        .json()
        .notes.map((n: { id: string }) => n.id)
        .sort();
      const expected = ["manager", "rep", "executive"].includes(persona) ? [reportId, sharedId].sort() : [];
      expect({ persona, ids }).toEqual({ persona, ids: expected });
    }
  });

  it("POST /api/notes: only the rep's own manager opens a note", async () => {
    await expectOnly(["manager"], (p) =>
      as(p, "POST", "/api/notes", { body: { meeting: org.meetings.customerCall, rep: org.ben.mail } }),
    );
  });

  it("PUT /api/notes/:id: only the manager writes the draft", async () => {
    await expectOnly(["manager"], async (p) =>
      as(p, "PUT", `/api/notes/${draftId}`, {
        headers: { "if-match": String(await version(draftId)) },
        body: { focus: [], wentWell: `by ${p}`, gaps: "", privateNotes: "", actions: [] },
      }),
    );
  });

  it("PUT /api/notes/:id/reflection: only the rep reflects", async () => {
    await expectOnly(["rep"], async (p) =>
      as(p, "PUT", `/api/notes/${sharedId}/reflection`, {
        headers: { "if-match": String(await version(sharedId)) },
        body: { reflection: `by ${p}` },
      }),
    );
  });

  it("PUT /api/notes/:id/actions/:actionId: the rep and the manager", async () => {
    await expectOnly(["rep", "manager"], (p) =>
      as(p, "PUT", `/api/notes/${sharedId}/actions/${sharedActionId}`, { body: { status: "done" } }),
    );
  });

  it("POST share and sign-off: only the manager", async () => {
    await expectOnly(["manager"], (p) => as(p, "POST", `/api/notes/${draftId}/share`));
    await expectOnly(["manager"], (p) => as(p, "POST", `/api/notes/${sharedId}/sign-off`));
  });

  it("POST /api/reports/:noteId/comments: only the executive above", async () => {
    const id = randomUUID();
    await expectOnly(["executive"], (p) =>
      as(p, "POST", `/api/reports/${reportId}/comments`, {
        body: { id, body: "Good debrief.", debrief: true },
      }),
    );
  });

  it("GET /api/reports: only the executive above sees the manager's reports", async () => {
    for (const persona of PERSONAS) {
      const response = await as(persona, "GET", "/api/reports");
      const ids =
        response.statusCode === 200 ? response.json().reports.map((r: { noteId: string }) => r.noteId) : [];
      expect({ persona, sees: ids.includes(reportId) }).toEqual({ persona, sees: persona === "executive" });
    }
  });

  it("GET /api/reps/:email/plan: the rep, the manager and the executive above", async () => {
    await expectOnly(["rep", "manager", "executive"], (p) => as(p, "GET", `/api/reps/${org.ana.mail}/plan`));
  });

  it("PUT /api/reps/:email/plan: only the rep's manager", async () => {
    await expectOnly(["manager"], async (p) => {
      const plan = await world.store.plans.get(org.tenant.tenantId, org.ana.mail);
      return as(p, "PUT", `/api/reps/${org.ana.mail}/plan`, {
        headers: { "if-match": String(plan?.version ?? 0) },
        body: {
          focus: [{ behaviourId: "plans-the-call", targetRating: 3 }],
          goals: [],
          cadenceOverride: null,
        },
      });
    });
  });

  it("POST /api/reps/:email/metrics/import: the manager and the executive above", async () => {
    await expectOnly(["manager", "executive"], (p) =>
      as(p, "POST", `/api/reps/${org.ana.mail}/metrics/import`, {
        body: "date,pipeline\n2026-03-01,12\n",
        contentType: "text/csv",
      }),
    );
  });

  it("GET /api/team/dashboard and /api/events: the manager and those above; the rep sees only their own events", async () => {
    const q = `from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&manager=${encodeURIComponent(org.mia.mail)}`;
    await expectOnly(["manager", "executive"], (p) => as(p, "GET", `/api/team/dashboard?${q}`));
    const events = await expectOnly(["manager", "executive", "rep"], (p) => as(p, "GET", `/api/events?${q}`));
    const repEvents = events.get("rep")!.json().events as { reps: string[] }[];
    expect(repEvents.length).toBeGreaterThan(0);
    expect(repEvents.every((event) => event.reps.includes(org.ana.mail))).toBe(true);
    expect(events.get("manager")!.json().events.length).toBeGreaterThan(repEvents.length);
    expect(events.get("manager")!.body).not.toContain("performance concerns");
    expect(events.get("manager")!.body).not.toContain("Confidential");
  });

  it("PUT /api/events/:iCalUId/override: only the manager whose calendar it is", async () => {
    await expectOnly(["manager"], (p) =>
      as(p, "PUT", `/api/events/${encodeURIComponent(org.meetings.oneOnOne)}/override`, {
        body: { initiator: "manager", kind: null, reason: "I asked Ben to set it up" },
      }),
    );
  });

  it("suggestions: the manager and those above list them; only the manager decides", async () => {
    const listed = await expectOnly(["manager", "executive"], (p) =>
      as(p, "GET", `/api/suggestions?manager=${encodeURIComponent(org.mia.mail)}`),
    );
    const offered = listed.get("manager")!.json().suggestions as { id: string }[];
    expect(offered.length).toBeGreaterThan(0);
    await expectOnly(["manager"], (p) => as(p, "POST", `/api/suggestions/${offered[0]!.id}/dismiss`));
  });

  it("GET /api/executive/overview: executives see only the managers below them", async () => {
    const q = "from=2026-02-02T00:00:00Z&to=2026-03-09T00:00:00Z";
    const vera = (await as("executive", "GET", `/api/executive/overview?${q}`)).json();
    expect(vera.managers.map((m: { manager: { email: string } }) => m.manager.email).sort()).toEqual(
      [org.max.mail, org.mia.mail].sort(),
    );
    const otto = (await as("otherBranch", "GET", `/api/executive/overview?${q}`)).json();
    expect(otto.managers.map((m: { manager: { email: string } }) => m.manager.email)).toEqual([
      org.omar.mail,
    ]);
    expect((await as("rep", "GET", `/api/executive/overview?${q}`)).statusCode).toBe(403);
  });

  it("settings and a person's data: administrators only, and never the coaching notes themselves", async () => {
    await expectOnly(["admin", "otherTenant"], (p) =>
      as(p, "PUT", "/api/settings/behaviours", {
        body: {
          behaviours: [{ id: "plans-the-call", name: "Plans the call", description: "Sets an objective." }],
        },
      }),
    );
    const exported = await expectOnly(["admin", "otherTenant"], (p) =>
      as(p, "GET", `/api/admin/people/${org.ana.mail}/export`),
    );
    expect(exported.get("admin")!.json().tables.notes.length).toBe(2);
    expect(exported.get("admin")!.body).not.toContain("PRIVATE");
    expect(exported.get("otherTenant")!.json().tables.notes).toEqual([]);
    const audit = await world.store.audit.byActor(org.tenant.tenantId, org.ida.mail);
    expect(audit.map((entry) => entry.action)).toContain("person.export");
  });

  it("DELETE /api/admin/people/:email: administrators only, and only in their own tenant", async () => {
    for (const persona of ["rep", "manager", "peer", "executive", "otherBranch"] as const) {
      const response = await as(persona, "DELETE", `/api/admin/people/${org.ben.mail}`);
      expect({ persona, status: response.statusCode }).toEqual({ persona, status: 403 });
    }
    const elsewhere = await as("otherTenant", "DELETE", `/api/admin/people/${org.ben.mail}`);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().deleted).toEqual({});
    expect(await world.store.notes.list(org.tenant.tenantId, { repEmails: [org.ben.mail] })).toHaveLength(2);
    const here = await as("admin", "DELETE", `/api/admin/people/${org.ben.mail}`);
    expect(here.statusCode).toBe(200);
    expect(here.json().deleted).toMatchObject({ notes: 2, people: 1 });
    expect(await world.store.notes.list(org.tenant.tenantId, { repEmails: [org.ben.mail] })).toEqual([]);
  });
});
