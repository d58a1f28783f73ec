import { describe, expect, it } from "vitest";
import { zonedLines } from "./suggestion-zones.ts";

function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, " ");
}

describe("zonedLines", () => {
  const start = "2026-03-03T14:00:00Z";
  const end = "2026-03-03T18:00:00Z";

  it("shows the block in the viewer's zone, then in another person's zone when their clock differs", () => {
    const lines = zonedLines(start, end, { locale: "en-US", timeZone: "America/New_York" }, [
      { label: "Ana's time", timeZone: "America/Chicago" },
    ]).map((line) => ({ label: line.label, text: plain(line.text) }));
    expect(lines).toEqual([
      { label: "Your time", text: "Tue, Mar 3, 9:00 AM – 1:00 PM" },
      { label: "Ana's time (Central Standard Time)", text: "8:00 AM – 12:00 PM" },
    ]);
  });

  it("says nothing more when the other person's clock reads the same", () => {
    const lines = zonedLines(start, end, { locale: "en-US", timeZone: "America/New_York" }, [
      { label: "Manager's time", timeZone: "America/Toronto" },
      { label: "Ana's time", timeZone: "America/New_York" },
    ]);
    expect(lines).toHaveLength(1);
  });
});
