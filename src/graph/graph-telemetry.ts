/**
 * A client span and a count per Graph call, after all its tries: which call, the status it ended
 * with, how many tries it took (retries are throttling or Graph's 5xx). Identifiers in the path
 * (user ids, addresses, event ids) become `{id}` so that the operation name stays one per kind of call.
 */

import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { lazyCounter, tracer } from "../telemetry/instruments.ts";

const calls = lazyCounter(
  "fieldcoach.graph.calls",
  "Microsoft Graph calls, by method, operation and final status (0: no response)",
);
const retries = lazyCounter(
  "fieldcoach.graph.retries",
  "Tries beyond the first that Graph calls needed (429 and 5xx answers, timeouts)",
);

/** "/users/megan@contoso.com/events/AAMk…" → "/users/{id}/events/{id}". */
export function graphOperationOf(path: string): string {
  const [bare] = path.split("?");
  return (bare ?? "")
    .split("/")
    .map((segment, index, all) =>
      index > 0 && isIdentifier(segment, all[index - 1] ?? "") ? "{id}" : segment,
    )
    .join("/");
}

const COLLECTIONS_WITH_IDS = new Set([
  "users",
  "events",
  "subscriptions",
  "calendars",
  "extensions",
  "groups",
]);

function isIdentifier(segment: string, previous: string): boolean {
  return COLLECTIONS_WITH_IDS.has(previous) || segment.includes("@") || /\d/.test(segment);
}

export interface GraphCallRecord {
  readonly status: number;
  readonly tries: number;
}

/** Runs one Graph call inside a client span; `record` reads the outcome from what it returned or threw. */
export async function tracedGraphCall<T>(
  host: string,
  method: string,
  path: string,
  run: () => Promise<T>,
  outcome: (result: { value: T } | { error: unknown }) => GraphCallRecord,
): Promise<T> {
  const operation = graphOperationOf(path);
  const span = tracer().startSpan(`Graph ${method} ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: { "http.request.method": method, "server.address": host, "url.template": operation },
  });
  const finish = (record: GraphCallRecord, failed: boolean) => {
    span.setAttribute("http.response.status_code", record.status);
    span.setAttribute("fieldcoach.graph.tries", record.tries);
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    calls().add(1, { method, operation, status: record.status });
    if (record.tries > 1) retries().add(record.tries - 1, { method, operation });
  };
  try {
    const value = await run();
    finish(outcome({ value }), false);
    return value;
  } catch (error) {
    finish(outcome({ error }), true);
    throw error;
  }
}
