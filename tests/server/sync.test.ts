/*
 * Calendar sync against the real simulator over HTTP: a round that fails half way (503s, then lost
 * connections) writes nothing and the next round converges; two rounds at once keep one result; an
 * expired delta link restarts the calendar; private meetings keep no subject.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendeeOf, buildMeeting } from "../../src/demo-tenant/sim-test-builders.ts";
import { MS_PER_DAY } from "../../src/domain/instant.ts";
import type { SimMeeting } from "../../src/graph-sim/tenant-data.ts";
import { syncManagerCalendar } from "../../src/server/sync/sync-manager-calendar.ts";
import { calendarSyncKey, calendarSyncWindow } from "../../src/server/sync/sync-window.ts";
import { tenantOrgOf } from "../../src/server/sync/tenant-org.ts";
import { readTenantSettings } from "../../src/server/tenant-settings.ts";
import type { PersonRecord } from "../../src/store/repositories/people.ts";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const window = calendarSyncWindow(NOW);

/** Two half-hour meetings with Ana on every weekday of the sync window: enough for several delta pages. */
function manyMeetings(org: OrgTenant): SimMeeting[] {
  const out: SimMeeting[] = [];
  for (let day = window.start; day < window.end; day += MS_PER_DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [15, 19]) {
      const start = day + hour * 3_600_000;
      out.push(
        buildMeeting(org.mia, {
          iCalUId: `040000008200E00074C5B7101A82E008000000000000000000000000000000001000000B${String(start).padStart(14, "0")}`,
          subject: "Pipeline check-in",
          start: new Date(start).toISOString(),
          end: new Date(start + 1_800_000).toISOString(),
          attendees: [attendeeOf(org.ana)],
        }),
      );
    }
  }
  return out;
}

describe.each(["pglite", "postgres"] as const)("calendar sync on %s", (backend) => {
  let world: ServerWorld;
  let org: OrgTenant;
  let mia: PersonRecord;
  let drop: () => Promise<void>;
  const tenantId = () => org.tenant.tenantId;
  const sim = () => world.tenants[0]!.sim;

  /** What Mia's calendar holds in the sync window, as per-mailbox event ids. */
  const expectedIds = () =>
    sim()
      .state.calendarOf(org.mia.id)
      .filter((m) => Date.parse(m.start) < window.end && Date.parse(m.end) > window.start)
      .map((m) => sim().state.eventId(org.mia.id, m.iCalUId))
      .sort();
  const storedIds = async (options: { cancelled?: boolean } = {}) =>
    (await world.store.events.inWindow(tenantId(), org.mia.mail, window))
      .filter((event) => options.cancelled === true || !event.isCancelled)
      .map((event) => event.eventId)
      .sort();

  const round = async () => {
    const graph = await world.services.graph.asPerson(tenantId(), org.mia.id);
    const [people, tenant] = await Promise.all([
      world.store.people.list(tenantId()),
      world.store.tenants.get(tenantId()),
    ]);
    return syncManagerCalendar({
      tenantId: tenantId(),
      manager: mia,
      org: tenantOrgOf(people, readTenantSettings(tenant?.settings)),
      calendars: graph!.calendars,
      store: world.store,
      now: NOW,
    });
  };

  beforeAll(async () => {
    const base = orgTenant();
    org = { ...base, tenant: { ...base.tenant, meetings: [...base.tenant.meetings, ...manyMeetings(base)] } };
    const opened = await openTestStore(backend);
    drop = opened.drop;
    world = await startServerWorld({ tenants: [org.tenant], now: NOW, store: opened.store });
    await world.call(org.mia, "GET", "/api/me");
    mia = (await world.store.people.byAddress(tenantId(), org.mia.mail))!;
  });

  afterAll(async () => {
    await world.close();
    await world.store.close();
    await drop();
  });

  it("a first round that fails after its first page writes nothing; the next one reads everything", async () => {
    let pages = 0;
    sim().faults.serviceUnavailable({
      times: 1_000,
      retryAfterSeconds: 0,
      match: (target) => target.kind === "calendarView.delta" && ++pages > 1,
    });
    const failed = await round();
    sim().faults.clear();
    expect(failed.outcome).toBe("failed");
    expect(pages).toBeGreaterThan(1);
    expect(await storedIds()).toEqual([]);
    const state = await world.store.syncState.get(tenantId(), calendarSyncKey(org.mia.mail));
    expect(state).toMatchObject({ deltaLink: null, lastErrorCode: expect.any(String) });

    const synced = await round();
    expect(synced).toMatchObject({ outcome: "synced", reset: true });
    expect(expectedIds().length).toBeGreaterThan(300);
    expect(await storedIds()).toEqual(expectedIds());
  });

  it("never stores a private meeting's subject or body", async () => {
    const events = await world.store.events.withICalUId(tenantId(), org.meetings.privateOne);
    expect(events).toHaveLength(1);
    expect(events[0]!.isPrivate).toBe(true);
    const everything = JSON.stringify(await world.store.events.inWindow(tenantId(), org.mia.mail, window));
    expect(everything).not.toContain("performance concerns");
    expect(everything).not.toContain("Confidential");
  });

  it("a round cut off by lost connections keeps the old delta link and the next one picks up every change", async () => {
    const before = (await world.store.syncState.get(tenantId(), calendarSyncKey(org.mia.mail)))!.deltaLink;
    const moved = sim().state.meeting(org.meetings.oneOnOne)!;
    sim().state.setMeeting(moved.iCalUId, {
      ...moved,
      start: "2026-03-02T16:00:00.000Z",
      end: "2026-03-02T16:30:00.000Z",
    });
    sim().state.setMeeting(org.meetings.customerCall, undefined);
    const added = buildMeeting(org.mia, {
      iCalUId: "040000008200E00074C5B7101A82E0080000000000000000000000000000000010000000CAFE",
      start: "2026-03-06T15:00:00.000Z",
      end: "2026-03-06T15:30:00.000Z",
      attendees: [attendeeOf(org.ben)],
    });
    sim().state.setMeeting(added.iCalUId, added);

    sim().faults.dropConnections({
      times: 1_000,
      when: "before",
      match: (target) => target.kind === "batch",
    });
    const failed = await round();
    sim().faults.clear();
    expect(failed.outcome).toBe("failed");
    expect(sim().stats().dropped).toBeGreaterThan(0);
    expect((await world.store.syncState.get(tenantId(), calendarSyncKey(org.mia.mail)))!.deltaLink).toBe(
      before,
    );

    const synced = await round();
    expect(synced).toMatchObject({ outcome: "synced", reset: false });
    expect(await storedIds()).toEqual(expectedIds());
    const [oneOnOne] = await world.store.events.withICalUId(tenantId(), org.meetings.oneOnOne);
    expect(new Date(oneOnOne!.start).toISOString()).toBe("2026-03-02T16:00:00.000Z");
    const [gone] = await world.store.events.withICalUId(tenantId(), org.meetings.customerCall);
    expect(gone!.isCancelled).toBe(true);
  });

  it("two rounds at once keep one result: no duplicate rows, no lost delta link", async () => {
    const extra = buildMeeting(org.mia, {
      iCalUId: "040000008200E00074C5B7101A82E0080000000000000000000000000000000010000000BEEF",
      start: "2026-03-05T13:00:00.000Z",
      end: "2026-03-05T13:30:00.000Z",
      attendees: [attendeeOf(org.ana)],
    });
    sim().state.setMeeting(extra.iCalUId, extra);
    // Slow answers make both rounds read the same delta link before either writes.
    sim().faults.latency(300);
    const outcomes = await Promise.all([round(), round()]);
    sim().faults.clear();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["superseded", "synced"]);
    expect(await storedIds()).toEqual(expectedIds());
    const rows = await world.store.events.inWindow(tenantId(), org.mia.mail, window, {});
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(rows.length);
    const next = await round();
    expect(next).toMatchObject({ outcome: "synced", reset: false, upserted: 0 });
  });

  it("an expired delta link (410) reads the calendar again and converges", async () => {
    sim().faults.expireDeltaLinks();
    const synced = await round();
    expect(synced).toMatchObject({ outcome: "synced", reset: true });
    expect(await storedIds()).toEqual(expectedIds());
  });

  it("the background round syncs every manager it has a token for, under a lease", async () => {
    await world.services.sync.backgroundRound();
    const managers = [org.mia, org.max, org.vera];
    const jobs = await Promise.all(
      managers.map((user) => world.store.jobs.get(tenantId(), calendarSyncKey(user.mail))),
    );
    expect(jobs.map((job) => job?.lastError)).toEqual([null, null, null]);
    expect(jobs.every((job) => job!.owner === null && job!.dueAt > NOW)).toBe(true);
    const max = await world.store.syncState.get(tenantId(), calendarSyncKey(org.max.mail));
    expect(max?.lastSuccessAt).toBe(NOW);
  });
});
