/**
 * A mailbox's calendar in a window through `calendarView` (series expanded into occurrences), with only
 * the properties classification reads, times in UTC, following `@odata.nextLink` to the last page.
 */

import type { EventInput } from "../domain/calendar-event.ts";
import { InputError } from "../domain/input-error.ts";
import type { Interval } from "../domain/interval.ts";
import { type GraphClient, isoInstant, withQuery } from "./client.ts";
import { malformedAnswer } from "./map-error.ts";
import { mapGraphEvent } from "./map-event.ts";
import { PERMISSIONS } from "./permissions.ts";

/** What classification reads of an event (see `mapGraphEvent`). */
export const CLASSIFICATION_FIELDS = [
  "id",
  "iCalUId",
  "subject",
  "start",
  "end",
  "isAllDay",
  "isCancelled",
  "showAs",
  "sensitivity",
  "organizer",
  "attendees",
  "isOrganizer",
  "responseStatus",
  "categories",
  "type",
  "seriesMasterId",
] as const;

/** Events per page: Graph's default is 10, which would cost ten times the requests. */
export const CALENDAR_PAGE_SIZE = 100;

/** The header every calendarView request sends: times in UTC, whatever the mailbox's own zone. */
export const CALENDAR_VIEW_HEADERS: Readonly<Record<string, string>> = { Prefer: 'outlook.timezone="UTC"' };

export async function readCalendarView(
  client: GraphClient,
  mailboxId: string,
  window: Interval,
): Promise<EventInput[]> {
  const events: EventInput[] = [];
  let url: string | undefined = calendarViewLink(mailboxId, window);
  let page = 0;
  while (url !== undefined) {
    const result = await client.send({
      method: "GET",
      url,
      permission: PERMISSIONS.readCalendar,
      mailboxes: new Map([[mailboxId, 1]]),
      headers: CALENDAR_VIEW_HEADERS,
    });
    const read = calendarViewPage(result.body, `the calendarView of ${mailboxId} (page ${page + 1})`);
    events.push(...read.events);
    url = read.next;
    page += 1;
  }
  return events;
}

/** The first page's link: the window, classification's properties, 100 events a page. */
export function calendarViewLink(mailboxId: string, window: Interval): string {
  return withQuery(`/users/${encodeURIComponent(mailboxId)}/calendarView`, {
    startDateTime: isoInstant(window.start),
    endDateTime: isoInstant(window.end),
    $select: CLASSIFICATION_FIELDS.join(","),
    $top: String(CALENDAR_PAGE_SIZE),
  });
}

/**
 * One page of a calendarView answer: its events in domain terms and the next page's link (undefined
 * on the last page). Throws a GraphError naming `label` when the page is not what Graph sends.
 */
export function calendarViewPage(
  body: unknown,
  label: string,
): { readonly events: EventInput[]; readonly next: string | undefined } {
  if (typeof body !== "object" || body === null || !("value" in body) || !Array.isArray(body.value)) {
    throw malformedAnswer("$.value must be an array of events", label);
  }
  const events: EventInput[] = [];
  try {
    body.value.forEach((item, i) => {
      events.push(mapGraphEvent(item, `$.value[${i}]`));
    });
  } catch (error) {
    if (error instanceof InputError) throw malformedAnswer(error.message, label);
    throw error;
  }
  const next = "@odata.nextLink" in body ? body["@odata.nextLink"] : undefined;
  return { events, next: typeof next === "string" && next !== "" ? next : undefined };
}
