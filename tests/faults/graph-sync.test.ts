/*
 * Calendar sync while Graph fails, through the API as a manager uses it (sign-in, then the team
 * dashboard, which syncs a calendar older than five minutes): 429 storms with Retry-After, 503s, answers
 * that never come (timeouts) and dropped connections, on the real Graph client against the simulator.
 * Whatever Graph does, the stored calendar is Graph's calendar or the last one read in full (never a
 * half-read one, never a row twice), the delta link moves only with a round that succeeded, and a
 * person who cannot be shown anything true is told so: 502 `graph_unavailable` with Retry-After.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { seededRng } from "../../src/demo-tenant/prng.ts";
import { TEAM_STORIES } from "../../src/demo-tenant/roster.ts";
import { attendeeOf, buildMeeting } from "../../src/demo-tenant/sim-test-builders.ts";
import type { FaultMatch } from "../../src/graph-sim/sim-faults.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { calendarSyncKey, calendarSyncWindow } from "../../src/server/sync/sync-window.ts";
import { openStore } from "../../src/store/store.ts";
import { type FaultWorld, startFaultWorld } from "../support/fault-world.ts";

/** Wednesday 4 March 2026, 15:00 UTC: inside the demo tenant's current week. */
const NOW = Date.parse("2026-03-04T15:00:00Z");
/** Longer than the calendar's freshness (5 minutes): the next page syncs again. */
const LATER = 6 * 60_000;
/** A window wholly in the past, so that the dashboard's figures do not move with the clock. */
const PAST = "from=2026-01-05T00:00:00Z&to=2026-03-02T00:00:00Z";
const BUSY = "Microsoft 365 is busy or unreachable; try again shortly.";
const iso = (instant: number) => new Date(instant).toISOString();

const deltaItems: FaultMatch = (target) => target.kind === "calendarView.delta";
const batches: FaultMatch = (target) => target.kind === "batch";

let world: FaultWorld;
let tenant: SimTenant;
let dana: SimUser;
let window: { start: number; end: number };

beforeAll(async () => {
  tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const story = TEAM_STORIES.find((s) => s.pattern === "field-day-cadence")!;
  dana = tenant.users.find((user) => user.mail === story.manager)!;
  const store = await openStore({ kind: "pglite", memory: true });
  world = await startFaultWorld({ tenant, now: NOW, store });
  window = calendarSyncWindow(NOW);
});

afterAll(async () => {
  await world.close();
  await world.store.close();
});

const sim = () => world.sim;
const dashboard = () => world.call(dana, "GET", `/api/team/dashboard?${PAST}`);
const syncState = () => world.store.syncState.get(tenant.tenantId, calendarSyncKey(dana.mail));

/** Dana's calendar in the sync window as Graph holds it, cancelled meetings left out: per-mailbox event ids. */
const graphIds = () =>
  sim()
    .state.calendarOf(dana.id)
    .filter((m) => !m.isCancelled && Date.parse(m.start) < window.end && Date.parse(m.end) > window.start)
    .map((m) => sim().state.eventId(dana.id, m.iCalUId))
    .sort();

/** What FieldCoach keeps of it (cancelled rows are kept for field days kept, and left out here). */
const storedIds = async () => {
  const rows = await world.store.events.inWindow(tenant.tenantId, dana.mail, window);
  expect(new Set(rows.map((row) => row.eventId)).size).toBe(rows.length);
  return rows
    .filter((row) => !row.isCancelled)
    .map((row) => row.eventId)
    .sort();
};

/** Moves one meeting, cancels another and adds a third, as people do between two syncs. */
function changeDanasCalendar(tag: string): { moved: string; removed: string; added: string } {
  const meetings = sim()
    .state.calendarOf(dana.id)
    .filter((m) => m.organizer === dana.mail && !m.isCancelled && m.seriesKey === undefined)
    .filter((m) => Date.parse(m.start) > NOW && Date.parse(m.start) < NOW + 14 * 86_400_000);
  const [moved, removed] = meetings;
  const rep = tenant.users.find((user) => user.managerId === dana.id)!;
  sim().state.setMeeting(moved!.iCalUId, {
    ...moved!,
    start: new Date(Date.parse(moved!.start) + 3_600_000).toISOString(),
    end: new Date(Date.parse(moved!.end) + 3_600_000).toISOString(),
  });
  sim().state.setMeeting(removed!.iCalUId, undefined);
  const added = buildMeeting(dana, {
    iCalUId: `040000008200E00074C5B7101A82E00800000000000000000000000000000000100000${tag}`,
    subject: "Deal review",
    start: "2026-03-06T16:00:00.000Z",
    end: "2026-03-06T16:30:00.000Z",
    attendees: [attendeeOf(rep)],
  });
  sim().state.setMeeting(added.iCalUId, added);
  return {
    moved: sim().state.eventId(dana.id, moved!.iCalUId),
    removed: sim().state.eventId(dana.id, removed!.iCalUId),
    added: sim().state.eventId(dana.id, added.iCalUId),
  };
}

describe("calendar sync while Graph fails", () => {
  it("a first sign-in while Graph asks to wait longer than a minute is 502 graph_unavailable with Graph's Retry-After, and keeps nobody", async () => {
    sim().faults.throttle({ times: 1_000, retryAfterSeconds: 120 });
    const me = await world.call(dana, "GET", "/api/me");
    sim().faults.clear();
    expect(me.statusCode).toBe(502);
    expect(me.json()).toEqual({ code: "graph_unavailable", message: BUSY });
    expect(me.headers["retry-after"]).toBe("120");
    // The client does not sleep through a minute inside a request: it hands the wait to the caller.
    expect(world.waits).toEqual([]);
    expect(await world.store.people.list(tenant.tenantId)).toEqual([]);
  });

  it("a first calendar read cut short by 503s is 502 graph_unavailable: no figures of an empty calendar", async () => {
    expect((await world.call(dana, "GET", "/api/me")).statusCode).toBe(200);
    let pages = 0;
    // The first delta page answers; every later one is refused, so the round fails half way.
    sim().faults.serviceUnavailable({ times: 1_000, match: (t) => deltaItems(t) && ++pages > 1 });
    const refused = await dashboard();
    sim().faults.clear();
    expect(pages).toBeGreaterThan(2);
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toEqual({ code: "graph_unavailable", message: BUSY });
    expect(refused.headers["retry-after"]).toBe("5");
    expect(await storedIds()).toEqual([]);
    expect(await syncState()).toMatchObject({
      deltaLink: null,
      lastSuccessAt: null,
      lastErrorCode: "ServiceUnavailable",
    });
  });

  it("a 429 storm with Retry-After: every refused page is sent again after exactly the wait Graph named, and the calendar arrives whole", async () => {
    world.waits.length = 0;
    sim().resetStats();
    // Seeded, and only the calendar's $batch calls and pages, which one mailbox's round sends one at a
    // time: the same requests are refused on every run.
    const random = seededRng(9);
    sim().faults.storm({
      ratio: 0.5,
      retryAfterSeconds: 3,
      random: () => random.next(),
      match: (target) => batches(target) || deltaItems(target),
    });
    const first = await dashboard();
    sim().faults.storm(undefined);
    expect(first.statusCode).toBe(200);
    expect(sim().stats().throttled).toBeGreaterThan(3);
    expect(world.waits.length).toBe(sim().stats().throttled);
    expect(new Set(world.waits)).toEqual(new Set([3_000]));
    expect(await storedIds()).toEqual(graphIds());
    expect(await syncState()).toMatchObject({
      deltaLink: expect.any(String),
      lastSuccessAt: NOW,
      lastErrorCode: null,
    });
    // The failed first read before it is forgotten: the figures say when they were read, and no more.
    expect(first.json().calendar).toEqual({ lastReadAt: iso(NOW), latestReadFailed: null });
  });

  it("503s on every page of a later round: the page shows what was kept and says how old it is, the delta link stays, and the next round brings every change", async () => {
    const before = await dashboard();
    const readAt = world.services.now();
    const kept = await storedIds();
    const { deltaLink } = (await syncState())!;
    const change = changeDanasCalendar("0A01");

    world.advance(LATER);
    world.waits.length = 0;
    sim().faults.serviceUnavailable({ times: 1_000, match: deltaItems });
    const during = await dashboard();
    sim().faults.clear();
    expect(during.statusCode).toBe(200);
    expect(during.json()).toEqual({
      ...before.json(),
      calendar: {
        lastReadAt: iso(readAt),
        latestReadFailed: { at: iso(readAt + LATER), reason: "Microsoft Graph was unavailable." },
      },
    });
    // 503 without Retry-After: the client backs off exponentially (500 ms doubling) between its 4 tries.
    expect(world.waits).toEqual([500, 1_000, 2_000]);
    expect(await storedIds()).toEqual(kept);
    expect(await syncState()).toMatchObject({ deltaLink, lastErrorCode: "ServiceUnavailable" });

    world.advance(LATER);
    const recovered = await dashboard();
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json().calendar).toEqual({
      lastReadAt: iso(readAt + 2 * LATER),
      latestReadFailed: null,
    });
    const after = await storedIds();
    expect(after).toEqual(graphIds());
    expect(after).toContain(change.added);
    expect(after).not.toContain(change.removed);
    expect(after).toContain(change.moved);
    expect((await syncState())!.deltaLink).not.toBe(deltaLink);
    expect((await syncState())!.lastErrorCode).toBeNull();
  });

  it("a Graph that stops answering: each try times out, the round fails with the link kept, and the next round converges", async () => {
    const kept = await storedIds();
    const { deltaLink } = (await syncState())!;
    const change = changeDanasCalendar("0A02");

    world.advance(LATER);
    world.waits.length = 0;
    // Longer than the client's per-try timeout: no answer reaches it in time.
    sim().faults.latency(1_500);
    const during = await dashboard();
    sim().faults.clear();
    expect(during.statusCode).toBe(200);
    expect(world.waits).toEqual([500, 1_000, 2_000]);
    expect(await storedIds()).toEqual(kept);
    expect(await syncState()).toMatchObject({ deltaLink, lastErrorCode: "Timeout" });
    expect(during.json().calendar.latestReadFailed).toEqual({
      at: iso(world.services.now()),
      reason: "Microsoft Graph did not answer in time.",
    });

    world.advance(LATER);
    expect((await dashboard()).statusCode).toBe(200);
    expect(await storedIds()).toEqual(graphIds());
    expect(await storedIds()).toContain(change.added);
    expect((await syncState())!.lastErrorCode).toBeNull();
  });

  it("dropped connections: reads are sent again, so two drops cost nothing and only a connection that never holds fails the round", async () => {
    const change = changeDanasCalendar("0A03");
    world.advance(LATER);
    sim().resetStats();
    sim().faults.dropConnections({ times: 1, when: "before", match: batches });
    sim().faults.dropConnections({ times: 1, when: "after", match: batches });
    expect((await dashboard()).statusCode).toBe(200);
    expect(sim().stats().dropped).toBe(2);
    expect(await storedIds()).toEqual(graphIds());
    expect(await storedIds()).toContain(change.added);
    const { deltaLink } = (await syncState())!;

    const next = changeDanasCalendar("0A04");
    world.advance(LATER);
    sim().faults.dropConnections({ times: 1_000, when: "after", match: batches });
    expect((await dashboard()).statusCode).toBe(200);
    sim().faults.clear();
    expect(await syncState()).toMatchObject({ deltaLink, lastErrorCode: "NetworkError" });
    expect(await storedIds()).not.toContain(next.added);

    world.advance(LATER);
    expect((await dashboard()).statusCode).toBe(200);
    expect(await storedIds()).toEqual(graphIds());
    expect(await storedIds()).toContain(next.added);
  });
});
