/**
 * The cadence policy in force for some reps: the tenant's POLICY.json document (the domain's defaults
 * when none was saved) with each rep's own override from their coaching plan on top.
 */

import { type CadencePolicy, parseCadencePolicy } from "../domain/cadence-policy.ts";
import type { Store } from "../store/store.ts";

export async function policyFor(
  store: Store,
  tenantId: string,
  repEmails: readonly string[],
): Promise<CadencePolicy> {
  const stored = await store.policy.get(tenantId);
  const document = stored?.document ?? {};
  const reps: Record<string, unknown> = { ...(isRecord(document.reps) ? document.reps : {}) };
  for (const [email, override] of await store.plans.cadenceOverrides(tenantId, repEmails)) {
    reps[email] = override;
  }
  return parseCadencePolicy({ ...document, reps });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
