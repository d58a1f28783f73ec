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
