import type { CalendarEvent } from "./calendar-event.ts";
import { MS_PER_HOUR } from "./instant.ts";

const FIELD_DAY_MIN_MS = 3 * MS_PER_HOUR;

/** What makes a meeting the manager holds with one rep a field day (SPEC §3). */
export type FieldDaySignal = "all-day" | "length" | "category";

/** Why the event would be a field day, or undefined when nothing about it says so. */
export function fieldDaySignal(event: CalendarEvent): FieldDaySignal | undefined {
  if (event.isAllDay) return "all-day";
  if (event.end - event.start >= FIELD_DAY_MIN_MS) return "length";
  if (event.categories.some((category) => category.trim().toLowerCase() === "field day")) return "category";
  return undefined;
}
