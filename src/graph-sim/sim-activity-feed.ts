/**
 * Teams activity-feed notifications in the simulator: `POST /users/{id}/teamwork/sendActivityNotification`
 * checks the call as Teams does (an activity type the app manifest declares, its template parameters, a
 * topic with a Teams link) and records what was sent for tests (`activityFeedOf(state).sent`). Teams
 * refuses a notification to someone who has not installed the app: `uninstall(userId)` makes the
 * simulator answer those with the 403 Forbidden Teams gives, until `install(userId)`.
 */

import { ACTIVITY_TYPES, type ActivityType } from "../../manifest/app-definition.ts";
import { emptyResponse, errorResponse, isObject, type JsonObject } from "./sim-http.ts";
import type { RouteHandler } from "./sim-route.ts";
import type { SimState } from "./sim-state.ts";

export interface SentActivity {
  readonly recipientId: string;
  /** "user:{oid}" for a delegated call, "app:{appId}" for an app-only one. */
  readonly sender: string;
  readonly activityType: string;
  readonly topic: JsonObject;
  readonly previewText: string;
  readonly templateParameters: Readonly<Record<string, string>>;
  readonly at: number;
}

export class SimActivityFeed {
  readonly sent: SentActivity[] = [];
  readonly #notInstalled = new Set<string>();
  activityTypes: readonly ActivityType[] = ACTIVITY_TYPES;

  /** FieldCoach is not installed for this user: notifications to them are refused. */
  uninstall(userId: string): void {
    this.#notInstalled.add(userId);
  }

  install(userId: string): void {
    this.#notInstalled.delete(userId);
  }

  isInstalledFor(userId: string): boolean {
    return !this.#notInstalled.has(userId);
  }
}

const feeds = new WeakMap<SimState, SimActivityFeed>();

export function activityFeedOf(state: SimState): SimActivityFeed {
  let feed = feeds.get(state);
  if (feed === undefined) {
    feed = new SimActivityFeed();
    feeds.set(state, feed);
  }
  return feed;
}

export const sendActivityNotification: RouteHandler = (request, match, context) => {
  const now = context.now();
  const recipient = match.user!;
  const feed = activityFeedOf(context.state);
  const bad = (message: string) => errorResponse(400, "BadRequest", message, { now });
  const body = request.body;
  if (!isObject(body)) return bad("The request body must be an activity notification.");
  const declared = feed.activityTypes.find((type) => type.type === body.activityType);
  if (declared === undefined) {
    return bad(`Activity type '${String(body.activityType)}' is not declared in the app manifest.`);
  }
  const topic = body.topic;
  if (!isObject(topic) || typeof topic.value !== "string" || topic.value === "")
    return bad("A topic with a value is required.");
  if (topic.source === "text") {
    if (typeof topic.webUrl !== "string" || !topic.webUrl.startsWith("https://teams.microsoft.com/")) {
      return bad("A text topic needs a webUrl on the Microsoft Teams domain.");
    }
  } else if (topic.source !== "entityUrl") {
    return bad("The topic source must be entityUrl or text.");
  }
  const preview =
    isObject(body.previewText) && typeof body.previewText.content === "string"
      ? body.previewText.content
      : undefined;
  if (preview === undefined) return bad("previewText.content is required.");
  const parameters: Record<string, string> = {};
  for (const item of Array.isArray(body.templateParameters) ? body.templateParameters : []) {
    if (!isObject(item) || typeof item.name !== "string" || typeof item.value !== "string") {
      return bad("Every template parameter needs a name and a value.");
    }
    parameters[item.name] = item.value;
  }
  const missing = declared.parameters.filter((name) => !(name in parameters));
  if (missing.length > 0)
    return bad(`Template parameters missing for '${declared.type}': ${missing.join(", ")}.`);
  if (!feed.isInstalledFor(recipient.id)) {
    return errorResponse(
      403,
      "Forbidden",
      `The application is not authorized to generate custom text notifications about '${request.path}' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
      { now },
    );
  }
  const caller = request.caller;
  feed.sent.push({
    recipientId: recipient.id,
    sender: caller.kind === "user" ? `user:${caller.oid}` : `app:${caller.appId}`,
    activityType: declared.type,
    topic,
    previewText: preview,
    templateParameters: parameters,
    at: now,
  });
  return emptyResponse(204);
};
