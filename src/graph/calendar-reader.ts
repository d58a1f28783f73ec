/**
 * The calendar port: one-off reads through `calendarView` (one calendar, or other people's many at once
 * through `$batch`), incremental sync through `calendarView/delta`.
 */

import type { CalendarReader } from "../domain/graph-ports.ts";
import { readCalendarView } from "./calendar-view.ts";
import { readCalendarViews } from "./calendar-views.ts";
import type { GraphClient } from "./client.ts";
import { syncCalendars } from "./delta-sync.ts";

export function createCalendarReader(client: GraphClient): CalendarReader {
  return {
    calendarView: (mailboxId, window) => readCalendarView(client, mailboxId, window),
    calendarViews: (requests) => readCalendarViews(client, requests),
    sync: (requests) => syncCalendars(client, requests),
  };
}
