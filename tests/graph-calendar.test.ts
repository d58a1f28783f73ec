import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { attendeeOf, buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import { type CalendarEvent, isIncomplete } from "../src/domain/calendar-event.ts";
import type { CalendarSyncResult } from "../src/domain/graph-ports.ts";
import { CLASSIFICATION_FIELDS, readCalendarView } from "../src/graph/calendar-view.ts";
import { withQuery } from "../src/graph/client.ts";
import { DELTA_PAGE_SIZE, syncCalendars } from "../src/graph/delta-sync.ts";
import { PERMISSIONS } from "../src/graph/permissions.ts";
import type { SimUser } from "../src/graph-sim/tenant-data.ts";
import { type GraphWorld, hourlyMeetings, startGraphWorld, window } from "./graph-test-support.ts";

const manager = buildUser("megan");
const rep = buildUser("alex", { managerId: manager.id });
const colleagues = Array.from({ length: 44 }, (_, i) =>
  buildUser(`rep${String(i).padStart(2, "0")}`, { managerId: manager.id }),
);
const busy = hourlyMeetings(rep, manager, 230, "2026-03-02T00:00:00Z", "BUSY");
const theirs = colleagues.flatMap((c, i) =>
  hourlyMeetings(c, c, 3, `2026-03-0${2 + (i % 5)}T09:00:00Z`, `C${i}-`),
);
const tenant = buildTenant([manager, rep, ...colleagues], [...busy, ...theirs]);
const quarter = window("2026-03-01T00:00:00Z", "2026-05-31T00:00:00Z");
let world: GraphWorld;

beforeAll(async () => {
  world = await startGraphWorld(tenant);
});

afterAll(async () => {
  await world.close();
});

afterEach(() => {
  world.sim.faults.clear();
  world.sim.resetStats();
});

function complete(events: readonly unknown[]): CalendarEvent[] {
  return events.map((e) => {
    if (isIncomplete(e as CalendarEvent)) throw new Error(`incomplete event ${JSON.stringify(e)}`);
    return e as CalendarEvent;
  });
}

function ok(result: CalendarSyncResult | undefined): Extract<CalendarSyncResult, { ok: true }> {
  if (result === undefined || !result.ok) throw new Error(`sync failed: ${JSON.stringify(result)}`);
  return result;
}

describe("calendarView", () => {
  it("follows @odata.nextLink to the last page and maps every occurrence with what classification needs", async () => {
    const { client } = world.clientFor(manager);
    const events = complete(await readCalendarView(client, manager.id, quarter));
    expect(events).toHaveLength(230);
    expect(new Set(events.map((e) => e.id)).size).toBe(230);
    expect(world.sim.stats().byKind.calendarView).toBe(3);
    const first = events[0]!;
    expect(first).toMatchObject({
      subject: "BUSY 0",
      start: Date.parse("2026-03-02T00:00:00Z"),
      organizer: { email: rep.mail },
      isOrganizer: false,
      ownerResponse: "accepted",
    });
  });

  it("answers only the $select-ed properties (plus id and etag), ten to a page by default", async () => {
    const { client } = world.clientFor(manager);
    const result = await client.send({
      method: "GET",
      url: withQuery(`/users/${manager.id}/calendarView`, {
        startDateTime: "2026-03-01T00:00:00Z",
        endDateTime: "2026-05-31T00:00:00Z",
        $select: "subject,start",
      }),
      permission: PERMISSIONS.readCalendar,
    });
    const body = result.body as { value: Record<string, unknown>[]; "@odata.nextLink": string };
    expect(body.value).toHaveLength(10);
    expect(Object.keys(body.value[0]!).sort()).toEqual(["@odata.etag", "id", "start", "subject"]);
    expect(body["@odata.nextLink"]).toContain("$skip=10");
  });

  it("asks only for classification's fields", () => {
    expect([...CLASSIFICATION_FIELDS]).toEqual(
      expect.arrayContaining(["organizer", "attendees", "isOrganizer", "responseStatus", "showAs"]),
    );
    expect(CLASSIFICATION_FIELDS).not.toContain("body");
  });

  it("writes times in the zone Prefer asks for and says so in Preference-Applied", async () => {
    const { client } = world.clientFor(manager);
    const result = await client.send({
      method: "GET",
      url: withQuery(`/users/${manager.id}/calendarView`, {
        startDateTime: "2026-03-02T00:00:00Z",
        endDateTime: "2026-03-02T01:00:00Z",
      }),
      permission: PERMISSIONS.readCalendar,
      headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    });
    expect(result.header("Preference-Applied")).toBe('outlook.timezone="Pacific Standard Time"');
    const [event] = (result.body as { value: { start: unknown }[] }).value;
    expect(event!.start).toEqual({
      dateTime: "2026-03-01T16:00:00.0000000",
      timeZone: "Pacific Standard Time",
    });
  });
});

describe("calendarView delta", () => {
  const syncOne = (state: string | undefined, user: SimUser = manager) =>
    syncCalendars(world.clientFor(user).client, [{ mailboxId: user.id, window: quarter, state }]).then((r) =>
      ok(r[0]),
    );

  it("returns the whole window first, then only what changed: created, updated, deleted", async () => {
    const first = await syncOne(undefined);
    expect(first.reset).toBe(true);
    expect(first.changed).toHaveLength(230);
    expect(world.sim.stats()).toMatchObject({ requests: 2, byKind: { batch: 2, "calendarView.delta": 2 } });
    world.sim.resetStats();

    const unchanged = await syncOne(first.state);
    expect(unchanged).toMatchObject({ reset: false, changed: [], removedIds: [] });
    expect(world.sim.stats().requests).toBe(1);

    const state = world.sim.state;
    const moved = state.meeting("BUSY000005")!;
    state.setMeeting(moved.iCalUId, {
      ...moved,
      subject: "Moved call",
      start: "2026-04-01T10:00:00.000Z",
      end: "2026-04-01T11:00:00.000Z",
    });
    state.setMeeting("BUSY000006", undefined);
    state.setMeeting("NEW-1", {
      ...moved,
      iCalUId: "NEW-1",
      subject: "New call",
      attendees: [attendeeOf(manager, "none")],
    });
    const gone = state.meeting("BUSY000229")!;
    state.setMeeting(gone.iCalUId, {
      ...gone,
      start: "2026-07-01T10:00:00.000Z",
      end: "2026-07-01T11:00:00.000Z",
    });

    const changes = await syncOne(unchanged.state);
    expect(changes.reset).toBe(false);
    expect(
      complete(changes.changed)
        .map((e) => e.subject)
        .sort(),
    ).toEqual(["Moved call", "New call"]);
    expect(complete(changes.changed).find((e) => e.subject === "New call")).toMatchObject({
      ownerResponse: "none",
      showAs: "tentative",
    });
    expect([...changes.removedIds].sort()).toEqual(
      [state.eventId(manager.id, "BUSY000006"), state.eventId(manager.id, "BUSY000229")].sort(),
    );
    expect(await syncOne(changes.state)).toMatchObject({ changed: [], removedIds: [] });
  });

  it("starts over when Graph no longer knows the delta link (410), and says the result replaces what was kept", async () => {
    const colleague = colleagues[0]!;
    const first = await syncOne(undefined, colleague);
    world.sim.faults.expireDeltaLinks();
    world.sim.resetStats();
    const again = await syncOne(first.state, colleague);
    expect(again.reset).toBe(true);
    expect(again.changed).toHaveLength(3);
    expect(world.sim.stats()).toMatchObject({ requests: 2, byKind: { "calendarView.delta": 2 } });
  });

  it("starts over for a state kept for another window", async () => {
    const first = await syncOne(undefined, rep);
    const other = await syncCalendars(world.clientFor(rep).client, [
      {
        mailboxId: rep.id,
        window: window("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z"),
        state: first.state,
      },
    ]);
    expect(ok(other[0])).toMatchObject({ reset: true });
    expect(ok(other[0]).changed).toHaveLength(24);
  });

  it("refreshes 44 unchanged calendars with one $batch request per 20 calendars", async () => {
    const client = world.appClient(["Calendars.Read"]).client;
    const first = await syncCalendars(
      client,
      colleagues.map((p) => ({ mailboxId: p.id, window: quarter, state: undefined })),
    );
    expect(first.map((r) => ok(r).changed.length)).toEqual(colleagues.map(() => 3));
    world.sim.resetStats();
    const refresh = await syncCalendars(
      client,
      colleagues.map((p, i) => ({ mailboxId: p.id, window: quarter, state: ok(first[i]).state })),
    );
    expect(refresh.every((r) => ok(r).changed.length === 0 && !ok(r).reset)).toBe(true);
    expect(world.sim.stats()).toMatchObject({ requests: 3, batchItems: 44 });
  });

  it("retries a throttled calendar inside the batch and fails only the calendar Graph refuses", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"]);
    world.sim.faults.throttle({
      times: 1,
      retryAfterSeconds: 4,
      match: (t) => t.inBatch && t.mailbox === colleagues[3]!.id,
    });
    const results = await syncCalendars(client, [
      ...colleagues.slice(0, 5).map((c) => ({ mailboxId: c.id, window: quarter, state: undefined })),
      { mailboxId: "nobody@contoso.com", window: quarter, state: undefined },
    ]);
    expect(results.slice(0, 5).every((r) => r.ok && r.changed.length === 3)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, failure: { kind: "not-found", code: "ErrorInvalidUser" } });
    expect(waits).toEqual([4000]);
  });

  it("pages a round with Prefer odata.maxpagesize and follows each @odata.nextLink", async () => {
    const client = world.appClient(["Calendars.Read"]).client;
    const [result] = await syncCalendars(
      client,
      [{ mailboxId: colleagues[1]!.id, window: quarter, state: undefined }],
      2,
    );
    expect(ok(result).changed).toHaveLength(3);
    expect(world.sim.stats().byKind["calendarView.delta"]).toBe(2);
    expect(DELTA_PAGE_SIZE).toBe(200);
  });
});
