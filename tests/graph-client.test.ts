import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { isGraphFailure } from "../src/domain/graph-ports.ts";
import { readCalendarView } from "../src/graph/calendar-view.ts";
import { createGraphClient, withQuery } from "../src/graph/client.ts";
import { GraphError } from "../src/graph/map-error.ts";
import { MailboxSlots } from "../src/graph/middleware-mailbox-limit.ts";
import { PERMISSIONS } from "../src/graph/permissions.ts";
import { startGraphSimulator } from "../src/graph-sim/server.ts";
import { type GraphWorld, NOW, salesOrg, startGraphWorld, window } from "./graph-test-support.ts";

const org = salesOrg();
const megan = org.managers[0]!;
const march = window("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z");
const viewUrl = withQuery(`/users/${megan.id}/calendarView`, {
  startDateTime: "2026-03-01T00:00:00Z",
  endDateTime: "2026-03-15T00:00:00Z",
});
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

async function failureOf(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe("throttling", () => {
  it("waits exactly what Retry-After says before each retry, then succeeds", async () => {
    const { client, waits } = world.clientFor(megan);
    world.sim.faults.throttle({ times: 2, retryAfterSeconds: 3 });
    const events = await readCalendarView(client, megan.id, march);
    expect(events).toHaveLength(30);
    expect(waits).toEqual([3000, 3000]);
    expect(world.sim.stats()).toMatchObject({ requests: 3, throttled: 2 });
  });

  it("rides out a throttling storm that refuses a share of all requests", async () => {
    const { client, waits } = world.clientFor(megan);
    let draw = 0;
    // Every other request is refused: a repeatable stand-in for a random half.
    world.sim.faults.storm({
      ratio: 0.5,
      retryAfterSeconds: 2,
      random: () => (draw++ % 2 === 0 ? 0.1 : 0.9),
    });
    for (let i = 0; i < 5; i++) expect(await readCalendarView(client, megan.id, march)).toHaveLength(30);
    expect(world.sim.stats()).toMatchObject({ requests: 10, throttled: 5 });
    expect(waits).toEqual([2000, 2000, 2000, 2000, 2000]);
  });

  it("reads fractional seconds as Graph writes them", async () => {
    const { client, waits } = world.clientFor(megan);
    world.sim.faults.throttle({ times: 1, retryAfterSeconds: 2.128 });
    await readCalendarView(client, megan.id, march);
    expect(waits).toEqual([2128]);
  });

  it("gives up after a bounded number of tries with a retry-later error saying so", async () => {
    const { client, waits } = world.clientFor(megan, { maxTries: 3 });
    world.sim.faults.throttle({ times: 10, retryAfterSeconds: 1 });
    const error = await failureOf(readCalendarView(client, megan.id, march));
    expect(error).toMatchObject({
      kind: "retry-later",
      status: 429,
      code: "TooManyRequests",
      tries: 3,
      retryAfterMs: 1000,
    });
    expect(error.message).toContain("after 3 tries");
    expect(waits).toEqual([1000, 1000]);
    expect(world.sim.stats().requests).toBe(3);
    expect(isGraphFailure(error)).toBe(true);
  });

  it("hands a wait longer than it sleeps through to the caller instead of sleeping", async () => {
    const { client, waits } = world.clientFor(megan, { maxWaitMs: 30_000 });
    world.sim.faults.throttle({ times: 1, retryAfterSeconds: 120 });
    const error = await failureOf(readCalendarView(client, megan.id, march));
    expect(error).toMatchObject({ kind: "retry-later", retryAfterMs: 120_000, tries: 1 });
    expect(waits).toEqual([]);
  });

  it("backs off exponentially on 503 without Retry-After for reads", async () => {
    const { client, waits } = world.clientFor(megan, { backoffMs: 100 });
    world.sim.faults.serviceUnavailable({ times: 2 });
    await readCalendarView(client, megan.id, march);
    expect(waits).toEqual([100, 200]);
  });

  it("does not resend a request that is unsafe to send twice after a 503", async () => {
    const { client, waits } = world.clientFor(megan);
    world.sim.faults.serviceUnavailable({ times: 1, retryAfterSeconds: 1 });
    const eventId = world.sim.state.eventId(megan.id, org.tenant.meetings[0]!.iCalUId);
    const error = await failureOf(
      client.send({
        method: "POST",
        url: `/users/${megan.id}/events/${eventId}/decline`,
        permission: PERMISSIONS.writeCalendar,
        body: {},
      }),
    );
    expect(error).toMatchObject({ kind: "retry-later", status: 503, tries: 1 });
    expect(waits).toEqual([]);
  });
});

describe("per-mailbox concurrency", () => {
  it("never has more than four requests in flight for one mailbox, so Outlook never refuses one", async () => {
    const { client } = world.clientFor(megan);
    world.sim.faults.latency(25);
    world.sim.faults.mailboxConcurrency(4);
    await Promise.all(Array.from({ length: 12 }, () => readCalendarView(client, megan.id, march)));
    const stats = world.sim.stats();
    expect(stats.requests).toBe(12);
    expect(stats.throttled).toBe(0);
    expect(stats.maxInFlightPerMailbox).toBe(4);
  });

  it("holds across clients that share the app's mailbox slots (one client per signed-in user)", async () => {
    const slots = new MailboxSlots(4);
    const first = world.appClient(["Calendars.Read"], { mailboxSlots: slots }).client;
    const second = world.appClient(["Calendars.Read"], { mailboxSlots: slots }).client;
    world.sim.faults.latency(25);
    world.sim.faults.mailboxConcurrency(4);
    await Promise.all(
      Array.from({ length: 6 }, () => [
        readCalendarView(first, megan.id, march),
        readCalendarView(second, megan.id, march),
      ]).flat(),
    );
    expect(world.sim.stats()).toMatchObject({ requests: 12, throttled: 0, maxInFlightPerMailbox: 4 });
  });

  it("is what the simulator enforces: a client allowed eight gets MailboxConcurrency 429s and retries them", async () => {
    const waits: number[] = [];
    // The retries must come after the first wave has left the mailbox, so this sleep takes a little real time.
    const { client } = world.clientFor(megan, {
      maxConcurrentPerMailbox: 8,
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 60));
      },
    });
    world.sim.faults.latency(25);
    world.sim.faults.mailboxConcurrency(4);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => readCalendarView(client, megan.id, march)),
    );
    expect(results.every((events) => events.length === 30)).toBe(true);
    expect(world.sim.stats().throttled).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
  });
});

describe("lost connections and timeouts", () => {
  it("resends a read whose connection dropped", async () => {
    const { client, waits } = world.clientFor(megan, { backoffMs: 50 });
    world.sim.faults.dropConnections({ times: 1, when: "before" });
    const events = await readCalendarView(client, megan.id, march);
    expect(events).toHaveLength(30);
    expect(waits).toEqual([50]);
    expect(world.sim.stats().dropped).toBe(1);
  });

  it("does not resend an unsafe request whose connection dropped, and says it got no response", async () => {
    const { client } = world.clientFor(megan);
    world.sim.faults.dropConnections({ times: 1, when: "after" });
    const eventId = world.sim.state.eventId(megan.id, org.tenant.meetings[1]!.iCalUId);
    const error = await failureOf(
      client.send({
        method: "POST",
        url: `/users/${megan.id}/events/${eventId}/tentativelyAccept`,
        permission: PERMISSIONS.writeCalendar,
        body: {},
      }),
    );
    expect(error).toMatchObject({ kind: "retry-later", status: 0, code: "NetworkError", tries: 1 });
  });

  it("times out an attempt that takes too long, retries, and reports the timeout", async () => {
    const { client, waits } = world.clientFor(megan, { timeoutMs: 40, maxTries: 2, backoffMs: 10 });
    world.sim.faults.latency(150);
    const error = await failureOf(readCalendarView(client, megan.id, march));
    expect(error).toMatchObject({ kind: "retry-later", status: 0, code: "Timeout", tries: 2 });
    expect(waits).toEqual([10]);
  });
});

describe("errors classified by what the caller should do", () => {
  it("not-found for a missing event, bad-request for a malformed query", async () => {
    const { client } = world.clientFor(megan);
    const missing = await failureOf(
      client.send({
        method: "GET",
        url: `/users/${megan.id}/events/AAMkAGVtcHR5`,
        permission: PERMISSIONS.readCalendar,
      }),
    );
    expect(missing).toMatchObject({ kind: "not-found", status: 404, code: "ErrorItemNotFound" });
    const bad = await failureOf(
      client.send({
        method: "GET",
        url: `/users/${megan.id}/calendarView`,
        permission: PERMISSIONS.readCalendar,
      }),
    );
    expect(bad).toMatchObject({ kind: "bad-request", status: 400, code: "ErrorInvalidParameter" });
  });

  it("permission for a token lacking the scope, naming the scopes the call needs", async () => {
    const { client } = world.clientWithScopes(megan, ["User.Read"]);
    const error = await failureOf(readCalendarView(client, megan.id, march));
    expect(error).toMatchObject({ kind: "permission", status: 403, code: "ErrorAccessDenied" });
    expect(error.neededScopes).toEqual(["Calendars.Read", "Calendars.ReadWrite"]);
    expect(error.message).toContain("Calendars.Read");
  });

  it("permission for a delegated token reading someone else's calendar without a shared-calendar scope", async () => {
    const { client } = world.clientWithScopes(megan, ["Calendars.Read"]);
    const rep = org.reps[0]!;
    await expect(readCalendarView(client, rep.id, march)).rejects.toMatchObject({
      kind: "permission",
      status: 403,
    });
    const shared = world.clientWithScopes(megan, ["Calendars.Read", "Calendars.Read.Shared"]);
    await expect(readCalendarView(shared.client, rep.id, march)).resolves.toHaveLength(10);
  });

  it("permission for a delegated token with a shared-calendar scope on a calendar its owner did not share", async () => {
    const { client } = world.clientWithScopes(megan, ["Calendars.Read", "Calendars.Read.Shared"]);
    const unshared = org.reps[1]!;
    await expect(readCalendarView(client, unshared.id, march)).rejects.toMatchObject({
      kind: "permission",
      status: 403,
      code: "ErrorAccessDenied",
    });
  });

  it("permission (401) for an expired token and for a token meant for another audience", async () => {
    const earlier = await createDevIssuer({ tenantId: org.tenant.tenantId, now: () => NOW - 7_200_000 });
    const sim = await startGraphSimulator({ tenant: org.tenant, jwks: earlier.jwks, now: () => NOW });
    try {
      const token = (audience: string) =>
        earlier.issueToken({
          tenantId: org.tenant.tenantId,
          oid: megan.id,
          appId: "app",
          audience,
          expiresIn: 3600,
          version: "1.0",
          scopes: ["Calendars.Read"],
        });
      const expired = createGraphClient({
        baseUrl: sim.baseUrl,
        getToken: () => token("https://graph.microsoft.com"),
      });
      const error = await failureOf(readCalendarView(expired, megan.id, march));
      expect(error).toMatchObject({ kind: "permission", status: 401, code: "InvalidAuthenticationToken" });
      expect(error.message).toContain("expired");
      const response = await fetch(`${sim.baseUrl}${viewUrl}`, {
        headers: { Authorization: `Bearer ${await token("api://some-other-api")}` },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toContain("Bearer");
    } finally {
      await sim.close();
    }
  });

  it("a token provider that cannot give a token fails the call as a permission problem, before any request", async () => {
    const { client } = world.clientFor(megan, {
      getToken: async () => {
        throw new Error("no signed-in user");
      },
    });
    const error = await failureOf(readCalendarView(client, megan.id, march));
    expect(error).toMatchObject({ kind: "permission", code: "TokenUnavailable" });
    expect(error.neededScopes).toEqual(["Calendars.Read", "Calendars.ReadWrite"]);
    expect(world.sim.stats().requests).toBe(0);
  });

  it("refuses to follow a link outside the base URL, so the token goes nowhere else", async () => {
    const { client } = world.clientFor(megan);
    const error = await failureOf(
      client.send({
        method: "GET",
        url: "https://evil.example/v1.0/users",
        permission: PERMISSIONS.readDirectory,
      }),
    );
    expect(error).toMatchObject({ kind: "bad-request", code: "ForeignLink" });
    expect(world.sim.stats().requests).toBe(0);
  });
});
