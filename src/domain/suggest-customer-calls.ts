import type { Zone } from "luxon";
import { type CalendarEvent, type EventInput, isIncomplete } from "./calendar-event.ts";
import type { BusyItem } from "./free-busy.ts";
import type { Interval } from "./interval.ts";
import type { OrgIndex } from "./org.ts";
import { dateIn } from "./zoned-time.ts";

/** A rep's customer calls on one day of their own calendar. */
export interface CustomerCallCount {
  /** External meetings without a big deal at stake: the calls a manager can watch on a field day. */
  readonly ordinary: number;
  /** External meetings with an account whose open pipeline meets the tenant's big-deal threshold. */
  readonly bigDeal: number;
}

/** A rep's own calendar as field-day placement reads it. */
export interface RepCalendar {
  /** Customer calls per date on the rep's wall clock, ordinary and big deals apart. */
  readonly callsByDay: ReadonlyMap<string, CustomerCallCount>;
  /** The ordinary customer calls, sorted by start: the calls a manager rides along on. */
  readonly ordinaryCalls: readonly Interval[];
  /**
   * Every other event that may take the rep's time, with its show-as: big-deal calls, internal
   * meetings, all-day events. A getSchedule item that one of these overlaps is never joinable.
   */
  readonly otherEvents: readonly BusyItem[];
}

/**
 * Reads a rep's calendar for placement. A customer call has an organizer or an attendee outside the
 * tenant (rooms and declined attendees do not count); it is a big deal when one of those addresses
 * belongs to an account whose open pipeline meets the tenant's threshold. Calls are counted on the
 * rep's own wall clock. Left out, as classification leaves them out: cancelled events, events the rep
 * declined, free time the rep did not organize, and events Graph sent incomplete; all-day events are
 * never calls, and events of no length take no time at all.
 */
export function readRepCalendar(input: {
  readonly events: readonly EventInput[];
  readonly org: OrgIndex;
  readonly zone: Zone;
}): RepCalendar {
  const { org, zone } = input;
  const callsByDay = new Map<string, CustomerCallCount>();
  const ordinaryCalls: Interval[] = [];
  const otherEvents: BusyItem[] = [];
  for (const event of input.events) {
    if (isIncomplete(event) || event.isCancelled || event.ownerResponse === "declined") continue;
    if (event.end <= event.start) continue;
    const call =
      event.isAllDay || (event.showAs === "free" && !event.isOrganizer) ? "none" : callKind(event, org);
    if (call !== "none") {
      const date = dateIn(event.start, zone);
      const count = callsByDay.get(date) ?? { ordinary: 0, bigDeal: 0 };
      callsByDay.set(
        date,
        call === "big deal"
          ? { ...count, bigDeal: count.bigDeal + 1 }
          : { ...count, ordinary: count.ordinary + 1 },
      );
    }
    if (call === "ordinary") ordinaryCalls.push({ start: event.start, end: event.end });
    else if (event.showAs !== "free") {
      otherEvents.push({ start: event.start, end: event.end, status: event.showAs });
    }
  }
  ordinaryCalls.sort((a, b) => a.start - b.start || a.end - b.end);
  return { callsByDay, ordinaryCalls, otherEvents };
}

function callKind(event: CalendarEvent, org: OrgIndex): "none" | "ordinary" | "big deal" {
  const parties = [
    ...(event.organizer === null ? [] : [event.organizer.email]),
    ...event.attendees.filter((a) => a.type !== "resource" && a.response !== "declined").map((a) => a.email),
  ];
  const external = parties.filter((address) => !org.isInternalAddress(address));
  if (external.length === 0) return "none";
  const bigDeal = external.some(
    (address) => (org.accountFor(address)?.openPipeline ?? -1) >= org.org.bigDealThreshold,
  );
  return bigDeal ? "big deal" : "ordinary";
}
