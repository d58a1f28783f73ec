import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  formatInZone,
  instantAt,
  instantFromLocal,
  isoWeek,
  localDate,
  localWeekday,
  parseIsoInstant,
} from "./instant.ts";

const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Chatham",
];
const utc = (iso: string) => Date.parse(`${iso}Z`);
const instantArb = fc.integer({ min: utc("1990-01-01T00:00:00"), max: utc("2060-12-31T00:00:00") });

describe("instantFromLocal", () => {
  it("reads Graph's seven-digit fractions, and dates without a time", () => {
    expect(instantFromLocal("2026-03-08T10:00:00.0000000", "UTC")).toBe(utc("2026-03-08T10:00:00"));
    expect(instantFromLocal("2026-03-08T10:00:00.1239999", "UTC")).toBe(utc("2026-03-08T10:00:00.123"));
    expect(instantFromLocal("2026-03-08T10:00:00.5", "UTC")).toBe(utc("2026-03-08T10:00:00.500"));
    expect(instantFromLocal("2026-03-08T10:00:00.07", "UTC")).toBe(utc("2026-03-08T10:00:00.070"));
    expect(instantFromLocal("2026-03-08T10:00", "UTC")).toBe(utc("2026-03-08T10:00:00"));
    expect(instantFromLocal("2026-03-08", "UTC")).toBe(utc("2026-03-08T00:00:00"));
  });

  it("reads wall-clock times in Windows and IANA zones alike", () => {
    expect(instantFromLocal("2026-03-08T09:00:00", "Pacific Standard Time")).toBe(utc("2026-03-08T16:00:00"));
    expect(instantFromLocal("2026-03-07T09:00:00", "America/Los_Angeles")).toBe(utc("2026-03-07T17:00:00"));
    expect(instantFromLocal("2026-10-25T01:00:00", "W. Europe Standard Time")).toBe(
      utc("2026-10-24T23:00:00"),
    );
    expect(instantFromLocal("2026-10-25T03:00:00", "Europe/Berlin")).toBe(utc("2026-10-25T02:00:00"));
  });

  it("moves a time the spring change skips forward by the gap", () => {
    expect(instantFromLocal("2026-03-08T02:30:00", "Eastern Standard Time")).toBe(utc("2026-03-08T07:30:00"));
  });

  it("takes 24:00 as the end of the day, and nothing after it", () => {
    expect(instantFromLocal("2026-03-08T24:00:00", "UTC")).toBe(utc("2026-03-09T00:00:00"));
    expect(instantFromLocal("2026-03-08T24:30:00", "UTC")).toBeUndefined();
    expect(instantFromLocal("2026-03-08T24:00:01", "Europe/Berlin")).toBeUndefined();
  });

  it.each([
    ["2026-02-29T10:00:00", "UTC"],
    ["2026-13-01T10:00:00", "UTC"],
    ["2026-04-31T10:00:00", "Europe/Berlin"],
    ["2026-03-08T10:60:00", "UTC"],
    ["2026-03-08 10:00:00", "UTC"],
    ["yesterday", "UTC"],
    ["2026-03-08T10:00:00Z", "UTC"],
    ["2026-03-08T10:00:00.", "UTC"],
    ["2026-03-08T10:00:00.12345678", "UTC"],
    ["2026-03-08T10:00:00.1a", "UTC"],
    ["2026-03-08T1:00:00", "UTC"],
    ["2026-3-08T10:00:00", "UTC"],
    ["2026-03-08T10:00:0", "UTC"],
    ["2026-03-08T10:00:00", "Mars/Olympus_Mons"],
    ["2026-03-08T10:00:00", ""],
  ])("refuses %j in %j", (dateTime, zone) => {
    expect(instantFromLocal(dateTime, zone)).toBeUndefined();
  });

  it("agrees with Luxon on the UTC fast path", () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const local = DateTime.fromMillis(t, { zone: "UTC" }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
        expect(instantFromLocal(local, "UTC")).toBe(t);
        expect(instantFromLocal(local, "Etc/UTC")).toBe(t);
      }),
    );
  });

  it("gives back the wall clock it read, in any zone, across daylight-time changes", () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), (t, zone) => {
        const wall = DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
        const back = instantFromLocal(wall, zone);
        expect(back).toBeDefined();
        // In the repeated autumn hour either reading is right; the wall clock must match.
        expect(DateTime.fromMillis(back!, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss")).toBe(wall);
        expect(Math.abs(back! - Math.floor(t / 1000) * 1000)).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a Windows zone exactly as the IANA zone it names", () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const wall = DateTime.fromMillis(t, { zone: "UTC" }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
        expect(instantFromLocal(wall, "Pacific Standard Time")).toBe(
          instantFromLocal(wall, "America/Los_Angeles"),
        );
        expect(instantFromLocal(wall, "W. Europe Standard Time")).toBe(
          instantFromLocal(wall, "Europe/Berlin"),
        );
      }),
    );
  });
});

describe("parseIsoInstant", () => {
  it.each([
    ["2026-03-01T00:00:00Z", utc("2026-03-01T00:00:00")],
    ["2026-03-01T00:00:00z", utc("2026-03-01T00:00:00")],
    ["2026-03-01T01:00:00+01:00", utc("2026-03-01T00:00:00")],
    ["2026-03-01T01:00+0100", utc("2026-03-01T00:00:00")],
    ["2026-02-28T19:00:00.500-05:00", utc("2026-03-01T00:00:00.500")],
  ])("reads %s", (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    "2026-03-01T00:00:00",
    "2026-03-01",
    "2026-02-30T00:00:00Z",
    "2026-03-01T25:00:00Z",
    "tomorrow",
    "",
  ])("refuses %j, which is no instant with an offset", (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it("reads back what formatInZone writes", () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), (t, zone) => {
        const seconds = Math.floor(t / 1000) * 1000;
        expect(parseIsoInstant(formatInZone(seconds, zone))).toBe(seconds);
      }),
    );
  });
});

describe("dates, weekdays and weeks in a zone", () => {
  it("finds the date and weekday on the zone's own calendar", () => {
    const sundayEveningInNewYork = utc("2026-03-09T03:30:00");
    expect(localDate(sundayEveningInNewYork, "America/New_York")).toBe("2026-03-08");
    expect(localDate(sundayEveningInNewYork, "UTC")).toBe("2026-03-09");
    expect(localWeekday(sundayEveningInNewYork, "America/New_York")).toBe(7);
    expect(localWeekday(sundayEveningInNewYork, "UTC")).toBe(1);
    expect(isoWeek(sundayEveningInNewYork, "America/New_York")).toBe("2026-W10");
    expect(isoWeek(sundayEveningInNewYork, "UTC")).toBe("2026-W11");
  });

  it("labels weeks by ISO week-year at the turn of the year", () => {
    expect(isoWeek(utc("2026-12-31T12:00:00"), "UTC")).toBe("2026-W53");
    expect(isoWeek(utc("2027-01-03T12:00:00"), "UTC")).toBe("2026-W53");
    expect(isoWeek(utc("2027-01-04T12:00:00"), "UTC")).toBe("2027-W01");
    expect(isoWeek(utc("2024-12-30T12:00:00"), "UTC")).toBe("2025-W01");
  });

  it("adds calendar days across months, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    fc.assert(
      fc.property(instantArb, fc.integer({ min: -1000, max: 1000 }), (t, days) => {
        const date = localDate(t, "UTC");
        expect(addDays(date, days)).toBe(DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate());
      }),
    );
  });

  it("finds a wall-clock time on a date, moving a skipped time forward", () => {
    expect(instantAt("2026-03-08", "09:00", "America/New_York")).toBe(utc("2026-03-08T13:00:00"));
    expect(instantAt("2026-03-07", "09:00", "America/New_York")).toBe(utc("2026-03-07T14:00:00"));
    expect(instantAt("2026-03-29", "02:30", "Europe/Berlin")).toBe(utc("2026-03-29T01:30:00"));
    expect(() => instantAt("2026-02-30", "09:00", "UTC")).toThrow(RangeError);
  });

  it("writes an instant with the zone's offset at that moment", () => {
    expect(formatInZone(utc("2026-03-07T14:00:00"), "America/New_York")).toBe("2026-03-07T09:00:00-05:00");
    expect(formatInZone(utc("2026-03-09T13:00:00"), "America/New_York")).toBe("2026-03-09T09:00:00-04:00");
  });
});
