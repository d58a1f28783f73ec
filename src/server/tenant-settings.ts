/**
 * What a tenant's row keeps in its `settings` document: what administrators set (customer accounts and
 * the big-deal threshold for classification, retention, the opt-in reading of reps' calendars) and what
 * directory sync learns (the tenant's verified domains). Parsed with defaults on every read, so a
 * document written by an older version still reads.
 */

import { z } from "zod";

export const accountSchema = z.object({
  domain: z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "must be a domain name such as fabrikam.com")
    .transform((domain) => domain.toLowerCase()),
  name: z.string().min(1).max(200),
  openPipeline: z.number().finite().nonnegative(),
});

/** What administrators may change. */
export const adminSettingsSchema = z.object({
  /** A customer call with an account at or above this open pipeline is a big deal (SPEC §3). */
  bigDealThreshold: z.number().finite().nonnegative().default(1_000_000),
  accounts: z.array(accountSchema).max(10_000).default([]),
  /** Months coaching records are kept after their meeting; null keeps them. */
  retentionMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** The opt-in admin mode that reads reps' own calendars with an application permission (SPEC §9). */
  readRepCalendars: z.boolean().default(false),
});

export type AdminSettings = z.output<typeof adminSettingsSchema>;

export interface TenantSettings extends AdminSettings {
  /** Lower-case verified domains, from the last directory sync; empty before the first one. */
  readonly verifiedDomains: readonly string[];
}

const storedSchema = adminSettingsSchema.extend({
  verifiedDomains: z.array(z.string()).default([]),
});

/** Reads the stored document; a value that no longer fits falls back to its default. */
export function readTenantSettings(stored: Readonly<Record<string, unknown>> | undefined): TenantSettings {
  const parsed = storedSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const fallback = storedSchema.parse({});
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored ?? {})) {
    const field = storedSchema.shape[key as keyof typeof storedSchema.shape];
    if (field?.safeParse(value).success) kept[key] = value;
  }
  return { ...fallback, ...storedSchema.parse(kept) };
}

/**
 * The part of the document an administrator's save writes. Administrators and directory sync each
 * write only their own keys (TenantsRepository.updateSettings merges), so neither undoes the other.
 */
export function adminSettingsPatch(settings: AdminSettings): Record<string, unknown> {
  return {
    bigDealThreshold: settings.bigDealThreshold,
    accounts: settings.accounts.map((account) => ({ ...account })),
    retentionMonths: settings.retentionMonths,
    readRepCalendars: settings.readRepCalendars,
  };
}

/** The part of the document directory sync writes. */
export function verifiedDomainsPatch(domains: readonly string[]): Record<string, unknown> {
  return { verifiedDomains: [...domains] };
}
