import { describe, expect, it } from "vitest";
import { formatCount, formatHours, formatShare } from "./number-format.ts";

describe("number formats", () => {
  it("shows hours and shares in the locale", () => {
    expect(formatHours(12.25, "en-US")).toBe("12.3h");
    expect(formatHours(4, "de-DE")).toBe("4h");
    expect(formatShare(0.4234, "en-US")).toBe("42%");
    expect(formatShare(null, "en-US")).toBe("–");
    expect(formatCount(1234, "de-DE")).toBe("1.234");
  });
});
