/**
 * Field days kept (SPEC §4): of the field days booked that were due to have started by `asOf`, how many
 * were held as planned, and how many were cancelled, moved or shortened instead. A field day is moved
 * when its start differs from the start FieldCoach first saw, and shortened when it got shorter than
 * first seen, or (when FieldCoach first saw it already changed) is shorter than a half day. Pure.
 */

import type { FieldDaysKept } from "../../api/common.ts";
import { type Instant, MS_PER_HOUR } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";

export type FieldDayOutcome = "upcoming" | "held" | "cancelled" | "shortened" | "moved";

export function isFieldDay(event: ClassifiedEventRecord): boolean {
  return event.kind === "field-day" && event.initiator === "manager";
}

export function fieldDayOutcome(
  event: ClassifiedEventRecord,
  asOf: Instant,
  halfDayHours: number,
): FieldDayOutcome {
  if (event.isCancelled) return "cancelled";
  if (event.start !== event.firstStart) return "moved";
  const length = event.end - event.start;
  if (length < event.firstEnd - event.firstStart) return "shortened";
  if (!event.isAllDay && length < halfDayHours * MS_PER_HOUR) return "shortened";
  return event.start > asOf ? "upcoming" : "held";
}

export function fieldDaysKeptOf(
  events: readonly ClassifiedEventRecord[],
  window: Interval,
  asOf: Instant,
  halfDayHours: number,
): FieldDaysKept {
  const counts = { booked: 0, held: 0, cancelled: 0, shortened: 0, moved: 0 };
  for (const event of events) {
    if (!isFieldDay(event) || event.firstStart < window.start || event.firstStart >= window.end) continue;
    if (event.firstStart > asOf) continue;
    const outcome = fieldDayOutcome(event, asOf, halfDayHours);
    if (outcome === "upcoming") continue;
    counts.booked += 1;
    counts[outcome] += 1;
  }
  return { ...counts, keptShare: counts.booked === 0 ? null : counts.held / counts.booked };
}
