import { z } from "zod";
import { childPath, formatJsonPath, InputError } from "./input-error.ts";
import { WEEKDAYS, type Weekday } from "./org.ts";

/** How field days are held with one rep (SPEC §5); a tenant sets them, a rep's plan may override them. */
export interface RepCadence {
  readonly blockLength: "half-day" | "full-day";
  /** Length of a half-day block. */
  readonly halfDayHours: number;
  /** A full day is both people's whole shared working day, and only when it is at least this long. */
  readonly fullDayMinHours: number;
  /** Weeks between field days: for reps hired within `newHireMonths`, and for everyone else. */
  readonly everyWeeks: { readonly newHire: number; readonly other: number };
  readonly newHireMonths: number;
  /** Days to prefer when ranking (never a constraint), on the manager's calendar. */
  readonly preferredWeekdays: readonly Weekday[];
  /** Time that must be free before and after the block; it may fall outside working hours. */
  readonly travelBufferMinutes: number;
  readonly tentativeIsBusy: boolean;
  /**
   * Whether the rep's ordinary customer calls (not big deals) leave the rep free for a field day: the
   * manager rides along on them, so they are what the day is for. False treats them as busy.
   */
  readonly customerCallsJoinable: boolean;
}

export type RepCadenceOverride = Partial<Omit<RepCadence, "everyWeeks">> & {
  readonly everyWeeks?: Partial<RepCadence["everyWeeks"]>;
};

export interface CadencePolicy extends RepCadence {
  /** The manager's limit, counting field days already booked, per ISO week on the manager's calendar. */
  readonly maxFieldDaysPerWeek: number;
  /** How far ahead to suggest, from now. */
  readonly horizonWeeks: number;
  /** Keyed by lower-case rep email. */
  readonly reps: ReadonlyMap<string, RepCadenceOverride>;
}

export const DEFAULT_POLICY: CadencePolicy = {
  blockLength: "half-day",
  halfDayHours: 4,
  fullDayMinHours: 6,
  everyWeeks: { newHire: 2, other: 4 },
  newHireMonths: 6,
  maxFieldDaysPerWeek: 2,
  preferredWeekdays: [],
  travelBufferMinutes: 30,
  tentativeIsBusy: true,
  customerCallsJoinable: true,
  horizonWeeks: 4,
  reps: new Map(),
};

/** Getting free/busy for more than 62 days takes two Graph calls; eight weeks stays inside one. */
export const MAX_HORIZON_WEEKS = 8;

const quarterHours = (max: number) =>
  z
    .number()
    .positive("must be more than 0")
    .max(max, `must be at most ${max}`)
    .refine((hours) => Number.isInteger(hours * 4), "must be a whole number of quarter hours");
const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const weekday = z
  .string()
  .transform((day) => day.toLowerCase())
  .pipe(z.enum(WEEKDAYS, { error: "must be a day name such as tuesday" }));

const repFields = {
  blockLength: z.enum(["half-day", "full-day"], { error: 'must be "half-day" or "full-day"' }).optional(),
  halfDayHours: quarterHours(12).optional(),
  fullDayMinHours: quarterHours(24).optional(),
  everyWeeks: z
    .strictObject({ newHire: wholeNumber(1, 52).optional(), other: wholeNumber(1, 52).optional() })
    .optional(),
  newHireMonths: wholeNumber(0, 120).optional(),
  preferredWeekdays: z.array(weekday).optional(),
  travelBufferMinutes: wholeNumber(0, 480).optional(),
  tentativeIsBusy: z.boolean({ error: "must be true or false" }).optional(),
  customerCallsJoinable: z.boolean({ error: "must be true or false" }).optional(),
};

const policyInput = z.strictObject({
  ...repFields,
  maxFieldDaysPerWeek: wholeNumber(0, 14).optional(),
  horizonWeeks: wholeNumber(1, MAX_HORIZON_WEEKS).optional(),
  reps: z.record(z.string(), z.strictObject(repFields)).optional(),
});

/**
 * Validates a POLICY.json document; every field is optional and falls back to DEFAULT_POLICY.
 * Throws InputError naming the JSON path of the first problem.
 */
export function parseCadencePolicy(input: unknown): CadencePolicy {
  const parsed = policyInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(formatJsonPath(issue.path), issue.message);
  }
  const { reps, ...tenant } = parsed.data;
  const overrides = new Map<string, RepCadenceOverride>();
  for (const [email, override] of Object.entries(reps ?? {})) {
    const path = childPath("$.reps", email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new InputError(path, "must be keyed by an email address");
    if (overrides.has(email.toLowerCase())) throw new InputError(path, "names a rep listed twice");
    overrides.set(email.toLowerCase(), override);
  }
  return {
    ...DEFAULT_POLICY,
    ...tenant,
    everyWeeks: { ...DEFAULT_POLICY.everyWeeks, ...tenant.everyWeeks },
    reps: overrides,
  };
}

/** The cadence that applies to one rep: the tenant's, with the rep's own overrides on top. */
export function cadenceFor(policy: CadencePolicy, repEmail: string): RepCadence {
  const override = policy.reps.get(repEmail.toLowerCase()) ?? {};
  const { everyWeeks, ...rest } = override;
  return {
    blockLength: rest.blockLength ?? policy.blockLength,
    halfDayHours: rest.halfDayHours ?? policy.halfDayHours,
    fullDayMinHours: rest.fullDayMinHours ?? policy.fullDayMinHours,
    everyWeeks: { ...policy.everyWeeks, ...everyWeeks },
    newHireMonths: rest.newHireMonths ?? policy.newHireMonths,
    preferredWeekdays: rest.preferredWeekdays ?? policy.preferredWeekdays,
    travelBufferMinutes: rest.travelBufferMinutes ?? policy.travelBufferMinutes,
    tentativeIsBusy: rest.tentativeIsBusy ?? policy.tentativeIsBusy,
    customerCallsJoinable: rest.customerCallsJoinable ?? policy.customerCallsJoinable,
  };
}
