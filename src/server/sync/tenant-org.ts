/**
 * The domain's Org for one tenant, from the synced directory and the tenant's settings: what
 * classification, metrics and suggestions read. It goes through parseOrg, so the stored directory
 * meets the same rules and defaults as an ORG.json file (working hours Monday to Friday 08:00–17:00 in
 * the person's zone when the mailbox has none).
 */

import { buildOrgIndex, type OrgIndex } from "../../domain/org.ts";
import { parseOrg } from "../../domain/parse-org.ts";
import type { PersonRecord } from "../../store/repositories/people.ts";
import type { TenantSettings } from "../tenant-settings.ts";

export function tenantOrgOf(people: readonly PersonRecord[], settings: TenantSettings): OrgIndex {
  const known = new Set(people.map((person) => person.email));
  return buildOrgIndex(
    parseOrg({
      tenantDomains: settings.verifiedDomains,
      bigDealThreshold: settings.bigDealThreshold,
      accounts: settings.accounts,
      people: people.map((person) => ({
        email: person.email,
        name: person.name,
        role: person.role,
        // A manager outside the synced directory (another org tree) is left out rather than invented.
        ...(person.managerEmail === null || !known.has(person.managerEmail)
          ? {}
          : { manager: person.managerEmail }),
        aliases: person.aliases.filter((alias) => alias !== person.email),
        ...(person.timeZone === null ? {} : { timeZone: person.timeZone }),
        ...(person.workingHours === null ? {} : { workingHours: person.workingHours }),
        ...(person.hireDate === null ? {} : { hireDate: person.hireDate }),
      })),
    }),
  );
}
