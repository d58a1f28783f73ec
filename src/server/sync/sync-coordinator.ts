/**
 * When sync runs: on demand, when a page needs a manager's calendar or the directory and what is kept
 * is older than a few minutes, and in the background on an interval, for every manager a token is at
 * hand for. In one process, concurrent requests for the same sync share one round; across processes the
 * background rounds are spread by job leases in the store, and sync-manager-calendar's conditional
 * delta-link update keeps two overlapping rounds from losing or duplicating anything.
 */

import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Instant } from "../../domain/instant.ts";
import { retentionCutoff } from "../../domain/retention-cutoff.ts";
import type { GraphPorts } from "../../graph/graph-ports.ts";
import type { PersonRecord } from "../../store/repositories/people.ts";
import type { SyncStateRecord } from "../../store/repositories/sync-state.ts";
import type { Store } from "../../store/store.ts";
import type { GraphAccess } from "../graph-access.ts";
import { readTenantSettings } from "../tenant-settings.ts";
import { reclassifyBigDeals } from "./reclassify-big-deals.ts";
import { type DirectorySyncResult, syncDirectory } from "./sync-directory.ts";
import { type CalendarSyncOutcome, syncManagerCalendar } from "./sync-manager-calendar.ts";
import { calendarSyncKey } from "./sync-window.ts";
import { tenantOrgOf } from "./tenant-org.ts";

export interface SyncTimings {
  /** A calendar kept longer than this is synced before a page reads it. */
  readonly calendarMaxAgeMs: number;
  /** The directory is read again when older than this. */
  readonly directoryMaxAgeMs: number;
  /** How often the background round runs. */
  readonly intervalMs: number;
}

export const DEFAULT_SYNC_TIMINGS: SyncTimings = {
  calendarMaxAgeMs: 5 * 60_000,
  directoryMaxAgeMs: 60 * 60_000,
  intervalMs: 15 * 60_000,
};

export interface SyncCoordinator {
  /** Reads the directory as `objectId` (via `graph`) unless it is fresh and holds that person. */
  ensureDirectory(
    tenantId: string,
    objectId: string,
    graph: GraphPorts,
  ): Promise<DirectorySyncResult | undefined>;
  /**
   * Syncs the manager's calendar when what is kept is too old; `graph` reads as the manager. `checked`
   * is the sync state the decision was made on, which stands when no round ran (`outcome` undefined).
   */
  ensureCalendar(
    tenantId: string,
    manager: PersonRecord,
    graph: GraphPorts | undefined,
  ): Promise<{
    readonly checked: SyncStateRecord | undefined;
    readonly outcome: CalendarSyncOutcome | undefined;
  }>;
  /** Syncs the manager's calendar now, whatever its age. */
  syncCalendar(tenantId: string, manager: PersonRecord, graph: GraphPorts): Promise<CalendarSyncOutcome>;
  /** One background round over every tenant: what the interval timer runs. */
  backgroundRound(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

const LEASE_MS = 5 * 60_000;

export function createSyncCoordinator(options: {
  readonly store: Store;
  readonly graph: GraphAccess;
  readonly now: () => Instant;
  readonly log: FastifyBaseLogger;
  readonly timings?: SyncTimings;
}): SyncCoordinator {
  const { store, now, log } = options;
  const timings = options.timings ?? DEFAULT_SYNC_TIMINGS;
  const owner = `fieldcoach-${randomUUID()}`;
  const inFlight = new Map<string, Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const once = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running !== undefined) return running as Promise<T>;
    const started = work().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  const syncCalendar = (tenantId: string, manager: PersonRecord, graph: GraphPorts) =>
    once(`${tenantId}|${calendarSyncKey(manager.email)}`, async () => {
      const [people, tenant] = await Promise.all([store.people.list(tenantId), store.tenants.get(tenantId)]);
      const settings = readTenantSettings(tenant?.settings);
      const started = now();
      const outcome = await syncManagerCalendar({
        tenantId,
        manager,
        org: tenantOrgOf(people, settings),
        calendars: graph.calendars,
        store,
        now: started,
        ...(settings.retentionMonths === null
          ? {}
          : { keepFrom: retentionCutoff(started, settings.retentionMonths) }),
      });
      // An administrator who changed the accounts or the threshold while Graph was read had the stored
      // calls decided again before this round wrote its own, classified under the settings before.
      if (
        outcome.outcome === "synced" &&
        (await store.tenants.settingsVersion(tenantId)) !== (tenant?.settingsVersion ?? 0)
      ) {
        const latest = readTenantSettings((await store.tenants.get(tenantId))?.settings);
        await reclassifyBigDeals(store, tenantId, tenantOrgOf(people, latest), now(), manager.email);
      }
      return outcome;
    });

  const coordinator: SyncCoordinator = {
    async ensureDirectory(tenantId, objectId, graph) {
      const person = await store.people.byObjectId(tenantId, objectId);
      if (person !== undefined && now() - person.syncedAt < timings.directoryMaxAgeMs) return undefined;
      return once(`${tenantId}|directory`, () =>
        syncDirectory({
          tenantId,
          directory: graph.directory,
          schedules: graph.schedules,
          store,
          now: now(),
          fromObjectId: objectId,
        }),
      );
    },

    async ensureCalendar(tenantId, manager, graph) {
      const state = await store.syncState.get(tenantId, calendarSyncKey(manager.email));
      const fresh = state?.lastSuccessAt != null && now() - state.lastSuccessAt < timings.calendarMaxAgeMs;
      if (fresh || graph === undefined) return { checked: state, outcome: undefined };
      return { checked: state, outcome: await syncCalendar(tenantId, manager, graph) };
    },

    syncCalendar,

    backgroundRound() {
      round ??= runRound().finally(() => {
        round = undefined;
      });
      return round;
    },

    start() {
      timer ??= setInterval(() => {
        coordinator
          .backgroundRound()
          .catch((error: unknown) => log.error({ err: error }, "background sync failed"));
      }, timings.intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await round;
      await Promise.allSettled([...inFlight.values()]);
    },
  };

  async function runRound(): Promise<void> {
    for (const tenant of await store.tenants.listAll()) {
      const people = await store.people.list(tenant.tenantId);
      const managers = people.filter((person) => people.some((other) => other.managerEmail === person.email));
      for (const manager of managers) {
        const key = calendarSyncKey(manager.email);
        if ((await store.jobs.get(tenant.tenantId, key)) === undefined) {
          await store.jobs.schedule(tenant.tenantId, key, now());
        }
      }
      const byKey = new Map(managers.map((manager) => [calendarSyncKey(manager.email), manager]));
      const claimed = await store.jobs.claimDue(
        tenant.tenantId,
        { owner, now: now(), leaseMs: LEASE_MS },
        managers.length,
      );
      for (const job of claimed) {
        const manager = byKey.get(job.jobKey);
        let error: string | null = manager === undefined ? "no such manager in the directory" : null;
        if (manager !== undefined) {
          const graph = await options.graph.asPerson(tenant.tenantId, manager.objectId);
          if (graph === undefined) error = "no valid token of the manager at hand";
          else {
            const outcome = await syncCalendar(tenant.tenantId, manager, graph).catch((cause: unknown) => {
              log.error({ err: cause, manager: manager.email }, "calendar sync failed");
              return undefined;
            });
            if (outcome === undefined) error = "the sync failed; see the log";
            else if (outcome.outcome === "failed") error = `Graph: ${outcome.failure.code}`;
          }
        }
        await store.jobs.complete(tenant.tenantId, job.jobKey, {
          owner,
          now: now(),
          nextDueAt: now() + timings.intervalMs,
          error,
        });
      }
    }
  }

  return coordinator;
}
