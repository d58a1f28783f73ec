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

export async function readCalendarView(
  client: GraphClient,
  mailboxId: string,
  window: Interval,
): Promise<EventInput[]> {
  const events: EventInput[] = [];
  let url: string | undefined = withQuery(`/users/${encodeURIComponent(mailboxId)}/calendarView`, {
    startDateTime: isoInstant(window.start),
    endDateTime: isoInstant(window.end),
    $select: CLASSIFICATION_FIELDS.join(","),
    $top: String(CALENDAR_PAGE_SIZE),
  });
  let page = 0;
  while (url !== undefined) {
    const result = await client.send({
      method: "GET",
      url,
      permission: PERMISSIONS.readCalendar,
      mailboxes: new Map([[mailboxId, 1]]),
      headers: { Prefer: 'outlook.timezone="UTC"' },
    });
    const label = `the calendarView of ${mailboxId} (page ${page + 1})`;
    const body = result.body;
    if (typeof body !== "object" || body === null || !("value" in body) || !Array.isArray(body.value)) {
      throw malformedAnswer("$.value must be an array of events", label);
    }
    try {
      body.value.forEach((item, i) => {
        events.push(mapGraphEvent(item, `$.value[${i}]`));
      });
    } catch (error) {
      if (error instanceof InputError) throw malformedAnswer(error.message, label);
      throw error;
    }
    const next = "@odata.nextLink" in body ? body["@odata.nextLink"] : undefined;
    url = typeof next === "string" && next !== "" ? next : undefined;
    page += 1;
  }
  return events;
}
