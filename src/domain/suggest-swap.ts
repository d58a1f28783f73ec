import type { Instant } from "./instant.ts";
import { overlaps, pad } from "./interval.ts";
import type { SharedDay } from "./suggest-blocks.ts";
import { commitBlock, type PlacedBlock, type PlanSoFar, releaseBlock } from "./suggest-place-block.ts";
import { isoWeekIn } from "./zoned-time.ts";

/** Other reps' blocks tried for each rep left without one: the pass stays linear in the reps. */
export const MAX_SWAP_TRIES = 8;

export interface Placement<O> {
  readonly occurrence: O;
  readonly placed: PlacedBlock;
  /** Whether the same rep's next due date was read from this block; such a block never moves. */
  readonly followed: boolean;
}

/** What the swap pass needs to know about one due date of one rep (an occurrence). */
export interface SwapPlanner<O> {
  readonly plan: PlanSoFar;
  repOf(occurrence: O): string;
  /** The best block given the plan as it stands, or why there is none. */
  find(occurrence: O): PlacedBlock | { readonly why: string };
  /** Days that fit both people's calendars, other suggestions and the weekly limit aside. */
  openDays(occurrence: O): readonly SharedDay[];
  bufferMs(occurrence: O): number;
  /** The same rep's next due date after a block starting at `start`, if it falls in the horizon. */
  followUp(occurrence: O, start: Instant): O | undefined;
}

/**
 * Places occurrences that greedy placement left without a block, where it can by moving one other
 * rep's block: that block is taken out, the waiting occurrence takes its best block, and the other rep
 * takes their best block in what remains; when either finds none, everything goes back as it was. So
 * every block placed before stays placed (perhaps on another day) and the plan keeps every hard
 * constraint. A block whose rep has a later due date read from it never moves, nor does a block whose
 * move would bring such a date into the horizon. At most MAX_SWAP_TRIES blocks in the way (near one of
 * the waiting rep's open days, or filling the week of one) are tried per occurrence.
 *
 * `placements` is updated in place; returns the occurrences still without a block, each with why.
 */
export function placeBySwapping<O>(
  planner: SwapPlanner<O>,
  placements: Placement<O>[],
  waiting: readonly O[],
): { readonly occurrence: O; readonly why: string }[] {
  const queue = [...waiting];
  const left: O[] = [];
  for (let i = 0; i < queue.length; i++) {
    const occurrence = queue[i]!;
    const found = planner.find(occurrence);
    const placed = "why" in found ? swapIn(planner, placements, occurrence) : found;
    if (placed === undefined) {
      left.push(occurrence);
      continue;
    }
    if (placed === found) commitBlock(planner.plan, placed);
    const next = planner.followUp(occurrence, placed.block.start);
    placements.push({ occurrence, placed, followed: next !== undefined });
    if (next !== undefined) queue.push(next);
  }
  // A block moved for a later occurrence may have made room for an earlier one; the last plain try
  // also says why, against the plan as it ends.
  const out: { occurrence: O; why: string }[] = [];
  for (const first of left) {
    let occurrence: O | undefined = first;
    while (occurrence !== undefined) {
      const found = planner.find(occurrence);
      if ("why" in found) {
        out.push({ occurrence, why: found.why });
        break;
      }
      commitBlock(planner.plan, found);
      const next = planner.followUp(occurrence, found.block.start);
      placements.push({ occurrence, placed: found, followed: next !== undefined });
      occurrence = next;
    }
  }
  return out;
}

/** A committed block for `occurrence` won by moving another rep's block, or undefined. */
function swapIn<O>(
  planner: SwapPlanner<O>,
  placements: Placement<O>[],
  occurrence: O,
): PlacedBlock | undefined {
  const { plan } = planner;
  const days = planner.openDays(occurrence);
  if (days.length === 0) return undefined;
  const buffer = planner.bufferMs(occurrence);
  const windows = days.map((day) => pad(day.interval, buffer, buffer));
  const fullWeeks = new Set(
    days
      .map((day) => isoWeekIn(day.interval.start, plan.zone))
      .filter((week) => (plan.perWeek.get(week) ?? 0) >= plan.maxFieldDaysPerWeek),
  );
  const rep = planner.repOf(occurrence);
  let tries = 0;
  for (let index = 0; index < placements.length && tries < MAX_SWAP_TRIES; index++) {
    const other = placements[index]!;
    if (other.followed || planner.repOf(other.occurrence) === rep) continue;
    const taken = pad(other.placed.block, other.placed.bufferMs, other.placed.bufferMs);
    if (!fullWeeks.has(other.placed.week) && !windows.some((window) => overlaps(window, taken))) continue;
    tries++;
    releaseBlock(plan, other.placed);
    const mine = planner.find(occurrence);
    if (!("why" in mine)) {
      commitBlock(plan, mine);
      const moved = planner.find(other.occurrence);
      if (!("why" in moved) && planner.followUp(other.occurrence, moved.block.start) === undefined) {
        commitBlock(plan, moved);
        placements[index] = { ...other, placed: moved };
        return mine;
      }
      releaseBlock(plan, mine);
    }
    commitBlock(plan, other.placed);
  }
  return undefined;
}
