import { type CalendarEvent, type EventInput, type IncompleteEvent, isIncomplete } from "./calendar-event.ts";
import { type AddressInfo, type ClassificationContext, classificationContext } from "./classify-context.ts";
import { fieldDaySignal } from "./classify-field-day.ts";
import { eventHours } from "./classify-hours.ts";
import { type Participants, participantsOf } from "./classify-participants.ts";
import {
  addKindReasons,
  bigDealReason,
  initiatorReason,
  listWords,
  type Skip,
  skipReason,
} from "./classify-reasons.ts";
import type { Instant } from "./instant.ts";
import type { Interval } from "./interval.ts";
import type { Account, OrgIndex } from "./org.ts";

/** Who brought a meeting about (SPEC §3); `none` when it is not classified at all. */
export type Initiator = "manager" | "rep" | "other" | "none";
export type MeetingKind = "field-day" | "customer-call" | "one-on-one" | "group";
/** Skill development when the manager went to the rep, sales development when the rep came to them. */
export type Development = "skill" | "sales" | "none";

/** A manager's correction of one event; what it names wins over the rules. */
export interface ClassificationOverride {
  readonly initiator?: Exclude<Initiator, "none">;
  readonly kind?: MeetingKind;
  readonly reason?: string;
}

export interface ClassifyInput {
  /** The manager's address, primary or alias, any case. Must be a person in `org`. */
  readonly manager: string;
  readonly org: OrgIndex;
  /** The manager's calendar, occurrences expanded. */
  readonly events: readonly EventInput[];
  /** Hours count only inside it. */
  readonly window: Interval;
  /** Keyed by iCalUId, or by id for events without one. */
  readonly overrides?: ReadonlyMap<string, ClassificationOverride>;
}

export interface Classification {
  readonly id: string | null;
  readonly iCalUId: string | null;
  readonly initiator: Initiator;
  readonly kind: MeetingKind | null;
  readonly development: Development;
  /** Lower-case primary addresses of the manager's reps who take part. */
  readonly reps: readonly string[];
  /** Clipped to the window; an all-day event counts the rep's working hours on each day it covers. */
  readonly hours: number;
  readonly bigDeal: boolean;
  /** Short sentences a manager can read; never the subject or body. */
  readonly reasons: readonly string[];
  /** Null only for incomplete events. */
  readonly start: Instant | null;
  readonly end: Instant | null;
  readonly overridden: boolean;
  /** Domains outside the tenant among the people who take part. */
  readonly customerDomains: readonly string[];
  /** Sensitivity private: the subject and body never leave the server. */
  readonly isPrivate: boolean;
}

/**
 * Classifies each event of a manager's calendar, one result per event in input order. Each result
 * depends on its event alone, never on the others. Throws RangeError when the manager is not in the org.
 */
export function classifyEvents(input: ClassifyInput): Classification[] {
  const context = classificationContext(input.org, input.manager, input.window);
  const overrides = input.overrides;
  return input.events.map((event) => {
    if (isIncomplete(event)) return classifyIncomplete(event);
    const key = event.iCalUId ?? event.id;
    return classifyEvent(event, context, overrides?.get(key));
  });
}

function classifyIncomplete(event: IncompleteEvent): Classification {
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    initiator: "none",
    kind: null,
    development: "none",
    reps: [],
    hours: 0,
    bigDeal: false,
    reasons: [`Graph sent it without ${listWords(event.missing)}, so it cannot be classified`],
    start: null,
    end: null,
    overridden: false,
    customerDomains: [],
    isPrivate: false,
  };
}

function classifyEvent(
  event: CalendarEvent,
  context: ClassificationContext,
  override: ClassificationOverride | undefined,
): Classification {
  const early = skipOf(event, context);
  if (early !== undefined && override === undefined) {
    return unclassified(event, [skipReason(early, context)], []);
  }
  const people = participantsOf(event, context);
  const skip = early ?? (people.managerDeclined ? "declined" : undefined);
  if (skip !== undefined && override === undefined) {
    return unclassified(event, [skipReason(skip, context)], []);
  }
  const customerDomains = domainsOf(people.externals);
  const reasons: string[] = [];
  if (override !== undefined) {
    reasons.push(`overridden by ${context.manager.name}${override.reason ? `: ${override.reason}` : ""}`);
  }
  if (skip !== undefined) reasons.push(skipReason(skip, context));
  if (people.reps.length === 0 && override?.initiator === undefined) {
    reasons.push(`none of ${context.manager.name}'s reps takes part`);
    return {
      ...unclassified(event, reasons, customerDomains),
      kind: override?.kind ?? null,
      overridden: override !== undefined,
    };
  }
  const initiator = override?.initiator ?? initiatorOf(people);
  const kind = override?.kind ?? kindOf(event, people);
  if (override?.initiator === undefined) reasons.push(initiatorReason(event, people, context));
  if (override?.kind === undefined) addKindReasons(reasons, event, kind, people, context);
  const bigDealAccount = kind === "customer-call" ? bigDealOf(people.externals, context) : undefined;
  if (bigDealAccount !== undefined) reasons.push(bigDealReason(bigDealAccount, context));
  const hours = eventHours(event, people.reps[0] ?? context.manager, context);
  if (hours.reason !== undefined) reasons.push(hours.reason);
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    initiator,
    kind,
    development: initiator === "manager" ? "skill" : initiator === "rep" ? "sales" : "none",
    reps: people.reps.map((rep) => rep.email),
    hours: hours.hours,
    bigDeal: bigDealAccount !== undefined,
    reasons,
    start: event.start,
    end: event.end,
    overridden: override !== undefined,
    customerDomains,
    isPrivate: event.sensitivity === "private",
  };
}

function skipOf(event: CalendarEvent, context: ClassificationContext): Skip | undefined {
  if (event.isCancelled) return "cancelled";
  if (event.ownerResponse === "declined") return "declined";
  if (event.showAs === "free") {
    const organizer = event.organizer?.email;
    const byManager =
      event.isOrganizer || (organizer !== undefined && context.managerAddresses.has(organizer));
    if (!byManager) return "free";
  }
  return undefined;
}

function unclassified(
  event: CalendarEvent,
  reasons: readonly string[],
  customerDomains: readonly string[],
): Classification {
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    initiator: "none",
    kind: null,
    development: "none",
    reps: [],
    hours: 0,
    bigDeal: false,
    reasons,
    start: event.start,
    end: event.end,
    overridden: false,
    customerDomains,
    isPrivate: event.sensitivity === "private",
  };
}

function initiatorOf(people: Participants): Exclude<Initiator, "none"> {
  if (people.byManager) return "manager";
  if (people.organizerRep !== undefined) return "rep";
  if (people.organizerExternal) return "rep";
  return "other";
}

function kindOf(event: CalendarEvent, people: Participants): MeetingKind {
  if (people.byManager && people.reps.length === 1 && fieldDaySignal(event) !== undefined) return "field-day";
  if (people.externals.length > 0) return "customer-call";
  if (people.reps.length === 1 && people.colleagues.length === 0) return "one-on-one";
  return "group";
}

function domainsOf(externals: readonly AddressInfo[]): string[] {
  const domains: string[] = [];
  for (const external of externals) if (!domains.includes(external.domain)) domains.push(external.domain);
  return domains;
}

/** The account with the most open pipeline among those at or above the threshold, if any. */
function bigDealOf(externals: readonly AddressInfo[], context: ClassificationContext): Account | undefined {
  const threshold = context.org.org.bigDealThreshold;
  let best: Account | undefined;
  for (const { account } of externals) {
    if (account === undefined || account.openPipeline < threshold) continue;
    if (best === undefined || account.openPipeline > best.openPipeline) best = account;
  }
  return best;
}
