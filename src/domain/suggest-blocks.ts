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

/** What a block on one day must respect. */
export interface BlockRules {
  /** Time neither the block nor its travel buffers may touch: merged, sorted, buffers already added. */
  readonly blocked: readonly Interval[];
  /** Calls the block holds wholly or keeps `bufferMs` clear of, sorted by start (see RepFieldDayTime). */
  readonly calls: readonly Interval[];
  /** Length of the longest call, so that a day's calls are found by binary search. */
  readonly longestCall: number;
  readonly bufferMs: number;
}

/** A block and how many of the rules' calls lie wholly inside it. */
export interface DayBlock {
  readonly block: Interval;
  readonly callsInside: number;
}

/**
 * The block of `shape` on `day` within [opensAt, closesAt) that meets `rules` and holds the most
 * calls, the earliest of those. Half-day blocks start on a quarter hour; a full day is the whole
 * shared day.
 */
export function bestBlockOn(
  day: SharedDay,
  shape: BlockShape,
  rules: BlockRules,
  opensAt: Instant,
  closesAt: Instant,
): DayBlock | undefined {
  if (shape.kind === "full-day") {
    const { start, end } = day.interval;
    if (start < opensAt || end > closesAt || end - start < shape.minLength) return undefined;
    const [allowed] = allowedStarts(start, start, end - start, rules);
    return allowed === undefined
      ? undefined
      : { block: day.interval, callsInside: callsInside(rules.calls, day.interval) };
  }
  const length = shape.length;
  const latest = Math.min(day.interval.end, closesAt) - length;
  let best: DayBlock | undefined;
  for (const range of allowedStarts(Math.max(day.interval.start, opensAt), latest, length, rules)) {
    const start = ceilToQuarterHour(range.start);
    if (start > range.end) continue;
    // Within one range of allowed starts every call stays inside or clear of the block, because
    // moving from one to the other passes through starts where the block would cut the call.
    const block = { start, end: start + length };
    const inside = callsInside(rules.calls, block);
    if (best === undefined || inside > best.callsInside) best = { block, callsInside: inside };
  }
  return best;
}

/**
 * The starts in [earliest, latest] of a block of `length` that meets `rules`, as closed ranges in
 * order (`end` is the last allowed start, not one past it).
 */
function allowedStarts(earliest: Instant, latest: Instant, length: number, rules: BlockRules): Interval[] {
  if (latest < earliest) return [];
  // Each rule forbids an open range of starts (from, to).
  const forbidden: Interval[] = [];
  for (let i = firstEndingAfter(rules.blocked, earliest); i < rules.blocked.length; i++) {
    const busy = rules.blocked[i]!;
    if (busy.start - length >= latest) break;
    forbidden.push({ start: busy.start - length, end: busy.end });
  }
  const buffer = rules.bufferMs;
  for (
    let i = firstStartingAtOrAfter(rules.calls, earliest - buffer - rules.longestCall);
    i < rules.calls.length;
    i++
  ) {
    const call = rules.calls[i]!;
    if (call.start - buffer - length >= latest) break;
    if (call.end + buffer <= earliest) continue;
    if (call.end - call.start > length) {
      forbidden.push({ start: call.start - buffer - length, end: call.end + buffer });
    } else {
      // Clear before it, wholly inside, or clear after it: everything between cuts the call or its buffer.
      forbidden.push({ start: call.start - buffer - length, end: call.end - length });
      forbidden.push({ start: call.start, end: call.end + buffer });
    }
  }
  forbidden.sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let cursor = earliest;
  for (const range of forbidden) {
    if (cursor > latest) break;
    if (range.end <= cursor) continue;
    if (range.start >= cursor) out.push({ start: cursor, end: Math.min(range.start, latest) });
    cursor = Math.max(cursor, range.end);
  }
  if (cursor <= latest) out.push({ start: cursor, end: latest });
  return out;
}

function callsInside(calls: readonly Interval[], block: Interval): number {
  let count = 0;
  for (let i = firstStartingAtOrAfter(calls, block.start); i < calls.length; i++) {
    const call = calls[i]!;
    if (call.start >= block.end) break;
    if (call.end <= block.end) count++;
  }
  return count;
}

/** Quarter hours of the epoch are quarter hours on every zone's wall clock (offsets are multiples of 15 minutes). */
function ceilToQuarterHour(instant: Instant): Instant {
  return Math.ceil(instant / QUARTER_HOUR) * QUARTER_HOUR;
}

/** Index of the first interval ending after `instant` (binary search over a merged list). */
export function firstEndingAfter(list: readonly Interval[], instant: Instant): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.end <= instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first interval starting at or after `instant` in a list sorted by start. */
export function firstStartingAtOrAfter(list: readonly Interval[], instant: Instant): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.start < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}
