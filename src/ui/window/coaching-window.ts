/** How far back the dashboards look: the choices offered, in weeks. */
export const WINDOW_CHOICES = [4, 8, 13, 26] as const;
export type WindowWeeks = (typeof WINDOW_CHOICES)[number];

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/**
 * The last `weeks` weeks up to now, ending on the next whole hour so that a page reopened within the
 * hour asks for the same window (and the same cached answer).
 */
export function coachingWindow(weeks: number, now: number): { readonly from: string; readonly to: string } {
  const to = Math.ceil(now / HOUR_MS) * HOUR_MS;
  return { from: new Date(to - weeks * WEEK_MS).toISOString(), to: new Date(to).toISOString() };
}

export function isWindowWeeks(value: number): value is WindowWeeks {
  return (WINDOW_CHOICES as readonly number[]).includes(value);
}
