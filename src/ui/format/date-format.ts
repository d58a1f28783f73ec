/**
 * Every date and time on the pages goes through here: the person's locale (from the host) and a time
 * zone chosen by the caller — the viewer's own, or the other person's where both are shown.
 */
export interface Zoned {
  readonly locale: string;
  readonly timeZone: string;
}

/** "Tue, Mar 3, 9:00 AM" */
export function formatDateTime(instant: string | number, at: Zoned): string {
  return new Intl.DateTimeFormat(at.locale, {
    timeZone: at.timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(toDate(instant));
}

/** "Tue, Mar 3": the day an instant falls on in that zone. */
export function formatDay(instant: string | number, at: Zoned): string {
  return new Intl.DateTimeFormat(at.locale, {
    timeZone: at.timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(toDate(instant));
}

/** "Tue, Mar 3, 9:00 AM – 1:00 PM", or both dates when the range crosses midnight in that zone. */
export function formatRange(start: string | number, end: string | number, at: Zoned): string {
  return new Intl.DateTimeFormat(at.locale, {
    timeZone: at.timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).formatRange(toDate(start), toDate(end));
}

/** "9:00 AM – 1:00 PM" in that zone: for the second person's view of a block already dated. */
export function formatTimeRange(start: string | number, end: string | number, at: Zoned): string {
  return new Intl.DateTimeFormat(at.locale, {
    timeZone: at.timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).formatRange(toDate(start), toDate(end));
}

/** "9:14 AM" in that zone. */
export function formatTime(instant: string | number, at: Zoned): string {
  return new Intl.DateTimeFormat(at.locale, {
    timeZone: at.timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(toDate(instant));
}

/**
 * When something happened, as a sentence goes on from it: "at 9:14 AM today", "at 6:40 PM yesterday",
 * "on Mon, Mar 2 at 9:14 AM" — today and yesterday as they are in that zone at `now`.
 */
export function formatWhen(instant: string | number, now: string | number, at: Zoned): string {
  const day = zoneDay(instant, at.timeZone);
  const today = zoneDay(now, at.timeZone);
  const time = formatTime(instant, at);
  if (day === today) return `at ${time} today`;
  if (day === today - 1) return `at ${time} yesterday`;
  return `on ${formatDay(instant, at)} at ${time}`;
}

/** The calendar day an instant falls on in `timeZone`, counted in days since 1970-01-01. */
function zoneDay(instant: string | number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(toDate(instant));
  const part = (type: "year" | "month" | "day") =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / 86_400_000;
}

/**
 * A calendar date ("2026-03-03", a due date or a metric's as-of day) is the same day everywhere, so it
 * is formatted in UTC, where its midnight is exact.
 */
export function formatCalendarDate(date: string, locale: string, style: "short" | "long" = "short"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`${date} is not a calendar date (YYYY-MM-DD)`);
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    ...(style === "long" ? { dateStyle: "full" } : { month: "short", day: "numeric", year: "numeric" }),
  }).format(utc);
}

/** The zone as people read it at that instant ("Pacific Standard Time", "GMT+01:00" where no name exists). */
export function formatZoneName(timeZone: string, locale: string, at: string | number): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" })
    .formatToParts(toDate(at))
    .find((candidate) => candidate.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The zone of this browser, which a host may not name. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function toDate(instant: string | number): Date {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${instant} is not an instant`);
  return date;
}
