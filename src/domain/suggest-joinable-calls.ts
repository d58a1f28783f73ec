import { type BusyItem, blockedTime } from "./free-busy.ts";
import type { Interval } from "./interval.ts";
import { firstEndingAfter } from "./suggest-blocks.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";

/** What keeps a rep from a field day, once the calls the manager can ride along on are set apart. */
export interface RepFieldDayTime {
  /** Busy time no block (or its travel buffers) may touch: merged and sorted. */
  readonly blocked: readonly Interval[];
  /**
   * Ordinary customer calls, sorted by start. A block holds each wholly or stays clear of it and of
   * its travel buffers: the manager never joins half a call. Empty when calls are not joinable.
   */
  readonly calls: readonly Interval[];
  /** Length of the longest of `calls`; 0 when there are none. */
  readonly longestCall: number;
}

/**
 * Splits a rep's getSchedule items into what blocks a field day and the calls that do not. An item is
 * joinable when one ordinary customer call on the rep's calendar covers it (starts no later, ends no
 * earlier) and no other event of the rep's that takes their time overlaps it, so a big-deal call or
 * an internal meeting booked over an ordinary call still blocks. Only busy and tentative items can be
 * joinable: away, working elsewhere and unknown always block. Without the rep's calendar, or when the
 * policy says calls are not joinable, every item blocks as getSchedule says.
 */
export function repFieldDayTime(
  items: readonly BusyItem[],
  calendar: RepCalendar | undefined,
  rules: { readonly tentativeIsBusy: boolean; readonly customerCallsJoinable: boolean },
): RepFieldDayTime {
  if (calendar === undefined || !rules.customerCallsJoinable || calendar.ordinaryCalls.length === 0) {
    return { blocked: blockedTime(items, rules.tentativeIsBusy), calls: [], longestCall: 0 };
  }
  const calls = calendar.ordinaryCalls;
  // The latest end among calls starting at or before each one: a call covering an item is then
  // found by one binary search on starts.
  const reach: number[] = [];
  for (const call of calls) reach.push(Math.max(reach[reach.length - 1] ?? -Infinity, call.end));
  const conflicts = blockedTime(calendar.otherEvents, rules.tentativeIsBusy);
  const covered = (item: Interval): boolean => {
    const last = lastAtOrBefore(calls, item.start);
    return last >= 0 && reach[last]! >= item.end;
  };
  const clashes = (item: Interval): boolean => {
    const next = conflicts[firstEndingAfter(conflicts, item.start)];
    return next !== undefined && next.start < item.end;
  };
  const joinable = (item: BusyItem): boolean =>
    (item.status === "busy" || item.status === "tentative") && covered(item) && !clashes(item);
  return {
    blocked: blockedTime(
      items.filter((item) => !joinable(item)),
      rules.tentativeIsBusy,
    ),
    calls,
    longestCall: calls.reduce((longest, call) => Math.max(longest, call.end - call.start), 0),
  };
}

/** Index of the last interval starting at or before `instant` in a list sorted by start; -1 if none. */
function lastAtOrBefore(list: readonly Interval[], instant: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.start <= instant) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
