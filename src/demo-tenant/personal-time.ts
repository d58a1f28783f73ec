/**
 * Time that belongs to one person: vacations (all-day, out of office, some private), focus time that
 * leaves them bookable (showAs free), and private appointments whose subject free/busy never shows.
 */

import { addDays, MS_PER_MINUTE } from "../domain/instant.ts";
import type { Planner } from "./planner.ts";
import type { DemoPerson } from "./roster.ts";
import { FIRST_WEEK, LAST_WEEK, weekDensity } from "./weeks.ts";

const VACATION_SUBJECTS = ["Vacation", "Out of office", "Annual leave", "Family trip"] as const;
const PRIVATE_SUBJECTS = [
  "Dentist",
  "School pickup",
  "Physiotherapy",
  "Parent-teacher meeting",
  "Bank appointment",
];

/** Books one or two vacations per person and marks those days off, avoiding `busyWeeks`. */
export function bookVacations(
  planner: Planner,
  people: readonly DemoPerson[],
  busyWeeks: readonly number[],
): void {
  const { rng, anchor } = planner;
  for (const person of people) {
    const count = rng.int(1, 2);
    for (let n = 0; n < count; n++) {
      const week = rng.int(FIRST_WEEK, LAST_WEEK);
      if (busyWeeks.includes(week)) continue;
      const firstDay = rng.int(0, 4);
      const days = rng.int(1, 5 - firstDay);
      const from = addDays(anchor, week * 7 + firstDay);
      const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
      if (from < person.hireDate || dates.some((d) => planner.isDayOff(person, d))) continue;
      for (const date of dates) planner.markDayOff(person, date);
      planner.bookAllDay({
        subject: rng.pick(VACATION_SUBJECTS),
        body: "Away, no access to email. For anything urgent, please contact my manager.",
        from,
        to: addDays(from, days),
        organizer: person,
        attendees: [],
        showAs: "oof",
        sensitivity: rng.chance(0.25) ? "private" : "normal",
      });
    }
  }
}

/** Fills each week with focus time and the odd private appointment where the person is still free. */
export function bookFocusAndPrivateTime(planner: Planner, people: readonly DemoPerson[]): void {
  const { rng, anchor } = planner;
  for (let week = FIRST_WEEK; week <= LAST_WEEK; week++) {
    const density = weekDensity(week);
    for (const person of people) {
      const focus = Math.round(rng.int(2, 3) * density);
      for (let i = 0; i < focus; i++) {
        const date = addDays(anchor, week * 7 + rng.int(0, 4));
        const minutes = rng.pick([60, 90, 120]);
        const start = planner.findSlot({ date, organizer: person, people: [person], minutes });
        if (start === undefined) continue;
        planner.book({
          subject: "Focus time",
          body: "Protected time for proposals, follow-ups and CRM updates.",
          start,
          end: start + minutes * MS_PER_MINUTE,
          organizer: person,
          attendees: [],
          showAs: "free",
        });
      }
      if (!rng.chance(0.45 * density)) continue;
      const date = addDays(anchor, week * 7 + rng.int(0, 4));
      const minutes = rng.pick([30, 60, 90]);
      const start = planner.findSlot({ date, organizer: person, people: [person], minutes });
      if (start === undefined) continue;
      planner.book({
        subject: rng.pick(PRIVATE_SUBJECTS),
        body: "Personal appointment.",
        start,
        end: start + minutes * MS_PER_MINUTE,
        organizer: person,
        attendees: [],
        sensitivity: "private",
      });
    }
  }
}
