import type { Zone } from "luxon";
import type { RepCadence } from "./cadence-policy.ts";
import { type Instant, MS_PER_HOUR } from "./instant.ts";
import type { Interval } from "./interval.ts";
import { WEEKDAYS } from "./org.ts";
import { type BlockRules, type BlockShape, bestBlockOn, type SharedDay } from "./suggest-blocks.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";
import { type DueDate, daysOverdue } from "./suggest-due.ts";
import { dateIn, isoWeekIn, weekdayOfDate } from "./zoned-time.ts";

/** Sentences a manager reads beside a suggestion: every one of them true of that block. */
export function suggestionReasons(input: {
  readonly rep: { readonly name: string; readonly calendar?: RepCalendar | undefined };
  readonly hireDate?: string | undefined;
  readonly cadence: RepCadence;
  readonly dueDate: DueDate;
  /** Start of this plan's earlier suggestion for the same rep, when this is the rep's second. */
  readonly afterSuggestion: Instant | undefined;
  readonly day: SharedDay;
  readonly block: Interval;
  /** Ordinary customer calls wholly inside the block (used when calls are joinable). */
  readonly callsInside: number;
  readonly now: Instant;
  readonly zone: Zone;
}): string[] {
  const { rep, cadence, dueDate, day, block, now, zone } = input;
  const reasons = [
    callsReason(
      rep.name,
      rep.calendar,
      day.repDate,
      cadence.customerCallsJoinable ? input.callsInside : undefined,
    ),
    dueReason(dueDate, input.afterSuggestion, now, zone),
  ];
  const cadenceText = `every ${plural(dueDate.everyWeeks, "week")}`;
  reasons.push(
    dueDate.newHire
      ? `Field days ${cadenceText} while a new hire${input.hireDate === undefined ? "" : ` (hired ${input.hireDate})`}`
      : `Field days ${cadenceText}`,
  );
  const weekday = WEEKDAYS[weekdayOfDate(day.managerDate) - 1]!;
  if (cadence.preferredWeekdays.includes(weekday)) reasons.push(`${capitalize(weekday)} is a preferred day`);
  if (cadence.blockLength === "full-day") {
    reasons.push(`A full day: all ${hours(block.end - block.start)} both people work that day`);
  }
  if (cadence.travelBufferMinutes > 0) {
    reasons.push(`Both are free for ${cadence.travelBufferMinutes} minutes before and after, to travel`);
  }
  return reasons;
}

/** `callsInside` is undefined when calls are not joinable: then the day's calls are what counts. */
function callsReason(
  name: string,
  calendar: RepCalendar | undefined,
  date: string,
  callsInside: number | undefined,
): string {
  if (calendar === undefined) return `${name}'s customer calls are unknown: their calendar was not read`;
  const { ordinary, bigDeal } = calendar.callsByDay.get(date) ?? { ordinary: 0, bigDeal: 0 };
  const bigDeals = `${plural(bigDeal, "big-deal call")}`;
  if (callsInside !== undefined && callsInside > 0) {
    const outside = ordinary - callsInside;
    return [
      `Rides along on ${plural(callsInside, "customer call")} (none a big deal)`,
      ...(outside > 0
        ? [`${outside} more that day ${outside === 1 ? "falls" : "fall"} outside the block`]
        : []),
      ...(bigDeal > 0 ? [`${bigDeals} that day ${bigDeal === 1 ? "does" : "do"} not count`] : []),
    ].join("; ");
  }
  if (ordinary === 0) {
    return bigDeal === 0
      ? `${name} has no customer calls that day`
      : `${name} has no ordinary customer calls that day (${bigDeals}, which do not count)`;
  }
  if (callsInside !== undefined) {
    return bigDeal === 0
      ? `${name} has ${plural(ordinary, "ordinary customer call")} that day, none inside this block`
      : `${name} has ${plural(ordinary, "ordinary customer call")} that day, none inside this block (and ${bigDeals}, which do not count)`;
  }
  return bigDeal === 0
    ? `${name} has ${plural(ordinary, "customer call")} that day (none a big deal)`
    : `${name} has ${plural(ordinary, "ordinary customer call")} that day (and ${bigDeals}, which do not count)`;
}

function dueReason(due: DueDate, afterSuggestion: Instant | undefined, now: Instant, zone: Zone): string {
  const dueDay = dateIn(due.dueBy, zone);
  if (afterSuggestion !== undefined) {
    return `The next field day after the one suggested for ${dateIn(afterSuggestion, zone)} is due by ${dueDay}`;
  }
  if (due.lastFieldDay === null && due.bookedFieldDay === null) return "No field day on record, so due now";
  const since =
    due.bookedFieldDay !== null
      ? `after the one booked for ${dateIn(due.bookedFieldDay, zone)}`
      : `last field day ${dateIn(due.lastFieldDay!, zone)}`;
  const overdue = daysOverdue(due, now, zone);
  if (overdue === 0) return `Due today (${since})`;
  return overdue < 0
    ? `Due in ${plural(-overdue, "day")}, by ${dueDay} (${since})`
    : `${plural(overdue, "day")} overdue: due ${dueDay} (${since})`;
}

/** Why no block could be found for a due date, naming the first constraint that ruled every day out. */
export function unplaceableReason(
  shared: readonly SharedDay[],
  due: DueDate,
  horizon: Interval,
  cadence: RepCadence,
  context: {
    readonly rep: string;
    readonly shape: BlockShape;
    /** Both people's busy time with buffers and the rep's joinable calls, without other suggestions. */
    readonly rules: BlockRules;
    readonly dismissed: ReadonlySet<string>;
    readonly perWeek: ReadonlyMap<string, number>;
    readonly maxFieldDaysPerWeek: number;
    readonly zone: Zone;
  },
): string {
  const { shape, zone } = context;
  const span = `between ${dateIn(due.opensAt, zone)} and ${dateIn(horizon.end, zone)}`;
  const length =
    shape.kind === "half-day" ? hours(shape.length) : `a full day of at least ${hours(shape.minLength)}`;
  const unconstrained: BlockRules = { blocked: [], calls: [], longestCall: 0, bufferMs: 0 };
  const free = shared.filter(
    (day) => bestBlockOn(day, shape, unconstrained, due.opensAt, horizon.end) !== undefined,
  );
  if (free.length === 0) return `Their working hours never overlap for ${length} on one day ${span}`;
  const open = free.flatMap((day) => {
    const found = bestBlockOn(day, shape, context.rules, due.opensAt, horizon.end);
    return found === undefined ? [] : [{ day, block: found.block }];
  });
  const buffer =
    cadence.travelBufferMinutes > 0
      ? `, with ${cadence.travelBufferMinutes} minutes to travel before and after,`
      : "";
  if (open.length === 0) {
    const calls =
      context.rules.calls.length > 0
        ? " (the rep's ordinary customer calls count as free only inside the block)"
        : "";
    return `They are never both free for ${length}${buffer} in shared working hours ${span}${calls}`;
  }
  let dismissed = 0;
  let full = 0;
  for (const { day, block } of open) {
    if (context.dismissed.has(`${context.rep} ${day.managerDate}`)) dismissed++;
    else if ((context.perWeek.get(isoWeekIn(block.start, zone)) ?? 0) >= context.maxFieldDaysPerWeek) full++;
  }
  const taken = open.length - dismissed - full;
  const parts = [
    ...(dismissed > 0 ? [`${dismissed} ${dismissed === 1 ? "was" : "were"} dismissed`] : []),
    ...(full > 0
      ? [
          `${full} ${full === 1 ? "falls" : "fall"} in weeks already at the manager's limit of ${plural(context.maxFieldDaysPerWeek, "field day")}`,
        ]
      : []),
    ...(taken > 0 ? [`${taken} ${taken === 1 ? "is" : "are"} taken by other suggestions`] : []),
  ];
  return `Both are free on ${plural(open.length, "day")} ${span}, but ${parts.join(", ")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function hours(ms: number): string {
  const h = ms / MS_PER_HOUR;
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, "")} hour${h === 1 ? "" : "s"}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
