/**
 * One simulated tenant for several server processes. The Graph simulator and the development issuer run
 * in the test's own process, so that the test reads what the simulator counted and moves its faults;
 * each server process connects to them (`connectLocalTenant`) with what `env` tells it. Background work
 * acts for managers with API tokens only the issuer here can sign: a loopback endpoint of this helper
 * hands them out, as the demo's issuer does in process.
 *
 * Every process runs one clock: the machine's, shifted back to a pinned start (`offsetMs`), so that the
 * calendars are those of a known week while leases still run out in real time.
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimTenant } from "../../../src/graph-sim/tenant-data.ts";
import { type LocalTenant, startLocalTenant } from "../../../src/server/demo/local-tenant.ts";

export interface SharedClock {
  readonly now: () => number;
  /** How far the shared clock is behind the machine's. */
  readonly offsetMs: number;
}

/** A clock that reads `start` now and runs on at the machine's pace. */
export function clockFrom(start: number): SharedClock {
  const offsetMs = Date.now() - start;
  return { now: () => Date.now() - offsetMs, offsetMs };
}

export interface SharedTenant {
  readonly local: LocalTenant;
  /** What a server process (instance.ts) needs to join, besides its database. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

const TOKEN_LIFETIME_MS = 3_600_000;

export async function startSharedTenant(tenant: SimTenant, clock: SharedClock): Promise<SharedTenant> {
  const local = await startLocalTenant({ tenant, now: clock.now });
  const minter = createServer((req, res) => {
    const objectId = new URL(req.url ?? "/", "http://minter").searchParams.get("objectId") ?? "";
    local.apiToken(objectId).then(
      (token) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ token, expiresAt: clock.now() + TOKEN_LIFETIME_MS }));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => minter.listen(0, "127.0.0.1", resolve));
  const { port } = minter.address() as AddressInfo;
  return {
    local,
    env: {
      FIELDCOACH_TEST_TENANT: JSON.stringify(local.connection),
      FIELDCOACH_TEST_TOKEN_URL: `http://127.0.0.1:${port}/token`,
      FIELDCOACH_TEST_CLOCK_OFFSET_MS: String(clock.offsetMs),
    },
    async close() {
      minter.closeAllConnections();
      await new Promise<void>((resolve) => minter.close(() => resolve()));
      await local.close();
    },
  };
}
