/**
 * The ORG.json document (the format `fieldcoach classify` and `suggest` read, see parse-org.ts) for a
 * simulated tenant. Roles follow the reporting lines, as FieldCoach derives them from Graph: whoever
 * has reports who have reports is an executive, whoever has reports a manager, everyone else a rep.
 */

import type { Role } from "../domain/org.ts";
import type { SimTenant, SimUser } from "../graph-sim/tenant-data.ts";

export interface OrgFilePerson {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly manager?: string;
  readonly aliases: readonly string[];
  readonly timeZone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: string;
  };
  readonly hireDate?: string;
}

export interface OrgFile {
  readonly tenantDomains: readonly string[];
  readonly bigDealThreshold: number;
  readonly people: readonly OrgFilePerson[];
  readonly accounts: readonly {
    readonly domain: string;
    readonly name: string;
    readonly openPipeline: number;
  }[];
}

export function roleOf(user: SimUser, tenant: SimTenant): Role {
  const reports = tenant.users.filter((u) => u.managerId === user.id);
  if (reports.length === 0) return "rep";
  return reports.some((r) => tenant.users.some((u) => u.managerId === r.id)) ? "executive" : "manager";
}

/** "08:00:00.0000000" → "08:00:00". */
function clock(time: string): string {
  return time.slice(0, 8);
}

export function orgFileOf(tenant: SimTenant): OrgFile {
  const byId = new Map(tenant.users.map((u) => [u.id, u]));
  return {
    tenantDomains: [...tenant.domains],
    bigDealThreshold: tenant.bigDealThreshold,
    people: tenant.users.map((user): OrgFilePerson => {
      const manager = user.managerId === null ? undefined : byId.get(user.managerId);
      return {
        email: user.mail,
        name: user.displayName,
        role: roleOf(user, tenant),
        ...(manager === undefined ? {} : { manager: manager.mail }),
        aliases: [...user.aliases],
        timeZone: user.timeZone,
        workingHours: {
          daysOfWeek: [...user.workingHours.daysOfWeek],
          startTime: clock(user.workingHours.startTime),
          endTime: clock(user.workingHours.endTime),
          timeZone: user.workingHours.timeZone,
        },
        ...(user.hireDate === null ? {} : { hireDate: user.hireDate }),
      };
    }),
    accounts: tenant.accounts.map((a) => ({ domain: a.domain, name: a.name, openPipeline: a.openPipeline })),
  };
}
