import { z } from "zod";
import { behaviourId, email, instant, isoDate, personSummary, rating, uuid } from "./common.ts";
import { apiError } from "./errors.ts";
import { noteStatus } from "./notes.ts";
import { cadenceOverride } from "./settings.ts";

export const metricName = z.enum(["pipeline", "proposals", "deals-closed", "pipeline-value", "closed-value"]);
export type MetricName = z.infer<typeof metricName>;

/** One figure of a rep on a day: a count for pipeline, proposals and deals closed, money for the values. */
export const metricValue = z.object({
  metric: metricName,
  asOf: isoDate,
  value: z.number().nonnegative("must not be negative"),
});
export type MetricValue = z.infer<typeof metricValue>;

export const metricChange = metricValue.extend({
  previousValue: z.number().nullable(),
  source: z.enum(["manual", "csv"]),
  recordedBy: email,
  recordedAt: instant,
});
export type MetricChange = z.infer<typeof metricChange>;

export const planFocus = z.object({ behaviourId, targetRating: rating });

export const goal = z.object({
  id: uuid,
  text: z.string().min(1, "must not be empty").max(500, "must be at most 500 characters"),
  due: isoDate.nullable(),
  status: z.enum(["open", "achieved", "dropped"]),
});
export type Goal = z.infer<typeof goal>;

/** The rep's history, newest first: field days, notes, actions, figures. */
export const timelineEntry = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("field-day"),
    at: instant,
    end: instant,
    eventId: z.string(),
    /** How it went compared with how it was booked. */
    outcome: z.enum(["upcoming", "held", "cancelled", "shortened", "moved"]),
  }),
  z.object({ kind: z.literal("note"), at: instant, noteId: uuid, status: noteStatus }),
  z.object({
    kind: z.literal("action"),
    at: instant,
    actionId: uuid,
    noteId: uuid,
    text: z.string(),
    status: z.enum(["open", "done", "dropped"]),
  }),
  z.object({ kind: z.literal("metric"), at: instant, change: metricChange }),
]);
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const repParams = z.object({ email });

/** GET /api/reps/:email/plan. Version 0 means no plan was saved yet. */
export const planResponse = z.object({
  rep: personSummary,
  manager: personSummary.nullable(),
  version: z.int().nonnegative(),
  focus: z.array(planFocus),
  goals: z.array(goal),
  /** Null: the tenant's cadence policy applies unchanged. */
  cadenceOverride: cadenceOverride.nullable(),
  /** The latest figure of each metric. */
  metrics: z.array(metricValue),
  timeline: z.array(timelineEntry),
});
export type PlanResponse = z.infer<typeof planResponse>;

/** PUT /api/reps/:email/plan with If-Match (0 to create): the whole plan. */
export const planBody = z.object({
  focus: z
    .array(planFocus)
    .max(3, "must name at most three behaviours")
    .refine(
      (list) => new Set(list.map((item) => item.behaviourId)).size === list.length,
      "must not repeat a behaviour",
    ),
  goals: z.array(goal).max(20, "must hold at most 20 goals"),
  cadenceOverride: cadenceOverride.nullable(),
});
export type PlanBody = z.infer<typeof planBody>;

/**
 * POST /api/reps/:email/metrics/import, body `text/csv` (see metrics-csv.ts). All rows are imported or
 * none; importing the same file again changes nothing.
 */
export const metricsImportResponse = z.object({
  importId: uuid,
  /** Figures read from the file. */
  values: z.int().nonnegative(),
  /** Figures that were new or different. */
  changed: z.int().nonnegative(),
});
export type MetricsImportResponse = z.infer<typeof metricsImportResponse>;

/** 422: nothing was imported; every problem found, with its line (1 is the header) and column. */
export const csvInvalidError = apiError.extend({
  code: z.literal("csv_invalid"),
  problems: z.array(
    z.object({ line: z.int().positive(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type CsvInvalidError = z.infer<typeof csvInvalidError>;
