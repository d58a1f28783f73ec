import { describe, expect, it } from "vitest";
import { cadenceFor, DEFAULT_POLICY, parseCadencePolicy } from "./cadence-policy.ts";
import { InputError } from "./input-error.ts";

function problem(input: unknown): { path: string; detail: string } {
  try {
    parseCadencePolicy(input);
  } catch (error) {
    if (error instanceof InputError) return { path: error.path, detail: error.detail };
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("parseCadencePolicy", () => {
  it("fills every missing field from the defaults", () => {
    expect(parseCadencePolicy({})).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({
      blockLength: "half-day",
      halfDayHours: 4,
      everyWeeks: { newHire: 2, other: 4 },
      maxFieldDaysPerWeek: 2,
      horizonWeeks: 4,
      tentativeIsBusy: true,
      customerCallsJoinable: true,
    });
  });

  it("keeps the tenant's fields and merges a partial interval with the default one", () => {
    const policy = parseCadencePolicy({
      blockLength: "full-day",
      everyWeeks: { other: 6 },
      preferredWeekdays: ["Tuesday", "thursday"],
      tentativeIsBusy: false,
      customerCallsJoinable: false,
    });
    expect(policy.blockLength).toBe("full-day");
    expect(policy.everyWeeks).toEqual({ newHire: 2, other: 6 });
    expect(policy.preferredWeekdays).toEqual(["tuesday", "thursday"]);
    expect(policy.tentativeIsBusy).toBe(false);
    expect(policy.customerCallsJoinable).toBe(false);
  });

  it("lays a rep's overrides over the tenant's cadence, matching the rep's address in any case", () => {
    const policy = parseCadencePolicy({
      travelBufferMinutes: 45,
      everyWeeks: { newHire: 3 },
      reps: {
        "Ana@Contoso.com": {
          everyWeeks: { other: 2 },
          blockLength: "full-day",
          customerCallsJoinable: false,
        },
      },
    });
    expect(cadenceFor(policy, "ana@contoso.com")).toMatchObject({
      blockLength: "full-day",
      customerCallsJoinable: false,
      everyWeeks: { newHire: 3, other: 2 },
      travelBufferMinutes: 45,
    });
    expect(cadenceFor(policy, "bo@contoso.com")).toMatchObject({
      blockLength: "half-day",
      customerCallsJoinable: true,
      everyWeeks: { newHire: 3, other: 4 },
    });
  });

  it("names the JSON path of a bad value", () => {
    expect(problem([])).toMatchObject({ path: "$" });
    expect(problem({ blockLength: "morning" })).toEqual({
      path: "$.blockLength",
      detail: 'must be "half-day" or "full-day"',
    });
    expect(problem({ halfDayHours: 4.1 })).toEqual({
      path: "$.halfDayHours",
      detail: "must be a whole number of quarter hours",
    });
    expect(problem({ everyWeeks: { other: 0 } })).toEqual({
      path: "$.everyWeeks.other",
      detail: "must be at least 1",
    });
    expect(problem({ horizonWeeks: 9 })).toEqual({ path: "$.horizonWeeks", detail: "must be at most 8" });
    expect(problem({ preferredWeekdays: ["someday"] })).toEqual({
      path: "$.preferredWeekdays[0]",
      detail: "must be a day name such as tuesday",
    });
    expect(problem({ reps: { "ana@contoso.com": { tentativeIsBusy: "yes" } } })).toEqual({
      path: '$.reps["ana@contoso.com"].tentativeIsBusy',
      detail: "must be true or false",
    });
    expect(problem({ customerCallsJoinable: 1 })).toEqual({
      path: "$.customerCallsJoinable",
      detail: "must be true or false",
    });
    expect(problem({ reps: { ana: {} } })).toEqual({
      path: "$.reps.ana",
      detail: "must be keyed by an email address",
    });
    expect(problem({ reps: { "a@b.com": {}, "A@b.com": {} } }).detail).toBe("names a rep listed twice");
  });

  it("refuses fields it does not know, and the manager's limits inside a rep's overrides", () => {
    expect(problem({ halfdayHours: 4 }).path).toBe("$");
    expect(problem({ reps: { "ana@contoso.com": { horizonWeeks: 2 } } }).path).toBe(
      '$.reps["ana@contoso.com"]',
    );
  });
});
