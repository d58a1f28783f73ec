import { afterAll, describe, expect, it } from "vitest";
import { NOW, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const worlds: ServerWorld[] = [];

async function world(options: Partial<Parameters<typeof startServerWorld>[0]> = {}) {
  const org = orgTenant();
  const { store } = await openTestStore("pglite");
  const started = await startServerWorld({ tenants: [org.tenant], now: NOW, store, ...options });
  worlds.push(started);
  return { org, world: started };
}

afterAll(async () => {
  for (const started of worlds) {
    await started.close();
    await started.store.close();
  }
});

describe("protection", () => {
  it("answers 403 consent_required with the admin-consent address when the tenant has not consented", async () => {
    const { org, world: w } = await world({ consentedScopes: ["User.Read"] });
    const response = await w.call(org.mia, "GET", "/api/me");
    expect(response.statusCode).toBe(403);
    const body = response.json();
    expect(body).toMatchObject({
      code: "consent_required",
      adminConsentUrl: expect.stringContaining("adminconsent"),
    });
    expect(body.scopes).toContain("User.Read.All");
  });

  it("limits requests per person, not per address: one person's burst leaves the others alone", async () => {
    const { org, world: w } = await world({ rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await w.call(org.mia, "GET", "/api/settings/policy")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await w.call(org.mia, "GET", "/api/settings/policy");
    expect(limited.json().code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await w.call(org.ana, "GET", "/api/settings/policy")).statusCode).toBe(200);
  });

  it("imports a rep's figures from CSV all or nothing", async () => {
    const { org, world: w } = await world();
    const url = `/api/reps/${org.ana.mail}/metrics/import`;
    const bad = await w.call(org.mia, "POST", url, {
      body: "date,pipeline,closed-value\n2026-02-27,12,40000\n2026-02-28,twelve,1\n2026-02-28,3,$5\n",
      contentType: "text/csv",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("csv_invalid");
    expect(bad.json().problems).toEqual([
      { line: 3, column: "pipeline", message: expect.any(String) },
      { line: 4, column: "date", message: expect.any(String) },
    ]);
    expect(await w.store.metrics.values(org.tenant.tenantId, org.ana.mail)).toEqual([]);
    const good = "date,pipeline,closed-value\n2026-02-27,12,40000\n2026-02-28,13,41000.5\n";
    const imported = await w.call(org.mia, "POST", url, { body: good, contentType: "text/csv" });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ values: 4, changed: 4 });
    const again = await w.call(org.mia, "POST", url, { body: good, contentType: "text/csv" });
    expect(again.json()).toMatchObject({ values: 4, changed: 0 });
    const plan = (await w.call(org.ana, "GET", `/api/reps/${org.ana.mail}/plan`)).json();
    expect(plan.metrics).toEqual(
      expect.arrayContaining([
        { metric: "pipeline", asOf: "2026-02-28", value: 13 },
        { metric: "closed-value", asOf: "2026-02-28", value: 41000.5 },
      ]),
    );
    expect(plan.timeline.filter((entry: { kind: string }) => entry.kind === "metric")).toHaveLength(4);
  });

  it("keeps note text as plain text: markup comes back as the same characters, in JSON", async () => {
    const { org, world: w } = await world();
    const opened = await w.call(org.mia, "POST", "/api/notes", {
      body: { meeting: org.meetings.fieldDay, rep: org.ana.mail },
    });
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const saved = await w.call(org.mia, "PUT", `/api/notes/${opened.json().id}`, {
      headers: { "if-match": '"1"' },
      body: { focus: [], wentWell: markup, gaps: "", privateNotes: "", actions: [] },
    });
    expect(saved.headers["content-type"]).toMatch(/^application\/json/);
    expect(saved.json().wentWell).toBe(markup);
  });
});
