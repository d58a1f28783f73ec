/**
 * Customer accounts, their contacts and each rep's territory. Some accounts carry open pipeline above
 * the big-deal threshold; the big-deal-heavy team owns more of those. A few prospects have no account
 * yet: calls with them are ordinary customer calls.
 */

import type { SimAccount } from "../graph-sim/tenant-data.ts";
import type { Rng } from "./prng.ts";
import { addressPart, type DemoTeam, type TeamPattern } from "./roster.ts";

export const BIG_DEAL_THRESHOLD = 250_000;

export interface Contact {
  readonly name: string;
  readonly email: string;
}

export interface Customer {
  readonly name: string;
  readonly domain: string;
  readonly openPipeline: number;
  readonly contacts: readonly Contact[];
  /** Whether it is in the tenant's account list (prospects are not). */
  readonly listed: boolean;
  readonly bigDeal: boolean;
}

export interface Territories {
  readonly accounts: readonly SimAccount[];
  /** Per rep user id, the customers they sell to, big deals first. */
  readonly byRep: ReadonlyMap<string, readonly Customer[]>;
}

const US_STEMS = [
  "Northwind",
  "Fabrikam",
  "Adatum",
  "Litware",
  "Proseware",
  "Tailspin",
  "Wingtip",
  "Woodgrove",
  "Coho",
  "Lucerne",
  "Alpine",
  "Relecloud",
  "Trey",
  "Humongous",
  "Blue Yonder",
  "Wide World",
  "Fourth Coffee",
  "Southridge",
  "Consolidated",
  "Graphic Design",
  "Lamna",
  "Munson",
  "Nod",
  "VanArsdel",
  "Bellows",
  "Hexa",
  "Kestrel",
  "Meridian",
  "Pinecrest",
  "Redwood",
] as const;
const EU_STEMS = [
  "Rheinwerk",
  "Nordlicht",
  "Alpenblick",
  "Elbe",
  "Kastanie",
  "Lindenhof",
  "Oderberg",
  "Seeblick",
  "Thames Valley",
  "Hartwell",
  "Kingsbridge",
  "Ashford",
  "Brightwater",
  "Donau",
  "Falkenstein",
  "Greifen",
] as const;
const INDUSTRIES = [
  ["Logistics", "logistics"],
  ["Health", "health"],
  ["Foods", "foods"],
  ["Energy", "energy"],
  ["Bank", "bank"],
  ["Insurance", "insurance"],
  ["Manufacturing", "mfg"],
  ["Retail", "retail"],
  ["Media", "media"],
  ["Labs", "labs"],
] as const;
const CONTACT_FIRST = [
  "Alex",
  "Jordan",
  "Morgan",
  "Casey",
  "Riley",
  "Sam",
  "Taylor",
  "Jamie",
  "Robin",
  "Drew",
  "Kai",
  "Noor",
  "Sasha",
  "Elena",
  "Marta",
  "Pieter",
  "Lars",
  "Ingrid",
  "Mohammed",
  "Li",
  "Akira",
  "Chidi",
  "Ravi",
] as const;
const CONTACT_LAST = [
  "Morgan",
  "Fisher",
  "Hale",
  "Ortiz",
  "Brandt",
  "Keller",
  "Nguyen",
  "Park",
  "Shah",
  "Volkov",
  "Mensah",
  "Larsen",
  "Costa",
  "Byrne",
  "Klein",
  "Sato",
  "Ward",
  "Hoffmann",
  "Dalton",
  "Ibrahim",
] as const;

/** What share of a team's customers are big deals, by the story the team tells. */
const BIG_DEAL_SHARE: Record<TeamPattern, number> = {
  "big-deal-heavy": 0.45,
  "field-day-cadence": 0.2,
  "eroding-field-days": 0.25,
  "overdue-new-hires": 0.15,
};

export function buildTerritories(rng: Rng, teams: readonly DemoTeam[]): Territories {
  const usedDomains = new Set<string>();
  const accounts: SimAccount[] = [];
  const byRep = new Map<string, Customer[]>();

  const customer = (european: boolean, bigDeal: boolean, listed: boolean): Customer => {
    let name = "";
    let domain = "";
    do {
      const stem = rng.pick(european ? EU_STEMS : US_STEMS);
      const [industry, slug] = rng.pick(INDUSTRIES);
      name = `${stem} ${industry}`;
      domain = `${addressPart(stem)}${slug}.${european ? rng.pick(["de", "eu", "co.uk"]) : "com"}`;
    } while (usedDomains.has(domain));
    usedDomains.add(domain);
    const openPipeline = bigDeal
      ? rng.int(BIG_DEAL_THRESHOLD / 5_000 + 10, 480) * 5_000
      : rng.int(3, BIG_DEAL_THRESHOLD / 5_000 - 8) * 5_000;
    const contacts: Contact[] = [];
    const wanted = rng.int(2, 3);
    while (contacts.length < wanted) {
      const first = rng.pick(CONTACT_FIRST);
      const last = rng.pick(CONTACT_LAST);
      // Large customers often mail from a regional subdomain; the account's domain still covers it.
      const host = bigDeal && contacts.length === 1 ? `${european ? "emea" : "na"}.${domain}` : domain;
      const email = `${addressPart(first)}.${addressPart(last)}@${host}`;
      if (!contacts.some((c) => c.email === email)) contacts.push({ name: `${first} ${last}`, email });
    }
    if (listed) accounts.push({ domain, name, openPipeline });
    return { name, domain, openPipeline, contacts, listed, bigDeal };
  };

  for (const team of teams) {
    const european = team.manager.office.domain !== "contoso.com";
    for (const rep of team.reps) {
      const count = rng.int(3, 4);
      const customers = Array.from({ length: count }, (_, i) =>
        customer(
          european,
          i === 0 ? rng.chance(BIG_DEAL_SHARE[team.pattern] * 2) : rng.chance(BIG_DEAL_SHARE[team.pattern]),
          true,
        ),
      );
      customers.push(customer(european, false, false));
      byRep.set(
        rep.user.id,
        customers.sort((a, b) => Number(b.bigDeal) - Number(a.bigDeal)),
      );
    }
  }
  return { accounts, byRep };
}
