/**
 * Which jobs exist: per tenant a planning job, the reminders and the retention; per manager (anyone
 * with someone reporting to them in the stored directory) a calendar sync and, where change
 * notifications are on, a subscription. The planning job adds the jobs of new managers and deletes
 * the calendar jobs of people who no longer manage anyone; a subscription job cleans up after itself
 * (it must delete the subscription at Graph first). Adding is an upsert that leaves an existing job's schedule alone, so
 * restarts and concurrent planners never duplicate or reschedule a job.
 */

import type { Instant } from "../domain/instant.ts";
import type { Store } from "../store/store.ts";
import { calendarJobKey, JOB_KINDS, subscriptionJobKey } from "./job-keys.ts";
import type { JobHandler } from "./job-runner.ts";

export interface PlanJobsOptions {
  readonly store: Pick<Store, "tenants" | "people" | "jobQueue">;
  readonly clock: () => Instant;
  /** How often the directory is looked at again for new and departed managers. */
  readonly intervalMs: number;
  /** Keep a change-notification subscription per manager (needs a public https address). */
  readonly subscriptions: boolean;
}

/** Makes sure every tenant has its planning, reminder and retention jobs: run once at start-up. */
export async function scheduleTenantJobs(
  store: Pick<Store, "tenants" | "jobQueue">,
  now: Instant,
): Promise<number> {
  const tenants = await store.tenants.listAll();
  for (const tenant of tenants) await ensureTenantJobs(store, tenant.tenantId, now);
  return tenants.length;
}

/** A tenant's planning, reminder and retention jobs, for a tenant seen for the first time. */
export async function ensureTenantJobs(
  store: Pick<Store, "jobQueue">,
  tenantId: string,
  now: Instant,
): Promise<void> {
  await store.jobQueue.ensure(tenantId, JOB_KINDS.plan, now);
  await store.jobQueue.ensure(tenantId, JOB_KINDS.reminders, now);
  await store.jobQueue.ensure(tenantId, JOB_KINDS.retention, now);
}

/** The planning job's handler. */
export function planJobsHandler(options: PlanJobsOptions): JobHandler {
  const { store, clock } = options;
  return {
    intervalMs: options.intervalMs,
    async run({ tenantId }) {
      const people = await store.people.list(tenantId);
      const managers = new Set(
        people.flatMap((person) => (person.managerEmail === null ? [] : [person.managerEmail])),
      );
      const wanted = new Set<string>();
      for (const manager of [...managers].sort()) {
        wanted.add(calendarJobKey(manager));
        if (options.subscriptions) wanted.add(subscriptionJobKey(manager));
      }
      const now = clock();
      for (const key of [...wanted].sort()) await store.jobQueue.ensure(tenantId, key, now);
      // Without change notifications nobody would delete leftover subscription jobs: they expire at Graph.
      const prefixes = [
        `${JOB_KINDS.calendar}:`,
        ...(options.subscriptions ? [] : [`${JOB_KINDS.subscription}:`]),
      ];
      for (const prefix of prefixes) {
        for (const job of await store.jobQueue.list(tenantId, prefix)) {
          if (!wanted.has(job.jobKey)) await store.jobQueue.removeIdle(tenantId, job.jobKey, now);
        }
      }
      return undefined;
    },
  };
}
