import { describe, expect, it } from "vitest";
import type { OrgNode } from "../../api/me.ts";
import { findInOrg } from "./find-person.ts";

const rep = (email: string): OrgNode => ({ email, name: email, role: "rep", reports: [] });
const tree: OrgNode[] = [
  { email: "mia@contoso.com", name: "Mia", role: "manager", reports: [rep("ana@contoso.com")] },
  { email: "max@contoso.com", name: "Max", role: "manager", reports: [rep("bob@contoso.com")] },
];

describe("findInOrg", () => {
  it("finds people at any depth", () => {
    expect(findInOrg(tree, "max@contoso.com")?.name).toBe("Max");
    expect(findInOrg(tree, "bob@contoso.com")?.role).toBe("rep");
    expect(findInOrg(tree, "eve@contoso.com")).toBeUndefined();
  });
});
