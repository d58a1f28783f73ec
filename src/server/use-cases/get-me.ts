/** Who is signed in, what they may do, and their part of the organisation (GET /api/me). */

import type { MeResponse, OrgNode } from "../../api/me.ts";
import type { Hierarchy } from "../hierarchy.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";

export async function getMe(context: RequestContext): Promise<MeResponse> {
  const person = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const manager = person.managerEmail === null ? undefined : hierarchy.person(person.managerEmail);
  return {
    tenantId: context.tenantId,
    mode: context.services.mode,
    person: { objectId: person.objectId, email: person.email, name: person.name, timeZone: person.timeZone },
    roles: context.viewer.isAdmin ? [person.role, "admin"] : [person.role],
    manager: manager === undefined ? null : { email: manager.email, name: manager.name },
    reports: reportsOf(hierarchy, person.email, new Set([person.email])),
  };
}

function reportsOf(hierarchy: Hierarchy, email: string, seen: Set<string>): OrgNode[] {
  return hierarchy.directReportsOf(email).flatMap((report) => {
    if (seen.has(report.email)) return [];
    seen.add(report.email);
    return [
      {
        email: report.email,
        name: report.name,
        role: report.role,
        reports: reportsOf(hierarchy, report.email, seen),
      },
    ];
  });
}
