import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clip,
  hoursOf,
  type Interval,
  intersectIntervals,
  mergeIntervals,
  overlaps,
  pad,
  subtractIntervals,
} from "./interval.ts";

// Small integer intervals keep a brute-force model (a set of covered unit slots) cheap.
const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 }))
  .map(([start, length]): Interval => ({ start, end: start + length }));
const list = fc.array(interval, { maxLength: 8 });

function slots(intervals: readonly Interval[]): Set<number> {
  const out = new Set<number>();
  for (const i of intervals) for (let t = i.start; t < i.end; t++) out.add(t);
  return out;
}

function sortedSlots(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}

function isNormal(intervals: readonly Interval[]): boolean {
  return intervals.every((i, k) => i.end > i.start && (k === 0 || intervals[k - 1]!.end < i.start));
}

describe("interval basics", () => {
  it("clips, detects overlap and measures hours", () => {
    expect(clip({ start: 0, end: 10 }, { start: 5, end: 20 })).toEqual({ start: 5, end: 10 });
    expect(clip({ start: 0, end: 5 }, { start: 5, end: 20 })).toBeUndefined();
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
    expect(hoursOf({ start: 0, end: 5_400_000 })).toBe(1.5);
    expect(pad({ start: 10, end: 20 }, 3, 4)).toEqual({ start: 7, end: 24 });
  });

  it("joins touching intervals and drops empty ones", () => {
    expect(
      mergeIntervals([
        { start: 5, end: 8 },
        { start: 0, end: 5 },
        { start: 9, end: 9 },
        { start: 10, end: 12 },
      ]),
    ).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 12 },
    ]);
  });
});

describe("interval algebra properties", () => {
  it("merge covers the same time, is normal and idempotent", () => {
    fc.assert(
      fc.property(list, (a) => {
        const merged = mergeIntervals(a);
        expect(sortedSlots(slots(merged))).toEqual(sortedSlots(slots(a)));
        expect(isNormal(merged)).toBe(true);
        expect(mergeIntervals(merged)).toEqual(merged);
      }),
    );
  });

  it("intersect and subtract match set intersection and difference", () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const sa = slots(a);
        const sb = slots(b);
        const both = intersectIntervals(a, b);
        const diff = subtractIntervals(a, b);
        expect(sortedSlots(slots(both))).toEqual(sortedSlots(sa).filter((t) => sb.has(t)));
        expect(sortedSlots(slots(diff))).toEqual(sortedSlots(sa).filter((t) => !sb.has(t)));
        expect(isNormal(both) && isNormal(diff)).toBe(true);
      }),
    );
  });

  it("obeys the laws of intersection and difference", () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(intersectIntervals(a, b)).toEqual(intersectIntervals(b, a));
        expect(intersectIntervals(a, a)).toEqual(mergeIntervals(a));
        expect(subtractIntervals(a, a)).toEqual([]);
        expect(subtractIntervals(a, [])).toEqual(mergeIntervals(a));
        // A = (A − B) ∪ (A ∩ B), and the two parts never meet.
        const diff = subtractIntervals(a, b);
        const both = intersectIntervals(a, b);
        expect(mergeIntervals([...diff, ...both])).toEqual(mergeIntervals(a));
        expect(intersectIntervals(diff, both)).toEqual([]);
        expect(intersectIntervals(diff, b)).toEqual([]);
      }),
    );
  });

  it("never changes its inputs", () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const before = JSON.stringify([a, b]);
        mergeIntervals(a);
        intersectIntervals(a, b);
        subtractIntervals(a, b);
        expect(JSON.stringify([a, b])).toBe(before);
      }),
    );
  });
});
