/**
 * A span and a count per run of a background job, by kind and outcome, so that Application Insights
 * shows how often calendars are synced and reminders sent, and which runs fail. Nothing is exported
 * unless the server started telemetry.
 */

import { SpanStatusCode } from "@opentelemetry/api";
import { lazyCounter, tracer } from "../telemetry/instruments.ts";

const runs = lazyCounter("fieldcoach.jobs.runs", "Background job runs, by kind and outcome (done or failed)");

export async function tracedJobRun<T>(kind: string, tenantId: string, run: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan(`job ${kind}`, {
    attributes: { "fieldcoach.job.kind": kind, "fieldcoach.tenant_id": tenantId },
  });
  try {
    const value = await run();
    runs().add(1, { kind, outcome: "done" });
    return value;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    runs().add(1, { kind, outcome: "failed" });
    throw error;
  } finally {
    span.end();
  }
}
