import { z } from "zod";
import { behaviourId, email, instant } from "./common.ts";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const quarterHours = (max: number) =>
  z
    .number()
    .positive("must be more than 0")
    .max(max, `must be at most ${max}`)
    .refine((hours) => Number.isInteger(hours * 4), "must be a whole number of quarter hours");
const wholeNumber = (min: number, max: number) =>
  z.int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** How field days are held with one rep; every field optional, as in POLICY.json's `reps` entries. */
export const cadenceOverride = z.strictObject({
  blockLength: z.enum(["half-day", "full-day"]).optional(),
  halfDayHours: quarterHours(12).optional(),
  fullDayMinHours: quarterHours(24).optional(),
  everyWeeks: z
    .strictObject({ newHire: wholeNumber(1, 52).optional(), other: wholeNumber(1, 52).optional() })
    .optional(),
  newHireMonths: wholeNumber(0, 120).optional(),
  preferredWeekdays: z.array(z.enum(WEEKDAYS)).optional(),
  travelBufferMinutes: wholeNumber(0, 480).optional(),
  tentativeIsBusy: z.boolean().optional(),
});
export type CadenceOverride = z.infer<typeof cadenceOverride>;

/** A POLICY.json document: what an admin or executive writes; anything left out takes the default. */
export const cadencePolicyDocument = cadenceOverride.extend({
  maxFieldDaysPerWeek: wholeNumber(0, 14).optional(),
  horizonWeeks: wholeNumber(1, 8).optional(),
  reps: z.record(email, cadenceOverride).optional(),
});
export type CadencePolicyDocument = z.infer<typeof cadencePolicyDocument>;

/** The policy in force, every default filled in. */
export const cadencePolicy = z.object({
  blockLength: z.enum(["half-day", "full-day"]),
  halfDayHours: z.number(),
  fullDayMinHours: z.number(),
  everyWeeks: z.object({ newHire: z.int(), other: z.int() }),
  newHireMonths: z.int(),
  preferredWeekdays: z.array(z.enum(WEEKDAYS)),
  travelBufferMinutes: z.int(),
  tentativeIsBusy: z.boolean(),
  maxFieldDaysPerWeek: z.int(),
  horizonWeeks: z.int(),
  reps: z.record(z.string(), cadenceOverride),
});
export type CadencePolicy = z.infer<typeof cadencePolicy>;

/** GET /api/settings/policy. Version 0 means the tenant never saved one: the defaults apply. */
export const policyResponse = z.object({
  version: z.int().nonnegative(),
  /** As saved, for editing. */
  document: cadencePolicyDocument,
  /** In force. */
  policy: cadencePolicy,
  updatedAt: instant.nullable(),
  updatedBy: email.nullable(),
});
export type PolicyResponse = z.infer<typeof policyResponse>;

/** PUT /api/settings/policy with If-Match (the version read, 0 when none was saved). */
export const policyBody = z.object({ document: cadencePolicyDocument });
export type PolicyBody = z.infer<typeof policyBody>;

export const behaviour = z.object({
  id: behaviourId,
  name: z.string().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  description: z.string().max(1_000, "must be at most 1000 characters"),
});
export type Behaviour = z.infer<typeof behaviour>;

/** GET /api/settings/behaviours: the methodology's behaviours in order; retired ones last, still named. */
export const behavioursResponse = z.object({
  behaviours: z.array(behaviour.extend({ retired: z.boolean() })),
});
export type BehavioursResponse = z.infer<typeof behavioursResponse>;

/** PUT /api/settings/behaviours: the whole library, in order; left-out behaviours are retired, not lost. */
export const behavioursBody = z.object({
  behaviours: z
    .array(behaviour)
    .max(60, "must hold at most 60 behaviours")
    .refine((list) => new Set(list.map((item) => item.id)).size === list.length, "must not repeat an id"),
});
export type BehavioursBody = z.infer<typeof behavioursBody>;
