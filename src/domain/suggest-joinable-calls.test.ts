import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusyItem, FreeBusyStatus } from "./free-busy.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";
import { repFieldDayTime } from "./suggest-joinable-calls.ts";

const H = 3_600_000;
const item = (start: number, end: number, status: FreeBusyStatus = "busy"): BusyItem => ({
  start: start * H,
  end: end * H,
  status,
});
const span = (start: number, end: number) => ({ start: start * H, end: end * H });
const calendar = (
  calls: readonly (readonly [number, number])[],
  others: readonly BusyItem[] = [],
): RepCalendar => ({
  callsByDay: new Map(),
  ordinaryCalls: calls.map(([start, end]) => span(start, end)),
  otherEvents: others,
});
const JOINABLE = { tentativeIsBusy: true, customerCallsJoinable: true };

describe("repFieldDayTime", () => {
  it("frees the items an ordinary call covers and keeps everything else", () => {
    const time = repFieldDayTime(
      [item(9, 10), item(10.25, 10.75, "tentative"), item(11, 12), item(13, 14)],
      calendar([
        [9, 10],
        [10, 11],
        [11.5, 12],
      ]),
      JOINABLE,
    );
    // 11–12 is only half covered by the 11:30 call, 13–14 by none.
    expect(time.blocked).toEqual([span(11, 12), span(13, 14)]);
    expect(time.calls).toEqual([span(9, 10), span(10, 11), span(11.5, 12)]);
    expect(time.longestCall).toBe(H);
  });

  it("keeps an item blocking when another event of the rep's overlaps it", () => {
    const time = repFieldDayTime(
      [item(9, 12), item(10, 10.5)],
      calendar([[9, 12]], [item(10, 10.5)]),
      JOINABLE,
    );
    expect(time.blocked).toEqual([span(9, 12)]);
  });

  it("ignores other events that take no time under the policy", () => {
    const others = [item(10, 10.5, "tentative"), item(11, 11.5, "free")];
    const time = repFieldDayTime([item(9, 12)], calendar([[9, 12]], others), {
      tentativeIsBusy: false,
      customerCallsJoinable: true,
    });
    expect(time.blocked).toEqual([]);
  });

  it("never frees away, working-elsewhere or unknown time", () => {
    for (const status of ["oof", "workingElsewhere", "unknown"] as const) {
      expect(repFieldDayTime([item(9, 10, status)], calendar([[9, 10]]), JOINABLE).blocked).toEqual([
        span(9, 10),
      ]);
    }
  });

  it("frees nothing without the rep's calendar or when calls are not joinable", () => {
    const items = [item(9, 10)];
    expect(repFieldDayTime(items, undefined, JOINABLE)).toEqual({
      blocked: [span(9, 10)],
      calls: [],
      longestCall: 0,
    });
    expect(
      repFieldDayTime(items, calendar([[9, 10]]), { tentativeIsBusy: true, customerCallsJoinable: false }),
    ).toEqual({ blocked: [span(9, 10)], calls: [], longestCall: 0 });
  });

  it("blocks exactly the items no call covers or another event overlaps, on any calendar", () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 16 }))
      .map(([start, length]) => ({ start: start * 900_000, end: (start + length) * 900_000 }));
    const status = fc.constantFrom<FreeBusyStatus>(
      "free",
      "tentative",
      "busy",
      "oof",
      "workingElsewhere",
      "unknown",
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: interval, status }), { maxLength: 12 }),
        fc.array(interval, { maxLength: 8 }),
        fc.array(fc.record({ at: interval, status }), { maxLength: 6 }),
        fc.boolean(),
        (rawItems, rawCalls, rawOthers, tentativeIsBusy) => {
          const items = rawItems.map(({ at, status }) => ({ ...at, status }));
          const calls = [...rawCalls].sort((a, b) => a.start - b.start);
          const others = rawOthers.map(({ at, status }) => ({ ...at, status }));
          const time = repFieldDayTime(
            items,
            { callsByDay: new Map(), ordinaryCalls: calls, otherEvents: others },
            { tentativeIsBusy, customerCallsJoinable: true },
          );
          const takesTime = (s: FreeBusyStatus) => s !== "free" && (tentativeIsBusy || s !== "tentative");
          const stillBlocking = items.filter(
            (i) =>
              takesTime(i.status) &&
              !(
                (i.status === "busy" || i.status === "tentative") &&
                calls.some((c) => c.start <= i.start && i.end <= c.end) &&
                !others.some((o) => takesTime(o.status) && o.start < i.end && i.start < o.end)
              ),
          );
          // Every quarter hour is blocked exactly when one of those items holds it.
          for (let t = 0; t < 120 * 900_000; t += 900_000) {
            const expected = stillBlocking.some((i) => i.start <= t && t < i.end);
            expect(time.blocked.some((b) => b.start <= t && t < b.end)).toBe(expected);
          }
          expect(time.calls).toEqual(calls);
        },
      ),
      { numRuns: 300 },
    );
  });
});
