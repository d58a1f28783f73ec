import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarSyncJobHandler } from "../src/jobs/calendar-sync-job.ts";
import { createJobRunner } from "../src/jobs/job-runner.ts";
import { ensureTenantJobs, planJobsHandler, scheduleTenantJobs } from "../src/jobs/plan-jobs.ts";
import type { Store } from "../src/store/store.ts";
import { salesOrg } from "./graph-test-support.ts";
import { backends, manualClock, recordingLog } from "./jobs-backends.ts";
import { directoryOf } from "./notifications-support.ts";

const START = Date.parse("2026-03-02T06:00:00Z");
const INTERVAL = 15 * 60_000;

for (const backend of backends("jobs_plan")) {
  describe(`${backend.name}: planning the jobs`, () => {
    const { tenant, vp, managers } = salesOrg();
    const tenantId = tenant.tenantId;
    let store: Store;

    beforeAll(async () => {
      [store] = (await backend.open(1)) as [Store];
      await store.tenants.upsert(tenantId, "Contoso", START);
      await store.people.replaceDirectory(tenantId, directoryOf(tenant), START);
    });

    afterAll(async () => {
      await backend.close();
    });

    it("gives each tenant its planning, reminder and retention jobs once, however often start-up runs", async () => {
      expect(await scheduleTenantJobs(store, START)).toBe(1);
      expect(await scheduleTenantJobs(store, START + 3_600_000)).toBe(1);
      await ensureTenantJobs(store, tenantId, START + 7_200_000);
      expect((await store.jobQueue.list(tenantId, "")).map((job) => [job.jobKey, job.dueAt])).toEqual([
        ["plan", START],
        ["reminders", START],
        ["retention", START],
      ]);
    });

    it("adds a calendar and a subscription job per manager, never twice, and drops the calendar job of someone who manages nobody", async () => {
      const clock = manualClock(START);
      const synced: string[] = [];
      const runner = createJobRunner({
        store,
        owner: "planner",
        leaseMs: 60_000,
        clock: clock.now,
        log: recordingLog(),
        handlers: {
          plan: planJobsHandler({ store, clock: clock.now, intervalMs: INTERVAL, subscriptions: true }),
          calendar: calendarSyncJobHandler({
            store,
            intervalMs: INTERVAL,
            sync: async (_tenantId, manager, signal) => {
              expect(signal.aborted).toBe(false);
              synced.push(manager.email);
            },
          }),
          reminders: { intervalMs: INTERVAL, run: async () => undefined },
          retention: { intervalMs: INTERVAL, run: async () => undefined },
          subscription: { intervalMs: INTERVAL, run: async () => undefined },
        },
      });
      await runner.runDue();
      const managerEmails = [vp, ...managers].map((person) => person.mail).sort();
      const keys = (await store.jobQueue.list(tenantId, "")).map((job) => job.jobKey);
      expect(keys).toEqual([
        ...managerEmails.map((email) => `calendar:${email}`),
        "plan",
        "reminders",
        "retention",
        ...managerEmails.map((email) => `subscription:${email}`),
      ]);
      expect(synced.sort()).toEqual(managerEmails);

      clock.advance(INTERVAL);
      await runner.runDue();
      expect((await store.jobQueue.list(tenantId, "")).map((job) => job.jobKey)).toEqual(keys);

      const megan = managers[0]!;
      const directory = directoryOf(tenant);
      await store.people.replaceDirectory(
        tenantId,
        {
          people: directory.people,
          lines: directory.lines.filter((line) => line.managerObjectId !== megan.id),
        },
        clock.now(),
      );
      clock.advance(INTERVAL);
      synced.length = 0;
      await runner.runDue();
      const after = (await store.jobQueue.list(tenantId, "calendar:")).map((job) => job.jobKey);
      expect(after).not.toContain(`calendar:${megan.mail}`);
      expect(after).toHaveLength(managerEmails.length - 1);
      expect(synced).not.toContain(megan.mail);
      // The subscription job deletes itself once it has removed the subscription at Graph.
      expect((await store.jobQueue.list(tenantId, `subscription:${megan.mail}`)).length).toBe(1);
    });
  });
}
