/*
 * Script and HTML in every text field, rendered inert by the Teams tab's pages and the demo's sign-in
 * picker, in Chromium: people's names and job titles and the meetings' organizer and attendee names as
 * Graph serves them, and note fields, actions, the rep's reflection, review comments, plan goals,
 * behaviour names and descriptions and the reason of a corrected classification as people write them.
 * On every page no alert fires, no element of the markup exists, the Content-Security-Policy has nothing
 * to stop, and the markup shows as the characters it is; meeting subjects and bodies show nowhere.
 */

import { describe, expect, it } from "vitest";
import {
  expectInert,
  inspectPage,
  markup,
  markupPagesOfFile,
  notShownLiterally,
  type PageInspection,
  WRITTEN,
} from "./support/inert-markup.ts";

const inspections: PageInspection[] = [];

const pages = markupPagesOfFile("tab");

describe("markup in every text field, in the Teams tab's pages", () => {
  it.each([
    ["the demo's sign-in picker", "/demo/sign-in", undefined],
    ["the manager's team", "/tab#/team", "mia"],
    ["the manager's field-day suggestions", "/tab#/suggestions", "mia"],
    ["the manager's signed-off note", "note", "mia"],
    ["a meeting's note", "meeting", "mia"],
    ["a rep's plan", "plan", "mia"],
    ["the rep's own coaching", "/tab#/me", "ben"],
    ["the rep's note", "note", "ben"],
    ["coaching the coaches", "/tab#/coaches", "vera"],
    ["the executive's report", "note", "vera"],
    ["the settings", "/tab#/settings", "ida"],
    ["an address made of markup", `/tab#/${encodeURIComponent(markup("Address"))}`, "mia"],
  ] as const)(
    "%s",
    async (_name, where, who) => {
      const { world, browser } = pages();
      const { org, noteId } = world;
      const path =
        where === "note"
          ? `/tab#/note/${noteId}`
          : where === "meeting"
            ? `/tab#/meeting/${encodeURIComponent(org.meetings.oneOnOne)}?rep=${encodeURIComponent(org.ben.mail)}`
            : where === "plan"
              ? `/tab#/rep/${encodeURIComponent(org.ana.mail)}`
              : where;
      const person = who === undefined ? undefined : { user: org[who], admin: who === "ida" };
      const inspection = await inspectPage(browser, world, path, person);
      inspections.push(inspection);
      expectInert(inspection);
    },
    60_000,
  );

  it("shows every name and every written text as the characters it is, somewhere", () => {
    const missing = notShownLiterally(inspections, {
      ...WRITTEN,
      ...Object.fromEntries(
        ["Mia", "Ana", "Ben", "Vera", "Max", "Title of Mia"].map((label) => [label, markup(label)]),
      ),
    });
    expect(missing).toEqual([]);
  });
});
