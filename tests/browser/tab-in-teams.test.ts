import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousAccessibilityProblems } from "./support/accessibility.ts";
import { openPage } from "./support/browser.ts";
import { demoInChromium } from "./support/demo-in-chromium.ts";
import { demoPeople, personNamed } from "./support/demo-people.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { signInAs } from "./support/sign-in.ts";
import { openInTeams, type TeamsStandIn, type TeamsStandInOptions } from "./support/teams-stand-in.ts";

/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
/** Monday 2 March, 9:35 in New York: Marcus Bell's one-on-one with Victor Hughes (9:30–10:00) is on. */
const IN_ONE_ON_ONE = Date.parse("2026-03-02T14:35:00Z");
const MANAGER = "Marcus Bell";
const REP = "Emma Adeyemi";
const MEETING_REP = "Victor Hughes";
const EARLIER_REP = "Zoe Zimmermann";
const EXECUTIVE = "Renata Okafor";

const demo = demoInChromium(["tab"], NOW);

/**
 * The person signed in through the demo picker first (Teams shares the origin's storage with the
 * frame, so the tab finds the demo token as it would find Teams' own sign-in), then the tab in Teams.
 */
async function inTeams(
  person: string,
  options: Omit<TeamsStandInOptions, "locale" | "theme"> & {
    readonly locale?: string;
    readonly theme?: TeamsStandInOptions["theme"];
    readonly now?: number;
  },
): Promise<{ readonly page: Page; readonly teams: TeamsStandIn }> {
  const { page } = await openPage(demo.browser, {
    baseUrl: demo.server.baseUrl,
    now: options.now ?? NOW,
    ...(options.frame === undefined ? {} : { viewport: options.frame }),
  });
  await signInAs(page, demo.server.baseUrl, person);
  const teams = await openInTeams(page, demo.server.baseUrl, {
    ...options,
    locale: options.locale ?? "en-US",
    theme: options.theme ?? "default",
  });
  return { page, teams };
}

async function themeOf(tab: FrameLocator): Promise<string | undefined> {
  return tab.locator("html").evaluate((html) => (html as HTMLElement).dataset.theme);
}

/** The page's background, as Fluent's provider paints it from the theme. */
async function backgroundOf(tab: FrameLocator): Promise<string> {
  return tab
    .locator(".fui-FluentProvider")
    .first()
    .evaluate((provider) => getComputedStyle(provider).backgroundColor);
}

describe("the tab inside Teams, through a stand-in for the Teams web client", () => {
  it("takes Teams' theme and locale, follows a theme change while it is open, and passes axe in high contrast", async () => {
    const { page, teams } = await inTeams(MANAGER, {
      path: "/tab",
      frameContext: "content",
      theme: "dark",
      locale: "de-DE",
    });
    await teams.tab.getByRole("heading", { level: 1, name: "My team" }).waitFor();
    expect(await themeOf(teams.tab)).toBe("dark");
    // Dates in Teams' locale: the meetings behind the figures are listed by German day names.
    await teams.tab.getByRole("list", { name: "Meetings" }).getByText(/März/).first().waitFor();
    const dark = await backgroundOf(teams.tab);

    await teams.setTheme("default");
    await expect.poll(() => themeOf(teams.tab)).toBe("light");
    const light = await backgroundOf(teams.tab);
    await teams.setTheme("contrast");
    await expect.poll(() => themeOf(teams.tab)).toBe("contrast");
    expect(new Set([dark, light, await backgroundOf(teams.tab)]).size).toBe(3);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    const asked = (await teams.calls()).map((call) => call.func);
    expect(asked.slice(0, 2)).toEqual(["initialize", "getContext"]);
    expect(await teams.calls()).toContainEqual({ func: "registerHandler", args: ["themeChange"] });
    await page.context().close();
  }, 90_000);

  it("opens the page a Teams deep link names (its subPageId)", async () => {
    const people = await demoPeople(demo.server.baseUrl);
    const rep = personNamed(people, REP).email;
    const { page, teams } = await inTeams(MANAGER, {
      path: "/tab",
      frameContext: "content",
      subEntityId: `rep/${rep}`,
    });
    await teams.tab.getByRole("heading", { level: 1, name: `${REP}'s coaching plan` }).waitFor();
    await page.context().close();
  }, 90_000);

  it("sets up the meeting side panel from its configuration page: Save points Teams at /tab", async () => {
    const { page, teams } = await inTeams(MANAGER, { path: "/tab/config", frameContext: "settings" });
    await teams.tab.getByRole("heading", { level: 1, name: "Coaching notes in this meeting" }).waitFor();
    await teams.tab.getByText("Select Save to add it.").waitFor();
    await expect.poll(teams.calls).toContainEqual({ func: "settings.setValidityState", args: [true] });

    await teams.pressSave();
    await expect.poll(teams.calls).toContainEqual({ func: "settings.save.success", args: [] });
    expect(await teams.calls()).toContainEqual({
      func: "settings.setSettings",
      args: [
        {
          entityId: "meetingNotes",
          contentUrl: `${demo.server.baseUrl}/tab`,
          websiteUrl: `${demo.server.baseUrl}/tab`,
          suggestedDisplayName: "Coaching note",
        },
      ],
    });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe("the meeting side panel", () => {
  const SIDE_PANEL = { path: "/tab", frameContext: "sidePanel", frame: { width: 320, height: 900 } } as const;

  it("shows the manager the meeting going on now, and its coaching note, which autosaves", async () => {
    const { page, teams } = await inTeams(MANAGER, { ...SIDE_PANEL, now: IN_ONE_ON_ONE });
    const panel = teams.tab;
    await panel.getByRole("heading", { name: "How FieldCoach sees this meeting" }).waitFor();
    await panel.getByText(`With ${MEETING_REP}`, { exact: false }).first().waitFor();
    await panel.getByRole("heading", { name: /focus/i }).first().waitFor();
    await saveScreenshot(page, "meeting-side-panel-light");
    await panel.getByRole("button", { name: "Open the coaching note" }).click();
    await panel.getByRole("textbox", { name: "What went well" }).fill("Clear agenda for the week.");
    await panel.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });
    expect(await panel.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The customer call before it ended five minutes ago: the manager may be writing that one up.
    await panel.getByRole("button", { name: "Not this meeting?" }).click();
    await panel.getByRole("heading", { name: "Which meeting is this?" }).waitFor();
    expect(await panel.getByRole("button", { name: /^This one/ }).count()).toBe(2);
    await panel.getByRole("button", { name: /^This one: Mon, Mar 2, 9:00\b/ }).click();
    await panel.getByText(`With ${EARLIER_REP}`, { exact: false }).first().waitFor();
    await page.context().close();
  }, 120_000);

  it("is readable in Teams' dark theme", async () => {
    const { page, teams } = await inTeams(MANAGER, { ...SIDE_PANEL, now: IN_ONE_ON_ONE, theme: "dark" });
    await teams.tab.getByRole("heading", { name: "How FieldCoach sees this meeting" }).waitFor();
    await teams.tab.getByRole("heading", { name: /focus/i }).first().waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "meeting-side-panel-dark");
    await page.context().close();
  }, 90_000);

  it("shows the rep the same meeting, and no note until the manager shares it", async () => {
    const { page, teams } = await inTeams(MEETING_REP, { ...SIDE_PANEL, now: IN_ONE_ON_ONE });
    await teams.tab.getByRole("heading", { name: "How FieldCoach sees this meeting" }).waitFor();
    await teams.tab
      .getByText("Your manager has not shared a note about this meeting with you yet.")
      .waitFor();
    expect(await teams.tab.getByText("Clear agenda for the week.").count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("says so when no meeting with reps is going on, and when the person coaches no reps", async () => {
    const early = await inTeams(MANAGER, { ...SIDE_PANEL, now: Date.parse("2026-03-02T12:00:00Z") });
    await early.teams.tab.getByRole("heading", { name: "No meeting with your reps now" }).waitFor();
    await early.teams.tab.getByRole("button", { name: "Check again" }).waitFor();
    await early.page.context().close();

    const executive = await inTeams(EXECUTIVE, { ...SIDE_PANEL, now: IN_ONE_ON_ONE });
    await executive.teams.tab.getByRole("heading", { name: "No coaching meetings for you here" }).waitFor();
    await executive.page.context().close();
  }, 90_000);
});
