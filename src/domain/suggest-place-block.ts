import type { Zone } from "luxon";
import type { RepCadence } from "./cadence-policy.ts";
import { type BusyItem, blockedTime } from "./free-busy.ts";
import { MS_PER_HOUR, MS_PER_MINUTE } from "./instant.ts";
import { type Interval, mergeIntervals, pad } from "./interval.ts";
import { WEEKDAYS } from "./org.ts";
import { type BlockRules, type BlockShape, bestBlockOn, type SharedDay } from "./suggest-blocks.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";
import type { DueDate } from "./suggest-due.ts";
import { repFieldDayTime } from "./suggest-joinable-calls.ts";
import { unplaceableReason } from "./suggest-reasons.ts";
import { isoWeekIn, weekdayOfDate } from "./zoned-time.ts";

/** What the plan holds so far: the week counts and blocks that later placements must respect. */
export interface PlanSoFar {
  readonly zone: Zone;
  readonly horizon: Interval;
  readonly maxFieldDaysPerWeek: number;
  /** Field days per ISO week of the manager's calendar, booked and suggested. */
  readonly perWeek: Map<string, number>;
  /** `${rep} ${date}` of dismissed suggestions. */
  readonly dismissed: ReadonlySet<string>;
  /** The blocks placed so far, each with its travel buffer. */
  readonly chosen: PlacedBlock[];
  /** Both people's field-day rules per rep and cadence, computed once: reps are placed often. */
  readonly rulesCache: Map<string, BlockRules>;
}

/** A rep as placement needs them. */
export interface RepForPlacement {
  readonly email: string;
  readonly busy: readonly BusyItem[];
  /** Undefined when their calendar was not read. */
  readonly calendar?: RepCalendar | undefined;
}

export interface PlacedBlock {
  readonly block: Interval;
  readonly day: SharedDay;
  /**
   * The ordinary customer calls that rank the block: those wholly inside it when calls are joinable,
   * otherwise all of the rep's that day.
   */
  readonly calls: number;
  readonly bufferMs: number;
  /** ISO week of the block on the manager's calendar. */
  readonly week: string;
}

/**
 * The best block for one due date of one rep, given both people's free/busy and the plan so far:
 * the day with the most ordinary customer calls, then a preferred weekday, then the earliest. It is
 * not added to the plan (see commitBlock). Returns why when no day has a block that meets every hard
 * constraint.
 */
export function findBlock(
  plan: PlanSoFar,
  rep: RepForPlacement,
  managerBusy: readonly BusyItem[],
  shared: readonly SharedDay[],
  cadence: RepCadence,
  due: DueDate,
): PlacedBlock | { readonly why: string } {
  const bufferMs = cadence.travelBufferMinutes * MS_PER_MINUTE;
  const shape = shapeOf(cadence);
  const own = rulesOf(plan, rep, managerBusy, cadence);
  const taken = plan.chosen.map((c) => {
    const gap = Math.max(bufferMs, c.bufferMs);
    return pad(c.block, gap, gap);
  });
  const rules: BlockRules = { ...own, blocked: mergeIntervals([...own.blocked, ...taken]) };
  let best: PlacedBlock | undefined;
  let bestPreferred = false;
  for (const day of shared) {
    if (plan.dismissed.has(`${rep.email} ${day.managerDate}`)) continue;
    const found = bestBlockOn(day, shape, rules, due.opensAt, plan.horizon.end);
    if (found === undefined) continue;
    const { block } = found;
    const week = isoWeekIn(block.start, plan.zone);
    if ((plan.perWeek.get(week) ?? 0) >= plan.maxFieldDaysPerWeek) continue;
    const calls = cadence.customerCallsJoinable
      ? found.callsInside
      : (rep.calendar?.callsByDay.get(day.repDate)?.ordinary ?? 0);
    const preferred = cadence.preferredWeekdays.includes(WEEKDAYS[weekdayOfDate(day.managerDate) - 1]!);
    if (best === undefined || calls > best.calls || (calls === best.calls && preferred && !bestPreferred)) {
      best = { block, day, calls, bufferMs, week };
      bestPreferred = preferred;
    }
  }
  if (best === undefined) {
    return {
      why: unplaceableReason(shared, due, plan.horizon, cadence, {
        rep: rep.email,
        shape,
        rules: own,
        dismissed: plan.dismissed,
        perWeek: plan.perWeek,
        maxFieldDaysPerWeek: plan.maxFieldDaysPerWeek,
        zone: plan.zone,
      }),
    };
  }
  return best;
}

/**
 * The shared days on which a block for this due date fits both people's calendars, leaving the other
 * suggestions and the weekly limit aside: the days on which moving another rep's block could help.
 */
export function openDays(
  plan: PlanSoFar,
  rep: RepForPlacement,
  managerBusy: readonly BusyItem[],
  shared: readonly SharedDay[],
  cadence: RepCadence,
  due: DueDate,
): SharedDay[] {
  const shape = shapeOf(cadence);
  const own = rulesOf(plan, rep, managerBusy, cadence);
  return shared.filter(
    (day) =>
      !plan.dismissed.has(`${rep.email} ${day.managerDate}`) &&
      bestBlockOn(day, shape, own, due.opensAt, plan.horizon.end) !== undefined,
  );
}

/** Adds a block to the plan: later placements keep clear of it and count it in its week. */
export function commitBlock(plan: PlanSoFar, placed: PlacedBlock): void {
  plan.perWeek.set(placed.week, (plan.perWeek.get(placed.week) ?? 0) + 1);
  plan.chosen.push(placed);
}

/** Takes a committed block out of the plan again. */
export function releaseBlock(plan: PlanSoFar, placed: PlacedBlock): void {
  const index = plan.chosen.indexOf(placed);
  if (index < 0) throw new RangeError("releaseBlock: the block is not in the plan");
  plan.chosen.splice(index, 1);
  plan.perWeek.set(placed.week, plan.perWeek.get(placed.week)! - 1);
}

function shapeOf(cadence: RepCadence): BlockShape {
  return cadence.blockLength === "half-day"
    ? { kind: "half-day", length: cadence.halfDayHours * MS_PER_HOUR }
    : { kind: "full-day", minLength: cadence.fullDayMinHours * MS_PER_HOUR };
}

/** Both people's busy time with buffers, and the rep's joinable calls, for one rep and cadence. */
function rulesOf(
  plan: PlanSoFar,
  rep: RepForPlacement,
  managerBusy: readonly BusyItem[],
  cadence: RepCadence,
): BlockRules {
  const bufferMs = cadence.travelBufferMinutes * MS_PER_MINUTE;
  const key = `${rep.email} ${cadence.tentativeIsBusy} ${cadence.customerCallsJoinable} ${bufferMs}`;
  let found = plan.rulesCache.get(key);
  if (found === undefined) {
    const repTime = repFieldDayTime(rep.busy, rep.calendar, cadence);
    const padded = (intervals: readonly Interval[]) => intervals.map((i) => pad(i, bufferMs, bufferMs));
    // Concatenated sorted runs merge in close to linear time.
    const blocked = mergeIntervals([
      ...padded(blockedTime(managerBusy, cadence.tentativeIsBusy)),
      ...padded(repTime.blocked),
    ]);
    found = { blocked, calls: repTime.calls, longestCall: repTime.longestCall, bufferMs };
    plan.rulesCache.set(key, found);
  }
  return found;
}
