import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDateTime,
  formatDay,
  formatRange,
  formatTimeRange,
  formatZoneName,
} from "./date-format.ts";

/** ICU puts narrow and thin spaces around times and ranges; the words are what matter here. */
function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, " ");
}

const NEW_YORK = { locale: "en-US", timeZone: "America/New_York" };
const BERLIN = { locale: "de-DE", timeZone: "Europe/Berlin" };

describe("date formats", () => {
  it("shows an instant in the viewer's zone and locale", () => {
    const instant = "2026-03-03T14:00:00Z";
    expect(plain(formatDateTime(instant, NEW_YORK))).toBe("Tue, Mar 3, 9:00 AM");
    expect(plain(formatDateTime(instant, BERLIN))).toBe("Di., 3. März, 15:00");
    expect(formatDay("2026-03-04T03:00:00Z", NEW_YORK)).toBe("Tue, Mar 3");
  });

  it("shows one block in both people's zones", () => {
    const start = "2026-03-03T14:00:00Z";
    const end = "2026-03-03T18:00:00Z";
    expect(plain(formatRange(start, end, NEW_YORK))).toBe("Tue, Mar 3, 9:00 AM – 1:00 PM");
    expect(plain(formatTimeRange(start, end, { locale: "en-US", timeZone: "America/Los_Angeles" }))).toBe(
      "6:00 – 10:00 AM",
    );
  });

  it("names both dates when a block crosses midnight in that zone", () => {
    expect(plain(formatRange("2026-03-03T22:00:00Z", "2026-03-04T02:00:00Z", NEW_YORK))).toContain("Mar 3");
    expect(plain(formatRange("2026-03-04T03:00:00Z", "2026-03-04T07:00:00Z", NEW_YORK))).toMatch(
      /Mar 3.*Mar 4/,
    );
  });

  it("keeps a calendar date on its day in every zone", () => {
    expect(plain(formatCalendarDate("2026-03-03", "en-US"))).toBe("Mar 3, 2026");
    expect(plain(formatCalendarDate("2026-03-03", "en-GB", "long"))).toBe("Tuesday, 3 March 2026");
    expect(() => formatCalendarDate("3/3/2026", "en-US")).toThrow(RangeError);
  });

  it("names the zone as it is at that date", () => {
    expect(plain(formatZoneName("America/New_York", "en-US", "2026-01-15T12:00:00Z"))).toBe(
      "Eastern Standard Time",
    );
    expect(plain(formatZoneName("America/New_York", "en-US", "2026-07-15T12:00:00Z"))).toBe(
      "Eastern Daylight Time",
    );
  });

  it("refuses what is not an instant", () => {
    expect(() => formatDateTime("soon", NEW_YORK)).toThrow(RangeError);
  });
});
