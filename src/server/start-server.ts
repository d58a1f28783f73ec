/**
 * Builds the whole server for a configuration: the mode's environment (demo or tenant), the services,
 * the routes, and the Fastify app, not yet listening. main.ts listens; tests inject or listen on port 0.
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { DEMO_DEPLOYMENT } from "../../manifest/deployment.ts";
import type { Config } from "../config/load-config.ts";
import type { GraphSimulator } from "../graph-sim/server.ts";
import { notificationRoutes } from "../notifications/notification-routes.ts";
import { type BackgroundWork, type BackgroundWorkOptions, createBackgroundWork } from "./background-work.ts";
import { type ApiRoutes, buildApp, type PublicRoutes } from "./build-app.ts";
import { DEMO_SIGN_IN_PAGE } from "./demo/demo-sign-in.ts";
import { startDemo } from "./demo/start-demo.ts";
import { createLogger } from "./logger.ts";
import { apiRoutes } from "./routes/api-routes.ts";
import type { Services } from "./services.ts";
import { createSyncCoordinator } from "./sync/sync-coordinator.ts";
import { startTenantMode, type TenantEnvironment } from "./tenant-mode.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** Demo mode: the demo tenant's id and anchor Monday, and the Graph simulator it lives in. */
  readonly demo:
    | { readonly tenantId: string; readonly anchor: string; readonly sim: GraphSimulator }
    | undefined;
  /** The job runner; started with `backgroundSync`, else run by whoever calls `runDue`. */
  readonly background: BackgroundWork;
  /** Stops background sync, closes the app and everything the mode started. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where logs go; standard output by default. */
  readonly logDestination?: DestinationStream;
  readonly now?: () => number;
  /** The webpack output to serve; dist/web by default. */
  readonly webRoot?: string;
  /** Runs the background jobs (main.ts does; tests call `background.runDue()` themselves). */
  readonly backgroundSync?: boolean;
  /** Job leases and polling when they should not be production's (a test that kills an instance). */
  readonly backgroundTimings?: Pick<BackgroundWorkOptions, "leaseMs" | "pollMs">;
  /**
   * The store, Graph and sign-in to serve with instead of those the configuration's mode starts:
   * several server processes sharing one PostgreSQL and one simulated tenant (tests/multi-instance).
   */
  readonly environment?: TenantEnvironment;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const logger = createLogger(config.logLevel, options.logDestination);
  const environment =
    options.environment ??
    (config.mode === "demo" ? await startDemo(config, now) : await startTenantMode(config, logger, now));
  const publicBaseUrl = config.mode === "demo" ? `http://localhost:${config.port}` : config.publicBaseUrl;
  const sync = createSyncCoordinator({
    store: environment.store,
    graph: environment.graph,
    now,
    log: logger,
  });
  const background = createBackgroundWork({
    store: environment.store,
    graph: environment.graph,
    sync,
    appGraph: environment.appGraph,
    teamsAppId: config.mode === "demo" ? DEMO_DEPLOYMENT.appId : config.teamsAppId,
    publicBaseUrl,
    clock: now,
    log: logger,
    ...options.backgroundTimings,
  });
  const services: Services = {
    mode: config.mode,
    store: environment.store,
    graph: environment.graph,
    sync,
    now,
    publicBaseUrl,
  };
  const publicRoutes: PublicRoutes[] = [
    notificationRoutes({ store: environment.store, clock: now }),
    ...(environment.mode === "demo" ? [environment.signIn] : []),
  ];
  const api: ApiRoutes[] = apiRoutes(services);
  const app = await buildApp({
    logger,
    authenticate: environment.authenticate,
    health: {
      database: async () => {
        if (!(await environment.store.isReachable())) throw new Error("the database does not answer");
      },
    },
    adminConsentUrl: environment.adminConsentUrl,
    web: {
      webRoot: options.webRoot ?? join(ROOT, "dist", "web"),
      iconRoot: join(ROOT, "manifest", "icons"),
      homeLinks:
        config.mode === "demo"
          ? [{ href: DEMO_SIGN_IN_PAGE, text: "Sign in as someone in the demo tenant" }]
          : [],
    },
    https: publicBaseUrl.startsWith("https:"),
    rateLimit: { max: 600, windowMs: 60_000 },
    api,
    publicRoutes,
  });
  if (options.backgroundSync === true) await background.start();
  return {
    app,
    services,
    demo:
      environment.mode === "demo"
        ? { tenantId: environment.tenantId, anchor: environment.anchor, sim: environment.sim }
        : undefined,
    background,
    async close() {
      await background.stop();
      await sync.stop();
      await app.close();
      await environment.close();
    },
  };
}
