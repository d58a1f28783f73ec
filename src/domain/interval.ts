import { type Instant, MS_PER_HOUR } from "./instant.ts";

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

/** The part of `interval` inside `window`, or undefined when they do not overlap. */
export function clip(interval: Interval, window: Interval): Interval | undefined {
  const start = Math.max(interval.start, window.start);
  const end = Math.min(interval.end, window.end);
  return end > start ? { start, end } : undefined;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function hoursOf(interval: Interval): number {
  return (interval.end - interval.start) / MS_PER_HOUR;
}

/**
 * The same time as `intervals`, as a sorted list of disjoint, non-empty intervals; touching intervals
 * join. Accepts any order and never reorders the caller's array.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && next.start <= last.end) {
      if (next.end > last.end) out[out.length - 1] = { start: last.start, end: next.end };
    } else {
      out.push({ start: next.start, end: next.end });
    }
  }
  return out;
}

/** The time covered by both lists, merged. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i]!;
    const y = right[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** The time covered by `from` and not by `remove`, merged. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const base = mergeIntervals(from);
  const cut = mergeIntervals(remove);
  const out: Interval[] = [];
  let j = 0;
  for (const piece of base) {
    let start = piece.start;
    while (j < cut.length && cut[j]!.end <= start) j++;
    let k = j;
    while (k < cut.length && cut[k]!.start < piece.end) {
      const hole = cut[k]!;
      if (hole.start > start) out.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
      k++;
    }
    if (piece.end > start) out.push({ start, end: piece.end });
  }
  return out;
}

/** Widens an interval by `before` and `after` milliseconds. */
export function pad(interval: Interval, before: number, after: number): Interval {
  return { start: interval.start - before, end: interval.end + after };
}
