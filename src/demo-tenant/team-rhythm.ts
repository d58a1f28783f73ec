/**
 * Each team's standing meetings: the weekly team meeting in the manager's office room, and a weekly
 * one-on-one per rep from the week they joined, with moved and cancelled occurrences.
 */

import { addDays } from "../domain/instant.ts";
import type { Planner } from "./planner.ts";
import type { DemoTeam } from "./roster.ts";
import { bookSeries } from "./series.ts";
import { FIRST_WEEK, LAST_WEEK } from "./weeks.ts";

/** The anchor-relative week a date falls in. */
function weekOf(anchor: string, date: string): number {
  return Math.floor((Date.parse(date) - Date.parse(anchor)) / (7 * 86_400_000));
}

export function bookTeamRhythm(planner: Planner, team: DemoTeam): void {
  const { rng, anchor } = planner;
  const { manager, reps } = team;
  // The manager who never gets into the field also lets one-on-ones slip.
  const slipping = team.pattern === "overdue-new-hires";
  const room = manager.office.room;
  bookSeries(planner, {
    organizer: manager,
    attendees: [...reps.map((who) => ({ who })), { who: room, type: "resource" as const }],
    subject: `${manager.office.city} team meeting`,
    body: "Wins of the week, pipeline changes, one skill to practise together.",
    location: room.name,
    weekday: rng.int(0, 1),
    minutes: 60,
    everyWeeks: 1,
    firstWeek: FIRST_WEEK,
    lastWeek: LAST_WEEK,
    earliest: 9 * 60,
    moved: 1,
    cancelled: 1,
    declineRate: 0.05,
  });
  for (const rep of reps) {
    const firstWeek = Math.max(FIRST_WEEK, weekOf(anchor, addDays(rep.hireDate, 6)));
    bookSeries(planner, {
      organizer: manager,
      attendees: [{ who: rep }],
      subject: `${manager.firstName} / ${rep.firstName} 1:1`,
      body: "Your agenda first: priorities, blockers, development goals.",
      location: "Microsoft Teams Meeting",
      weekday: rng.int(0, 4),
      minutes: 30,
      everyWeeks: 1,
      firstWeek,
      lastWeek: LAST_WEEK,
      moved: rng.int(1, 2),
      cancelled: slipping ? rng.int(3, 5) : 1,
      declineRate: 0.03,
    });
  }
}
