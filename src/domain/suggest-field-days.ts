import type { Zone } from "luxon";
import { type CadencePolicy, cadenceFor, type RepCadence } from "./cadence-policy.ts";
import type { BusyItem } from "./free-busy.ts";
import type { Instant } from "./instant.ts";
import type { Interval } from "./interval.ts";
import { type SharedDay, sharedWorkingDays } from "./suggest-blocks.ts";
import type { RepCalendar } from "./suggest-customer-calls.ts";
import type { DismissedSuggestion } from "./suggest-dismissed.ts";
import { type DueDate, daysOverdue, dueDateOf, type FieldDayOnRecord, nextDueDate } from "./suggest-due.ts";
import { commitBlock, findBlock, type PlacedBlock, type PlanSoFar } from "./suggest-place-block.ts";
import { suggestionReasons } from "./suggest-reasons.ts";
import { type WorkWeek, workingDays } from "./working-hours.ts";
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

/**
 * Proposes field-day blocks for every rep due within the horizon (SPEC §5). Reps are placed most
 * overdue first; each takes its best day (most ordinary customer calls, then a preferred weekday, then
 * earliest) among blocks that meet every hard constraint given the blocks placed before it. A rep
 * whose next due date after that block also falls in the horizon is placed again in a later round.
 */
export function suggestFieldDays(input: SuggestFieldDaysInput): SuggestFieldDaysResult {
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
  const managerDays = manager.availability.placeable
    ? workingDays(manager.availability.workWeek, horizon)
    : [];
  const sharedDays = new Map<string, SharedDay[]>();
  const placements: Placement[] = [];
  const due: SuggestFieldDaysResult["due"][number][] = [];
  const unplaceable: SuggestFieldDaysResult["unplaceable"][number][] = [];

  let round: Occurrence[] = input.reps.flatMap((rep) => {
    const cadence = cadenceFor(policy, rep.email);
    const dueDate = dueDateOf({ ...rep, rep: rep.email, cadence, fieldDays: input.fieldDays, now, zone });
    if (dueDate.dueBy >= horizon.end) return [];
    due.push({ rep: rep.email, lastFieldDay: dueDate.lastFieldDay, dueBy: dueDate.dueBy });
    return [{ rep, cadence, dueDate, afterSuggestion: undefined }];
  });
  while (round.length > 0) {
    round.sort((a, b) => a.dueDate.dueBy - b.dueDate.dueBy || a.rep.email.localeCompare(b.rep.email));
    const next: Occurrence[] = [];
    for (const occurrence of round) {
      const { rep, cadence, dueDate, afterSuggestion } = occurrence;
      if (!manager.availability.placeable) {
        unplaceable.push({
          rep: rep.email,
          why: `The manager cannot be placed: ${manager.availability.why}`,
        });
        continue;
      }
      if (!rep.availability.placeable) {
        unplaceable.push({ rep: rep.email, why: rep.availability.why });
        continue;
      }
      let shared = sharedDays.get(rep.email);
      if (shared === undefined) {
        shared = sharedWorkingDays(managerDays, workingDays(rep.availability.workWeek, horizon));
        sharedDays.set(rep.email, shared);
      }
      const placed = findBlock(
        plan,
        { email: rep.email, busy: rep.availability.busy, calendar: rep.calendar },
        manager.availability.busy,
        shared,
        cadence,
        dueDate,
      );
      if ("why" in placed) {
        const why =
          afterSuggestion === undefined
            ? placed.why
            : `For the field day due by ${dateIn(dueDate.dueBy, zone)}: ${placed.why}`;
        unplaceable.push({ rep: rep.email, why });
        continue;
      }
      commitBlock(plan, placed);
      placements.push({ occurrence, placed });
      const following = nextDueDate(dueDate, placed.block.start, now, zone);
      if (following.dueBy < horizon.end)
        next.push({ ...occurrence, dueDate: following, afterSuggestion: placed.block.start });
    }
    round = next;
  }
  const suggestions = placements.map(({ occurrence, placed }): FieldDaySuggestion => {
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
  });
  suggestions.sort((a, b) => b.score - a.score || a.start - b.start || a.rep.localeCompare(b.rep));
  return { horizon, zone, suggestions, due, unplaceable };
}

/** One due date of one rep waiting to be placed. */
interface Occurrence {
  readonly rep: RepToPlace;
  readonly cadence: RepCadence;
  readonly dueDate: DueDate;
  readonly afterSuggestion: Instant | undefined;
}

interface Placement {
  readonly occurrence: Occurrence;
  readonly placed: PlacedBlock;
}
