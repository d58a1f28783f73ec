import { describe, expect, it } from "vitest";
import type { MeResponse } from "../api/me.ts";
import { nameLookup } from "./people-names.ts";

const me: MeResponse = {
  tenantId: "tenant",
  mode: "demo",
  person: {
    objectId: "oid-mia",
    email: "mia@contoso.com",
    name: "Mia Manager",
    timeZone: "America/New_York",
  },
  roles: ["manager"],
  manager: { email: "vera@contoso.com", name: "Vera Vice" },
  reports: [
    {
      email: "jane@contoso.com",
      name: "Jane Rep",
      role: "rep",
      reports: [{ email: "intern@contoso.com", name: "Ian Intern", role: "rep", reports: [] }],
    },
  ],
};

describe("nameLookup", () => {
  it("names the person, their manager and everyone below them, whatever the address's case", () => {
    const nameOf = nameLookup(me);
    expect(nameOf("mia@contoso.com")).toBe("Mia Manager");
    expect(nameOf("vera@contoso.com")).toBe("Vera Vice");
    expect(nameOf("Jane@Contoso.com")).toBe("Jane Rep");
    expect(nameOf("intern@contoso.com")).toBe("Ian Intern");
  });

  it("shows the address of anyone else", () => {
    expect(nameLookup(me)("chris@fabrikam.com")).toBe("chris@fabrikam.com");
  });
});
