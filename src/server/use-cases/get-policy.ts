/** The tenant's cadence policy, as saved and in force (GET /api/settings/policy); anyone signed in reads it. */

import {
  type CadenceOverride,
  type CadencePolicyDocument,
  cadencePolicyDocument,
  type PolicyResponse,
} from "../../api/settings.ts";
import {
  type CadencePolicy,
  parseCadencePolicy,
  type RepCadenceOverride,
} from "../../domain/cadence-policy.ts";
import type { PolicyRecord } from "../../store/repositories/policy.ts";
import type { RequestContext } from "../request-context.ts";

export async function getPolicy(context: RequestContext): Promise<PolicyResponse> {
  return presentPolicy(await context.services.store.policy.get(context.tenantId));
}

export function presentPolicy(record: PolicyRecord | undefined): PolicyResponse {
  const parsed = cadencePolicyDocument.safeParse(record?.document ?? {});
  const document: CadencePolicyDocument = parsed.success ? parsed.data : {};
  return {
    version: record?.version ?? 0,
    document,
    policy: inForce(parseCadencePolicy(document)),
    updatedAt: record === undefined ? null : new Date(record.updatedAt).toISOString(),
    updatedBy: record?.updatedBy ?? null,
  };
}

function inForce(policy: CadencePolicy): PolicyResponse["policy"] {
  return {
    blockLength: policy.blockLength,
    halfDayHours: policy.halfDayHours,
    fullDayMinHours: policy.fullDayMinHours,
    everyWeeks: { ...policy.everyWeeks },
    newHireMonths: policy.newHireMonths,
    preferredWeekdays: [...policy.preferredWeekdays],
    travelBufferMinutes: policy.travelBufferMinutes,
    tentativeIsBusy: policy.tentativeIsBusy,
    maxFieldDaysPerWeek: policy.maxFieldDaysPerWeek,
    horizonWeeks: policy.horizonWeeks,
    reps: Object.fromEntries(
      [...policy.reps].map(([email, override]) => [email, contractOverride(override)]),
    ),
  };
}

/** The per-rep fields the API's policy shows; fields the contract does not know yet stay server-side. */
function contractOverride(override: RepCadenceOverride): CadenceOverride {
  return {
    ...(override.blockLength === undefined ? {} : { blockLength: override.blockLength }),
    ...(override.halfDayHours === undefined ? {} : { halfDayHours: override.halfDayHours }),
    ...(override.fullDayMinHours === undefined ? {} : { fullDayMinHours: override.fullDayMinHours }),
    ...(override.everyWeeks === undefined ? {} : { everyWeeks: { ...override.everyWeeks } }),
    ...(override.newHireMonths === undefined ? {} : { newHireMonths: override.newHireMonths }),
    ...(override.preferredWeekdays === undefined
      ? {}
      : { preferredWeekdays: [...override.preferredWeekdays] }),
    ...(override.travelBufferMinutes === undefined
      ? {}
      : { travelBufferMinutes: override.travelBufferMinutes }),
    ...(override.tentativeIsBusy === undefined ? {} : { tentativeIsBusy: override.tentativeIsBusy }),
  };
}
