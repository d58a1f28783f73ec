import type { OrgNode } from "../../api/me.ts";

/** A person anywhere below the signed-in one, by address; undefined when they are not in that subtree. */
export function findInOrg(nodes: readonly OrgNode[], email: string): OrgNode | undefined {
  for (const node of nodes) {
    if (node.email === email) return node;
    const below = findInOrg(node.reports, email);
    if (below !== undefined) return below;
  }
  return undefined;
}
