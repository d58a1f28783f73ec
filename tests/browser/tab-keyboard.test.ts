import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { demoInChromium } from "./support/demo-in-chromium.ts";

/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
const MANAGER = "Marcus Bell";
const REP = "Emma Adeyemi";

const demo = demoInChromium(["tab"], NOW);

/** Presses the key (Tab, or Shift+Tab to go back) until the element has the focus. */
async function moveFocusTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < 120; presses += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

describe("the tab with the keyboard alone", () => {
  it("a manager signs in, books a field day, and writes and shares its note without a pointer", async () => {
    const { page } = await openPage(demo.browser, { baseUrl: demo.server.baseUrl, now: NOW });
    await page.goto(`${demo.server.baseUrl}/tab`);
    await moveFocusTo(page, page.getByRole("button", { name: new RegExp(`^${MANAGER} `) }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "My team" }).waitFor();

    // The first stop skips the header; the page's tabs are one stop, moved through with the arrows.
    await page.keyboard.press("Tab");
    expect(await isFocused(page.getByRole("button", { name: "Skip to content" }))).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await moveFocusTo(page, page.getByRole("tab", { name: "My team" }), "Shift+Tab");
    await page.keyboard.press("ArrowRight");
    expect(await isFocused(page.getByRole("tab", { name: "Field days" }))).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Field days" }).waitFor();

    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: REP }) });
    await moveFocusTo(page, card.getByRole("button", { name: "Book field day" }));
    await page.keyboard.press("Enter");
    await card.getByText("Booked", { exact: true }).waitFor();
    await moveFocusTo(page, card.getByRole("link", { name: "Open the coaching note" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: `Coaching note: ${REP}` }).waitFor();

    await moveFocusTo(page, page.getByRole("combobox", { name: "Add a focus behaviour" }));
    await page.keyboard.press("Enter");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.press("Enter");
    const rating = page.getByRole("radiogroup", { name: /^Rating for / });
    await moveFocusTo(page, rating.getByRole("radio", { name: "1 Not yet" }));
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await rating.getByRole("radio", { name: "3 Proficient" }).isChecked()).toBe(true);
    await moveFocusTo(page, page.getByRole("textbox", { name: /^Evidence observed for / }));
    await page.keyboard.type("Asked who signs off the budget in the first five minutes.");
    await moveFocusTo(page, page.getByRole("textbox", { name: "What went well" }));
    await page.keyboard.type("Kept the call to the agenda.");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 15_000 });

    await moveFocusTo(page, page.getByRole("button", { name: `Share with ${REP}` }));
    await page.keyboard.press("Enter");
    await page.getByText("Shared with the rep", { exact: true }).waitFor();
    await page.context().close();
  }, 120_000);
});
