import { describe, expect, it } from "vitest";
import type { ClassifiedEvent } from "../api/events.ts";
import { matchMeeting } from "./match-meeting.ts";
import type { Appointment } from "./office-host.ts";

function classified(overrides: Partial<ClassifiedEvent> = {}): ClassifiedEvent {
  return {
    eventId: "AAMkManagerCopy1",
    iCalUId: "040000008200E00074C5B7101A82E0080000000010",
    start: "2026-03-03T14:00:00Z",
    end: "2026-03-03T15:30:00Z",
    isAllDay: false,
    isCancelled: false,
    isPrivate: false,
    initiator: "rep",
    kind: "customer-call",
    development: "sales",
    reps: ["jane@contoso.com"],
    hours: 1.5,
    bigDeal: false,
    reasons: ["organized by Jane Rep"],
    customerDomains: ["fabrikam.com"],
    overridden: false,
    override: null,
    ...overrides,
  };
}

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    opened: "attendee",
    start: "2026-03-03T14:00:00.000Z",
    end: "2026-03-03T15:30:00.000Z",
    organizer: { name: "Jane Rep", email: "jane@contoso.com" },
    attendees: [{ name: "Mia", email: "mia@contoso.com", attendance: "required", response: "accepted" }],
    itemId: { kind: "known", restId: "AAMkRepCopy9" },
    iCalUId: null,
    ...overrides,
  };
}

describe("matchMeeting", () => {
  it("takes the manager's own copy by its Graph id", () => {
    const mine = classified({ eventId: "AAMkMine", start: "2026-03-03T14:00:00Z" });
    const other = classified({ eventId: "AAMkOther" });
    const match = matchMeeting(appointment({ itemId: { kind: "known", restId: "AAMkMine" } }), [other, mine]);
    expect(match).toEqual({ kind: "found", event: mine, by: "id" });
  });

  it("takes the meeting by iCalUId when the host knows it", () => {
    const event = classified({ iCalUId: "uid-1", start: "2026-03-03T10:00:00Z" });
    const match = matchMeeting(appointment({ iCalUId: "uid-1" }), [classified({ iCalUId: "uid-2" }), event]);
    expect(match).toEqual({ kind: "found", event, by: "iCalUId" });
  });

  it("takes a rep's copy by its times, written with an offset or in UTC alike", () => {
    const event = classified({ start: "2026-03-03T09:00:00-05:00", end: "2026-03-03T10:30:00-05:00" });
    const earlier = classified({
      eventId: "AAMkEarlier",
      start: "2026-03-03T13:00:00Z",
      end: "2026-03-03T14:30:00Z",
    });
    expect(matchMeeting(appointment(), [earlier, event])).toEqual({ kind: "found", event, by: "times" });
  });

  it("tells meetings at the same time apart by the reps Outlook names on the open one", () => {
    const janes = classified({ eventId: "AAMkJane", reps: ["jane@contoso.com"] });
    const omars = classified({ eventId: "AAMkOmar", reps: ["omar@contoso.com"] });
    expect(matchMeeting(appointment(), [omars, janes])).toEqual({ kind: "found", event: janes, by: "times" });
  });

  it("lets the person choose when the times fit several meetings and the people do not decide", () => {
    const a = classified({ eventId: "AAMkA" });
    const b = classified({ eventId: "AAMkB" });
    const unknownPeople = appointment({
      organizer: null,
      attendees: [],
      itemId: { kind: "unavailable", reason: "phone" },
    });
    expect(matchMeeting(unknownPeople, [a, b])).toEqual({ kind: "choose", candidates: [a, b] });
  });

  it("offers overlapping meetings, such as an all-day field day, when no times fit exactly", () => {
    const fieldDay = classified({
      eventId: "AAMkFieldDay",
      isAllDay: true,
      kind: "field-day",
      start: "2026-03-03T00:00:00Z",
      end: "2026-03-04T00:00:00Z",
    });
    const local = appointment({ start: "2026-03-03T05:00:00.000Z", end: "2026-03-04T05:00:00.000Z" });
    expect(matchMeeting(local, [fieldDay])).toEqual({ kind: "choose", candidates: [fieldDay] });
  });

  it("finds nothing when no classified meeting overlaps", () => {
    const later = classified({ start: "2026-03-03T16:00:00Z", end: "2026-03-03T17:00:00Z" });
    expect(matchMeeting(appointment(), [later])).toEqual({ kind: "none" });
    expect(matchMeeting(appointment(), [])).toEqual({ kind: "none" });
  });
});
