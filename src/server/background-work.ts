/**
 * The server's background work: the job runner of src/jobs/ with a handler for each kind of job, wired
 * to the server's store, Graph access and sync. Per tenant the planning job (which keeps a job per
 * manager), the activity-feed reminders and the retention of coaching records; per manager the
 * calendar's delta sync and, where Graph can reach the server (an https address), the
 * change-notification subscription. Every instance runs one runner; the leases in the store give each
 * job to one instance at a time.
 */

import { randomUUID } from "node:crypto";
import { TEAMS_TABS } from "../../manifest/app-definition.ts";
import type { Instant } from "../domain/instant.ts";
import type { GraphClient } from "../graph/client.ts";
import { createActivityFeed } from "../graph/send-activity-notification.ts";
import { calendarSyncJobHandler } from "../jobs/calendar-sync-job.ts";
import { JOB_KINDS } from "../jobs/job-keys.ts";
import { createJobRunner, type JobLog } from "../jobs/job-runner.ts";
import { planJobsHandler, scheduleTenantJobs } from "../jobs/plan-jobs.ts";
import { retentionJobHandler } from "../jobs/retention-job.ts";
import { notificationUrlsOf } from "../notifications/notification-routes.ts";
import { subscriptionJobHandler } from "../notifications/subscription-job.ts";
import { reminderJobHandler } from "../reminders/reminder-job.ts";
import { tabDeepLink } from "../reminders/teams-deep-link.ts";
import type { Store } from "../store/store.ts";
import type { GraphAccess } from "./graph-access.ts";
import { DEFAULT_SYNC_TIMINGS, type SyncCoordinator } from "./sync/sync-coordinator.ts";
import { readTenantSettings } from "./tenant-settings.ts";

export interface BackgroundWorkOptions {
  readonly store: Store;
  /** Graph as a person: the manager's own access syncs and subscribes to their calendar. */
  readonly graph: GraphAccess;
  readonly sync: SyncCoordinator;
  /** Graph as FieldCoach itself in a tenant (app-only), which sends reminders; undefined where it has none. */
  readonly appGraph: (tenantId: string) => GraphClient | undefined;
  /** The app package's Teams app id: reminders link into its personal tab. */
  readonly teamsAppId: string;
  /** Where Graph posts change notifications, without a trailing slash. */
  readonly publicBaseUrl: string;
  readonly clock: () => Instant;
  readonly log: JobLog;
  /** How long a job's lease holds without a heartbeat: how long a lost instance's jobs wait (5 min). */
  readonly leaseMs?: number;
  /** How often the started runner looks for due jobs (5 s). */
  readonly pollMs?: number;
}

export interface BackgroundWork {
  /** Names this instance in the job leases it holds. */
  readonly owner: string;
  /** Makes sure every known tenant has its jobs, then looks for due jobs every few seconds. */
  start(): Promise<void>;
  /** Runs due jobs until none is left; resolves with how many ran. */
  runDue(): Promise<number>;
  /** Claims nothing more, lets running jobs finish and releases their leases. */
  stop(): Promise<void>;
}

/** A lease outlives a slow sync round many times over; a lost instance's jobs wait this long at most. */
const LEASE_MS = 5 * 60_000;
/** New managers get their jobs within this long of the directory naming them. */
const PLAN_INTERVAL_MS = 15 * 60_000;
/** A reminder goes out at most this long after it falls due. */
const REMINDER_INTERVAL_MS = 15 * 60_000;
/** A manager whose subscription could not be made (no recent sign-in) is tried again this often. */
const SUBSCRIPTION_RETRY_MS = 6 * 3_600_000;
/** Records go within a day of their retention running out (and at once when an admin sets one). */
const RETENTION_INTERVAL_MS = 24 * 3_600_000;

export function createBackgroundWork(options: BackgroundWorkOptions): BackgroundWork {
  const { store, graph, sync, clock } = options;
  const owner = `fieldcoach-${randomUUID()}`;
  // Graph validates the notification URL from the internet: a plain-http address cannot be subscribed.
  const subscriptions = options.publicBaseUrl.startsWith("https:");
  const tab = { appId: options.teamsAppId, entityId: TEAMS_TABS.personal.entityId };

  /**
   * FieldCoach's own calendar access, where an administrator opted in to it (the reps' calendars
   * setting, with Calendars.Read granted): it syncs a manager whose last token went to another instance
   * or has run out, which delegated access alone cannot do between their visits.
   */
  const applicationAccess = async (tenantId: string) => {
    const tenant = await store.tenants.get(tenantId);
    return readTenantSettings(tenant?.settings).readRepCalendars ? graph.asApplication(tenantId) : undefined;
  };

  const runner = createJobRunner({
    store,
    owner,
    leaseMs: options.leaseMs ?? LEASE_MS,
    pollMs: options.pollMs,
    clock,
    log: options.log,
    handlers: {
      [JOB_KINDS.plan]: planJobsHandler({ store, clock, intervalMs: PLAN_INTERVAL_MS, subscriptions }),
      [JOB_KINDS.calendar]: calendarSyncJobHandler({
        store,
        intervalMs: DEFAULT_SYNC_TIMINGS.intervalMs,
        async sync(tenantId, manager) {
          const asManager =
            (await graph.asPerson(tenantId, manager.objectId)) ?? (await applicationAccess(tenantId));
          if (asManager === undefined) throw new Error(`no valid token of ${manager.email} is at hand`);
          const outcome = await sync.syncCalendar(tenantId, manager, asManager);
          if (outcome.outcome === "failed") throw outcome.failure;
        },
      }),
      [JOB_KINDS.subscription]: subscriptionJobHandler({
        store,
        subscriptionsFor: async (tenantId, manager) =>
          (await graph.asPerson(tenantId, manager.objectId))?.subscriptions,
        ...notificationUrlsOf(options.publicBaseUrl),
        clock,
        retryMs: SUBSCRIPTION_RETRY_MS,
      }),
      [JOB_KINDS.reminders]: reminderJobHandler({
        store,
        activityFeedFor: async (tenantId) => {
          const client = options.appGraph(tenantId);
          return client === undefined ? undefined : createActivityFeed(client, { teamsAppId: tab.appId });
        },
        deepLink: (route) => tabDeepLink(tab, route),
        owner,
        clock,
        intervalMs: REMINDER_INTERVAL_MS,
      }),
      [JOB_KINDS.retention]: retentionJobHandler({
        store,
        retentionMonths: async (tenantId) =>
          readTenantSettings((await store.tenants.get(tenantId))?.settings).retentionMonths,
        clock,
        intervalMs: RETENTION_INTERVAL_MS,
      }),
    },
  });

  return {
    owner,
    async start() {
      await scheduleTenantJobs(store, clock());
      runner.start();
    },
    runDue: () => runner.runDue(),
    stop: () => runner.stop(),
  };
}
