/*
 * A tenant FieldCoach knows before it knows its people (demo mode seeds its tenant at start): the
 * planning job has already run and found no managers. The first sign-in reads the directory; the
 * managers it names get their calendar jobs at once and the background syncs every calendar, rather
 * than when the planning job next runs, a quarter of an hour later.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_KINDS } from "../../src/jobs/job-keys.ts";
import { type Instance, startWorld, type World } from "./support/world.ts";

let world: World;
let server: Instance;

beforeAll(async () => {
  world = await startWorld({ managers: 3, repsEach: 2, schemaPrefix: "fc_first_directory" });
  await world.store.tenants.upsert(world.org.tenant.tenantId, "Contoso", world.clock.now());
  server = await world.startInstance({ FIELDCOACH_TEST_POLL_MS: "200" });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

describe("the first directory read of a tenant already known", () => {
  it("gives the managers it names their calendar jobs at once, and the background syncs each calendar", async () => {
    const tenantId = world.org.tenant.tenantId;
    await world.waitFor("the planning job's first run", async () => {
      const [plan] = await world.store.jobQueue.list(tenantId, JOB_KINDS.plan);
      return plan?.lastFinishedAt !== null && plan?.lastFinishedAt !== undefined;
    });
    expect(await world.calendarJobs()).toEqual([]);

    world.shared.local.sim.resetStats();
    expect((await world.call(server, "/api/me", world.org.vp.id)).status).toBe(200);
    await world.waitFor(
      "every calendar synced in the background",
      async () => {
        const jobs = await world.calendarJobs();
        return jobs.length === world.managers.length && jobs.every((job) => job.lastFinishedAt !== null);
      },
      15_000,
    );
    expect(world.shared.local.sim.stats().deltaRoundsByMailbox).toEqual(
      Object.fromEntries(world.managers.map((manager) => [manager.id, 1])),
    );
  });
});
