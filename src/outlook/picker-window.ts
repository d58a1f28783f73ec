/**
 * Which meetings the standalone panel offers: from some weeks before now (one at first, two more on
 * each request) to two weeks ahead. The API answers at most 53 weeks at once, which bounds both windows.
 */

const WEEK_MS = 7 * 86_400_000;
const WEEKS_AHEAD = 2;
export const FIRST_WEEKS_BACK = 1;
export const MORE_WEEKS_BACK = 2;
export const MAX_WEEKS_BACK = 51;

export interface QueryWindow {
  readonly from: string;
  readonly to: string;
}

export function pickerWindow(now: number, weeksBack: number): QueryWindow {
  const back = Math.min(Math.max(weeksBack, 1), MAX_WEEKS_BACK);
  return {
    from: new Date(now - back * WEEK_MS).toISOString(),
    to: new Date(now + WEEKS_AHEAD * WEEK_MS).toISOString(),
  };
}

/** A linked meeting (#/meeting/<iCalUId>) is looked for in the widest window the API allows. */
export function linkedMeetingWindow(now: number): QueryWindow {
  return pickerWindow(now, MAX_WEEKS_BACK);
}
