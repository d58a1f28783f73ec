import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES } from "../../manifest/app-definition.ts";
import { MS_PER_DAY, MS_PER_HOUR } from "../domain/instant.ts";
import {
  type DueReminder,
  dueReminders,
  FIELD_DAY_NOTICE_MS,
  type FieldDayFact,
  NOTE_MISSING_AFTER_MS,
  type NoteFact,
  REMINDER_LIFETIME_MS,
  type ReminderInput,
  type ReminderPerson,
} from "./due-reminders.ts";

const NOW = Date.parse("2026-03-10T09:00:00Z");

const person = (
  local: string,
  managerEmail: string | null,
  timeZone: string | null = "Europe/Berlin",
): ReminderPerson => ({
  email: `${local}@contoso.com`,
  objectId: `oid-${local}`,
  name: local[0]!.toUpperCase() + local.slice(1),
  managerEmail,
  timeZone,
});

const PEOPLE = [
  person("vera", null),
  person("megan", "vera@contoso.com"),
  person("alex", "megan@contoso.com", "America/Los_Angeles"),
  person("bianca", "megan@contoso.com", null),
];

const fieldDay = (overrides: Partial<FieldDayFact> = {}): FieldDayFact => ({
  managerEmail: "megan@contoso.com",
  repEmail: "alex@contoso.com",
  iCalUId: "ical-fd-1",
  start: Date.parse("2026-03-08T08:00:00Z"),
  end: Date.parse("2026-03-08T16:00:00Z"),
  ...overrides,
});

const note = (overrides: Partial<NoteFact> = {}): NoteFact => ({
  noteId: "note-1",
  meetingICalUId: "ical-fd-1",
  repEmail: "alex@contoso.com",
  managerEmail: "megan@contoso.com",
  meetingKind: "field-day",
  meetingStart: Date.parse("2026-03-08T08:00:00Z"),
  sharedAt: null,
  signedOffAt: null,
  ...overrides,
});

const input = (overrides: Partial<ReminderInput> = {}): ReminderInput => ({
  now: NOW,
  people: PEOPLE,
  fieldDays: [],
  notes: [],
  preferences: new Map(),
  ...overrides,
});

const summary = (due: readonly DueReminder[]) =>
  due.map((reminder) => [reminder.type, reminder.recipient.email, reminder.dedupeKey]);

describe("dueReminders", () => {
  it("asks the manager for the note of a field day that ended a day ago, dated in the manager's zone", () => {
    const due = dueReminders(input({ fieldDays: [fieldDay()] }));
    expect(due).toEqual([
      {
        dedupeKey: "fieldDayNoteMissing:ical-fd-1:alex@contoso.com",
        type: "fieldDayNoteMissing",
        recipient: PEOPLE[1],
        templateParameters: { repName: "Alex", date: "Sun 8 Mar 2026" },
        previewText:
          "Write the coaching note of your field day with Alex on Sun 8 Mar 2026 while it is fresh.",
        topic: "Coaching note",
        route: { page: "meeting", iCalUId: "ical-fd-1", rep: "alex@contoso.com" },
      },
    ]);
    expect(dueReminders(input({ fieldDays: [fieldDay()], notes: [note()] }))).toEqual([]);
  });

  it("tells the rep about a shared note and the executive above the manager about a signed-off field-visit report", () => {
    const shared = note({ sharedAt: NOW - MS_PER_HOUR, signedOffAt: NOW - 10 * 60_000 });
    expect(summary(dueReminders(input({ notes: [shared] })))).toEqual([
      ["noteShared", "alex@contoso.com", "noteShared:note-1"],
      ["reportSignedOff", "vera@contoso.com", "reportSignedOff:note-1:vera@contoso.com"],
    ]);
    const [toRep, toExecutive] = dueReminders(input({ notes: [shared] }));
    expect(toRep!.route).toEqual({ page: "note", noteId: "note-1" });
    expect(toRep!.previewText).toBe(
      "Megan shared the coaching note of Sun 8 Mar 2026 with you: add your reflection.",
    );
    expect(toExecutive!.templateParameters).toEqual({ repName: "Alex" });
    // Notes of other meetings are not field-visit reports.
    expect(summary(dueReminders(input({ notes: [{ ...shared, meetingKind: "one-on-one" }] })))).toEqual([
      ["noteShared", "alex@contoso.com", "noteShared:note-1"],
    ]);
  });

  it("announces a field day to both people the day before, each with the other's name, in their own zone", () => {
    const tomorrow = fieldDay({
      iCalUId: "ical-fd-2",
      repEmail: "bianca@contoso.com",
      start: Date.parse("2026-03-11T07:00:00Z"),
      end: Date.parse("2026-03-11T15:00:00Z"),
    });
    const due = dueReminders(input({ fieldDays: [tomorrow] }));
    expect(
      due.map((reminder) => [reminder.recipient.email, reminder.templateParameters, reminder.previewText]),
    ).toEqual([
      [
        "bianca@contoso.com",
        { personName: "Megan", date: "Wed 11 Mar 2026 (UTC)" },
        "Your field day with Megan starts Wed 11 Mar 2026 (UTC) at 07:00 UTC.",
      ],
      [
        "megan@contoso.com",
        { personName: "Bianca", date: "Wed 11 Mar 2026" },
        "Your field day with Bianca starts Wed 11 Mar 2026 at 08:00.",
      ],
    ]);
    expect(due[0]!.dedupeKey).toBe("fieldDayReminder:ical-fd-2:2026-03-11T07:00:00.000Z:bianca@contoso.com");
    const moved = { ...tomorrow, start: tomorrow.start + MS_PER_HOUR, end: tomorrow.end + MS_PER_HOUR };
    expect(dueReminders(input({ fieldDays: [moved] }))[0]!.dedupeKey).not.toBe(due[0]!.dedupeKey);
  });

  it("respects opt-outs of one type and of all reminders", () => {
    const facts = {
      fieldDays: [fieldDay()],
      notes: [note({ noteId: "note-2", meetingICalUId: "x", sharedAt: NOW })],
    };
    expect(summary(dueReminders(input(facts)))).toHaveLength(2);
    expect(
      summary(
        dueReminders(
          input({
            ...facts,
            preferences: new Map([["megan@contoso.com", new Set(["fieldDayNoteMissing"])]]),
          }),
        ),
      ),
    ).toEqual([["noteShared", "alex@contoso.com", "noteShared:note-2"]]);
    expect(
      summary(
        dueReminders(input({ ...facts, preferences: new Map([["alex@contoso.com", new Set(["all"])]]) })),
      ),
    ).toEqual([
      ["fieldDayNoteMissing", "megan@contoso.com", "fieldDayNoteMissing:ical-fd-1:alex@contoso.com"],
    ]);
  });

  it("sends nobody a reminder about someone it cannot address", () => {
    expect(dueReminders(input({ fieldDays: [fieldDay({ managerEmail: "left@contoso.com" })] }))).toEqual([]);
    const noExecutive = note({ managerEmail: "vera@contoso.com", signedOffAt: NOW });
    expect(summary(dueReminders(input({ notes: [noExecutive] })))).toEqual([]);
  });

  it("fills exactly the template parameters the manifest declares for each type", () => {
    const due = dueReminders(
      input({
        fieldDays: [
          fieldDay(),
          fieldDay({ iCalUId: "soon", start: NOW + MS_PER_HOUR, end: NOW + 5 * MS_PER_HOUR }),
        ],
        notes: [note({ noteId: "n", meetingICalUId: "other", sharedAt: NOW, signedOffAt: NOW })],
      }),
    );
    expect(new Set(due.map((reminder) => reminder.type)).size).toBe(4);
    for (const reminder of due) {
      const declared = ACTIVITY_TYPES.find((type) => type.type === reminder.type)!;
      expect(Object.keys(reminder.templateParameters).sort()).toEqual([...declared.parameters].sort());
    }
  });

  it("has each reminder due over one unbroken stretch of time, at most a lifetime long (property)", () => {
    const day = fc.record({
      start: fc.integer({ min: NOW - 20 * MS_PER_DAY, max: NOW + 20 * MS_PER_DAY }),
      hours: fc.integer({ min: 3, max: 10 }),
      sharedAfter: fc.option(fc.integer({ min: 0, max: 5 * MS_PER_DAY }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        day,
        fc.array(fc.integer({ min: -30 * 24, max: 30 * 24 }), { minLength: 1, maxLength: 40 }),
        (facts, hours) => {
          const fd = fieldDay({ start: facts.start, end: facts.start + facts.hours * MS_PER_HOUR });
          const notes =
            facts.sharedAfter === undefined
              ? []
              : [note({ noteId: "p", meetingICalUId: "elsewhere", sharedAt: fd.end + facts.sharedAfter })];
          const times = [...new Set(hours.map((hour) => NOW + hour * MS_PER_HOUR))].sort((a, b) => a - b);
          const dueAt = new Map<string, number[]>();
          for (const now of times) {
            for (const reminder of dueReminders(input({ now, fieldDays: [fd], notes }))) {
              dueAt.set(reminder.dedupeKey, [...(dueAt.get(reminder.dedupeKey) ?? []), now]);
              if (reminder.type === "fieldDayNoteMissing") {
                expect(now).toBeGreaterThanOrEqual(fd.end + NOTE_MISSING_AFTER_MS);
              }
              if (reminder.type === "fieldDayReminder") {
                expect(now).toBeGreaterThanOrEqual(fd.start - FIELD_DAY_NOTICE_MS);
                expect(now).toBeLessThan(fd.start);
              }
            }
          }
          for (const seen of dueAt.values()) {
            const first = times.indexOf(seen[0]!);
            expect(seen).toEqual(times.slice(first, first + seen.length));
            expect(seen[seen.length - 1]! - seen[0]!).toBeLessThan(REMINDER_LIFETIME_MS);
          }
        },
      ),
    );
  });
});
