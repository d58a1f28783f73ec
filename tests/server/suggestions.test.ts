import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { TEAM_STORIES } from "../../src/demo-tenant/roster.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const NOW = Date.parse("2026-03-02T13:00:00Z");
let world: ServerWorld;
let tenant: SimTenant;
let manager: SimUser;

beforeAll(async () => {
  tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const story = TEAM_STORIES.find((s) => s.pattern === "overdue-new-hires")!;
  manager = tenant.users.find((user) => user.mail === story.manager)!;
  const { store } = await openTestStore("pglite");
  world = await startServerWorld({ tenants: [tenant], now: NOW, store });
});

afterAll(async () => {
  await world.close();
  await world.store.close();
});

interface SuggestionJson {
  id: string;
  rep: { email: string };
  day: string;
  start: string;
  end: string;
  status: string;
}

const sim = () => world.tenants[0]!.sim;
const createdByFieldCoach = () =>
  sim()
    .state.meetings()
    .filter(
      (m) => m.categories.includes("Field day") && sim().state.transactionIdOf(m.iCalUId) !== undefined,
    );

describe("field-day suggestions", () => {
  it("suggests blocks for the reps who are due, with reasons, best first", async () => {
    const response = await world.call(manager, "GET", "/api/suggestions");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of body.suggestions as SuggestionJson[]) {
      expect(suggestion.status).toBe("offered");
      expect(Date.parse(suggestion.start)).toBeGreaterThanOrEqual(NOW);
    }
    const scores = body.suggestions.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(body.zone).toMatch(/\//);
  });

  it("lets only the manager book; an executive above may look but not accept", async () => {
    const vp = tenant.users.find((user) => user.id === manager.managerId)!;
    const listed = await world.call(
      vp,
      "GET",
      `/api/suggestions?manager=${encodeURIComponent(manager.mail)}`,
    );
    expect(listed.statusCode).toBe(200);
    const first = listed.json().suggestions[0] as SuggestionJson;
    expect((await world.call(vp, "POST", `/api/suggestions/${first.id}/accept`)).statusCode).toBe(404);
  });

  it("books one event and one note however often it is accepted, even when Graph's answer is lost", async () => {
    const suggestion = (await world.call(manager, "GET", "/api/suggestions")).json()
      .suggestions[0] as SuggestionJson;
    const before = createdByFieldCoach().length;
    // The create reaches Graph but its answer never comes back: the client sends it again.
    sim().faults.dropConnections({
      times: 1,
      when: "after",
      match: (target) => target.kind === "events.create",
    });
    const first = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(first.statusCode).toBe(200);
    expect(sim().stats().dropped).toBe(1);
    const second = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(first.json().suggestion.status).toBe("accepted");
    expect(createdByFieldCoach().length).toBe(before + 1);
    const booked = createdByFieldCoach().at(-1)!;
    expect(booked.attendees.map((a) => a.email)).toEqual([suggestion.rep.email]);
    expect(sim().state.bodyOf(booked.iCalUId)?.content).toContain(`#/note/${first.json().noteId}`);
    const notes = (
      await world.call(manager, "GET", `/api/notes?meeting=${encodeURIComponent(booked.iCalUId)}`)
    ).json().notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: first.json().noteId,
      status: "draft",
      rep: { email: suggestion.rep.email },
    });
    const events = await world.call(
      manager,
      "GET",
      `/api/events?from=${suggestion.start}&to=${suggestion.end}&iCalUId=${encodeURIComponent(booked.iCalUId)}`,
    );
    expect(events.json().events[0]).toMatchObject({
      kind: "field-day",
      initiator: "manager",
      development: "skill",
    });
  });

  it("does not offer a dismissed rep and day again, and refuses to book it", async () => {
    const suggestion = (await world.call(manager, "GET", "/api/suggestions"))
      .json()
      .suggestions.find((s: SuggestionJson) => s.status === "offered") as SuggestionJson;
    const dismissed = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/dismiss`);
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().suggestion.status).toBe("dismissed");
    const again = (await world.call(manager, "GET", "/api/suggestions")).json()
      .suggestions as SuggestionJson[];
    expect(again.some((s) => s.rep.email === suggestion.rep.email && s.day === suggestion.day)).toBe(false);
    const accept = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe("conflict");
  });
});
