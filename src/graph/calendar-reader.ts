/** The calendar port: one-off reads through `calendarView`, incremental sync through `calendarView/delta`. */

import type { CalendarReader } from "../domain/graph-ports.ts";
import { readCalendarView } from "./calendar-view.ts";
import type { GraphClient } from "./client.ts";
import { syncCalendars } from "./delta-sync.ts";

export function createCalendarReader(client: GraphClient): CalendarReader {
  return {
    calendarView: (mailboxId, window) => readCalendarView(client, mailboxId, window),
    sync: (requests) => syncCalendars(client, requests),
  };
}
