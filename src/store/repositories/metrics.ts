import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, toDate, toInstant, type WriteContext } from "../columns.ts";
import type {
  Database,
  MetricName,
  MetricSource,
  RepMetricHistoryTable,
  RepMetricsTable,
} from "../schema.ts";

export interface MetricValue {
  readonly metric: MetricName;
  /** "YYYY-MM-DD": the day the figure describes. */
  readonly asOf: string;
  readonly value: number;
}

export interface MetricRecord extends MetricValue {
  readonly source: MetricSource;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
}

/** One change of one figure, kept for the plan's timeline. */
export interface MetricChange extends MetricValue {
  readonly changeId: number;
  /** Null when the figure was new. */
  readonly previousValue: number | null;
  readonly source: MetricSource;
  /** The import it came with, when it came from a CSV file. */
  readonly importId: string | null;
  readonly recordedBy: string;
  readonly recordedAt: Instant;
}

export interface MetricsRepository {
  /** Every figure of the rep, by metric then day. */
  values(tenantId: string, repEmail: string): Promise<MetricRecord[]>;
  /** Every change, oldest first. */
  history(tenantId: string, repEmail: string): Promise<MetricChange[]>;
  /**
   * Records figures all together or not at all: one bad value (negative, unknown metric, a day given
   * twice) fails the whole call and changes nothing. A figure equal to the stored one is not a change,
   * so retrying an import records nothing twice. Returns the changes made.
   */
  record(
    tenantId: string,
    repEmail: string,
    values: readonly MetricValue[],
    origin: WriteContext & { readonly source: MetricSource; readonly importId: string | null },
  ): Promise<MetricChange[]>;
}

export function metricsRepository(db: Kysely<Database>): MetricsRepository {
  return {
    async values(tenantId, repEmail) {
      const rows = await db
        .selectFrom("rep_metrics")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("rep_email", "=", repEmail)
        .orderBy("metric")
        .orderBy("as_of")
        .execute();
      return rows.map(toRecord);
    },
    async history(tenantId, repEmail) {
      const rows = await db
        .selectFrom("rep_metric_history")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("rep_email", "=", repEmail)
        .orderBy("recorded_at")
        .orderBy("change_id")
        .execute();
      return rows.map(toChange);
    },
    record(tenantId, repEmail, values, { by, now, source, importId }) {
      return atomically(db, async (tx) => {
        if (values.length === 0) return [];
        // Locks the rep's stored figures so that the previous values written to history are the ones replaced.
        const stored = await tx
          .selectFrom("rep_metrics")
          .select(["metric", "as_of", "value"])
          .where("tenant_id", "=", tenantId)
          .where("rep_email", "=", repEmail)
          .forUpdate()
          .execute();
        const previous = new Map(stored.map((row) => [`${row.metric}|${row.as_of}`, row.value]));
        const changed = values.filter(
          (value) => previous.get(`${value.metric}|${value.asOf}`) !== value.value,
        );
        // Every value goes through the upsert, so the database's checks see the whole batch.
        await tx
          .insertInto("rep_metrics")
          .values(
            values.map((value) => ({
              tenant_id: tenantId,
              rep_email: repEmail,
              metric: value.metric,
              as_of: value.asOf,
              value: value.value,
              source,
              updated_by: by,
              updated_at: toDate(now),
            })),
          )
          .onConflict((conflict) =>
            conflict
              .columns(["tenant_id", "rep_email", "metric", "as_of"])
              .doUpdateSet((eb) => ({
                value: eb.ref("excluded.value"),
                source: eb.ref("excluded.source"),
                updated_by: eb.ref("excluded.updated_by"),
                updated_at: eb.ref("excluded.updated_at"),
              }))
              .where("rep_metrics.value", "is distinct from", (eb) => eb.ref("excluded.value")),
          )
          .execute();
        if (changed.length === 0) return [];
        const rows = await tx
          .insertInto("rep_metric_history")
          .values(
            changed.map((value) => ({
              tenant_id: tenantId,
              rep_email: repEmail,
              metric: value.metric,
              as_of: value.asOf,
              value: value.value,
              previous_value: previous.get(`${value.metric}|${value.asOf}`) ?? null,
              source,
              import_id: importId,
              recorded_by: by,
              recorded_at: toDate(now),
            })),
          )
          .returningAll()
          .execute();
        return rows.map(toChange);
      });
    },
  };
}

function toRecord(row: Selectable<RepMetricsTable>): MetricRecord {
  return {
    metric: row.metric,
    asOf: row.as_of,
    value: row.value,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: toInstant(row.updated_at),
  };
}

function toChange(row: Selectable<RepMetricHistoryTable>): MetricChange {
  return {
    changeId: row.change_id,
    metric: row.metric,
    asOf: row.as_of,
    value: row.value,
    previousValue: row.previous_value,
    source: row.source,
    importId: row.import_id,
    recordedBy: row.recorded_by,
    recordedAt: toInstant(row.recorded_at),
  };
}
