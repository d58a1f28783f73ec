import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MS_PER_DAY } from "./instant.ts";
import { retentionCutoff } from "./retention-cutoff.ts";

const at = (iso: string) => Date.parse(iso);
const instantArb = fc.integer({ min: at("2000-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z") });
const monthsArb = fc.integer({ min: 1, max: 120 });

describe("retentionCutoff", () => {
  it("goes back whole calendar months in UTC, to the month's last day when the date does not exist", () => {
    expect(retentionCutoff(at("2026-03-04T15:00:00Z"), 1)).toBe(at("2026-02-04T15:00:00Z"));
    expect(retentionCutoff(at("2026-03-31T23:30:00Z"), 1)).toBe(at("2026-02-28T23:30:00Z"));
    expect(retentionCutoff(at("2024-03-31T08:00:00Z"), 1)).toBe(at("2024-02-29T08:00:00Z"));
    expect(retentionCutoff(at("2026-01-15T00:00:00Z"), 13)).toBe(at("2024-12-15T00:00:00Z"));
  });

  it("refuses a retention that is not a positive whole number of months", () => {
    expect(() => retentionCutoff(at("2026-03-04T15:00:00Z"), 0)).toThrow(RangeError);
    expect(() => retentionCutoff(at("2026-03-04T15:00:00Z"), 1.5)).toThrow(RangeError);
  });

  it("lies between 28 and 31 days per month before now, keeps the time of day, and moves back with more months", () => {
    fc.assert(
      fc.property(instantArb, monthsArb, (now, months) => {
        const cutoff = retentionCutoff(now, months);
        expect(now - cutoff).toBeGreaterThanOrEqual(months * 28 * MS_PER_DAY - 3 * MS_PER_DAY);
        expect(now - cutoff).toBeLessThanOrEqual(months * 31 * MS_PER_DAY);
        expect(((cutoff % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY).toBe(
          ((now % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY,
        );
        expect(retentionCutoff(now, months + 1)).toBeLessThan(cutoff);
      }),
    );
  });

  it("never moves back when now moves forward", () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 0, max: 40 * MS_PER_DAY }),
        monthsArb,
        (now, later, months) => {
          expect(retentionCutoff(now + later, months)).toBeGreaterThanOrEqual(retentionCutoff(now, months));
        },
      ),
    );
  });
});
