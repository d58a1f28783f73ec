/**
 * Classifies calendar events for one manager and keeps only what may be stored: ids, times and the
 * classification. Subjects, bodies and attendee lists never reach the store (SPEC §3: a private event's
 * subject and body never leave the server). Events Graph sent incomplete are counted, not stored.
 * A cancelled event is classified as it was booked and kept as cancelled: a cancelled field day still
 * counts as booked and not kept (SPEC §4); metrics leave cancelled events out of the hours.
 */

import { type CalendarEvent, type EventInput, isIncomplete } from "../../domain/calendar-event.ts";
import { type ClassificationOverride, classifyEvents } from "../../domain/classify.ts";
import type { Interval } from "../../domain/interval.ts";
import type { OrgIndex } from "../../domain/org.ts";
import type { ClassifiedEventInput } from "../../store/repositories/classified-events.ts";
import type { OverrideRecord } from "../../store/repositories/overrides.ts";

export const CANCELLED_REASON = "the meeting was cancelled";

export interface ClassifiedBatch {
  readonly events: readonly ClassifiedEventInput[];
  readonly incomplete: number;
}

export function classifiedEventsOf(input: {
  readonly managerEmail: string;
  readonly org: OrgIndex;
  readonly events: readonly EventInput[];
  readonly window: Interval;
  readonly overrides: readonly OverrideRecord[];
}): ClassifiedBatch {
  const overrides = new Map<string, ClassificationOverride>(
    input.overrides.map((record) => [record.eventKey, record]),
  );
  const classifications = classifyEvents({
    manager: input.managerEmail,
    org: input.org,
    events: input.events.map((event) =>
      !isIncomplete(event) && event.isCancelled ? { ...event, isCancelled: false } : event,
    ),
    window: input.window,
    overrides,
  });
  const events: ClassifiedEventInput[] = [];
  let incomplete = 0;
  input.events.forEach((event, index) => {
    const classification = classifications[index]!;
    if (isIncomplete(event)) {
      incomplete += 1;
      return;
    }
    events.push(stored(event, classification));
  });
  return { events, incomplete };
}

function stored(event: CalendarEvent, c: ReturnType<typeof classifyEvents>[number]): ClassifiedEventInput {
  return {
    eventId: event.id,
    iCalUId: event.iCalUId,
    seriesMasterId: event.seriesMasterId,
    start: event.start,
    end: event.end,
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isPrivate: c.isPrivate,
    initiator: c.initiator,
    kind: c.kind,
    development: c.development,
    reps: c.reps,
    hours: c.hours,
    bigDeal: c.bigDeal,
    reasons: event.isCancelled ? [CANCELLED_REASON, ...c.reasons] : c.reasons,
    customerDomains: c.customerDomains,
    overridden: c.overridden,
  };
}
