/**
 * Teams activity-feed notifications: `POST /users/{id}/teamwork/sendActivityNotification`. Teams shows
 * the activity type's template (declared in the app manifest, with `{actor}` filled in by Teams and
 * every other parameter from the call), the preview text, and a topic that opens FieldCoach: a text
 * topic with a Teams deep link (which must be on teams.microsoft.com), or a Graph entity URL. Teams
 * refuses the call when FieldCoach is not installed for the recipient.
 */

import { ACTIVITY_TYPES, type ActivityType } from "../../manifest/app-definition.ts";
import type { GraphClient } from "./client.ts";
import type { GraphPermission } from "./permissions.ts";

/** Delegated: the signed-in person is the actor. App-only: the app is (TeamsActivity.Send.User is consent per user, not a token role). */
export const SEND_ACTIVITY: GraphPermission = {
  delegated: ["TeamsActivity.Send"],
  application: ["TeamsActivity.Send"],
};

/** Teams shows this much of the preview text. */
export const PREVIEW_TEXT_LIMIT = 150;

export type ActivityTopic =
  /** Opens `webUrl`, a Teams deep link; `value` is the text shown as the topic. */
  | { readonly source: "text"; readonly value: string; readonly webUrl: string }
  /** A Graph resource URL, such as the app's installation for the user. */
  | { readonly source: "entityUrl"; readonly value: string };

export interface ActivityNotification {
  /** The recipient's user id. */
  readonly recipientId: string;
  readonly activityType: string;
  readonly topic: ActivityTopic;
  readonly previewText: string;
  /** Every parameter of the activity type's template other than `{actor}`. */
  readonly templateParameters: Readonly<Record<string, string>>;
}

export interface ActivityFeed {
  send(notification: ActivityNotification): Promise<void>;
}

export interface ActivityFeedOptions {
  /** The activity types the app manifest declares; FieldCoach's own by default. */
  readonly activityTypes?: readonly ActivityType[];
  /** The Teams app id, telling apart apps that share one Entra app for the same recipient. */
  readonly teamsAppId?: string;
}

/**
 * The request body for a notification. Throws RangeError for one Teams would refuse: an activity type
 * the manifest does not declare, template parameters missing or unknown, a text topic whose link is not
 * a Teams link.
 */
export function activityNotificationBody(
  notification: ActivityNotification,
  options: ActivityFeedOptions = {},
): Record<string, unknown> {
  const types = options.activityTypes ?? ACTIVITY_TYPES;
  const declared = types.find((type) => type.type === notification.activityType);
  if (declared === undefined) {
    throw new RangeError(`the app manifest declares no activity type "${notification.activityType}"`);
  }
  const given = Object.keys(notification.templateParameters).sort();
  const wanted = [...declared.parameters].sort();
  if (given.join("\n") !== wanted.join("\n")) {
    throw new RangeError(
      `activity type "${declared.type}" takes the template parameters [${wanted.join(", ")}], not [${given.join(", ")}]`,
    );
  }
  if (notification.topic.source === "text" && !isTeamsLink(notification.topic.webUrl)) {
    throw new RangeError(
      `a text topic must link into Teams (https://teams.microsoft.com/…), not ${notification.topic.webUrl}`,
    );
  }
  return {
    topic: notification.topic,
    activityType: declared.type,
    previewText: { content: notification.previewText },
    ...(options.teamsAppId === undefined ? {} : { teamsAppId: options.teamsAppId }),
    templateParameters: wanted.map((name) => ({ name, value: notification.templateParameters[name]! })),
  };
}

export function createActivityFeed(client: GraphClient, options: ActivityFeedOptions = {}): ActivityFeed {
  return {
    async send(notification) {
      await client.send({
        method: "POST",
        url: `/users/${encodeURIComponent(notification.recipientId)}/teamwork/sendActivityNotification`,
        permission: SEND_ACTIVITY,
        body: activityNotificationBody(notification, options),
      });
    },
  };
}

function isTeamsLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname === "teams.microsoft.com";
  } catch {
    return false;
  }
}
