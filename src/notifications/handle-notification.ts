/**
 * What FieldCoach does with a POST from Microsoft Graph to its notification endpoint, independent of
 * the HTTP framework:
 * - a validation request (`?validationToken=…`, when a subscription is created) is answered with the
 *   token as text/plain;
 * - change notifications ask for a delta sync of the manager's calendar (the notification carries no
 *   event data, and the delta query is what reads changes reliably);
 * - lifecycle notifications: `reauthorizationRequired` renews the subscription, `subscriptionRemoved`
 *   makes a new one and syncs (changes may have been lost meanwhile), `missed` syncs.
 * Every item must carry its subscription's clientState: a request with any item that does not is
 * refused whole and queues nothing. Items of subscriptions FieldCoach no longer keeps are ignored
 * (an old subscription's last notifications), since they can ask for nothing. The endpoint answers
 * 202 at once: the work is done by the job runner.
 */

import { calendarJobKey, subscriptionJobKey } from "../jobs/job-keys.ts";
import { clientStateMatches } from "./client-state.ts";

export interface NotificationRequest {
  readonly body: unknown;
  /** The query string's parameters, decoded. */
  readonly query: Readonly<Record<string, unknown>>;
}

export interface JobToQueue {
  readonly tenantId: string;
  readonly jobKey: string;
}

export interface NotificationResult {
  readonly status: 200 | 202 | 400 | 403;
  /** The body to send, and its type; none for 202. */
  readonly contentType: "text/plain; charset=utf-8" | "application/json; charset=utf-8" | undefined;
  readonly body: string | undefined;
  readonly jobsToQueue: readonly JobToQueue[];
}

/** The stored subscription a notification names; its clientState is kept hashed. */
export interface SubscriptionLookup {
  byId(
    tenantId: string,
    subscriptionId: string,
  ): Promise<{ readonly managerEmail: string; readonly clientStateHash: string } | undefined>;
}

/** Graph's validation tokens are short; anything far longer is not one. */
const MAX_VALIDATION_TOKEN_LENGTH = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Item {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly clientState: unknown;
  readonly lifecycleEvent: string | undefined;
}

export async function handleNotification(
  request: NotificationRequest,
  subscriptions: SubscriptionLookup,
): Promise<NotificationResult> {
  const token = request.query.validationToken;
  if (token !== undefined) {
    if (typeof token !== "string" || token === "" || token.length > MAX_VALIDATION_TOKEN_LENGTH) {
      return refuse(400, "bad_request", "The validationToken is not one Microsoft Graph sends.", [
        { path: "validationToken", message: `must be 1 to ${MAX_VALIDATION_TOKEN_LENGTH} characters` },
      ]);
    }
    return { status: 200, contentType: "text/plain; charset=utf-8", body: token, jobsToQueue: [] };
  }

  const items = itemsOf(request.body);
  if (!Array.isArray(items))
    return refuse(400, "bad_request", "The body is not a Graph notification collection.", [items]);

  const jobs = new Map<string, JobToQueue>();
  const queue = (tenantId: string, jobKey: string) => jobs.set(`${tenantId}|${jobKey}`, { tenantId, jobKey });
  for (const item of items) {
    const stored = await subscriptions.byId(item.tenantId, item.subscriptionId);
    if (stored === undefined) continue;
    if (!clientStateMatches(item.clientState, stored.clientStateHash)) {
      return refuse(403, "forbidden", "A notification's clientState does not match its subscription.");
    }
    const manager = stored.managerEmail;
    switch (item.lifecycleEvent) {
      case undefined:
      case "missed":
        queue(item.tenantId, calendarJobKey(manager));
        break;
      case "reauthorizationRequired":
        queue(item.tenantId, subscriptionJobKey(manager));
        break;
      case "subscriptionRemoved":
        queue(item.tenantId, subscriptionJobKey(manager));
        queue(item.tenantId, calendarJobKey(manager));
        break;
      default:
        // A lifecycle event added after this was written: the periodic jobs cover whatever it means.
        break;
    }
  }
  return { status: 202, contentType: undefined, body: undefined, jobsToQueue: [...jobs.values()] };
}

interface Issue {
  readonly path: string;
  readonly message: string;
}

/** The notifications of a changeNotificationCollection, or what is wrong with the body. */
function itemsOf(body: unknown): Item[] | Issue {
  const value = isRecord(body) ? body.value : undefined;
  if (!Array.isArray(value) || value.length === 0)
    return { path: "$.value", message: "must be a non-empty array" };
  const items: Item[] = [];
  for (const [index, entry] of value.entries()) {
    const at = `$.value[${index}]`;
    if (!isRecord(entry)) return { path: at, message: "must be an object" };
    if (typeof entry.subscriptionId !== "string" || entry.subscriptionId === "") {
      return { path: `${at}.subscriptionId`, message: "must be a non-empty string" };
    }
    // PostgreSQL cannot look up text holding NUL, and Graph's subscription ids never do.
    if (entry.subscriptionId.includes("\u0000") || !entry.subscriptionId.isWellFormed()) {
      return {
        path: `${at}.subscriptionId`,
        message: "must be text without NUL characters or lone surrogates",
      };
    }
    if (typeof entry.tenantId !== "string" || !UUID.test(entry.tenantId)) {
      return { path: `${at}.tenantId`, message: "must be a tenant id" };
    }
    const lifecycleEvent = entry.lifecycleEvent;
    if (lifecycleEvent !== undefined && typeof lifecycleEvent !== "string") {
      return { path: `${at}.lifecycleEvent`, message: "must be a string" };
    }
    if (lifecycleEvent === undefined && typeof entry.changeType !== "string") {
      return { path: `${at}.changeType`, message: "must be a string when there is no lifecycleEvent" };
    }
    items.push({
      subscriptionId: entry.subscriptionId,
      tenantId: entry.tenantId.toLowerCase(),
      clientState: entry.clientState,
      lifecycleEvent,
    });
  }
  return items;
}

function refuse(
  status: 400 | 403,
  code: "bad_request" | "forbidden",
  message: string,
  issues: readonly Issue[] = [],
): NotificationResult {
  return {
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(code === "bad_request" ? { code, message, issues } : { code, message }),
    jobsToQueue: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
