import { performance } from "node:perf_hooks";
import { DEFAULT_POLICY } from "../src/domain/cadence-policy.ts";
import type { BusyItem, FreeBusyStatus } from "../src/domain/free-busy.ts";
import { MS_PER_DAY, MS_PER_MINUTE } from "../src/domain/instant.ts";
import type { Interval } from "../src/domain/interval.ts";
import { WEEKDAYS } from "../src/domain/org.ts";
import type { CustomerCallCount, RepCalendar } from "../src/domain/suggest-customer-calls.ts";
import type { FieldDayOnRecord } from "../src/domain/suggest-due.ts";
import {
  type SuggestFieldDaysInput,
  type SuggestOptions,
  suggestFieldDays,
} from "../src/domain/suggest-field-days.ts";
import type { WorkWeek } from "../src/domain/working-hours.ts";
import { dateIn, wallClockInstant, zoneNamed } from "../src/domain/zoned-time.ts";
import type { BenchModule, BenchSection } from "./bench-section.ts";

const MEETINGS_PER_WEEK = 25;
const NOW = Date.parse("2026-03-02T13:00:00Z");
const REP_ZONES = ["America/New_York", "America/New_York", "America/Chicago", "America/Los_Angeles"];

/** Mulberry32: a small seeded generator, so every run measures the same calendars. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function workWeek(zone: string): WorkWeek {
  return {
    daysOfWeek: WEEKDAYS.slice(0, 5),
    startTime: "08:30:00",
    endTime: "17:30:00",
    zone: zoneNamed(zone)!,
  };
}

/**
 * About 25 meetings a week on working days between 08:00 and 18:00 local, mostly busy, some tentative.
 * As on real calendars, each day's meetings bunch up in the morning or the afternoon.
 */
function calendar(random: () => number, zone: string, weeks: number) {
  const items: BusyItem[] = [];
  const callsByDay = new Map<string, CustomerCallCount>();
  const ordinaryCalls: Interval[] = [];
  const otherEvents: BusyItem[] = [];
  const z = zoneNamed(zone)!;
  const firstDay = dateIn(NOW - 7 * MS_PER_DAY, z);
  const busyHalf = new Map<string, number>();
  for (let week = 0; week <= weeks + 1; week++) {
    for (let meeting = 0; meeting < MEETINGS_PER_WEEK; meeting++) {
      const day = addDays(firstDay, week * 7 + Math.floor(random() * 5));
      if (!busyHalf.has(day)) busyHalf.set(day, random() < 0.5 ? 0 : 1);
      const half = random() < 0.85 ? busyHalf.get(day)! : 1 - busyHalf.get(day)!;
      const startMinutes = 8 * 60 + half * 5 * 60 + Math.floor(random() * 18) * 15;
      const minutes = [30, 30, 60, 60, 90][Math.floor(random() * 5)]!;
      const start = wallClockInstant(day, "00:00:00", z) + startMinutes * MS_PER_MINUTE;
      const status: FreeBusyStatus = random() < 0.15 ? "tentative" : random() < 0.03 ? "oof" : "busy";
      const item = { start, end: start + minutes * MS_PER_MINUTE, status };
      items.push(item);
      // Four meetings in ten are customer calls, one call in five a big deal.
      const kind = random() < 0.4 ? (random() < 0.2 ? "bigDeal" : "ordinary") : "internal";
      if (kind === "ordinary") ordinaryCalls.push({ start: item.start, end: item.end });
      else otherEvents.push(item);
      if (kind !== "internal") {
        const count = callsByDay.get(day) ?? { ordinary: 0, bigDeal: 0 };
        callsByDay.set(day, { ...count, [kind]: count[kind] + 1 });
      }
    }
  }
  ordinaryCalls.sort((a, b) => a.start - b.start);
  const repCalendar: RepCalendar = { callsByDay, ordinaryCalls, otherEvents };
  return { items, repCalendar };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

function scenario(reps: number, weeks: number): { input: SuggestFieldDaysInput; items: number } {
  const random = prng(reps * 1000 + weeks);
  const manager = calendar(random, "America/New_York", weeks);
  const fieldDays: FieldDayOnRecord[] = [];
  let items = manager.items.length;
  const repInputs = Array.from({ length: reps }, (_, i) => {
    const email = `rep${i}@contoso.com`;
    const zone = REP_ZONES[i % REP_ZONES.length]!;
    const own = calendar(random, zone, weeks);
    items += own.items.length;
    // Most reps had a field day in the last eight weeks; some never did.
    if (random() < 0.8)
      fieldDays.push({ reps: [email], start: NOW - Math.floor(random() * 56) * MS_PER_DAY });
    return {
      email,
      name: `Rep ${i}`,
      ...(random() < 0.25 ? { hireDate: "2026-01-05" } : {}),
      availability: { placeable: true as const, workWeek: workWeek(zone), busy: own.items },
      calendar: own.repCalendar,
    };
  });
  const input: SuggestFieldDaysInput = {
    now: NOW,
    policy: { ...DEFAULT_POLICY, horizonWeeks: weeks, maxFieldDaysPerWeek: Math.max(2, Math.ceil(reps / 4)) },
    manager: {
      email: "mia@contoso.com",
      zone: zoneNamed("America/New_York")!,
      availability: { placeable: true, workWeek: workWeek("America/New_York"), busy: manager.items },
    },
    reps: repInputs,
    fieldDays,
  };
  return { input, items };
}

/** Median milliseconds of `repetitions` runs after one warm-up run, with and without moving blocks. */
function time(
  input: SuggestFieldDaysInput,
  repetitions: number,
): { ms: number; greedyMs: number; suggestions: number; greedySuggestions: number } {
  const median = (options: SuggestOptions) => {
    const samples: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const started = performance.now();
      suggestFieldDays(input, options);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  };
  const suggestions = suggestFieldDays(input).suggestions.length;
  const greedySuggestions = suggestFieldDays(input, { swaps: false }).suggestions.length;
  return { ms: median({}), greedyMs: median({ swaps: false }), suggestions, greedySuggestions };
}

const bench: BenchModule = {
  key: "suggestions",
  async run({ quick }): Promise<BenchSection> {
    const repetitions = quick ? 3 : 15;
    const repCounts = [6, 12, 24, 48];
    const weekCounts = [2, 4, 8];
    const rows: ({ reps: number; weeks: number; items: number } & ReturnType<typeof time>)[] = [];
    for (const weeks of weekCounts) {
      for (const reps of repCounts) {
        const { input, items } = scenario(reps, weeks);
        rows.push({ reps, weeks, items, ...time(input, repetitions) });
      }
    }
    const smallest = rows[0]!;
    const largest = rows[rows.length - 1]!;
    const headline = rows.find((r) => r.reps === 12 && r.weeks === 4)!;
    const growthFactor = largest.ms / smallest.ms / (largest.items / smallest.items);
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + pick(r), 0);
    const moveGain = sum((r) => r.suggestions) - sum((r) => r.greedySuggestions);
    const moveCost = sum((r) => r.ms) / sum((r) => r.greedyMs);
    return {
      title: "Field-day suggestions (suggestFieldDays, ~25 meetings a week per person)",
      figures: [
        { name: "12 reps, 4-week horizon", value: headline.ms, unit: "ms per run" },
        {
          name: "growth factor",
          value: growthFactor,
          unit: "time ratio / items ratio",
          target: "near 1 (linear)",
        },
        {
          name: "placed by moving blocks",
          value: moveGain,
          unit: `suggestions more than greedy placement (${sum((r) => r.greedySuggestions)}) over the grid`,
        },
        { name: "cost of moving blocks", value: moveCost, unit: "time ratio, with ÷ without" },
        ...rows.map((r) => ({
          name: `${r.reps} reps, ${r.weeks} weeks`,
          value: r.ms,
          unit: `ms (${r.items} busy items, ${r.suggestions} suggestions, ${r.greedySuggestions} greedy)`,
        })),
      ],
      report: { msFor12Reps4Weeks: headline.ms, growthFactor, moveGain, moveCost },
      notes: [
        `Median of ${repetitions} runs after a warm-up run; calendars from a seeded generator.`,
        `Growth factor: (time at ${largest.reps} reps × ${largest.weeks} weeks ÷ time at ${smallest.reps} reps × ${smallest.weeks} weeks) ÷ (busy items there ÷ busy items here).`,
      ],
    };
  },
};

export default bench;
