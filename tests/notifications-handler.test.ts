import { readFileSync } from "node:fs";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import {
  eventSubscriptionBody,
  subscriptionOf,
  subscriptionRenewalBody,
} from "../src/graph/subscriptions.ts";
import { hashClientState } from "../src/notifications/client-state.ts";
import { handleNotification, type SubscriptionLookup } from "../src/notifications/handle-notification.ts";
import { notificationRoutes } from "../src/notifications/notification-routes.ts";
import { pgliteBackend } from "./jobs-backends.ts";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;

/** The docs' webhook sample: a real tenant id, the placeholder "{subscription_guid}" and clientState "secretClientValue". */
const WEBHOOK = fixture("changeNotification.webhook.payload.json");
const WEBHOOK_TENANT = "84bd8158-6d4d-4958-8b9f-9d6445542f95";

function lookup(entries: Record<string, { managerEmail: string; clientState: string }>): SubscriptionLookup {
  return {
    async byId(tenantId, subscriptionId) {
      const found = entries[`${tenantId}|${subscriptionId}`];
      return (
        found && { managerEmail: found.managerEmail, clientStateHash: hashClientState(found.clientState) }
      );
    },
  };
}

const known = lookup({
  [`${WEBHOOK_TENANT}|{subscription_guid}`]: {
    managerEmail: "megan@contoso.com",
    clientState: "secretClientValue",
  },
});

/** A docs payload with its placeholders replaced by values of a subscription FieldCoach keeps. */
function withValues(
  payload: Record<string, unknown>,
  values: Record<string, string>,
): Record<string, unknown> {
  const [item] = payload.value as Record<string, unknown>[];
  return { ...payload, value: [{ ...item, ...values }] };
}

describe("handleNotification", () => {
  it("echoes a validation token as text/plain, decoded, and queues nothing", async () => {
    const token = "Validation: Testing client application reachability for subscription Request-Id: 1";
    expect(await handleNotification({ body: "", query: { validationToken: token } }, known)).toEqual({
      status: 200,
      contentType: "text/plain; charset=utf-8",
      body: token,
      jobsToQueue: [],
    });
    expect(
      (await handleNotification({ body: "", query: { validationToken: "x".repeat(1025) } }, known)).status,
    ).toBe(400);
  });

  it("queues a delta sync of the subscribed manager's calendar for the docs' change notification", async () => {
    expect(await handleNotification({ body: WEBHOOK, query: {} }, known)).toEqual({
      status: 202,
      contentType: undefined,
      body: undefined,
      jobsToQueue: [{ tenantId: WEBHOOK_TENANT, jobKey: "calendar:megan@contoso.com" }],
    });
  });

  it("reads the Outlook samples, with and without resource data, once their placeholders are values", async () => {
    const tenantId = "9a3c1f0e-0000-4000-8000-000000000001";
    for (const name of [
      "changeNotification.outlook.payload.json",
      "changeNotification.outlook.withResourceData.payload.json",
    ]) {
      const payload = fixture(name);
      const [item] = payload.value as Record<string, unknown>[];
      const subscriptionId = String(item!.subscriptionId);
      const lookupOne = lookup({
        [`${tenantId}|${subscriptionId}`]: { managerEmail: "nestor@contoso.com", clientState: "s3cret" },
      });
      expect(await handleNotification({ body: payload, query: {} }, lookupOne)).toMatchObject({
        status: 400,
        body: expect.stringContaining("$.value[0].tenantId"),
        jobsToQueue: [],
      });
      const result = await handleNotification(
        { body: withValues(payload, { tenantId, clientState: "s3cret" }), query: {} },
        lookupOne,
      );
      expect(result).toMatchObject({
        status: 202,
        jobsToQueue: [{ tenantId, jobKey: "calendar:nestor@contoso.com" }],
      });
    }
  });

  it("refuses the whole request, queuing nothing, when any clientState does not match", async () => {
    const [item] = WEBHOOK.value as Record<string, unknown>[];
    const forged = { value: [item, { ...item, clientState: "guessed" }] };
    const result = await handleNotification({ body: forged, query: {} }, known);
    expect(result).toEqual({
      status: 403,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({
        code: "forbidden",
        message: "A notification's clientState does not match its subscription.",
      }),
      jobsToQueue: [],
    });
    const missing = { value: [{ ...item, clientState: undefined }] };
    expect((await handleNotification({ body: missing, query: {} }, known)).status).toBe(403);
  });

  it("ignores notifications of subscriptions it does not keep", async () => {
    expect(await handleNotification({ body: WEBHOOK, query: {} }, lookup({}))).toMatchObject({
      status: 202,
      jobsToQueue: [],
    });
  });

  it("turns each lifecycle event of the docs' sample into the runs it needs", async () => {
    const payload = fixture("changeNotification.lifecycle.payload.json");
    const tenantId = "9a3c1f0e-0000-4000-8000-000000000001";
    const lifecycleLookup = lookup({
      [`${tenantId}|<subscription_guid>`]: {
        managerEmail: "megan@contoso.com",
        clientState: "<secretClientState>",
      },
    });
    const jobsFor = async (lifecycleEvent: string) =>
      (
        await handleNotification(
          { body: withValues(payload, { tenantId, lifecycleEvent }), query: {} },
          lifecycleLookup,
        )
      ).jobsToQueue.map((job) => job.jobKey);
    expect(await jobsFor("reauthorizationRequired")).toEqual(["subscription:megan@contoso.com"]);
    expect(await jobsFor("subscriptionRemoved")).toEqual([
      "subscription:megan@contoso.com",
      "calendar:megan@contoso.com",
    ]);
    expect(await jobsFor("missed")).toEqual(["calendar:megan@contoso.com"]);
    // The sample's own value is the docs' placeholder text, not an event: nothing to do.
    const placeholder = String((payload.value as Record<string, unknown>[])[0]!.lifecycleEvent);
    expect(await jobsFor(placeholder)).toEqual([]);
  });

  it("answers a body that is not a notification collection with 400 naming the JSON path", async () => {
    for (const [body, path] of [
      [{}, "$.value"],
      [{ value: [] }, "$.value"],
      [{ value: ["x"] }, "$.value[0]"],
      [{ value: [{ tenantId: WEBHOOK_TENANT, changeType: "created" }] }, "$.value[0].subscriptionId"],
      [{ value: [{ subscriptionId: "s", tenantId: WEBHOOK_TENANT }] }, "$.value[0].changeType"],
    ] as const) {
      const result = await handleNotification({ body, query: {} }, known);
      expect(result.status).toBe(400);
      expect(JSON.parse(result.body!)).toMatchObject({ code: "bad_request", issues: [{ path }] });
    }
  });
});

describe("The notification endpoint over HTTP", () => {
  it("answers Graph's validation POST (text/plain, empty body) with the token, and queues the runs notifications ask for", async () => {
    const backend = pgliteBackend();
    const [store] = await backend.open(1);
    const app = Fastify({ logger: false });
    notificationRoutes({ store: store!, clock: () => Date.parse("2026-03-02T08:00:00Z") })(app);
    try {
      const token = "Validation: Testing client application reachability for subscription Request-Id: 2a+b/c";
      const validation = await app.inject({
        method: "POST",
        url: `/graph/lifecycle?validationToken=${encodeURIComponent(token)}`,
        headers: { "content-type": "text/plain; charset=utf-8" },
        payload: "",
      });
      expect(validation.statusCode).toBe(200);
      expect(validation.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(validation.body).toBe(token);

      await store!.subscriptions.put(WEBHOOK_TENANT, {
        managerEmail: "megan@contoso.com",
        mailboxId: "00000000-0000-4000-8000-00000000megan",
        subscriptionId: "{subscription_guid}",
        clientStateHash: hashClientState("secretClientValue"),
        expiresAt: Date.parse("2026-03-08T08:00:00Z"),
        createdAt: Date.parse("2026-03-01T08:00:00Z"),
        renewedAt: Date.parse("2026-03-01T08:00:00Z"),
      });
      const change = await app.inject({ method: "POST", url: "/graph/notifications", payload: WEBHOOK });
      expect(change.statusCode).toBe(202);
      expect(change.body).toBe("");
      expect(await store!.jobQueue.list(WEBHOOK_TENANT, "calendar:")).toMatchObject([
        { jobKey: "calendar:megan@contoso.com", dueAt: Date.parse("2026-03-02T08:00:00Z") },
      ]);
    } finally {
      await app.close();
      await backend.close();
    }
  });
});

describe("Subscription payloads against Microsoft's samples", () => {
  it("asks for a subscription with the properties the docs' create requests use", () => {
    const body = eventSubscriptionBody({
      mailboxId: "00000000-0000-4000-8000-000000000abc",
      notificationUrl: "https://coach.contoso.com/graph/notifications",
      lifecycleNotificationUrl: "https://coach.contoso.com/graph/lifecycle",
      clientState: "secret",
      expiresAt: Date.parse("2026-03-08T07:00:00Z"),
    });
    const docsKeys = new Set(
      ["subscription.create.request.json", "subscription.webhooks.create.request.json"].flatMap((name) =>
        Object.keys(fixture(name).body as Record<string, unknown>),
      ),
    );
    expect(Object.keys(body).sort()).toEqual([...docsKeys].sort());
    expect(body).toMatchObject({
      changeType: "created,updated,deleted",
      resource: "/users/00000000-0000-4000-8000-000000000abc/events",
      expirationDateTime: "2026-03-08T07:00:00.000Z",
      latestSupportedTlsVersion: "v1_2",
    });
    expect(() =>
      eventSubscriptionBody({
        mailboxId: "x",
        notificationUrl: "https://coach.contoso.com/graph/notifications",
        lifecycleNotificationUrl: "https://coach.contoso.com/graph/lifecycle",
        clientState: "y".repeat(129),
        expiresAt: 0,
      }),
    ).toThrow(RangeError);
  });

  it("reads the docs' subscription answers, seven fraction digits and offsets included", () => {
    expect(subscriptionOf(fixture("subscription.create.response.json"), "x")).toEqual({
      id: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
      resource: "me/mailFolders('Inbox')/messages",
      expiresAt: Date.parse("2016-11-20T18:23:45.935Z"),
    });
    expect(subscriptionOf(fixture("subscription.outlook.create.response.json"), "x").expiresAt).toBe(
      Date.parse("2022-01-01T21:42:18.225Z"),
    );
    const renewal = fixture("subscription.renew.request.json");
    expect(renewal.method).toBe("PATCH");
    expect(Object.keys(subscriptionRenewalBody(0))).toEqual(
      Object.keys(renewal.body as Record<string, unknown>),
    );
    expect(() =>
      subscriptionOf({ id: "a", resource: "r", expirationDateTime: "2016-11-20" }, "the answer"),
    ).toThrow(
      "Graph's answer to the answer cannot be read: its expirationDateTime is not a date-time with an offset",
    );
  });
});
