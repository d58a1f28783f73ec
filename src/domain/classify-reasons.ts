import type { CalendarEvent } from "./calendar-event.ts";
import type { MeetingKind } from "./classify.ts";
import type { AddressInfo, ClassificationContext } from "./classify-context.ts";
import { fieldDaySignal } from "./classify-field-day.ts";
import type { Participants } from "./classify-participants.ts";
import type { Account, Person } from "./org.ts";

/**
 * The sentences a manager reads beside a classification. People are named as the org names them, or
 * by address when the org does not know them; never by the display name an invitation carried, and
 * never with the event's subject or body.
 */

export type Skip = "cancelled" | "declined" | "free";

/**
 * Sentences that depend only on who takes part, written once per calendar: most meetings repeat the
 * same few, and a calendar of 100,000 events should not hold 100,000 copies of "organized by Jane Rep".
 */
export interface SentenceCache {
  readonly organizedBy: Map<Person, string>;
  readonly onlyWith: Map<Person, string>;
  readonly oneExternalFrom: Map<string, string>;
}

export function sentenceCache(): SentenceCache {
  return { organizedBy: new Map(), onlyWith: new Map(), oneExternalFrom: new Map() };
}

function cached<K>(cache: Map<K, string>, key: K, write: (key: K) => string): string {
  let sentence = cache.get(key);
  if (sentence === undefined) {
    sentence = write(key);
    cache.set(key, sentence);
  }
  return sentence;
}

const organizedBy = (person: Person): string => `organized by ${person.name}`;
const oneExternalFrom = (domain: string): string => `1 external attendee from ${domain}`;

export function skipReason(skip: Skip, context: ClassificationContext): string {
  const manager = context.manager.name;
  if (skip === "cancelled") return "cancelled";
  if (skip === "declined") return `${manager} declined it`;
  return `shown as free and not organized by ${manager}`;
}

export function initiatorReason(
  event: CalendarEvent,
  people: Participants,
  context: ClassificationContext,
): string {
  const manager = context.manager.name;
  if (people.byDelegate) {
    const shown = event.organizer?.email;
    return shown === undefined
      ? `Graph marks ${manager} as its organizer`
      : `organized on ${manager}'s behalf by ${nameOf(shown, context)}`;
  }
  if (people.byManager) return cached(context.sentences.organizedBy, context.manager, organizedBy);
  if (people.organizerRep !== undefined) {
    return cached(context.sentences.organizedBy, people.organizerRep, organizedBy);
  }
  if (people.organizer === null) return `no organizer given, so not brought about by ${manager} or a rep`;
  if (people.organizerExternal) {
    return `organized by ${people.organizer} outside the tenant, with ${listWords(people.reps.map((r) => r.name))} attending`;
  }
  return `organized by ${nameOf(people.organizer, context)}, who is not one of ${manager}'s reps`;
}

/** Adds to `reasons` why the event is of its kind, and who was left out for declining. */
export function addKindReasons(
  reasons: string[],
  event: CalendarEvent,
  kind: MeetingKind,
  people: Participants,
  context: ClassificationContext,
): void {
  const manager = context.manager.name;
  if (kind === "field-day") {
    const rep = people.reps[0]!.name;
    const signal = fieldDaySignal(event);
    const why =
      signal === "all-day"
        ? "all day"
        : signal === "length"
          ? "for 3 hours or more"
          : 'with the category "Field day"';
    reasons.push(`field day: ${manager} with ${rep} ${why}`);
  } else if (kind === "customer-call") {
    if (people.externals.length === 1) {
      reasons.push(cached(context.sentences.oneExternalFrom, people.externals[0]!.domain, oneExternalFrom));
    } else {
      for (const [domain, count] of countByDomain(people.externals)) {
        reasons.push(count === 1 ? oneExternalFrom(domain) : `${count} external attendees from ${domain}`);
      }
    }
  } else if (kind === "one-on-one") {
    reasons.push(
      cached(
        context.sentences.onlyWith,
        people.reps[0]!,
        (rep) => `only ${manager} and ${rep.name} take part`,
      ),
    );
  } else if (people.reps.length > 1) {
    reasons.push(`${people.reps.length} reps take part: ${listWords(people.reps.map((r) => r.name))}`);
  } else {
    const others = people.colleagues.length;
    const colleagues = `${others} ${others === 1 ? "colleague" : "colleagues"}`;
    const rep = people.reps[0];
    reasons.push(rep === undefined ? `${colleagues}, no rep` : `${rep.name} with ${colleagues}`);
  }
  if (people.declined > 0) {
    reasons.push(
      `${people.declined} ${people.declined === 1 ? "attendee" : "attendees"} declined and ${people.declined === 1 ? "does" : "do"} not count`,
    );
  }
}

const BIG_DEAL = "big deal: ";

export function bigDealReason(account: Account, context: Pick<ClassificationContext, "org">): string {
  const threshold = context.org.org.bigDealThreshold;
  return `${BIG_DEAL}${account.name} has ${account.openPipeline} in open pipeline, at or above ${threshold}`;
}

/** True for the sentence bigDealReason writes. */
export function isBigDealReason(reason: string): boolean {
  return reason.startsWith(BIG_DEAL);
}

function nameOf(address: string, context: ClassificationContext): string {
  return context.addressInfo(address).person?.name ?? address;
}

/** "A", "A and B", "A, B and C". */
export function listWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function countByDomain(externals: readonly AddressInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { domain } of externals) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  return counts;
}
