import type { Zone } from "luxon";
import { type CadencePolicy, cadenceFor, type RepCadence } from "./cadence-policy.ts";
import { type BusyItem, blockedTime } from "./free-busy.ts";
import { type Instant, MS_PER_HOUR, MS_PER_MINUTE } from "./instant.ts";
import { type Interval, mergeIntervals, pad } from "./interval.ts";
import { WEEKDAYS } from "./org.ts";
import { type BlockShape, firstBlockOn, type SharedDay, sharedWorkingDays } from "./suggest-blocks.ts";
import type { CustomerCallCount } from "./suggest-customer-calls.ts";
import { type DueDate, daysOverdue, dueDateOf, type FieldDayOnRecord, nextDueDate } from "./suggest-due.ts";
import { suggestionReasons, unplaceableReason } from "./suggest-reasons.ts";
import { type WorkWeek, workingDays } from "./working-hours.ts";
import { dateIn, isoWeekIn, plusWeeks, weekdayOfDate } from "./zoned-time.ts";

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
  /** Customer calls per date of the rep's own calendar; undefined when their calendar was not read. */
  readonly customerCalls?: ReadonlyMap<string, CustomerCallCount> | undefined;
}

export interface SuggestFieldDaysInput {
  readonly now: Instant;
  readonly policy: CadencePolicy;
  /** `zone` is the manager's calendar zone: weeks, weekdays and due dates are read on it. */
  readonly manager: { readonly email: string; readonly zone: Zone; readonly availability: Availability };
  readonly reps: readonly RepToPlace[];
  /** Field days on the manager's calendar with any rep, held or booked; each counts toward its week. */
  readonly fieldDays: readonly FieldDayOnRecord[];
  /** Suggestions the manager dismissed: a rep and a date on the manager's calendar. */
  readonly dismissed?: readonly { readonly rep: string; readonly date: string }[];
}

export interface FieldDaySuggestion {
  readonly rep: string;
  readonly start: Instant;
  readonly end: Instant;
  /** 1000 per ordinary customer call that day, plus 500 + days overdue (kept within ±499). */
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface SuggestFieldDaysResult {
  readonly horizon: Interval;
  /** Best first: most ordinary customer calls that day, then most overdue, then earliest. */
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
 * earliest) among blocks that meet every hard constraint given the blocks placed before it.
 */
export function suggestFieldDays(input: SuggestFieldDaysInput): SuggestFieldDaysResult {
  const { now, policy, manager } = input;
  const horizon = { start: now, end: plusWeeks(now, policy.horizonWeeks, manager.zone) };
  const managerDays = manager.availability.placeable
    ? workingDays(manager.availability.workWeek, horizon)
    : [];
  const perWeek = new Map<string, number>();
  for (const day of input.fieldDays) {
    const week = isoWeekIn(day.start, manager.zone);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const dismissed = new Set((input.dismissed ?? []).map((d) => `${d.rep.toLowerCase()} ${d.date}`));
  const chosen: { block: Interval; bufferMs: number }[] = [];
  const suggestions: FieldDaySuggestion[] = [];
  const due: SuggestFieldDaysResult["due"][number][] = [];
  const unplaceable: SuggestFieldDaysResult["unplaceable"][number][] = [];

  let round: Occurrence[] = input.reps.flatMap((rep) => {
    const cadence = cadenceFor(policy, rep.email);
    const dueDate = dueDateOf({
      ...rep,
      rep: rep.email,
      cadence,
      fieldDays: input.fieldDays,
      now,
      zone: manager.zone,
    });
    if (dueDate.dueBy >= horizon.end) return [];
    due.push({ rep: rep.email, lastFieldDay: dueDate.lastFieldDay, dueBy: dueDate.dueBy });
    return [{ rep, cadence, dueDate, afterSuggestion: undefined }];
  });
  const sharedDays = new Map<string, SharedDay[]>();
  while (round.length > 0) {
    round.sort((a, b) => a.dueDate.dueBy - b.dueDate.dueBy || a.rep.email.localeCompare(b.rep.email));
    const next: Occurrence[] = [];
    for (const occurrence of round) {
      const { rep, cadence, dueDate } = occurrence;
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
      const bufferMs = cadence.travelBufferMinutes * MS_PER_MINUTE;
      const shape = shapeOf(cadence);
      const busy = blockedTime(
        [...manager.availability.busy, ...rep.availability.busy],
        cadence.tentativeIsBusy,
      ).map((i) => pad(i, bufferMs, bufferMs));
      const taken = chosen.map((c) => {
        const gap = Math.max(bufferMs, c.bufferMs);
        return pad(c.block, gap, gap);
      });
      const blocked = mergeIntervals([...busy, ...taken]);
      let best: { block: Interval; day: SharedDay; calls: number; preferred: boolean } | undefined;
      for (const day of shared) {
        if (dismissed.has(`${rep.email} ${day.managerDate}`)) continue;
        const block = firstBlockOn(day, shape, blocked, dueDate.opensAt, horizon.end);
        if (block === undefined) continue;
        if ((perWeek.get(isoWeekIn(block.start, manager.zone)) ?? 0) >= policy.maxFieldDaysPerWeek) continue;
        const calls = rep.customerCalls?.get(day.repDate)?.ordinary ?? 0;
        const preferred = cadence.preferredWeekdays.includes(WEEKDAYS[weekdayOfDate(day.managerDate) - 1]!);
        if (
          best === undefined ||
          calls > best.calls ||
          (calls === best.calls && preferred && !best.preferred)
        ) {
          best = { block, day, calls, preferred };
        }
      }
      if (best === undefined) {
        const why = unplaceableReason(shared, dueDate, horizon, cadence, {
          rep: rep.email,
          shape,
          blocked: mergeIntervals(busy),
          dismissed,
          perWeek,
          maxFieldDaysPerWeek: policy.maxFieldDaysPerWeek,
          zone: manager.zone,
        });
        unplaceable.push({
          rep: rep.email,
          why:
            occurrence.afterSuggestion === undefined
              ? why
              : `For the field day due by ${dateIn(dueDate.dueBy, manager.zone)}: ${why}`,
        });
        continue;
      }
      const week = isoWeekIn(best.block.start, manager.zone);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      chosen.push({ block: best.block, bufferMs });
      const overdue = daysOverdue(dueDate, now);
      suggestions.push({
        rep: rep.email,
        start: best.block.start,
        end: best.block.end,
        score: best.calls * 1000 + 500 + Math.max(-499, Math.min(499, overdue)),
        reasons: suggestionReasons({
          rep,
          hireDate: rep.hireDate,
          cadence,
          dueDate,
          afterSuggestion: occurrence.afterSuggestion,
          day: best.day,
          block: best.block,
          now,
          zone: manager.zone,
        }),
      });
      const following = nextDueDate(dueDate, best.block.start, now, manager.zone);
      if (following.dueBy < horizon.end)
        next.push({ ...occurrence, dueDate: following, afterSuggestion: best.block.start });
    }
    round = next;
  }
  suggestions.sort((a, b) => b.score - a.score || a.start - b.start || a.rep.localeCompare(b.rep));
  return { horizon, suggestions, due, unplaceable };
}

/** One due date of one rep waiting to be placed. */
interface Occurrence {
  readonly rep: RepToPlace;
  readonly cadence: RepCadence;
  readonly dueDate: DueDate;
  readonly afterSuggestion: Instant | undefined;
}

function shapeOf(cadence: RepCadence): BlockShape {
  return cadence.blockLength === "half-day"
    ? { kind: "half-day", length: cadence.halfDayHours * MS_PER_HOUR }
    : { kind: "full-day", minLength: cadence.fullDayMinHours * MS_PER_HOUR };
}
