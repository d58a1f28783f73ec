import type { Zone } from "luxon";
import type { RepCadence } from "./cadence-policy.ts";
import { type Instant, MS_PER_DAY } from "./instant.ts";
import { dateIn, plusMonthsToDate, plusWeeks } from "./zoned-time.ts";

/** A field day on the manager's calendar, held or booked, as classification found it. */
export interface FieldDayOnRecord {
  /** Lower-case rep emails. */
  readonly reps: readonly string[];
  readonly start: Instant;
}

/** When a rep's next field day falls due, and what that rests on. */
export interface DueDate {
  readonly rep: string;
  /** Weeks between field days for this rep. */
  readonly everyWeeks: number;
  readonly newHire: boolean;
  /** Start of the latest field day before now; null when there is none on record. */
  readonly lastFieldDay: Instant | null;
  /** Start of the latest field day booked from now on; null when none is booked. */
  readonly bookedFieldDay: Instant | null;
  readonly dueBy: Instant;
  /**
   * The earliest a field day for this due date may be held, never before now: up to a week early (half
   * an interval for weekly cadences) after a field day on record, but never early after a suggested one,
   * so that a plan's suggestions keep the full interval between them.
   */
  readonly opensAt: Instant;
}

/**
 * A rep's next due date: an interval after the latest field day held or booked, or now when the
 * rep has never had one. A rep counts as a new hire while their hire date is within `newHireMonths`.
 */
export function dueDateOf(input: {
  readonly rep: string;
  readonly hireDate?: string | undefined;
  readonly cadence: RepCadence;
  readonly fieldDays: readonly FieldDayOnRecord[];
  readonly now: Instant;
  /** The manager's zone: intervals are whole weeks on the manager's wall clock. */
  readonly zone: Zone;
}): DueDate {
  const { rep, cadence, now, zone } = input;
  const newHire =
    input.hireDate !== undefined &&
    plusMonthsToDate(input.hireDate, cadence.newHireMonths) > dateIn(now, zone);
  const everyWeeks = newHire ? cadence.everyWeeks.newHire : cadence.everyWeeks.other;
  let lastFieldDay: Instant | null = null;
  let bookedFieldDay: Instant | null = null;
  for (const day of input.fieldDays) {
    if (!day.reps.includes(rep)) continue;
    if (day.start < now) lastFieldDay = Math.max(lastFieldDay ?? day.start, day.start);
    else bookedFieldDay = Math.max(bookedFieldDay ?? day.start, day.start);
  }
  const anchor = bookedFieldDay ?? lastFieldDay;
  const dueBy = anchor === null ? now : plusWeeks(anchor, everyWeeks, zone);
  const early = Math.min(7 * MS_PER_DAY, (everyWeeks * 7 * MS_PER_DAY) / 2);
  return {
    rep,
    everyWeeks,
    newHire,
    lastFieldDay,
    bookedFieldDay,
    dueBy,
    opensAt: Math.max(now, dueBy - early),
  };
}

/** The due date after a field day at `start`, for a rep who has another one coming within the horizon. */
export function nextDueDate(previous: DueDate, start: Instant, now: Instant, zone: Zone): DueDate {
  const dueBy = plusWeeks(start, previous.everyWeeks, zone);
  return { ...previous, bookedFieldDay: start, dueBy, opensAt: Math.max(now, dueBy) };
}

/** Calendar days from the due date to now on the manager's calendar; negative while it is still ahead. */
export function daysOverdue(due: DueDate, now: Instant, zone: Zone): number {
  return Math.round((Date.parse(dateIn(now, zone)) - Date.parse(dateIn(due.dueBy, zone))) / MS_PER_DAY);
}
