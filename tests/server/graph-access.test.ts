/*
 * Graph as several people at once: each person has a Graph client of their own (MSAL's token cache
 * is per assertion), yet Graph counts its 4 concurrent requests per app and mailbox whoever's token
 * is sent. Two people reading one rep's shared calendar at the same time must stay within the rep's
 * 4 slots together, so the simulator, which answers 429 MailboxConcurrency above them, never has to.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { type LocalTenant, startLocalTenant } from "../../src/server/demo/local-tenant.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const WINDOW = { start: Date.parse("2026-03-02T00:00:00Z"), end: Date.parse("2026-03-07T00:00:00Z") };
let local: LocalTenant;
let rep: SimUser;
let readers: SimUser[];

beforeAll(async () => {
  const generated = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const managerIds = new Set(generated.users.map((user) => user.managerId));
  const manager = generated.users.find((user) => managerIds.has(user.id) && user.managerId !== null)!;
  const executive = generated.users.find((user) => user.id === manager.managerId)!;
  const chosen = generated.users.find((user) => user.managerId === manager.id)!;
  const tenant: SimTenant = {
    ...generated,
    users: generated.users.map((user) =>
      user.id === chosen.id
        ? {
            ...user,
            calendarShares: [
              { userId: manager.id, role: "read" },
              { userId: executive.id, role: "read" },
            ],
          }
        : user,
    ),
  };
  rep = tenant.users.find((user) => user.id === chosen.id)!;
  readers = [manager, executive];
  local = await startLocalTenant({ tenant, now: () => NOW });
});

afterAll(async () => {
  await local?.close();
});

describe("Graph access for several people", () => {
  it("keeps everyone's requests to one mailbox within its 4 concurrent slots together", async () => {
    const tenantId = local.tenant.tenantId;
    const ports = await Promise.all(readers.map((reader) => local.graph.asPerson(tenantId, reader.id)));
    expect(ports.every((port) => port !== undefined)).toBe(true);
    local.sim.faults.latency(150);
    const reads = ports.flatMap((port) =>
      Array.from({ length: 6 }, () => port!.calendars.calendarViews([{ mailboxId: rep.id, window: WINDOW }])),
    );
    const results = (await Promise.all(reads)).flat();
    local.sim.faults.latency(0);

    // Every read got the same calendar, and twelve reads in flight never became more than 4 at Graph.
    const sizes = results.map((result) => (result.ok ? result.events.length : -1));
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toBeGreaterThan(0);
    const stats = local.sim.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.maxInFlightPerMailbox).toBe(4);
  });
});
