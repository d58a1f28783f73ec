import type { Attendee, AttendeeType, CalendarEvent, ResponseKind } from "./calendar-event.ts";
import { buildOrgIndex, type OrgIndex } from "./org.ts";
import { parseOrg } from "./parse-org.ts";

/**
 * Builders shared by the classification, metrics and CLI tests: one small org as ORG.json writes it,
 * and events with sensible defaults that each test overrides where it matters.
 */

export const MARY = "mary@contoso.com";
export const MARY_ALIAS = "mary.manager@contoso.com";
export const JANE = "jane@contoso.com";
export const JANE_ALIAS = "jrep@contoso.com";
export const RAJ = "raj@eu.contoso.com";
export const LEE = "lee@contoso.com";
export const PAUL = "paul@contoso.com";
export const EVE = "eve@contoso.com";
export const OLGA = "olga@contoso.com";
export const ANN = "ann@contoso.com";

/** ORG.json for Mary's team: three reps in three zones, a peer team, an executive and two accounts. */
export const ORG_JSON = {
  tenantDomains: ["contoso.com"],
  bigDealThreshold: 1_000_000,
  people: [
    { email: EVE, name: "Eve Exec", role: "executive", timeZone: "America/New_York" },
    {
      email: MARY,
      name: "Mary Manager",
      role: "manager",
      manager: EVE,
      aliases: [MARY_ALIAS],
      timeZone: "Eastern Standard Time",
    },
    {
      email: JANE,
      name: "Jane Rep",
      role: "rep",
      manager: MARY,
      aliases: [JANE_ALIAS],
      timeZone: "America/New_York",
    },
    {
      email: RAJ,
      name: "Raj Rep",
      role: "rep",
      manager: MARY,
      timeZone: "Europe/Berlin",
      workingHours: {
        daysOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        startTime: "09:00:00.0000000",
        endTime: "17:30:00.0000000",
      },
    },
    {
      email: LEE,
      name: "Lee Rep",
      role: "rep",
      manager: MARY,
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: "09:00",
        endTime: "17:00",
        timeZone: { name: "Pacific Standard Time" },
      },
    },
    { email: PAUL, name: "Paul Peer", role: "manager", manager: EVE },
    { email: OLGA, name: "Olga Otherteam", role: "rep", manager: PAUL },
    { email: ANN, name: "Ann Assistant", role: "rep", manager: EVE },
  ],
  accounts: [
    { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 1_000_000 },
    { domain: "northwind.com", name: "Northwind", openPipeline: 999_999 },
  ],
};

export function buildTestOrg(): OrgIndex {
  return buildOrgIndex(parseOrg(ORG_JSON));
}

export const utc = (iso: string): number => Date.parse(iso.endsWith("Z") ? iso : `${iso}Z`);

export function attendee(
  email: string,
  response: ResponseKind = "accepted",
  type: AttendeeType = "required",
): Attendee {
  return { email, name: null, type, response };
}

let nextId = 0;

/** A one-hour meeting Mary organized with Jane on Tuesday 3 March 2026, 14:00 UTC. */
export function buildEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  nextId++;
  return {
    id: `event-${nextId}`,
    iCalUId: `ical-${nextId}`,
    subject: "Pipeline review",
    start: utc("2026-03-03T14:00"),
    end: utc("2026-03-03T15:00"),
    isAllDay: false,
    isCancelled: false,
    showAs: "busy",
    sensitivity: "normal",
    organizer: { email: MARY, name: "Mary Manager" },
    attendees: [attendee(JANE)],
    isOrganizer: false,
    ownerResponse: "organizer",
    categories: [],
    type: "singleInstance",
    seriesMasterId: null,
    ...overrides,
  };
}

/** An all-day event over floating dates (`end` exclusive), as Graph sends it when asked for UTC. */
export function buildAllDayEvent(
  dates: { start: string; end: string },
  overrides: Partial<CalendarEvent> = {},
): CalendarEvent {
  return buildEvent({
    start: utc(`${dates.start}T00:00`),
    end: utc(`${dates.end}T00:00`),
    isAllDay: true,
    allDayDates: dates,
    ...overrides,
  });
}

/** A Graph attendee as calendarView returns it. */
export function graphAttendee(
  address: string,
  response = "accepted",
  type = "required",
): Record<string, unknown> {
  return {
    type,
    status: { response, time: "2026-02-20T10:00:00Z" },
    emailAddress: { name: address, address },
  };
}

/**
 * A Graph calendarView event (the JSON the mapper reads), by default the same meeting as buildEvent,
 * in UTC as FieldCoach asks Graph for.
 */
export function buildGraphEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nextId++;
  return {
    id: `graph-${nextId}`,
    iCalUId: `graph-ical-${nextId}`,
    subject: "Pipeline review",
    start: { dateTime: "2026-03-03T14:00:00.0000000", timeZone: "UTC" },
    end: { dateTime: "2026-03-03T15:00:00.0000000", timeZone: "UTC" },
    isAllDay: false,
    isCancelled: false,
    showAs: "busy",
    sensitivity: "normal",
    isOrganizer: false,
    responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" },
    organizer: { emailAddress: { name: "Mary Manager", address: MARY } },
    attendees: [graphAttendee(JANE)],
    categories: [],
    type: "singleInstance",
    ...overrides,
  };
}
