/**
 * The public endpoints Microsoft Graph posts to: change notifications and lifecycle notifications
 * (both handled by handleNotification), with the runs they ask for queued in the job table. No sign-in:
 * the clientState of each subscription is what authenticates a notification. Graph wants an answer
 * within a few seconds, so nothing here waits for a sync.
 */

import type { FastifyInstance } from "fastify";
import type { Instant } from "../domain/instant.ts";
import type { Store } from "../store/store.ts";
import { handleNotification } from "./handle-notification.ts";

export const NOTIFICATION_PATH = "/graph/notifications";
export const LIFECYCLE_PATH = "/graph/lifecycle";

export interface NotificationRoutesOptions {
  readonly store: Pick<Store, "subscriptions" | "jobQueue">;
  readonly clock: () => Instant;
}

/** Where Graph should post, for a public base URL without a trailing slash. */
export function notificationUrlsOf(publicBaseUrl: string): {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
} {
  return {
    notificationUrl: `${publicBaseUrl}${NOTIFICATION_PATH}`,
    lifecycleNotificationUrl: `${publicBaseUrl}${LIFECYCLE_PATH}`,
  };
}

export function notificationRoutes(options: NotificationRoutesOptions): (app: FastifyInstance) => void {
  const { store, clock } = options;
  return (app) => {
    for (const path of [NOTIFICATION_PATH, LIFECYCLE_PATH]) {
      app.post(path, async (request, reply) => {
        const query =
          typeof request.query === "object" && request.query !== null
            ? (request.query as Record<string, unknown>)
            : {};
        const result = await handleNotification({ body: request.body, query }, store.subscriptions);
        const now = clock();
        for (const job of result.jobsToQueue) await store.jobQueue.request(job.tenantId, job.jobKey, now);
        if (result.jobsToQueue.length > 0) {
          request.log.info(
            { jobs: result.jobsToQueue.map((job) => job.jobKey) },
            "Graph notification queued runs",
          );
        }
        reply.code(result.status);
        if (result.contentType === undefined) return reply.send();
        return reply.type(result.contentType).send(result.body);
      });
    }
  };
}
