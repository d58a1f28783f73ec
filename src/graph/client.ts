/**
 * The one door to Microsoft Graph: `@microsoft/microsoft-graph-client` with FieldCoach's own middleware
 * chain (bearer token → retry → per-mailbox concurrency → timeout → the SDK's HTTP handler). Every
 * capability in this folder sends through `GraphClient.send`, which returns the response or throws a
 * classified GraphError.
 */

import { Client, HTTPMessageHandler, ResponseType } from "@microsoft/microsoft-graph-client";
import { tracedGraphCall } from "./graph-telemetry.ts";
import { GraphError, mapGraphError } from "./map-error.ts";
import { AuthMiddleware, type TokenProvider } from "./middleware-auth.ts";
import { MailboxLimitMiddleware, MailboxSlots } from "./middleware-mailbox-limit.ts";
import { RetryMiddleware } from "./middleware-retry.ts";
import { TimeoutMiddleware } from "./middleware-timeout.ts";
import type { GraphPermission } from "./permissions.ts";
import { RequestTrace } from "./request-trace.ts";

export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/** Outlook's limit of concurrent requests per app per mailbox. */
export const OUTLOOK_CONCURRENCY_PER_MAILBOX = 4;

export interface GraphClientOptions {
  readonly getToken: TokenProvider;
  /** Graph's root including the version; the simulator's `baseUrl` in tests and demo mode. */
  readonly baseUrl?: string;
  /** Which permission list calls name to the token provider and in errors. */
  readonly mode?: "delegated" | "application";
  /** Attempts per request in all (default 4). */
  readonly maxTries?: number;
  /** Longest `Retry-After` the client sleeps through (default 60 s). */
  readonly maxWaitMs?: number;
  /** Backoff base when Graph names no wait (default 500 ms). */
  readonly backoffMs?: number;
  readonly maxConcurrentPerMailbox?: number;
  /**
   * Shared per-mailbox slots: give every client of the app (one per signed-in user) the same one, since
   * Outlook's limit is per app and mailbox. Defaults to slots of this client's own.
   */
  readonly mailboxSlots?: MailboxSlots;
  /** Per attempt, until response headers arrive (default 30 s). */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface GraphCall {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** A path under the base URL ("/users/{id}/calendarView?…"), or a link Graph returned. */
  readonly url: string;
  readonly permission: GraphPermission;
  /** Mailbox (user id) → slots the call takes; empty for calls that touch no mailbox. */
  readonly mailboxes?: ReadonlyMap<string, number>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Safe to send twice? Defaults to true for GET, false otherwise. */
  readonly idempotent?: boolean;
}

export interface GraphResult {
  readonly status: number;
  readonly header: (name: string) => string | null;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: unknown;
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly mode: "delegated" | "application";
  readonly maxTries: number;
  readonly maxWaitMs: number;
  readonly maxConcurrentPerMailbox: number;
  readonly backoffMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  send(call: GraphCall): Promise<GraphResult>;
  /** A link Graph returned, as a path under the base URL (for `$batch` items); throws for foreign links. */
  relativeUrl(link: string): string;
  /** The permission names a call states, for the client's mode. */
  scopesOf(permission: GraphPermission): readonly string[];
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
  const parsed = new URL(baseUrl);
  const mode = options.mode ?? "delegated";
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxTries = options.maxTries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const mailboxSlots =
    options.mailboxSlots ??
    new MailboxSlots(options.maxConcurrentPerMailbox ?? OUTLOOK_CONCURRENCY_PER_MAILBOX);
  const maxConcurrentPerMailbox = mailboxSlots.perMailbox;
  const backoffMs = options.backoffMs ?? 500;
  const sdk = Client.initWithMiddleware({
    baseUrl: parsed.origin,
    defaultVersion: parsed.pathname.replace(/^\/+/, ""),
    middleware: [
      new AuthMiddleware(options.getToken),
      new RetryMiddleware({ maxTries, maxWaitMs, backoffMs, sleep, now }),
      new MailboxLimitMiddleware(mailboxSlots),
      new TimeoutMiddleware(options.timeoutMs ?? 30_000),
      new HTTPMessageHandler(),
    ],
  });

  const relativeUrl = (link: string): string => {
    if (!/^https?:\/\//i.test(link)) return link.startsWith("/") ? link : `/${link}`;
    if (!link.startsWith(`${baseUrl}/`)) {
      throw new GraphError({
        kind: "bad-request",
        status: 0,
        code: "ForeignLink",
        message: `Graph returned a link outside ${baseUrl}; FieldCoach sends its token nowhere else: ${link}`,
      });
    }
    return link.slice(baseUrl.length);
  };
  const scopesOf = (permission: GraphPermission): readonly string[] =>
    mode === "delegated" ? permission.delegated : permission.application;

  return {
    baseUrl,
    mode,
    maxTries,
    maxWaitMs,
    maxConcurrentPerMailbox,
    backoffMs,
    sleep,
    now,
    relativeUrl,
    scopesOf,
    async send(call) {
      const path = relativeUrl(call.url);
      let tries = 0;
      return tracedGraphCall(
        parsed.host,
        call.method,
        path,
        async () => {
          const result = await sendOnce(call, path);
          tries = result.tries;
          return result.result;
        },
        (ended) =>
          "value" in ended
            ? { status: ended.value.status, tries }
            : ended.error instanceof GraphError
              ? { status: ended.error.status, tries: ended.error.tries }
              : { status: 0, tries },
      );
    },
  };

  async function sendOnce(call: GraphCall, path: string): Promise<{ result: GraphResult; tries: number }> {
    const label = `${call.method} ${path.split("?")[0]}`;
    const scopes = scopesOf(call.permission);
    const trace = new RequestTrace({
      scopes,
      mailboxes: call.mailboxes ?? new Map(),
      idempotent: call.idempotent ?? call.method === "GET",
      label,
    });
    const request = sdk
      .api(path)
      .headers({ ...call.headers })
      .middlewareOptions([trace])
      .responseType(ResponseType.RAW);
    let response: Response;
    try {
      response = (await (call.method === "GET"
        ? request.get()
        : call.method === "POST"
          ? request.post(call.body ?? {})
          : call.method === "PATCH"
            ? request.patch(call.body ?? {})
            : request.delete())) as Response;
    } catch (error) {
      throw trace.failure ?? error;
    }
    const body = await readBody(response);
    const header = (name: string): string | null => response.headers.get(name);
    if (!response.ok) {
      throw mapGraphError(
        { status: response.status, header, body },
        { request: label, neededScopes: scopes, tries: trace.tries, now: now() },
      );
    }
    return { result: { status: response.status, header, body }, tries: trace.tries };
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A path with a query string, each value encoded. */
export function withQuery(path: string, params: Readonly<Record<string, string>>): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return query === "" ? path : `${path}?${query}`;
}

/** An instant as Graph's query parameters take it ("2026-03-02T08:00:00.000Z"). */
export function isoInstant(instant: number): string {
  return new Date(instant).toISOString();
}
