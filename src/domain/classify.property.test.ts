import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Attendee, CalendarEvent, EventInput, ResponseKind } from "./calendar-event.ts";
import { classifyEvents } from "./classify.ts";
import {
  ANN,
  buildEvent,
  buildTestOrg,
  EVE,
  JANE,
  JANE_ALIAS,
  LEE,
  MARY,
  MARY_ALIAS,
  OLGA,
  PAUL,
  RAJ,
  utc,
} from "./classify-test-support.ts";
import { addDays } from "./instant.ts";

const org = buildTestOrg();
const ADDRESSES = [
  MARY,
  MARY_ALIAS,
  JANE,
  JANE_ALIAS,
  RAJ,
  LEE,
  PAUL,
  EVE,
  OLGA,
  ANN,
  "someone@eu.contoso.com",
  "buyer@fabrikam.com",
  "ap@sales.fabrikam.com",
  "cio@northwind.com",
  "it@contoso.com.evil.com",
  "friend@example.org",
] as const;
const RESPONSES: readonly ResponseKind[] = [
  "none",
  "organizer",
  "tentativelyAccepted",
  "accepted",
  "declined",
  "notResponded",
];
const SPAN = { start: utc("2026-02-20T00:00"), end: utc("2026-05-10T00:00") };

const attendeeArb: fc.Arbitrary<Attendee> = fc.record({
  email: fc.constantFrom(...ADDRESSES),
  name: fc.constant(null),
  type: fc.constantFrom("required", "optional", "resource"),
  response: fc.constantFrom(...RESPONSES),
});

const timedArb = fc
  .tuple(fc.integer({ min: SPAN.start, max: SPAN.end }), fc.integer({ min: 0, max: 12 * 60 }))
  .map(([start, minutes]) => ({ start, end: start + minutes * 60_000, isAllDay: false }));

const allDayArb = fc
  .tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 9 }))
  .map(([offset, days]) => {
    const start = addDays("2026-02-20", offset);
    const end = addDays(start, days);
    return {
      start: utc(`${start}T00:00`),
      end: utc(`${end}T00:00`),
      isAllDay: true,
      allDayDates: { start, end },
    };
  });

let serial = 0;
const eventArb: fc.Arbitrary<CalendarEvent> = fc
  .record({
    times: fc.oneof({ weight: 5, arbitrary: timedArb }, { weight: 1, arbitrary: allDayArb }),
    organizer: fc.option(fc.constantFrom(...ADDRESSES), { nil: null }),
    attendees: fc.array(attendeeArb, { maxLength: 6 }),
    isOrganizer: fc.boolean(),
    isCancelled: fc.boolean(),
    showAs: fc.constantFrom("free", "tentative", "busy", "oof", "workingElsewhere", "unknown"),
    sensitivity: fc.constantFrom("normal", "personal", "private", "confidential"),
    ownerResponse: fc.constantFrom(...RESPONSES),
    categories: fc.subarray(["Field day", "FIELD DAY", "Blue", "Customer"]),
  })
  .map((r) => {
    serial++;
    return buildEvent({
      id: `p-${serial}`,
      iCalUId: `p-ical-${serial}`,
      ...r.times,
      organizer: r.organizer === null ? null : { email: r.organizer, name: null },
      attendees: r.attendees,
      isOrganizer: r.isOrganizer,
      isCancelled: r.isCancelled,
      showAs: r.showAs,
      sensitivity: r.sensitivity,
      ownerResponse: r.ownerResponse,
      categories: r.categories,
    });
  });

const windowArb = fc
  .tuple(fc.integer({ min: SPAN.start, max: SPAN.end }), fc.integer({ min: 1, max: 40 * 24 }))
  .map(([start, hours]) => ({ start, end: start + hours * 3_600_000 }));

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
