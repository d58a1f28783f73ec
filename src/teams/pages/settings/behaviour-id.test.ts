import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { behaviourIdFor } from "./behaviour-id.ts";

/** The contract's rule for behaviour ids. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("behaviourIdFor", () => {
  it("makes an id from the name", () => {
    expect(behaviourIdFor("Asks open questions", new Set())).toBe("asks-open-questions");
    expect(behaviourIdFor("  Qualifies: budget & timing! ", new Set())).toBe("qualifies-budget-timing");
    expect(behaviourIdFor("Négocie le prix", new Set())).toBe("negocie-le-prix");
  });

  it("numbers it when the id is taken", () => {
    expect(behaviourIdFor("Listens", new Set(["listens", "listens-2"]))).toBe("listens-3");
  });

  it("has none for a name without letters or digits", () => {
    expect(behaviourIdFor("?!", new Set())).toBeUndefined();
  });

  it("always follows the contract's id rule and never reuses an id", () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.stringMatching(ID), { maxLength: 5 }), (name, ids) => {
        const id = behaviourIdFor(name, new Set(ids));
        if (id === undefined) return;
        expect(id).toMatch(ID);
        expect(id.length).toBeLessThanOrEqual(80);
        expect(ids).not.toContain(id);
      }),
    );
  });
});
