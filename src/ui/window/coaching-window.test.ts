import { describe, expect, it } from "vitest";
import { coachingWindow, isWindowWeeks } from "./coaching-window.ts";

describe("coachingWindow", () => {
  it("ends on the next whole hour and starts whole weeks earlier", () => {
    expect(coachingWindow(4, Date.parse("2026-03-02T08:20:00Z"))).toEqual({
      from: "2026-02-02T09:00:00.000Z",
      to: "2026-03-02T09:00:00.000Z",
    });
    expect(coachingWindow(1, Date.parse("2026-03-02T09:00:00Z")).to).toBe("2026-03-02T09:00:00.000Z");
  });

  it("knows the choices it offers", () => {
    expect(isWindowWeeks(8)).toBe(true);
    expect(isWindowWeeks(5)).toBe(false);
  });
});
