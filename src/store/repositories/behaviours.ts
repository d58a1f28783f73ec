import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, toDate, toInstantOrNull } from "../columns.ts";
import type { BehavioursTable, Database } from "../schema.ts";

export interface BehaviourInput {
  /** Stable id notes and plans refer to, such as "asks-open-questions". */
  readonly behaviourId: string;
  readonly name: string;
  readonly description: string;
}

export interface BehaviourRecord extends BehaviourInput {
  readonly position: number;
  /** Set when the behaviour left the library; old notes still show it. */
  readonly retiredAt: Instant | null;
}

export interface BehavioursRepository {
  /** The library in its order; retired behaviours only when asked for. */
  list(tenantId: string, options?: { readonly includeRetired?: boolean }): Promise<BehaviourRecord[]>;
  /**
   * Makes the library exactly `behaviours`, in that order. Behaviours left out are retired, never
   * deleted, because notes and plans keep referring to them; one given again comes back.
   */
  replaceLibrary(
    tenantId: string,
    behaviours: readonly BehaviourInput[],
    now: Instant,
  ): Promise<BehaviourRecord[]>;
}

export function behavioursRepository(db: Kysely<Database>): BehavioursRepository {
  const list = async (executor: Kysely<Database>, tenantId: string, includeRetired: boolean) => {
    const rows = await executor
      .selectFrom("behaviours")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .$if(!includeRetired, (query) => query.where("retired_at", "is", null))
      .orderBy("retired_at", (order) => order.nullsFirst())
      .orderBy("position")
      .orderBy("behaviour_id")
      .execute();
    return rows.map(toRecord);
  };
  return {
    list: (tenantId, options = {}) => list(db, tenantId, options.includeRetired ?? false),
    replaceLibrary(tenantId, behaviours, now) {
      return atomically(db, async (tx) => {
        const keep = behaviours.map((behaviour) => behaviour.behaviourId);
        await tx
          .updateTable("behaviours")
          .set({ retired_at: toDate(now), updated_at: toDate(now) })
          .where("tenant_id", "=", tenantId)
          .where("retired_at", "is", null)
          .$if(keep.length > 0, (query) => query.where("behaviour_id", "not in", keep))
          .execute();
        if (behaviours.length > 0) {
          await tx
            .insertInto("behaviours")
            .values(
              behaviours.map((behaviour, position) => ({
                tenant_id: tenantId,
                behaviour_id: behaviour.behaviourId,
                name: behaviour.name,
                description: behaviour.description,
                position,
                retired_at: null,
                updated_at: toDate(now),
              })),
            )
            .onConflict((conflict) =>
              conflict.columns(["tenant_id", "behaviour_id"]).doUpdateSet((eb) => ({
                name: eb.ref("excluded.name"),
                description: eb.ref("excluded.description"),
                position: eb.ref("excluded.position"),
                retired_at: null,
                updated_at: eb.ref("excluded.updated_at"),
              })),
            )
            .execute();
        }
        return list(tx, tenantId, false);
      });
    },
  };
}

function toRecord(row: Selectable<BehavioursTable>): BehaviourRecord {
  return {
    behaviourId: row.behaviour_id,
    name: row.name,
    description: row.description,
    position: row.position,
    retiredAt: toInstantOrNull(row.retired_at),
  };
}
