import { z } from "zod";

/*
 * Building blocks shared by every area of the API contract. This folder is imported by the server and
 * by the pages alike, so it depends on zod and nothing else.
 */

/** An email address as people are identified everywhere: compared and returned in lower case. */
export const email = z.email({ error: "must be an email address" }).toLowerCase();

/** An instant on the wire: ISO 8601 with `Z` or an offset, never a local time without one. */
export const instant = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with an offset",
});

/** A calendar date, "YYYY-MM-DD", in the zone the field describes. */
export const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });

export const uuid = z.uuid({ error: "must be a UUID" });

/** An ISO week in the manager's zone, "2026-W10". */
export const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, "must be an ISO week such as 2026-W10");

/** A meeting's iCalUId as Graph gives it (the same in every attendee's calendar). */
export const iCalUId = z.string().min(1, "must not be empty").max(1024, "must be at most 1024 characters");

export const personSummary = z.object({ email, name: z.string() });
export type PersonSummary = z.infer<typeof personSummary>;

/** A window of time in a query string: `from` inclusive, `to` exclusive, at most a year and a week. */
export const windowQuery = z
  .object({ from: instant, to: instant })
  .refine((window) => Date.parse(window.from) < Date.parse(window.to), {
    message: "must end after it starts",
    path: ["to"],
  })
  .refine((window) => Date.parse(window.to) - Date.parse(window.from) <= 373 * 86_400_000, {
    message: "must span at most 53 weeks",
    path: ["to"],
  });
export type WindowQuery = z.infer<typeof windowQuery>;

export const timeWindow = z.object({ from: instant, to: instant });

/** A count out of a total, with the share when the total is not zero. */
export const share = z.object({
  count: z.int().nonnegative(),
  of: z.int().nonnegative(),
  /** count / of, from 0 to 1; null when `of` is 0. */
  share: z.number().min(0).max(1).nullable(),
});
export type Share = z.infer<typeof share>;

export const initiator = z.enum(["manager", "rep", "other", "none"]);
export const meetingKind = z.enum(["field-day", "customer-call", "one-on-one", "group"]);
export const development = z.enum(["skill", "sales", "none"]);

/** A behaviour library id such as "asks-open-questions". */
export const behaviourId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens")
  .max(80, "must be at most 80 characters");

/** 1 not yet, 2 developing, 3 proficient, 4 role model. */
export const rating = z.int().min(1, "must be from 1 to 4").max(4, "must be from 1 to 4");

/**
 * The version a client last read, sent back in `If-Match` to write: `"3"` (as FieldCoach's ETags are
 * written) or a bare `3`. Version 0 stands for "nothing saved yet".
 */
export const ifMatch = z.object({
  "if-match": z
    .string()
    .regex(/^\s*"?\d{1,9}"?\s*$/, 'must be the version to replace, such as "3"')
    .transform((value) => Number(value.replaceAll('"', "").trim())),
});

/** The ETag a versioned resource is sent with; If-Match sends it back. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Coaching figures of SPEC §4: field days are a part of skill development, not an addition to it. */
export const coachingTotals = z.object({
  skillHours: z.number().nonnegative(),
  skillCount: z.int().nonnegative(),
  fieldDayHours: z.number().nonnegative(),
  fieldDayCount: z.int().nonnegative(),
  salesHours: z.number().nonnegative(),
  salesCount: z.int().nonnegative(),
  /** skill hours / (skill + sales hours); null when both are zero. */
  coachingRatio: z.number().min(0).max(1).nullable(),
});
export type CoachingTotals = z.infer<typeof coachingTotals>;

export const weekTotals = coachingTotals.extend({ week: isoWeek });
export type WeekTotals = z.infer<typeof weekTotals>;

/** Of the field days booked, how many were held as planned and what happened to the others. */
export const fieldDaysKept = z.object({
  booked: z.int().nonnegative(),
  held: z.int().nonnegative(),
  cancelled: z.int().nonnegative(),
  shortened: z.int().nonnegative(),
  moved: z.int().nonnegative(),
  /** held / booked; null when none were booked. */
  keptShare: z.number().min(0).max(1).nullable(),
});
export type FieldDaysKept = z.infer<typeof fieldDaysKept>;

/** How well coaching meetings were written up (SPEC §4), each out of the coaching meetings held. */
export const noteQuality = z.object({
  withNoteWithin48Hours: share,
  behavioursRated: share,
  evidenceWritten: share,
  actionsAgreed: share,
  reflectionPresent: share,
  /** Out of the actions due for follow-up: those followed up at the next session. */
  actionsFollowedUp: share,
});
export type NoteQuality = z.infer<typeof noteQuality>;

/** An empty request or response body. */
export const empty = z.object({}).strict();
