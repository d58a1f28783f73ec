import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { json, toDate, toInstant, toInstantOrNull } from "../columns.ts";
import type { Database, TenantsTable } from "../schema.ts";

export interface TenantRecord {
  readonly tenantId: string;
  readonly name: string | null;
  /** Admin settings (roster source, retention, reading reps' calendars); their shape is the server's. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly consentedAt: Instant | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface TenantsRepository {
  get(tenantId: string): Promise<TenantRecord | undefined>;
  /** Creates the tenant on first sight, or refreshes its name. */
  upsert(tenantId: string, name: string | null, now: Instant): Promise<TenantRecord>;
  recordConsent(tenantId: string, now: Instant): Promise<TenantRecord | undefined>;
  updateSettings(
    tenantId: string,
    settings: Readonly<Record<string, unknown>>,
    now: Instant,
  ): Promise<TenantRecord | undefined>;
  /** Every tenant, for work that runs across them (scheduled sync); requests never call it. */
  listAll(): Promise<TenantRecord[]>;
}

export function tenantsRepository(db: Kysely<Database>): TenantsRepository {
  return {
    async get(tenantId) {
      const row = await db
        .selectFrom("tenants")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return row && toRecord(row);
    },
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
    async updateSettings(tenantId, settings, now) {
      const row = await db
        .updateTable("tenants")
        .set({ settings: json(settings), updated_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
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
    consentedAt: toInstantOrNull(row.consented_at),
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
  };
}
