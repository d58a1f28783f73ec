/*
 * The Outlook panel, standalone in Chromium, with script and HTML in people's names, in the meetings'
 * organizer and attendee names and subjects as Graph serves them, and in the coaching records (see
 * support/inert-markup.ts): the list of meetings, a meeting's classification, its corrected reason, the
 * rep's focus behaviours and last actions, and its note show the markup as text and run none of it.
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

/** About the width Outlook gives a task pane. */
const PANE = { width: 320, height: 900 };

const inspections: PageInspection[] = [];

const pages = markupPagesOfFile("outlook");

describe("markup in every text field, in the Outlook panel", () => {
  it.each([
    ["the manager's meetings with reps", "/outlook", "mia"],
    ["a corrected one-on-one and its note", "oneOnOne", "mia"],
    ["a customer call a rep brought the manager into", "customerCall", "mia"],
    ["the same one-on-one as the rep sees it", "oneOnOne", "ben"],
    ["an address made of markup", `/outlook#/meeting/${encodeURIComponent(markup("Address"))}`, "mia"],
  ] as const)(
    "%s",
    async (_name, where, who) => {
      const { world, browser } = pages();
      const { org } = world;
      const path =
        where === "oneOnOne" || where === "customerCall"
          ? `/outlook#/meeting/${encodeURIComponent(org.meetings[where])}`
          : where;
      const inspection = await inspectPage(browser, world, path, { user: org[who] }, PANE);
      inspections.push(inspection);
      expectInert(inspection);
    },
    60_000,
  );

  it("shows the names, the corrected reason and the note as the characters they are", () => {
    const { evidence, wentWell, action, reflection, override, behaviourName } = WRITTEN;
    expect(
      notShownLiterally(inspections, {
        evidence,
        wentWell,
        action,
        reflection,
        override,
        behaviourName,
        ...Object.fromEntries(["Mia", "Ana", "Ben"].map((label) => [label, markup(label)])),
      }),
    ).toEqual([]);
  });
});
