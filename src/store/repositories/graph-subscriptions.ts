import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { toDate, toInstant } from "../columns.ts";
import type { Database, GraphSubscriptionsTable } from "../schema.ts";

/**
 * The Graph change-notification subscription on a manager's calendar: which subscription, until
 * when, and a hash of its clientState secret to check notifications against.
 */
export interface GraphSubscriptionRecord {
  readonly managerEmail: string;
  /** The manager's user id: the subscribed resource is `/users/{mailboxId}/events`. */
  readonly mailboxId: string;
  readonly subscriptionId: string;
  readonly clientStateHash: string;
  readonly expiresAt: Instant;
  readonly createdAt: Instant;
  readonly renewedAt: Instant;
}

export interface GraphSubscriptionsRepository {
  forManager(tenantId: string, managerEmail: string): Promise<GraphSubscriptionRecord | undefined>;
  /** The subscription a notification names. */
  byId(tenantId: string, subscriptionId: string): Promise<GraphSubscriptionRecord | undefined>;
  /** Stores the manager's subscription, replacing the one they had (a subscription made afresh). */
  put(tenantId: string, record: GraphSubscriptionRecord): Promise<void>;
  /** Records a renewal; false when the manager's subscription is no longer this one. */
  renewed(tenantId: string, subscriptionId: string, expiresAt: Instant, now: Instant): Promise<boolean>;
  /** Forgets the manager's subscription, if it is still this one. */
  remove(tenantId: string, managerEmail: string, subscriptionId: string): Promise<boolean>;
  list(tenantId: string): Promise<GraphSubscriptionRecord[]>;
}

export function graphSubscriptionsRepository(db: Kysely<Database>): GraphSubscriptionsRepository {
  return {
    async forManager(tenantId, managerEmail) {
      const row = await db
        .selectFrom("graph_subscriptions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("manager_email", "=", managerEmail.toLowerCase())
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async byId(tenantId, subscriptionId) {
      const row = await db
        .selectFrom("graph_subscriptions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("subscription_id", "=", subscriptionId)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async put(tenantId, record) {
      const values = {
        mailbox_id: record.mailboxId,
        subscription_id: record.subscriptionId,
        client_state_hash: record.clientStateHash,
        expires_at: toDate(record.expiresAt),
        created_at: toDate(record.createdAt),
        renewed_at: toDate(record.renewedAt),
      };
      await db
        .insertInto("graph_subscriptions")
        .values({ tenant_id: tenantId, manager_email: record.managerEmail.toLowerCase(), ...values })
        .onConflict((conflict) => conflict.columns(["tenant_id", "manager_email"]).doUpdateSet(values))
        .execute();
    },
    async renewed(tenantId, subscriptionId, expiresAt, now) {
      const result = await db
        .updateTable("graph_subscriptions")
        .set({ expires_at: toDate(expiresAt), renewed_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .where("subscription_id", "=", subscriptionId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async remove(tenantId, managerEmail, subscriptionId) {
      const result = await db
        .deleteFrom("graph_subscriptions")
        .where("tenant_id", "=", tenantId)
        .where("manager_email", "=", managerEmail.toLowerCase())
        .where("subscription_id", "=", subscriptionId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(tenantId) {
      const rows = await db
        .selectFrom("graph_subscriptions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("manager_email")
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<GraphSubscriptionsTable>): GraphSubscriptionRecord {
  return {
    managerEmail: row.manager_email,
    mailboxId: row.mailbox_id,
    subscriptionId: row.subscription_id,
    clientStateHash: row.client_state_hash,
    expiresAt: toInstant(row.expires_at),
    createdAt: toInstant(row.created_at),
    renewedAt: toInstant(row.renewed_at),
  };
}
