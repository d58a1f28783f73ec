import type { ClassifiedEventInput } from "../../src/store/repositories/classified-events.ts";
import type { NewNote } from "../../src/store/repositories/notes.ts";
import type { PersonInput } from "../../src/store/repositories/people.ts";
import type { SuggestionOffer } from "../../src/store/repositories/suggestions.ts";

/** Deterministic UUIDs: `uuid(1)` is 00000000-0000-4000-8000-000000000001. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

let nextTenant = 0x7e0000;
/** A tenant id no other test of the file uses, so tests sharing one database never see each other. */
export function freshTenant(): string {
  nextTenant += 1;
  return uuid(nextTenant);
}

export const NOW = Date.parse("2026-03-02T09:00:00Z");
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function buildPerson(
  overrides: Partial<PersonInput> & Pick<PersonInput, "objectId" | "email">,
): PersonInput {
  return {
    name: overrides.email.split("@")[0]!,
    aliases: [],
    role: "rep",
    timeZone: "Europe/Berlin",
    workingHours: null,
    hireDate: null,
    ...overrides,
  };
}

export function buildEvent(
  overrides: Partial<ClassifiedEventInput> & Pick<ClassifiedEventInput, "eventId">,
): ClassifiedEventInput {
  return {
    iCalUId: `ical-${overrides.eventId}`,
    seriesMasterId: null,
    start: NOW,
    end: NOW + HOUR,
    isAllDay: false,
    isCancelled: false,
    isPrivate: false,
    initiator: "rep",
    kind: "customer-call",
    development: "sales",
    reps: ["rita@contoso.com"],
    hours: 1,
    bigDeal: false,
    reasons: ["organized by Rita Rep"],
    customerDomains: ["fabrikam.com"],
    overridden: false,
    ...overrides,
  };
}

export function buildNote(overrides: Partial<NewNote> & Pick<NewNote, "noteId">): NewNote {
  return {
    meetingICalUId: `meeting-${overrides.noteId}`,
    repEmail: "rita@contoso.com",
    managerEmail: "max@contoso.com",
    meetingStart: NOW,
    meetingKind: "field-day",
    focus: [{ behaviourId: "asks-open-questions", rating: null, evidence: "" }],
    ...overrides,
  };
}

export function buildOffer(
  overrides: Partial<SuggestionOffer> & Pick<SuggestionOffer, "suggestionId" | "day">,
): SuggestionOffer {
  const start = Date.parse(`${overrides.day}T08:00:00Z`);
  return {
    repEmail: "rita@contoso.com",
    start,
    end: start + 4 * HOUR,
    score: 1500,
    reasons: ["Rita has two ordinary customer calls that day"],
    transactionId: `tx-${overrides.suggestionId}`,
    ...overrides,
  };
}
