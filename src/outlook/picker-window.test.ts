import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkedMeetingWindow, MAX_WEEKS_BACK, pickerWindow } from "./picker-window.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const API_MAX_MS = 373 * 86_400_000;

describe("pickerWindow", () => {
  it("runs from weeks before now to two weeks ahead", () => {
    expect(pickerWindow(NOW, 2)).toEqual({
      from: "2026-02-18T15:00:00.000Z",
      to: "2026-03-18T15:00:00.000Z",
    });
    expect(linkedMeetingWindow(NOW).to).toBe("2026-03-18T15:00:00.000Z");
  });

  it("always holds now and never asks the API for more than it answers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 200 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (weeks, now) => {
          const window = pickerWindow(now, weeks);
          const from = Date.parse(window.from);
          const to = Date.parse(window.to);
          expect(from).toBeLessThan(now);
          expect(to).toBeGreaterThan(now);
          expect(to - from).toBeLessThanOrEqual(API_MAX_MS);
        },
      ),
    );
    expect(Date.parse(linkedMeetingWindow(NOW).to) - Date.parse(linkedMeetingWindow(NOW).from)).toBe(
      (MAX_WEEKS_BACK + 2) * 7 * 86_400_000,
    );
  });
});
