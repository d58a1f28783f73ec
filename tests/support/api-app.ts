/**
 * The API server as demo mode assembles it, from parts a test or a benchmark chooses: its store, Graph
 * access, clock, sign-in and rate limit, with the real sync coordinator, routes, validation, health
 * checks and error handling. No background jobs run; callers that need them use `startServer`.
 */

import { Writable } from "node:stream";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { buildApp, type PublicRoutes, type RateLimitSettings } from "../../src/server/build-app.ts";
import type { Authenticator } from "../../src/server/caller.ts";
import type { GraphAccess } from "../../src/server/graph-access.ts";
import { createLogger } from "../../src/server/logger.ts";
import { apiRoutes } from "../../src/server/routes/api-routes.ts";
import type { Services } from "../../src/server/services.ts";
import { createSyncCoordinator, type SyncCoordinator } from "../../src/server/sync/sync-coordinator.ts";
import type { Store } from "../../src/store/store.ts";

export interface ApiAppParts {
  readonly store: Store;
  readonly graph: GraphAccess;
  readonly now: () => number;
  readonly logger: FastifyBaseLogger;
  readonly authenticate: Authenticator;
  readonly adminConsentUrl: (tenantId: string) => string;
  readonly publicRoutes: readonly PublicRoutes[];
  readonly rateLimit: RateLimitSettings;
  /** The webpack output to serve the pages from; none by default (the pages then say to build them). */
  readonly webRoot?: string;
  /** The app icons' folder; none by default. */
  readonly iconRoot?: string;
}

/** A request a test sends as someone signed in (see the worlds' `call`). */
export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** With FieldCoach's administrator role. */
  readonly admin?: boolean;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface ApiApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly sync: SyncCoordinator;
}

export async function buildApiApp(parts: ApiAppParts): Promise<ApiApp> {
  const { store, graph, now, logger } = parts;
  const sync = createSyncCoordinator({ store, graph, now, log: logger });
  const services: Services = {
    mode: "demo",
    store,
    graph,
    sync,
    now,
    publicBaseUrl: "http://localhost:3000",
  };
  const app = await buildApp({
    logger,
    authenticate: parts.authenticate,
    health: {
      database: async () => {
        if (!(await store.isReachable())) throw new Error("the database does not answer");
      },
    },
    adminConsentUrl: parts.adminConsentUrl,
    web: {
      webRoot: parts.webRoot ?? "/nonexistent/dist/web",
      iconRoot: parts.iconRoot ?? "/nonexistent/icons",
      homeLinks: [],
    },
    https: false,
    rateLimit: parts.rateLimit,
    api: apiRoutes(services),
    publicRoutes: parts.publicRoutes,
  });
  return { app, services, sync };
}

/** A logger that keeps every line it writes (JSON, one per entry), for a test to read. */
export function memoryLogger(): { readonly logger: FastifyBaseLogger; readonly logs: string[] } {
  const logs: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, logs };
}
