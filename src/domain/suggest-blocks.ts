import type { Instant } from "./instant.ts";
import type { Interval } from "./interval.ts";
import type { WorkingDay } from "./working-hours.ts";

/** Working time the manager and a rep share within one working day of each. */
export interface SharedDay {
  readonly managerDate: string;
  readonly repDate: string;
  readonly interval: Interval;
}

export type BlockShape =
  | { readonly kind: "half-day"; readonly length: number }
  | { readonly kind: "full-day"; readonly minLength: number };

const QUARTER_HOUR = 15 * 60_000;

/**
 * Every overlap of a manager's working day with a rep's, in order. Each lies inside one working day
 * of each person, so a block inside it never crosses midnight in either zone.
 */
export function sharedWorkingDays(manager: readonly WorkingDay[], rep: readonly WorkingDay[]): SharedDay[] {
  const out: SharedDay[] = [];
  let i = 0;
  let j = 0;
  while (i < manager.length && j < rep.length) {
    const m = manager[i]!;
    const r = rep[j]!;
    const start = Math.max(m.interval.start, r.interval.start);
    const end = Math.min(m.interval.end, r.interval.end);
    if (end > start) out.push({ managerDate: m.date, repDate: r.date, interval: { start, end } });
    if (m.interval.end < r.interval.end) i++;
    else j++;
  }
  return out;
}

/**
 * The earliest block of `shape` on `day` that avoids `blocked` (merged, sorted) and lies within
 * [opensAt, closesAt). Half-day blocks start on a quarter hour; a full day is the whole shared day.
 */
export function firstBlockOn(
  day: SharedDay,
  shape: BlockShape,
  blocked: readonly Interval[],
  opensAt: Instant,
  closesAt: Instant,
): Interval | undefined {
  if (shape.kind === "full-day") {
    const { start, end } = day.interval;
    if (start < opensAt || end > closesAt || end - start < shape.minLength) return undefined;
    const next = blocked[firstEndingAfter(blocked, start)];
    return next === undefined || next.start >= end ? day.interval : undefined;
  }
  const end = Math.min(day.interval.end, closesAt);
  let cursor = ceilToQuarterHour(Math.max(day.interval.start, opensAt));
  for (let i = firstEndingAfter(blocked, cursor); cursor + shape.length <= end; i++) {
    const next = blocked[i];
    if (next === undefined || next.start >= cursor + shape.length) {
      return { start: cursor, end: cursor + shape.length };
    }
    cursor = ceilToQuarterHour(Math.max(cursor, next.end));
  }
  return undefined;
}

/** Quarter hours of the epoch are quarter hours on every zone's wall clock (offsets are multiples of 15 minutes). */
function ceilToQuarterHour(instant: Instant): Instant {
  return Math.ceil(instant / QUARTER_HOUR) * QUARTER_HOUR;
}

/** Index of the first interval ending after `instant` (binary search over a merged list). */
function firstEndingAfter(list: readonly Interval[], instant: Instant): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.end <= instant) low = mid + 1;
    else high = mid;
  }
  return low;
}
