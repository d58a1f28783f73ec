import fc from "fast-check";
import { DateTime, type Zone } from "luxon";
import { describe, expect, it } from "vitest";
import { type CadencePolicy, cadenceFor, DEFAULT_POLICY } from "./cadence-policy.ts";
import { customZone } from "./custom-time-zone.ts";
import type { BusyItem, FreeBusyStatus } from "./free-busy.ts";
import { WEEKDAYS, type Weekday } from "./org.ts";
import type { FieldDayOnRecord } from "./suggest-due.ts";
import {
  type Availability,
  type FieldDaySuggestion,
  type RepToPlace,
  type SuggestFieldDaysInput,
  suggestFieldDays,
} from "./suggest-field-days.ts";
import { zoneNamed } from "./zoned-time.ts";

/*
 * An independent statement of every hard constraint of SPEC §5, written with Luxon directly rather than
 * with the engine's helpers, and a brute-force search over every quarter hour to compare against.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER = 15 * 60_000;

const ZONES: readonly Zone[] = [
  ...[
    "America/New_York",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
  ].map((name) => zoneNamed(name)!),
  customZone({
    name: "Customized Time Zone",
    biasMinutes: 480,
    daylight: {
      biasMinutes: -60,
      starts: { month: 3, dayOccurrence: 2, dayOfWeek: "sunday", time: "02:00:00" },
      ends: { month: 11, dayOccurrence: 1, dayOfWeek: "sunday", time: "02:00:00" },
    },
  }),
];
const STATUSES: readonly FreeBusyStatus[] = [
  "free",
  "tentative",
  "busy",
  "oof",
  "workingElsewhere",
  "unknown",
];

const clock = (quarters: number): string =>
  `${String(Math.floor(quarters / 4)).padStart(2, "0")}:${String((quarters % 4) * 15).padStart(2, "0")}:00`;

// Mostly ordinary working weeks in nearby zones, so that most runs have blocks to place; now and then
// anything at all, so that odd hours and far-apart zones are covered too.
const availability = (now: number, zone: fc.Arbitrary<Zone>) =>
  fc
    .record({
      zone,
      days: fc.oneof(
        { weight: 4, arbitrary: fc.constant(WEEKDAYS.slice(0, 5) as Weekday[]) },
        { weight: 1, arbitrary: fc.subarray([...WEEKDAYS] as Weekday[]) },
      ),
      startQuarter: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 28, max: 40 }) },
        fc.integer({ min: 0, max: 60 }),
      ),
      lengthQuarters: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 28, max: 40 }) },
        fc.integer({ min: 4, max: 48 }),
      ),
      busy: fc.array(
        fc.record({
          offsetMinutes: fc.integer({ min: -3 * 24 * 60, max: 24 * 24 * 60 }),
          minutes: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 5, max: 180 }) },
            fc.integer({ min: 5, max: 24 * 60 }),
          ),
          status: fc.constantFrom(...STATUSES),
        }),
        { maxLength: 60 },
      ),
    })
    .map(
      (r): Availability => ({
        placeable: true,
        workWeek: {
          daysOfWeek: r.days,
          startTime: clock(r.startQuarter),
          endTime: clock(Math.min(r.startQuarter + r.lengthQuarters, 95)),
          zone: r.zone,
        },
        busy: r.busy.map(
          (b): BusyItem => ({
            start: now + b.offsetMinutes * 60_000,
            end: now + (b.offsetMinutes + b.minutes) * 60_000,
            status: b.status,
          }),
        ),
      }),
    );

const cadence = fc.record(
  {
    blockLength: fc.constantFrom("half-day" as const, "full-day" as const),
    halfDayHours: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(3, 4) },
      fc.integer({ min: 4, max: 24 }).map((q) => q / 4),
    ),
    fullDayMinHours: fc.integer({ min: 8, max: 36 }).map((q) => q / 4),
    everyWeeks: fc.record({ newHire: fc.integer({ min: 1, max: 3 }), other: fc.integer({ min: 1, max: 6 }) }),
    newHireMonths: fc.integer({ min: 0, max: 12 }),
    preferredWeekdays: fc.subarray([...WEEKDAYS] as Weekday[]),
    travelBufferMinutes: fc.constantFrom(0, 15, 30, 45, 60),
    tentativeIsBusy: fc.boolean(),
  },
  { requiredKeys: [] },
);

const REPS = ["ana@contoso.com", "bo@contoso.com", "cy@contoso.com", "di@contoso.com"];

const scenario = (repCount: { min: number; max: number }) =>
  fc
    .record({
      now: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
      managerZone: fc.constantFrom(...ZONES),
      repCount: fc.integer(repCount),
    })
    .chain(({ now, managerZone, repCount }) =>
      fc.record({
        now: fc.constant(now),
        managerZone: fc.constant(managerZone),
        manager: availability(
          now,
          fc.oneof({ weight: 4, arbitrary: fc.constant(managerZone) }, fc.constantFrom(...ZONES)),
        ),
        reps: fc.tuple(
          ...REPS.slice(0, repCount).map((email) =>
            fc.record({
              email: fc.constant(email),
              name: fc.constant(email.split("@")[0]!),
              hireDate: fc.option(fc.constantFrom("2025-03-01", "2025-11-15", "2026-06-01", "2026-10-01"), {
                nil: undefined,
              }),
              availability: availability(
                now,
                fc.oneof({ weight: 2, arbitrary: fc.constant(managerZone) }, fc.constantFrom(...ZONES)),
              ),
            }),
          ),
        ),
        tenant: cadence,
        overrides: fc.dictionary(fc.constantFrom(...REPS), cadence, { maxKeys: 2 }),
        maxFieldDaysPerWeek: fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 1, max: 3 }) },
          fc.constant(0),
        ),
        horizonWeeks: fc.integer({ min: 1, max: 3 }),
        fieldDays: fc.array(
          fc.record({
            reps: fc.subarray(REPS, { minLength: 1, maxLength: 1 }),
            start: fc.integer({ min: now - 10 * 7 * DAY, max: now + 3 * 7 * DAY }),
          }),
          { maxLength: 6 },
        ),
        dismissedDays: fc.array(fc.tuple(fc.constantFrom(...REPS), fc.integer({ min: 0, max: 21 })), {
          maxLength: 6,
        }),
      }),
    )
    .map((s): SuggestFieldDaysInput => {
      const policy: CadencePolicy = {
        ...DEFAULT_POLICY,
        ...s.tenant,
        everyWeeks: { ...DEFAULT_POLICY.everyWeeks, ...s.tenant.everyWeeks },
        maxFieldDaysPerWeek: s.maxFieldDaysPerWeek,
        horizonWeeks: s.horizonWeeks,
        reps: new Map(Object.entries(s.overrides)),
      };
      return {
        now: s.now,
        policy,
        manager: { email: "mia@contoso.com", zone: s.managerZone, availability: s.manager },
        reps: s.reps as RepToPlace[],
        fieldDays: s.fieldDays as FieldDayOnRecord[],
        dismissed: s.dismissedDays.map(([rep, days]) => ({
          rep,
          date: DateTime.fromMillis(s.now + days * DAY, { zone: s.managerZone }).toISODate()!,
        })),
      };
    });

/** The working day of `zone`'s calendar that contains `instant`, if it is a working day. */
function workingDayAround(
  instant: number,
  a: Extract<Availability, { placeable: true }>,
): [number, number] | undefined {
  const local = DateTime.fromMillis(instant, { zone: a.workWeek.zone });
  if (!a.workWeek.daysOfWeek.includes(WEEKDAYS[local.weekday - 1]!)) return undefined;
  const at = (time: string) => {
    const [hour, minute, second] = time.split(":").map(Number);
    return DateTime.fromObject(
      { year: local.year, month: local.month, day: local.day, hour, minute, second },
      { zone: a.workWeek.zone },
    ).toMillis();
  };
  return [at(a.workWeek.startTime), at(a.workWeek.endTime)];
}

/** The manager's calendar is read in the zone of their working hours when those are known. */
const managerZone = (input: SuggestFieldDaysInput): Zone =>
  input.manager.availability.placeable ? input.manager.availability.workWeek.zone : input.manager.zone;

function dueOf(input: SuggestFieldDaysInput, rep: RepToPlace) {
  const rules = cadenceFor(input.policy, rep.email);
  const zone = managerZone(input);
  const today = DateTime.fromMillis(input.now, { zone }).toISODate()!;
  const newHire =
    rep.hireDate !== undefined &&
    DateTime.fromISO(rep.hireDate, { zone: "UTC" }).plus({ months: rules.newHireMonths }).toISODate()! >
      today;
  const every = newHire ? rules.everyWeeks.newHire : rules.everyWeeks.other;
  const starts = input.fieldDays.filter((d) => d.reps.includes(rep.email)).map((d) => d.start);
  const dueBy =
    starts.length === 0
      ? input.now
      : DateTime.fromMillis(Math.max(...starts), { zone })
          .plus({ weeks: every })
          .toMillis();
  return {
    rules,
    every,
    dueBy,
    opensAt: Math.max(input.now, dueBy - Math.min(7 * DAY, (every * 7 * DAY) / 2)),
  };
}

const horizonEndOf = (input: SuggestFieldDaysInput): number =>
  DateTime.fromMillis(input.now, { zone: managerZone(input) })
    .plus({ weeks: input.policy.horizonWeeks })
    .toMillis();
const weekOf = (instant: number, zone: Zone): string => {
  const dt = DateTime.fromMillis(instant, { zone });
  return `${dt.weekYear}-${dt.weekNumber}`;
};

/** Why one block for one rep breaks a hard constraint, ignoring the other suggestions; undefined when valid. */
function blockProblem(
  input: SuggestFieldDaysInput,
  rep: RepToPlace,
  start: number,
  end: number,
  opensAt: number,
): string | undefined {
  const { rules } = dueOf(input, rep);
  const manager = input.manager.availability;
  if (!manager.placeable || !rep.availability.placeable) return "placed someone unplaceable";
  if (start < opensAt) return "starts before it may";
  if (end > horizonEndOf(input)) return "ends after the horizon";
  const mDay = workingDayAround(start, manager);
  const rDay = workingDayAround(start, rep.availability);
  if (mDay === undefined || rDay === undefined) return "not on a working day of both";
  if (start < mDay[0] || end > mDay[1] || start < rDay[0] || end > rDay[1]) return "outside working hours";
  if (rules.blockLength === "half-day") {
    if (end - start !== rules.halfDayHours * HOUR) return "wrong half-day length";
    if (start % QUARTER !== 0) return "not on a quarter hour";
  } else {
    if (start !== Math.max(mDay[0], rDay[0]) || end !== Math.min(mDay[1], rDay[1]))
      return "not the whole shared day";
    if (end - start < rules.fullDayMinHours * HOUR) return "full day too short";
  }
  const buffer = rules.travelBufferMinutes * 60_000;
  for (const item of [...manager.busy, ...rep.availability.busy]) {
    const blocks = item.status !== "free" && (rules.tentativeIsBusy || item.status !== "tentative");
    if (blocks && item.start < end + buffer && start - buffer < item.end) return "someone is busy";
  }
  const date = DateTime.fromMillis(start, { zone: managerZone(input) }).toISODate();
  if ((input.dismissed ?? []).some((d) => d.rep === rep.email && d.date === date))
    return "on a dismissed day";
  return undefined;
}

function violations(input: SuggestFieldDaysInput, suggestions: readonly FieldDaySuggestion[]): string[] {
  const out: string[] = [];
  const zone = managerZone(input);
  const perWeek = new Map<string, number>();
  for (const d of input.fieldDays)
    perWeek.set(weekOf(d.start, zone), (perWeek.get(weekOf(d.start, zone)) ?? 0) + 1);
  for (const rep of input.reps) {
    const mine = suggestions.filter((s) => s.rep === rep.email).sort((a, b) => a.start - b.start);
    const due = dueOf(input, rep);
    if (mine.length > 0 && due.dueBy >= horizonEndOf(input)) out.push(`${rep.email} is not due`);
    mine.forEach((s, k) => {
      const opensAt =
        k === 0
          ? due.opensAt
          : DateTime.fromMillis(mine[k - 1]!.start, { zone })
              .plus({ weeks: due.every })
              .toMillis();
      const problem = blockProblem(input, rep, s.start, s.end, opensAt);
      if (problem !== undefined) out.push(`${rep.email} ${new Date(s.start).toISOString()}: ${problem}`);
    });
  }
  for (const s of suggestions)
    perWeek.set(weekOf(s.start, zone), (perWeek.get(weekOf(s.start, zone)) ?? 0) + 1);
  for (const s of suggestions) {
    if (perWeek.get(weekOf(s.start, zone))! > input.policy.maxFieldDaysPerWeek)
      out.push(`week of ${s.rep} over the limit`);
  }
  for (const [i, a] of suggestions.entries()) {
    for (const b of suggestions.slice(i + 1)) {
      const gap =
        Math.max(
          cadenceFor(input.policy, a.rep).travelBufferMinutes,
          cadenceFor(input.policy, b.rep).travelBufferMinutes,
        ) * 60_000;
      if (a.start < b.end + gap && b.start < a.end + gap) out.push(`${a.rep} and ${b.rep} overlap`);
    }
  }
  return out;
}

/** Every valid block for one rep, scanning each quarter hour (half days) or each shared day (full days). */
function anyValidBlock(input: SuggestFieldDaysInput, rep: RepToPlace): boolean {
  const due = dueOf(input, rep);
  const end = horizonEndOf(input);
  if (due.dueBy >= end || !input.manager.availability.placeable || !rep.availability.placeable) return false;
  const zone = managerZone(input);
  const perWeek = new Map<string, number>();
  for (const d of input.fieldDays)
    perWeek.set(weekOf(d.start, zone), (perWeek.get(weekOf(d.start, zone)) ?? 0) + 1);
  const withinLimit = (start: number) =>
    (perWeek.get(weekOf(start, zone)) ?? 0) < input.policy.maxFieldDaysPerWeek;
  if (due.rules.blockLength === "half-day") {
    const length = due.rules.halfDayHours * HOUR;
    for (let start = Math.ceil(due.opensAt / QUARTER) * QUARTER; start + length <= end; start += QUARTER) {
      if (withinLimit(start) && blockProblem(input, rep, start, start + length, due.opensAt) === undefined)
        return true;
    }
    return false;
  }
  for (let t = due.opensAt - DAY; t < end + DAY; t += QUARTER) {
    const m = workingDayAround(t, input.manager.availability);
    const r = workingDayAround(t, rep.availability);
    if (m === undefined || r === undefined) continue;
    const start = Math.max(m[0], r[0]);
    const stop = Math.min(m[1], r[1]);
    if (
      stop > start &&
      withinLimit(start) &&
      blockProblem(input, rep, start, stop, due.opensAt) === undefined
    )
      return true;
  }
  return false;
}

describe("suggestFieldDays properties", () => {
  // Each property also counts the runs that placed something, so that a generator drifting towards
  // calendars where nothing fits cannot make the property pass vacuously.
  it("meets every hard constraint on random calendars and policies", () => {
    let placed = 0;
    const runs = 300;
    fc.assert(
      fc.property(scenario({ min: 1, max: 4 }), (input) => {
        const result = suggestFieldDays(input);
        expect(violations(input, result.suggestions)).toEqual([]);
        for (const u of result.unplaceable) expect(u.why.length).toBeGreaterThan(0);
        if (result.suggestions.length > 0) placed++;
      }),
      { numRuns: runs },
    );
    expect(placed).toBeGreaterThan(runs / 5);
  });

  it("finds a block for a lone rep exactly when one exists", () => {
    let placed = 0;
    const runs = 100;
    fc.assert(
      fc.property(scenario({ min: 1, max: 1 }), (input) => {
        const rep = input.reps[0]!;
        const result = suggestFieldDays(input);
        const found = result.suggestions.some((s) => s.rep === rep.email);
        expect(found).toBe(anyValidBlock(input, rep));
        const due = result.due.some((d) => d.rep === rep.email);
        expect(found || !due || result.unplaceable.some((u) => u.rep === rep.email)).toBe(true);
        if (found) placed++;
      }),
      { numRuns: runs },
    );
    expect(placed).toBeGreaterThan(runs / 5);
  });
});
