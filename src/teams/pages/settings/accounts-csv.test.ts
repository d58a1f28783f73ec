import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unguardFormula } from "../../../ui/csv/formula-guard.ts";
import { parseAccountsCsv } from "./accounts-csv.ts";

describe("parseAccountsCsv", () => {
  it("reads domain,name,openPipeline lines, with or without the header, as a spreadsheet copies them", () => {
    const text = [
      "domain,name,openPipeline",
      "Fabrikam.com,Fabrikam,2000000",
      '"northwind.com","Northwind Traders, Inc.","1,250,000.50"',
      "",
      "eu.fabrikam.com, Fabrikam Europe , 0",
    ].join("\r\n");
    expect(parseAccountsCsv(text)).toEqual({
      ok: true,
      accounts: [
        { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 },
        { domain: "northwind.com", name: "Northwind Traders, Inc.", openPipeline: 1_250_000.5 },
        { domain: "eu.fabrikam.com", name: "Fabrikam Europe", openPipeline: 0 },
      ],
    });
    expect(parseAccountsCsv("tailspin.example,Tailspin,5")).toEqual({
      ok: true,
      accounts: [{ domain: "tailspin.example", name: "Tailspin", openPipeline: 5 }],
    });
  });

  it("keeps quotes and line breaks written inside a quoted name", () => {
    expect(parseAccountsCsv('contoso.biz,"The ""Big"" One\nLtd",7\nfoo.com,Foo,1')).toEqual({
      ok: true,
      accounts: [
        { domain: "contoso.biz", name: 'The "Big" One\nLtd', openPipeline: 7 },
        { domain: "foo.com", name: "Foo", openPipeline: 1 },
      ],
    });
  });

  it("imports nothing when a line is bad, and names every bad line", () => {
    const text = [
      "domain,name,openPipeline",
      "fabrikam.com,Fabrikam,2000000",
      "not a domain,Bad,1",
      "northwind.com,,5",
      "tailspin.example,Tailspin,lots",
      "FABRIKAM.com,Fabrikam again,3",
      "wingtip.com,Wingtip",
      '"adatum.com,Adatum,1',
    ].join("\n");
    expect(parseAccountsCsv(text)).toEqual({
      ok: false,
      problems: [
        'Line 3: "not a domain" is not a domain name such as fabrikam.com.',
        "Line 4: the name of northwind.com is missing.",
        'Line 5: "lots" is not an amount of open pipeline such as 250000.',
        "Line 6: fabrikam.com is listed already, on line 2.",
        "Line 7: expected domain,name,openPipeline but found 2 values.",
        "Line 8: a quote opened here is never closed.",
      ],
    });
  });

  it("skips the byte-order mark a file starts with, as the export writes it for Excel", () => {
    expect(parseAccountsCsv("\uFEFFdomain,name,openPipeline\r\nfabrikam.com,Fabrikam,1\r\n")).toEqual({
      ok: true,
      accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 1 }],
    });
    expect(parseAccountsCsv("\uFEFFfabrikam.com,Fabrikam,1")).toEqual({
      ok: true,
      accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 1 }],
    });
  });

  it("drops the quote the export puts before a formula, and only that one", () => {
    const text = [
      "evil.example,\"'=cmd|' /C calc'!A0\",1",
      "plus.example,'+1+1,2",
      'at.example,"\' @SUM(1+1)",3',
      "twice.example,''=1+1,4",
      "irish.example,'O'Brien,5",
      "quoted.example,'quoted',6",
    ].join("\r\n");
    expect(parseAccountsCsv(text)).toEqual({
      ok: true,
      accounts: [
        { domain: "evil.example", name: "=cmd|' /C calc'!A0", openPipeline: 1 },
        { domain: "plus.example", name: "+1+1", openPipeline: 2 },
        { domain: "at.example", name: "@SUM(1+1)", openPipeline: 3 },
        { domain: "twice.example", name: "'=1+1", openPipeline: 4 },
        { domain: "irish.example", name: "'O'Brien", openPipeline: 5 },
        { domain: "quoted.example", name: "'quoted'", openPipeline: 6 },
      ],
    });
  });

  it("says so when there is nothing to import", () => {
    expect(parseAccountsCsv("domain,name,openPipeline\n\n")).toEqual({
      ok: false,
      problems: ["There are no accounts in the text."],
    });
  });

  it("gives back what it is given, whatever the names hold", () => {
    const account = fc.record({
      domain: fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){1,3}$/),
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ""),
      openPipeline: fc.integer({ min: 0, max: 1e12 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(account, { selector: (a) => a.domain, minLength: 1, maxLength: 20 }),
        (accounts) => {
          const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
          const text = accounts.map((a) => [a.domain, quote(a.name), a.openPipeline].join(",")).join("\n");
          expect(parseAccountsCsv(text)).toEqual({
            ok: true,
            accounts: accounts.map((a) => ({ ...a, name: unguardFormula(a.name).trim() })),
          });
        },
      ),
    );
  });
});
