/**
 * The demo tenant: a sales organisation with thirteen weeks of calendar history and five weeks ahead,
 * built only from a seed and an anchor Monday (no clock), so that the same inputs always give the
 * same tenant. The simulator serves it; `fieldcoach demo-data` writes it as Graph-shaped files.
 */

import type { SimTenant } from "../graph-sim/tenant-data.ts";
import { BIG_DEAL_THRESHOLD, buildTerritories } from "./accounts.ts";
import { bookTeamCalls } from "./customer-calls.ts";
import { bookFieldDays } from "./field-days.ts";
import { bookOrgRhythm } from "./org-rhythm.ts";
import { bookFocusAndPrivateTime, bookVacations } from "./personal-time.ts";
import { createPlanner } from "./planner.ts";
import { seededRng } from "./prng.ts";
import { buildRoster } from "./roster.ts";
import { bookTeamRhythm } from "./team-rhythm.ts";
import { KICKOFF_WEEK } from "./weeks.ts";

export interface DemoTenantOptions {
  /** Any integer; it is taken modulo 2^32. */
  readonly seed: number;
  /** A Monday, YYYY-MM-DD: the first day of the "current" week. */
  readonly anchor: string;
}

export const TENANT_DOMAINS = ["contoso.com", "eu.contoso.com"] as const;

/** True for a real calendar date (YYYY-MM-DD) that is a Monday. */
export function isMondayDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && date.getUTCDay() === 1;
}

export function generateDemoTenant(options: DemoTenantOptions): SimTenant {
  if (!isMondayDate(options.anchor))
    throw new RangeError(`anchor ${options.anchor} is not a Monday (YYYY-MM-DD)`);
  const rng = seededRng(options.seed);
  const tenantId = rng.guid();
  const roster = buildRoster(rng, options.anchor);
  const territories = buildTerritories(rng, roster.teams);
  const planner = createPlanner(rng, options.anchor);
  // Days off first, then the fixed rhythm, then field days, then what fills the gaps: the order in
  // which people protect their time.
  bookVacations(planner, roster.everyone, [KICKOFF_WEEK]);
  bookOrgRhythm(planner, roster);
  for (const team of roster.teams) bookTeamRhythm(planner, team);
  for (const team of roster.teams) bookFieldDays(planner, team, territories);
  for (const team of roster.teams) bookTeamCalls(planner, team, territories, roster.vp);
  bookFocusAndPrivateTime(planner, roster.everyone);
  const meetings = [...planner.meetings()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.iCalUId.localeCompare(b.iCalUId),
  );
  return {
    tenantId,
    domains: TENANT_DOMAINS,
    bigDealThreshold: BIG_DEAL_THRESHOLD,
    accounts: territories.accounts,
    users: roster.everyone.map((p) => p.user),
    meetings,
  };
}
