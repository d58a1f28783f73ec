import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MS_PER_DAY } from "../../domain/instant.ts";
import { calendarSyncWindow, WEEKS_AHEAD, WEEKS_BACK } from "./sync-window.ts";

const instants = fc.integer({
  min: Date.parse("1971-01-01T00:00:00Z"),
  max: Date.parse("2100-01-01T00:00:00Z"),
});

describe("calendarSyncWindow", () => {
  it("runs from a Monday midnight UTC, holds now, and spans the weeks back and ahead", () => {
    fc.assert(
      fc.property(instants, (now) => {
        const window = calendarSyncWindow(now);
        const start = new Date(window.start);
        expect(start.getUTCDay()).toBe(1);
        expect(window.start % MS_PER_DAY).toBe(0);
        expect(window.end - window.start).toBe((WEEKS_BACK + WEEKS_AHEAD) * 7 * MS_PER_DAY);
        expect(window.start + WEEKS_BACK * 7 * MS_PER_DAY).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(window.start + (WEEKS_BACK + 1) * 7 * MS_PER_DAY);
      }),
    );
  });

  it("stays the same all week and moves by a week on Monday", () => {
    const monday = Date.parse("2026-03-02T00:00:00Z");
    const sunday = Date.parse("2026-03-08T23:59:59.999Z");
    expect(calendarSyncWindow(sunday)).toEqual(calendarSyncWindow(monday));
    expect(calendarSyncWindow(sunday + 1).start - calendarSyncWindow(monday).start).toBe(7 * MS_PER_DAY);
  });
});
