/**
 * The multi-instance tests' world: a sales organisation served by one Graph simulator (in this process),
 * a PostgreSQL schema of its own, a store on it for the test to look into, and server processes
 * (instance.ts) started on demand against both, all on one clock pinned at Wednesday 4 March 2026,
 * 15:00 UTC and running on from there.
 */

import type { SimUser } from "../../../src/graph-sim/tenant-data.ts";
import { calendarJobKey } from "../../../src/jobs/job-keys.ts";
import type { QueuedJob } from "../../../src/store/repositories/job-queue.ts";
import { openStore, type Store } from "../../../src/store/store.ts";
import { createSchemaDatabase } from "../../server/schema-database.ts";
import { type ServerProcess, startServerProcess } from "../../support/server-process.ts";
import { type SalesOrg, salesOrg } from "./sales-org.ts";
import { clockFrom, type SharedClock, type SharedTenant, startSharedTenant } from "./shared-tenant.ts";

const INSTANCE = new URL("./instance.ts", import.meta.url).pathname;
export const START = Date.parse("2026-03-04T15:00:00Z");
const ANCHOR = "2026-03-02";

export type Instance = ServerProcess<{ readonly port: number; readonly owner: string }>;

export interface World {
  readonly org: SalesOrg;
  /** The VP and every first-line manager: everyone someone reports to, each with a calendar job. */
  readonly managers: readonly SimUser[];
  readonly clock: SharedClock;
  readonly store: Store;
  readonly shared: SharedTenant;
  /** Starts a server process; `env` adds to (or overrides) what it is given. */
  startInstance(env?: Readonly<Record<string, string>>): Promise<Instance>;
  calendarJobs(): Promise<QueuedJob[]>;
  /** Makes every calendar job due now, as a change notification per calendar would; returns when. */
  requestRound(): Promise<number>;
  /** An API call as someone, with a token the tenant's issuer signed. */
  call(instance: Instance, path: string, asObjectId: string, init?: RequestInit): Promise<Response>;
  /** Polls `condition` until it holds; fails after `timeoutMs` with everything the servers said. */
  waitFor(what: string, condition: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
  /** Kills the server processes still running and removes everything else. */
  close(): Promise<void>;
}

export async function startWorld(options: {
  readonly managers: number;
  readonly repsEach: number;
  readonly schemaPrefix: string;
}): Promise<World> {
  const org = salesOrg({ managers: options.managers, repsEach: options.repsEach, anchor: ANCHOR });
  const managers = [org.vp, ...org.managers];
  const clock = clockFrom(START);
  const database = await createSchemaDatabase(options.schemaPrefix);
  const store = await openStore({
    kind: "postgres",
    url: database.url,
    onPoolError: (error) => {
      throw error;
    },
  });
  const shared = await startSharedTenant(org.tenant, clock);
  const instances: Instance[] = [];
  const tenantId = org.tenant.tenantId;

  return {
    org,
    managers,
    clock,
    store,
    shared,
    async startInstance(env = {}) {
      const instance = await startServerProcess<Instance["info"]>(INSTANCE, {
        ...shared.env,
        DATABASE_URL: database.url,
        LOG_LEVEL: "warn",
        ...env,
      });
      instances.push(instance);
      return instance;
    },
    calendarJobs: () => store.jobQueue.list(tenantId, "calendar:"),
    async requestRound() {
      const at = clock.now();
      for (const manager of managers)
        await store.jobQueue.request(tenantId, calendarJobKey(manager.mail), at);
      return at;
    },
    async call(instance, path, asObjectId, init = {}) {
      return fetch(`${instance.base}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          authorization: `Bearer ${await shared.local.apiToken(asObjectId)}`,
        },
      });
    },
    async waitFor(what, condition, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > until) {
          const said = instances.flatMap((instance) => instance.output).join("\n");
          throw new Error(`${what} did not happen within ${timeoutMs} ms; the servers said:\n${said}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await Promise.all(instances.map((instance) => instance.stop("SIGKILL")));
      await shared.close();
      await store.close();
      await database.drop();
    },
  };
}
