import { describe, expect, it } from "vitest";
import { mapGraphEvent } from "../graph/map-event.ts";
import type { EventInput } from "./calendar-event.ts";
import {
  type Classification,
  type ClassificationOverride,
  classifyEvents,
  type Initiator,
  type MeetingKind,
} from "./classify.ts";
import {
  ANN,
  attendee,
  buildAllDayEvent,
  buildEvent,
  buildGraphEvent,
  buildTestOrg,
  EVE,
  graphAttendee,
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

const org = buildTestOrg();
const WINDOW = { start: utc("2026-03-01T00:00"), end: utc("2026-11-01T00:00") };
const jane = { email: JANE, name: "Jane Rep" };
const graph = (overrides: Record<string, unknown>): EventInput =>
  mapGraphEvent(buildGraphEvent(overrides), "$");
const hoursLong = (hours: number) => ({ end: utc("2026-03-03T14:00") + hours * 3_600_000 });
const graphTime = (dateTime: string, timeZone: string) => ({ dateTime, timeZone });

interface Scenario {
  readonly name: string;
  readonly event: EventInput;
  readonly initiator: Initiator;
  readonly kind: MeetingKind | null;
  readonly reps: readonly string[];
  readonly hours: number;
  readonly bigDeal?: boolean;
  /** A sentence (or part of one) the reasons must hold. */
  readonly reason?: string;
  readonly override?: ClassificationOverride;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: "Mary meets Jane for an hour",
    event: buildEvent(),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    reason: "organized by Mary Manager",
  },
  {
    name: "exactly 3 hours with one rep is a field day",
    event: buildEvent(hoursLong(3)),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 3,
    reason: "field day: Mary Manager with Jane Rep for 3 hours or more",
  },
  {
    name: "a minute under 3 hours is not",
    event: buildEvent(hoursLong(3 - 1 / 60)),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 3 - 1 / 60,
  },
  {
    name: 'category "FIELD DAY" in capitals makes an hour a field day',
    event: buildEvent({ categories: ["Blue", "FIELD DAY"] }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 1,
    reason: 'with the category "Field day"',
  },
  {
    name: "a field day with a customer along stays a field day (first match wins)",
    event: buildEvent({ ...hoursLong(4), attendees: [attendee(JANE), attendee("buyer@fabrikam.com")] }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 4,
    bigDeal: false,
  },
  {
    name: "four hours with two reps is a group meeting, not a field day",
    event: buildEvent({ ...hoursLong(4), attendees: [attendee(JANE), attendee(RAJ)] }),
    initiator: "manager",
    kind: "group",
    reps: [JANE, RAJ],
    hours: 4,
    reason: "2 reps take part: Jane Rep and Raj Rep",
  },
  {
    name: "Jane organizes and Mary attends",
    event: buildEvent({ organizer: jane, attendees: [attendee(MARY)], ownerResponse: "accepted" }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    reason: "organized by Jane Rep",
  },
  {
    name: "a rep organizing from an alias is still the rep",
    event: buildEvent({ organizer: { email: JANE_ALIAS, name: null }, attendees: [attendee(MARY)] }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "Mary organizing from her alias is Mary",
    event: buildEvent({ organizer: { email: MARY_ALIAS, name: null } }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "addresses match whatever their case in Graph",
    event: graph({
      organizer: { emailAddress: { name: "J", address: "Jane@CONTOSO.com" } },
      attendees: [graphAttendee("MARY.Manager@Contoso.COM")],
    }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a customer brings Mary into Jane's deal: big deal at exactly the threshold",
    event: buildEvent({
      organizer: { email: "bob@fabrikam.com", name: "Bob" },
      attendees: [attendee(MARY), attendee(JANE)],
    }),
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: true,
    reason: "big deal: Fabrikam has 1000000 in open pipeline, at or above 1000000",
  },
  {
    name: "one below the threshold is no big deal",
    event: buildEvent({
      organizer: { email: "cio@northwind.com", name: null },
      attendees: [attendee(MARY), attendee(JANE)],
    }),
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: false,
    reason: "1 external attendee from northwind.com",
  },
  {
    name: "a customer's subdomain belongs to its account",
    event: buildEvent({
      organizer: { email: "ap@sales.fabrikam.com", name: null },
      attendees: [attendee(JANE), attendee("ar@sales.fabrikam.com")],
    }),
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: true,
    reason: "2 external attendees from sales.fabrikam.com",
  },
  {
    name: "Mary takes Jane to a customer: skill development, still a customer call",
    event: buildEvent({ attendees: [attendee(JANE), attendee("buyer@fabrikam.com")] }),
    initiator: "manager",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: true,
  },
  {
    name: "a look-alike of the tenant's domain is external",
    event: buildEvent({
      organizer: jane,
      attendees: [attendee(MARY), attendee("it@contoso.com.evil.com")],
    }),
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: false,
    reason: "1 external attendee from contoso.com.evil.com",
  },
  {
    name: "a look-alike of an account's domain is not that account",
    event: buildEvent({ organizer: { email: "x@fabrikam.com.evil.com", name: null } }),
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: false,
  },
  {
    name: "a peer manager organizes with Jane",
    event: buildEvent({
      organizer: { email: PAUL, name: null },
      attendees: [attendee(MARY), attendee(JANE)],
    }),
    initiator: "other",
    kind: "group",
    reps: [JANE],
    hours: 1,
    reason: "organized by Paul Peer, who is not one of Mary Manager's reps",
  },
  {
    name: "the executive organizes with Jane",
    event: buildEvent({ organizer: { email: EVE, name: null }, attendees: [attendee(MARY), attendee(JANE)] }),
    initiator: "other",
    kind: "group",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "another team's rep organizes with Jane",
    event: buildEvent({
      organizer: { email: OLGA, name: null },
      attendees: [attendee(MARY), attendee(JANE)],
    }),
    initiator: "other",
    kind: "group",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "another team's rep alone with Mary is not classified",
    event: buildEvent({ attendees: [attendee(OLGA)] }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "none of Mary Manager's reps takes part",
  },
  {
    name: "Mary and a peer only is not classified",
    event: buildEvent({ attendees: [attendee(PAUL)] }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
  },
  {
    name: "a customer with Mary but no rep is not classified",
    event: buildEvent({ organizer: { email: "bob@fabrikam.com", name: null }, attendees: [attendee(MARY)] }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
  },
  {
    name: "an unknown colleague on a tenant subdomain is internal",
    event: buildEvent({
      organizer: { email: "someone@eu.contoso.com", name: null },
      attendees: [attendee(MARY), attendee(JANE)],
    }),
    initiator: "other",
    kind: "group",
    reps: [JANE],
    hours: 1,
    reason: "Jane Rep with 1 colleague",
  },
  {
    name: "a rep whose address is on a tenant subdomain",
    event: buildEvent({ organizer: { email: RAJ, name: null }, attendees: [attendee(MARY)] }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [RAJ],
    hours: 1,
  },
  {
    name: "a room is not a person",
    event: buildEvent({
      attendees: [attendee(JANE), attendee("room-4@contoso.com", "accepted", "resource")],
    }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a resource outside the tenant does not make a customer call",
    event: buildEvent({
      attendees: [attendee(JANE), attendee("van@rentals.example", "accepted", "resource")],
    }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a colleague who declined does not count",
    event: buildEvent({ attendees: [attendee(JANE), attendee(PAUL, "declined")] }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    reason: "1 attendee declined and does not count",
  },
  {
    name: "a rep who declined does not take part",
    event: buildEvent({ attendees: [attendee(JANE, "declined")] }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
  },
  {
    name: "a customer who declined does not make a customer call",
    event: buildEvent({
      organizer: jane,
      attendees: [attendee(MARY), attendee("buyer@fabrikam.com", "declined")],
    }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    bigDeal: false,
  },
  {
    name: "a tentative rep takes part",
    event: buildEvent({ attendees: [attendee(JANE, "tentativelyAccepted")] }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a rep who has not responded takes part",
    event: buildEvent({ attendees: [attendee(JANE, "notResponded")] }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "Mary declined it",
    event: buildEvent({ organizer: jane, attendees: [attendee(MARY)], ownerResponse: "declined" }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "Mary Manager declined it",
  },
  {
    name: "Mary's attendee entry says she declined",
    event: buildEvent({
      organizer: jane,
      attendees: [attendee(MARY_ALIAS, "declined")],
      ownerResponse: "none",
    }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "Mary Manager declined it",
  },
  {
    name: "cancelled",
    event: buildEvent({ isCancelled: true }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "cancelled",
  },
  {
    name: "shown as free and organized by Jane",
    event: buildEvent({ organizer: jane, attendees: [attendee(MARY)], showAs: "free" }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "shown as free and not organized by Mary Manager",
  },
  {
    name: "shown as free but organized by Mary",
    event: buildEvent({ showAs: "free" }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a private meeting is classified like any other",
    event: buildEvent({ organizer: jane, attendees: [attendee(MARY)], sensitivity: "private" }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "an occurrence of a weekly series",
    event: buildEvent({
      type: "occurrence",
      seriesMasterId: "series-1",
      iCalUId: "series-1-occurrence-20260303",
      organizer: jane,
      attendees: [attendee(MARY), attendee(RAJ)],
    }),
    initiator: "rep",
    kind: "group",
    reps: [JANE, RAJ],
    hours: 1,
  },
  {
    name: "an all-day field day counts Jane's working day in New York",
    event: buildAllDayEvent({ start: "2026-03-03", end: "2026-03-04" }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 9,
    reason: "all day: 1 working day of Jane Rep, 9 hours",
  },
  {
    name: "an all-day event over a weekend and the EU clock change counts Raj's two working days",
    event: buildAllDayEvent({ start: "2026-03-27", end: "2026-03-31" }, { attendees: [attendee(RAJ)] }),
    initiator: "manager",
    kind: "field-day",
    reps: [RAJ],
    hours: 17,
  },
  {
    name: "an all-day event on the Sunday the US clocks change is no working day",
    event: buildAllDayEvent({ start: "2026-03-08", end: "2026-03-09" }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 0,
    reason: "all day: 0 working days of Jane Rep",
  },
  {
    name: "an all-day event counts Lee's hours, set in a Windows zone",
    event: buildAllDayEvent({ start: "2026-03-09", end: "2026-03-10" }, { attendees: [attendee(LEE)] }),
    initiator: "manager",
    kind: "field-day",
    reps: [LEE],
    hours: 8,
  },
  {
    name: "an all-day event that starts before the window counts only days inside it",
    event: buildAllDayEvent({ start: "2026-02-27", end: "2026-03-03" }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 9,
    reason: "all day: 2 working days of Jane Rep, 9 hours of 18 hours in the window",
  },
  {
    name: "an all-day event a rep organized counts that rep's day",
    event: buildAllDayEvent(
      { start: "2026-10-30", end: "2026-11-03" },
      { organizer: jane, attendees: [attendee(MARY)] },
    ),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 9,
  },
  {
    name: "three wall-clock hours in a Windows zone across the US spring change last two",
    event: graph({
      start: graphTime("2026-03-08T01:00:00.0000000", "Eastern Standard Time"),
      end: graphTime("2026-03-08T04:00:00.0000000", "Eastern Standard Time"),
    }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 2,
  },
  {
    name: "two wall-clock hours in an IANA zone across the EU autumn change last three",
    event: graph({
      start: graphTime("2026-10-25T01:00:00", "Europe/Berlin"),
      end: graphTime("2026-10-25T03:00:00", "Europe/Berlin"),
    }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 3,
  },
  {
    name: "a meeting that starts before the window counts its hours inside",
    event: buildEvent({ start: utc("2026-02-28T22:00"), end: utc("2026-03-01T02:00") }),
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 2,
    reason: "2 hours of its 4 hours fall in the window",
  },
  {
    name: "a meeting that ends after the window",
    event: buildEvent({
      start: utc("2026-10-31T23:00"),
      end: utc("2026-11-01T01:00"),
      organizer: jane,
      attendees: [attendee(MARY)],
    }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a meeting wholly outside the window counts no hours",
    event: buildEvent({ start: utc("2026-02-10T14:00"), end: utc("2026-02-10T15:00") }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 0,
  },
  {
    name: "a delegate organized it for Mary",
    event: buildEvent({
      organizer: { email: ANN, name: null },
      isOrganizer: true,
      attendees: [attendee(JANE)],
    }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    reason: "organized on Mary Manager's behalf by Ann Assistant",
  },
  {
    name: "isOrganizer on Mary's own meeting",
    event: buildEvent({ isOrganizer: true }),
    initiator: "manager",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
    reason: "organized by Mary Manager",
  },
  {
    name: "no organizer given",
    event: buildEvent({ organizer: null, attendees: [attendee(MARY), attendee(JANE)] }),
    initiator: "other",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "the organizer listed again among the attendees is one person",
    event: buildEvent({ organizer: jane, attendees: [attendee(JANE), attendee(JANE_ALIAS), attendee(MARY)] }),
    initiator: "rep",
    kind: "one-on-one",
    reps: [JANE],
    hours: 1,
  },
  {
    name: "a display name alone never matches a rep",
    event: buildEvent({
      attendees: [{ email: "jane.rep@gmail.com", name: "Jane Rep", type: "required", response: "accepted" }],
    }),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
  },
  {
    name: "Jane organizes with Raj",
    event: buildEvent({ organizer: jane, attendees: [attendee(RAJ), attendee(MARY)] }),
    initiator: "rep",
    kind: "group",
    reps: [JANE, RAJ],
    hours: 1,
  },
  {
    name: "Mary's override wins over the rules",
    event: buildEvent({ iCalUId: "overridden-1", organizer: jane, attendees: [attendee(MARY)] }),
    override: { initiator: "manager", kind: "field-day", reason: "I asked for this ride-along" },
    initiator: "manager",
    kind: "field-day",
    reps: [JANE],
    hours: 1,
    reason: "overridden by Mary Manager: I asked for this ride-along",
  },
  {
    name: "an override of the kind alone keeps the initiator the rules found",
    event: buildEvent({ iCalUId: "overridden-2", organizer: jane, attendees: [attendee(MARY)] }),
    override: { kind: "customer-call" },
    initiator: "rep",
    kind: "customer-call",
    reps: [JANE],
    hours: 1,
    bigDeal: false,
  },
  {
    name: "an override finds an event without an iCalUId by its id",
    event: buildEvent({ id: "no-ical-1", iCalUId: null, attendees: [attendee(PAUL)] }),
    override: { initiator: "manager", kind: "one-on-one" },
    initiator: "manager",
    kind: "one-on-one",
    reps: [],
    hours: 1,
  },
  {
    name: "an event Graph sent without its times",
    event: mapGraphEvent({ id: "bare", iCalUId: "bare-ical" }, "$"),
    initiator: "none",
    kind: null,
    reps: [],
    hours: 0,
    reason: "Graph sent it without start and end, so it cannot be classified",
  },
];

const overrides = new Map<string, ClassificationOverride>();
for (const scenario of SCENARIOS) {
  if (scenario.override === undefined || "incomplete" in scenario.event) continue;
  overrides.set(scenario.event.iCalUId ?? scenario.event.id, scenario.override);
}

const results = classifyEvents({
  manager: MARY,
  org,
  events: SCENARIOS.map((s) => s.event),
  window: WINDOW,
  overrides,
});

const DEVELOPMENT = { manager: "skill", rep: "sales", other: "none", none: "none" } as const;

describe("classifyEvents: hand-labelled scenarios", () => {
  it("returns one classification per event, in input order", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    expect(results.map((r) => r.id)).toEqual(SCENARIOS.map((s) => s.event.id));
  });

  it.each(SCENARIOS.map((scenario, index) => [scenario.name, scenario, index] as const))(
    "%s",
    (_name, scenario, index) => {
      const result = results[index]!;
      expect(result.initiator).toBe(scenario.initiator);
      expect(result.kind).toBe(scenario.kind);
      expect(result.development).toBe(DEVELOPMENT[scenario.initiator]);
      expect(result.reps).toEqual(scenario.reps);
      expect(result.hours).toBeCloseTo(scenario.hours, 9);
      expect(result.bigDeal).toBe(scenario.bigDeal ?? false);
      expect(result.overridden).toBe(scenario.override !== undefined);
      if (scenario.reason !== undefined) {
        expect(result.reasons.some((r) => r.includes(scenario.reason!))).toBe(true);
      }
      expect(result.reasons.length).toBeGreaterThan(0);
    },
  );
});

describe("classifyEvents: details", () => {
  const only = (event: EventInput, manager = MARY): Classification =>
    classifyEvents({ manager, org, events: [event], window: WINDOW })[0]!;

  it("accepts the manager by alias and in any case", () => {
    const byAlias = only(buildEvent(), "Mary.Manager@CONTOSO.com");
    expect(byAlias.initiator).toBe("manager");
    expect(byAlias.reps).toEqual([JANE]);
  });

  it("names the customer domains present, once each", () => {
    const result = only(
      buildEvent({
        attendees: [
          attendee(JANE),
          attendee("a@fabrikam.com"),
          attendee("b@fabrikam.com"),
          attendee("c@tailspin.example"),
        ],
      }),
    );
    expect(result.customerDomains).toEqual(["fabrikam.com", "tailspin.example"]);
  });

  it("keeps the subject of a private meeting out of every reason", () => {
    const marker = "ZZ-SECRET-ACQUISITION-7731";
    const result = only(buildEvent({ subject: marker, sensitivity: "private", categories: ["Field day"] }));
    expect(result.isPrivate).toBe(true);
    expect(JSON.stringify(result)).not.toContain(marker);
  });

  it("reports start and end as instants, and null for incomplete events", () => {
    const event = buildEvent();
    expect(only(event)).toMatchObject({ start: event.start, end: event.end });
    expect(only(mapGraphEvent({ id: "x" }, "$"))).toMatchObject({
      start: null,
      end: null,
      initiator: "none",
    });
  });

  it("refuses a manager who is not in the org", () => {
    expect(() => only(buildEvent(), "nobody@contoso.com")).toThrow(RangeError);
  });
});
