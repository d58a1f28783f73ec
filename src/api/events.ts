import { z } from "zod";
import { development, email, iCalUId, initiator, instant, meetingKind, windowQuery } from "./common.ts";

/**
 * GET /api/events?from&to[&rep][&manager][&iCalUId]: classified events of a manager's calendar (the
 * signed-in manager's unless an executive or a rep names one), optionally of one rep or one meeting.
 */
export const eventsQuery = z.intersection(
  windowQuery,
  z.object({ rep: email.optional(), manager: email.optional(), iCalUId: iCalUId.optional() }),
);
export type EventsQuery = z.infer<typeof eventsQuery>;

export const classificationOverride = z.object({
  initiator: initiator.exclude(["none"]).nullable(),
  kind: meetingKind.nullable(),
  reason: z.string().max(500, "must be at most 500 characters").nullable(),
});

/**
 * An event as FieldCoach classified it. There is no subject and no body: FieldCoach does not keep
 * them, and a private event's never leave the server.
 */
export const classifiedEvent = z.object({
  eventId: z.string(),
  iCalUId: z.string().nullable(),
  start: instant,
  end: instant,
  isAllDay: z.boolean(),
  isCancelled: z.boolean(),
  isPrivate: z.boolean(),
  initiator,
  kind: meetingKind.nullable(),
  development,
  /** The manager's reps who take part. */
  reps: z.array(email),
  /** Hours counted inside the requested window. */
  hours: z.number().nonnegative(),
  bigDeal: z.boolean(),
  /** Sentences a manager can read: why it was classified so. */
  reasons: z.array(z.string()),
  customerDomains: z.array(z.string()),
  overridden: z.boolean(),
  /** The manager's override, when there is one. */
  override: classificationOverride.nullable(),
});
export type ClassifiedEvent = z.infer<typeof classifiedEvent>;

export const eventsResponse = z.object({
  /** Whose calendar the events are from. */
  manager: email,
  events: z.array(classifiedEvent),
});
export type EventsResponse = z.infer<typeof eventsResponse>;

/** PUT /api/events/:iCalUId/override */
export const overrideParams = z.object({ iCalUId });

/** Sets the override; with both `initiator` and `kind` null it removes it. */
export const overrideBody = classificationOverride;
export type OverrideBody = z.infer<typeof overrideBody>;

/** Every copy of the meeting in the manager's calendar, classified again with the override applied. */
export const overrideResponse = z.object({ events: z.array(classifiedEvent) });
export type OverrideResponse = z.infer<typeof overrideResponse>;
