import { type Kysely, type Selectable, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import {
  atomically,
  json,
  toDate,
  toInstant,
  toInstantOrNull,
  type VersionedWrite,
  type WriteContext,
} from "../columns.ts";
import type { Database, TenantsTable } from "../schema.ts";

export interface TenantRecord {
  readonly tenantId: string;
  readonly name: string | null;
  /**
   * The settings document: what administrators set (accounts, big-deal threshold, retention, reading
   * reps' calendars) and what directory sync learns (verified domains); its shape is the server's.
   */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Administrators' saves of the settings; 0 before the first. */
  readonly settingsVersion: number;
  readonly settingsUpdatedBy: string | null;
  readonly settingsUpdatedAt: Instant | null;
  readonly consentedAt: Instant | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface TenantsRepository {
  get(tenantId: string): Promise<TenantRecord | undefined>;
  /** Creates the tenant on first sight, or refreshes its name. */
  upsert(tenantId: string, name: string | null, now: Instant): Promise<TenantRecord>;
  recordConsent(tenantId: string, now: Instant): Promise<TenantRecord | undefined>;
  /**
   * Sets the settings named in `patch` and keeps the others, in one statement: a directory sync writing
   * the verified domains and an administrator saving their settings at the same moment both stay.
   * Leaves the administrators' version alone. Undefined when the tenant is unknown.
   */
  updateSettings(
    tenantId: string,
    patch: Readonly<Record<string, unknown>>,
    now: Instant,
  ): Promise<TenantRecord | undefined>;
  /**
   * An administrator's save: sets the settings named in `patch` (keeping the others) when the stored
   * version is `expectedVersion` (0: none saved yet, and the tenant is created if unknown), and counts
   * the version up; otherwise reports the conflict with the stored tenant. Undefined when a version was
   * expected but the tenant is unknown.
   */
  saveAdminSettings(
    tenantId: string,
    patch: Readonly<Record<string, unknown>>,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<VersionedWrite<TenantRecord> | undefined>;
  /**
   * The administrators' settings version (0 for an unknown tenant), read after any save in progress has
   * ended: the read waits for the row lock such a save holds.
   */
  settingsVersion(tenantId: string): Promise<number>;
  /** Every tenant, for work that runs across them (scheduled sync); requests never call it. */
  listAll(): Promise<TenantRecord[]>;
}

export function tenantsRepository(db: Kysely<Database>): TenantsRepository {
  const get = async (executor: Kysely<Database>, tenantId: string) => {
    const row = await executor
      .selectFrom("tenants")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    return row && toRecord(row);
  };
  return {
    get: (tenantId) => get(db, tenantId),
    async upsert(tenantId, name, now) {
      const row = await db
        .insertInto("tenants")
        .values({ tenant_id: tenantId, name, created_at: toDate(now), updated_at: toDate(now) })
        .onConflict((conflict) => conflict.column("tenant_id").doUpdateSet({ name, updated_at: toDate(now) }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async recordConsent(tenantId, now) {
      const row = await db
        .updateTable("tenants")
        .set({ consented_at: toDate(now), updated_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async updateSettings(tenantId, patch, now) {
      const row = await db
        .updateTable("tenants")
        // `||` merges top-level keys; PostgreSQL computes it from the row as locked by this statement.
        .set({ settings: sql<string>`settings || ${json(patch)}::jsonb`, updated_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },
    saveAdminSettings(tenantId, patch, expectedVersion, { by, now }) {
      return atomically(db, async (tx) => {
        const saved =
          expectedVersion === 0
            ? await tx
                .insertInto("tenants")
                .values({
                  tenant_id: tenantId,
                  name: null,
                  settings: json(patch),
                  settings_version: 1,
                  settings_updated_by: by,
                  settings_updated_at: toDate(now),
                  created_at: toDate(now),
                  updated_at: toDate(now),
                })
                .onConflict((conflict) =>
                  conflict
                    .column("tenant_id")
                    .doUpdateSet({
                      settings: sql<string>`tenants.settings || excluded.settings`,
                      settings_version: sql<number>`tenants.settings_version + 1`,
                      settings_updated_by: by,
                      settings_updated_at: toDate(now),
                      updated_at: toDate(now),
                    })
                    .where("tenants.settings_version", "=", 0),
                )
                .returningAll()
                .executeTakeFirst()
            : await tx
                .updateTable("tenants")
                .set((eb) => ({
                  settings: sql<string>`settings || ${json(patch)}::jsonb`,
                  settings_version: eb("settings_version", "+", 1),
                  settings_updated_by: by,
                  settings_updated_at: toDate(now),
                  updated_at: toDate(now),
                }))
                .where("tenant_id", "=", tenantId)
                .where("settings_version", "=", expectedVersion)
                .returningAll()
                .executeTakeFirst();
        if (saved !== undefined) return { outcome: "saved", record: toRecord(saved) };
        const current = await get(tx, tenantId);
        return current && { outcome: "conflict", current };
      });
    },
    async settingsVersion(tenantId) {
      const row = await db
        .selectFrom("tenants")
        .select("settings_version")
        .where("tenant_id", "=", tenantId)
        .forShare()
        .executeTakeFirst();
      return row?.settings_version ?? 0;
    },
    async listAll() {
      const rows = await db.selectFrom("tenants").selectAll().orderBy("tenant_id").execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<TenantsTable>): TenantRecord {
  return {
    tenantId: row.tenant_id,
    name: row.name,
    settings: row.settings,
    settingsVersion: row.settings_version,
    settingsUpdatedBy: row.settings_updated_by,
    settingsUpdatedAt: toInstantOrNull(row.settings_updated_at),
    consentedAt: toInstantOrNull(row.consented_at),
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
  };
}
