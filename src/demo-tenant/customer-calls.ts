/**
 * The reps' selling week: calls with their customers (most organized by the rep, some by the
 * customer), deal-strategy sessions the rep asks the manager for, and account planning with peers.
 * How often a rep pulls the manager in depends on the team's story.
 */

import type { ResponseKind } from "../domain/calendar-event.ts";
import { addDays, type Instant, MS_PER_MINUTE } from "../domain/instant.ts";
import type { Customer, Territories } from "./accounts.ts";
import type { AttendeeDraft, Planner } from "./planner.ts";
import type { DemoPerson, DemoTeam, TeamPattern } from "./roster.ts";
import { FIRST_WEEK, LAST_WEEK, weekDensity } from "./weeks.ts";

interface Traits {
  /** Chance a rep invites the manager to a call on a big-deal account, and to an ordinary one. */
  readonly bigDealInvite: number;
  readonly ordinaryInvite: number;
  /** Chance the manager declines such an invitation. */
  readonly managerDeclines: number;
  /** Chance per week that a rep with a big deal asks the manager for a deal-strategy session. */
  readonly dealStrategy: number;
}

const TRAITS: Record<TeamPattern, Traits> = {
  "big-deal-heavy": { bigDealInvite: 0.4, ordinaryInvite: 0.12, managerDeclines: 0.04, dealStrategy: 0.7 },
  "field-day-cadence": { bigDealInvite: 0.15, ordinaryInvite: 0.02, managerDeclines: 0.3, dealStrategy: 0.1 },
  "eroding-field-days": {
    bigDealInvite: 0.4,
    ordinaryInvite: 0.05,
    managerDeclines: 0.15,
    dealStrategy: 0.3,
  },
  "overdue-new-hires": { bigDealInvite: 0.12, ordinaryInvite: 0.02, managerDeclines: 0.3, dealStrategy: 0.1 },
};

const BIG_DEAL_TOPICS = [
  "Executive briefing",
  "Commercial terms",
  "Proposal walkthrough",
  "Security review",
  "Contract negotiation",
  "Solution workshop",
];
const ORDINARY_TOPICS = [
  "Discovery call",
  "Product demo",
  "Check-in",
  "Quarterly business review",
  "Renewal check-in",
  "Onboarding follow-up",
  "Pricing questions",
];

export interface CallPlan {
  readonly rep: DemoPerson;
  readonly customer: Customer;
  readonly start: Instant;
  readonly minutes: number;
  readonly byCustomer: boolean;
  /** Colleagues the rep (or customer) invited besides the rep, with their responses. */
  readonly colleagues: readonly { readonly who: DemoPerson; readonly response: ResponseKind }[];
}

/** Books one customer call as planned; a few are later cancelled by whoever organized them. */
export function bookCall(planner: Planner, plan: CallPlan): void {
  const { rng } = planner;
  const { rep, customer } = plan;
  const contacts = rng.shuffled(customer.contacts).slice(0, rng.int(1, customer.contacts.length));
  const topic = rng.pick(customer.bigDeal ? BIG_DEAL_TOPICS : ORDINARY_TOPICS);
  const alias = rep.user.aliases[0];
  const repAttendee: AttendeeDraft = plan.byCustomer
    ? {
        who: rep,
        response: rng.chance(0.85) ? "accepted" : rng.pick(["tentativelyAccepted", "none"] as const),
        // Customers often keep an old address of the rep; Exchange still delivers to the alias.
        ...(alias !== undefined && rng.chance(0.3) ? { address: alias } : {}),
      }
    : { who: rep };
  const colleagues = plan.colleagues.map((c): AttendeeDraft => ({ who: c.who, response: c.response }));
  const customerAttendees = (plan.byCustomer ? contacts.slice(1) : contacts).map(
    (who): AttendeeDraft => ({ who, response: rng.pick(["accepted", "none"] as const) }),
  );
  const isCancelled = rng.chance(0.04);
  planner.book({
    subject: `${customer.name}: ${topic}`,
    body: `${topic} with ${customer.name}. Agenda and materials to follow.`,
    start: plan.start,
    end: plan.start + plan.minutes * MS_PER_MINUTE,
    organizer: plan.byCustomer ? contacts[0]! : rep,
    attendees: plan.byCustomer
      ? [repAttendee, ...colleagues, ...customerAttendees]
      : [...colleagues, ...customerAttendees],
    location: rng.chance(0.7) ? "Microsoft Teams Meeting" : `${customer.name} offices`,
    isCancelled,
    ...(isCancelled
      ? { modified: Math.min(plan.start, planner.anchorInstant) - rng.int(1, 48) * 3_600_000 }
      : {}),
  });
}

/** Every rep's customer calls and deal meetings, week by week, thinning out into the future. */
export function bookTeamCalls(
  planner: Planner,
  team: DemoTeam,
  territories: Territories,
  vp: DemoPerson,
): void {
  const { rng, anchor } = planner;
  const traits = TRAITS[team.pattern];
  const manager = team.manager;
  for (let week = FIRST_WEEK; week <= LAST_WEEK; week++) {
    const density = weekDensity(week);
    for (const rep of team.reps) {
      const customers = territories.byRep.get(rep.user.id) ?? [];
      const calls = Math.round(rng.int(13, 17) * density);
      for (let i = 0; i < calls; i++) {
        const customer = rng.chance(0.45) ? customers[0]! : rng.pick(customers);
        const date = addDays(anchor, week * 7 + rng.int(0, 4));
        const minutes = customer.bigDeal ? rng.pick([60, 60, 90]) : rng.pick([30, 45, 60]);
        const invited = rng.chance(customer.bigDeal ? traits.bigDealInvite : traits.ordinaryInvite);
        const managerResponse: ResponseKind = rng.chance(traits.managerDeclines) ? "declined" : "accepted";
        const withVp = invited && customer.bigDeal && rng.chance(0.08);
        const colleagues = [
          ...(invited ? [{ who: manager, response: managerResponse }] : []),
          ...(withVp ? [{ who: vp, response: "accepted" as const }] : []),
        ];
        const mustAttend = [rep, ...colleagues.filter((c) => c.response !== "declined").map((c) => c.who)];
        let start = planner.findSlot({ date, organizer: rep, people: mustAttend, minutes });
        let chosen = colleagues;
        if (start === undefined && colleagues.length > 0) {
          // The manager cannot make it: the rep goes alone.
          start = planner.findSlot({ date, organizer: rep, people: [rep], minutes });
          chosen = [];
        }
        if (start === undefined) continue;
        bookCall(planner, { rep, customer, start, minutes, byCustomer: rng.chance(0.2), colleagues: chosen });
      }
      bookDealStrategy(planner, team, rep, customers, week, traits.dealStrategy * density);
      bookAccountPlanning(planner, team, rep, customers, week, 0.5 * density);
    }
  }
}

function bookDealStrategy(
  planner: Planner,
  team: DemoTeam,
  rep: DemoPerson,
  customers: readonly Customer[],
  week: number,
  chance: number,
): void {
  const { rng, anchor } = planner;
  const bigDeal = customers.find((c) => c.bigDeal);
  if (bigDeal === undefined || !rng.chance(chance)) return;
  const date = addDays(anchor, week * 7 + rng.int(0, 4));
  const minutes = rng.pick([30, 45]);
  const start = planner.findSlot({ date, organizer: rep, people: [rep, team.manager], minutes });
  if (start === undefined) return;
  planner.book({
    subject: `Deal strategy: ${bigDeal.name}`,
    body: `I need your help on ${bigDeal.name}: decision makers, pricing and next steps before the proposal.`,
    start,
    end: start + minutes * MS_PER_MINUTE,
    organizer: rep,
    attendees: [{ who: team.manager }],
    location: "Microsoft Teams Meeting",
  });
}

function bookAccountPlanning(
  planner: Planner,
  team: DemoTeam,
  rep: DemoPerson,
  customers: readonly Customer[],
  week: number,
  chance: number,
): void {
  const { rng, anchor } = planner;
  if (team.reps.length < 2 || !rng.chance(chance)) return;
  const peers = rng.shuffled(team.reps.filter((r) => r !== rep)).slice(0, rng.int(1, 2));
  const date = addDays(anchor, week * 7 + rng.int(0, 4));
  const start = planner.findSlot({ date, organizer: rep, people: [rep, ...peers], minutes: 45 });
  if (start === undefined) return;
  const customer = rng.pick(customers);
  planner.book({
    subject: `Account planning: ${customer.name}`,
    body: "Territory overlap, shared contacts and who calls whom.",
    start,
    end: start + 45 * MS_PER_MINUTE,
    organizer: rep,
    attendees: peers.map((who) => ({ who, response: rng.chance(0.9) ? "accepted" : "tentativelyAccepted" })),
  });
}
