/**
 * The reporting lines of one tenant as authorization and the dashboards read them: who manages whom,
 * at any depth. Built from the stored directory; pure. A cycle in the data (a misconfigured directory)
 * never loops: each walk stops at a person it has seen.
 */

import type { PersonRecord } from "../store/repositories/people.ts";

export interface Hierarchy {
  person(email: string): PersonRecord | undefined;
  /** The person's managers, nearest first, up to the top. */
  managersOf(email: string): readonly string[];
  directReportsOf(email: string): readonly PersonRecord[];
  /** Everyone below the person, at any depth, level by level. */
  subtreeOf(email: string): readonly PersonRecord[];
  /** True when `upper` is one of `lower`'s managers at any depth (never the person themself). */
  isAbove(upper: string, lower: string): boolean;
  readonly people: readonly PersonRecord[];
}

export function buildHierarchy(people: readonly PersonRecord[]): Hierarchy {
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const reports = new Map<string, PersonRecord[]>();
  for (const person of people) {
    if (person.managerEmail === null) continue;
    const list = reports.get(person.managerEmail) ?? [];
    list.push(person);
    reports.set(person.managerEmail, list);
  }
  for (const list of reports.values())
    list.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));

  const managersOf = (email: string): string[] => {
    const chain: string[] = [];
    const seen = new Set([email.toLowerCase()]);
    let next = byEmail.get(email.toLowerCase())?.managerEmail ?? null;
    while (next !== null && !seen.has(next)) {
      chain.push(next);
      seen.add(next);
      next = byEmail.get(next)?.managerEmail ?? null;
    }
    return chain;
  };

  return {
    people,
    person: (email) => byEmail.get(email.toLowerCase()),
    managersOf,
    directReportsOf: (email) => reports.get(email.toLowerCase()) ?? [],
    subtreeOf(email) {
      const out: PersonRecord[] = [];
      const seen = new Set([email.toLowerCase()]);
      let level = reports.get(email.toLowerCase()) ?? [];
      while (level.length > 0) {
        const next: PersonRecord[] = [];
        for (const person of level) {
          if (seen.has(person.email)) continue;
          seen.add(person.email);
          out.push(person);
          next.push(...(reports.get(person.email) ?? []));
        }
        level = next;
      }
      return out;
    },
    isAbove: (upper, lower) => managersOf(lower).includes(upper.toLowerCase()),
  };
}
