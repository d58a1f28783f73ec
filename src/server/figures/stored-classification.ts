/**
 * Stored classified events read back as the domain's Classification, for computeMetrics, with their
 * hours counted inside the window asked for: the stored hours were counted inside the sync window, so
 * an event reaching past the asked window keeps the part of its hours that lies inside. Cancelled
 * events are no coaching time and are left out. Pure.
 */

import type { Classification } from "../../domain/classify.ts";
import type { Interval } from "../../domain/interval.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";

export function hoursInside(event: ClassifiedEventRecord, window: Interval): number {
  const length = event.end - event.start;
  if (length <= 0 || (event.start >= window.start && event.end <= window.end)) return event.hours;
  const inside = Math.max(0, Math.min(event.end, window.end) - Math.max(event.start, window.start));
  return Math.round(((event.hours * inside) / length) * 100) / 100;
}

export function classificationsOf(
  events: readonly ClassifiedEventRecord[],
  window: Interval,
): Classification[] {
  return events
    .filter((event) => !event.isCancelled)
    .map((event) => ({
      id: event.eventId,
      iCalUId: event.iCalUId,
      initiator: event.initiator,
      kind: event.kind,
      development: event.development,
      reps: event.reps,
      hours: hoursInside(event, window),
      bigDeal: event.bigDeal,
      reasons: event.reasons,
      start: event.start,
      end: event.end,
      overridden: event.overridden,
      customerDomains: event.customerDomains,
      isPrivate: event.isPrivate,
    }));
}
