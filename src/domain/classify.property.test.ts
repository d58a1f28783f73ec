import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventInput } from "./calendar-event.ts";
import { classifyEvents } from "./classify.ts";
import { eventArb, windowArb } from "./classify-test-arbitraries.ts";
import { buildTestOrg, MARY } from "./classify-test-support.ts";

const org = buildTestOrg();
const classify = (events: readonly EventInput[], window: { start: number; end: number }) =>
  classifyEvents({ manager: MARY, org, events, window });

describe("classifyEvents properties", () => {
  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), windowArb, (events, window) => {
        expect(classify(events, window)).toEqual(classify(events, window));
      }),
      { numRuns: 150 },
    );
  });

  it("classifies each event the same whatever the order of the others", () => {
    fc.assert(
      fc.property(
        fc
          .array(eventArb, { minLength: 1, maxLength: 30 })
          .chain((events) =>
            fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
          ),
        windowArb,
        ([events, shuffled], window) => {
          const byId = new Map(classify(events, window).map((c) => [c.id, c]));
          for (const result of classify(shuffled, window)) expect(result).toEqual(byId.get(result.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("returns every event exactly once, in input order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), windowArb, (events, window) => {
        expect(classify(events, window).map((c) => c.id)).toEqual(events.map((e) => e.id));
      }),
      { numRuns: 150 },
    );
  });

  it("counts a timed event's hours between zero and its length inside the window", () => {
    fc.assert(
      fc.property(eventArb, windowArb, (event, window) => {
        const [result] = classify([event], window);
        const inside = Math.max(0, Math.min(event.end, window.end) - Math.max(event.start, window.start));
        expect(result!.hours).toBeGreaterThanOrEqual(0);
        if (!event.isAllDay) expect(result!.hours).toBeLessThanOrEqual(inside / 3_600_000 + 1e-9);
        if (!event.isAllDay && result!.initiator !== "none") {
          expect(result!.hours).toBeCloseTo(inside / 3_600_000, 9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the rules' invariants", () => {
    fc.assert(
      fc.property(eventArb, windowArb, (event, window) => {
        const [result] = classify([event], window);
        const c = result!;
        if (event.isCancelled || event.ownerResponse === "declined") expect(c.initiator).toBe("none");
        if (c.initiator === "none") {
          expect(c.kind).toBeNull();
          expect(c.development).toBe("none");
          expect(c.hours).toBe(0);
        } else {
          expect(c.reps.length).toBeGreaterThan(0);
          expect(c.development).toBe(
            c.initiator === "manager" ? "skill" : c.initiator === "rep" ? "sales" : "none",
          );
        }
        if (c.kind === "field-day") expect(c.initiator).toBe("manager");
        if (c.bigDeal) expect(c.kind).toBe("customer-call");
        if (c.kind === "customer-call") expect(c.customerDomains.length).toBeGreaterThan(0);
        expect(c.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
