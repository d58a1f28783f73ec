/*
 * The administrators' tenant settings through HTTP (GET and PUT /api/settings/tenant): administrators
 * of the tenant only; a save names the version it read and a stale one gets 412 with the current
 * settings; bad input gets 400 and changes nothing; the verified domains directory sync writes survive a
 * save and a save survives directory sync; and a change of accounts or threshold reaches the stored
 * classification at once, even when a calendar round that started before the save writes after it.
 */

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantSettings } from "../../src/api/settings.ts";
import { attendeeOf, buildMeeting } from "../../src/demo-tenant/sim-test-builders.ts";
import { JOB_KINDS } from "../../src/jobs/job-keys.ts";
import { applyRetention } from "../../src/jobs/retention-job.ts";
import { calendarSyncKey } from "../../src/server/sync/sync-window.ts";
import { readTenantSettings } from "../../src/server/tenant-settings.ts";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const URL = "/api/settings/tenant";
const OLD_ONE_ON_ONE = "040000008200E00074C5B7101A82E00800000000000000000000000000000000100000A0A0";
const WEEK = "from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z";

describe.each(["pglite", "postgres"] as const)("tenant settings on %s", (backend) => {
  let world: ServerWorld;
  let org: OrgTenant;
  let other: OrgTenant;
  let drop: () => Promise<void>;

  const tenantRow = () => world.store.tenants.get(org.tenant.tenantId);
  const asAdmin = (
    method: "GET" | "PUT",
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => world.call(org.ida, method, URL, { ...options, admin: true });
  const save = async (settings: TenantSettings, version?: number) =>
    asAdmin("PUT", {
      headers: { "if-match": String(version ?? (await tenantRow())!.settingsVersion) },
      body: { settings },
    });
  const customerCall = async () => {
    const response = await world.call(org.mia, "GET", `/api/events?${WEEK}`);
    expect(response.statusCode).toBe(200);
    const events = response.json().events as { iCalUId: string; bigDeal: boolean; reasons: string[] }[];
    return events.find((event) => event.iCalUId === org.meetings.customerCall)!;
  };
  const settings = (change: Partial<TenantSettings> = {}): TenantSettings => ({
    bigDealThreshold: 1_000_000,
    accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 }],
    retentionMonths: null,
    readRepCalendars: false,
    ...change,
  });

  beforeAll(async () => {
    const base = orgTenant();
    const old = buildMeeting(base.mia, {
      iCalUId: OLD_ONE_ON_ONE,
      subject: "January one-on-one",
      start: "2026-01-20T15:00:00.000Z",
      end: "2026-01-20T15:30:00.000Z",
      attendees: [attendeeOf(base.ana)],
    });
    org = { ...base, tenant: { ...base.tenant, meetings: [...base.tenant.meetings, old] } };
    other = orgTenant("7d2e9b14-0000-4000-8000-000000000002", "b");
    const opened = await openTestStore(backend);
    drop = opened.drop;
    world = await startServerWorld({ tenants: [org.tenant, other.tenant], now: NOW, store: opened.store });
    await world.call(org.mia, "GET", "/api/me");
    await world.call(other.mia, "GET", "/api/me");
  });

  afterAll(async () => {
    await world.close();
    await world.store.close();
    await drop();
  });

  it("shows an administrator the settings in force, with version 0 before any save", async () => {
    const response = await asAdmin("GET");
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.json()).toEqual({
      version: 0,
      // As the test tenant is seeded: the demo's accounts, and reading reps' calendars on.
      settings: settings({ readRepCalendars: true }),
      verifiedDomains: ["contoso.com"],
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("refuses everyone without the administrator role, reading or saving, with a sentence", async () => {
    const before = await tenantRow();
    for (const user of [org.mia, org.vera, org.ana, org.ida]) {
      for (const response of [
        await world.call(user, "GET", URL),
        await world.call(user, "PUT", URL, { headers: { "if-match": "0" }, body: { settings: settings() } }),
      ]) {
        expect(response.statusCode, user.mail).toBe(403);
        expect(response.json()).toEqual({
          code: "forbidden",
          message: "Only FieldCoach administrators may do this.",
        });
      }
    }
    expect(await tenantRow()).toEqual(before);
  });

  it("refuses bad settings with 400 naming what is wrong, and changes nothing", async () => {
    const before = await tenantRow();
    const cases: [unknown, string][] = [
      [{ settings: settings({ bigDealThreshold: -1 }) }, "body.settings.bigDealThreshold"],
      [
        { settings: settings({ accounts: [{ domain: "not a domain", name: "X", openPipeline: 1 }] }) },
        "body.settings.accounts.0.domain",
      ],
      [
        {
          settings: settings({
            accounts: [
              { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 1 },
              { domain: "FABRIKAM.com", name: "Fabrikam again", openPipeline: 2 },
            ],
          }),
        },
        "body.settings.accounts",
      ],
      [{ settings: settings({ retentionMonths: 0 }) }, "body.settings.retentionMonths"],
      [{ settings: { ...settings(), verifiedDomains: ["evil.com"] } }, "body.settings"],
      [{ settings: { bigDealThreshold: 5 } }, "body.settings.accounts"],
    ];
    for (const [body, path] of cases) {
      const response = await asAdmin("PUT", { headers: { "if-match": "0" }, body });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().code).toBe("bad_request");
      expect(response.json().issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    const noVersion = await asAdmin("PUT", { body: { settings: settings() } });
    expect(noVersion.statusCode).toBe(428);
    expect(await tenantRow()).toEqual(before);
    expect(await world.store.audit.forTarget(org.tenant.tenantId, "tenant", org.tenant.tenantId)).toEqual([]);
  });

  it("saves over the version read, audits it, keeps the verified domains, and refuses a stale version with 412", async () => {
    const saved = await save(settings({ retentionMonths: 24, readRepCalendars: true }), 0);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toEqual({
      version: 1,
      settings: settings({ retentionMonths: 24, readRepCalendars: true }),
      verifiedDomains: ["contoso.com"],
      updatedAt: new Date(NOW).toISOString(),
      updatedBy: org.ida.mail,
    });
    expect((await tenantRow())!.settings).toMatchObject({ verifiedDomains: ["contoso.com"] });
    const audit = await world.store.audit.forTarget(org.tenant.tenantId, "tenant", org.tenant.tenantId);
    expect(audit).toMatchObject([
      {
        actor: org.ida.mail,
        action: "settings.update",
        detail: { version: 1, accounts: 1, retentionMonths: 24 },
      },
    ]);
    // A retention set asks the retention job to run now.
    expect(await world.store.jobQueue.list(org.tenant.tenantId, JOB_KINDS.retention)).toMatchObject([
      { dueAt: NOW },
    ]);

    const before = await tenantRow();
    const stale = await save(settings({ bigDealThreshold: 5 }), 0);
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"1"');
    expect(stale.json()).toMatchObject({ code: "version_conflict", current: { version: 1 } });
    expect(await tenantRow()).toEqual(before);
  });

  it("keeps an administrator's save when directory sync reads the domains again", async () => {
    const saved = (await tenantRow())!;
    world.advance(2 * 3_600_000);
    expect((await world.call(org.mia, "GET", "/api/me")).statusCode).toBe(200);
    const after = (await tenantRow())!;
    expect(after.updatedAt).toBe(world.now());
    expect(after.settings).toEqual(saved.settings);
    expect(after.settingsVersion).toBe(saved.settingsVersion);
  });

  it("keeps the other tenant apart: its administrator reads and saves only its own settings", async () => {
    const before = await tenantRow();
    const theirs = await world.call(other.mia, "GET", URL, { admin: true });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ version: 0, settings: { retentionMonths: null } });
    const saved = await world.call(other.mia, "PUT", URL, {
      admin: true,
      headers: { "if-match": "0" },
      body: { settings: settings({ accounts: [], bigDealThreshold: 7 }) },
    });
    expect(saved.statusCode).toBe(200);
    expect((await world.store.tenants.get(other.tenant.tenantId))!.settings).toMatchObject({
      bigDealThreshold: 7,
    });
    expect(await tenantRow()).toEqual(before);
  });

  it("classifies stored customer calls by the new accounts and threshold on the next read", async () => {
    const call = await customerCall();
    expect(call.bigDeal).toBe(true);
    expect(call.reasons).toContain("big deal: Fabrikam has 2000000 in open pipeline, at or above 1000000");

    expect((await save(settings({ bigDealThreshold: 3_000_000, retentionMonths: 24 }))).statusCode).toBe(200);
    const raised = await customerCall();
    expect(raised.bigDeal).toBe(false);
    expect(raised.reasons.filter((reason) => reason.startsWith("big deal"))).toEqual([]);

    const accounts = [{ domain: "fabrikam.com", name: "Fabrikam Group", openPipeline: 4_000_000 }];
    expect((await save(settings({ bigDealThreshold: 3_000_000, accounts }))).statusCode).toBe(200);
    expect(await customerCall()).toMatchObject({
      bigDeal: true,
      reasons: expect.arrayContaining([
        "big deal: Fabrikam Group has 4000000 in open pipeline, at or above 3000000",
      ]),
    });
  });

  it("corrects a calendar round that read the settings before a save and wrote after it", async () => {
    const tenantId = org.tenant.tenantId;
    const sim = world.tenants[0]!.sim;
    // Mia's calendar is read whole again, and slowly, from the next page that needs it.
    await world.store.syncState.reset(tenantId, calendarSyncKey(org.mia.mail));
    world.advance(10 * 60_000);
    sim.faults.latency(300);
    const requests = sim.stats().requests;
    const reading = world.call(org.mia, "GET", `/api/events?${WEEK}`);
    for (let waited = 0; sim.stats().requests === requests; waited += 5) {
      if (waited > 10_000) throw new Error("the calendar round never reached Graph");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const saved = await save(settings({ bigDealThreshold: 10_000_000 }));
    sim.faults.latency(0);
    expect(saved.statusCode).toBe(200);
    const read: LightMyRequestResponse = await reading;
    expect(read.statusCode).toBe(200);
    expect(await customerCall()).toMatchObject({ bigDeal: false });
    const [stored] = (await world.store.events.withICalUId(tenantId, org.meetings.customerCall)).filter(
      (event) => event.mailbox === org.mia.mail,
    );
    expect(stored!.bigDeal).toBe(false);
  });

  it("does not bring back meetings the retention deleted when the calendar is read whole again", async () => {
    const tenantId = org.tenant.tenantId;
    const stored = async () =>
      (await world.store.events.withICalUId(tenantId, OLD_ONE_ON_ONE)).map((event) => event.mailbox);
    expect(await stored()).toEqual([org.mia.mail]);
    expect((await save(settings({ retentionMonths: 1 }))).statusCode).toBe(200);
    const report = await applyRetention(
      {
        store: world.store,
        retentionMonths: async (id) =>
          readTenantSettings((await world.store.tenants.get(id))?.settings).retentionMonths,
        clock: world.now,
        intervalMs: 86_400_000,
      },
      tenantId,
    );
    expect(report.removed.events).toBeGreaterThan(0);
    expect(await stored()).toEqual([]);
    await world.store.syncState.reset(tenantId, calendarSyncKey(org.mia.mail));
    world.advance(10 * 60_000);
    expect((await world.call(org.mia, "GET", `/api/events?${WEEK}`)).statusCode).toBe(200);
    expect((await world.store.syncState.get(tenantId, calendarSyncKey(org.mia.mail)))?.lastSuccessAt).toBe(
      world.now(),
    );
    expect(await stored()).toEqual([]);
    expect((await customerCall()).iCalUId).toBe(org.meetings.customerCall);
  });
});
