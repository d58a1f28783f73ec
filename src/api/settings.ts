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

/** A customer account: meetings with people of its domain (or a subdomain) are calls with it. */
export const customerAccount = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253, "must be at most 253 characters")
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain name such as fabrikam.com"),
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  openPipeline: z.number().finite().nonnegative("must be 0 or more"),
});
export type CustomerAccount = z.infer<typeof customerAccount>;

/** What administrators set for the whole tenant (SPEC §2, §3, §9). */
export const tenantSettings = z.strictObject({
  /** A customer call with an account whose open pipeline is at or above it is a big deal. */
  bigDealThreshold: z.number().finite().nonnegative("must be 0 or more"),
  accounts: z
    .array(customerAccount)
    .max(10_000, "must hold at most 10000 accounts")
    .refine(
      (accounts) => new Set(accounts.map((account) => account.domain)).size === accounts.length,
      "must not list a domain twice",
    ),
  /** Months coaching records are kept after their meeting ended; null keeps them. */
  retentionMonths: z
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(120, "must be at most 120")
    .nullable(),
  /** The opt-in mode that reads reps' own calendars with an application permission. */
  readRepCalendars: z.boolean(),
});
export type TenantSettings = z.infer<typeof tenantSettings>;

/** GET /api/settings/tenant (administrators). Version 0: no administrator saved settings yet. */
export const tenantSettingsResponse = z.object({
  version: z.int().nonnegative(),
  settings: tenantSettings,
  /** The tenant's own domains, as directory sync last read them; not editable. */
  verifiedDomains: z.array(z.string()),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type TenantSettingsResponse = z.infer<typeof tenantSettingsResponse>;

/** PUT /api/settings/tenant with If-Match (the version read): every setting, as it should be. */
export const tenantSettingsBody = z.object({ settings: tenantSettings });
export type TenantSettingsBody = z.infer<typeof tenantSettingsBody>;
