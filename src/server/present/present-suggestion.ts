/** A stored field-day suggestion as the API shows it. */

import type { Suggestion } from "../../api/suggestions.ts";
import type { SuggestionRecord } from "../../store/repositories/suggestions.ts";
import type { Hierarchy } from "../hierarchy.ts";
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
