/**
 * Change notifications in the simulator: `POST /subscriptions` for a user's events (after Graph's
 * validation handshake: the notification URL, and the lifecycle URL, must echo a validation token as
 * text/plain within 10 seconds), `PATCH` to renew, `DELETE`. The subscriptions live beside the tenant
 * state (`subscriptionsOf(state)`), where tests deliver what changed in subscribed calendars since the
 * last delivery (`deliver()`, posting a changeNotificationCollection with the subscription's
 * clientState) and send lifecycle notifications on demand (`lifecycle(id, event)`).
 *
 * The simulator's choices where Graph's documentation is silent: notification URLs may be plain http on
 * loopback (Graph wants https), one POST per subscription carries all of its changes, a change is
 * "created" or "deleted" when the event appeared in or left the calendar since the last delivery and
 * "updated" otherwise, and an expired subscription is gone (404).
 */

import { randomUUID } from "node:crypto";
import {
  emptyResponse,
  errorResponse,
  isObject,
  type JsonObject,
  jsonResponse,
  type SimResponse,
} from "./sim-http.ts";
import type { RouteContext, RouteHandler, RouteMatch } from "./sim-route.ts";
import type { SimState } from "./sim-state.ts";

/** Outlook resources without resource data: at most 10,080 minutes. */
export const MAX_SUBSCRIPTION_MINUTES = 10_080;
const VALIDATION_TIMEOUT_MS = 10_000;
const CHANGE_TYPES = ["created", "updated", "deleted"] as const;
type ChangeType = (typeof CHANGE_TYPES)[number];
export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

export interface SimSubscription {
  readonly id: string;
  /** As the creator wrote it. */
  readonly resource: string;
  /** The user whose events are watched. */
  readonly userId: string;
  readonly changeTypes: readonly ChangeType[];
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  readonly clientState: string | null;
  readonly creator: { readonly kind: "user" | "app"; readonly id: string };
  expiresAt: number;
}

/** A POST the simulator made to an app's endpoint, and how it was answered. */
export interface Delivery {
  readonly kind: "validation" | "change" | "lifecycle";
  readonly url: string;
  readonly body: unknown;
  /** The HTTP status the endpoint answered; 0 when it did not answer. */
  readonly status: number;
}

interface Watch {
  readonly subscription: SimSubscription;
  /** iCalUIds the calendar held at the last delivery. */
  readonly known: Set<string>;
  /** The state's sequence at the last delivery. */
  seen: number;
}

export class SimSubscriptions {
  readonly #state: SimState;
  readonly #watches = new Map<string, Watch>();
  readonly #deliveries: Delivery[] = [];

  constructor(state: SimState) {
    this.#state = state;
  }

  /** Every POST made to apps so far, oldest first. */
  get deliveries(): readonly Delivery[] {
    return this.#deliveries;
  }

  /** Subscriptions alive at `now`. */
  list(now: number): SimSubscription[] {
    this.#purge(now);
    return [...this.#watches.values()].map((watch) => watch.subscription);
  }

  get(id: string, now: number): SimSubscription | undefined {
    this.#purge(now);
    return this.#watches.get(id)?.subscription;
  }

  add(subscription: SimSubscription): void {
    const calendar = this.#state.calendarOf(subscription.userId).map((meeting) => meeting.iCalUId);
    this.#watches.set(subscription.id, {
      subscription,
      known: new Set(calendar),
      seen: this.#state.sequence,
    });
  }

  remove(id: string): boolean {
    return this.#watches.delete(id);
  }

  /** Posts each live subscription's changes since the last delivery; returns the deliveries made. */
  async deliver(now: number): Promise<Delivery[]> {
    this.#purge(now);
    const made: Delivery[] = [];
    for (const watch of this.#watches.values()) {
      const { subscription } = watch;
      const upTo = this.#state.sequence;
      const changed = [...this.#state.changedIn(subscription.userId, watch.seen, upTo).keys()].sort();
      watch.seen = upTo;
      const items: JsonObject[] = [];
      for (const iCalUId of changed) {
        const holds = this.#state.holds(subscription.userId, iCalUId);
        const knew = watch.known.has(iCalUId);
        if (holds) watch.known.add(iCalUId);
        else watch.known.delete(iCalUId);
        const changeType: ChangeType | undefined = holds
          ? knew
            ? "updated"
            : "created"
          : knew
            ? "deleted"
            : undefined;
        if (changeType === undefined || !subscription.changeTypes.includes(changeType)) continue;
        items.push(this.#changeItem(subscription, iCalUId, changeType));
      }
      if (items.length > 0)
        made.push(await this.#post("change", subscription.notificationUrl, { value: items }));
    }
    return made;
  }

  /**
   * Sends a lifecycle notification to the subscription's lifecycle URL. `subscriptionRemoved` removes
   * the subscription first, as Graph does when it drops one.
   */
  async lifecycle(id: string, event: LifecycleEvent, now: number): Promise<Delivery> {
    const subscription = this.get(id, now);
    if (subscription === undefined) throw new RangeError(`no live subscription ${id}`);
    if (subscription.lifecycleNotificationUrl === null) {
      throw new RangeError(`subscription ${id} has no lifecycleNotificationUrl`);
    }
    if (event === "subscriptionRemoved") this.remove(id);
    return this.#post("lifecycle", subscription.lifecycleNotificationUrl, {
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: graphDateTime(subscription.expiresAt),
          tenantId: this.#state.tenant.tenantId,
          ...(subscription.clientState === null ? {} : { clientState: subscription.clientState }),
          lifecycleEvent: event,
        },
      ],
    });
  }

  /** Graph's validation request: the endpoint must answer 200, text/plain, with the token decoded. */
  async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = `${url}${url.includes("?") ? "&" : "?"}validationToken=${encodeURIComponent(token)}`;
    let status = 0;
    let echoed = false;
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body: "",
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      status = response.status;
      const text = await response.text();
      echoed =
        status === 200 &&
        (response.headers.get("Content-Type") ?? "").startsWith("text/plain") &&
        text === token;
    } catch {
      status = 0;
    }
    this.#deliveries.push({ kind: "validation", url, body: token, status });
    return echoed;
  }

  #changeItem(subscription: SimSubscription, iCalUId: string, changeType: ChangeType): JsonObject {
    const eventId = this.#state.eventId(subscription.userId, iCalUId);
    const path = `Users/${subscription.userId}/Events/${eventId}`;
    const version = this.#state.lastChangeOf(subscription.userId, iCalUId) ?? 0;
    return {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: graphDateTime(subscription.expiresAt),
      changeType,
      resource: path,
      resourceData: {
        "@odata.type": "#Microsoft.Graph.Event",
        "@odata.id": path,
        "@odata.etag": `W/"${Buffer.from(`${iCalUId}|${version}`).toString("base64")}"`,
        id: eventId,
      },
      ...(subscription.clientState === null ? {} : { clientState: subscription.clientState }),
      tenantId: this.#state.tenant.tenantId,
    };
  }

  async #post(kind: Delivery["kind"], url: string, body: unknown): Promise<Delivery> {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    const delivery: Delivery = { kind, url, body, status };
    this.#deliveries.push(delivery);
    return delivery;
  }

  #purge(now: number): void {
    for (const [id, watch] of this.#watches)
      if (watch.subscription.expiresAt <= now) this.#watches.delete(id);
  }
}

const registries = new WeakMap<SimState, SimSubscriptions>();

/** The subscriptions of a simulator's tenant. */
export function subscriptionsOf(state: SimState): SimSubscriptions {
  let registry = registries.get(state);
  if (registry === undefined) {
    registry = new SimSubscriptions(state);
    registries.set(state, registry);
  }
  return registry;
}

/** Routes under `/subscriptions`, or the error Graph gives for anything else there. */
export function subscriptionRoute(
  method: string,
  rest: readonly string[],
): { readonly match: RouteMatch } | { readonly fail: readonly [number, string, string] } {
  const notAllowed = [
    405,
    "Request_BadRequest",
    "Specified HTTP method is not allowed for the request target.",
  ] as const;
  if (rest.length === 0) {
    return method === "POST"
      ? { match: { kind: "subscriptions", user: undefined, params: [], handle: createSubscription } }
      : { fail: notAllowed };
  }
  if (rest.length === 1) {
    const handle =
      method === "PATCH" ? renewSubscription : method === "DELETE" ? deleteSubscription : undefined;
    return handle === undefined
      ? { fail: notAllowed }
      : { match: { kind: "subscriptions", user: undefined, params: [rest[0]!], handle } };
  }
  return { fail: [400, "BadRequest", `Resource not found for the segment '${rest.join("/")}'.`] };
}

const createSubscription: RouteHandler = async (request, _match, context) => {
  const now = context.now();
  const body = request.body;
  if (!isObject(body)) return invalid(context, "The request body must be a subscription.");
  const changeTypes =
    typeof body.changeType === "string" ? body.changeType.split(",").map((t) => t.trim()) : [];
  if (
    changeTypes.length === 0 ||
    changeTypes.some((type) => !(CHANGE_TYPES as readonly string[]).includes(type))
  ) {
    return invalid(context, "changeType must be a comma-separated list of created, updated and deleted.");
  }
  const notificationUrl = notificationUrlOf(body.notificationUrl, "notificationUrl");
  if (notificationUrl.problem !== null) return invalid(context, notificationUrl.problem);
  const lifecycleUrl =
    body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null
      ? undefined
      : notificationUrlOf(body.lifecycleNotificationUrl, "lifecycleNotificationUrl");
  if (lifecycleUrl !== undefined && lifecycleUrl.problem !== null)
    return invalid(context, lifecycleUrl.problem);
  const expiresAt = expiryProblem(body.expirationDateTime, now);
  if (typeof expiresAt === "string") return invalid(context, expiresAt);
  const clientState = body.clientState === undefined || body.clientState === null ? null : body.clientState;
  if (clientState !== null && (typeof clientState !== "string" || clientState.length > 128)) {
    return invalid(context, "clientState must be a string of at most 128 characters.");
  }
  const resource = typeof body.resource === "string" ? body.resource : "";
  const ref = /^\/?(?:me|users\/([^/]+))\/events$/i.exec(resource);
  if (ref === null)
    return invalid(context, `Subscriptions on '${resource}' are not supported here: use /users/{id}/events.`);
  const caller = request.caller;
  const userRef = ref[1] ?? (caller.kind === "user" ? caller.oid : undefined);
  if (userRef === undefined)
    return invalid(context, "/me request is only valid with delegated authentication flow.");
  const user = context.state.user(decodeURIComponent(userRef));
  if (user === undefined) {
    return errorResponse(404, "ErrorInvalidUser", `The requested user '${userRef}' is invalid.`, { now });
  }
  if (caller.kind === "user" && caller.oid !== user.id) {
    return errorResponse(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", {
      now,
    });
  }
  const registry = subscriptionsOf(context.state);
  const urls = [
    notificationUrl.url,
    ...(lifecycleUrl === undefined || lifecycleUrl.url === notificationUrl.url ? [] : [lifecycleUrl.url]),
  ];
  for (const url of urls) {
    if (!(await registry.validate(url))) {
      return errorResponse(
        400,
        "ValidationError",
        "Subscription validation request failed. Response must exactly match validationToken query parameter.",
        { now },
      );
    }
  }
  const subscription: SimSubscription = {
    id: randomUUID(),
    resource,
    userId: user.id,
    changeTypes: changeTypes as ChangeType[],
    notificationUrl: notificationUrl.url,
    lifecycleNotificationUrl: lifecycleUrl?.url ?? null,
    clientState,
    creator: caller.kind === "user" ? { kind: "user", id: caller.oid } : { kind: "app", id: caller.appId },
    expiresAt,
  };
  registry.add(subscription);
  return jsonResponse(201, subscriptionJson(subscription, context));
};

const renewSubscription: RouteHandler = (request, match, context) => {
  const now = context.now();
  const found = owned(request.caller, match.params[0]!, context);
  if ("status" in found) return found;
  const body = request.body;
  const expiresAt = expiryProblem(isObject(body) ? body.expirationDateTime : undefined, now);
  if (typeof expiresAt === "string") return invalid(context, expiresAt);
  found.expiresAt = expiresAt;
  return jsonResponse(200, subscriptionJson(found, context));
};

const deleteSubscription: RouteHandler = (request, match, context) => {
  const found = owned(request.caller, match.params[0]!, context);
  if ("status" in found) return found;
  subscriptionsOf(context.state).remove(found.id);
  return emptyResponse(204);
};

/** The subscription, if it is alive and the caller created it (the same user, or the same app). */
function owned(
  caller: Parameters<RouteHandler>[0]["caller"],
  id: string,
  context: RouteContext,
): SimSubscription | SimResponse {
  const now = context.now();
  const subscription = subscriptionsOf(context.state).get(id, now);
  if (subscription === undefined) {
    return errorResponse(404, "ResourceNotFound", `The object '${id}' was not found.`, { now });
  }
  const callerId = caller.kind === "user" ? caller.oid : caller.appId;
  if (subscription.creator.kind !== caller.kind || subscription.creator.id !== callerId) {
    return errorResponse(403, "Forbidden", "The subscription was created by another caller.", { now });
  }
  return subscription;
}

function subscriptionJson(subscription: SimSubscription, context: RouteContext): JsonObject {
  return {
    "@odata.context": `${context.baseUrl}/$metadata#subscriptions/$entity`,
    id: subscription.id,
    resource: subscription.resource,
    ...(subscription.creator.kind === "app" ? { applicationId: subscription.creator.id } : {}),
    changeType: subscription.changeTypes.join(","),
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    notificationQueryOptions: null,
    notificationContentType: null,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    expirationDateTime: graphDateTime(subscription.expiresAt),
    creatorId: subscription.creator.id,
    includeResourceData: null,
    latestSupportedTlsVersion: "v1_2",
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

function invalid(context: RouteContext, message: string): SimResponse {
  return errorResponse(400, "InvalidRequest", message, { now: context.now() });
}

/** The URL, or why Graph would refuse it. */
function notificationUrlOf(
  value: unknown,
  name: string,
): { readonly url: string; readonly problem: null } | { readonly url: null; readonly problem: string } {
  if (typeof value !== "string") return { url: null, problem: `${name} is required.` };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { url: null, problem: `Invalid ${name} '${value}'.` };
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && loopback))
    return { url: value, problem: null };
  return { url: null, problem: `The ${name} '${value}' must use https.` };
}

function expiryProblem(value: unknown, now: number): number | string {
  const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return "expirationDateTime must be a date and time.";
  if (at <= now) return "Subscription expiration must be in the future.";
  if (at > now + MAX_SUBSCRIPTION_MINUTES * 60_000) {
    return `Subscription expiration can only be ${MAX_SUBSCRIPTION_MINUTES} minutes in the future.`;
  }
  return at;
}

/** As Graph writes them: seven fraction digits, UTC. */
function graphDateTime(instant: number): string {
  return new Date(instant).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}
