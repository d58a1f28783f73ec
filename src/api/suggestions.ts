import { z } from "zod";
import { email, instant, isoDate, personSummary, timeWindow, uuid } from "./common.ts";

/** GET /api/suggestions[?manager]: field-day blocks for the reps who are due (SPEC §5). */
export const suggestionsQuery = z.object({ manager: email.optional() });

export const suggestionStatus = z.enum(["offered", "accepted", "dismissed"]);

export const suggestion = z.object({
  id: uuid,
  rep: personSummary,
  /** The day on the manager's calendar. */
  day: isoDate,
  start: instant,
  end: instant,
  /** Higher is better; the list is sorted best first. */
  score: z.number(),
  /** Why this block: customer calls that day, how overdue the rep is, preferred days. */
  reasons: z.array(z.string()),
  status: suggestionStatus,
});
export type Suggestion = z.infer<typeof suggestion>;

/**
 * Whether a rep's own calendar was read, so that their blocks could be ranked by their ordinary customer
 * calls (SPEC §5): as FieldCoach itself (`application`, where the tenant granted Calendars.Read) or as
 * the signed-in person through a calendar the rep shared with them (`shared`); otherwise why not.
 */
export const repCalendar = z.discriminatedUnion("read", [
  z.object({ rep: personSummary, read: z.literal(true), via: z.enum(["application", "shared"]) }),
  z.object({ rep: personSummary, read: z.literal(false), why: z.string() }),
]);
export type RepCalendar = z.infer<typeof repCalendar>;

export const suggestionsResponse = z.object({
  horizon: timeWindow,
  /** The zone the days and weeks are read in: the manager's working-hours zone. */
  zone: z.string(),
  suggestions: z.array(suggestion),
  due: z.array(z.object({ rep: personSummary, lastFieldDay: instant.nullable(), dueBy: instant })),
  /** Reps who could not be placed, and why (no working hours known, calendar not shared, …). */
  unplaceable: z.array(z.object({ rep: personSummary, why: z.string() })),
  /** Each of the manager's reps: whether their own calendar was read for this ranking. */
  repCalendars: z.array(repCalendar),
});
export type SuggestionsResponse = z.infer<typeof suggestionsResponse>;

/** POST /api/suggestions/:id/accept and /dismiss */
export const suggestionParams = z.object({ id: uuid });

/**
 * The booked field day: an event in the manager's calendar with the rep invited, and its coaching
 * note. Accepting again returns the same booking.
 */
export const acceptResponse = z.object({
  suggestion,
  event: z.object({ eventId: z.string(), iCalUId: z.string().nullable(), start: instant, end: instant }),
  noteId: uuid,
});
export type AcceptResponse = z.infer<typeof acceptResponse>;

export const dismissResponse = z.object({ suggestion });
export type DismissResponse = z.infer<typeof dismissResponse>;
