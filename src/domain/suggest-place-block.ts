import type { Zone } from "luxon";
import type { RepCadence } from "./cadence-policy.ts";
import { type BusyItem, blockedTime } from "./free-busy.ts";
import { MS_PER_HOUR, MS_PER_MINUTE } from "./instant.ts";
import { type Interval, mergeIntervals, pad } from "./interval.ts";
import { WEEKDAYS } from "./org.ts";
import { type BlockShape, firstBlockOn, type SharedDay } from "./suggest-blocks.ts";
import type { CustomerCallCount } from "./suggest-customer-calls.ts";
import type { DueDate } from "./suggest-due.ts";
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
  readonly chosen: { readonly block: Interval; readonly bufferMs: number }[];
  /** Each person's blocked time, sorted and padded, per tentative rule and buffer: reps are placed often. */
  readonly blockedCache: Map<string, readonly Interval[]>;
}

export interface PlacedBlock {
  readonly block: Interval;
  readonly day: SharedDay;
  /** Ordinary customer calls the rep has that day. */
  readonly calls: number;
}

/**
 * The best block for one due date of one rep, given both people's free/busy and the plan so far:
 * the day with the most ordinary customer calls, then a preferred weekday, then the earliest.
 * Returns why when no day has a block that meets every hard constraint.
 */
export function placeBlock(
  plan: PlanSoFar,
  rep: {
    readonly email: string;
    readonly busy: readonly BusyItem[];
    readonly customerCalls?: ReadonlyMap<string, CustomerCallCount> | undefined;
  },
  managerBusy: readonly BusyItem[],
  shared: readonly SharedDay[],
  cadence: RepCadence,
  due: DueDate,
): PlacedBlock | { readonly why: string } {
  const bufferMs = cadence.travelBufferMinutes * MS_PER_MINUTE;
  const shape: BlockShape =
    cadence.blockLength === "half-day"
      ? { kind: "half-day", length: cadence.halfDayHours * MS_PER_HOUR }
      : { kind: "full-day", minLength: cadence.fullDayMinHours * MS_PER_HOUR };
  const blockedOf = (who: string, items: readonly BusyItem[]): readonly Interval[] => {
    const key = `${who} ${cadence.tentativeIsBusy} ${bufferMs}`;
    let found = plan.blockedCache.get(key);
    if (found === undefined) {
      found = blockedTime(items, cadence.tentativeIsBusy).map((i) => pad(i, bufferMs, bufferMs));
      plan.blockedCache.set(key, found);
    }
    return found;
  };
  // Concatenated sorted runs merge in close to linear time.
  const busy = mergeIntervals([...blockedOf("(manager)", managerBusy), ...blockedOf(rep.email, rep.busy)]);
  const taken = plan.chosen.map((c) => {
    const gap = Math.max(bufferMs, c.bufferMs);
    return pad(c.block, gap, gap);
  });
  const blocked = mergeIntervals([...busy, ...taken]);
  let best: (PlacedBlock & { readonly preferred: boolean }) | undefined;
  for (const day of shared) {
    if (plan.dismissed.has(`${rep.email} ${day.managerDate}`)) continue;
    const block = firstBlockOn(day, shape, blocked, due.opensAt, plan.horizon.end);
    if (block === undefined) continue;
    if ((plan.perWeek.get(isoWeekIn(block.start, plan.zone)) ?? 0) >= plan.maxFieldDaysPerWeek) continue;
    const calls = rep.customerCalls?.get(day.repDate)?.ordinary ?? 0;
    const preferred = cadence.preferredWeekdays.includes(WEEKDAYS[weekdayOfDate(day.managerDate) - 1]!);
    if (best === undefined || calls > best.calls || (calls === best.calls && preferred && !best.preferred)) {
      best = { block, day, calls, preferred };
    }
  }
  if (best === undefined) {
    return {
      why: unplaceableReason(shared, due, plan.horizon, cadence, {
        rep: rep.email,
        shape,
        blocked: busy,
        dismissed: plan.dismissed,
        perWeek: plan.perWeek,
        maxFieldDaysPerWeek: plan.maxFieldDaysPerWeek,
        zone: plan.zone,
      }),
    };
  }
  const week = isoWeekIn(best.block.start, plan.zone);
  plan.perWeek.set(week, (plan.perWeek.get(week) ?? 0) + 1);
  plan.chosen.push({ block: best.block, bufferMs });
  return best;
}
