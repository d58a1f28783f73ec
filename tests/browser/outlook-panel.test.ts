import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityProblems } from "./support/accessibility.ts";
import { launchChromium, openPage } from "./support/browser.ts";
import { buildPages } from "./support/build-pages.ts";
import { type DemoServer, startDemoServer } from "./support/demo-server.ts";
import { SCREENSHOT_DIR, saveScreenshot } from "./support/screenshots.ts";
import { signInAs } from "./support/sign-in.ts";

/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
/** The demo's big-deal-heavy manager: his reps pull him into customer calls. */
const MANAGER = "Marcus Bell";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** About the width Outlook gives a task pane. */
const PANE = { width: 320, height: 900 };
const WENT_WELL = "Opened with the customer's renewal dates; let the buyer talk.";
const PRIVATE = "Seemed tired after the trip; ask about workload.";

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  const webRoot = await buildPages(["outlook"]);
  server = await startDemoServer({ webRoot, now: NOW });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(name: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const { page } = await openPage(browser, {
    baseUrl: server.baseUrl,
    now: NOW,
    viewport: PANE,
    colorScheme,
  });
  await signInAs(page, server.baseUrl, name, { path: "/outlook" });
  return page;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

/** Every text the page shows or holds in its form fields. */
async function everythingShown(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll("textarea, input")].map(
        (field) => (field as HTMLTextAreaElement | HTMLInputElement).value,
      ),
    ].join("\n"),
  );
}

/** What a stand-in for Office.js shows the panel: Outlook with one appointment open. */
interface OutlookStandIn {
  readonly bodyBackgroundColor: string;
  readonly item:
    | {
        readonly mode: "read";
        readonly itemId: string;
        readonly start: string;
        readonly end: string;
        readonly organizer: string;
        readonly attendees: readonly string[];
      }
    | { readonly mode: "compose-unsaved"; readonly start: string; readonly end: string };
}

/**
 * Serves, locally in place of Microsoft's script, an Office.js that says Outlook hosts the page, with
 * the item shaped as Outlook hands it over (plain values in read mode, AsyncResult callbacks in compose
 * mode). Nothing is fetched from Microsoft: the context still aborts every request off this machine.
 */
async function standInForOffice(context: BrowserContext, outlook: OutlookStandIn): Promise<void> {
  const script = `(function (outlook) {
    var later = function (callback, result) { setTimeout(function () { callback(result); }, 0); };
    var got = function (value) { return { getAsync: function (callback) { later(callback, { status: "succeeded", value: value }); } }; };
    var person = function (email) { return { displayName: "", emailAddress: email, recipientType: "user", appointmentResponse: "accepted" }; };
    var source = outlook.item;
    var item = source.mode === "read"
      ? { itemType: "appointment", itemId: source.itemId, start: new Date(source.start), end: new Date(source.end),
          organizer: person(source.organizer), requiredAttendees: source.attendees.map(person), optionalAttendees: [] }
      : { itemType: "appointment", start: got(new Date(source.start)), end: got(new Date(source.end)),
          organizer: got(person("")), requiredAttendees: got([]), optionalAttendees: got([]),
          getItemIdAsync: function (callback) {
            later(callback, { status: "failed", error: { name: "ItemNotSaved", message: "The item has not been saved.", code: 9044 } });
          } };
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }); },
      context: {
        displayLanguage: "en-US",
        officeTheme: { bodyBackgroundColor: outlook.bodyBackgroundColor },
        requirements: { isSetSupported: function () { return false; } },
        mailbox: { item: item, convertToRestId: function (id) { return id.replace(/\\//g, "-").replace(/\\+/g, "_"); } }
      }
    };
  })(${JSON.stringify(outlook)});`;
  await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: script }));
}

describe("the Outlook panel without Office.js", () => {
  it("runs standalone at once when Office.js cannot load, without waiting for a timer", async () => {
    const { page, blocked } = await openPage(browser, { baseUrl: server.baseUrl, now: NOW, viewport: PANE });
    // Timers stand still from here on: a panel that waited for Office.js's race to time out would never start.
    await page.clock.pauseAt(NOW);
    await page.goto(`${server.baseUrl}/outlook`);
    await page.getByRole("heading", { name: "Sign in to the FieldCoach demo" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe("browser");
    expect(blocked).toContain(OFFICE_JS);
    await page.context().close();
  }, 60_000);

  it("stops waiting for an Office.js whose onReady never answers, and then runs standalone", async () => {
    const { page, context } = await openPage(browser, { baseUrl: server.baseUrl, now: NOW, viewport: PANE });
    // Served locally in place of Microsoft's script: an Office that loads but never says it is ready.
    await context.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { context: {}, onReady: function () { return new Promise(function () {}); } };",
      }),
    );
    await page.clock.pauseAt(NOW);
    await page.goto(`${server.baseUrl}/outlook`);
    // The panel's scripts have run and wait for Office: nothing is shown yet.
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("object");
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBeUndefined();
    expect(await page.getByRole("heading").count()).toBe(0);
    await page.clock.runFor(1_500);
    await page.getByRole("heading", { name: "Sign in to the FieldCoach demo" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe("browser");
    await context.close();
  }, 60_000);
});

let meetingHash: string;
let rep: string;

describe("the Outlook panel standalone, in Chromium against the demo", () => {
  it("a manager opens a rep-initiated customer call, sees why, corrects it, and writes and shares its note", async () => {
    const page = await openPane(MANAGER);
    await page.getByRole("heading", { name: "Choose a meeting" }).waitFor();
    const call = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: /Customer call/ }) })
      .filter({ hasText: "Sales development" })
      .first();
    await call.waitFor();
    await expectAccessible(page);
    // The list is long: the pane's first screen shows what it is.
    await page.screenshot({
      path: join(SCREENSHOT_DIR, "outlook-meetings-light.png"),
      animations: "disabled",
      caret: "hide",
    });

    rep = ((await call.getByText(/^With /).textContent()) ?? "").replace(/^With /, "");
    expect(rep).not.toBe("");
    await call.getByRole("link").click();
    await page.getByRole("heading", { name: "How FieldCoach sees this meeting" }).waitFor();
    meetingHash = await page.evaluate(() => window.location.hash);
    expect(meetingHash).toMatch(/^#\/meeting\/[0-9A-F]+$/);

    const card = page.getByRole("article");
    await card.getByText("Sales development", { exact: true }).waitFor();
    await card.getByText("Customer call", { exact: true }).waitFor();
    const reasons = card.getByRole("list", { name: "Why" });
    await reasons.getByText(`organized by ${rep}`).waitFor();
    await reasons.getByText(/external attendee/).waitFor();
    await page.getByRole("heading", { name: `Coaching ${rep}` }).waitFor();
    await page.getByRole("heading", { name: "Agreed last time" }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, "outlook-meeting-light");

    await card.getByRole("button", { name: "Correct" }).click();
    const dialog = page.getByRole("dialog", { name: "Correct the classification" });
    await dialog.getByRole("combobox", { name: "Who brought this meeting about?" }).click();
    await page.getByRole("option", { name: "The manager (went to the rep)" }).click();
    await dialog.getByRole("textbox", { name: /Why/ }).fill("I asked to join to watch the discovery.");
    await dialog.getByRole("button", { name: "Save correction" }).click();
    await card.getByText("Skill development", { exact: true }).waitFor();
    await card.getByText("Corrected", { exact: true }).waitFor();
    await reasons.getByText(/I asked to join to watch the discovery\./).waitFor();
    expect(await dialog.count()).toBe(0);

    await page.getByRole("button", { name: "Open the coaching note" }).click();
    await page.getByRole("heading", { name: `Coaching note: ${rep}` }).waitFor();
    await page.getByRole("textbox", { name: "What went well" }).fill(WENT_WELL);
    await page.getByRole("textbox", { name: "Only you see these" }).fill(PRIVATE);
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: `Share with ${rep}` }).click();
    await page.getByText("Shared with the rep", { exact: true }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, "outlook-note-light");

    // Saved in FieldCoach, not in the page: a fresh panel opens the same note with what was typed.
    await page.reload();
    await page.getByRole("button", { name: "Open the coaching note" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "What went well" }).inputValue())
      .toBe(WENT_WELL);
    expect(await page.getByRole("textbox", { name: "Only you see these" }).inputValue()).toBe(PRIVATE);
    await page.context().close();
  }, 180_000);

  it("the manager's panel in the dark theme", async () => {
    const page = await openPane(MANAGER, "dark");
    await goTo(page, meetingHash);
    await page.getByRole("article").getByText("Corrected", { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await expectAccessible(page);
    await saveScreenshot(page, "outlook-meeting-dark");
    await page.context().close();
  }, 120_000);

  it("the rep opens the same meeting: the classification and the shared note, never the private notes", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await openPane(rep, scheme);
      await goTo(page, meetingHash);
      const card = page.getByRole("article");
      await card.getByText("Skill development", { exact: true }).waitFor();
      await card.getByText("Corrected", { exact: true }).waitFor();
      expect(await card.getByRole("button").count()).toBe(0);
      await page.getByRole("heading", { name: "Your coaching" }).waitFor();
      await page.getByRole("heading", { name: `Coaching note: ${rep}` }).waitFor();
      await expect
        .poll(() => page.getByRole("textbox", { name: "What went well" }).inputValue())
        .toBe(WENT_WELL);
      expect(await page.getByRole("heading", { name: "Private notes" }).count()).toBe(0);
      expect(await everythingShown(page)).not.toContain(PRIVATE);
      await expectAccessible(page);
      await saveScreenshot(page, `outlook-rep-${scheme}`);
      await page.context().close();
    }
  }, 180_000);
});

describe("the Outlook panel in Outlook, with a local stand-in for Office.js", () => {
  it("a rep opens the meeting from their own calendar: attendee mode finds it by its times and people", async () => {
    const iCalUId = decodeURIComponent(meetingHash.replace("#/meeting/", ""));
    const copy = (
      await server.server.services.store.events.withICalUId(server.server.demo!.tenantId, iCalUId)
    )[0];
    expect(copy).toBeDefined();
    const repEmail = copy!.reps[0]!;
    const { page, context } = await openPage(browser, { baseUrl: server.baseUrl, now: NOW, viewport: PANE });
    await standInForOffice(context, {
      bodyBackgroundColor: "#1f1f1f",
      item: {
        mode: "read",
        // The rep's own copy has its own id, which FieldCoach (reading the manager's calendar) never saw.
        itemId: "AAMkAGRlcCopyOfTheRep/+AAA=",
        start: new Date(copy!.start).toISOString(),
        end: new Date(copy!.end).toISOString(),
        organizer: repEmail,
        attendees: [copy!.mailbox, ...copy!.customerDomains.map((domain) => `buyer@${domain}`)],
      },
    });
    await signInAs(page, server.baseUrl, rep, { path: "/outlook" });
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe("outlook");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const card = page.getByRole("article");
    await card.getByText("Corrected", { exact: true }).waitFor();
    await card.getByText("Skill development", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "All meetings" }).count()).toBe(0);
    await expect
      .poll(() => page.getByRole("textbox", { name: "What went well" }).inputValue())
      .toBe(WENT_WELL);
    expect(await everythingShown(page)).not.toContain(PRIVATE);
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it("an organizer's new meeting that was never saved asks to be saved first", async () => {
    const { page, context } = await openPage(browser, { baseUrl: server.baseUrl, now: NOW, viewport: PANE });
    await standInForOffice(context, {
      bodyBackgroundColor: "#ffffff",
      item: { mode: "compose-unsaved", start: "2026-03-05T15:00:00.000Z", end: "2026-03-05T16:00:00.000Z" },
    });
    await signInAs(page, server.baseUrl, MANAGER, { path: "/outlook" });
    await page.getByRole("heading", { name: "Save the meeting first" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await expectAccessible(page);
    await saveScreenshot(page, "outlook-unsaved-light");
    await context.close();
  }, 120_000);
});
