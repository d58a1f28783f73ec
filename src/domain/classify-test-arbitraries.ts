import fc from "fast-check";
import type { Attendee, CalendarEvent, ResponseKind } from "./calendar-event.ts";
import {
  ANN,
  buildEvent,
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

/** Random events around the test org of classify-test-support.ts, for property tests. */

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
export const SPAN = { start: utc("2026-02-20T00:00"), end: utc("2026-05-10T00:00") };

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
export const eventArb: fc.Arbitrary<CalendarEvent> = fc
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

export const windowArb = fc
  .tuple(fc.integer({ min: SPAN.start, max: SPAN.end }), fc.integer({ min: 1, max: 40 * 24 }))
  .map(([start, hours]) => ({ start, end: start + hours * 3_600_000 }));
