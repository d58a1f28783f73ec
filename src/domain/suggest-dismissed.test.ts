import { describe, expect, it } from "vitest";
import { InputError } from "./input-error.ts";
import { parseDismissed } from "./suggest-dismissed.ts";

describe("parseDismissed", () => {
  it("reads rep and date pairs, addresses in lower case", () => {
    expect(parseDismissed([{ rep: "Ana@Contoso.com", date: "2026-03-04" }])).toEqual([
      { rep: "ana@contoso.com", date: "2026-03-04" },
    ]);
  });

  it("names the JSON path of a bad entry", () => {
    const problem = (input: unknown) => {
      try {
        parseDismissed(input);
      } catch (error) {
        if (error instanceof InputError) return error.message;
      }
      return "no error";
    };
    expect(problem({})).toBe('$: must be an array of {"rep", "date"} objects');
    expect(problem([{ rep: "ana@contoso.com", date: "2026-02-30" }])).toBe(
      "$[0].date: must be a date such as 2026-03-04",
    );
    expect(problem([{ rep: "ana", date: "2026-03-04" }])).toBe("$[0].rep: must be an email address");
  });
});
