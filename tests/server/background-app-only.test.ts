/*
 * Background calendar sync without a manager's token, as in tenant mode on an instance their last
 * request did not reach: the job syncs with FieldCoach's own Calendars.Read while an administrator has
 * reading calendars turned on, and otherwise fails with a sentence and is tried again later.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { calendarJobKey } from "../../src/jobs/job-keys.ts";
import { createBackgroundWork } from "../../src/server/background-work.ts";
import type { GraphAccess } from "../../src/server/graph-access.ts";
import { calendarSyncKey } from "../../src/server/sync/sync-window.ts";
import { adminSettingsPatch, readTenantSettings } from "../../src/server/tenant-settings.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
let world: ServerWorld;

beforeAll(async () => {
  const tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const { store } = await openTestStore("pglite");
  world = await startServerWorld({ tenants: [tenant], now: NOW, store });
  // A first sign-in reads the directory and gives the tenant its jobs.
  const executive = tenant.users.find((user) => user.managerId === null)!;
  expect((await world.call(executive, "GET", "/api/me")).statusCode).toBe(200);
});

afterAll(async () => {
  await world?.close();
  await world?.store.close();
});

/** The background work of an instance that holds no token of anyone. */
function tokenlessInstance() {
  const local = world.tenants[0]!;
  const graph: GraphAccess = { ...local.graph, asPerson: async () => undefined };
  return createBackgroundWork({
    store: world.store,
    graph,
    sync: world.services.sync,
    appGraph: () => local.appGraph,
    teamsAppId: "00000000-0000-4000-8000-000000000001",
    publicBaseUrl: "http://localhost:3000",
    clock: () => world.now(),
    log: { warn() {}, error() {} },
  });
}

async function setReading(on: boolean): Promise<void> {
  const tenantId = world.tenants[0]!.tenant.tenantId;
  const current = readTenantSettings((await world.store.tenants.get(tenantId))?.settings);
  await world.store.tenants.updateSettings(
    tenantId,
    adminSettingsPatch({ ...current, readRepCalendars: on }),
    world.now(),
  );
}

describe("background calendar sync without the manager's token", () => {
  it("fails with a sentence while reading calendars is off, and syncs as FieldCoach once it is on", async () => {
    const tenantId = world.tenants[0]!.tenant.tenantId;
    const background = tokenlessInstance();
    await setReading(false);
    await background.runDue();
    const calendarJobs = await world.store.jobQueue.list(tenantId, "calendar:");
    expect(calendarJobs.length).toBeGreaterThan(1);
    for (const job of calendarJobs)
      expect(job.lastError, job.jobKey).toMatch(/^no valid token of .+ is at hand/);

    await setReading(true);
    world.advance(24 * 3_600_000);
    await background.runDue();
    const people = await world.store.people.list(tenantId);
    for (const job of await world.store.jobQueue.list(tenantId, "calendar:")) {
      expect(job, job.jobKey).toMatchObject({ lastError: null, lastFinishedAt: world.now() });
      const manager = people.find((person) => calendarJobKey(person.email) === job.jobKey)!;
      const state = await world.store.syncState.get(tenantId, calendarSyncKey(manager.email));
      expect(state?.lastSuccessAt, manager.email).toBe(world.now());
    }
    await background.stop();
  });
});
