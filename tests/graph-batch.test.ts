import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import { type BatchItem, sendBatch } from "../src/graph/batch.ts";
import { PERMISSIONS } from "../src/graph/permissions.ts";
import { type GraphWorld, hourlyMeetings, startGraphWorld } from "./graph-test-support.ts";

const people = Array.from({ length: 30 }, (_, i) => buildUser(`p${String(i).padStart(2, "0")}`));
const meetings = people.flatMap((p, i) => hourlyMeetings(p, p, 2, "2026-03-02T09:00:00Z", `B${i}-`));
const tenant = buildTenant(people, meetings);
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

function viewOf(mailbox: string): BatchItem {
  return {
    method: "GET",
    url: `/users/${mailbox}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-08T00:00:00Z`,
    mailbox,
  };
}

function count(body: unknown): number {
  return (body as { value: unknown[] }).value.length;
}

describe("$batch", () => {
  it("sends 30 reads in two batches and answers each in order", async () => {
    const { client } = world.appClient(["Calendars.Read"]);
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      people.map((p) => viewOf(p.id)),
      { idempotent: true },
    );
    expect(outcomes.map((o) => (o.ok ? count(o.body) : -1))).toEqual(people.map(() => 2));
    expect(world.sim.stats()).toMatchObject({ requests: 2, batchItems: 30 });
  });

  it("resends only the throttled item, after the Retry-After that item carries", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"]);
    const target = people[7]!.id;
    world.sim.faults.throttle({
      times: 1,
      retryAfterSeconds: 9,
      match: (t) => t.inBatch && t.mailbox === target,
    });
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      people.slice(0, 10).map((p) => viewOf(p.id)),
      {
        idempotent: true,
      },
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(waits).toEqual([9000]);
    expect(world.sim.stats()).toMatchObject({ requests: 2, batchItems: 11, throttled: 1 });
  });

  it("waits once for the longest Retry-After when several items are throttled", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"]);
    world.sim.faults.throttle({
      times: 1,
      retryAfterSeconds: 2,
      match: (t) => t.inBatch && t.mailbox === people[1]!.id,
    });
    world.sim.faults.throttle({
      times: 1,
      retryAfterSeconds: 5,
      match: (t) => t.inBatch && t.mailbox === people[2]!.id,
    });
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      people.slice(0, 4).map((p) => viewOf(p.id)),
      {
        idempotent: true,
      },
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(waits).toEqual([5000]);
  });

  it("gives an item up after the client's tries and leaves the others alone", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"], { maxTries: 3 });
    world.sim.faults.throttle({
      times: 100,
      retryAfterSeconds: 1,
      match: (t) => t.inBatch && t.mailbox === people[0]!.id,
    });
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      people.slice(0, 3).map((p) => viewOf(p.id)),
      {
        idempotent: true,
      },
    );
    expect(outcomes[0]).toMatchObject({ ok: false, error: { kind: "retry-later", status: 429, tries: 3 } });
    expect(outcomes.slice(1).every((o) => o.ok)).toBe(true);
    expect(waits).toEqual([1000, 1000]);
  });

  it("does not resend an item that failed for good", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"]);
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      [viewOf(people[0]!.id), viewOf("ghost@contoso.com")],
      {
        idempotent: true,
      },
    );
    expect(outcomes[1]).toMatchObject({
      ok: false,
      error: { kind: "not-found", code: "ErrorInvalidUser", tries: 1 },
    });
    expect(waits).toEqual([]);
  });

  it("puts at most four items for one mailbox in a batch, Outlook's concurrency limit", async () => {
    const { client } = world.appClient(["Calendars.Read"]);
    world.sim.faults.mailboxConcurrency(4);
    const mailbox = people[0]!.id;
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      Array.from({ length: 10 }, () => viewOf(mailbox)),
      {
        idempotent: true,
      },
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(world.sim.stats()).toMatchObject({ requests: 3, throttled: 0 });
  });

  it("is refused item by item by the simulator when a batch holds more than four items for one mailbox", async () => {
    const { client, waits } = world.appClient(["Calendars.Read"], { maxConcurrentPerMailbox: 6 });
    world.sim.faults.mailboxConcurrency(4);
    const mailbox = people[0]!.id;
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      Array.from({ length: 6 }, () => viewOf(mailbox)),
      {
        idempotent: true,
      },
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(world.sim.stats()).toMatchObject({ requests: 2, throttled: 2 });
    expect(waits).toEqual([1000]);
  });

  it("fails every item of a batch Graph refused as a whole", async () => {
    const { client } = world.appClient(["Calendars.Read"], { maxTries: 1 });
    world.sim.faults.throttle({ times: 1, retryAfterSeconds: 3, match: (t) => t.kind === "batch" });
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      people.slice(0, 2).map((p) => viewOf(p.id)),
      {
        idempotent: true,
      },
    );
    expect(outcomes).toEqual([
      { ok: false, error: expect.objectContaining({ kind: "retry-later", status: 429 }) },
      { ok: false, error: expect.objectContaining({ kind: "retry-later", status: 429 }) },
    ]);
  });
});
