/**
 * Field days: the manager books a half or full day with one rep (category "Field day") and rides
 * along on the rep's ordinary customer calls that day. How often, and what becomes of them, is the
 * team's story: a steady cadence, bookings that erode, rare ones, or none for the new hires.
 */

import { addDays, type Instant, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../domain/instant.ts";
import type { Territories } from "./accounts.ts";
import { bookCall } from "./customer-calls.ts";
import type { Planner } from "./planner.ts";
import type { DemoPerson, DemoTeam } from "./roster.ts";
import { FIRST_WEEK } from "./weeks.ts";

export const FIELD_DAY_CATEGORY = "Field day";

type Outcome = "kept" | "cancelled" | "shortened" | "moved";

const FOCUS = [
  "discovery questions",
  "handling price objections",
  "agreeing next steps at the end of every call",
  "listening more than talking",
  "qualifying the decision process",
];

const MAX_PER_WEEK = 3;
const SIX_MONTHS_DAYS = 182;

export function bookFieldDays(planner: Planner, team: DemoTeam, territories: Territories): void {
  const { rng } = planner;
  const perWeek = new Map<number, number>();
  const book = (rep: DemoPerson, week: number, outcome: Outcome): boolean => {
    if ((perWeek.get(week) ?? 0) >= MAX_PER_WEEK) return false;
    const done = bookFieldDay(planner, team.manager, rep, week, outcome, territories);
    if (done) perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    return done;
  };
  switch (team.pattern) {
    case "field-day-cadence":
      for (const rep of team.reps) {
        cadence(planner, rep, rng.int(3, 4), 1, (week) =>
          book(rep, week, rng.chance(0.06) ? "cancelled" : "kept"),
        );
      }
      return;
    case "eroding-field-days":
      for (const rep of team.reps) {
        cadence(planner, rep, 3, 0, (week) => {
          if (week >= 0) return book(rep, week, "kept");
          const roll = rng.next();
          return book(
            rep,
            week,
            roll < 0.35 ? "cancelled" : roll < 0.55 ? "shortened" : roll < 0.65 ? "moved" : "kept",
          );
        });
      }
      return;
    case "big-deal-heavy":
      for (const [index, rep] of team.reps.entries()) {
        if (!rng.chance(0.4)) continue;
        book(rep, rng.int(FIRST_WEEK, -1), index === 0 ? "cancelled" : "kept");
      }
      return;
    case "overdue-new-hires":
      for (const rep of team.reps) {
        if (isNewHire(rep, planner.anchor) || !rng.chance(0.5)) continue;
        book(rep, rng.int(FIRST_WEEK, FIRST_WEEK + 3), "kept");
      }
      return;
  }
}

function isNewHire(rep: DemoPerson, date: string): boolean {
  return rep.hireDate > addDays(date, -SIX_MONTHS_DAYS);
}

/**
 * Calls `tryWeek` every `every` weeks (every two for reps in their first six months) from a random
 * phase up to `aheadWeeks` after the anchor's week; a week that cannot take one is retried the next.
 */
function cadence(
  planner: Planner,
  rep: DemoPerson,
  every: number,
  aheadWeeks: number,
  tryWeek: (week: number) => boolean,
): void {
  let week = FIRST_WEEK + planner.rng.int(0, every - 1);
  while (week <= aheadWeeks) {
    const monday = addDays(planner.anchor, week * 7);
    const gap = isNewHire(rep, monday) ? 2 : every;
    if (monday >= addDays(rep.hireDate, -4) && tryWeek(week)) week += gap;
    else week += 1;
  }
}

function bookFieldDay(
  planner: Planner,
  manager: DemoPerson,
  rep: DemoPerson,
  week: number,
  outcome: Outcome,
  territories: Territories,
): boolean {
  const { rng, anchor } = planner;
  const days = [...rng.shuffled([1, 2, 3]), ...rng.shuffled([0, 4])];
  for (const offset of days) {
    const date = addDays(anchor, week * 7 + offset);
    const block = blockOn(planner, manager, rep, date);
    if (block === undefined) continue;
    const ordinary = (territories.byRep.get(rep.user.id) ?? []).filter((c) => !c.bigDeal);
    // The rep's own customer calls that day are what the manager comes to watch.
    let at = block.start + 30 * MS_PER_MINUTE;
    for (let n = rng.int(1, 3); n > 0 && ordinary.length > 0 && at + 3_600_000 <= block.end; n--) {
      bookCall(planner, {
        rep,
        customer: rng.pick(ordinary),
        start: at,
        minutes: 60,
        byCustomer: false,
        colleagues: [],
      });
      at += rng.int(3, 4) * 30 * MS_PER_MINUTE;
    }
    const booked = Math.min(block.start - rng.int(7, 21) * MS_PER_DAY, planner.anchorInstant - MS_PER_DAY);
    const changed = Math.min(block.start - rng.int(1, 3) * MS_PER_DAY, planner.anchorInstant - MS_PER_HOUR);
    const focus = rng.pick(FOCUS);
    const draft = {
      subject: `Field day: ${manager.firstName} with ${rep.firstName}`,
      body: `Riding along on ${rep.firstName}'s customer calls. Focus: ${focus}. Debrief after the last call.`,
      organizer: manager,
      attendees: [{ who: rep }],
      categories: [FIELD_DAY_CATEGORY],
      location: `${rep.office.city} territory`,
      created: booked,
      ...(outcome === "kept" ? {} : { modified: changed }),
      isCancelled: outcome === "cancelled",
    };
    if (block.allDay && outcome !== "shortened") {
      planner.bookAllDay({ ...draft, from: date, to: addDays(date, 1) });
    } else {
      const end = outcome === "shortened" ? block.start + 2 * MS_PER_HOUR : block.end;
      planner.book({ ...draft, start: block.start, end });
    }
    return true;
  }
  return false;
}

interface Block {
  readonly start: Instant;
  readonly end: Instant;
  readonly allDay: boolean;
}

/** A full day (the part of the day both work, up to 8 hours) or a half day of 4 hours, both free. */
function blockOn(planner: Planner, manager: DemoPerson, rep: DemoPerson, date: string): Block | undefined {
  const { rng } = planner;
  const m = planner.workDay(manager, date);
  const r = planner.workDay(rep, date);
  if (m === undefined || r === undefined || planner.isDayOff(manager, date) || planner.isDayOff(rep, date)) {
    return undefined;
  }
  const start = Math.max(m.start, r.start);
  const end = Math.min(m.end, r.end, start + 8 * MS_PER_HOUR);
  const free = (s: Instant, e: Instant) => planner.isFree(manager, s, e) && planner.isFree(rep, s, e);
  const half = 4 * MS_PER_HOUR;
  const options: Block[] = [];
  if (end - start >= 6 * MS_PER_HOUR && free(start, end)) {
    options.push({ start, end, allDay: false }, { start, end, allDay: rng.chance(0.3) });
  }
  if (end - start >= half && free(start, start + half))
    options.push({ start, end: start + half, allDay: false });
  if (end - start >= half && free(end - half, end)) options.push({ start: end - half, end, allDay: false });
  return options.length === 0 ? undefined : rng.pick(options);
}
