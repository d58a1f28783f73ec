import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type CadencePolicy, DEFAULT_POLICY, parseCadencePolicy } from "./cadence-policy.ts";
import type { BusyItem, FreeBusyStatus } from "./free-busy.ts";
import { WEEKDAYS, type Weekday } from "./org.ts";
import type { CustomerCallCount, RepCalendar } from "./suggest-customer-calls.ts";
import type { FieldDayOnRecord } from "./suggest-due.ts";
import {
  type Availability,
  type RepToPlace,
  type SuggestFieldDaysInput,
  type SuggestFieldDaysResult,
  suggestFieldDays,
} from "./suggest-field-days.ts";
import { zoneNamed } from "./zoned-time.ts";

const NY = "America/New_York";
const WEEKDAYS_ONLY: readonly Weekday[] = WEEKDAYS.slice(0, 5);

const at = (local: string, zone = NY): number => DateTime.fromISO(local, { zone }).toMillis();
const show = (ms: number, zone = NY): string =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");

function available(
  zone: string,
  busy: readonly (readonly [string, string, FreeBusyStatus?])[] = [],
  hours: { start?: string; end?: string; days?: readonly Weekday[] } = {},
): Availability {
  return {
    placeable: true,
    workWeek: {
      daysOfWeek: hours.days ?? WEEKDAYS_ONLY,
      startTime: hours.start ?? "09:00:00",
      endTime: hours.end ?? "17:00:00",
      zone: zoneNamed(zone)!,
    },
    busy: busy.map(
      ([start, end, status]): BusyItem => ({
        start: at(start, zone),
        end: at(end, zone),
        status: status ?? "busy",
      }),
    ),
  };
}

function rep(email: string, overrides: Partial<RepToPlace> = {}): RepToPlace {
  return { email, name: email.split("@")[0]!, availability: available(NY), ...overrides };
}

function suggest(input: {
  now?: string;
  managerZone?: string;
  manager?: Availability;
  reps: readonly RepToPlace[];
  policy?: Partial<CadencePolicy>;
  fieldDays?: readonly FieldDayOnRecord[];
  dismissed?: SuggestFieldDaysInput["dismissed"];
}): SuggestFieldDaysResult {
  const managerZone = input.managerZone ?? NY;
  return suggestFieldDays({
    now: at(input.now ?? "2026-03-02T08:00", managerZone),
    policy: { ...DEFAULT_POLICY, ...input.policy },
    manager: {
      email: "mia@contoso.com",
      zone: zoneNamed(managerZone)!,
      availability: input.manager ?? available(managerZone),
    },
    reps: input.reps,
    fieldDays: input.fieldDays ?? [],
    ...(input.dismissed === undefined ? {} : { dismissed: input.dismissed }),
  });
}

const blocks = (result: SuggestFieldDaysResult, zone = NY): string[][] =>
  result.suggestions.map((s) => [s.rep, show(s.start, zone), show(s.end, zone)]);

describe("suggestFieldDays: basics", () => {
  it("suggests the first free half day for a rep with no field day on record", () => {
    const result = suggest({ reps: [rep("ana@contoso.com")] });
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"]]);
    expect(result.due).toEqual([
      { rep: "ana@contoso.com", lastFieldDay: null, dueBy: at("2026-03-02T08:00") },
    ]);
    expect(result.suggestions[0]!.reasons).toEqual([
      "ana's customer calls are unknown: their calendar was not read",
      "No field day on record, so due now",
      "Field days every 4 weeks",
      "Both are free for 30 minutes before and after, to travel",
    ]);
    expect(result.suggestions[0]!.score).toBe(500);
  });

  it("starts no earlier than now, on a quarter hour", () => {
    const result = suggest({ now: "2026-03-02T09:07", reps: [rep("ana@contoso.com")] });
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-02 09:15", "2026-03-02 13:15"]);
  });

  it("gives a full day as the whole overlap of both working days", () => {
    const result = suggest({
      managerZone: "Europe/London",
      now: "2026-03-02T08:00",
      manager: available("Europe/London"),
      reps: [rep("ana@contoso.com", { availability: available("Europe/Berlin") })],
      policy: { blockLength: "full-day" },
    });
    expect(blocks(result, "Europe/London")).toEqual([
      ["ana@contoso.com", "2026-03-02 09:00", "2026-03-02 16:00"],
    ]);
    expect(result.suggestions[0]!.reasons).toContain("A full day: all 7 hours both people work that day");
  });

  it("offers no full day when the overlap is shorter than the minimum", () => {
    const result = suggest({
      managerZone: "Europe/London",
      manager: available("Europe/London"),
      reps: [rep("ana@contoso.com", { availability: available("Europe/Berlin") })],
      policy: { blockLength: "full-day", fullDayMinHours: 7.5 },
    });
    expect(result.suggestions).toEqual([]);
    expect(result.unplaceable).toEqual([
      {
        rep: "ana@contoso.com",
        why: "Their working hours never overlap for a full day of at least 7.5 hours on one day between 2026-03-02 and 2026-03-30",
      },
    ]);
  });
});

describe("suggestFieldDays: time zones and daylight time", () => {
  // New York and Berlin working days (08:00–17:00 each) overlap by 3 hours, except in the weeks
  // when one side has changed its clocks and the other has not: then by 4.
  const barelyOverlapping = (now: string) =>
    suggest({
      now,
      manager: available(NY, [], { start: "08:00:00" }),
      reps: [rep("ben@contoso.com", { availability: available("Europe/Berlin", [], { start: "08:00:00" }) })],
      policy: { travelBufferMinutes: 0 },
    });

  it("finds the March weeks between the US and the EU spring changes", () => {
    const result = barelyOverlapping("2026-03-02T00:00");
    expect(blocks(result)).toEqual([["ben@contoso.com", "2026-03-09 08:00", "2026-03-09 12:00"]]);
    expect(show(result.suggestions[0]!.end, "Europe/Berlin")).toBe("2026-03-09 17:00");
  });

  it("finds the October week between the EU and the US autumn changes", () => {
    const result = barelyOverlapping("2026-10-19T00:00");
    expect(blocks(result)).toEqual([["ben@contoso.com", "2026-10-26 08:00", "2026-10-26 12:00"]]);
  });

  it("says why when the working days never overlap long enough", () => {
    const result = barelyOverlapping("2026-01-05T00:00");
    expect(result.suggestions).toEqual([]);
    expect(result.unplaceable[0]!.why).toBe(
      "Their working hours never overlap for 4 hours on one day between 2026-01-05 and 2026-02-02",
    );
  });

  it("keeps a block inside one day in both zones", () => {
    // Sydney's Tuesday morning is New York's Monday afternoon; blocks must not straddle either midnight.
    const result = suggest({
      manager: available(NY, [], { start: "13:00:00", end: "23:59:00" }),
      reps: [
        rep("kim@contoso.com", {
          availability: available("Australia/Sydney", [], { start: "00:30:00", end: "12:00:00" }),
        }),
      ],
      policy: { travelBufferMinutes: 0 },
    });
    const [first] = result.suggestions;
    const ny = DateTime.fromMillis(first!.start, { zone: NY });
    const sydneyStart = DateTime.fromMillis(first!.start, { zone: "Australia/Sydney" });
    const sydneyEnd = DateTime.fromMillis(first!.end - 1, { zone: "Australia/Sydney" });
    expect(ny.toISODate()).toBe(DateTime.fromMillis(first!.end - 1, { zone: NY }).toISODate());
    expect(sydneyStart.toISODate()).toBe(sydneyEnd.toISODate());
    expect(blocks(result)[0]).toEqual(["kim@contoso.com", "2026-03-02 13:00", "2026-03-02 17:00"]);
  });
});

describe("suggestFieldDays: calendars", () => {
  it("moves to the next week when the first is fully booked", () => {
    const result = suggest({
      manager: available(NY, [["2026-03-02T00:00", "2026-03-07T00:00"]]),
      reps: [rep("ana@contoso.com")],
    });
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-09 09:00", "2026-03-09 13:00"]);
  });

  it("counts tentative time as busy unless the policy says otherwise", () => {
    const reps = [
      rep("ana@contoso.com", {
        availability: available(NY, [["2026-03-02T09:00", "2026-03-02T17:00", "tentative"]]),
      }),
    ];
    expect(blocks(suggest({ reps }))[0]![1]).toBe("2026-03-03 09:00");
    expect(blocks(suggest({ reps, policy: { tentativeIsBusy: false } }))[0]![1]).toBe("2026-03-02 09:00");
  });

  it("ignores free items and counts away, working-elsewhere and unknown as busy", () => {
    const day = (status: FreeBusyStatus) =>
      suggest({
        reps: [
          rep("ana@contoso.com", {
            availability: available(NY, [["2026-03-02T09:00", "2026-03-02T17:00", status]]),
          }),
        ],
      });
    expect(blocks(day("free"))[0]![1]).toBe("2026-03-02 09:00");
    for (const status of ["oof", "workingElsewhere", "unknown"] as const)
      expect(blocks(day(status))[0]![1]).toBe("2026-03-03 09:00");
  });

  it("keeps the travel buffer free before and after, even outside working hours", () => {
    const manager = available(NY, [
      ["2026-03-02T08:45", "2026-03-02T09:00"],
      ["2026-03-02T13:15", "2026-03-02T13:45"],
    ]);
    const reps = [rep("ana@contoso.com")];
    expect(blocks(suggest({ manager, reps }))[0]!.slice(1)).toEqual(["2026-03-03 09:00", "2026-03-03 13:00"]);
    expect(blocks(suggest({ manager, reps, policy: { travelBufferMinutes: 0 } }))[0]!.slice(1)).toEqual([
      "2026-03-02 09:00",
      "2026-03-02 13:00",
    ]);
    const lateBuffer = suggest({
      manager: available(NY, [["2026-03-02T08:40", "2026-03-02T09:00"]]),
      reps,
      policy: { travelBufferMinutes: 15 },
    });
    expect(blocks(lateBuffer)[0]!.slice(1)).toEqual(["2026-03-02 09:15", "2026-03-02 13:15"]);
  });
});

describe("suggestFieldDays: weekly limit and other suggestions", () => {
  const booked = (day: string): FieldDayOnRecord => ({
    reps: ["zoe@contoso.com"],
    start: at(`${day}T09:00`),
  });

  it("counts field days already booked in a week toward the manager's limit", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com")],
      fieldDays: [booked("2026-03-02"), booked("2026-03-04")],
    });
    expect(blocks(result)[0]![1]).toBe("2026-03-09 09:00");
  });

  it("names the limit when every week is full", () => {
    const fieldDays = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"].map(booked);
    const result = suggest({ reps: [rep("ana@contoso.com")], fieldDays, policy: { maxFieldDaysPerWeek: 1 } });
    expect(result.suggestions).toEqual([]);
    expect(result.unplaceable[0]!.why).toBe(
      "Both are free on 20 days between 2026-03-02 and 2026-03-30, but 20 fall in weeks already at the manager's limit of 1 field day",
    );
  });

  it("never overlaps two suggestions and spreads them within the limit", () => {
    const reps = ["a", "b", "c", "d", "e"].map((name) => rep(`${name}@contoso.com`));
    const result = suggest({ reps, policy: { maxFieldDaysPerWeek: 2 } });
    expect(blocks(result)).toEqual([
      ["a@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"],
      ["b@contoso.com", "2026-03-03 09:00", "2026-03-03 13:00"],
      ["c@contoso.com", "2026-03-09 09:00", "2026-03-09 13:00"],
      ["d@contoso.com", "2026-03-10 09:00", "2026-03-10 13:00"],
      ["e@contoso.com", "2026-03-16 09:00", "2026-03-16 13:00"],
    ]);
  });

  it("fits two half days into one day when no travel time is needed between them", () => {
    const reps = ["a", "b"].map((name) => rep(`${name}@contoso.com`));
    expect(blocks(suggest({ reps, policy: { travelBufferMinutes: 0 } }))).toEqual([
      ["a@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"],
      ["b@contoso.com", "2026-03-02 13:00", "2026-03-02 17:00"],
    ]);
  });
});

describe("suggestFieldDays: due dates", () => {
  const held = (email: string, day: string): FieldDayOnRecord => ({
    reps: [email],
    start: at(`${day}T09:00`),
  });

  it("places a rep who is not yet due from a week before the due date", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com")],
      fieldDays: [held("ana@contoso.com", "2026-02-23")],
    });
    expect(result.due).toEqual([
      { rep: "ana@contoso.com", lastFieldDay: at("2026-02-23T09:00"), dueBy: at("2026-03-23T09:00") },
    ]);
    expect(blocks(result)[0]![1]).toBe("2026-03-16 09:00");
    expect(result.suggestions[0]!.reasons[1]).toBe(
      "Due in 21 days, by 2026-03-23 (last field day 2026-02-23)",
    );
    expect(result.suggestions[0]!.score).toBe(500 - 21);
  });

  it("leaves out a rep whose next field day falls after the horizon", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com")],
      fieldDays: [held("ana@contoso.com", "2026-02-23")],
      policy: { horizonWeeks: 2 },
    });
    expect(result).toMatchObject({ suggestions: [], due: [], unplaceable: [] });
  });

  it("counts from a field day already booked ahead", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com")],
      fieldDays: [held("ana@contoso.com", "2026-01-05"), held("ana@contoso.com", "2026-03-04")],
    });
    expect(result.due).toEqual([]);
  });

  it("ranks the most overdue rep first and says by how much", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com"), rep("bo@contoso.com")],
      fieldDays: [held("ana@contoso.com", "2026-01-26"), held("bo@contoso.com", "2026-01-12")],
    });
    expect(result.suggestions.map((s) => [s.rep, s.score, s.reasons[1]])).toEqual([
      ["bo@contoso.com", 500 + 21, "21 days overdue: due 2026-02-09 (last field day 2026-01-12)"],
      ["ana@contoso.com", 500 + 7, "7 days overdue: due 2026-02-23 (last field day 2026-01-26)"],
    ]);
    expect(blocks(result).map((b) => b[1])).toEqual(["2026-03-02 09:00", "2026-03-03 09:00"]);
  });

  it("gives a new hire two field days when two due dates fall in the horizon", () => {
    const result = suggest({ reps: [rep("nia@contoso.com", { hireDate: "2026-01-05" })] });
    expect(blocks(result).map((b) => b[1])).toEqual(["2026-03-02 09:00", "2026-03-16 09:00"]);
    expect(result.suggestions[1]!.reasons.slice(1, 3)).toEqual([
      "The next field day after the one suggested for 2026-03-02 is due by 2026-03-16",
      "Field days every 2 weeks while a new hire (hired 2026-01-05)",
    ]);
    const veteran = suggest({ reps: [rep("nia@contoso.com", { hireDate: "2025-01-05" })] });
    expect(veteran.suggestions).toHaveLength(1);
  });
});

/** What a rep's calendar holds: an ordinary customer call, a big-deal call or an internal meeting. */
type Entry = readonly [start: string, end: string, kind: "call" | "big deal" | "internal"];

/**
 * A rep whose getSchedule shows every entry as busy, and whose calendar says what each one is, as
 * readRepCalendar would read it.
 */
function repWithCalendar(email: string, entries: readonly Entry[], zone = NY): RepToPlace {
  const callsByDay = new Map<string, CustomerCallCount>();
  for (const [start, , kind] of entries) {
    if (kind === "internal") continue;
    const date = start.slice(0, 10);
    const count = callsByDay.get(date) ?? { ordinary: 0, bigDeal: 0 };
    callsByDay.set(
      date,
      kind === "call" ? { ...count, ordinary: count.ordinary + 1 } : { ...count, bigDeal: count.bigDeal + 1 },
    );
  }
  const calendar: RepCalendar = {
    callsByDay,
    ordinaryCalls: entries
      .filter(([, , kind]) => kind === "call")
      .map(([start, end]) => ({ start: at(start, zone), end: at(end, zone) }))
      .sort((a, b) => a.start - b.start),
    otherEvents: entries
      .filter(([, , kind]) => kind !== "call")
      .map(([start, end]) => ({ start: at(start, zone), end: at(end, zone), status: "busy" as const })),
  };
  return rep(email, {
    availability: available(
      zone,
      entries.map(([start, end]) => [start, end]),
    ),
    calendar,
  });
}

const NO_CALLS: RepCalendar = { callsByDay: new Map(), ordinaryCalls: [], otherEvents: [] };

describe("suggestFieldDays: riding along on customer calls", () => {
  // Ana's Tuesday: one call in the morning, three in the afternoon.
  const busyTuesday: readonly Entry[] = [
    ["2026-03-03T09:30", "2026-03-03T10:30", "call"],
    ["2026-03-03T13:00", "2026-03-03T13:30", "call"],
    ["2026-03-03T14:00", "2026-03-03T15:00", "call"],
    ["2026-03-03T15:30", "2026-03-03T16:30", "call"],
  ];

  it("places the block over the most ordinary customer calls of a day full of them", () => {
    const result = suggest({ reps: [repWithCalendar("ana@contoso.com", busyTuesday)] });
    // The earliest block holding all three afternoon calls, clear of the morning call and its buffer.
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-03 12:30", "2026-03-03 16:30"]]);
    expect(result.suggestions[0]!.reasons[0]).toBe(
      "Rides along on 3 customer calls (none a big deal); 1 more that day falls outside the block",
    );
    expect(result.suggestions[0]!.score).toBe(3500);
  });

  it("gives a full day that holds every call of the day", () => {
    const result = suggest({
      reps: [repWithCalendar("ana@contoso.com", busyTuesday)],
      policy: { blockLength: "full-day" },
    });
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-03 09:00", "2026-03-03 17:00"]]);
    expect(result.suggestions[0]!.reasons[0]).toBe("Rides along on 4 customer calls (none a big deal)");
  });

  it("treats the calls as busy when the policy says they are not joinable", () => {
    const result = suggest({
      reps: [repWithCalendar("ana@contoso.com", busyTuesday)],
      policy: { customerCallsJoinable: false },
    });
    // Tuesday's calls leave no four free hours with buffers, so Monday is the first free day.
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"]]);
    expect(result.suggestions[0]!.reasons[0]).toBe("ana has no customer calls that day");
    expect(result.suggestions[0]!.score).toBe(500);
  });

  it("lets a big-deal call block the rep", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-02T09:00", "2026-03-02T17:00", "internal"],
          ["2026-03-03T10:00", "2026-03-03T11:00", "big deal"],
        ]),
      ],
      policy: { horizonWeeks: 1, preferredWeekdays: ["tuesday"] },
    });
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-03 11:30", "2026-03-03 15:30"]);
    expect(result.suggestions[0]!.reasons[0]).toBe(
      "ana has no ordinary customer calls that day (1 big-deal call, which do not count)",
    );
  });

  it.each([
    ["a big-deal call", "big deal"],
    ["an internal meeting", "internal"],
  ] as const)("does not ride along on a call with %s booked over it", (_, kind) => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-02T10:00", "2026-03-02T12:00", "call"],
          ["2026-03-02T10:30", "2026-03-02T11:00", kind],
        ]),
      ],
    });
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-02 12:30", "2026-03-02 16:30"]);
    expect(result.suggestions[0]!.reasons[0]).toMatch(
      /^ana has 1 ordinary customer call that day, none inside/,
    );
    expect(result.suggestions[0]!.score).toBe(500);
  });

  it("never cuts a call at the block's edge", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-02T09:00", "2026-03-02T17:00", "internal"],
          ["2026-03-03T09:00", "2026-03-03T10:00", "call"],
          ["2026-03-03T12:30", "2026-03-03T14:00", "call"],
        ]),
      ],
      policy: { horizonWeeks: 1 },
    });
    // 09:00–13:00 would cut the 12:30 call; a block holding it keeps 30 minutes clear of the 09:00 one.
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-03 10:30", "2026-03-03 14:30"]);
    expect(result.suggestions[0]!.reasons[0]).toBe(
      "Rides along on 1 customer call (none a big deal); 1 more that day falls outside the block",
    );
  });

  it("says why when every call is too long to ride along on", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-02T08:00", "2026-03-02T18:00", "call"],
          ["2026-03-03T00:00", "2026-03-07T00:00", "internal"],
        ]),
      ],
      policy: { horizonWeeks: 1 },
    });
    expect(result.unplaceable).toEqual([
      {
        rep: "ana@contoso.com",
        why: "They are never both free for 4 hours, with 30 minutes to travel before and after, in shared working hours between 2026-03-02 and 2026-03-09 (the rep's ordinary customer calls count as free only inside the block)",
      },
    ]);
  });

  it("keeps the manager free for the whole block and its buffers, calls or not", () => {
    const result = suggest({
      manager: available(NY, [["2026-03-03T13:00", "2026-03-03T14:00"]]),
      reps: [repWithCalendar("ana@contoso.com", busyTuesday)],
    });
    // Tuesday's blocks holding calls all touch the manager's 13:00 meeting or its buffers.
    expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-02 09:00", "2026-03-02 13:00"]);
    expect(result.suggestions[0]!.reasons[0]).toBe("ana has no customer calls that day");
  });

  it("keeps away, working-elsewhere and unknown time blocking under a call", () => {
    for (const status of ["oof", "workingElsewhere", "unknown"] as const) {
      const ana = repWithCalendar("ana@contoso.com", busyTuesday);
      const result = suggest({
        reps: [
          {
            ...ana,
            availability: available(
              NY,
              busyTuesday.map(([start, end]) => [start, end, start.endsWith("14:00") ? status : "busy"]),
            ),
          },
        ],
      });
      // The 14:00 call now blocks with its buffer; the best block left holds the two calls before it.
      expect(blocks(result)[0]!.slice(1)).toEqual(["2026-03-03 09:30", "2026-03-03 13:30"]);
      expect(result.suggestions[0]!.reasons[0]).toMatch(/^Rides along on 2 customer calls/);
    }
  });
});

describe("suggestFieldDays: ranking signals", () => {
  it("prefers the day with the most ordinary customer calls, whatever the big deals", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-03T09:00", "2026-03-03T10:00", "call"],
          ...(["11", "12", "13", "14"] as const).map(
            (hour): Entry => [`2026-03-03T${hour}:00`, `2026-03-03T${hour}:30`, "big deal"],
          ),
          ["2026-03-11T09:00", "2026-03-11T10:00", "call"],
          ["2026-03-11T10:00", "2026-03-11T11:00", "call"],
          ["2026-03-11T11:00", "2026-03-11T12:00", "call"],
        ]),
      ],
      policy: { preferredWeekdays: ["monday"] },
    });
    expect(blocks(result)[0]![1]).toBe("2026-03-11 09:00");
    expect(result.suggestions[0]!.reasons[0]).toBe("Rides along on 3 customer calls (none a big deal)");
    expect(result.suggestions[0]!.score).toBe(3500);
  });

  it("says when big-deal calls were left out of the count", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-02T09:00", "2026-03-02T10:00", "call"],
          ["2026-03-02T10:00", "2026-03-02T11:00", "call"],
          ["2026-03-02T15:00", "2026-03-02T16:00", "big deal"],
        ]),
      ],
    });
    expect(result.suggestions[0]!.reasons[0]).toBe(
      "Rides along on 2 customer calls (none a big deal); 1 big-deal call that day does not count",
    );
  });

  it("ranks by the day's calls when they are not joinable", () => {
    const result = suggest({
      reps: [
        repWithCalendar("ana@contoso.com", [
          ["2026-03-04T16:00", "2026-03-04T17:00", "call"],
          ["2026-03-04T17:00", "2026-03-04T18:00", "call"],
          ["2026-03-04T17:00", "2026-03-04T18:00", "big deal"],
        ]),
      ],
      policy: { customerCallsJoinable: false },
    });
    expect(blocks(result)[0]![1]).toBe("2026-03-04 09:00");
    expect(result.suggestions[0]!.reasons[0]).toBe(
      "ana has 2 ordinary customer calls that day (and 1 big-deal call, which do not count)",
    );
    expect(result.suggestions[0]!.score).toBe(2500);
  });

  it("uses a preferred weekday when customer calls do not decide", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com", { calendar: NO_CALLS })],
      policy: { preferredWeekdays: ["thursday"] },
    });
    expect(blocks(result)[0]![1]).toBe("2026-03-05 09:00");
    expect(result.suggestions[0]!.reasons).toContain("Thursday is a preferred day");
    expect(result.suggestions[0]!.reasons[0]).toBe("ana has no customer calls that day");
  });

  it("applies a rep's own cadence override", () => {
    const policy = parseCadencePolicy({
      reps: { "ana@contoso.com": { blockLength: "full-day", travelBufferMinutes: 0 } },
    });
    const result = suggest({ reps: [rep("ana@contoso.com"), rep("bo@contoso.com")], policy });
    expect(blocks(result)).toEqual([
      ["ana@contoso.com", "2026-03-02 09:00", "2026-03-02 17:00"],
      ["bo@contoso.com", "2026-03-03 09:00", "2026-03-03 13:00"],
    ]);
  });
});

describe("suggestFieldDays: moving a block to place another rep", () => {
  // Ana is the more overdue and free on both Mondays; Bo only on the first. One field day a week.
  const input = {
    reps: [
      rep("ana@contoso.com", {
        availability: available(NY, [["2026-03-03T00:00", "2026-03-07T00:00"]]),
      }),
      rep("bo@contoso.com", {
        availability: available(NY, [["2026-03-03T00:00", "2026-03-16T00:00"]]),
      }),
    ],
    fieldDays: [
      { reps: ["ana@contoso.com"], start: at("2026-01-26T09:00") },
      { reps: ["bo@contoso.com"], start: at("2026-02-02T09:00") },
    ],
    policy: { maxFieldDaysPerWeek: 1, horizonWeeks: 2 },
  };

  it("moves the first rep to another valid day when that places the second", () => {
    const result = suggest(input);
    expect(blocks(result)).toEqual([
      ["ana@contoso.com", "2026-03-09 09:00", "2026-03-09 13:00"],
      ["bo@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"],
    ]);
    expect(result.unplaceable).toEqual([]);
  });

  it("leaves the second rep out without the swap", () => {
    const result = suggestFieldDays(
      {
        now: at("2026-03-02T08:00"),
        policy: { ...DEFAULT_POLICY, ...input.policy },
        manager: { email: "mia@contoso.com", zone: zoneNamed(NY)!, availability: available(NY) },
        reps: input.reps,
        fieldDays: input.fieldDays,
      },
      { swaps: false },
    );
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-02 09:00", "2026-03-02 13:00"]]);
    expect(result.unplaceable).toEqual([
      {
        rep: "bo@contoso.com",
        why: "Both are free on 1 day between 2026-03-02 and 2026-03-16, but 1 falls in weeks already at the manager's limit of 1 field day",
      },
    ]);
  });

  it("never moves a block that a later due date of the same rep was read from", () => {
    // Ana, a new hire, is due every two weeks: her second block is read from her first. Moving the
    // first to 9 March would make room for Bo but leave the second only a week after it.
    const result = suggest({
      reps: [
        rep("ana@contoso.com", { hireDate: "2026-01-05", availability: input.reps[0]!.availability }),
        rep("bo@contoso.com", { availability: available(NY, [["2026-03-03T00:00", "2026-03-24T00:00"]]) }),
      ],
      fieldDays: [{ reps: ["bo@contoso.com"], start: at("2026-02-02T09:00") }],
      policy: { maxFieldDaysPerWeek: 1, horizonWeeks: 3 },
    });
    expect(blocks(result).map((b) => b.slice(0, 2))).toEqual([
      ["ana@contoso.com", "2026-03-02 09:00"],
      ["ana@contoso.com", "2026-03-16 09:00"],
    ]);
    expect(result.unplaceable.map((u) => u.rep)).toEqual(["bo@contoso.com"]);
  });
});

describe("suggestFieldDays: a move never brings a due date into the horizon", () => {
  it("keeps a block whose move would make the rep due again within the horizon", () => {
    // Ana, a new hire due every two weeks, rides along on a call on 9 March; her next due date is
    // then after the horizon. Moving her to 2 March would make room for Bo, but make her due again
    // on 16 March with no block for it.
    const result = suggest({
      reps: [
        {
          ...repWithCalendar("ana@contoso.com", [
            ["2026-03-03T00:00", "2026-03-07T00:00", "internal"],
            ["2026-03-09T10:00", "2026-03-09T11:00", "call"],
            ["2026-03-10T00:00", "2026-03-24T00:00", "internal"],
          ]),
          hireDate: "2026-01-05",
        },
        rep("bo@contoso.com", {
          availability: available(NY, [
            ["2026-03-02T00:00", "2026-03-07T00:00"],
            ["2026-03-10T00:00", "2026-03-24T00:00"],
          ]),
        }),
      ],
      fieldDays: [{ reps: ["bo@contoso.com"], start: at("2026-02-02T09:00") }],
      policy: { maxFieldDaysPerWeek: 1, horizonWeeks: 3 },
    });
    expect(blocks(result)).toEqual([["ana@contoso.com", "2026-03-09 09:00", "2026-03-09 13:00"]]);
    expect(result.unplaceable.map((u) => u.rep)).toEqual(["bo@contoso.com"]);
  });
});

describe("suggestFieldDays: who cannot be placed", () => {
  it("reports a rep with no working days", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com", { availability: available(NY, [], { days: [] }) })],
    });
    expect(result.unplaceable[0]!.why).toBe(
      "Their working hours never overlap for 4 hours on one day between 2026-03-02 and 2026-03-30",
    );
  });

  it("passes on why a rep or the manager has no usable schedule", () => {
    const missing: Availability = { placeable: false, why: "Not in SCHEDULE.json" };
    expect(suggest({ reps: [rep("ana@contoso.com", { availability: missing })] }).unplaceable).toEqual([
      { rep: "ana@contoso.com", why: "Not in SCHEDULE.json" },
    ]);
    expect(suggest({ manager: missing, reps: [rep("ana@contoso.com")] }).unplaceable).toEqual([
      { rep: "ana@contoso.com", why: "The manager cannot be placed: Not in SCHEDULE.json" },
    ]);
  });

  it("says when the two are never free at once", () => {
    const result = suggest({
      reps: [
        rep("ana@contoso.com", { availability: available(NY, [["2026-03-02T00:00", "2026-04-01T00:00"]]) }),
      ],
    });
    expect(result.unplaceable[0]!.why).toBe(
      "They are never both free for 4 hours, with 30 minutes to travel before and after, in shared working hours between 2026-03-02 and 2026-03-30",
    );
  });
});

describe("suggestFieldDays: dismissed suggestions", () => {
  it("does not offer a dismissed day again", () => {
    const result = suggest({
      reps: [rep("ana@contoso.com")],
      dismissed: [{ rep: "Ana@contoso.com", date: "2026-03-02" }],
    });
    expect(blocks(result)[0]![1]).toBe("2026-03-03 09:00");
  });

  it("says so when every free day was dismissed", () => {
    const days = ["02", "03", "04", "05", "06"].map((d) => ({
      rep: "ana@contoso.com",
      date: `2026-03-${d}`,
    }));
    const result = suggest({ reps: [rep("ana@contoso.com")], dismissed: days, policy: { horizonWeeks: 1 } });
    expect(result.unplaceable[0]!.why).toBe(
      "Both are free on 5 days between 2026-03-02 and 2026-03-09, but 5 were dismissed",
    );
  });
});
