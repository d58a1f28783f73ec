import { describe, expect, it } from "vitest";
import { combineTexts, mergeFields, resolveMerge } from "./three-way-merge.ts";

describe("mergeFields", () => {
  it("takes each side's change when they touched different fields", () => {
    const result = mergeFields(
      { wentWell: "", gaps: "", reflection: "" },
      { wentWell: "Strong opening", gaps: "", reflection: "" },
      { wentWell: "", gaps: "", reflection: "I rushed the close" },
    );
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({ wentWell: "Strong opening", gaps: "", reflection: "I rushed the close" });
  });

  it("is no conflict when both sides made the same change", () => {
    const result = mergeFields({ gaps: "" }, { gaps: "Pricing" }, { gaps: "Pricing" });
    expect(result).toEqual({ merged: { gaps: "Pricing" }, conflicts: [] });
  });

  it("reports a field both sides changed differently, keeping mine until resolved", () => {
    const result = mergeFields({ gaps: "a" }, { gaps: "mine" }, { gaps: "theirs" });
    expect(result.conflicts).toEqual([{ field: "gaps", base: "a", mine: "mine", theirs: "theirs" }]);
    expect(result.merged.gaps).toBe("mine");
  });

  it("compares lists by their items in order", () => {
    expect(
      mergeFields({ focus: ["a", "b"] }, { focus: ["a", "b"] }, { focus: ["b", "a"] }).merged.focus,
    ).toEqual(["b", "a"]);
    expect(
      mergeFields({ focus: ["a"] }, { focus: ["a", "b"] }, { focus: ["a", "c"] }).conflicts,
    ).toHaveLength(1);
  });

  it("keeps fields one side added and drops fields one side removed", () => {
    expect(mergeFields({}, { "focus/x/rating": 2 }, {}).merged).toEqual({ "focus/x/rating": 2 });
    expect(mergeFields({ "focus/x/rating": 2 }, { "focus/x/rating": 2 }, {}).merged).toEqual({});
  });
});

describe("mergeFields over id lists merged as sets", () => {
  const sets = { actions: {}, focus: { max: 3 } };

  it("keeps what either side added and drops what either removed", () => {
    const result = mergeFields(
      { actions: ["a", "b"] },
      { actions: ["a", "b", "mine"] },
      { actions: ["b", "theirs"] },
      sets,
    );
    expect(result).toEqual({ merged: { actions: ["b", "mine", "theirs"] }, conflicts: [] });
  });

  it("is a conflict only when the merged list would grow past its limit", () => {
    expect(
      mergeFields({ focus: ["a"] }, { focus: ["a", "b"] }, { focus: ["a", "c"] }, sets).merged.focus,
    ).toEqual(["a", "b", "c"]);
    const crowded = mergeFields(
      { focus: ["a", "b"] },
      { focus: ["a", "b", "c"] },
      { focus: ["a", "b", "d"] },
      sets,
    );
    expect(crowded.conflicts.map((conflict) => conflict.field)).toEqual(["focus"]);
  });

  it("keeps my order and appends their additions", () => {
    const result = mergeFields(
      { focus: ["a", "b"] },
      { focus: ["b", "a"] },
      { focus: ["a", "b", "c"] },
      sets,
    );
    expect(result.merged.focus).toEqual(["b", "a", "c"]);
  });
});

describe("resolveMerge", () => {
  const conflicted = mergeFields(
    { gaps: "", wentWell: "" },
    { gaps: "mine", wentWell: "both" },
    { gaps: "theirs", wentWell: "" },
  );

  it("applies each choice", () => {
    expect(resolveMerge(conflicted, { gaps: { keep: "theirs" } })).toEqual({
      gaps: "theirs",
      wentWell: "both",
    });
    expect(resolveMerge(conflicted, { gaps: { keep: "mine" } })).toEqual({ gaps: "mine", wentWell: "both" });
    expect(resolveMerge(conflicted, { gaps: { keep: "edited", value: "mine and theirs" } }).gaps).toBe(
      "mine and theirs",
    );
  });

  it("refuses to guess a conflict nobody settled", () => {
    expect(() => resolveMerge(conflicted, {})).toThrow(/gaps is not resolved/);
  });
});

describe("combineTexts", () => {
  it("puts mine first and skips empty or identical sides", () => {
    expect(combineTexts("mine", "theirs")).toBe("mine\n\ntheirs");
    expect(combineTexts(" ", "theirs")).toBe("theirs");
    expect(combineTexts("mine", "")).toBe("mine");
    expect(combineTexts("same", "same")).toBe("same");
  });
});
