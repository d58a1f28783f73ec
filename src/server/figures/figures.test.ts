import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../../domain/instant.ts";
import type { ActionRecord } from "../../store/repositories/actions.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";
import type { NoteRecord } from "../../store/repositories/notes.ts";
import { fieldDayOutcome, fieldDaysKeptOf } from "./field-days-kept.ts";
import { coachingMeetingsOf, noteQualityOf } from "./note-quality.ts";
import { hoursInside } from "./stored-classification.ts";

const T = (text: string) => Date.parse(text);
const ASOF = T("2026-03-10T00:00:00Z");
const WINDOW = { start: T("2026-03-01T00:00:00Z"), end: T("2026-03-15T00:00:00Z") };

function event(overrides: Partial<ClassifiedEventRecord> = {}): ClassifiedEventRecord {
  const start = overrides.start ?? T("2026-03-03T13:00:00Z");
  const end = overrides.end ?? start + 8 * MS_PER_HOUR;
  return {
    mailbox: "mia@contoso.com",
    eventId: `e-${start}`,
    iCalUId: `uid-${start}`,
    seriesMasterId: null,
    start,
    end,
    firstStart: start,
    firstEnd: end,
    isAllDay: false,
    isCancelled: false,
    isPrivate: false,
    initiator: "manager",
    kind: "field-day",
    development: "skill",
    reps: ["ana@contoso.com"],
    hours: (end - start) / MS_PER_HOUR,
    bigDeal: false,
    reasons: [],
    customerDomains: [],
    overridden: false,
    classifiedAt: 0,
    ...overrides,
  };
}

describe("field days kept", () => {
  it("tells held, cancelled, moved, shortened and upcoming apart", () => {
    expect(fieldDayOutcome(event(), ASOF, 4)).toBe("held");
    expect(fieldDayOutcome(event({ isCancelled: true }), ASOF, 4)).toBe("cancelled");
    expect(fieldDayOutcome(event({ firstStart: T("2026-03-02T13:00:00Z") }), ASOF, 4)).toBe("moved");
    expect(fieldDayOutcome(event({ firstEnd: T("2026-03-03T23:00:00Z") }), ASOF, 4)).toBe("shortened");
    const twoHours = T("2026-03-04T13:00:00Z");
    expect(fieldDayOutcome(event({ start: twoHours, end: twoHours + 2 * MS_PER_HOUR }), ASOF, 4)).toBe(
      "shortened",
    );
    expect(fieldDayOutcome(event({ start: T("2026-03-12T13:00:00Z") }), ASOF, 4)).toBe("upcoming");
  });

  it("counts the field days booked in the window up to asOf, and their share kept", () => {
    const kept = fieldDaysKeptOf(
      [
        event(),
        event({ start: T("2026-03-05T13:00:00Z"), isCancelled: true }),
        event({ start: T("2026-03-06T13:00:00Z"), firstStart: T("2026-03-06T09:00:00Z") }),
        event({ start: T("2026-03-12T13:00:00Z") }),
        event({ start: T("2026-02-20T13:00:00Z") }),
        event({ start: T("2026-03-04T13:00:00Z"), kind: "one-on-one" }),
      ],
      WINDOW,
      ASOF,
      4,
    );
    expect(kept).toEqual({ booked: 3, held: 1, cancelled: 1, shortened: 0, moved: 1, keptShare: 1 / 3 });
    expect(fieldDaysKeptOf([], WINDOW, ASOF, 4).keptShare).toBeNull();
  });
});

describe("hours inside a window", () => {
  it("keeps the share of the stored hours that lies inside", () => {
    const long = event({ start: T("2026-02-28T20:00:00Z"), end: T("2026-03-01T04:00:00Z"), hours: 8 });
    expect(hoursInside(long, WINDOW)).toBe(4);
    expect(hoursInside(event(), WINDOW)).toBe(8);
  });
});

describe("note quality", () => {
  const note = (overrides: Partial<NoteRecord>): NoteRecord => ({
    noteId: "n1",
    meetingICalUId: "uid-a",
    repEmail: "ana@contoso.com",
    managerEmail: "mia@contoso.com",
    meetingStart: T("2026-03-03T13:00:00Z"),
    meetingKind: "field-day",
    status: "signed-off",
    version: 3,
    focus: [{ behaviourId: "plans-the-call", rating: 3, evidence: "Had a plan." }],
    wentWell: "",
    gaps: "",
    reflection: "I rushed.",
    privateNotes: "",
    createdBy: "mia@contoso.com",
    createdAt: T("2026-03-04T09:00:00Z"),
    updatedBy: "mia@contoso.com",
    updatedAt: T("2026-03-04T09:00:00Z"),
    sharedAt: null,
    signedOffAt: null,
    ...overrides,
  });
  const action = (id: string, noteId: string, followedUp: string | null): ActionRecord => ({
    actionId: id,
    noteId,
    repEmail: "ana@contoso.com",
    text: "Do it",
    owner: "rep",
    dueDate: null,
    status: "open",
    position: 0,
    followedUpInNoteId: followedUp,
    createdAt: 0,
    updatedBy: "mia@contoso.com",
    updatedAt: 0,
    completedAt: null,
  });

  it("scores each coaching meeting held by its note, and follow-up by the next session", () => {
    const meetings = coachingMeetingsOf(
      [
        event({ iCalUId: "uid-a", start: T("2026-03-03T13:00:00Z") }),
        event({ iCalUId: "uid-b", start: T("2026-03-06T13:00:00Z") }),
        event({ iCalUId: "uid-c", start: T("2026-03-12T13:00:00Z") }),
        event({ iCalUId: "uid-d", start: T("2026-03-07T13:00:00Z"), development: "sales", initiator: "rep" }),
      ],
      ASOF,
    );
    expect(meetings.map((m) => m.iCalUId)).toEqual(["uid-a", "uid-b"]);
    const first = note({});
    const late = note({
      noteId: "n2",
      meetingICalUId: "uid-b",
      meetingStart: T("2026-03-06T13:00:00Z"),
      createdAt: T("2026-03-09T09:00:00Z"),
      focus: [{ behaviourId: "plans-the-call", rating: null, evidence: "" }],
      reflection: "",
    });
    const quality = noteQualityOf({
      meetings,
      notes: [first, late],
      actions: [action("a1", "n1", "n2"), action("a2", "n1", null), action("a3", "n2", null)],
    });
    expect(quality.withNoteWithin48Hours).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(quality.behavioursRated).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(quality.evidenceWritten).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(quality.actionsAgreed).toEqual({ count: 2, of: 2, share: 1 });
    expect(quality.reflectionPresent).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(quality.actionsFollowedUp).toEqual({ count: 1, of: 2, share: 0.5 });
  });
});
