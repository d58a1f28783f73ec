/**
 * Other people's calendars in a window through `calendarView`, many at once: each calendar's next page
 * (its first link, then `@odata.nextLink`) goes into `$batch` calls of 20, so a team of reps whose
 * calendars fit one page each costs one request. Each calendar succeeds or fails on its own: a refusal
 * (the calendar is not shared with the caller, the app's grant does not reach that mailbox) or a failure
 * that outlasted the retries leaves that calendar failed and the others read.
 */

import type { EventInput } from "../domain/calendar-event.ts";
import type { CalendarViewRequest, CalendarViewResult } from "../domain/graph-ports.ts";
import { sendBatch } from "./batch.ts";
import { CALENDAR_VIEW_HEADERS, calendarViewLink, calendarViewPage } from "./calendar-view.ts";
import type { GraphClient } from "./client.ts";
import { GraphError } from "./map-error.ts";
import { PERMISSIONS } from "./permissions.ts";

interface Progress {
  readonly request: CalendarViewRequest;
  link: string;
  page: number;
  readonly events: EventInput[];
  result: CalendarViewResult | undefined;
}

export async function readCalendarViews(
  client: GraphClient,
  requests: readonly CalendarViewRequest[],
): Promise<CalendarViewResult[]> {
  const progress: Progress[] = requests.map((request) => ({
    request,
    link: calendarViewLink(request.mailboxId, request.window),
    page: 1,
    events: [],
    result: undefined,
  }));
  for (let active = progress; active.length > 0; active = progress.filter((p) => p.result === undefined)) {
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readOthersCalendar,
      active.map((p) => ({
        method: "GET",
        url: p.link,
        mailbox: p.request.mailboxId,
        headers: CALENDAR_VIEW_HEADERS,
      })),
      { idempotent: true },
    );
    outcomes.forEach((outcome, i) => {
      const p = active[i]!;
      if (outcome.ok) advance(p, outcome.body);
      else p.result = { mailboxId: p.request.mailboxId, ok: false, failure: outcome.error };
    });
  }
  return progress.map((p) => p.result!);
}

function advance(p: Progress, body: unknown): void {
  const { mailboxId } = p.request;
  let read: ReturnType<typeof calendarViewPage>;
  try {
    read = calendarViewPage(body, `the calendarView of ${mailboxId} (page ${p.page})`);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    p.result = { mailboxId, ok: false, failure: error };
    return;
  }
  p.events.push(...read.events);
  if (read.next === undefined) {
    p.result = { mailboxId, ok: true, events: p.events };
    return;
  }
  p.link = read.next;
  p.page += 1;
}
