import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AcceptResponse } from "../../src/api/suggestions.ts";
import { openPage } from "./support/browser.ts";
import { demoInChromium } from "./support/demo-in-chromium.ts";
import { type DemoPersonInfo, demoPeople, personNamed } from "./support/demo-people.ts";
import { signInAs } from "./support/sign-in.ts";

/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
const MANAGER = "Marcus Bell";
const REP = "Emma Adeyemi";
const EXECUTIVE = "Renata Okafor";
const OTHER_MANAGER = "Dana Whitfield";
const TEAMMATE = "Hannah Novak";

const demo = demoInChromium(["tab"], NOW);
let people: readonly DemoPersonInfo[];

beforeAll(async () => {
  people = await demoPeople(demo.server.baseUrl);
}, 300_000);

async function open(name: string, options: { admin?: boolean } = {}): Promise<Page> {
  const { page } = await openPage(demo.browser, { baseUrl: demo.server.baseUrl, now: NOW });
  await signInAs(page, demo.server.baseUrl, name, options);
  return page;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

/** Whether the event is in the person's own calendar, read through Graph as that person. */
async function calendarHolds(
  person: DemoPersonInfo,
  booked: AcceptResponse,
): Promise<readonly string[] | undefined> {
  const tenantId = demo.server.server.demo!.tenantId;
  const graph = await demo.server.server.services.graph.asPerson(tenantId, person.objectId);
  if (graph === undefined) throw new Error(`No Graph access as ${person.name}`);
  const events = await graph.calendars.calendarView(person.objectId, {
    start: Date.parse(booked.event.start),
    end: Date.parse(booked.event.end),
  });
  const event = events.find((candidate) => candidate.iCalUId === booked.event.iCalUId);
  return event === undefined || !("categories" in event) ? undefined : event.categories;
}

describe("the Teams tab's main journeys, in Chromium against the demo", () => {
  let noteId: string;

  it("a manager sees the coaching mix and books a suggested field day into both calendars", async () => {
    const page = await open(MANAGER);
    await page.getByRole("heading", { level: 1, name: "My team" }).waitFor();
    const figures = page.getByRole("list", { name: "Team figures" });
    await figures.getByRole("heading", { name: "Coaching ratio" }).waitFor();
    const reps = page.getByRole("table", { name: "Coaching mix per rep" });
    await reps.getByRole("link", { name: REP }).waitFor();
    expect(await reps.getByRole("row").count()).toBeGreaterThan(2);
    await page.getByRole("list", { name: "Meetings" }).getByRole("article").first().waitFor();

    await page.getByRole("tab", { name: "Field days" }).click();
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: REP }) });
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith("/accept") && response.status() === 200),
      card.getByRole("button", { name: "Book field day" }).click(),
    ]);
    const booked = (await answer.json()) as AcceptResponse;
    await card.getByText("Booked", { exact: true }).waitFor();
    noteId = booked.noteId;

    expect(await calendarHolds(personNamed(people, MANAGER), booked)).toContain("Field day");
    expect(await calendarHolds(personNamed(people, REP), booked)).toContain("Field day");

    await card.getByRole("link", { name: "Open the coaching note" }).click();
    await page.getByRole("heading", { level: 1, name: `Coaching note: ${REP}` }).waitFor();
    await page.close();
  }, 120_000);

  it("the manager writes the note, which autosaves, and shares it with the rep", async () => {
    const page = await open(MANAGER);
    await goTo(page, `#/note/${noteId}`);
    await page.getByRole("heading", { level: 1, name: `Coaching note: ${REP}` }).waitFor();

    await page.getByRole("combobox", { name: "Add a focus behaviour" }).click();
    const behaviour = page.getByRole("option").first();
    const behaviourName = (await behaviour.textContent()) ?? "";
    await behaviour.click();
    await page.getByRole("radio", { name: "3 Proficient" }).check();
    await page
      .getByRole("textbox", { name: `Evidence observed for ${behaviourName}` })
      .fill("Asked about the budget owner early.");
    await page.getByRole("textbox", { name: "What went well" }).fill("Clear agenda, calm with objections.");
    await page.getByRole("textbox", { name: "Gaps seen" }).fill("Did not ask for the next meeting.");
    await page.getByRole("button", { name: "Add an action" }).click();
    await page.getByRole("textbox", { name: "Action 1" }).fill("Propose a next step in every call this week");
    await page.getByRole("textbox", { name: "Only you see these" }).fill("Seems tired; check workload.");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });

    await page.getByRole("button", { name: `Share with ${REP}` }).click();
    await page.getByText("Shared with the rep", { exact: true }).waitFor();
    await page.close();
  }, 120_000);

  it("the rep reads the shared note, without the private notes, and writes a reflection", async () => {
    const page = await open(REP);
    await page.getByRole("heading", { level: 1, name: "My coaching" }).waitFor();
    await page.getByRole("heading", { name: "Coaching notes" }).waitFor();
    await page
      .getByRole("link", { name: /Tue|Wed|Thu|Fri|Mon/ })
      .first()
      .waitFor();
    await goTo(page, `#/note/${noteId}`);
    await page.getByRole("heading", { level: 1, name: `Coaching note: ${REP}` }).waitFor();
    expect(await page.getByText("Clear agenda, calm with objections.").count()).toBe(1);
    expect(await page.getByText("Seems tired; check workload.").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Private notes" }).count()).toBe(0);

    await page
      .getByRole("textbox", { name: "How did it go, in your own words?" })
      .fill("I rushed the close; next time I ask for the meeting.");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });
    await page.close();
  }, 120_000);

  it("the manager sees the reflection and signs the note off", async () => {
    const page = await open(MANAGER);
    await goTo(page, `#/note/${noteId}`);
    await page.getByText("I rushed the close; next time I ask for the meeting.").waitFor();
    await page.getByRole("button", { name: "Sign off" }).click();
    await page
      .getByRole("dialog", { name: "Sign off this note?" })
      .getByRole("button", { name: "Sign off" })
      .click();
    await page.getByText("Signed off", { exact: true }).waitFor();
    expect(await page.getByRole("textbox", { name: "Gaps seen" }).getAttribute("readonly")).not.toBeNull();
    await page.close();
  }, 120_000);

  it("the executive finds the report to review and writes a debrief comment", async () => {
    const page = await open(EXECUTIVE);
    await page.getByRole("heading", { level: 1, name: "Coaching the coaches" }).waitFor();
    await page
      .getByRole("table", { name: "Coaching per manager" })
      .getByRole("link", { name: MANAGER })
      .waitFor();
    await page
      .getByRole("list", { name: "Reports" })
      .getByRole("link", { name: `${MANAGER} with ${REP}` })
      .click();
    await page.getByRole("heading", { level: 1, name: `Coaching note: ${REP}` }).waitFor();
    expect(await page.getByText("Seems tired; check workload.").count()).toBe(0);
    await page
      .getByRole("textbox", { name: "Your review comment" })
      .fill("Good evidence. Let us talk about closing skills on Friday.");
    await page.getByRole("checkbox", { name: "I held the debrief with the manager" }).check();
    await page.getByRole("button", { name: "Add review comment" }).click();
    const comments = page.getByRole("list", { name: "Review comments" });
    await comments.getByText("Good evidence. Let us talk about closing skills on Friday.").waitFor();
    await comments.getByText(`${EXECUTIVE} · debrief held`).waitFor();
    await page.close();
  }, 120_000);

  it("nobody else sees the note: not another manager, not another rep of the same team", async () => {
    for (const name of [OTHER_MANAGER, TEAMMATE]) {
      const page = await open(name);
      await goTo(page, `#/note/${noteId}`);
      await page.getByRole("heading", { name: "This note is not available" }).waitFor();
      expect(await page.getByText("Clear agenda, calm with objections.").count()).toBe(0);
      await page.close();
    }
  }, 120_000);
});
