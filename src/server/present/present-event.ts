/** A stored classified event as the API shows it: no subject, no body, hours inside the window asked. */

import type { ClassifiedEvent } from "../../api/events.ts";
import type { Interval } from "../../domain/interval.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";
import type { OverrideRecord } from "../../store/repositories/overrides.ts";
import { hoursInside } from "../figures/stored-classification.ts";

export function presentEvent(
  event: ClassifiedEventRecord,
  override: OverrideRecord | undefined,
  window: Interval,
): ClassifiedEvent {
  return {
    eventId: event.eventId,
    iCalUId: event.iCalUId,
    start: new Date(event.start).toISOString(),
    end: new Date(event.end).toISOString(),
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isPrivate: event.isPrivate,
    initiator: event.initiator,
    kind: event.kind,
    development: event.development,
    reps: [...event.reps],
    hours: hoursInside(event, window),
    bigDeal: event.bigDeal,
    reasons: [...event.reasons],
    customerDomains: [...event.customerDomains],
    overridden: event.overridden,
    override:
      override === undefined
        ? null
        : {
            initiator: override.initiator ?? null,
            kind: override.kind ?? null,
            reason: override.reason ?? null,
          },
  };
}

/** The key classifyEvents and the overrides table use for an event. */
export function eventKeyOf(event: { readonly iCalUId: string | null; readonly eventId: string }): string {
  return event.iCalUId ?? event.eventId;
}
