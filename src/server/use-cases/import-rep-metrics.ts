/**
 * A rep's figures from a CSV file (POST /api/reps/:email/metrics/import): the whole file or nothing. A
 * file with any bad row imports no row at all and answers 422 with every problem found, by line and
 * column; importing the same file again records no change twice.
 */

import { randomUUID } from "node:crypto";
import { parseMetricsCsv } from "../../api/metrics-csv.ts";
import type { MetricsImportResponse } from "../../api/plans.ts";
import { forbidden, notFound, RequestError } from "../api-error.ts";
import { canRecordMetrics, personAccess } from "../authorize.ts";
import type { RequestContext } from "../request-context.ts";

export async function importRepMetrics(
  context: RequestContext,
  email: string,
  csv: string,
): Promise<MetricsImportResponse> {
  const hierarchy = await context.hierarchy();
  if (hierarchy.person(email) === undefined) throw notFound(`${email} is not in the directory.`);
  if (!canRecordMetrics(personAccess(context.viewer, email, hierarchy))) {
    throw forbidden("Only the people a rep reports to record their figures.");
  }
  const parsed = parseMetricsCsv(csv);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw new RequestError(
      "csv_invalid",
      `Nothing was imported: line ${first.line}${first.column === null ? "" : `, column ${first.column}`}: ${first.message}`,
      { details: { problems: parsed.problems } },
    );
  }
  const importId = randomUUID();
  const changes = await context.services.store.metrics.record(context.tenantId, email, parsed.values, {
    by: context.viewer.email!,
    now: context.now,
    source: "csv",
    importId,
  });
  return { importId, values: parsed.values.length, changed: changes.length };
}
