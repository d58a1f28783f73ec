/** The tenant's settings as administrators set them (GET /api/settings/tenant); administrators only. */

import type { TenantSettingsResponse } from "../../api/settings.ts";
import type { TenantRecord } from "../../store/repositories/tenants.ts";
import type { RequestContext } from "../request-context.ts";
import { readTenantSettings } from "../tenant-settings.ts";

export async function getTenantSettings(context: RequestContext): Promise<TenantSettingsResponse> {
  return presentTenantSettings(await context.services.store.tenants.get(context.tenantId));
}

export function presentTenantSettings(record: TenantRecord | undefined): TenantSettingsResponse {
  const settings = readTenantSettings(record?.settings);
  return {
    version: record?.settingsVersion ?? 0,
    settings: {
      bigDealThreshold: settings.bigDealThreshold,
      accounts: settings.accounts.map((account) => ({ ...account })),
      retentionMonths: settings.retentionMonths,
      readRepCalendars: settings.readRepCalendars,
    },
    verifiedDomains: [...settings.verifiedDomains],
    updatedAt: record?.settingsUpdatedAt == null ? null : new Date(record.settingsUpdatedAt).toISOString(),
    updatedBy: record?.settingsUpdatedBy ?? null,
  };
}
