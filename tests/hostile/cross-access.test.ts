/*
 * Cross-tenant and cross-team access on every route of the contract. The authorization matrix
 * (tests/server/authorization-matrix.test.ts) says who may use each coaching route within one tenant;
 * this goes further with identifiers guessed, swapped and reused:
 * - a twin tenant whose people have the org tenant's very addresses and object ids, and whose meetings
 *   have the same iCalUIds, sends every route the org tenant's own requests (its note, action, comment,
 *   suggestion and goal ids, its reps' addresses) as each of its people: nothing of the org tenant is
 *   answered or changed;
 * - people outside Mia's team (a peer manager, the executive of another branch, reps of other teams and
 *   a rep of her own team asking about a teammate) send every route Mia's team's requests: each is
 *   refused, or answered without anything of the team, and the team's records stay as they are;
 * - ids moved between records: an action addressed through another note, an action id of one note
 *   saved into another, a comment id and a goal id reused in the other tenant, rep addresses swapped.
 */

import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import type { SimUser } from "../../src/graph-sim/tenant-data.ts";
import { PRIVATE_MARK } from "../server/coaching-records.ts";
import type { OrgTenant } from "../server/org-tenant.ts";
import { type HostileWorld, hostileWorldOfFile } from "./support/hostile-world.ts";
import { FUZZED_ROUTES, type FuzzedRoute, validRequest } from "./support/route-requests.ts";

const hostile = hostileWorldOfFile();

/** The org tenant's record ids: random, so they can show up elsewhere only by leaking. */
function recordIds(): string[] {
  const { records } = hostile();
  return [
    records.reportId,
    records.sharedId,
    records.draftId,
    records.sharedActionId,
    records.commentId,
    records.goalId,
    records.suggestionId,
    records.dismissedSuggestionId,
  ];
}

/** Everything that would show a reader something of Mia's team: its record ids, meetings and words. */
function teamSecrets(): string[] {
  const { org } = hostile();
  return [
    ...recordIds(),
    org.meetings.fieldDay,
    org.meetings.privateOne,
    org.meetings.oneOnOne,
    org.meetings.customerCall,
    PRIVATE_MARK,
    "Strong opening",
    "Call Fabrikam back",
    "Debriefed with Mia",
    "Run every call from a plan",
    "I asked Ben to bring me in",
  ];
}

/** The current version a versioned write of the org tenant's records would name, so only who asks is wrong. */
async function currentVersion(route: FuzzedRoute): Promise<string | undefined> {
  if (!route.versioned) return undefined;
  const { world, org, records } = hostile();
  const tenantId = org.tenant.tenantId;
  if (route.path === "/api/notes/:id")
    return String((await world.store.notes.get(tenantId, records.draftId))!.version);
  if (route.path === "/api/notes/:id/reflection")
    return String((await world.store.notes.get(tenantId, records.sharedId))!.version);
  if (route.path === "/api/reps/:email/plan")
    return String((await world.store.plans.get(tenantId, org.ana.mail))?.version ?? 0);
  return String((await world.store.policy.get(tenantId))?.version ?? 0);
}

/** The route's request built from the org tenant's records, sent by someone else. */
async function sendOrgRequest(
  route: FuzzedRoute,
  within: OrgTenant,
  user: SimUser,
  admin: boolean,
): Promise<{ response: LightMyRequestResponse; sent: string }> {
  const valid = validRequest(route, hostile());
  const path = route.parameters.reduce(
    (built, name) => built.replace(`:${name}`, encodeURIComponent(valid.params[name]!)),
    route.path,
  );
  const query = new URLSearchParams(valid.query).toString();
  const url = query === "" ? path : `${path}?${query}`;
  const version = await currentVersion(route);
  const response = await hostile().as(within, user, route.method, url, {
    admin,
    ...(version === undefined ? {} : { headers: { "if-match": version } }),
    ...(valid.body === undefined
      ? {}
      : route.csv
        ? { body: String(valid.body), contentType: "text/csv" }
        : { body: valid.body }),
  });
  return { response, sent: `${decodeURIComponent(url)} ${JSON.stringify(valid.body ?? "")}` };
}

const CONTRACT_ROUTES = FUZZED_ROUTES.filter((route) => route.signedIn);

describe("a twin tenant with the same people and meetings", () => {
  const twinSent: string[] = [];
  const twinPeople = (twin: OrgTenant) =>
    [
      ["manager", twin.mia, false],
      ["rep", twin.ana, false],
      ["executive", twin.vera, false],
      ["other branch", twin.otto, false],
      ["administrator", twin.ida, true],
    ] as const;

  it.each(CONTRACT_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s with the org tenant's identifiers reaches nothing of the org tenant",
    async (_name, route) => {
      const orgTenant = hostile().org.tenant.tenantId;
      for (const [who, user, admin] of twinPeople(hostile().twin)) {
        const before = await hostile().fingerprint(orgTenant);
        const { response, sent } = await sendOrgRequest(route, hostile().twin, user, admin);
        expect(response.statusCode, `${who}: ${sent}`).toBeLessThan(500);
        twinSent.push(sent);
        // The twin's own records hold the same words and meetings; only the org's ids tell them apart,
        // once the ids the twin's people wrote into their own records are set aside.
        const leaked = recordIds().filter(
          (secret) => !twinSent.some((earlier) => earlier.includes(secret)) && response.body.includes(secret),
        );
        expect({ who, leaked }).toEqual({ who, leaked: [] });
        expect(await hostile().fingerprint(orgTenant), `${who}: ${sent}`).toEqual(before);
      }
    },
  );
});

describe("people outside Mia's team", () => {
  const outsiders = (org: OrgTenant) =>
    [
      ["peer manager", org.max],
      ["executive of another branch", org.otto],
      ["rep of another team", org.cat],
      ["rep of another branch", org.zoe],
      ["Ana's teammate", org.ben],
    ] as const;

  it.each(CONTRACT_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s with the team's identifiers is refused or answered without anything of the team",
    async (_name, route) => {
      const orgTenant = hostile().org.tenant.tenantId;
      for (const [who, user] of outsiders(hostile().org)) {
        const before = await hostile().fingerprint(orgTenant);
        const { response, sent } = await sendOrgRequest(route, hostile().org, user, false);
        const seen = `${who}: ${sent} → ${response.statusCode} ${response.body.slice(0, 300)}`;
        expect(response.statusCode, seen).toBeLessThan(500);
        const leaked = teamSecrets().filter(
          (secret) => !sent.includes(secret) && response.body.includes(secret),
        );
        expect({ who, leaked }).toEqual({ who, leaked: [] });
        if (response.statusCode >= 400) {
          expect([400, 403, 404], seen).toContain(response.statusCode);
          expect(await hostile().fingerprint(orgTenant), seen).toEqual(before);
        } else {
          expect(route.method, `${seen}: a write got through`).toBe("GET");
        }
      }
    },
  );
});

describe("identifiers moved between records", () => {
  const as = (...args: Parameters<HostileWorld["as"]>) => hostile().as(...args);

  /** The manager's autosave of a draft holding one action, over the draft's current version. */
  const saveDraftWithAction = async (within: OrgTenant, noteId: string, action: Record<string, unknown>) => {
    const draft = (await hostile().world.store.notes.get(within.tenant.tenantId, noteId))!;
    return as(within, within.mia, "PUT", `/api/notes/${noteId}`, {
      headers: { "if-match": String(draft.version) },
      body: { focus: [], wentWell: "", gaps: "", privateNotes: "", actions: [action] },
    });
  };

  it("an action is reached only through its own note", async () => {
    const { org, records } = hostile();
    const before = await hostile().fingerprint();
    for (const [user, noteId] of [
      [org.mia, records.reportId],
      [org.mia, records.draftId],
      [org.ana, records.reportId],
    ] as const) {
      const response = await as(org, user, "PUT", `/api/notes/${noteId}/actions/${records.sharedActionId}`, {
        body: { status: "done" },
      });
      expect({ noteId, status: response.statusCode }).toEqual({ noteId, status: 404 });
    }
    expect(await hostile().fingerprint()).toEqual(before);
  });

  it("an action id of one note saved into another note leaves the first note's action where it is", async () => {
    const { org, world, records } = hostile();
    const tenantId = org.tenant.tenantId;
    const original = await world.store.actions.get(tenantId, records.sharedActionId);
    const saved = await saveDraftWithAction(org, records.draftId, {
      id: records.sharedActionId,
      text: "Taken over",
      owner: "manager",
      due: null,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().actions).toEqual([]);
    expect(await world.store.actions.get(tenantId, records.sharedActionId)).toEqual(original);
  });

  it("the other tenant's ids reused in the twin tenant make records of its own and leave the org's alone", async () => {
    const { org, twin, world, records, twinRecords } = hostile();
    const before = await hostile().fingerprint(org.tenant.tenantId);
    const comment = await as(twin, twin.vera, "POST", `/api/reports/${twinRecords.reportId}/comments`, {
      body: { id: records.commentId, body: "Reused id, twin tenant.", debrief: false },
    });
    expect(comment.statusCode).toBe(201);
    const note = await saveDraftWithAction(twin, twinRecords.draftId, {
      id: records.sharedActionId,
      text: "Same id, twin tenant",
      owner: "rep",
      due: null,
    });
    expect(note.json().actions.map((action: { id: string }) => action.id)).toEqual([records.sharedActionId]);
    const plan = (await world.store.plans.get(twin.tenant.tenantId, twin.ana.mail))!;
    const goals = await as(twin, twin.mia, "PUT", `/api/reps/${twin.ana.mail}/plan`, {
      headers: { "if-match": String(plan.version) },
      body: {
        focus: [],
        goals: [{ id: records.goalId, text: "Same goal id, twin tenant", due: null, status: "open" }],
        cadenceOverride: null,
      },
    });
    expect(goals.statusCode).toBe(200);
    expect(await hostile().fingerprint(org.tenant.tenantId)).toEqual(before);
    const orgNote = (await as(org, org.vera, "GET", `/api/notes/${records.reportId}`)).json();
    expect(orgNote.reviewComments.map((c: { id: string; body: string }) => [c.id, c.body])).toEqual([
      [records.commentId, "Debriefed with Mia."],
    ]);
  });

  it("a rep's address swapped for one of another team is refused wherever Mia names a rep", async () => {
    const { org } = hostile();
    const before = await hostile().fingerprint();
    for (const rep of [org.cat, org.zoe, org.max]) {
      const attempts = [
        as(org, org.mia, "POST", "/api/notes", { body: { meeting: org.meetings.fieldDay, rep: rep.mail } }),
        as(org, org.mia, "PUT", `/api/reps/${rep.mail}/plan`, {
          headers: { "if-match": "0" },
          body: { focus: [], goals: [], cadenceOverride: null },
        }),
        as(org, org.mia, "POST", `/api/reps/${rep.mail}/metrics/import`, {
          body: "date,pipeline\n2026-03-01,99\n",
          contentType: "text/csv",
        }),
        as(org, org.mia, "GET", `/api/reps/${rep.mail}/plan`),
      ];
      for (const response of await Promise.all(attempts)) {
        expect({ rep: rep.mail, status: response.statusCode }).toEqual({ rep: rep.mail, status: 403 });
      }
    }
    expect(await hostile().fingerprint()).toEqual(before);
  });

  it("an executive changes the cadence of reps below them only, and other reps' overrides stay as saved", async () => {
    const { org } = hostile();
    const policy = async () => (await as(org, org.vera, "GET", "/api/settings/policy")).json();
    const first = await as(org, org.vera, "PUT", "/api/settings/policy", {
      headers: { "if-match": String((await policy()).version) },
      body: { document: { maxFieldDaysPerWeek: 3, reps: { [org.ana.mail]: { travelBufferMinutes: 15 } } } },
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json();
    const before = await hostile().fingerprint();
    const otto = (reps: Record<string, unknown>) =>
      as(org, org.otto, "PUT", `/api/settings/policy`, {
        headers: { "if-match": String(saved.version) },
        body: { document: { ...saved.document, reps } },
      });
    for (const reps of [
      { ...saved.document.reps, [org.ana.mail]: { travelBufferMinutes: 120 } },
      {},
      { ...saved.document.reps, [org.cat.mail]: { blockLength: "full-day" } },
    ]) {
      const refused = await otto(reps);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe("forbidden");
    }
    expect(await hostile().fingerprint()).toEqual(before);
    const own = await otto({ ...saved.document.reps, [org.zoe.mail]: { blockLength: "full-day" } });
    expect(own.statusCode).toBe(200);
    expect(own.json().document.reps).toEqual({
      [org.ana.mail]: { travelBufferMinutes: 15 },
      [org.zoe.mail]: { blockLength: "full-day" },
    });
  });

  it("a suggestion id is booked and dismissed only by the manager it was offered to, in their own tenant", async () => {
    const { org, twin, records } = hostile();
    const before = await hostile().fingerprint();
    for (const [within, user] of [
      [org, org.max],
      [org, org.vera],
      [org, org.ana],
      [twin, twin.mia],
    ] as const) {
      for (const decision of ["accept", "dismiss"]) {
        const response = await as(
          within,
          user,
          "POST",
          `/api/suggestions/${records.suggestionId}/${decision}`,
        );
        expect([403, 404]).toContain(response.statusCode);
      }
    }
    expect(await hostile().fingerprint()).toEqual(before);
    const unknown = await as(org, org.mia, "POST", `/api/suggestions/${randomUUID()}/accept`);
    expect(unknown.statusCode).toBe(404);
  });
});
