/**
 * The tenant's reminder job ("reminders"): works out the reminders due now and sends each one that no
 * run, here or on another instance, has claimed before. The claim (a row keyed by tenant and dedupe
 * key) is taken before the call to Teams and kept: a reminder goes out at most once, even when two runs
 * overlap. A send Teams refuses for good (the app not installed for the person, a permission missing)
 * is recorded as undeliverable and not tried again; a send that may succeed later (throttled, Teams
 * unavailable) gives its claim back and the job backs off. An instance that dies between claim and
 * send loses that one reminder rather than risk sending it twice.
 */

import { isGraphFailure } from "../domain/graph-ports.ts";
import type { Instant } from "../domain/instant.ts";
import type { ActivityFeed } from "../graph/send-activity-notification.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import type { Store } from "../store/store.ts";
import type { Route } from "../ui/router/route.ts";
import {
  dueReminders,
  FIELD_DAY_NOTICE_MS,
  NOTE_MISSING_AFTER_MS,
  REMINDER_LIFETIME_MS,
} from "./due-reminders.ts";

export interface ReminderJobOptions {
  readonly store: Pick<Store, "people" | "reminders">;
  /** Graph to send activity notifications with (app-only, so that Teams names FieldCoach as the actor). */
  readonly activityFeedFor: (tenantId: string) => Promise<ActivityFeed | undefined>;
  /** The Teams link of a page (tabDeepLink with the deployment's app id). */
  readonly deepLink: (route: Route) => string;
  /** Names this instance in claims. */
  readonly owner: string;
  readonly clock: () => Instant;
  readonly intervalMs: number;
}

export interface ReminderRunReport {
  readonly sent: number;
  readonly undeliverable: number;
}

export function reminderJobHandler(options: ReminderJobOptions): JobHandler {
  return {
    intervalMs: options.intervalMs,
    async run({ tenantId }) {
      await sendDueReminders(options, tenantId);
      return undefined;
    },
  };
}

/** One run for one tenant. Throws (after giving the claim back) when Teams asks to try again later. */
export async function sendDueReminders(
  options: ReminderJobOptions,
  tenantId: string,
): Promise<ReminderRunReport> {
  const { store, clock } = options;
  const now = clock();
  const fieldDays = await store.reminders.fieldDays(tenantId, {
    start: now - REMINDER_LIFETIME_MS - NOTE_MISSING_AFTER_MS,
    end: now + FIELD_DAY_NOTICE_MS,
  });
  const [people, notes, preferences] = await Promise.all([
    store.people.list(tenantId),
    store.reminders.noteMilestones(tenantId, {
      since: now - REMINDER_LIFETIME_MS,
      meetings: [...new Set(fieldDays.map((day) => day.iCalUId))],
    }),
    store.reminders.optOuts(tenantId),
  ]);
  const due = dueReminders({ now, people, fieldDays, notes, preferences });
  if (due.length === 0) return { sent: 0, undeliverable: 0 };
  const feed = await options.activityFeedFor(tenantId);
  if (feed === undefined) throw new Error("no Graph access to send activity notifications with is at hand");

  let sent = 0;
  let undeliverable = 0;
  for (const reminder of due) {
    const claim = {
      dedupeKey: reminder.dedupeKey,
      activityType: reminder.type,
      recipientEmail: reminder.recipient.email,
    };
    if (!(await store.reminders.claim(tenantId, claim, options.owner, clock()))) continue;
    try {
      await feed.send({
        recipientId: reminder.recipient.objectId,
        activityType: reminder.type,
        topic: { source: "text", value: reminder.topic, webUrl: options.deepLink(reminder.route) },
        previewText: reminder.previewText,
        templateParameters: reminder.templateParameters,
      });
    } catch (error) {
      if (isGraphFailure(error) && error.kind !== "retry-later") {
        await store.reminders.finish(
          tenantId,
          reminder.dedupeKey,
          { status: "undeliverable", failureCode: `${error.status} ${error.code}` },
          clock(),
        );
        undeliverable += 1;
        continue;
      }
      await store.reminders.release(tenantId, reminder.dedupeKey, options.owner);
      throw error;
    }
    await store.reminders.finish(
      tenantId,
      reminder.dedupeKey,
      { status: "sent", failureCode: null },
      clock(),
    );
    sent += 1;
  }
  return { sent, undeliverable };
}
