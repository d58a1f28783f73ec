import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendeeOf, buildMeeting } from "../src/demo-tenant/sim-test-builders.ts";
import { GraphError } from "../src/graph/map-error.ts";
import {
  createEventSubscriptions,
  EVENT_SUBSCRIPTION_MAX_MINUTES,
  eventSubscriptionBody,
  eventSubscriptionExpiry,
  SUBSCRIBE_TO_EVENTS,
} from "../src/graph/subscriptions.ts";
import { subscriptionsOf } from "../src/graph-sim/sim-subscriptions.ts";
import { calendarJobKey, subscriptionJobKey } from "../src/jobs/job-keys.ts";
import { createJobRunner, type JobRunner } from "../src/jobs/job-runner.ts";
import { hashClientState } from "../src/notifications/client-state.ts";
import { notificationUrlsOf } from "../src/notifications/notification-routes.ts";
import { subscriptionJobHandler } from "../src/notifications/subscription-job.ts";
import type { Store } from "../src/store/store.ts";
import { salesOrg } from "./graph-test-support.ts";
import { pgliteBackend, recordingLog } from "./jobs-backends.ts";
import { directoryOf, type NotificationWorld, startNotificationWorld } from "./notifications-support.ts";

const START = Date.parse("2026-03-02T08:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("Change notifications on managers' calendars, end to end against the simulator", () => {
  const { tenant, managers, reps } = salesOrg();
  const megan = managers[0]!;
  const tenantId = tenant.tenantId;
  const backend = pgliteBackend();
  let store: Store;
  let world: NotificationWorld;
  let runner: JobRunner;
  const calendarRuns: string[] = [];
  const clientStates: string[] = [];
  let graphFor: "manager" | "none" = "manager";

  beforeAll(async () => {
    [store] = (await backend.open(1)) as [Store];
    world = await startNotificationWorld(tenant, store, START);
    await store.people.replaceDirectory(tenantId, directoryOf(tenant), START);
    const urls = notificationUrlsOf(world.url);
    runner = createJobRunner({
      store,
      owner: "instance-1",
      leaseMs: 60_000,
      clock: world.clock.now,
      log: recordingLog(),
      handlers: {
        subscription: subscriptionJobHandler({
          store,
          subscriptionsFor: async (_tenant, manager) => {
            if (graphFor === "none") return undefined;
            const user = tenant.users.find((candidate) => candidate.id === manager.objectId)!;
            return createEventSubscriptions(world.clientFor(user));
          },
          ...urls,
          clock: world.clock.now,
          retryMs: 6 * HOUR,
          newClientState: () => {
            const secret = `secret-${clientStates.length + 1}-${"x".repeat(30)}`;
            clientStates.push(secret);
            return secret;
          },
        }),
        calendar: {
          // Only the runs notifications ask for happen within the test.
          intervalMs: 30 * DAY,
          async run({ subject }) {
            calendarRuns.push(subject);
            return undefined;
          },
        },
      },
    });
  });

  afterAll(async () => {
    await world?.close();
    await backend.close();
  });

  const sim = () => subscriptionsOf(world.sim.state);
  const jobRow = async (key: string) => (await store.jobQueue.list(tenantId, key))[0];

  it("subscribes a manager's events after Graph's validation handshake, keeping only a hash of the clientState", async () => {
    await store.jobQueue.ensure(tenantId, subscriptionJobKey(megan.mail), START);
    expect(await runner.runDue()).toBe(1);
    const [subscription] = sim().list(world.clock.now());
    expect(subscription).toMatchObject({
      resource: `/users/${megan.id}/events`,
      userId: megan.id,
      changeTypes: ["created", "updated", "deleted"],
      notificationUrl: `${world.url}/graph/notifications`,
      lifecycleNotificationUrl: `${world.url}/graph/lifecycle`,
      clientState: clientStates[0],
      creator: { kind: "user", id: megan.id },
    });
    expect(subscription!.expiresAt).toBe(eventSubscriptionExpiry(START));
    expect(subscription!.expiresAt).toBeLessThanOrEqual(START + EVENT_SUBSCRIPTION_MAX_MINUTES * 60_000);
    expect(sim().deliveries.map((delivery) => [delivery.kind, delivery.url, delivery.status])).toEqual([
      ["validation", `${world.url}/graph/notifications`, 200],
      ["validation", `${world.url}/graph/lifecycle`, 200],
    ]);
    const stored = await store.subscriptions.forManager(tenantId, megan.mail);
    expect(stored).toEqual({
      managerEmail: megan.mail,
      mailboxId: megan.id,
      subscriptionId: subscription!.id,
      clientStateHash: hashClientState(clientStates[0]!),
      expiresAt: subscription!.expiresAt,
      createdAt: START,
      renewedAt: START,
    });
    expect(JSON.stringify(stored)).not.toContain(clientStates[0]);
    expect((await store.personData.export(tenantId, megan.mail)).tables.graph_subscriptions).toMatchObject([
      { subscription_id: subscription!.id },
    ]);
    // The next run renews a day before the subscription expires.
    expect((await jobRow(subscriptionJobKey(megan.mail)))!.dueAt).toBe(subscription!.expiresAt - DAY);
  });

  it("queues one delta sync of the manager's calendar when events change, and runs it", async () => {
    const meeting = buildMeeting(megan, {
      iCalUId: "040000008200E00074C5B7101A82E0080000000000000000000000000000000010000000CC01",
      start: "2026-03-04T09:00:00.000Z",
      end: "2026-03-04T15:00:00.000Z",
      attendees: [attendeeOf(reps[0]!)],
    });
    world.sim.state.setMeeting(meeting.iCalUId, meeting);
    world.sim.state.setMeeting(meeting.iCalUId, { ...meeting, end: "2026-03-04T16:00:00.000Z" });
    const [delivery] = await sim().deliver(world.clock.now());
    expect(delivery!.status).toBe(202);
    expect(delivery!.body).toMatchObject({
      value: [
        {
          changeType: "created",
          clientState: clientStates[0],
          tenantId,
          resource: expect.stringMatching(/^Users\//),
        },
      ],
    });
    expect((await jobRow(calendarJobKey(megan.mail)))!.dueAt).toBe(START);
    expect(await runner.runDue()).toBe(1);
    expect(calendarRuns).toEqual([megan.mail]);

    world.sim.state.setMeeting(meeting.iCalUId, undefined);
    const [deleted] = await sim().deliver(world.clock.now());
    expect(deleted!.body).toMatchObject({ value: [{ changeType: "deleted" }] });
    expect(await runner.runDue()).toBe(1);
    expect(calendarRuns).toEqual([megan.mail, megan.mail]);
  });

  it("refuses a notification whose clientState does not match, queuing nothing", async () => {
    const [subscription] = sim().list(world.clock.now());
    const forged = await fetch(`${world.url}/graph/notifications`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        value: [
          { subscriptionId: subscription!.id, tenantId, clientState: "guessed", changeType: "updated" },
        ],
      }),
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: "forbidden" });
    expect((await jobRow(calendarJobKey(megan.mail)))!.dueAt).toBeGreaterThan(world.clock.now());
    expect(await runner.runDue()).toBe(0);
  });

  it("renews on reauthorizationRequired, syncs on missed, and makes a new subscription after subscriptionRemoved", async () => {
    world.clock.advance(2 * HOUR);
    const [first] = sim().list(world.clock.now());
    await sim().lifecycle(first!.id, "reauthorizationRequired", world.clock.now());
    expect(await runner.runDue()).toBe(1);
    expect(sim().get(first!.id, world.clock.now())!.expiresAt).toBe(
      eventSubscriptionExpiry(world.clock.now()),
    );
    expect(await store.subscriptions.forManager(tenantId, megan.mail)).toMatchObject({
      subscriptionId: first!.id,
      expiresAt: eventSubscriptionExpiry(world.clock.now()),
      renewedAt: world.clock.now(),
    });

    const missed = await sim().lifecycle(first!.id, "missed", world.clock.now());
    expect(missed.status).toBe(202);
    expect(await runner.runDue()).toBe(1);
    expect(calendarRuns).toHaveLength(3);

    await sim().lifecycle(first!.id, "subscriptionRemoved", world.clock.now());
    expect(await runner.runDue()).toBe(2);
    expect(calendarRuns).toHaveLength(4);
    const [second] = sim().list(world.clock.now());
    expect(second!.id).not.toBe(first!.id);
    expect(second!.clientState).toBe(clientStates[1]);
    expect(await store.subscriptions.forManager(tenantId, megan.mail)).toMatchObject({
      subscriptionId: second!.id,
      clientStateHash: hashClientState(clientStates[1]!),
    });
    // A late notification of the removed subscription asks for nothing.
    const late = await fetch(`${world.url}/graph/notifications`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        value: [{ subscriptionId: first!.id, tenantId, clientState: clientStates[0], changeType: "updated" }],
      }),
    });
    expect(late.status).toBe(202);
    expect(await runner.runDue()).toBe(0);
  });

  it("retries later when no Graph access for the manager is at hand, and removes the subscription when they manage nobody", async () => {
    const nestor = managers[1]!;
    await store.jobQueue.ensure(tenantId, subscriptionJobKey(nestor.mail), world.clock.now());
    graphFor = "none";
    expect(await runner.runDue()).toBe(1);
    expect(await jobRow(subscriptionJobKey(nestor.mail))).toMatchObject({
      attempts: 1,
      lastError: `no Graph access for ${nestor.mail} is at hand to subscribe with`,
    });
    graphFor = "manager";

    const [subscription] = sim().list(world.clock.now());
    const directory = directoryOf(tenant);
    await store.people.replaceDirectory(
      tenantId,
      {
        people: directory.people,
        lines: directory.lines.filter((line) => line.managerObjectId !== megan.id),
      },
      world.clock.now(),
    );
    await store.jobQueue.request(tenantId, subscriptionJobKey(megan.mail), world.clock.now());
    expect(await runner.runDue()).toBe(1);
    expect(sim().get(subscription!.id, world.clock.now())).toBeUndefined();
    expect(await store.subscriptions.forManager(tenantId, megan.mail)).toBeUndefined();
    expect(await jobRow(subscriptionJobKey(megan.mail))).toBeUndefined();
    await store.people.replaceDirectory(tenantId, directory, world.clock.now());
  });
});

describe("The subscriptions adapter against the simulator's rules", () => {
  const { tenant, managers, reps } = salesOrg();
  const megan = managers[0]!;
  const backend = pgliteBackend();
  let world: NotificationWorld;

  beforeAll(async () => {
    const [store] = await backend.open(1);
    world = await startNotificationWorld(tenant, store!, START);
  });

  afterAll(async () => {
    await world?.close();
    await backend.close();
  });

  const request = (overrides: { notificationUrl?: string; expiresAt?: number } = {}) => ({
    mailboxId: megan.id,
    notificationUrl: overrides.notificationUrl ?? `${world.url}/graph/notifications`,
    lifecycleNotificationUrl: `${world.url}/graph/lifecycle`,
    clientState: "a-secret-of-this-subscription",
    expiresAt: overrides.expiresAt ?? START + DAY,
  });

  it("fails with Graph's 400 when the endpoint does not echo the validation token", async () => {
    const subscriptions = createEventSubscriptions(world.clientFor(megan));
    const error = await subscriptions
      .create(request({ notificationUrl: `${world.url}/not-an-endpoint` }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ kind: "bad-request", status: 400, code: "ValidationError" });
    expect(subscriptionsOf(world.sim.state).list(START)).toEqual([]);
  });

  it("refuses an expiration beyond 10,080 minutes, and accepts one just inside it", async () => {
    const subscriptions = createEventSubscriptions(world.clientFor(megan));
    await expect(
      subscriptions.create(request({ expiresAt: START + (EVENT_SUBSCRIPTION_MAX_MINUTES + 1) * 60_000 })),
    ).rejects.toMatchObject({ status: 400, kind: "bad-request" });
    const created = await subscriptions.create(request({ expiresAt: eventSubscriptionExpiry(START) }));
    expect(created.expiresAt).toBe(eventSubscriptionExpiry(START));
    const renewed = await subscriptions.renew(created.id, START + 2 * DAY);
    expect(renewed).toEqual({
      id: created.id,
      resource: `/users/${megan.id}/events`,
      expiresAt: START + 2 * DAY,
    });
    await subscriptions.remove(created.id);
    await subscriptions.remove(created.id);
    await expect(subscriptions.renew(created.id, START + 3 * DAY)).rejects.toMatchObject({
      kind: "not-found",
      status: 404,
    });
  });

  it("answers a create with the properties of the docs' Outlook subscription", async () => {
    const sample = JSON.parse(
      readFileSync(new URL("./fixtures/subscription.outlook.create.response.json", import.meta.url), "utf8"),
    ) as Record<string, unknown>;
    const result = await world.appClient(["Calendars.Read"]).send({
      method: "POST",
      url: "/subscriptions",
      permission: SUBSCRIBE_TO_EVENTS,
      body: eventSubscriptionBody(request()),
    });
    const body = result.body as Record<string, unknown>;
    expect(result.status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(Object.keys(sample).sort());
    for (const [key, value] of Object.entries(sample)) {
      if (value !== null && key in body) expect([key, typeof body[key]]).toEqual([key, typeof value]);
    }
    expect(body["@odata.context"]).toBe(`${world.sim.baseUrl}/$metadata#subscriptions/$entity`);
    expect(String(body.expirationDateTime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
  });

  it("lets a delegated caller subscribe only to their own events, and needs a calendar permission", async () => {
    await expect(createEventSubscriptions(world.clientFor(reps[0]!)).create(request())).rejects.toMatchObject(
      { kind: "permission", status: 403 },
    );
    await expect(
      createEventSubscriptions(world.appClient(["User.Read.All"])).create(request()),
    ).rejects.toMatchObject({
      kind: "permission",
      status: 403,
    });
    const appOnly = await createEventSubscriptions(world.appClient(["Calendars.Read"])).create(request());
    expect(appOnly.resource).toBe(`/users/${megan.id}/events`);
  });
});
