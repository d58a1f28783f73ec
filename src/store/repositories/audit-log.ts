import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { json, toDate, toInstant } from "../columns.ts";
import type { AuditAction, AuditDetail, AuditLogTable, AuditTargetType, Database } from "../schema.ts";

export type { AuditAction, AuditDetail, AuditTargetType };

export interface AuditEntry {
  /** Lower-case email of the signed-in person, or a system name. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly targetType: AuditTargetType;
  readonly targetId: string;
  readonly detail?: AuditDetail;
}

export interface AuditRecord extends Required<AuditEntry> {
  readonly auditId: number;
  readonly at: Instant;
}

export interface AuditLogRepository {
  record(tenantId: string, entry: AuditEntry, now: Instant): Promise<AuditRecord>;
  /** Oldest first. */
  forTarget(tenantId: string, targetType: AuditTargetType, targetId: string): Promise<AuditRecord[]>;
  /** Oldest first. */
  byActor(tenantId: string, actor: string): Promise<AuditRecord[]>;
}

export function auditLogRepository(db: Kysely<Database>): AuditLogRepository {
  return {
    async record(tenantId, entry, now) {
      const row = await db
        .insertInto("audit_log")
        .values({
          tenant_id: tenantId,
          at: toDate(now),
          actor: entry.actor,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          detail: json(entry.detail ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async forTarget(tenantId, targetType, targetId) {
      const rows = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("target_type", "=", targetType)
        .where("target_id", "=", targetId)
        .orderBy("at")
        .orderBy("audit_id")
        .execute();
      return rows.map(toRecord);
    },
    async byActor(tenantId, actor) {
      const rows = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("actor", "=", actor)
        .orderBy("at")
        .orderBy("audit_id")
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    auditId: row.audit_id,
    at: toInstant(row.at),
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail,
  };
}
