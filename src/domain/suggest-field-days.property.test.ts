import fc from "fast-check";
import { DateTime, type Zone } from "luxon";
import { describe, expect, it } from "vitest";
import { type CadencePolicy, cadenceFor, DEFAULT_POLICY } from "./cadence-policy.ts";
import type { CalendarEvent } from "./calendar-event.ts";
import { customZone } from "./custom-time-zone.ts";
import type { BusyItem, FreeBusyStatus } from "./free-busy.ts";
import { buildOrgIndex, WEEKDAYS, type Weekday } from "./org.ts";
import { readRepCalendar } from "./suggest-customer-calls.ts";
import type { FieldDayOnRecord } from "./suggest-due.ts";
import {
  type Availability,
  type RepToPlace,
  type SuggestFieldDaysInput,
  type SuggestFieldDaysResult,
  suggestFieldDays,
} from "./suggest-field-days.ts";
import { zoneNamed } from "./zoned-time.ts";

/*
 * An independent statement of every hard constraint of SPEC §5, written with Luxon and plain string
 * handling rather than with the engine's helpers, and a brute-force search over every quarter hour to
 * compare against. The reps' calendars are raw events: which of them a manager can ride along on is
 * worked out here again from their addresses.
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
const availability = (now: number, zone: fc.Arbitrary<Zone>, maxBusy = 60) =>
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
        { maxLength: maxBusy },
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
    customerCallsJoinable: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
  },
  { requiredKeys: [] },
);

const REPS = ["ana@contoso.com", "bo@contoso.com", "cy@contoso.com", "di@contoso.com"];

/** Fabrikam's open pipeline is a big deal, Litware's is not, prospect.io is no account at all. */
const ORG = buildOrgIndex({
  tenantDomains: ["contoso.com"],
  bigDealThreshold: 1_000_000,
  people: [],
  accounts: [
    { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_500_000 },
    { domain: "litware.com", name: "Litware", openPipeline: 40_000 },
  ],
});
/** Ordinary customers first, then a big deal's people and colleagues. */
const PARTIES = [
  "buyer@litware.com",
  "pm@eu.litware.com",
  "lead@prospect.io",
  "x@contoso.com.evil.com",
  "cfo@fabrikam.com",
  "vp@eu.fabrikam.com",
  "bo@contoso.com",
  "lead@eu.contoso.com",
];

/**
 * A rep's calendar, events on quarter hours so that calls often meet blocks edge to edge, and the
 * getSchedule items Graph would show for them: the same times, a shorter item inside the event (to
 * test "covers"), or none (an event getSchedule does not show).
 */
const repCalendar = (now: number, zone: Zone) =>
  fc
    .array(
      fc.record({
        // Mostly in the rep's working hours, where blocks are; now and then at any time at all.
        start: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 28, max: 72 })),
          },
          fc.tuple(fc.integer({ min: -3, max: 22 }), fc.integer({ min: 0, max: 95 })),
        ),
        quarters: fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 2, max: 6 }) },
          fc.integer({ min: 0, max: 48 }),
        ),
        party: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...PARTIES.slice(0, 4)) },
          fc.constantFrom(...PARTIES.slice(4)),
        ),
        organizedByRep: fc.boolean(),
        partyDeclined: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, fc.constant(true)),
        bigDealRoom: fc.boolean(),
        showAs: fc.oneof(
          { weight: 6, arbitrary: fc.constant("busy" as const) },
          fc.constantFrom(...STATUSES),
        ),
        cancelled: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true)),
        declined: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true)),
        allDay: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true)),
        inSchedule: fc.constantFrom("same", "same", "same", "inner", "none"),
      }),
      { maxLength: 40 },
    )
    .map((entries) => {
      const midnight = DateTime.fromMillis(now, { zone }).startOf("day");
      const events: CalendarEvent[] = [];
      const items: BusyItem[] = [];
      entries.forEach((e, i) => {
        const [day, quarter] = e.start;
        const start = midnight.plus({ days: day }).toMillis() + quarter * QUARTER;
        const end = start + e.quarters * QUARTER;
        events.push({
          id: `e${i}`,
          iCalUId: `u${i}`,
          subject: null,
          start,
          end,
          isAllDay: e.allDay,
          isCancelled: e.cancelled,
          showAs: e.showAs,
          sensitivity: "normal",
          organizer: { email: e.organizedByRep ? "rep@contoso.com" : e.party, name: null },
          attendees: [
            ...(e.organizedByRep
              ? [
                  {
                    email: e.party,
                    name: null,
                    type: "required" as const,
                    response: e.partyDeclined ? ("declined" as const) : ("accepted" as const),
                  },
                ]
              : []),
            ...(e.bigDealRoom
              ? [
                  {
                    email: "room@fabrikam.com",
                    name: null,
                    type: "resource" as const,
                    response: "accepted" as const,
                  },
                ]
              : []),
          ],
          isOrganizer: e.organizedByRep,
          ownerResponse: e.organizedByRep ? "organizer" : e.declined ? "declined" : "accepted",
          categories: [],
          type: "singleInstance",
          seriesMasterId: null,
        });
        if (e.inSchedule === "same") items.push({ start, end, status: e.showAs });
        if (e.inSchedule === "inner" && e.quarters >= 2)
          items.push({ start: start + QUARTER, end, status: e.showAs });
      });
      return { events, items };
    });

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
            fc
              .oneof({ weight: 2, arbitrary: fc.constant(managerZone) }, fc.constantFrom(...ZONES))
              .chain((zone) =>
                fc.record({
                  email: fc.constant(email),
                  name: fc.constant(email.split("@")[0]!),
                  hireDate: fc.option(
                    fc.constantFrom("2025-03-01", "2025-11-15", "2026-06-01", "2026-10-01"),
                    { nil: undefined },
                  ),
                  // Fewer busy items than the manager's: the rep's calendar adds its own.
                  availability: availability(now, fc.constant(zone), 30),
                  calendar: fc.option(repCalendar(now, zone), { freq: 4, nil: undefined }),
                }),
              ),
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
    .map((s): Scenario => {
      const policy: CadencePolicy = {
        ...DEFAULT_POLICY,
        ...s.tenant,
        everyWeeks: { ...DEFAULT_POLICY.everyWeeks, ...s.tenant.everyWeeks },
        maxFieldDaysPerWeek: s.maxFieldDaysPerWeek,
        horizonWeeks: s.horizonWeeks,
        reps: new Map(Object.entries(s.overrides)),
      };
      const events = new Map<string, readonly CalendarEvent[] | undefined>();
      const reps = s.reps.map((rep): RepToPlace => {
        events.set(rep.email, rep.calendar?.events);
        if (!rep.availability.placeable) throw new Error("the generator makes placeable people only");
        const availability = {
          ...rep.availability,
          busy: [...rep.availability.busy, ...(rep.calendar?.items ?? [])],
        };
        const calendar =
          rep.calendar === undefined
            ? undefined
            : readRepCalendar({ events: rep.calendar.events, org: ORG, zone: availability.workWeek.zone });
        return { email: rep.email, name: rep.name, hireDate: rep.hireDate, availability, calendar };
      });
      const input: SuggestFieldDaysInput = {
        now: s.now,
        policy,
        manager: { email: "mia@contoso.com", zone: s.managerZone, availability: s.manager },
        reps,
        fieldDays: s.fieldDays as FieldDayOnRecord[],
        dismissed: s.dismissedDays.map(([rep, days]) => ({
          rep,
          date: DateTime.fromMillis(s.now + days * DAY, { zone: s.managerZone }).toISODate()!,
        })),
      };
      return { input, events };
    });

/**
 * Reps competing for few days: an ordinary week in one zone, a free manager, and each rep free on a
 * handful of days only, with a low weekly limit, so that greedy placement often blocks a rep.
 */
const contested = fc
  .record({
    now: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
    zone: fc.constantFrom(...ZONES),
    freeDays: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 21 }), { minLength: 1, maxLength: 5 }), {
      minLength: 2,
      maxLength: 4,
    }),
    hireDates: fc.array(fc.option(fc.constantFrom("2025-03-01", "2026-06-01"), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    lastFieldDays: fc.array(fc.option(fc.integer({ min: 10, max: 40 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    tenant: cadence,
    maxFieldDaysPerWeek: fc.integer({ min: 1, max: 2 }),
    horizonWeeks: fc.integer({ min: 1, max: 3 }),
  })
  .map((c): Scenario => {
    const week = (): Extract<Availability, { placeable: true }>["workWeek"] => ({
      daysOfWeek: WEEKDAYS.slice(0, 5),
      startTime: "09:00:00",
      endTime: "17:00:00",
      zone: c.zone,
    });
    const midnight = DateTime.fromMillis(c.now, { zone: c.zone }).startOf("day");
    const reps = c.freeDays.map((free, i): RepToPlace => {
      const busy: BusyItem[] = [];
      for (let day = -1; day <= 23; day++) {
        if (free.includes(day)) continue;
        const start = midnight.plus({ days: day }).toMillis();
        busy.push({ start, end: midnight.plus({ days: day + 1 }).toMillis(), status: "busy" });
      }
      return {
        email: REPS[i]!,
        name: REPS[i]!.split("@")[0]!,
        hireDate: c.hireDates[i],
        availability: { placeable: true, workWeek: week(), busy },
      };
    });
    const fieldDays = c.lastFieldDays.flatMap((daysAgo, i) =>
      daysAgo === undefined || i >= reps.length ? [] : [{ reps: [REPS[i]!], start: c.now - daysAgo * DAY }],
    );
    const policy: CadencePolicy = {
      ...DEFAULT_POLICY,
      ...c.tenant,
      everyWeeks: { ...DEFAULT_POLICY.everyWeeks, ...c.tenant.everyWeeks },
      maxFieldDaysPerWeek: c.maxFieldDaysPerWeek,
      horizonWeeks: c.horizonWeeks,
      reps: new Map(),
    };
    return {
      input: {
        now: c.now,
        policy,
        manager: {
          email: "mia@contoso.com",
          zone: c.zone,
          availability: { placeable: true, workWeek: week(), busy: [] },
        },
        reps,
        fieldDays,
      },
      events: new Map(),
    };
  });

interface Scenario {
  readonly input: SuggestFieldDaysInput;
  /** Each rep's raw calendar; undefined when it was not read. */
  readonly events: ReadonlyMap<string, readonly CalendarEvent[] | undefined>;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1);
const inside = (domain: string, parent: string): boolean =>
  domain === parent || domain.endsWith(`.${parent}`);

/**
 * `compute`, run once per key object (the first argument's other arguments must follow from it): the
 * brute-force search asks the same questions every quarter hour. Each rep object belongs to one scenario.
 */
function memoized<K extends object, A extends unknown[], V>(
  compute: (key: K, ...rest: A) => V,
): (key: K, ...rest: A) => V {
  const memo = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (!memo.has(key)) memo.set(key, compute(key, ...rest));
    return memo.get(key)!;
  };
}

/**
 * The rep's calendar as a field day sees it: the ordinary customer calls (someone outside contoso.com
 * takes part, nobody from fabrikam.com, the big account) and every other event that takes their time.
 */
const callsAndOthers = memoized((events: readonly CalendarEvent[]) => {
  const calls: CalendarEvent[] = [];
  const others: CalendarEvent[] = [];
  for (const e of events) {
    if (e.isCancelled || e.ownerResponse === "declined" || e.end <= e.start) continue;
    const parties = [
      ...(e.organizer === null ? [] : [e.organizer.email]),
      ...e.attendees.filter((a) => a.type !== "resource" && a.response !== "declined").map((a) => a.email),
    ];
    const outsiders = parties.map(domainOf).filter((d) => !inside(d, "contoso.com"));
    const isCall = !e.isAllDay && !(e.showAs === "free" && !e.isOrganizer) && outsiders.length > 0;
    if (isCall && !outsiders.some((d) => inside(d, "fabrikam.com"))) calls.push(e);
    else if (e.showAs !== "free") others.push(e);
  }
  return { calls, others };
});

/** What one rep's time rules are for a field day: the items that block, and the calls to hold or avoid. */
const repTime = memoized((rep: RepToPlace, scenario: Scenario) => repTimeOf(scenario, rep));

function repTimeOf(scenario: Scenario, rep: RepToPlace) {
  const rules = cadenceFor(scenario.input.policy, rep.email);
  const availability = rep.availability;
  if (!availability.placeable) throw new Error("unplaceable rep");
  // Time of no length takes no time.
  const blocking = (item: {
    readonly start: number;
    readonly end: number;
    readonly status: FreeBusyStatus;
  }) =>
    item.end > item.start && item.status !== "free" && (rules.tentativeIsBusy || item.status !== "tentative");
  const events = scenario.events.get(rep.email);
  if (events === undefined || !rules.customerCallsJoinable) {
    return { blocking: availability.busy.filter(blocking), calls: [] as CalendarEvent[] };
  }
  const { calls, others } = callsAndOthers(events);
  const joinable = (item: BusyItem) =>
    (item.status === "busy" || item.status === "tentative") &&
    calls.some((c) => c.start <= item.start && item.end <= c.end) &&
    !others.some((o) => blocking({ ...o, status: o.showAs }) && o.start < item.end && item.start < o.end);
  return { blocking: availability.busy.filter((i) => blocking(i) && !joinable(i)), calls };
}

/** How many ordinary customer calls rank a block: those inside it, or that day's when not joinable. */
function callsCounted(scenario: Scenario, rep: RepToPlace, start: number, end: number): number {
  const events = scenario.events.get(rep.email);
  if (events === undefined || !rep.availability.placeable) return 0;
  const { calls } = callsAndOthers(events);
  if (cadenceFor(scenario.input.policy, rep.email).customerCallsJoinable)
    return calls.filter((c) => start <= c.start && c.end <= end).length;
  const zone = rep.availability.workWeek.zone;
  const date = DateTime.fromMillis(start, { zone }).toISODate();
  return calls.filter((c) => DateTime.fromMillis(c.start, { zone }).toISODate() === date).length;
}

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

const dueOf = (input: SuggestFieldDaysInput, rep: RepToPlace) => dueOfRep(rep, input);
const dueOfRep = memoized((rep: RepToPlace, input: SuggestFieldDaysInput) => {
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
});

const horizonEndOf = memoized((input: SuggestFieldDaysInput): number =>
  DateTime.fromMillis(input.now, { zone: managerZone(input) })
    .plus({ weeks: input.policy.horizonWeeks })
    .toMillis(),
);
const weekOf = (instant: number, zone: Zone): string => {
  const dt = DateTime.fromMillis(instant, { zone });
  return `${dt.weekYear}-${dt.weekNumber}`;
};

/** Why one block for one rep breaks a hard constraint, ignoring the other suggestions; undefined when valid. */
function blockProblem(
  scenario: Scenario,
  rep: RepToPlace,
  start: number,
  end: number,
  opensAt: number,
): string | undefined {
  const { input } = scenario;
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
  const managerBlocking = manager.busy.filter(
    (item) => item.status !== "free" && (rules.tentativeIsBusy || item.status !== "tentative"),
  );
  for (const item of managerBlocking)
    if (item.start < end + buffer && start - buffer < item.end) return "the manager is busy";
  const time = repTime(rep, scenario);
  for (const item of time.blocking)
    if (item.start < end + buffer && start - buffer < item.end) return "the rep is busy";
  for (const call of time.calls) {
    const within = start <= call.start && call.end <= end;
    const clear = call.end <= start - buffer || call.start >= end + buffer;
    if (!within && !clear) return "cuts a customer call or its travel buffer";
  }
  const date = DateTime.fromMillis(start, { zone: managerZone(input) }).toISODate();
  if ((input.dismissed ?? []).some((d) => d.rep === rep.email && d.date === date))
    return "on a dismissed day";
  return undefined;
}

/** `score` = 1000 × calls + 500 + days overdue within ±499, so the calls it counted are recoverable. */
const callsInScore = (score: number): number => Math.floor((score - 1) / 1000);

function violations(scenario: Scenario, result: SuggestFieldDaysResult): string[] {
  const { input } = scenario;
  const { suggestions } = result;
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
      const problem = blockProblem(scenario, rep, s.start, s.end, opensAt);
      if (problem !== undefined) out.push(`${rep.email} ${new Date(s.start).toISOString()}: ${problem}`);
      const counted = callsCounted(scenario, rep, s.start, s.end);
      if (callsInScore(s.score) !== counted)
        out.push(`${rep.email} ${new Date(s.start).toISOString()}: scored ${s.score} for ${counted} calls`);
    });
    const last = mine[mine.length - 1];
    const dueAgain =
      last === undefined
        ? undefined
        : DateTime.fromMillis(last.start, { zone }).plus({ weeks: due.every }).toMillis();
    if (
      dueAgain !== undefined &&
      dueAgain < horizonEndOf(input) &&
      !result.unplaceable.some((u) => u.rep === rep.email)
    )
      out.push(`${rep.email} is due again within the horizon, with neither a block nor a reason`);
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

/**
 * The most calls any valid block for one rep's first due date counts, scanning each quarter hour (half
 * days) or each shared day (full days); undefined when no block is valid.
 */
function mostCallsOfAnyValidBlock(scenario: Scenario, rep: RepToPlace): number | undefined {
  const { input } = scenario;
  const due = dueOf(input, rep);
  const end = horizonEndOf(input);
  if (due.dueBy >= end || !input.manager.availability.placeable || !rep.availability.placeable)
    return undefined;
  const zone = managerZone(input);
  const perWeek = new Map<string, number>();
  for (const d of input.fieldDays)
    perWeek.set(weekOf(d.start, zone), (perWeek.get(weekOf(d.start, zone)) ?? 0) + 1);
  const withinLimit = (start: number) =>
    (perWeek.get(weekOf(start, zone)) ?? 0) < input.policy.maxFieldDaysPerWeek;
  let most: number | undefined;
  const consider = (start: number, stop: number) => {
    if (withinLimit(start) && blockProblem(scenario, rep, start, stop, due.opensAt) === undefined)
      most = Math.max(most ?? 0, callsCounted(scenario, rep, start, stop));
  };
  if (due.rules.blockLength === "half-day") {
    const length = due.rules.halfDayHours * HOUR;
    for (let start = Math.ceil(due.opensAt / QUARTER) * QUARTER; start + length <= end; start += QUARTER)
      consider(start, start + length);
    return most;
  }
  for (let t = due.opensAt - DAY; t < end + DAY; t += QUARTER) {
    const m = workingDayAround(t, input.manager.availability);
    const r = workingDayAround(t, rep.availability);
    if (m === undefined || r === undefined) continue;
    const start = Math.max(m[0], r[0]);
    const stop = Math.min(m[1], r[1]);
    if (stop > start) consider(start, stop);
  }
  return most;
}

describe("suggestFieldDays properties", () => {
  // Each property also counts the runs that placed something (and that rode along on a call), so
  // that a generator drifting towards calendars where nothing fits cannot make it pass vacuously.
  it("meets every hard constraint on random calendars and policies", () => {
    let placed = 0;
    let rodeAlong = 0;
    const runs = 300;
    fc.assert(
      fc.property(scenario({ min: 1, max: 4 }), (s) => {
        const result = suggestFieldDays(s.input);
        expect(violations(s, result)).toEqual([]);
        for (const u of result.unplaceable) expect(u.why.length).toBeGreaterThan(0);
        if (result.suggestions.length > 0) placed++;
        if (result.suggestions.some((x) => x.reasons[0]!.startsWith("Rides along"))) rodeAlong++;
      }),
      { numRuns: runs },
    );
    expect(placed).toBeGreaterThan(runs / 5);
    expect(rodeAlong).toBeGreaterThan(runs / 30);
  });

  it("places every rep greedy placement does, and more by moving blocks, within every constraint", () => {
    let gained = 0;
    const runs = 300;
    fc.assert(
      fc.property(contested, (s) => {
        const greedy = suggestFieldDays(s.input, { swaps: false });
        const result = suggestFieldDays(s.input);
        expect(violations(s, result)).toEqual([]);
        expect(result.suggestions.length).toBeGreaterThanOrEqual(greedy.suggestions.length);
        const placed = new Set(result.suggestions.map((x) => x.rep));
        for (const x of greedy.suggestions) expect(placed.has(x.rep)).toBe(true);
        expect(result.due).toEqual(greedy.due);
        if (result.suggestions.length > greedy.suggestions.length) gained++;
      }),
      { numRuns: runs },
    );
    expect(gained).toBeGreaterThan(runs / 100);
  });

  it("finds a block for a lone rep exactly when one exists, holding as many calls as any", () => {
    let placed = 0;
    const runs = 100;
    fc.assert(
      fc.property(scenario({ min: 1, max: 1 }), (s) => {
        const rep = s.input.reps[0]!;
        const result = suggestFieldDays(s.input);
        const mine = result.suggestions.filter((x) => x.rep === rep.email).sort((a, b) => a.start - b.start);
        const most = mostCallsOfAnyValidBlock(s, rep);
        expect(mine.length > 0).toBe(most !== undefined);
        if (mine.length > 0) expect(callsInScore(mine[0]!.score)).toBe(most);
        const due = result.due.some((d) => d.rep === rep.email);
        expect(mine.length > 0 || !due || result.unplaceable.some((u) => u.rep === rep.email)).toBe(true);
        if (mine.length > 0) placed++;
      }),
      { numRuns: runs },
    );
    expect(placed).toBeGreaterThan(runs / 5);
  });
});
