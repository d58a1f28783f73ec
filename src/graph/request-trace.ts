/**
 * Per-request facts the middleware chain shares: what the request needs (scopes, mailbox slots, whether
 * it may be sent twice) and what happened to it (tries, why it failed without a response). It
 * travels as an SDK middleware option, so each middleware finds it on the request's context.
 */

import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { GraphError } from "./map-error.ts";

export class RequestTrace implements MiddlewareOptions {
  /** Permissions to ask the token provider for, any one of which suffices. */
  readonly scopes: readonly string[];
  /** Mailbox id → how many of that mailbox's concurrent slots the request takes. */
  readonly mailboxes: ReadonlyMap<string, number>;
  /** True when sending the request twice cannot do anything twice (reads, creates with a transactionId). */
  readonly idempotent: boolean;
  /** For messages: "GET /users/{id}/calendarView". */
  readonly label: string;
  tries = 0;
  /** Set when the chain gave up without a usable response (token unavailable, network, timeout). */
  failure: GraphError | undefined;

  constructor(fields: {
    scopes: readonly string[];
    mailboxes: ReadonlyMap<string, number>;
    idempotent: boolean;
    label: string;
  }) {
    this.scopes = fields.scopes;
    this.mailboxes = fields.mailboxes;
    this.idempotent = fields.idempotent;
    this.label = fields.label;
  }
}

export function traceOf(context: Context): RequestTrace {
  const trace = context.middlewareControl?.getMiddlewareOptions(RequestTrace);
  if (!(trace instanceof RequestTrace)) {
    throw new Error("FieldCoach's Graph middleware needs a RequestTrace on every request");
  }
  return trace;
}

/** Sets a request header whether the SDK holds headers as a plain object or a `Headers`. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  const options = context.options ?? {};
  context.options = options;
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}
