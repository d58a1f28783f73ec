import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCells, SPREADSHEET_EVALUATES } from "./csv-cells-test-support.ts";
import { unguardFormula } from "./formula-guard.ts";
import { writeCsv } from "./write-csv.ts";

describe("writeCsv", () => {
  it("writes a byte-order mark, the header and a line per row, each ended by CRLF", () => {
    expect(
      writeCsv(
        ["a", "b"],
        [
          ["x", 1],
          ["Zoë", 2.5],
        ],
      ),
    ).toBe("\uFEFFa,b\r\nx,1\r\nZoë,2.5\r\n");
    expect(writeCsv(["a"], [])).toBe("\uFEFFa\r\n");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling its quotes", () => {
    expect(
      writeCsv(["name"], [["Northwind, Inc."], ['The "Big" One'], ["Two\r\nlines"], ["One\nline"]]),
    ).toBe('\uFEFFname\r\n"Northwind, Inc."\r\n"The ""Big"" One"\r\n"Two\r\nlines"\r\n"One\nline"\r\n');
  });

  it.each([
    ["=", "=1+1"],
    ["+", "+1+1"],
    ["-", "-1+1"],
    ["@", "@SUM(1+1)"],
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
    ["a line feed", "\n=1+1"],
    ["spaces before =", "  =1+1"],
  ])("keeps text starting with %s as text: a quote in front, inside a quoted field", (_start, text) => {
    expect(writeCsv(["name"], [[text]])).toBe(`\uFEFFname\r\n"'${text}"\r\n`);
  });

  it("writes a DDE payload so that the spreadsheet gets its quote and its own quotes back", () => {
    const csv = writeCsv(["name"], [[`=cmd|' /C calc'!A0`], ['=HYPERLINK("https://evil.example","x")']]);
    expect(csv).toBe(
      '\uFEFFname\r\n"\'=cmd|\' /C calc\'!A0"\r\n"\'=HYPERLINK(""https://evil.example"",""x"")"\r\n',
    );
  });

  it("writes numbers as plain decimals, never with an exponent", () => {
    const row = [0, 250_000, 1_250_000.5, 1e21, 1.2345e22, 1.5e-7, -3];
    expect(writeCsv(["n"], [row])).toBe(
      "\uFEFFn\r\n0,250000,1250000.5,1000000000000000000000,12345000000000000000000,0.00000015,-3\r\n",
    );
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
        const [, [cell]] = csvCells(writeCsv(["n"], [[value]])) as [string[], [string]];
        expect(cell).toMatch(/^\d+(\.\d+)?$/);
        expect(Number(cell)).toBe(value);
      }),
    );
  });

  it("refuses a number that has no decimal digits", () => {
    expect(() => writeCsv(["n"], [[Number.NaN]])).toThrow(RangeError);
    expect(() => writeCsv(["n"], [[Number.POSITIVE_INFINITY]])).toThrow(RangeError);
  });

  it("writes RFC 4180 that gives back every text, none of it a formula to a spreadsheet", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc
        .array(fc.constantFrom("'", '"', ",", " ", "=", "+", "-", "@", "\t", "\r", "\n", "a", "ß"), {
          maxLength: 10,
        })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const records = csvCells(writeCsv(["first", "second"], rows));
        expect(records.slice(1).map((record) => record.map(unguardFormula))).toEqual(rows);
        expect(records.flat().filter((cell) => SPREADSHEET_EVALUATES.test(cell))).toEqual([]);
      }),
    );
  });
});
