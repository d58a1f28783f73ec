import type { Page, Route } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "../../src/api/events.ts";
import type { Note } from "../../src/api/notes.ts";
import type { PlanResponse } from "../../src/api/plans.ts";
import type { SuggestionsResponse } from "../../src/api/suggestions.ts";
import { coachingWindow } from "../../src/ui/window/coaching-window.ts";
import { type ApiAs, apiAs } from "./support/api-as.ts";
import { openPage } from "./support/browser.ts";
import { demoInChromium } from "./support/demo-in-chromium.ts";
import { demoPeople, personNamed } from "./support/demo-people.ts";
import { signInAs } from "./support/sign-in.ts";

/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
const MANAGER = "Marcus Bell";
const REP = "Emma Adeyemi";
const EXECUTIVE = "Renata Okafor";
const UNAVAILABLE = {
  code: "graph_unavailable",
  message: "Microsoft Graph did not answer in time; try again in a minute.",
};

const demo = demoInChromium(["tab"], NOW);
let manager: ApiAs;
let managerObjectId: string;
let repEmail: string;

beforeAll(async () => {
  const people = await demoPeople(demo.server.baseUrl);
  managerObjectId = personNamed(people, MANAGER).objectId;
  manager = await apiAs(demo.server.baseUrl, managerObjectId);
  repEmail = personNamed(people, REP).email;
});

async function open(name: string, hash?: string): Promise<Page> {
  const { page } = await openPage(demo.browser, { baseUrl: demo.server.baseUrl, now: NOW });
  await signInAs(page, demo.server.baseUrl, name);
  if (hash !== undefined) await goTo(page, hash);
  return page;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

/** FieldCoach's answer when Graph is down, for the first request only; later ones reach the server. */
function failOnce(): (route: Route) => Promise<void> {
  let failed = false;
  return async (route) => {
    if (failed) return route.fallback();
    failed = true;
    return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify(UNAVAILABLE) });
  };
}

/** A draft note of the manager's, on a February meeting with the rep. */
async function draftNote(): Promise<Note> {
  const events = await manager.call<EventsResponse>(
    "GET",
    `/api/events?from=2026-02-02T00:00:00Z&to=2026-03-02T00:00:00Z&rep=${encodeURIComponent(repEmail)}`,
  );
  const free = events.events.filter((event) => event.iCalUId !== null && event.reps.length === 1);
  for (const event of free) {
    const note = await manager.call<Note>("POST", "/api/notes", {
      body: { meeting: event.iCalUId, rep: repEmail },
    });
    if (note.version === 1 && note.wentWell === "" && note.gaps === "") return note;
  }
  throw new Error(`No February meeting with ${REP} is left without a note`);
}

describe("My team: the window, the meetings behind the figures and their correction", () => {
  it("reloads the figures for another window", async () => {
    const page = await open(MANAGER);
    await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();
    const fourWeeks = coachingWindow(4, NOW);
    const [request] = await Promise.all([
      page.waitForRequest((candidate) => candidate.url().includes("/api/team/dashboard")),
      (async () => {
        await page.getByRole("combobox", { name: "Window" }).click();
        await page.getByRole("option", { name: "Last 4 weeks" }).click();
      })(),
    ]);
    expect(new URL(request.url()).searchParams.get("from")).toBe(fourWeeks.from);
    await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();
    await page.context().close();
  }, 60_000);

  it("lets the manager correct a meeting, which then says it was corrected and why", async () => {
    const page = await open(MANAGER);
    const first = page.getByRole("list", { name: "Meetings" }).getByRole("article").first();
    // The card's name ends with its development, which the correction changes; its times stay.
    const when = ((await first.getAttribute("aria-label")) ?? "").split(": ")[0];
    const card = page.locator(`article[aria-label^="${when}: "]`);
    await card.getByRole("button", { name: "Correct" }).click();
    const dialog = page.getByRole("dialog", { name: "Correct the classification" });
    await dialog.getByRole("combobox", { name: "Who brought this meeting about?" }).click();
    await page.getByRole("option", { name: "The rep (brought the manager in)" }).click();
    await dialog
      .getByRole("textbox", { name: "Why (optional)" })
      .fill("Set up by the customer's procurement team.");
    await dialog.getByRole("button", { name: "Save correction" }).click();
    await dialog.waitFor({ state: "hidden" });
    await card.getByText("Corrected", { exact: true }).waitFor();
    await card.getByText("Set up by the customer's procurement team.", { exact: false }).waitFor();
    await card.getByRole("button", { name: "Change correction" }).waitFor();
    await page.context().close();
  }, 60_000);
});

/**
 * One round of the manager's calendar sync as the server runs it, while Graph answers every delta page
 * with 503 (`failing`) or normally. The demo's clock stands still, so the page never syncs by itself:
 * what it shows is what this round left.
 */
async function syncManagersCalendar(failing: boolean): Promise<string> {
  const { server } = demo.server;
  if (server.demo === undefined) throw new Error("The browser tests run the demo");
  const { tenantId, sim } = server.demo;
  const person = await server.services.store.people.byObjectId(tenantId, managerObjectId);
  const graph = await server.services.graph.asPerson(tenantId, managerObjectId);
  if (person === undefined || graph === undefined) throw new Error(`${MANAGER} cannot be synced`);
  if (failing) sim.faults.serviceUnavailable({ times: 1_000, match: (t) => t.kind === "calendarView.delta" });
  try {
    return (await server.services.sync.syncCalendar(tenantId, person, graph)).outcome;
  } finally {
    sim.faults.clear();
  }
}

describe("My team: how fresh the figures are", () => {
  it("says quietly when the calendar was read, and warns, with a way to try again, when the latest read failed", async () => {
    const page = await open(MANAGER);
    await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();
    // Marcus's calendar was read as the page opened, at 9:00 in New York (the page's zone).
    await page.getByText(/^Calendar read at 9:00\sAM today\.$/).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "out of date" }).count()).toBe(0);

    expect(await syncManagersCalendar(true)).toBe("failed");
    await page.reload();
    const warning = page.getByRole("status").filter({ hasText: "These figures may be out of date" });
    await warning
      .getByText(
        /The latest read of your calendar failed at 9:00\sAM today\. Microsoft Graph was unavailable\. These figures are from the last good read, at 9:00\sAM today\./,
      )
      .waitFor();
    expect(await page.getByText(/^Calendar read at/).count()).toBe(0);
    // The figures stay on the page beside the warning: they are the last good read's.
    await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();

    expect(await syncManagersCalendar(false)).toBe("synced");
    await warning.getByRole("button", { name: "Try again" }).click();
    await page.getByText(/^Calendar read at 9:00\sAM today\.$/).waitFor();
    expect(await warning.count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

describe("Field days: failure, deep link and dismissal", () => {
  it("keeps a suggestion whose booking failed, saying why", async () => {
    const page = await open(MANAGER);
    await page.route("**/api/suggestions/*/accept", failOnce());
    await goTo(page, "#/suggestions");
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: REP }) });
    await card.getByRole("button", { name: "Book field day" }).click();
    await card.getByRole("alert").getByText(`Not booked: ${UNAVAILABLE.message}`).waitFor();
    expect(await card.getByRole("button", { name: "Book field day" }).isEnabled()).toBe(true);
    expect(await card.getByText("Booked", { exact: true }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("opens a linked suggestion in focus, and forgets a dismissed one for good", async () => {
    const offered = await manager.call<SuggestionsResponse>("GET", "/api/suggestions");
    const suggestion = offered.suggestions.find((candidate) => candidate.rep.email === repEmail);
    if (suggestion === undefined) throw new Error(`No field day is suggested for ${REP}`);
    const page = await open(MANAGER, `#/suggestions/${suggestion.id}`);
    const card = page.locator(`article[data-suggestion-id="${suggestion.id}"]`);
    await card.waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.suggestionId))
      .toBe(suggestion.id);

    await card.getByRole("button", { name: "Dismiss" }).click();
    await card.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Field days" }).waitFor();
    await page.getByRole("heading", { name: "Due in the next weeks" }).waitFor();
    expect(await page.locator(`article[data-suggestion-id="${suggestion.id}"]`).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

describe("loading, failing and empty", () => {
  it("shows that a page is loading, says why it failed, and loads it when asked to try again", async () => {
    const { page } = await openPage(demo.browser, { baseUrl: demo.server.baseUrl, now: NOW });
    let release: () => void = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    const failing = failOnce();
    const dashboard = (url: URL) => url.pathname === "/api/team/dashboard";
    await page.route(dashboard, async (route) => {
      await held;
      return failing(route);
    });
    await signInAs(page, demo.server.baseUrl, MANAGER);
    await page.getByText("Loading the coaching mix…").waitFor();
    release();
    const failure = page.getByRole("alert").filter({ hasText: "The coaching mix could not be loaded" });
    await failure.getByText(UNAVAILABLE.message).waitFor();
    await page.unroute(dashboard);
    await failure.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();
    expect(await failure.count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("says what would fill a page that has nothing to show yet", async () => {
    const page = await open(EXECUTIVE);
    const reports = page.getByRole("region", { name: "Field-visit reports" });
    await reports.getByRole("heading", { name: "All reviewed" }).waitFor();
    await reports.getByRole("tab", { name: "All" }).click();
    await reports.getByRole("heading", { name: "No reports yet" }).waitFor();
    await page.context().close();
  }, 60_000);
});

describe("the rep's plan: figures from a CSV file", () => {
  const HEADER = "date,pipeline,proposals,deals-closed,pipeline-value,closed-value";

  it("names the lines of a file it cannot import, and imports a good one into the history", async () => {
    const page = await open(MANAGER, `#/rep/${repEmail}`);
    await page.getByRole("button", { name: "Import figures from CSV" }).waitFor();
    const file = page.locator('input[type="file"]');
    await file.setInputFiles({
      name: "figures.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${HEADER}\n2026-02-27,many,6,2,1040000,310000\n`),
    });
    const problems = page.getByRole("alert").filter({ hasText: "figures.csv was not imported" });
    await problems.getByText(/^Line 2/).waitFor();

    await file.setInputFiles({
      name: "figures.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${HEADER}\n2026-01-30,14,4,1,820000,120000\n2026-02-27,17,6,2,1040000,310000\n`),
    });
    await page.getByText(/figures are ready to import/).waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const history = page.getByRole("table", { name: "History of the figures" });
    await history.waitFor();
    expect(await history.getByRole("row").filter({ hasText: "CSV import" }).count()).toBeGreaterThan(0);
    const plan = await manager.call<PlanResponse>("GET", `/api/reps/${repEmail}/plan`);
    expect(plan.metrics.map((metric) => metric.metric)).toContain("pipeline");
    await page.context().close();
  }, 60_000);
});

describe("the rep's plan and actions, edited on the page", () => {
  it("the manager sets a focus behaviour with its target rating and a goal, which stay after a reload", async () => {
    const page = await open(MANAGER, `#/rep/${repEmail}`);
    await page.getByRole("combobox", { name: "Add a focus behaviour" }).click();
    const behaviour = page.getByRole("option").first();
    const name = ((await behaviour.textContent()) ?? "").trim();
    await behaviour.click();
    await page.getByRole("combobox", { name: `Target rating for ${name}` }).click();
    await page.getByRole("option", { name: "4 Role model" }).click();
    await page.getByRole("button", { name: "Add a goal" }).click();
    await page.getByRole("textbox", { name: "Goal 1" }).fill("Ask for the next meeting in every call");
    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByRole("status").filter({ hasText: "Plan saved." }).waitFor();

    await page.reload();
    await page.getByRole("combobox", { name: `Target rating for ${name}` }).waitFor();
    expect(await page.getByRole("combobox", { name: `Target rating for ${name}` }).textContent()).toContain(
      "4 Role model",
    );
    expect(await page.getByRole("textbox", { name: "Goal 1" }).inputValue()).toBe(
      "Ask for the next meeting in every call",
    );
    await page.context().close();
  }, 60_000);

  it("the rep ticks off an action agreed in a shared note", async () => {
    const note = await draftNote();
    const action = { id: "6f7a2d10-0000-4000-8000-0000000000c1", text: "Send the recap the same day" };
    const saved = await manager.call<Note>("PUT", `/api/notes/${note.id}`, {
      ifMatch: note.version,
      body: {
        focus: [],
        wentWell: "",
        gaps: "",
        privateNotes: "",
        actions: [{ ...action, owner: "rep", due: "2026-03-06" }],
      },
    });
    await manager.call<Note>("POST", `/api/notes/${saved.id}/share`, { body: {} });
    const page = await open(REP, `#/note/${note.id}`);
    const done = page.getByRole("checkbox", { name: `Done: ${action.text}` });
    await done.check();
    await expect.poll(() => done.isChecked()).toBe(true);
    const stored = await manager.call<Note>("GET", `/api/notes/${note.id}`);
    expect(stored.actions.find((item) => item.id === action.id)?.status).toBe("done");
    await page.context().close();
  }, 60_000);
});

describe("the coaching note never loses typing", () => {
  it("keeps what was typed offline and saves it on reconnecting", async () => {
    const note = await draftNote();
    const page = await open(MANAGER, `#/note/${note.id}`);
    const saved = page.getByRole("status").filter({ hasText: "All changes saved" });
    await saved.waitFor();
    await page.context().setOffline(true);
    await page.getByRole("textbox", { name: "What went well" }).fill("Written on the train, offline.");
    await page
      .getByRole("status")
      .filter({ hasText: /^Offline/ })
      .waitFor({ timeout: 15_000 });
    await page.context().setOffline(false);
    await saved.waitFor({ timeout: 15_000 });
    const stored = await manager.call<Note>("GET", `/api/notes/${note.id}`);
    expect(stored.wentWell).toBe("Written on the train, offline.");
    await page.context().close();
  }, 60_000);

  it("merges another window's save, and asks which to keep where both changed the same field", async () => {
    const note = await draftNote();
    const first = await open(MANAGER, `#/note/${note.id}`);
    const second = await open(MANAGER, `#/note/${note.id}`);
    for (const page of [first, second]) {
      await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
    }
    await first.getByRole("textbox", { name: "Gaps seen" }).fill("Gaps, from the laptop.");
    await first.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });

    // The second window still has the version before: its save is refused (412) and merged.
    await second.getByRole("textbox", { name: "What went well" }).fill("Went well, from the phone.");
    await second.getByRole("textbox", { name: "Gaps seen" }).fill("Gaps, from the phone.");
    const dialog = second.getByRole("dialog", { name: "Someone else changed this note" });
    await dialog.getByText("Gaps, from the laptop.").waitFor({ timeout: 15_000 });
    expect(await dialog.getByText("Went well, from the phone.").count()).toBe(0);
    await dialog.getByRole("button", { name: "Keep these and save" }).click();
    await second.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });

    const stored = await manager.call<Note>("GET", `/api/notes/${note.id}`);
    expect(stored.wentWell).toBe("Went well, from the phone.");
    expect(stored.gaps).toBe("Gaps, from the phone.");
    await first.context().close();
    await second.context().close();
  }, 90_000);
});
