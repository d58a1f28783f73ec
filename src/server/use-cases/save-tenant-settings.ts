/**
 * An administrator saves the tenant's settings (PUT /api/settings/tenant with If-Match, 0 for the
 * first save): only over the version they read, keeping the verified domains directory sync writes.
 * In the same transaction, when the accounts or the big-deal threshold changed, every stored customer
 * call is decided again for big deals, so that the next read of any page follows the new settings; the
 * save is audited; and a retention set asks the retention job to run now.
 */

import { isDeepStrictEqual } from "node:util";
import type { TenantSettingsBody, TenantSettingsResponse } from "../../api/settings.ts";
import { JOB_KINDS } from "../../jobs/job-keys.ts";
import { RequestError } from "../api-error.ts";
import type { RequestContext } from "../request-context.ts";
import { reclassifyBigDeals } from "../sync/reclassify-big-deals.ts";
import { tenantOrgOf } from "../sync/tenant-org.ts";
import { adminSettingsPatch, readTenantSettings } from "../tenant-settings.ts";
import { presentTenantSettings } from "./get-tenant-settings.ts";

export async function saveTenantSettings(
  context: RequestContext,
  expectedVersion: number,
  body: TenantSettingsBody,
): Promise<TenantSettingsResponse> {
  const { store } = context.services;
  const { tenantId, now } = context;
  const by = context.viewer.email ?? context.caller.objectId;
  const { people } = await context.hierarchy();
  const outcome = await store.transaction(async (tx) => {
    const before = readTenantSettings((await tx.tenants.get(tenantId))?.settings);
    const saved = await tx.tenants.saveAdminSettings(
      tenantId,
      adminSettingsPatch(body.settings),
      expectedVersion,
      { by, now },
    );
    if (saved === undefined || saved.outcome === "conflict") return undefined;
    const after = readTenantSettings(saved.record.settings);
    let reclassified = 0;
    if (
      after.bigDealThreshold !== before.bigDealThreshold ||
      !isDeepStrictEqual(after.accounts, before.accounts)
    ) {
      reclassified = await reclassifyBigDeals(tx, tenantId, tenantOrgOf(people, after), now);
    }
    await tx.audit.record(
      tenantId,
      {
        actor: by,
        action: "settings.update",
        targetType: "tenant",
        targetId: tenantId,
        detail: {
          version: saved.record.settingsVersion,
          bigDealThreshold: after.bigDealThreshold,
          accounts: after.accounts.length,
          retentionMonths: after.retentionMonths,
          readRepCalendars: after.readRepCalendars,
          reclassified,
        },
      },
      now,
    );
    if (after.retentionMonths !== null) await tx.jobQueue.request(tenantId, JOB_KINDS.retention, now);
    return saved.record;
  });
  if (outcome === undefined) {
    const current = presentTenantSettings(await store.tenants.get(tenantId));
    throw new RequestError(
      "version_conflict",
      `The tenant settings were saved elsewhere in the meantime (now version ${current.version}); merge and save again.`,
      { details: { current }, headers: { ETag: `"${current.version}"` } },
    );
  }
  return presentTenantSettings(outcome);
}
