import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphWorld, salesOrg, startGraphWorld } from "./graph-test-support.ts";

/**
 * The simulator answers with Graph's shapes: for every key a documentation sample has, the simulator's
 * answer has it too, with a value of the same JSON type (nested objects and first array items alike).
 */

const org = salesOrg();
const megan = org.managers[0]!;
const alex = org.reps[0]!;
let world: GraphWorld;
let meganToken: string;

beforeAll(async () => {
  world = await startGraphWorld(org.tenant);
  meganToken = await world.userToken(megan, ["Calendars.ReadWrite", "User.Read.All", "MailboxSettings.Read"]);
});

afterAll(async () => {
  await world.close();
});

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as unknown;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Paths where the simulator's answer lacks a key of the sample or holds another type. */
function shapeDifferences(actual: unknown, sample: unknown, path = "$"): string[] {
  if (sample === null || actual === null) return [];
  if (typeOf(actual) !== typeOf(sample)) return [`${path}: ${typeOf(actual)} instead of ${typeOf(sample)}`];
  if (Array.isArray(sample) && Array.isArray(actual)) {
    return sample.length > 0 && actual.length > 0 ? shapeDifferences(actual[0], sample[0], `${path}[0]`) : [];
  }
  if (typeof sample !== "object") return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
    const mine = actual as Record<string, unknown>;
    if (!(key in mine)) out.push(`${path}.${key}: missing`);
    else out.push(...shapeDifferences(mine[key], value, `${path}.${key}`));
  }
  return out;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${world.sim.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${meganToken}`, "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : (JSON.parse(text) as unknown),
  };
}

const window = "startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-15T00:00:00Z";

describe("simulator answers have the documented shapes", () => {
  it("event creation answers 201 with every property of the docs' created event", async () => {
    const request = fixture("event.create.request.json") as {
      body: Record<string, unknown>;
      headers: Record<string, string>;
    };
    const answer = await call("POST", `/users/${megan.id}/events`, request.body, {
      Prefer: request.headers.Prefer!,
    });
    expect(answer.status).toBe(201);
    expect(shapeDifferences(answer.body, fixture("event.create.response.json"))).toEqual([]);
    expect(answer.body).toMatchObject({
      transactionId: "7E163156-7762-4BEB-A1C6-729EA81755A7",
      originalStartTimeZone: "Pacific Standard Time",
      start: { dateTime: "2017-04-15T12:00:00.0000000", timeZone: "Pacific Standard Time" },
      body: { contentType: "html" },
    });
    expect(answer.headers.get("Preference-Applied")).toBe('outlook.timezone="Pacific Standard Time"');
  });

  it("calendarView events carry the list sample's properties", async () => {
    const answer = await call("GET", `/users/${megan.id}/calendarView?${window}`);
    expect(shapeDifferences(answer.body, fixture("calendarView.list.response.json"))).toEqual([]);
  });

  it("delta pages, delta links and removed items look like the docs' rounds", async () => {
    const page1 = await call(
      "GET",
      `/users/${megan.id}/calendarView/delta?startdatetime=2026-03-01T00:00:00Z&enddatetime=2026-03-15T00:00:00Z`,
      undefined,
      {
        Prefer: "odata.maxpagesize=2",
      },
    );
    expect(shapeDifferences(page1.body, fixture("calendarView.delta.round1.page1.response.json"))).toEqual(
      [],
    );
    expect(shapeDifferences(page1.body, fixture("calendarView.delta.response.json"))).toEqual([]);
    let body = page1.body as Record<string, unknown>;
    while (typeof body["@odata.nextLink"] === "string") {
      const next = new URL(body["@odata.nextLink"] as string);
      body = (
        await call("GET", `${next.pathname.replace("/v1.0", "")}${next.search}`, undefined, {
          Prefer: "odata.maxpagesize=2",
        })
      ).body as Record<string, unknown>;
    }
    expect(shapeDifferences(body, fixture("calendarView.delta.round1.page3.response.json"))).toEqual([]);
    const removed = org.tenant.meetings[0]!;
    world.sim.state.setMeeting(removed.iCalUId, undefined);
    world.sim.state.setMeeting("ADDED", { ...org.tenant.meetings[1]!, iCalUId: "ADDED" });
    const link = new URL(body["@odata.deltaLink"] as string);
    const round2 = (await call("GET", `${link.pathname.replace("/v1.0", "")}${link.search}`)).body as {
      value: Record<string, unknown>[];
    };
    const sample = fixture("calendarView.delta.round2.page1.response.json") as { value: unknown[] };
    const tombstone = round2.value.find((item) => "@removed" in item);
    const added = round2.value.find((item) => !("@removed" in item));
    expect(tombstone).toEqual({
      "@odata.type": "#microsoft.graph.event",
      id: world.sim.state.eventId(megan.id, removed.iCalUId),
      "@removed": { reason: "deleted" },
    });
    expect(shapeDifferences(tombstone, sample.value[0])).toEqual([]);
    expect(shapeDifferences(added, { ...(sample.value[1] as object), location: {} })).toEqual([]);
  });

  it("manager, direct reports and mailbox settings match their samples", async () => {
    expect(
      shapeDifferences(
        (await call("GET", `/users/${alex.id}/manager`)).body,
        fixture("manager.get.response.json"),
      ),
    ).toEqual([]);
    expect(
      shapeDifferences(
        (await call("GET", `/users/${megan.id}/directReports`)).body,
        fixture("directReports.list.response.json"),
      ),
    ).toEqual([]);
    expect(
      shapeDifferences(
        (await call("GET", `/me/mailboxSettings`)).body,
        fixture("mailboxSettings.get.response.json"),
      ),
    ).toEqual([]);
  });

  it("open extensions answer like the docs' extension", async () => {
    const created = (
      await call("POST", `/users/${megan.id}/events`, {
        subject: "x",
        start: { dateTime: "2026-03-20T10:00:00", timeZone: "UTC" },
        end: { dateTime: "2026-03-20T11:00:00", timeZone: "UTC" },
      })
    ).body as { id: string };
    const request = fixture("event.openExtension.create.request.json") as { body: unknown };
    const answer = await call("POST", `/users/${megan.id}/events/${created.id}/extensions`, request.body);
    expect(answer.status).toBe(201);
    const sample = fixture("event.openExtension.create.response.json");
    expect(shapeDifferences(answer.body, sample)).toEqual([]);
    expect(answer.body).toMatchObject({
      id: "microsoft.graph.openTypeExtension.Com.Contoso.Deal",
      dealValue: 1010100,
    });
  });

  it("$batch answers and a throttled item match the batch and 429 samples", async () => {
    world.sim.faults.throttle({
      times: 1,
      retryAfterSeconds: 2.128,
      match: (t) => t.inBatch && t.kind === "manager",
    });
    const answer = await call("POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: `/users/${megan.id}/directReports` },
        { id: "2", method: "GET", url: `users/${alex.id}/manager` },
      ],
    });
    world.sim.faults.clear();
    expect(answer.status).toBe(200);
    const sample = fixture("batch.response.json") as { responses: unknown[] };
    const responses = (
      answer.body as {
        responses: { id: string; status: number; headers: Record<string, string>; body: unknown }[];
      }
    ).responses;
    // The sample's first item reads another resource (memberOf): compare the envelope of an item only.
    const item = sample.responses[0] as { id: string; status: number; headers: Record<string, string> };
    const envelope = {
      id: item.id,
      status: item.status,
      headers: {
        "Cache-Control": item.headers["Cache-Control"],
        "OData-Version": item.headers["OData-Version"],
        "Content-Type": item.headers["Content-Type"],
      },
      body: { value: [] },
    };
    expect(shapeDifferences(responses[0], envelope)).toEqual([]);
    expect(responses[1]).toMatchObject({ id: "2", status: 429, headers: { "Retry-After": "2.128" } });
    expect(shapeDifferences(responses[1]!.body, fixture("throttling.429.response.json"))).toEqual([]);
  });

  it("getSchedule answers like the docs' schedule", async () => {
    const request = fixture("getSchedule.request.json") as { body: Record<string, unknown> };
    const answer = await call("POST", `/users/${megan.id}/calendar/getSchedule`, {
      ...request.body,
      schedules: [alex.mail, megan.mail],
      startTime: { dateTime: "2026-03-02T09:00:00", timeZone: "Pacific Standard Time" },
      endTime: { dateTime: "2026-03-02T18:00:00", timeZone: "Pacific Standard Time" },
    });
    const sample = fixture("getSchedule.response.json") as { value: Record<string, unknown>[] };
    expect(shapeDifferences(answer.body, { ...sample, value: [sample.value[0]] })).toEqual([]);
  });

  it("errors carry Graph's envelope and the 401 a WWW-Authenticate challenge", async () => {
    const response = await fetch(`${world.sim.baseUrl}/users/${megan.id}/calendarView?${window}`);
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    const body = (await response.json()) as unknown;
    expect(
      shapeDifferences(body, {
        error: { code: "", message: "", innerError: { date: "", "request-id": "", "client-request-id": "" } },
      }),
    ).toEqual([]);
  });
});
