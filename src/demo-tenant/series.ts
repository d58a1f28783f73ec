/**
 * Recurring meetings, stored as their occurrences (calendarView expands series): one time of day in
 * the organizer's zone, some occurrences moved to another day that week (Graph type "exception"),
 * some cancelled, attendees away that day declining.
 */

import { addDays, type Instant, instantAt, MS_PER_DAY, MS_PER_MINUTE } from "../domain/instant.ts";
import type { SimMeeting } from "../graph-sim/tenant-data.ts";
import { type AttendeeDraft, isPerson, type Planner } from "./planner.ts";
import type { DemoPerson } from "./roster.ts";

export interface SeriesPlan {
  readonly organizer: DemoPerson;
  readonly attendees: readonly AttendeeDraft[];
  readonly subject: string;
  readonly body: string;
  readonly location?: string;
  /** 0 Monday … 4 Friday, in the organizer's week. */
  readonly weekday: number;
  readonly minutes: number;
  readonly everyWeeks: number;
  /** Weeks relative to the anchor's (0 is the anchor's week), both inclusive. */
  readonly firstWeek: number;
  readonly lastWeek: number;
  /** Local minutes after midnight the series may start from (organizer's zone). */
  readonly earliest?: number;
  readonly moved: number;
  readonly cancelled: number;
  /** Chance that an attendee declines an occurrence for no visible reason. */
  readonly declineRate: number;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function bookSeries(planner: Planner, plan: SeriesPlan): SimMeeting[] {
  const { rng, anchor } = planner;
  const dates: string[] = [];
  for (let week = plan.firstWeek; week <= plan.lastWeek; week += plan.everyWeeks) {
    const date = addDays(anchor, week * 7 + plan.weekday);
    if (planner.workDay(plan.organizer, date) !== undefined) dates.push(date);
  }
  const people = (date: string) => [
    plan.organizer,
    ...plan.attendees.flatMap((a) => (isPerson(a.who) && a.who.hireDate <= date ? [a.who] : [])),
  ];
  const timeOfDay = chooseTime(planner, plan, dates, people);
  if (timeOfDay === undefined) return [];
  const order = rng.shuffled(dates.map((_, i) => i));
  const moved = new Set(order.slice(0, plan.moved));
  const cancelled = new Set(order.slice(plan.moved, plan.moved + plan.cancelled));
  const seriesKey = rng.guid();
  const uids = planner.seriesUids();
  const firstStart = instantAt(dates[0]!, hhmm(timeOfDay), plan.organizer.zone);
  const created = Math.min(firstStart - 10 * MS_PER_DAY, planner.anchorInstant - MS_PER_DAY);
  const length = plan.minutes * MS_PER_MINUTE;

  return dates.map((date, index) => {
    let start = instantAt(date, hhmm(timeOfDay), plan.organizer.zone);
    const attendees = plan.attendees.flatMap((a): AttendeeDraft[] => {
      if (!isPerson(a.who)) return [a];
      if (a.who.hireDate > date) return [];
      const away = planner.isDayOff(a.who, date) || rng.chance(plan.declineRate);
      return [{ ...a, response: away ? "declined" : "accepted" }];
    });
    const changedAt = Math.min(start - rng.int(1, 4) * MS_PER_DAY, planner.anchorInstant - MS_PER_DAY);
    const isCancelled = cancelled.has(index) || planner.isDayOff(plan.organizer, date);
    let isException = false;
    if (moved.has(index) && !isCancelled) {
      const elsewhere = movedStart(planner, plan, date, people(date));
      if (elsewhere !== undefined) {
        start = elsewhere;
        isException = true;
      }
    }
    return planner.book({
      subject: plan.subject,
      body: plan.body,
      start,
      end: start + length,
      organizer: plan.organizer,
      attendees,
      ...(plan.location === undefined ? {} : { location: plan.location }),
      seriesKey,
      isException,
      isCancelled,
      iCalUId: uids(date),
      created,
      ...(isException || isCancelled ? { modified: changedAt } : {}),
    });
  });
}

/** A time of day every participant can make in the first weeks; else one the organizer can make. */
function chooseTime(
  planner: Planner,
  plan: SeriesPlan,
  dates: readonly string[],
  people: (date: string) => DemoPerson[],
): number | undefined {
  for (const everyone of [true, false]) {
    for (const date of dates.slice(0, 4)) {
      const slot = planner.findSlot({
        date,
        organizer: plan.organizer,
        people: everyone ? people(date) : [plan.organizer],
        minutes: plan.minutes,
        ...(plan.earliest === undefined ? {} : { earliest: plan.earliest }),
      });
      if (slot !== undefined) return minutesIntoDay(planner, plan.organizer, date, slot);
    }
  }
  return undefined;
}

function minutesIntoDay(planner: Planner, person: DemoPerson, date: string, instant: Instant): number {
  const day = planner.workDay(person, date)!;
  return person.workStart + Math.round((instant - day.start) / MS_PER_MINUTE);
}

/** Another working day of the same week on which everyone is free. */
function movedStart(
  planner: Planner,
  plan: SeriesPlan,
  date: string,
  people: readonly DemoPerson[],
): Instant | undefined {
  const monday = addDays(date, -plan.weekday);
  for (const offset of planner.rng.shuffled([0, 1, 2, 3, 4].filter((d) => d !== plan.weekday))) {
    const slot = planner.findSlot({
      date: addDays(monday, offset),
      organizer: plan.organizer,
      people,
      minutes: plan.minutes,
    });
    if (slot !== undefined) return slot;
  }
  return undefined;
}
