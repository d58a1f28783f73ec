import type { CalendarEvent } from "./calendar-event.ts";
import type { ClassificationContext } from "./classify-context.ts";
import { addDays, MS_PER_HOUR } from "./instant.ts";
import { clip, hoursOf } from "./interval.ts";
import type { Person } from "./org.ts";

const ALL_DAY = "all day: ";
const CLIPPED = " fall in the window";

/** An event's hours inside the window, and a sentence when they are not simply its length. */
export interface EventHours {
  readonly hours: number;
  readonly reason: string | undefined;
}

/**
 * Timed events count their length inside the window. An all-day event counts, for each date it covers
 * that is a working day of `person` (the rep it is with, else the manager), that person's working hours
 * on that date in their own zone, clipped to the window: a field day is a day of the rep's work, not
 * 24 hours.
 */
export function eventHours(event: CalendarEvent, person: Person, context: ClassificationContext): EventHours {
  const { window } = context;
  if (event.isAllDay && event.allDayDates !== undefined) return allDayHours(event, person, context);
  const inside = clip(event, window);
  const hours = inside === undefined ? 0 : hoursOf(inside);
  const length = (event.end - event.start) / MS_PER_HOUR;
  return {
    hours,
    reason: hours < length ? `${formatHours(hours)} of its ${formatHours(length)}${CLIPPED}` : undefined,
  };
}

function allDayHours(event: CalendarEvent, person: Person, context: ClassificationContext): EventHours {
  const dates = event.allDayDates!;
  let hours = 0;
  let fullHours = 0;
  let days = 0;
  for (let date = dates.start; date < dates.end; date = addDays(date, 1)) {
    const day = context.workingHoursOn(person, date);
    if (day === undefined) continue;
    days++;
    fullHours += hoursOf(day);
    const inside = clip(day, context.window);
    if (inside !== undefined) hours += hoursOf(inside);
  }
  const counted = `${ALL_DAY}${days} ${days === 1 ? "working day" : "working days"} of ${person.name}`;
  return {
    hours,
    reason:
      hours < fullHours
        ? `${counted}, ${formatHours(hours)} of ${formatHours(fullHours)} in the window`
        : `${counted}, ${formatHours(hours)}`,
  };
}

/** True for a sentence eventHours writes. */
export function isHoursReason(reason: string): boolean {
  return reason.startsWith(ALL_DAY) || reason.endsWith(CLIPPED);
}

/** "1.5 hours", "1 hour": hours as a reason sentence writes them. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} ${rounded === 1 ? "hour" : "hours"}`;
}
