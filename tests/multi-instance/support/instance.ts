/**
 * One FieldCoach server process of several sharing one PostgreSQL and one simulated tenant: the server
 * as `npm start` builds it (startServer: routes, sync, the job runner with every kind of job) and stops
 * it (stopOnSignals), with the store and the tenant given instead of a mode's: the store on DATABASE_URL,
 * sign-in and Graph connected to the tenant of shared-tenant.ts. Its clock is the shared one
 * (FIELDCOACH_TEST_CLOCK_OFFSET_MS behind the machine's); FIELDCOACH_TEST_LEASE_MS and
 * FIELDCOACH_TEST_POLL_MS shorten job leases and polling when set. Prints `{"port": …, "owner": …}`
 * (the name its job leases carry) once listening.
 */

import type { AddressInfo } from "node:net";
import { loadConfig } from "../../../src/config/load-config.ts";
import { connectLocalTenant, type LocalTenantConnection } from "../../../src/server/demo/local-tenant.ts";
import { startServer } from "../../../src/server/start-server.ts";
import { stopOnSignals } from "../../../src/server/stop-on-signals.ts";
import { openStore } from "../../../src/store/store.ts";

const env = process.env;
const offsetMs = Number(required("FIELDCOACH_TEST_CLOCK_OFFSET_MS"));
const now = () => Date.now() - offsetMs;
const connection = JSON.parse(required("FIELDCOACH_TEST_TENANT")) as LocalTenantConnection;
const tokenUrl = required("FIELDCOACH_TEST_TOKEN_URL");

const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: env.LOG_LEVEL ?? "warn" }, []);
const store = await openStore({
  kind: "postgres",
  url: required("DATABASE_URL"),
  onPoolError: (error) => process.stderr.write(`a pooled database connection failed: ${error.message}\n`),
});
const clients = connectLocalTenant(connection, {
  now,
  async mintToken(_tenantId, objectId) {
    const response = await fetch(`${tokenUrl}?objectId=${encodeURIComponent(objectId)}`);
    if (!response.ok)
      throw new Error(`no token for ${objectId}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { token: string; expiresAt: number };
  },
});
const server = await startServer(config, {
  now,
  backgroundSync: true,
  backgroundTimings: {
    leaseMs: optionalNumber("FIELDCOACH_TEST_LEASE_MS"),
    pollMs: optionalNumber("FIELDCOACH_TEST_POLL_MS"),
  },
  environment: {
    mode: "tenant",
    store,
    graph: clients.graph,
    appGraph: (tenantId) => (tenantId === connection.tenantId ? clients.appGraph : undefined),
    authenticate: clients.authenticate,
    adminConsentUrl: clients.adminConsentUrl,
    close: () => store.close(),
  },
});
await server.app.listen({ port: 0, host: "127.0.0.1" });
const { port } = server.app.server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ port, owner: server.background.owner })}\n`);
stopOnSignals(server);

function required(name: string): string {
  const value = env[name];
  if (value === undefined || value === "") throw new Error(`${name} must be set`);
  return value;
}

function optionalNumber(name: string): number | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : Number(value);
}
