/**
 * The simulator's request and response as its routes see them (the same for a top-level request and a
 * `$batch` item), and Graph's error shape.
 */

import { randomUUID } from "node:crypto";

export type JsonObject = Record<string, unknown>;

/** Who is calling, from a verified token. */
export type Caller =
  | { readonly kind: "user"; readonly oid: string; readonly scopes: ReadonlySet<string> }
  | { readonly kind: "app"; readonly appId: string; readonly roles: ReadonlySet<string> };

export interface SimRequest {
  readonly method: string;
  /** Path under the version root, decoded, without the query ("/users/abc/calendarView"). */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Set once the token is verified. */
  readonly caller: Caller;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body; undefined for none (202, 204). */
  readonly body?: unknown;
}

export const JSON_CONTENT_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: {
      "Cache-Control": "no-cache",
      "Content-Type": JSON_CONTENT_TYPE,
      "OData-Version": "4.0",
      ...headers,
    },
    body,
  };
}

export function emptyResponse(status: number): SimResponse {
  return { status, headers: {} };
}

/** Graph's error envelope, with the `innerError` Graph adds (date without zone, request ids). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: {
    now: number;
    headers?: Record<string, string>;
    innerCode?: string;
    inner?: Record<string, string>;
  },
): SimResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { "Content-Type": "application/json", "request-id": requestId, ...options.headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          ...(options.innerCode === undefined ? {} : { code: options.innerCode }),
          ...options.inner,
          date: new Date(options.now).toISOString().slice(0, 19),
          "request-id": requestId,
          "client-request-id": requestId,
        },
      },
    },
  };
}

/** A query parameter by name, ignoring case (Graph accepts `startdatetime` and `startDateTime`). */
export function queryParam(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
