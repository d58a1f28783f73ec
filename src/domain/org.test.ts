import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTestOrg } from "./classify-test-support.ts";
import { buildOrgIndex, domainOf, isSameOrSubdomain } from "./org.ts";
import { parseOrg } from "./parse-org.ts";

const index = buildTestOrg();
const label = fc.stringMatching(/^[a-m0-9]([a-m0-9-]{0,10}[a-m0-9])?$/);
// Look-alike labels carry a letter no tenant label has, so a suffixed domain can never end like the parent.
const lookAlike = fc.stringMatching(/^z[a-z0-9]{0,8}$/);

describe("domainOf and isSameOrSubdomain", () => {
  it("takes the domain after the last @, lower-case", () => {
    expect(domainOf("Jane@EU.Contoso.com")).toBe("eu.contoso.com");
    expect(domainOf('"odd@name"@contoso.com')).toBe("contoso.com");
    expect(domainOf("no-at-sign")).toBe("");
  });

  it("counts a domain and its subdomains, never look-alikes", () => {
    expect(isSameOrSubdomain("contoso.com", "contoso.com")).toBe(true);
    expect(isSameOrSubdomain("eu.contoso.com", "contoso.com")).toBe(true);
    expect(isSameOrSubdomain("contoso.com.evil.com", "contoso.com")).toBe(false);
    expect(isSameOrSubdomain("evilcontoso.com", "contoso.com")).toBe(false);
    expect(isSameOrSubdomain("com", "contoso.com")).toBe(false);
  });

  it("holds for any labels: prefixing makes a subdomain, suffixing never does", () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        label,
        lookAlike,
        (parentLabels, prefix, suffix) => {
          const parent = parentLabels.join(".");
          expect(isSameOrSubdomain(`${prefix}.${parent}`, parent)).toBe(true);
          expect(isSameOrSubdomain(`${parent}.${suffix}`, parent)).toBe(false);
          expect(isSameOrSubdomain(`${prefix}${parent}`, parent)).toBe(`${prefix}${parent}` === parent);
        },
      ),
    );
  });
});

describe("buildOrgIndex", () => {
  it("finds people by primary address or alias, in any case", () => {
    expect(index.personByAddress("JANE@contoso.com")?.name).toBe("Jane Rep");
    expect(index.personByAddress("JRep@Contoso.com")?.name).toBe("Jane Rep");
    expect(index.personByAddress("jane.rep@gmail.com")).toBeUndefined();
  });

  it("lists a manager's direct reports whose role is rep, in the org's order", () => {
    expect(index.repsOf("MARY@contoso.com").map((p) => p.email)).toEqual([
      "jane@contoso.com",
      "raj@eu.contoso.com",
      "lee@contoso.com",
    ]);
    expect(index.repsOf("paul@contoso.com").map((p) => p.email)).toEqual(["olga@contoso.com"]);
    // Paul reports to Eve, but he is a manager, not a rep; Ann is a rep of Eve's.
    expect(index.repsOf("eve@contoso.com").map((p) => p.email)).toEqual(["ann@contoso.com"]);
    expect(index.repsOf("jane@contoso.com")).toEqual([]);
  });

  it("walks everyone below a person, depth first", () => {
    expect(index.subtreeOf("eve@contoso.com").map((p) => p.email)).toEqual([
      "mary@contoso.com",
      "jane@contoso.com",
      "raj@eu.contoso.com",
      "lee@contoso.com",
      "paul@contoso.com",
      "olga@contoso.com",
      "ann@contoso.com",
    ]);
    expect(index.subtreeOf("jane@contoso.com")).toEqual([]);
  });

  it("stops at a reporting cycle instead of looping", () => {
    const looped = buildOrgIndex(
      parseOrg({
        tenantDomains: ["contoso.com"],
        bigDealThreshold: 0,
        people: [
          { email: "a@contoso.com", name: "A", role: "manager", manager: "b@contoso.com" },
          { email: "b@contoso.com", name: "B", role: "manager", manager: "a@contoso.com" },
        ],
      }),
    );
    expect(looped.subtreeOf("a@contoso.com").map((p) => p.email)).toEqual(["b@contoso.com"]);
  });

  it("treats the tenant's domains and their subdomains as internal, look-alikes as external", () => {
    expect(index.isInternalAddress("x@contoso.com")).toBe(true);
    expect(index.isInternalAddress("x@EU.Contoso.com")).toBe(true);
    expect(index.isInternalAddress("x@contoso.com.evil.com")).toBe(false);
    expect(index.isInternalAddress("x@fabrikam.com")).toBe(false);
    expect(index.isInternalAddress("not-an-address")).toBe(false);
  });

  it("finds a customer's account by its domain or a subdomain of it, the most specific first", () => {
    expect(index.accountFor("buyer@fabrikam.com")?.name).toBe("Fabrikam");
    expect(index.accountFor("ap@sales.fabrikam.com")?.name).toBe("Fabrikam");
    expect(index.accountFor("x@fabrikam.com.evil.com")).toBeUndefined();
    expect(index.accountFor("x@tailspin.example")).toBeUndefined();
    const nested = buildOrgIndex(
      parseOrg({
        tenantDomains: ["contoso.com"],
        bigDealThreshold: 0,
        people: [],
        accounts: [
          { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 10 },
          { domain: "eu.fabrikam.com", name: "Fabrikam Europe", openPipeline: 20 },
        ],
      }),
    );
    expect(nested.accountFor("x@eu.fabrikam.com")?.name).toBe("Fabrikam Europe");
    expect(nested.accountFor("x@de.eu.fabrikam.com")?.name).toBe("Fabrikam Europe");
    expect(nested.accountFor("x@us.fabrikam.com")?.name).toBe("Fabrikam");
  });
});
