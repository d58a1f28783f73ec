import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "../../src/api/events.ts";
import type { Note } from "../../src/api/notes.ts";
import type { PlanResponse } from "../../src/api/plans.ts";
import type { BehavioursResponse } from "../../src/api/settings.ts";
import type { AcceptResponse, SuggestionsResponse } from "../../src/api/suggestions.ts";
import { seriousAccessibilityProblems } from "./support/accessibility.ts";
import { apiAs } from "./support/api-as.ts";
import { openPage } from "./support/browser.ts";
import { demoInChromium } from "./support/demo-in-chromium.ts";
import { demoPeople, personNamed } from "./support/demo-people.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { signInAs } from "./support/sign-in.ts";

const NOW = Date.parse("2026-03-03T14:00:00Z");
const MANAGER = "Marcus Bell";
const REP = "Emma Adeyemi";
const EXECUTIVE = "Renata Okafor";
const TEAMMATE = "Hannah Novak";
const THEMES = ["light", "dark"] as const;

const demo = demoInChromium(["tab"], NOW);
let noteId: string;
let draftNoteId: string;
let repEmail: string;

/** Each page of the tab: who opens it, where, and what shows that it has loaded. */
interface PageCase {
  readonly name: string;
  readonly person: string;
  readonly admin?: boolean;
  readonly hash: () => string;
  readonly ready: (page: Page) => Promise<void>;
  /** A table whose rows shade under the pointer: its links must stay readable on the shade. */
  readonly hoverTable?: string;
}

const PAGES: readonly PageCase[] = [
  {
    name: "my-team",
    person: MANAGER,
    hash: () => "#/team",
    ready: async (page) => {
      await page.getByRole("table", { name: "Coaching mix per rep" }).waitFor();
      await page.getByRole("switch", { name: "Show as a table" }).waitFor();
      await page
        .locator("svg")
        .filter({ has: page.locator("rect") })
        .first()
        .waitFor();
      await page.getByRole("list", { name: "Meetings" }).waitFor();
    },
    hoverTable: "Coaching mix per rep",
  },
  {
    name: "field-days",
    person: MANAGER,
    hash: () => "#/suggestions",
    ready: (page) => page.getByRole("heading", { name: "Due in the next weeks" }).waitFor(),
  },
  {
    name: "rep-plan",
    person: MANAGER,
    hash: () => `#/rep/${repEmail}`,
    ready: (page) => page.getByRole("list", { name: "Timeline" }).waitFor(),
  },
  {
    name: "coaching-note",
    person: MANAGER,
    hash: () => `#/note/${noteId}`,
    ready: (page) => page.getByRole("heading", { name: "Executive review" }).waitFor(),
  },
  {
    name: "coaching-note-draft",
    person: MANAGER,
    hash: () => `#/note/${draftNoteId}`,
    ready: async (page) => {
      await page.getByRole("heading", { name: "Private notes" }).waitFor();
      await page.getByRole("combobox", { name: "Add a focus behaviour" }).waitFor();
      await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
    },
  },
  {
    name: "my-coaching",
    person: REP,
    hash: () => "#/me",
    ready: async (page) => {
      await page.getByRole("list", { name: "Timeline" }).waitFor();
      await page.getByRole("heading", { name: /Your meetings with/ }).waitFor();
      await page.getByRole("article").first().waitFor();
    },
  },
  {
    name: "coaching-the-coaches",
    person: EXECUTIVE,
    hash: () => "#/coaches",
    ready: async (page) => {
      await page.getByRole("table", { name: "Coaching per manager" }).waitFor();
      await page.getByRole("list", { name: "Reports" }).waitFor();
    },
    hoverTable: "Coaching per manager",
  },
  {
    name: "settings",
    person: EXECUTIVE,
    admin: true,
    hash: () => "#/settings",
    ready: async (page) => {
      await page.getByRole("button", { name: "Save policy" }).waitFor();
      await page.getByRole("button", { name: "Save library" }).waitFor();
    },
  },
];

beforeAll(async () => {
  await seedCoaching();
}, 300_000);

/**
 * What a few weeks of use would leave behind, so the pages show more than their empty states: a plan
 * with figures, and a booked field day whose note was shared, reflected on and signed off, awaiting review.
 */
async function seedCoaching(): Promise<void> {
  const people = await demoPeople(demo.server.baseUrl);
  const manager = await apiAs(demo.server.baseUrl, personNamed(people, MANAGER).objectId);
  const rep = await apiAs(demo.server.baseUrl, personNamed(people, REP).objectId);
  repEmail = personNamed(people, REP).email;

  const library = await manager.call<BehavioursResponse>("GET", "/api/settings/behaviours");
  const [first, second] = library.behaviours;
  if (first === undefined || second === undefined)
    throw new Error("The demo's behaviour library has fewer than two behaviours");
  const plan = await manager.call<PlanResponse>("GET", `/api/reps/${repEmail}/plan`);
  await manager.call("PUT", `/api/reps/${repEmail}/plan`, {
    ifMatch: plan.version,
    body: {
      focus: [
        { behaviourId: first.id, targetRating: 3 },
        { behaviourId: second.id, targetRating: 4 },
      ],
      goals: [
        {
          id: "6f7a2d10-0000-4000-8000-000000000001",
          text: "Two new logos this quarter",
          due: "2026-03-31",
          status: "open",
        },
        {
          id: "6f7a2d10-0000-4000-8000-000000000002",
          text: "Run discovery without a script",
          due: "2026-04-30",
          status: "open",
        },
      ],
      cadenceOverride: null,
    },
  });
  await manager.call("POST", `/api/reps/${repEmail}/metrics/import`, {
    csv: [
      "date,pipeline,proposals,deals-closed,pipeline-value,closed-value",
      "2026-01-30,14,4,1,820000,120000",
      "2026-02-27,17,6,2,1040000,310000",
    ].join("\n"),
  });

  const suggestions = await manager.call<SuggestionsResponse>("GET", "/api/suggestions");
  const offer = suggestions.suggestions.find((suggestion) => suggestion.rep.email === repEmail);
  if (offer === undefined) throw new Error(`No field day is suggested for ${REP}`);
  const booked = await manager.call<AcceptResponse>("POST", `/api/suggestions/${offer.id}/accept`, {
    body: {},
  });
  noteId = booked.noteId;
  const draft = await manager.call<Note>("GET", `/api/notes/${noteId}`);
  const saved = await manager.call<Note>("PUT", `/api/notes/${noteId}`, {
    ifMatch: draft.version,
    body: {
      focus: [
        {
          behaviourId: first.id,
          rating: 3,
          evidence: "Opened with the customer's goals and confirmed the budget owner.",
        },
        { behaviourId: second.id, rating: 2, evidence: "Summarised, but did not ask for the next meeting." },
      ],
      wentWell: "Calm with the pricing objection; used the reference story well.",
      gaps: "Closing: no agreed next step at the end of two calls.",
      privateNotes: "Workload is high this month; keep the next field day short.",
      actions: [
        {
          id: "6f7a2d10-0000-4000-8000-0000000000a1",
          text: "Propose a next step in every call this week",
          owner: "rep",
          due: "2026-03-10",
        },
        {
          id: "6f7a2d10-0000-4000-8000-0000000000a2",
          text: "Share two closing questions",
          owner: "manager",
          due: "2026-03-06",
        },
      ],
    },
  });
  const shared = await manager.call<Note>("POST", `/api/notes/${noteId}/share`, { body: {} });
  await rep.call("PUT", `/api/notes/${noteId}/reflection`, {
    ifMatch: shared.version,
    body: {
      reflection: "I rushed the end of both calls. Next time I will ask for the meeting before summarising.",
    },
  });
  expect(saved.version).toBeGreaterThan(draft.version);
  await manager.call("POST", `/api/notes/${noteId}/sign-off`, { body: {} });

  const teammate = personNamed(people, TEAMMATE).email;
  const past = await manager.call<EventsResponse>(
    "GET",
    `/api/events?from=2026-02-02T00:00:00Z&to=2026-03-03T00:00:00Z&rep=${encodeURIComponent(teammate)}`,
  );
  const meeting = past.events.find((event) => event.iCalUId !== null && event.reps.length === 1);
  if (meeting?.iCalUId == null) throw new Error(`${MANAGER} had no meeting with ${TEAMMATE} in February`);
  draftNoteId = (
    await manager.call<Note>("POST", "/api/notes", { body: { meeting: meeting.iCalUId, rep: teammate } })
  ).id;
  const empty = await manager.call<Note>("GET", `/api/notes/${draftNoteId}`);
  await manager.call<Note>("PUT", `/api/notes/${draftNoteId}`, {
    ifMatch: empty.version,
    body: {
      focus: [{ behaviourId: first.id, rating: 2, evidence: "Talked through the whole demo script." }],
      wentWell: "",
      gaps: "",
      privateNotes: "",
      actions: [
        {
          id: "6f7a2d10-0000-4000-8000-0000000000b1",
          text: "Ask one open question before every demo",
          owner: "rep",
          due: "2026-03-12",
        },
      ],
    },
  });
}

async function openAs(
  person: string,
  options: { admin?: boolean; theme: string; width?: number },
): Promise<Page> {
  const { page } = await openPage(demo.browser, {
    baseUrl: demo.server.baseUrl,
    now: NOW,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.theme === "dark" ? "dark" : "light",
  });
  await signInAs(page, demo.server.baseUrl, person, {
    admin: options.admin === true,
    path: `/tab?theme=${options.theme}`,
  });
  return page;
}

async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

describe("every page of the tab, in light and dark", () => {
  for (const theme of THEMES) {
    it(`the demo sign-in has no serious accessibility problems (${theme})`, async () => {
      const { page } = await openPage(demo.browser, { baseUrl: demo.server.baseUrl, now: NOW });
      await page.goto(`${demo.server.baseUrl}/tab?theme=${theme}`);
      await page.getByRole("heading", { name: "Sign in to the FieldCoach demo" }).waitFor();
      await page.getByRole("button", { name: new RegExp(`^${MANAGER} `) }).waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await saveScreenshot(page, `sign-in-${theme}`);
      await page.context().close();
    }, 60_000);

    for (const pageCase of PAGES) {
      it(`${pageCase.name} has no serious accessibility problems (${theme})`, async () => {
        const page = await openAs(pageCase.person, { admin: pageCase.admin, theme });
        await show(page, pageCase.hash());
        await pageCase.ready(page);
        if (pageCase.hoverTable !== undefined) {
          await page.getByRole("table", { name: pageCase.hoverTable }).getByRole("link").first().hover();
        }
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
        await saveScreenshot(page, `${pageCase.name}-${theme}`);
        await page.context().close();
      }, 90_000);
    }
  }
});

describe("narrow screens", () => {
  it("every page fits 320 px: no sideways scrolling, no squeezed table cells, nothing serious for axe", async () => {
    const problems: string[] = [];
    for (const pageCase of PAGES) {
      const page = await openAs(pageCase.person, { admin: pageCase.admin, theme: "light", width: 320 });
      await show(page, pageCase.hash());
      await pageCase.ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) problems.push(`${pageCase.name}: ${width} px wide`);
      // A table squeezed below its content's width lets the text of one column run over the next.
      const squeezed = await page.evaluate(() =>
        [...document.querySelectorAll("td, th")]
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => cell.textContent ?? ""),
      );
      if (squeezed.length > 0)
        problems.push(`${pageCase.name}: squeezed cells ${squeezed.slice(0, 3).join(" | ")}`);
      for (const problem of await seriousAccessibilityProblems(page))
        problems.push(`${pageCase.name}: ${problem}`);
      if (["my-team", "coaching-note", "coaching-note-draft"].includes(pageCase.name)) {
        await saveScreenshot(page, `${pageCase.name}-narrow`);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
