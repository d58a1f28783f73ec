/** A stored field-day suggestion as the API shows it, and whether each rep's own calendar was read. */

import type { RepCalendar, Suggestion } from "../../api/suggestions.ts";
import type { SuggestionRecord } from "../../store/repositories/suggestions.ts";
import type { Hierarchy } from "../hierarchy.ts";
import type { RepCalendarRead } from "../read-rep-calendars.ts";
import { summaryOf } from "./present-note.ts";

export function presentSuggestion(record: SuggestionRecord, hierarchy: Hierarchy): Suggestion {
  return {
    id: record.suggestionId,
    rep: summaryOf(hierarchy, record.repEmail),
    day: record.day,
    start: new Date(record.start).toISOString(),
    end: new Date(record.end).toISOString(),
    score: record.score,
    reasons: [...record.reasons],
    status: record.status,
  };
}

/** `read` is undefined for a rep whose calendar was not asked for: one missing from the directory. */
export function presentRepCalendar(
  read: RepCalendarRead | undefined,
  email: string,
  hierarchy: Hierarchy,
): RepCalendar {
  const rep = summaryOf(hierarchy, email);
  if (read === undefined) {
    return { rep, read: false, why: "they are not in the directory as FieldCoach reads it" };
  }
  return read.ok ? { rep, read: true, via: read.via } : { rep, read: false, why: read.why };
}
