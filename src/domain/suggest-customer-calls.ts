import type { Zone } from "luxon";
import { type EventInput, isIncomplete } from "./calendar-event.ts";
import type { OrgIndex } from "./org.ts";
import { dateIn } from "./zoned-time.ts";

/** A rep's customer calls on one day of their own calendar. */
export interface CustomerCallCount {
  /** External meetings without a big deal at stake: the calls a manager can watch on a field day. */
  readonly ordinary: number;
  /** External meetings with an account whose open pipeline meets the tenant's big-deal threshold. */
  readonly bigDeal: number;
}

/**
 * Counts a rep's customer calls per date on their own wall clock, from the rep's calendar. A customer
 * call has an organizer or an attendee outside the tenant (rooms and declined attendees do not count).
 * Left out, as classification leaves them out: cancelled events, events the rep declined, free
 * time the rep did not organize, all-day events, and events Graph sent incomplete.
 */
export function customerCallsByDay(input: {
  readonly events: readonly EventInput[];
  readonly org: OrgIndex;
  readonly zone: Zone;
}): Map<string, CustomerCallCount> {
  const { org, zone } = input;
  const out = new Map<string, CustomerCallCount>();
  for (const event of input.events) {
    if (isIncomplete(event) || event.isCancelled || event.isAllDay || event.ownerResponse === "declined")
      continue;
    if (event.showAs === "free" && !event.isOrganizer) continue;
    const parties = [
      ...(event.organizer === null ? [] : [event.organizer.email]),
      ...event.attendees
        .filter((a) => a.type !== "resource" && a.response !== "declined")
        .map((a) => a.email),
    ];
    const external = parties.filter((address) => !org.isInternalAddress(address));
    if (external.length === 0) continue;
    const bigDeal = external.some(
      (address) => (org.accountFor(address)?.openPipeline ?? -1) >= org.org.bigDealThreshold,
    );
    const date = dateIn(event.start, zone);
    const count = out.get(date) ?? { ordinary: 0, bigDeal: 0 };
    out.set(
      date,
      bigDeal ? { ...count, bigDeal: count.bigDeal + 1 } : { ...count, ordinary: count.ordinary + 1 },
    );
  }
  return out;
}
