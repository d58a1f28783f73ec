import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDateTime,
  formatDay,
  formatRange,
  formatTime,
  formatTimeRange,
  formatWhen,
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

describe("when something happened", () => {
  /** Tuesday 3 March 2026, 10:02 in New York. */
  const NOW = "2026-03-03T15:02:00Z";

  it("says today and yesterday as they are in the viewer's zone", () => {
    expect(plain(formatTime("2026-03-03T14:14:00Z", NEW_YORK))).toBe("9:14 AM");
    expect(plain(formatWhen("2026-03-03T14:14:00Z", NOW, NEW_YORK))).toBe("at 9:14 AM today");
    // 00:30 UTC on the 3rd is still the 2nd in New York.
    expect(plain(formatWhen("2026-03-03T00:30:00Z", NOW, NEW_YORK))).toBe("at 7:30 PM yesterday");
    expect(plain(formatWhen("2026-03-03T00:30:00Z", NOW, BERLIN))).toBe("at 1:30 today");
    expect(plain(formatWhen("2026-02-27T14:14:00Z", NOW, NEW_YORK))).toBe("on Fri, Feb 27 at 9:14 AM");
  });

  it("counts days, not 24 hours, across a change of clocks", () => {
    // New York springs forward on Sunday 8 March 2026: that day has 23 hours.
    expect(plain(formatWhen("2026-03-08T04:30:00Z", "2026-03-09T03:59:00Z", NEW_YORK))).toBe(
      "at 11:30 PM yesterday",
    );
    expect(plain(formatWhen("2026-03-08T05:30:00Z", "2026-03-09T03:59:00Z", NEW_YORK))).toBe(
      "at 12:30 AM today",
    );
  });

  it("an instant is today at itself, today or yesterday within 22 hours after, and dated days later, in any zone", () => {
    const zones = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "UTC"];
    const instants = fc.integer({
      min: Date.parse("2020-01-01T00:00:00Z"),
      max: Date.parse("2030-01-01T00:00:00Z"),
    });
    const minutes = fc.integer({ min: 0, max: 22 * 60 });
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), minutes, (instant, timeZone, later) => {
        const at = { locale: "en-US", timeZone };
        expect(formatWhen(instant, instant, at)).toMatch(/ today$/);
        // A zone's day lasts at least 23 hours, so less than that crosses one midnight at most.
        expect(formatWhen(instant, instant + later * 60_000, at)).toMatch(/ (today|yesterday)$/);
        expect(formatWhen(instant, instant + 3 * 86_400_000, at)).toMatch(/^on /);
      }),
    );
  });
});
