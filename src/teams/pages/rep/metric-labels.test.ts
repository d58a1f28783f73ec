import { describe, expect, it } from "vitest";
import { formatMetric } from "./metric-labels.ts";

describe("formatMetric", () => {
  it("shows counts whole and money compact, in the locale", () => {
    expect(formatMetric("deals-closed", 12, "en-US")).toBe("12");
    expect(formatMetric("pipeline-value", 1_250_000, "en-US")).toBe("1.3M");
    expect(formatMetric("closed-value", 40_000.5, "de-DE")).toBe("40.000,5");
  });
});
