/**
 * The sales organisation's own rhythm above the teams: a two-day sales kickoff, the VP's weekly
 * forecast call and one-on-ones with the managers, the managers' peer sync and monthly enablement
 * sessions for the reps. None of these is a manager's coaching of a rep.
 */

import { addDays } from "../domain/instant.ts";
import type { AttendeeDraft, Planner } from "./planner.ts";
import type { DemoPerson, Roster } from "./roster.ts";
import { bookSeries } from "./series.ts";
import { FIRST_WEEK, KICKOFF_WEEK, LAST_WEEK } from "./weeks.ts";

const ENABLEMENT_TOPICS = [
  "Discovery questions that uncover pain",
  "Handling price objections",
  "Building a mutual close plan",
  "Multi-threading into the buying committee",
  "Running a crisp demo",
];

const invite = (people: readonly DemoPerson[]): AttendeeDraft[] => people.map((who) => ({ who }));

export function bookOrgRhythm(planner: Planner, roster: Roster): void {
  const { rng, anchor } = planner;
  const { vp, teams } = roster;
  const managers = teams.map((t) => t.manager);
  const american = managers.filter((m) => m.office.domain === "contoso.com");
  const european = managers.filter((m) => m.office.domain !== "contoso.com");

  const kickoffFrom = addDays(anchor, KICKOFF_WEEK * 7 + 1);
  const attendees = roster.everyone.filter((p) => p !== vp && p.hireDate <= kickoffFrom);
  planner.bookAllDay({
    subject: "Sales kickoff",
    body: "Two days together: last year's wins, this year's plan, methodology workshops and awards.",
    from: kickoffFrom,
    to: addDays(kickoffFrom, 2),
    organizer: vp,
    attendees: attendees.map((who) => ({
      who,
      response: planner.isDayOff(who, kickoffFrom) ? "declined" : "accepted",
    })),
    showAs: "workingElsewhere",
    categories: ["Sales kickoff"],
    location: "Chicago",
  });

  bookSeries(planner, {
    organizer: vp,
    attendees: invite(american),
    subject: "Weekly forecast call",
    body: "Commit, best case and pipeline by team. Bring changes since last week.",
    weekday: 0,
    minutes: 60,
    everyWeeks: 1,
    firstWeek: FIRST_WEEK,
    lastWeek: LAST_WEEK,
    moved: 2,
    cancelled: 1,
    declineRate: 0.03,
  });
  for (const manager of managers) {
    const emea = european.includes(manager);
    bookSeries(planner, {
      organizer: vp,
      attendees: invite([manager]),
      subject: emea
        ? `EMEA forecast and 1:1: ${vp.firstName} / ${manager.firstName}`
        : `${vp.firstName} / ${manager.firstName} 1:1`,
      body: "Team health, field-visit reports to review, deals that need help.",
      weekday: rng.int(1, 4),
      minutes: 45,
      everyWeeks: emea ? 1 : 2,
      firstWeek: FIRST_WEEK + rng.int(0, 1),
      lastWeek: LAST_WEEK,
      moved: 1,
      cancelled: 1,
      declineRate: 0,
    });
  }
  bookSeries(planner, {
    organizer: american[0]!,
    attendees: invite(american.slice(1)),
    subject: "Sales managers sync",
    body: "Shared accounts, hiring, and what is working in coaching.",
    weekday: 3,
    minutes: 45,
    everyWeeks: 2,
    firstWeek: FIRST_WEEK,
    lastWeek: LAST_WEEK,
    moved: 1,
    cancelled: 1,
    declineRate: 0.1,
  });
  // One session per region, so that both sit inside the reps' working hours.
  for (const managersThere of [american, european]) {
    const reps = teams.filter((t) => managersThere.includes(t.manager)).flatMap((t) => t.reps);
    bookSeries(planner, {
      organizer: vp,
      attendees: invite(reps),
      subject: `Sales enablement: ${rng.pick(ENABLEMENT_TOPICS)}`,
      body: "Monthly session on one behaviour from our sales methodology, with role plays.",
      weekday: 2,
      minutes: 60,
      everyWeeks: 4,
      firstWeek: FIRST_WEEK + 1,
      lastWeek: LAST_WEEK,
      moved: 0,
      cancelled: 0,
      declineRate: 0.12,
    });
  }
}
