/**
 * The whole server for the fault tests: one simulated tenant (Graph simulator and development issuer on
 * loopback, On-Behalf-Of through msal-node), a store the test chooses, the real routes, authentication
 * and error handling, and a pinned clock that only the test moves. The Graph clients are production's (retries, per-mailbox
 * limit, the SDK's HTTP stage) with two changes of timing only: a per-attempt timeout of a second rather
 * than 30 s, so that a Graph that stops answering costs seconds, and waits (`Retry-After`, backoff) that
 * are recorded in `waits` and not slept through, so that a test can say which waits the client chose
 * without spending them.
 */

import type { LightMyRequestResponse } from "fastify";
import type { GraphSimulator } from "../../src/graph-sim/server.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { ADMIN_ROLE } from "../../src/server/caller.ts";
import { type LocalTenant, startLocalTenant } from "../../src/server/demo/local-tenant.ts";
import { seedLocalTenant } from "../../src/server/demo/start-demo.ts";
import type { Store } from "../../src/store/store.ts";
import { type ApiApp, buildApiApp, type CallOptions, type HttpMethod, memoryLogger } from "./api-app.ts";

export interface FaultWorld extends ApiApp {
  readonly store: Store;
  readonly local: LocalTenant;
  readonly sim: GraphSimulator;
  /** Everything the server logged, one JSON line each. */
  readonly logs: string[];
  /** Every wait the Graph clients chose before sending again, in milliseconds, in order. */
  readonly waits: number[];
  call(
    user: SimUser,
    method: HttpMethod,
    url: string,
    options?: CallOptions,
  ): Promise<LightMyRequestResponse>;
  /** Moves the pinned clock on (a page older than the sync interval syncs again). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface FaultWorldOptions {
  readonly tenant: SimTenant;
  readonly now: number;
  readonly store: Store;
  /** Per attempt, until response headers arrive (production: 30 s). */
  readonly graphTimeoutMs?: number;
}

/** Short enough for a test, long enough for a loaded machine to answer an ordinary request. */
export const FAULT_GRAPH_TIMEOUT_MS = 1_000;

export async function startFaultWorld(options: FaultWorldOptions): Promise<FaultWorld> {
  const { tenant, store } = options;
  let clock = options.now;
  const now = () => clock;
  const waits: number[] = [];
  const local = await startLocalTenant({
    tenant,
    now,
    graphClientTiming: {
      timeoutMs: options.graphTimeoutMs ?? FAULT_GRAPH_TIMEOUT_MS,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  await seedLocalTenant(store, tenant, now());
  const { logger, logs } = memoryLogger();
  const built = await buildApiApp({
    store,
    graph: local.graph,
    now,
    logger,
    authenticate: local.authenticate,
    adminConsentUrl: local.adminConsentUrl,
    rateLimit: { max: 100_000, windowMs: 60_000 },
    publicRoutes: [local.signIn],
  });

  return {
    ...built,
    store,
    local,
    sim: local.sim,
    logs,
    waits,
    async call(user, method, url, callOptions = {}) {
      const token = await local.apiToken(user.id, callOptions.admin === true ? { roles: [ADMIN_ROLE] } : {});
      const headers: Record<string, string> = { ...callOptions.headers, authorization: `Bearer ${token}` };
      if (callOptions.body !== undefined) headers["content-type"] = "application/json";
      return built.app.inject({
        method,
        url,
        headers,
        ...(callOptions.body === undefined ? {} : { payload: JSON.stringify(callOptions.body) }),
      });
    },
    advance(ms) {
      clock += ms;
    },
    async close() {
      await built.sync.stop();
      await built.app.close();
      await local.close();
    },
  };
}
