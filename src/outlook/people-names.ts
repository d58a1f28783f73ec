import type { MeResponse, OrgNode } from "../api/me.ts";

/**
 * Names of the people the signed-in person knows through FieldCoach (themselves, their manager and
 * everyone below them), by lower-case address; an address stands for anyone else.
 */
export function nameLookup(me: MeResponse): (email: string) => string {
  const names = new Map<string, string>([[me.person.email, me.person.name]]);
  if (me.manager !== null) names.set(me.manager.email, me.manager.name);
  const walk = (nodes: readonly OrgNode[]) => {
    for (const node of nodes) {
      names.set(node.email, node.name);
      walk(node.reports);
    }
  };
  walk(me.reports);
  return (email) => names.get(email.toLowerCase()) ?? email;
}
