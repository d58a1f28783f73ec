/**
 * The server the API benchmark loads, run as a process of its own so that its event loop, CPU and
 * memory are its own: demo mode as `npm start` assembles it (the seeded demo tenant behind the Graph
 * simulator and the development issuer, the real routes, validation, authentication and rate limiting),
 * with its store on PGlite in a data folder or on the PostgreSQL named by DATABASE_URL.
 *
 * Two things differ from `npm start`, both for the sake of measuring: the clock is pinned (the same
 * calendars, figures and tokens on every run), and the per-person rate limit is raised, since the load
 * is sent as a handful of demo people and would otherwise measure 429s. The limiter still runs on
 * every request, so its cost is in the figures.
 *
 * Environment: FIELDCOACH_BENCH_STORE=pglite|postgres, FIELDCOACH_DATA_DIR (PGlite), DATABASE_URL
 * (PostgreSQL). Prints one JSON line `{"port": …}` once listening; stops on SIGTERM.
 */

import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { generateDemoTenant } from "../src/demo-tenant/generate-demo-tenant.ts";
import { startLocalTenant } from "../src/server/demo/local-tenant.ts";
import { seedLocalTenant } from "../src/server/demo/start-demo.ts";
import { createLogger } from "../src/server/logger.ts";
import { openStore } from "../src/store/store.ts";
import { buildApiApp } from "../tests/support/api-app.ts";

/** Wednesday 4 March 2026, 15:00 UTC: inside the demo tenant's current week. */
const BENCH_NOW = Date.parse("2026-03-04T15:00:00Z");
const BENCH_ANCHOR = "2026-03-02";

async function main(): Promise<void> {
  const kind = process.env.FIELDCOACH_BENCH_STORE;
  const now = () => BENCH_NOW;
  const store =
    kind === "postgres"
      ? await openStore({
          kind: "postgres",
          url: required("DATABASE_URL"),
          onPoolError: () => {},
        })
      : await openStore({ kind: "pglite", dataDir: join(required("FIELDCOACH_DATA_DIR"), "pglite") });
  const tenant = generateDemoTenant({ seed: 1, anchor: BENCH_ANCHOR });
  const local = await startLocalTenant({ tenant, now });
  await seedLocalTenant(store, tenant, now());
  const { app, sync } = await buildApiApp({
    store,
    graph: local.graph,
    now,
    logger: createLogger("warn"),
    authenticate: local.authenticate,
    adminConsentUrl: local.adminConsentUrl,
    rateLimit: { max: 100_000_000, windowMs: 60_000 },
    publicRoutes: [local.signIn],
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(
    `${JSON.stringify({ port: (app.server.address() as AddressInfo).port, now: BENCH_NOW })}\n`,
  );
  process.once("SIGTERM", () => {
    void (async () => {
      await sync.stop();
      await app.close();
      await local.close();
      await store.close();
      process.exit(0);
    })();
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} must be set`);
  return value;
}

await main();
