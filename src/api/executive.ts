import { z } from "zod";
import {
  coachingTotals,
  email,
  fieldDaysKept,
  instant,
  noteQuality,
  personSummary,
  share,
  timeWindow,
  uuid,
  windowQuery,
} from "./common.ts";
import { reviewComment } from "./notes.ts";

/** GET /api/executive/overview?from&to: every manager below the signed-in executive ("coaching the coaches"). */
export const overviewQuery = windowQuery;

export const managerOverview = z.object({
  manager: personSummary,
  /** 1 for the executive's direct reports, 2 for theirs, and so on. */
  depth: z.int().positive(),
  /** The manager's own reps. */
  repCount: z.int().nonnegative(),
  totals: coachingTotals,
  coverage: share,
  overdueReps: z.int().nonnegative(),
  fieldDaysKept,
  noteQuality,
  /** Of the manager's signed-off field-visit reports in the window: how many were reviewed and debriefed. */
  review: z.object({ reviewed: share, debriefed: share }),
});
export type ManagerOverview = z.infer<typeof managerOverview>;

export const overviewResponse = z.object({
  executive: personSummary,
  window: timeWindow,
  asOf: instant,
  managers: z.array(managerOverview),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

/** GET /api/reports: signed-off field-visit reports of the managers below the executive, newest first. */
export const reportsQuery = z.object({
  status: z.enum(["unreviewed", "reviewed", "all"]).default("all"),
  manager: email.optional(),
});
export type ReportsQuery = z.infer<typeof reportsQuery>;

export const reportSummary = z.object({
  noteId: uuid,
  manager: personSummary,
  rep: personSummary,
  meetingStart: instant.nullable(),
  signedOffAt: instant,
  comments: z.int().nonnegative(),
  reviewed: z.boolean(),
  debriefed: z.boolean(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportsResponse = z.object({ reports: z.array(reportSummary) });
export type ReportsResponse = z.infer<typeof reportsResponse>;

/** POST /api/reports/:noteId/comments: an executive's review comment; posting the same id again is harmless. */
export const commentParams = z.object({ noteId: uuid });

export const commentBody = z.object({
  /** Chosen by the page, so that a retried post adds the comment once. */
  id: uuid,
  body: z.string().trim().min(1, "must not be empty").max(5_000, "must be at most 5000 characters"),
  debrief: z.boolean().default(false),
});
export type CommentBody = z.infer<typeof commentBody>;

export const commentResponse = reviewComment;
