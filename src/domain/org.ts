/** The organisation as the domain sees it: people, reporting lines, domains, accounts. */

export type Role = "rep" | "manager" | "executive";

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours in a person's own zone; `startTime`/`endTime` are wall-clock "HH:mm:ss". */
export interface WorkingHours {
  readonly daysOfWeek: readonly Weekday[];
  readonly startTime: string;
  readonly endTime: string;
  /** IANA zone name. */
  readonly timeZone: string;
}

export interface Person {
  /** Lower-case primary SMTP address: the identity used for matching. */
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Lower-case email of this person's manager, if any. */
  readonly manager?: string;
  /** Lower-case proxy addresses that also identify this person. */
  readonly aliases: readonly string[];
  /** IANA zone name. */
  readonly timeZone: string;
  readonly workingHours: WorkingHours;
  /** ISO date (YYYY-MM-DD) the person was hired, when known. */
  readonly hireDate?: string;
}

export interface Account {
  /** Lower-case customer email domain. */
  readonly domain: string;
  readonly name: string;
  readonly openPipeline: number;
}

export interface Org {
  /** Lower-case domains that belong to the tenant; subdomains count as internal too. */
  readonly tenantDomains: readonly string[];
  readonly bigDealThreshold: number;
  readonly people: readonly Person[];
  readonly accounts: readonly Account[];
}

/** Lookups over an org, built once per org and reused for every event. */
export interface OrgIndex {
  readonly org: Org;
  /** The person an address (primary or alias) belongs to, case-insensitively. */
  personByAddress(address: string): Person | undefined;
  /** Direct reports of a manager whose role is rep. */
  repsOf(managerEmail: string): readonly Person[];
  /** Everyone below a person (direct and indirect reports), depth first. */
  subtreeOf(email: string): readonly Person[];
  isInternalAddress(address: string): boolean;
  /** The account whose domain (or a parent domain of it) the address belongs to. */
  accountFor(address: string): Account | undefined;
  /** The account of a lower-case domain (or of a parent domain of it), as `accountFor` finds it. */
  accountForDomain(domain: string): Account | undefined;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/** True when `domain` equals `parent` or is a subdomain of it (`eu.contoso.com` of `contoso.com`). */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

export function buildOrgIndex(org: Org): OrgIndex {
  const byAddress = new Map<string, Person>();
  const reportsOf = new Map<string, Person[]>();
  for (const person of org.people) {
    byAddress.set(person.email, person);
    for (const alias of person.aliases) byAddress.set(alias, person);
    if (person.manager !== undefined) {
      const list = reportsOf.get(person.manager) ?? [];
      list.push(person);
      reportsOf.set(person.manager, list);
    }
  }
  const internalCache = new Map<string, boolean>();
  const accountCache = new Map<string, Account | undefined>();

  const isInternalDomain = (domain: string): boolean => {
    let internal = internalCache.get(domain);
    if (internal === undefined) {
      internal = domain !== "" && org.tenantDomains.some((parent) => isSameOrSubdomain(domain, parent));
      internalCache.set(domain, internal);
    }
    return internal;
  };

  const accountForDomain = (domain: string): Account | undefined => {
    if (accountCache.has(domain)) return accountCache.get(domain);
    // The most specific account wins: eu.fabrikam.com may be a customer of its own beside fabrikam.com.
    let account: Account | undefined;
    for (const candidate of org.accounts) {
      if (!isSameOrSubdomain(domain, candidate.domain)) continue;
      if (account === undefined || candidate.domain.length > account.domain.length) account = candidate;
    }
    accountCache.set(domain, account);
    return account;
  };

  return {
    org,
    personByAddress: (address) => byAddress.get(address.toLowerCase()),
    repsOf: (managerEmail) =>
      (reportsOf.get(managerEmail.toLowerCase()) ?? []).filter((person) => person.role === "rep"),
    subtreeOf: (email) => {
      const out: Person[] = [];
      const seen = new Set<string>([email.toLowerCase()]);
      const stack = [...(reportsOf.get(email.toLowerCase()) ?? [])].reverse();
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next.email)) continue;
        seen.add(next.email);
        out.push(next);
        stack.push(...[...(reportsOf.get(next.email) ?? [])].reverse());
      }
      return out;
    },
    isInternalAddress: (address) => isInternalDomain(domainOf(address)),
    accountFor: (address) => accountForDomain(domainOf(address)),
    accountForDomain,
  };
}
