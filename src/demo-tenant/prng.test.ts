import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng } from "./prng.ts";

describe("seededRng", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("keeps integers inside their bounds and floats in [0, 1)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: -50, max: 50 }), fc.nat({ max: 100 }), (seed, min, span) => {
        const rng = seededRng(seed);
        for (let i = 0; i < 50; i++) {
          const value = rng.int(min, min + span);
          expect(Number.isInteger(value) && value >= min && value <= min + span).toBe(true);
          const float = rng.next();
          expect(float >= 0 && float < 1).toBe(true);
        }
      }),
    );
  });

  it("makes version-4-shaped GUIDs and shuffles without losing items", () => {
    const rng = seededRng(7);
    const guids = Array.from({ length: 200 }, () => rng.guid());
    for (const guid of guids)
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(guids).size).toBe(guids.length);
    const items = [1, 2, 3, 4, 5, 6];
    expect(rng.shuffled(items).sort()).toEqual(items);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
