/**
 * What the Team page says about how fresh its figures are: a quiet line after a good read, a warning
 * when the latest read of the manager's calendar failed (the figures then are the last good read's) or
 * when it was never read (the figures then count none of its meetings). Pure: `now` and the viewer's
 * zone come in.
 */

import type { CalendarFreshness } from "../../../api/dashboard.ts";
import { formatWhen, type Zoned } from "../../../ui/format/date-format.ts";

export type FreshnessNotice =
  | { readonly kind: "caption"; readonly text: string }
  | { readonly kind: "warning"; readonly title: string; readonly text: string };

export function freshnessNotice(input: {
  readonly calendar: CalendarFreshness;
  /** Whose calendar, as the sentence names it: "your", "Tomás Ruiz's". */
  readonly whose: string;
  readonly now: number;
  readonly at: Zoned;
}): FreshnessNotice {
  const { calendar, whose, now, at } = input;
  const when = (instant: string) => formatWhen(instant, now, at);
  const failed = calendar.latestReadFailed;
  if (calendar.lastReadAt === null) {
    const failure =
      failed === null
        ? ""
        : `The latest read of ${whose} calendar failed ${when(failed.at)}. ${failed.reason} `;
    return {
      kind: "warning",
      title: "Calendar not read yet",
      text: `${failure}FieldCoach has not read ${whose} calendar in full yet, so these figures count none of its meetings.`,
    };
  }
  if (failed === null) return { kind: "caption", text: `Calendar read ${when(calendar.lastReadAt)}.` };
  return {
    kind: "warning",
    title: "These figures may be out of date",
    text: `The latest read of ${whose} calendar failed ${when(failed.at)}. ${failed.reason} These figures are from the last good read, ${when(calendar.lastReadAt)}. FieldCoach tries again in the background and when this page next loads.`,
  };
}
