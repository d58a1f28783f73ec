/**
 * The demo tenant's time frame, in weeks relative to the anchor's week (week 0 starts on the anchor
 * Monday): thirteen weeks of history and five weeks ahead, the anchor's own included.
 */

export const FIRST_WEEK = -13;
export const LAST_WEEK = 4;
export const PAST_WEEKS = -FIRST_WEEK;
export const FUTURE_WEEKS = LAST_WEEK + 1;

/** The week of the sales kickoff, when nobody books anything else. */
export const KICKOFF_WEEK = -6;

// Ad-hoc meetings thin out ahead: next week's calls are mostly booked, those a month out mostly not.
const AHEAD = [0.9, 0.75, 0.55, 0.4, 0.3] as const;

/** The share of a normal week's ad-hoc meetings already booked for that week. */
export function weekDensity(week: number): number {
  return week < 0 ? 1 : (AHEAD[week] ?? 0);
}

/** The year-end break (24 December to 1 January), when the whole company is off. */
export function isCompanyHoliday(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= "12-24" || monthDay <= "01-01";
}
