/**
 * When a tenant keeps coaching records `months` months after their meeting, the records of meetings
 * that ended before the cutoff go: the same date and time of day `months` calendar months before `now`,
 * in UTC, or the last day of that month when it is shorter (31 March less one month is 28 February).
 */

import { DateTime } from "luxon";
import type { Instant } from "./instant.ts";

export function retentionCutoff(now: Instant, months: number): Instant {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`retention of ${months} months`);
  return DateTime.fromMillis(now, { zone: "utc" }).minus({ months }).toMillis();
}
