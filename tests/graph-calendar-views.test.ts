import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import type { CalendarViewResult } from "../src/domain/graph-ports.ts";
import { readCalendarView } from "../src/graph/calendar-view.ts";
import { readCalendarViews } from "../src/graph/calendar-views.ts";
import { type GraphWorld, hourlyMeetings, salesOrg, startGraphWorld, window } from "./graph-test-support.ts";

// Alex shares his calendar with Megan; Bianca and Chen do not. Each has 10 customer calls in March.
const org = salesOrg();
const megan = org.managers[0]!;
const [alex, bianca, chen] = org.reps;
const team = [alex!, bianca!, chen!];
const march = window("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z");
const requests = team.map((rep) => ({ mailboxId: rep.id, window: march }));
let world: GraphWorld;

beforeAll(async () => {
  world = await startGraphWorld(org.tenant);
});

afterAll(async () => {
  await world.close();
});

afterEach(() => {
  world.sim.faults.clear();
  world.sim.resetStats();
});

/** Graph's refusal of a mailbox, as Exchange answers it: the same for a missing permission and an unshared calendar. */
const ACCESS_DENIED = { ok: false, failure: { kind: "permission", status: 403, code: "ErrorAccessDenied" } };

function idsOf(result: CalendarViewResult | undefined): string[] {
  if (result === undefined || !result.ok) throw new Error(`not read: ${JSON.stringify(result)}`);
  return result.events.map((event) => String(event.id)).sort();
}

describe("other people's calendars through calendarView in $batch", () => {
  it("app-only with Calendars.Read reads every rep's calendar in one $batch call, as calendarView reads each", async () => {
    const { client } = world.appClient(["Calendars.Read"]);
    const results = await readCalendarViews(client, requests);
    expect(world.sim.stats()).toMatchObject({ requests: 1, batchItems: 3 });
    expect(results.map((r) => r.mailboxId)).toEqual(team.map((rep) => rep.id));
    for (const [i, rep] of team.entries()) {
      const alone = await readCalendarView(client, rep.id, march);
      expect(alone).toHaveLength(10);
      expect(idsOf(results[i])).toEqual(alone.map((event) => String(event.id)).sort());
    }
  });

  it("app-only without Calendars.Read: every calendar refused on its own as a permission failure", async () => {
    const { client } = world.appClient(["TeamsActivity.Send"]);
    const results = await readCalendarViews(client, requests);
    for (const result of results) expect(result).toMatchObject(ACCESS_DENIED);
  });

  it("delegated with Calendars.Read.Shared: reads the calendar shared with the caller, and only that one", async () => {
    const { client } = world.clientWithScopes(megan, ["Calendars.Read.Shared"]);
    const [shared, ...unshared] = await readCalendarViews(client, requests);
    expect(idsOf(shared)).toHaveLength(10);
    for (const result of unshared) expect(result).toMatchObject(ACCESS_DENIED);
  });

  it("delegated with Calendars.Read only: even a shared calendar is refused, since the call needs a .Shared permission", async () => {
    const { client } = world.clientWithScopes(megan, ["Calendars.Read"]);
    const results = await readCalendarViews(client, requests);
    for (const result of results) expect(result).toMatchObject(ACCESS_DENIED);
  });

  it("a calendar Graph keeps answering 503 for fails after the client's tries; the others are read", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"]);
    world.sim.faults.serviceUnavailable({
      times: 100,
      retryAfterSeconds: 1,
      match: (target) => target.kind === "calendarView" && target.mailbox === bianca!.id,
    });
    const [first, second, third] = await readCalendarViews(client, requests);
    expect(idsOf(first)).toHaveLength(10);
    expect(second).toMatchObject({ ok: false, failure: { kind: "retry-later", status: 503 } });
    expect(idsOf(third)).toHaveLength(10);
    // Four tries in all, each after the second Graph asked for.
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(world.sim.stats().unavailable).toBe(4);
  });
});

describe("paging", () => {
  const manager = buildUser("megan");
  const busyRep = buildUser("alex", { managerId: manager.id });
  const quietRep = buildUser("bianca", { managerId: manager.id });
  const tenant = buildTenant(
    [manager, busyRep, quietRep],
    [
      ...hourlyMeetings(busyRep, busyRep, 230, "2026-03-02T00:00:00Z", "BUSY"),
      ...hourlyMeetings(quietRep, quietRep, 3, "2026-03-03T09:00:00Z", "QUIET"),
    ],
  );
  let paged: GraphWorld;

  beforeAll(async () => {
    paged = await startGraphWorld(tenant);
  });

  afterAll(async () => {
    await paged.close();
  });

  it("follows each calendar's @odata.nextLink in later batches until its last page", async () => {
    const { client } = paged.appClient(["Calendars.Read"]);
    const quarter = window("2026-03-01T00:00:00Z", "2026-05-31T00:00:00Z");
    const [busy, quiet] = await readCalendarViews(client, [
      { mailboxId: busyRep.id, window: quarter },
      { mailboxId: quietRep.id, window: quarter },
    ]);
    expect(new Set(idsOf(busy)).size).toBe(230);
    expect(idsOf(quiet)).toHaveLength(3);
    // 100 events a page: the busy calendar's three pages take three batches, the quiet one rides in the first.
    expect(paged.sim.stats()).toMatchObject({ requests: 3, batchItems: 4 });
  });
});
