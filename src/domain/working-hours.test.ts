import fc from "fast-check";
import { DateTime, type Zone } from "luxon";
import { describe, expect, it } from "vitest";
import { customZone } from "./custom-time-zone.ts";
import { WEEKDAYS, type Weekday } from "./org.ts";
import { type WorkWeek, workingDays, workWeekOf } from "./working-hours.ts";
import { zoneNamed } from "./zoned-time.ts";

const pacificRules = customZone({
  name: "Customized Time Zone",
  biasMinutes: 480,
  daylight: {
    biasMinutes: -60,
    starts: { month: 3, dayOccurrence: 2, dayOfWeek: "sunday", time: "02:00:00" },
    ends: { month: 11, dayOccurrence: 1, dayOfWeek: "sunday", time: "02:00:00" },
  },
});

const ZONES: readonly Zone[] = [
  ...[
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/Santiago",
    "Pacific/Chatham",
    "UTC",
  ].map((name) => zoneNamed(name)!),
  pacificRules,
  customZone({ name: "India", biasMinutes: -330 }),
];

const utc = (iso: string): number => DateTime.fromISO(iso, { zone: "UTC" }).toMillis();
const wall = (ms: number, zone: Zone): DateTime => DateTime.fromMillis(ms, { zone });
const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;

// Working hours start at 04:00 or later: real daylight-time changes happen before that, so every
// generated start and end time exists on every date.
const workWeek = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    days: fc.subarray([...WEEKDAYS] as Weekday[], { minLength: 1 }),
    startQuarter: fc.integer({ min: 16, max: 48 }),
    lengthQuarters: fc.integer({ min: 1, max: 40 }),
  })
  .filter((r) => r.startQuarter + r.lengthQuarters <= 95)
  .map(
    (r): WorkWeek => ({
      daysOfWeek: r.days,
      startTime: clock(r.startQuarter * 15),
      endTime: clock((r.startQuarter + r.lengthQuarters) * 15),
      zone: r.zone,
    }),
  );

const window = fc
  .tuple(
    fc.integer({ min: utc("2025-01-01T00:00"), max: utc("2027-12-01T00:00") }),
    fc.integer({ min: 1, max: 40 * 24 }),
  )
  .map(([start, hours]) => ({ start, end: start + hours * 3_600_000 }));

describe("workingDays", () => {
  it("puts each day's hours on that day's own wall clock, inside one date, in order", () => {
    fc.assert(
      fc.property(workWeek, window, (week, w) => {
        const days = workingDays(week, w);
        days.forEach((day, i) => {
          const start = wall(day.interval.start, week.zone);
          const lastMoment = wall(day.interval.end - 1, week.zone);
          expect(start.toISODate()).toBe(day.date);
          expect(lastMoment.toISODate()).toBe(day.date);
          expect(start.toFormat("HH:mm:ss")).toBe(week.startTime);
          expect(wall(day.interval.end, week.zone).toFormat("HH:mm:ss")).toBe(week.endTime);
          expect(week.daysOfWeek).toContain(WEEKDAYS[start.weekday - 1]);
          expect(day.interval.start < w.end && day.interval.end > w.start).toBe(true);
          if (i > 0) expect(days[i - 1]!.interval.end).toBeLessThan(day.interval.start);
        });
      }),
    );
  });

  it("misses no working time inside the window", () => {
    fc.assert(
      fc.property(workWeek, window, (week, w) => {
        const days = workingDays(week, w);
        for (let t = w.start; t < w.end; t += 15 * 60_000) {
          const local = wall(t, week.zone);
          const time = local.toFormat("HH:mm:ss");
          const working =
            week.daysOfWeek.includes(WEEKDAYS[local.weekday - 1]!) &&
            time >= week.startTime &&
            time < week.endTime;
          const covered = days.some((d) => d.interval.start <= t && t < d.interval.end);
          expect(covered).toBe(working);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("follows the US and EU daylight-time changes in the week they happen", () => {
    const week = (zone: string): WorkWeek =>
      workWeekOf({ daysOfWeek: [...WEEKDAYS], startTime: "09:00:00", endTime: "17:00:00", timeZone: zone });
    const us = workingDays(week("America/New_York"), {
      start: utc("2026-03-06T00:00"),
      end: utc("2026-03-10T00:00"),
    });
    expect(us.map((d) => [d.date, new Date(d.interval.start).toISOString()])).toEqual([
      ["2026-03-06", "2026-03-06T14:00:00.000Z"],
      ["2026-03-07", "2026-03-07T14:00:00.000Z"],
      ["2026-03-08", "2026-03-08T13:00:00.000Z"],
      ["2026-03-09", "2026-03-09T13:00:00.000Z"],
    ]);
    const eu = workingDays(week("Europe/Berlin"), {
      start: utc("2026-10-24T12:00"),
      end: utc("2026-10-26T12:00"),
    });
    expect(eu.map((d) => new Date(d.interval.end).toISOString())).toEqual([
      "2026-10-24T15:00:00.000Z",
      "2026-10-25T16:00:00.000Z",
      "2026-10-26T16:00:00.000Z",
    ]);
  });

  it("moves a start time that the spring change skips to just after the gap", () => {
    const week: WorkWeek = {
      daysOfWeek: ["sunday"],
      startTime: "02:30:00",
      endTime: "10:00:00",
      zone: zoneNamed("America/New_York")!,
    };
    const [day] = workingDays(week, { start: utc("2026-03-08T00:00"), end: utc("2026-03-09T00:00") });
    expect(wall(day!.interval.start, week.zone).toISO()).toBe("2026-03-08T03:30:00.000-04:00");
  });

  it("reads a custom zone's daylight rule as Graph writes it, like the named zone it copies", () => {
    const la = zoneNamed("America/Los_Angeles")!;
    fc.assert(
      fc.property(fc.integer({ min: utc("2019-01-01T00:00"), max: utc("2035-12-31T00:00") }), (t) => {
        expect(pacificRules.offset(t)).toBe(la.offset(t));
      }),
      { numRuns: 2000 },
    );
  });
});
