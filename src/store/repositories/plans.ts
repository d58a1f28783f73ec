import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, json, toDate, toInstant, type VersionedWrite, type WriteContext } from "../columns.ts";
import type { CoachingPlansTable, Database, GoalStatus, PlanGoalsTable, StoredPlanFocus } from "../schema.ts";

export interface GoalInput {
  /** Chosen by the client, so a retried save does not add the goal twice. */
  readonly goalId: string;
  readonly text: string;
  /** "YYYY-MM-DD" or null. */
  readonly dueDate: string | null;
  readonly status: GoalStatus;
}

export interface PlanInput {
  /** Focus behaviours with the rating the rep is working toward. */
  readonly focus: readonly StoredPlanFocus[];
  /** The rep's cadence override, in POLICY.json's per-rep shape; null to follow the tenant. */
  readonly cadenceOverride: Readonly<Record<string, unknown>> | null;
  /** In display order. */
  readonly goals: readonly GoalInput[];
}

export interface GoalRecord extends GoalInput {
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface PlanRecord {
  readonly repEmail: string;
  readonly focus: readonly StoredPlanFocus[];
  readonly cadenceOverride: Readonly<Record<string, unknown>> | null;
  readonly goals: readonly GoalRecord[];
  readonly version: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly updatedBy: string;
}

export interface PlansRepository {
  get(tenantId: string, repEmail: string): Promise<PlanRecord | undefined>;
  /** The cadence overrides of those of these reps whose plans have one, in one read. */
  cadenceOverrides(
    tenantId: string,
    repEmails: readonly string[],
  ): Promise<Map<string, Readonly<Record<string, unknown>>>>;
  /**
   * Saves the whole plan when the stored version is `expectedVersion` (null: no plan yet), else
   * reports the conflict with the stored plan. Undefined when a version was expected and no plan exists.
   */
  save(
    tenantId: string,
    repEmail: string,
    plan: PlanInput,
    expectedVersion: number | null,
    context: WriteContext,
  ): Promise<VersionedWrite<PlanRecord> | undefined>;
}

export function plansRepository(db: Kysely<Database>): PlansRepository {
  const get = async (executor: Kysely<Database>, tenantId: string, repEmail: string) => {
    const plan = await executor
      .selectFrom("coaching_plans")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("rep_email", "=", repEmail)
      .executeTakeFirst();
    if (plan === undefined) return undefined;
    const goals = await executor
      .selectFrom("plan_goals")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("rep_email", "=", repEmail)
      .orderBy("position")
      .execute();
    return toRecord(plan, goals);
  };

  return {
    get: (tenantId, repEmail) => get(db, tenantId, repEmail),
    async cadenceOverrides(tenantId, repEmails) {
      if (repEmails.length === 0) return new Map();
      const rows = await db
        .selectFrom("coaching_plans")
        .select(["rep_email", "cadence_override"])
        .where("tenant_id", "=", tenantId)
        .where("rep_email", "in", [...repEmails])
        .execute();
      return new Map(
        rows.flatMap((row) =>
          row.cadence_override === null ? [] : [[row.rep_email, row.cadence_override] as const],
        ),
      );
    },
    save(tenantId, repEmail, plan, expectedVersion, { by, now }) {
      return atomically(db, async (tx) => {
        const values = {
          focus: json(plan.focus),
          cadence_override: plan.cadenceOverride === null ? null : json(plan.cadenceOverride),
          updated_at: toDate(now),
          updated_by: by,
        };
        const saved =
          expectedVersion === null
            ? await tx
                .insertInto("coaching_plans")
                .values({
                  tenant_id: tenantId,
                  rep_email: repEmail,
                  version: 1,
                  created_at: toDate(now),
                  ...values,
                })
                .onConflict((conflict) => conflict.columns(["tenant_id", "rep_email"]).doNothing())
                .returning("version")
                .executeTakeFirst()
            : await tx
                .updateTable("coaching_plans")
                .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
                .where("tenant_id", "=", tenantId)
                .where("rep_email", "=", repEmail)
                .where("version", "=", expectedVersion)
                .returning("version")
                .executeTakeFirst();
        if (saved === undefined) {
          const current = await get(tx, tenantId, repEmail);
          return current && { outcome: "conflict", current };
        }
        await replaceGoals(tx, tenantId, repEmail, plan.goals, now);
        return { outcome: "saved", record: (await get(tx, tenantId, repEmail))! };
      });
    },
  };
}

async function replaceGoals(
  tx: Kysely<Database>,
  tenantId: string,
  repEmail: string,
  goals: readonly GoalInput[],
  now: Instant,
): Promise<void> {
  const keep = goals.map((goal) => goal.goalId);
  await tx
    .deleteFrom("plan_goals")
    .where("tenant_id", "=", tenantId)
    .where("rep_email", "=", repEmail)
    .$if(keep.length > 0, (query) => query.where("goal_id", "not in", keep))
    .execute();
  if (goals.length === 0) return;
  await tx
    .insertInto("plan_goals")
    .values(
      goals.map((goal, position) => ({
        tenant_id: tenantId,
        rep_email: repEmail,
        goal_id: goal.goalId,
        text: goal.text,
        due_date: goal.dueDate,
        status: goal.status,
        position,
        created_at: toDate(now),
        updated_at: toDate(now),
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["tenant_id", "rep_email", "goal_id"]).doUpdateSet((eb) => ({
        text: eb.ref("excluded.text"),
        due_date: eb.ref("excluded.due_date"),
        status: eb.ref("excluded.status"),
        position: eb.ref("excluded.position"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

function toRecord(plan: Selectable<CoachingPlansTable>, goals: Selectable<PlanGoalsTable>[]): PlanRecord {
  return {
    repEmail: plan.rep_email,
    focus: plan.focus,
    cadenceOverride: plan.cadence_override,
    goals: goals.map((goal) => ({
      goalId: goal.goal_id,
      text: goal.text,
      dueDate: goal.due_date,
      status: goal.status,
      createdAt: toInstant(goal.created_at),
      updatedAt: toInstant(goal.updated_at),
    })),
    version: plan.version,
    createdAt: toInstant(plan.created_at),
    updatedAt: toInstant(plan.updated_at),
    updatedBy: plan.updated_by,
  };
}
