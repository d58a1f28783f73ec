import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerAccount } from "../../../api/settings.ts";
import { checkAccountRow, checkAccountRows, mergeImported } from "./account-rows.ts";

const row = (domain: string, name: string, openPipeline: string) => ({ domain, name, openPipeline });

describe("checkAccountRows", () => {
  it("gives the accounts to save, domains in lower case and amounts as numbers", () => {
    expect(
      checkAccountRows([row(" Fabrikam.COM ", " Fabrikam ", "2 000 000"), row("nw.com", "NW", "0.5")]),
    ).toEqual({
      accounts: [
        { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 },
        { domain: "nw.com", name: "NW", openPipeline: 0.5 },
      ],
      problems: [],
    });
  });

  it("names each row that cannot be saved, a domain listed twice among them", () => {
    expect(
      checkAccountRows([
        row("fabrikam.com", "Fabrikam", "1"),
        row("", "Nobody", "1"),
        row("fabrikam", "Fabrikam", "1"),
        row("nw.com", "NW", "-5"),
        row("Fabrikam.com", "Again", "2"),
        row("x.com", "x".repeat(201), "1"),
      ]).problems,
    ).toEqual([
      "Row 2: the domain is missing.",
      'Row 3: "fabrikam" is not a domain name such as fabrikam.com.',
      'Row 4: "-5" is not an amount of open pipeline such as 250000.',
      "Row 5: fabrikam.com is listed already, in row 1.",
      "Row 6: the name of x.com is longer than 200 characters.",
    ]);
  });

  it("accepts exactly the domains and names the API contract accepts", () => {
    const domain = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9.-]{0,20}$/),
      fc.string({ maxLength: 20 }),
      fc.constantFrom("fabrikam.com", "a.b", "-x.com", "x..com", " eu.fabrikam.com ", "fabrikam.com."),
    );
    const name = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ minLength: 195, maxLength: 205 }));
    fc.assert(
      fc.property(domain, name, fc.integer({ min: 0, max: 1e9 }), (d, n, amount) => {
        const ours = checkAccountRow(row(d, n, String(amount)));
        const contract = customerAccount.safeParse({ domain: d, name: n, openPipeline: amount });
        expect("account" in ours).toBe(contract.success);
        if ("account" in ours && contract.success) expect(ours.account).toEqual(contract.data);
      }),
      { numRuns: 500 },
    );
  });
});

describe("mergeImported", () => {
  it("replaces the rows of imported domains where they stand and adds the new ones after", () => {
    const rows = [row("fabrikam.com", "Fabrikam", "1"), row("nw.com", "NW", "2"), row("", "", "")];
    expect(
      mergeImported(rows, [
        { domain: "tailspin.example", name: "Tailspin", openPipeline: 3 },
        { domain: "nw.com", name: "Northwind", openPipeline: 4 },
      ]),
    ).toEqual([
      row("fabrikam.com", "Fabrikam", "1"),
      row("nw.com", "Northwind", "4"),
      row("", "", ""),
      row("tailspin.example", "Tailspin", "3"),
    ]);
  });
});
