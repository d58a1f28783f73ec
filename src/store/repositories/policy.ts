import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, json, toDate, toInstant, type VersionedWrite, type WriteContext } from "../columns.ts";
import type { CadencePoliciesTable, Database } from "../schema.ts";

/** The tenant's cadence policy as its POLICY.json document (parseCadencePolicy reads it). */
export interface PolicyRecord {
  readonly document: Readonly<Record<string, unknown>>;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
}

export interface PolicyRepository {
  /** Undefined until an admin or executive first saves one: the domain's defaults apply. */
  get(tenantId: string): Promise<PolicyRecord | undefined>;
  /**
   * Saves when the stored version is `expectedVersion` (null: when there is none yet); otherwise
   * reports the conflict with the stored policy. Undefined when a version was expected but no policy
   * is stored.
   */
  save(
    tenantId: string,
    document: Readonly<Record<string, unknown>>,
    expectedVersion: number | null,
    context: WriteContext,
  ): Promise<VersionedWrite<PolicyRecord> | undefined>;
}

export function policyRepository(db: Kysely<Database>): PolicyRepository {
  const get = async (executor: Kysely<Database>, tenantId: string) => {
    const row = await executor
      .selectFrom("cadence_policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    return row && toRecord(row);
  };
  return {
    get: (tenantId) => get(db, tenantId),
    save(tenantId, document, expectedVersion, { by, now }) {
      return atomically(db, async (tx) => {
        const saved =
          expectedVersion === null
            ? await tx
                .insertInto("cadence_policies")
                .values({
                  tenant_id: tenantId,
                  document: json(document),
                  version: 1,
                  updated_by: by,
                  updated_at: toDate(now),
                })
                .onConflict((conflict) => conflict.column("tenant_id").doNothing())
                .returningAll()
                .executeTakeFirst()
            : await tx
                .updateTable("cadence_policies")
                .set((eb) => ({
                  document: json(document),
                  version: eb("version", "+", 1),
                  updated_by: by,
                  updated_at: toDate(now),
                }))
                .where("tenant_id", "=", tenantId)
                .where("version", "=", expectedVersion)
                .returningAll()
                .executeTakeFirst();
        if (saved !== undefined) return { outcome: "saved", record: toRecord(saved) };
        const current = await get(tx, tenantId);
        return current && { outcome: "conflict", current };
      });
    },
  };
}

function toRecord(row: Selectable<CadencePoliciesTable>): PolicyRecord {
  return {
    document: row.document,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: toInstant(row.updated_at),
  };
}
