import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventInput } from "./calendar-event.ts";
import { classifyEvents } from "./classify.ts";
import { eventArb, windowArb } from "./classify-test-arbitraries.ts";
import { attendee, buildAllDayEvent, buildTestOrg, MARY } from "./classify-test-support.ts";
import { addDays, MS_PER_DAY } from "./instant.ts";
import { clip, hoursOf } from "./interval.ts";
import { buildOrgIndex, WEEKDAYS } from "./org.ts";
import { parseOrg } from "./parse-org.ts";
import { workingDays, workWeekOf } from "./working-hours.ts";

const org = buildTestOrg();
const classify = (events: readonly EventInput[], window: { start: number; end: number }) =>
  classifyEvents({ manager: MARY, org, events, window });

describe("classifyEvents properties", () => {
  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), windowArb, (events, window) => {
        expect(classify(events, window)).toEqual(classify(events, window));
      }),
      { numRuns: 150 },
    );
  });

  it("classifies each event the same whatever the order of the others", () => {
    fc.assert(
      fc.property(
        fc
          .array(eventArb, { minLength: 1, maxLength: 30 })
          .chain((events) =>
            fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
          ),
        windowArb,
        ([events, shuffled], window) => {
          const byId = new Map(classify(events, window).map((c) => [c.id, c]));
          for (const result of classify(shuffled, window)) expect(result).toEqual(byId.get(result.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("returns every event exactly once, in input order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), windowArb, (events, window) => {
        expect(classify(events, window).map((c) => c.id)).toEqual(events.map((e) => e.id));
      }),
      { numRuns: 150 },
    );
  });

  it("counts a timed event's hours between zero and its length inside the window", () => {
    fc.assert(
      fc.property(eventArb, windowArb, (event, window) => {
        const [result] = classify([event], window);
        const inside = Math.max(0, Math.min(event.end, window.end) - Math.max(event.start, window.start));
        expect(result!.hours).toBeGreaterThanOrEqual(0);
        if (!event.isAllDay) expect(result!.hours).toBeLessThanOrEqual(inside / 3_600_000 + 1e-9);
        if (!event.isAllDay && result!.initiator !== "none") {
          expect(result!.hours).toBeCloseTo(inside / 3_600_000, 9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the rules' invariants", () => {
    fc.assert(
      fc.property(eventArb, windowArb, (event, window) => {
        const [result] = classify([event], window);
        const c = result!;
        if (event.isCancelled || event.ownerResponse === "declined") expect(c.initiator).toBe("none");
        if (c.initiator === "none") {
          expect(c.kind).toBeNull();
          expect(c.development).toBe("none");
          expect(c.hours).toBe(0);
        } else {
          expect(c.reps.length).toBeGreaterThan(0);
          expect(c.development).toBe(
            c.initiator === "manager" ? "skill" : c.initiator === "rep" ? "sales" : "none",
          );
        }
        if (c.kind === "field-day") expect(c.initiator).toBe("manager");
        if (c.bigDeal) expect(c.kind).toBe("customer-call");
        if (c.kind === "customer-call") expect(c.customerDomains.length).toBeGreaterThan(0);
        expect(c.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("all-day hours", () => {
  const ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "UTC",
  ];
  const clock = (quarters: number) =>
    `${String(Math.floor(quarters / 4)).padStart(2, "0")}:${String((quarters % 4) * 15).padStart(2, "0")}:00`;

  it("count the rep's working hours on each date as working-hours.ts lays them out, clipped to the window", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: -72, max: 72 }),
        fc.integer({ min: -72, max: 72 }),
        (zone, days, startQuarter, lengthQuarters, offset, span, earlyHours, lateHours) => {
          const startTime = clock(startQuarter);
          const endTime = clock(Math.min(startQuarter + lengthQuarters, 95));
          const repOrg = buildOrgIndex(
            parseOrg({
              tenantDomains: ["contoso.com"],
              bigDealThreshold: 0,
              people: [
                { email: MARY, name: "Mary", role: "manager" },
                {
                  email: "rep@contoso.com",
                  name: "Rep",
                  role: "rep",
                  manager: MARY,
                  workingHours: { daysOfWeek: days, startTime, endTime, timeZone: zone },
                },
              ],
            }),
          );
          const first = addDays("2025-01-01", offset);
          const dates = { start: first, end: addDays(first, span) };
          const event = buildAllDayEvent(dates, { attendees: [attendee("rep@contoso.com")] });
          // The window starts up to three days before or after the event starts, and likewise ends.
          const window = {
            start: event.start + earlyHours * 3_600_000,
            end: Math.max(event.end + lateHours * 3_600_000, event.start + earlyHours * 3_600_000 + 1),
          };
          const wide = { start: Math.min(window.start, event.start), end: Math.max(window.end, event.end) };
          const [result] = classifyEvents({ manager: MARY, org: repOrg, events: [event], window });
          const week = workWeekOf(repOrg.personByAddress("rep@contoso.com")!.workingHours);
          const expected = workingDays(week, {
            start: wide.start - 2 * MS_PER_DAY,
            end: wide.end + 2 * MS_PER_DAY,
          })
            .filter((day) => day.date >= dates.start && day.date < dates.end)
            .reduce((total, day) => {
              const inside = clip(day.interval, window);
              return total + (inside === undefined ? 0 : hoursOf(inside));
            }, 0);
          expect(result!.hours).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
