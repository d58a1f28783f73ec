/**
 * Change notifications on a mailbox's events: a Graph subscription to `/users/{id}/events` for
 * created, updated and deleted events, without resource data (the notification only says "look
 * again"; the delta query reads what changed). Graph checks the notification URL with a validation
 * request before it answers the create, and the subscription lapses at its expiration unless renewed:
 * Outlook resources allow at most 10,080 minutes (under 7 days) without resource data.
 */

import { isGraphFailure } from "../domain/graph-ports.ts";
import type { Instant } from "../domain/instant.ts";
import type { GraphClient } from "./client.ts";
import { malformedAnswer } from "./map-error.ts";
import type { GraphPermission } from "./permissions.ts";

/** The longest a subscription to Outlook events without resource data may live, in minutes. */
export const EVENT_SUBSCRIPTION_MAX_MINUTES = 10_080;

/** FieldCoach's clock and Graph's differ a little: ask for an hour less than the most allowed. */
const EXPIRY_MARGIN_MS = 60 * 60_000;

/** Graph's limit on a clientState. */
export const MAX_CLIENT_STATE_LENGTH = 128;

/** Creating and managing subscriptions needs read access to the resource: events need Calendars.Read. */
export const SUBSCRIBE_TO_EVENTS: GraphPermission = {
  delegated: ["Calendars.Read", "Calendars.ReadWrite"],
  application: ["Calendars.Read", "Calendars.ReadWrite"],
};

export const EVENT_CHANGE_TYPES = "created,updated,deleted";

export interface NewEventSubscription {
  /** The user whose events are watched. */
  readonly mailboxId: string;
  /** Where Graph posts change notifications (and its validation request). */
  readonly notificationUrl: string;
  /** Where Graph posts lifecycle notifications: reauthorizationRequired, subscriptionRemoved, missed. */
  readonly lifecycleNotificationUrl: string;
  /** A secret of this subscription that every notification carries back, at most 128 characters. */
  readonly clientState: string;
  readonly expiresAt: Instant;
}

export interface EventSubscription {
  readonly id: string;
  readonly resource: string;
  readonly expiresAt: Instant;
}

export interface EventSubscriptions {
  create(subscription: NewEventSubscription): Promise<EventSubscription>;
  /** Moves the expiration; fails with a not-found GraphError when Graph removed the subscription. */
  renew(subscriptionId: string, expiresAt: Instant): Promise<EventSubscription>;
  /** Deletes the subscription; one Graph no longer has counts as deleted. */
  remove(subscriptionId: string): Promise<void>;
}

/** The latest expiration Graph accepts for an events subscription created or renewed at `now`. */
export function eventSubscriptionExpiry(now: Instant): Instant {
  return now + EVENT_SUBSCRIPTION_MAX_MINUTES * 60_000 - EXPIRY_MARGIN_MS;
}

/** The `POST /subscriptions` body. Throws RangeError for a subscription that cannot be asked for. */
export function eventSubscriptionBody(subscription: NewEventSubscription): Record<string, unknown> {
  for (const [name, url] of [
    ["notificationUrl", subscription.notificationUrl],
    ["lifecycleNotificationUrl", subscription.lifecycleNotificationUrl],
  ] as const) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RangeError(`the ${name} must be an absolute URL, not "${url}"`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
      throw new RangeError(`the ${name} must be https, not ${parsed.protocol}`);
    }
  }
  if (subscription.clientState === "" || subscription.clientState.length > MAX_CLIENT_STATE_LENGTH) {
    throw new RangeError(`a clientState must have 1 to ${MAX_CLIENT_STATE_LENGTH} characters`);
  }
  return {
    changeType: EVENT_CHANGE_TYPES,
    notificationUrl: subscription.notificationUrl,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    resource: `/users/${subscription.mailboxId}/events`,
    expirationDateTime: new Date(subscription.expiresAt).toISOString(),
    clientState: subscription.clientState,
    latestSupportedTlsVersion: "v1_2",
  };
}

/** The `PATCH /subscriptions/{id}` body that renews a subscription. */
export function subscriptionRenewalBody(expiresAt: Instant): Record<string, unknown> {
  return { expirationDateTime: new Date(expiresAt).toISOString() };
}

export function createEventSubscriptions(client: GraphClient): EventSubscriptions {
  return {
    async create(subscription) {
      const result = await client.send({
        method: "POST",
        url: "/subscriptions",
        permission: SUBSCRIBE_TO_EVENTS,
        body: eventSubscriptionBody(subscription),
      });
      return subscriptionOf(result.body, "the created subscription");
    },
    async renew(subscriptionId, expiresAt) {
      const result = await client.send({
        method: "PATCH",
        url: `/subscriptions/${encodeURIComponent(subscriptionId)}`,
        permission: SUBSCRIBE_TO_EVENTS,
        body: subscriptionRenewalBody(expiresAt),
        idempotent: true,
      });
      return subscriptionOf(result.body, "the renewed subscription");
    },
    async remove(subscriptionId) {
      try {
        await client.send({
          method: "DELETE",
          url: `/subscriptions/${encodeURIComponent(subscriptionId)}`,
          permission: SUBSCRIBE_TO_EVENTS,
          idempotent: true,
        });
      } catch (error) {
        if (isGraphFailure(error) && error.kind === "not-found") return;
        throw error;
      }
    },
  };
}

const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

/** A subscription as Graph answers it: `expirationDateTime` with up to seven fraction digits and an offset. */
export function subscriptionOf(body: unknown, what: string): EventSubscription {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const { id, resource, expirationDateTime } = record;
  if (typeof id !== "string" || id === "") throw malformedAnswer("it has no id", what);
  if (typeof resource !== "string") throw malformedAnswer("it has no resource", what);
  if (typeof expirationDateTime !== "string" || !DATE_TIME_OFFSET.test(expirationDateTime)) {
    throw malformedAnswer("its expirationDateTime is not a date-time with an offset", what);
  }
  return { id, resource, expiresAt: Date.parse(expirationDateTime) };
}
