import type { Instant } from "./instant.ts";
import { type Interval, mergeIntervals } from "./interval.ts";
import type { WorkWeek } from "./working-hours.ts";

/** Free/busy as Graph's `getSchedule` reports it; values Graph may add later read as "unknown". */
export type FreeBusyStatus = "free" | "tentative" | "busy" | "oof" | "workingElsewhere" | "unknown";

export interface BusyItem {
  readonly start: Instant;
  readonly end: Instant;
  readonly status: FreeBusyStatus;
}

/** One person's free/busy and, when their mailbox has them, working hours. */
export interface PersonSchedule {
  /** Lower-case address the schedule was asked for. */
  readonly email: string;
  readonly items: readonly BusyItem[];
  /** Undefined when the mailbox reported none; the directory's hours apply then. */
  readonly workWeek: WorkWeek | undefined;
}

/** A person whose schedule came back but cannot be used, and why, in words a manager can read. */
export interface UnusableSchedule {
  readonly email: string;
  readonly why: string;
}

/**
 * The time a person cannot be booked. Only "free" is free: away, working elsewhere and statuses
 * FieldCoach does not know all block, because a field day needs the person in the field with the
 * manager; tentative blocks unless the policy says otherwise.
 */
export function blockedTime(items: readonly BusyItem[], tentativeIsBusy: boolean): Interval[] {
  return mergeIntervals(
    items.filter((item) => item.status !== "free" && (tentativeIsBusy || item.status !== "tentative")),
  );
}
