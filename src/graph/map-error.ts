/**
 * Graph failures classified by what the caller should do, from the HTTP status and Graph's error code
 * only (never from message text, which Graph words differently per workload and locale). Pure.
 */

import type { GraphFailure, GraphFailureKind } from "../domain/graph-ports.ts";

export class GraphError extends Error implements GraphFailure {
  readonly kind: GraphFailureKind;
  readonly status: number;
  readonly code: string;
  /** Graph's `innerError.code` when it gives one ("MailboxConcurrency"). */
  readonly innerCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly neededScopes: readonly string[];
  /** How many times the request was sent before giving up. */
  readonly tries: number;

  constructor(fields: {
    kind: GraphFailureKind;
    status: number;
    code: string;
    message: string;
    innerCode?: string | undefined;
    requestId?: string | undefined;
    retryAfterMs?: number | undefined;
    neededScopes?: readonly string[];
    tries?: number;
  }) {
    super(fields.message);
    this.name = "GraphError";
    this.kind = fields.kind;
    this.status = fields.status;
    this.code = fields.code;
    this.innerCode = fields.innerCode;
    this.requestId = fields.requestId;
    this.retryAfterMs = fields.retryAfterMs;
    this.neededScopes = fields.neededScopes ?? [];
    this.tries = fields.tries ?? 1;
  }
}

/** A failed response as the adapter saw it. */
export interface FailedResponse {
  readonly status: number;
  /** Header lookup, case-insensitive (a `Headers` object, or a batch item's headers via `headerLookup`). */
  readonly header: (name: string) => string | null;
  readonly body: unknown;
}

export interface ErrorContext {
  /** What was asked, for the message ("GET /users/{id}/calendarView"). */
  readonly request: string;
  readonly neededScopes: readonly string[];
  readonly tries: number;
  /** Milliseconds since the epoch, to read a `Retry-After` given as a date. */
  readonly now: number;
}

export function kindOfStatus(status: number): GraphFailureKind {
  if (status === 429 || status === 503 || status === 504) return "retry-later";
  if (status === 410) return "resync";
  if (status === 401 || status === 403) return "permission";
  if (status === 404) return "not-found";
  if (status >= 500 && status !== 501) return "retry-later";
  return "bad-request";
}

export function mapGraphError(response: FailedResponse, context: ErrorContext): GraphError {
  const error = errorObject(response.body);
  const code = stringField(error, "code") || `Http${response.status}`;
  const inner = objectField(error, "innerError");
  const kind = kindOfStatus(response.status);
  const retryAfterMs = parseRetryAfter(response.header("Retry-After"), context.now);
  const graphMessage = stringField(error, "message");
  const tried = context.tries > 1 ? ` after ${context.tries} tries` : "";
  const needs =
    kind === "permission" && context.neededScopes.length > 0
      ? `; it needs one of: ${context.neededScopes.join(", ")}`
      : "";
  return new GraphError({
    kind,
    status: response.status,
    code,
    message: `Graph answered ${response.status} ${code} to ${context.request}${tried}${needs}${
      graphMessage === "" ? "" : ` (${graphMessage})`
    }`,
    innerCode: stringField(inner, "code") || undefined,
    requestId:
      stringField(inner, "request-id") ||
      response.header("request-id") ||
      response.header("client-request-id") ||
      undefined,
    retryAfterMs,
    neededScopes: kind === "permission" ? context.neededScopes : [],
    tries: context.tries,
  });
}

/** A request that got no response: the connection failed or it timed out. */
export function transportError(
  cause: unknown,
  context: Omit<ErrorContext, "neededScopes" | "now">,
): GraphError {
  const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  const detail = cause instanceof Error ? describeCause(cause) : String(cause);
  return new GraphError({
    kind: "retry-later",
    status: 0,
    code: timedOut ? "Timeout" : "NetworkError",
    message: `${context.request} ${timedOut ? "timed out" : "got no response"}${
      context.tries > 1 ? ` after ${context.tries} tries` : ""
    }: ${detail}`,
    tries: context.tries,
  });
}

/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds (Graph writes fractions, "2.128") or
 * an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A case-insensitive lookup over a plain header object (as `$batch` items carry them). */
export function headerLookup(headers: unknown): (name: string) => string | null {
  const entries =
    typeof headers === "object" && headers !== null ? Object.entries(headers as Record<string, unknown>) : [];
  return (name) => {
    const found = entries.find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found === undefined ? null : String(found[1]);
  };
}

function describeCause(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = "code" in cause && typeof cause.code === "string" ? `${cause.code}: ` : "";
    return `${error.message} (${code}${cause.message})`;
  }
  return error.message;
}

function errorObject(body: unknown): Record<string, unknown> | undefined {
  return objectField(
    typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined,
    "error",
  );
}

function objectField(
  obj: Record<string, unknown> | undefined,
  key: string,
): Record<string, unknown> | undefined {
  const value = obj?.[key];
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringField(obj: Record<string, unknown> | undefined, key: string): string {
  const value = obj?.[key];
  return typeof value === "string" ? value : "";
}

/** A Graph answer FieldCoach cannot read: resending the same request would get the same answer. */
export function malformedAnswer(detail: string, request: string): GraphError {
  return new GraphError({
    kind: "bad-request",
    status: 200,
    code: "MalformedResponse",
    message: `Graph's answer to ${request} cannot be read: ${detail}`,
  });
}
