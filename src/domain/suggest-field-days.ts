import type { Zone } from "luxon";
import { type CadencePolicy, cadenceFor, type RepCadence } from "./cadence-policy.ts";
import type { BusyItem } from "./free-busy.ts";
import { type Instant, MS_PER_MINUTE } from "./instant.ts";
import type { Interval } from "./interval.ts";
import { type SharedDay, sharedWorkingDays } from "./suggest-blocks.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";
import type { DismissedSuggestion } from "./suggest-dismissed.ts";
import { type DueDate, daysOverdue, dueDateOf, type FieldDayOnRecord, nextDueDate } from "./suggest-due.ts";
import {
  commitBlock,
  findBlock,
  openDays,
  type PlacedBlock,
  type PlanSoFar,
  type RepForPlacement,
} from "./suggest-place-block.ts";
import { suggestionReasons } from "./suggest-reasons.ts";
import { type Placement, placeBySwapping, type SwapPlanner } from "./suggest-swap.ts";
import { type WorkingDay, type WorkWeek, workingDays } from "./working-hours.ts";
import { dateIn, isoWeekIn, plusWeeks } from "./zoned-time.ts";

/** Whether a person can be placed at all, and if so their working week and free/busy. */
export type Availability =
  | { readonly placeable: true; readonly workWeek: WorkWeek; readonly busy: readonly BusyItem[] }
  | { readonly placeable: false; readonly why: string };

export interface RepToPlace {
  /** Lower-case primary email. */
  readonly email: string;
  readonly name: string;
  readonly hireDate?: string | undefined;
  readonly availability: Availability;
  /** The rep's own calendar: their customer calls and other events; undefined when it was not read. */
  readonly calendar?: RepCalendar | undefined;
}

export interface SuggestFieldDaysInput {
  readonly now: Instant;
  readonly policy: CadencePolicy;
  /**
   * `zone` is the manager's zone, for when their working week is unknown; otherwise the working
   * week's own zone is used, so that days, weeks and due dates are read where the hours were laid out.
   */
  readonly manager: { readonly email: string; readonly zone: Zone; readonly availability: Availability };
  readonly reps: readonly RepToPlace[];
  /** Field days on the manager's calendar with any rep, held or booked; each counts toward its week. */
  readonly fieldDays: readonly FieldDayOnRecord[];
  /** Suggestions the manager dismissed: a rep and a date on the manager's calendar. */
  readonly dismissed?: readonly DismissedSuggestion[];
}

export interface FieldDaySuggestion {
  readonly rep: string;
  readonly start: Instant;
  readonly end: Instant;
  /**
   * 1000 per ordinary customer call the manager rides along on (inside the block; that day, when calls
   * are not joinable), plus 500 + days overdue (kept within ±499).
   */
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface SuggestFieldDaysResult {
  readonly horizon: Interval;
  /** The zone the plan's days and weeks were read in: the manager's working-hours zone when known. */
  readonly zone: Zone;
  /** Best first: most ordinary customer calls to ride along on, then most overdue, then earliest. */
  readonly suggestions: readonly FieldDaySuggestion[];
  readonly due: readonly {
    readonly rep: string;
    readonly lastFieldDay: Instant | null;
    readonly dueBy: Instant;
  }[];
  readonly unplaceable: readonly { readonly rep: string; readonly why: string }[];
}

export interface SuggestOptions {
  /**
   * After greedy placement, let a rep left without a block take one by moving another rep's block to
   * another valid day (see placeBySwapping). False keeps the greedy plan, to measure the difference.
   */
  readonly swaps?: boolean;
}

/**
 * Proposes field-day blocks for every rep due within the horizon (SPEC §5). Reps are placed most
 * overdue first; each takes its best block (most ordinary customer calls inside it, then a preferred
 * weekday, then earliest) among blocks that meet every hard constraint given the blocks placed before
 * it. A rep whose next due date after that block also falls in the horizon is placed again in a later
 * round. Reps left without a block may then take one by moving another rep's.
 */
export function suggestFieldDays(
  input: SuggestFieldDaysInput,
  options: SuggestOptions = {},
): SuggestFieldDaysResult {
  const { now, policy, manager } = input;
  // The manager's working hours and their calendar are read in one zone: the days, weeks and dates
  // shown must be the ones on which the working hours were laid out.
  const zone = manager.availability.placeable ? manager.availability.workWeek.zone : manager.zone;
  const horizon = { start: now, end: plusWeeks(now, policy.horizonWeeks, zone) };
  const plan: PlanSoFar = {
    zone,
    horizon,
    maxFieldDaysPerWeek: policy.maxFieldDaysPerWeek,
    perWeek: new Map(),
    dismissed: new Set((input.dismissed ?? []).map((d) => `${d.rep.toLowerCase()} ${d.date}`)),
    chosen: [],
    rulesCache: new Map(),
  };
  for (const day of input.fieldDays) {
    const week = isoWeekIn(day.start, zone);
    plan.perWeek.set(week, (plan.perWeek.get(week) ?? 0) + 1);
  }
  const managerBusy = manager.availability.placeable ? manager.availability.busy : [];
  const daysOf = workingDaysOnce(horizon);
  const managerDays = manager.availability.placeable ? daysOf(manager.availability.workWeek) : [];
  const planner: SwapPlanner<Occurrence> = {
    plan,
    repOf: (o) => o.rep.email,
    find: (o) => findBlock(plan, o.who, managerBusy, o.shared, o.cadence, o.dueDate),
    openDays: (o) => openDays(plan, o.who, managerBusy, o.shared, o.cadence, o.dueDate),
    bufferMs: (o) => o.cadence.travelBufferMinutes * MS_PER_MINUTE,
    followUp: (o, start) => {
      const dueDate = nextDueDate(o.dueDate, start, now, zone);
      return dueDate.dueBy < horizon.end ? { ...o, dueDate, afterSuggestion: start } : undefined;
    },
  };
  const placements: Placement<Occurrence>[] = [];
  const due: SuggestFieldDaysResult["due"][number][] = [];
  // In the order reps were tried; one that found no block keeps its occurrence, to be tried again.
  const failures: Failure[] = [];

  let round: Occurrence[] = input.reps.flatMap((rep) => {
    const cadence = cadenceFor(policy, rep.email);
    const dueDate = dueDateOf({ ...rep, rep: rep.email, cadence, fieldDays: input.fieldDays, now, zone });
    if (dueDate.dueBy >= horizon.end) return [];
    due.push({ rep: rep.email, lastFieldDay: dueDate.lastFieldDay, dueBy: dueDate.dueBy });
    if (!manager.availability.placeable) {
      failures.push({ rep: rep.email, why: `The manager cannot be placed: ${manager.availability.why}` });
      return [];
    }
    if (!rep.availability.placeable) {
      failures.push({ rep: rep.email, why: rep.availability.why });
      return [];
    }
    const who = { email: rep.email, busy: rep.availability.busy, calendar: rep.calendar };
    const shared = sharedWorkingDays(managerDays, daysOf(rep.availability.workWeek));
    return [{ rep, who, shared, cadence, dueDate, afterSuggestion: undefined }];
  });
  while (round.length > 0) {
    round.sort((a, b) => a.dueDate.dueBy - b.dueDate.dueBy || a.rep.email.localeCompare(b.rep.email));
    const next: Occurrence[] = [];
    for (const occurrence of round) {
      const placed = planner.find(occurrence);
      if ("why" in placed) {
        failures.push({ rep: occurrence.rep.email, why: placed.why, occurrence });
        continue;
      }
      commitBlock(plan, placed);
      const following = planner.followUp(occurrence, placed.block.start);
      placements.push({ occurrence, placed, followed: following !== undefined });
      if (following !== undefined) next.push(following);
    }
    round = next;
  }
  let unplaced = failures;
  if (options.swaps !== false) {
    const waiting = failures.flatMap((f) => (f.occurrence === undefined ? [] : [f.occurrence]));
    const left = new Map(placeBySwapping(planner, placements, waiting).map((l) => [l.occurrence, l.why]));
    const tried = new Set(waiting);
    unplaced = [
      ...failures.flatMap((f) => {
        if (f.occurrence === undefined) return [f];
        const why = left.get(f.occurrence);
        return why === undefined ? [] : [{ ...f, why }];
      }),
      // Later due dates of reps that a move placed, which then found no block.
      ...[...left]
        .filter(([occurrence]) => !tried.has(occurrence))
        .map(([occurrence, why]) => ({ rep: occurrence.rep.email, why, occurrence })),
    ];
  }
  const suggestions = placements.map(({ occurrence, placed }) => suggestionOf(occurrence, placed, now, zone));
  suggestions.sort((a, b) => b.score - a.score || a.start - b.start || a.rep.localeCompare(b.rep));
  const unplaceable = unplaced.map(({ rep, why, occurrence }) => ({
    rep,
    why:
      occurrence?.afterSuggestion === undefined
        ? why
        : `For the field day due by ${dateIn(occurrence.dueDate.dueBy, zone)}: ${why}`,
  }));
  return { horizon, zone, suggestions, due, unplaceable };
}

function suggestionOf(
  occurrence: Occurrence,
  placed: PlacedBlock,
  now: Instant,
  zone: Zone,
): FieldDaySuggestion {
  const { rep, cadence, dueDate, afterSuggestion } = occurrence;
  const { block, day, calls } = placed;
  return {
    rep: rep.email,
    start: block.start,
    end: block.end,
    score: calls * 1000 + 500 + Math.max(-499, Math.min(499, daysOverdue(dueDate, now, zone))),
    reasons: suggestionReasons({
      rep,
      hireDate: rep.hireDate,
      cadence,
      dueDate,
      afterSuggestion,
      day,
      block,
      callsInside: calls,
      now,
      zone,
    }),
  };
}

/**
 * Working days in the horizon, laid out once per working week: reps in one zone with the same hours
 * share them, and laying them out is most of a run's wall-clock arithmetic.
 */
function workingDaysOnce(horizon: Interval): (week: WorkWeek) => readonly WorkingDay[] {
  // Keyed by the zone object: two custom zones may share a name but not their rules.
  const byZone = new Map<Zone, Map<string, readonly WorkingDay[]>>();
  return (week) => {
    let known = byZone.get(week.zone);
    if (known === undefined) {
      known = new Map();
      byZone.set(week.zone, known);
    }
    const key = `${week.daysOfWeek.join(",")} ${week.startTime} ${week.endTime}`;
    let days = known.get(key);
    if (days === undefined) {
      days = workingDays(week, horizon);
      known.set(key, days);
    }
    return days;
  };
}

interface Failure {
  readonly rep: string;
  readonly why: string;
  /** The due date that found no block; undefined when the rep or the manager cannot be placed at all. */
  readonly occurrence?: Occurrence;
}

/** One due date of one placeable rep waiting to be placed. */
interface Occurrence {
  readonly rep: RepToPlace;
  readonly who: RepForPlacement;
  /** The working time the rep shares with the manager, day by day. */
  readonly shared: readonly SharedDay[];
  readonly cadence: RepCadence;
  readonly dueDate: DueDate;
  /** Start of the same rep's earlier block in this plan, when this due date was read from it. */
  readonly afterSuggestion: Instant | undefined;
}
