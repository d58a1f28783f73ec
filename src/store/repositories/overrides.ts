import type { Kysely, Selectable } from "kysely";
import type { ClassificationOverride } from "../../domain/classify.ts";
import type { Instant } from "../../domain/instant.ts";
import { toDate, toInstant, type WriteContext } from "../columns.ts";
import type { Database, EventOverridesTable } from "../schema.ts";

export interface OverrideRecord extends ClassificationOverride {
  /** The manager whose classification it corrects. */
  readonly mailbox: string;
  /** The event's iCalUId, or its id when it has none (as classifyEvents keys overrides). */
  readonly eventKey: string;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
}

export interface OverridesRepository {
  get(tenantId: string, mailbox: string, eventKey: string): Promise<OverrideRecord | undefined>;
  /** Every override of one manager, for classifyEvents' `overrides` map. */
  forMailbox(tenantId: string, mailbox: string): Promise<OverrideRecord[]>;
  /** Sets (or replaces) the override; at least one of initiator and kind must be given. */
  set(
    tenantId: string,
    mailbox: string,
    eventKey: string,
    override: ClassificationOverride,
    context: WriteContext,
  ): Promise<OverrideRecord>;
  clear(tenantId: string, mailbox: string, eventKey: string): Promise<boolean>;
}

export function overridesRepository(db: Kysely<Database>): OverridesRepository {
  return {
    async get(tenantId, mailbox, eventKey) {
      const row = await db
        .selectFrom("event_overrides")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("mailbox", "=", mailbox)
        .where("event_key", "=", eventKey)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async forMailbox(tenantId, mailbox) {
      const rows = await db
        .selectFrom("event_overrides")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("mailbox", "=", mailbox)
        .orderBy("event_key")
        .execute();
      return rows.map(toRecord);
    },
    async set(tenantId, mailbox, eventKey, override, { by, now }) {
      const values = {
        initiator: override.initiator ?? null,
        kind: override.kind ?? null,
        reason: override.reason ?? null,
        updated_by: by,
        updated_at: toDate(now),
      };
      const row = await db
        .insertInto("event_overrides")
        .values({ tenant_id: tenantId, mailbox, event_key: eventKey, ...values })
        .onConflict((conflict) => conflict.columns(["tenant_id", "mailbox", "event_key"]).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async clear(tenantId, mailbox, eventKey) {
      const result = await db
        .deleteFrom("event_overrides")
        .where("tenant_id", "=", tenantId)
        .where("mailbox", "=", mailbox)
        .where("event_key", "=", eventKey)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<EventOverridesTable>): OverrideRecord {
  return {
    mailbox: row.mailbox,
    eventKey: row.event_key,
    ...(row.initiator === null ? {} : { initiator: row.initiator }),
    ...(row.kind === null ? {} : { kind: row.kind }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    updatedBy: row.updated_by,
    updatedAt: toInstant(row.updated_at),
  };
}
