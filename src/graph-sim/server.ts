/**
 * The Graph simulator: an HTTP server on loopback serving the Graph calls FieldCoach makes, with Graph's
 * shapes, status codes and headers, over a mutable copy of a simulated tenant. Tokens must come from the
 * development issuer (`src/dev-issuer/`) and carry the permissions each call needs. Tests turn faults on
 * through `faults` and read what happened through `stats()` and `state`.
 */

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";
import { createTokenChecker } from "./sim-auth.ts";
import { type FaultTarget, SimCounters, SimFaults, type SimStats } from "./sim-faults.ts";
import { errorResponse, isObject, jsonResponse, type SimRequest, type SimResponse } from "./sim-http.ts";
import { accessDenied } from "./sim-permissions.ts";
import type { RouteContext, RouteMatch } from "./sim-route.ts";
import { route } from "./sim-router.ts";
import { SimState } from "./sim-state.ts";
import type { SimTenant } from "./tenant-data.ts";

export const VERSION_ROOT = "/v1.0";
const MAX_BATCH_REQUESTS = 20;
const MAILBOX_CONCURRENCY_RETRY_AFTER_SECONDS = 1;

export interface GraphSimulatorOptions {
  readonly tenant: SimTenant;
  /** The keys tokens must be signed with: the development issuer's JWKS. */
  readonly jwks: JSONWebKeySet;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The clock for token expiry and created/modified times; tests pin it. */
  readonly now?: () => number;
}

export interface GraphSimulator {
  /** "http://127.0.0.1:port". */
  readonly url: string;
  /** The version root clients use as Graph's base URL ("http://127.0.0.1:port/v1.0"). */
  readonly baseUrl: string;
  readonly state: SimState;
  readonly faults: SimFaults;
  stats(): SimStats;
  resetStats(): void;
  close(): Promise<void>;
}

/** One call to run: a top-level request or a `$batch` item. */
interface Call {
  readonly request: SimRequest;
  readonly match: RouteMatch;
  readonly target: FaultTarget;
}

export async function startGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  const now = options.now ?? Date.now;
  const state = new SimState(options.tenant);
  const faults = new SimFaults();
  const counters = new SimCounters();
  const checkToken = createTokenChecker(options.jwks, options.tenant.tenantId, now);
  let baseUrl = "";
  const context: RouteContext = {
    state,
    get baseUrl() {
      return baseUrl;
    },
    now,
    deltaEpoch: () => faults.deltaEpoch,
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      send(
        res,
        errorResponse(500, "generalException", `The simulator failed: ${String(error)}`, { now: now() }),
      );
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.request();
    const url = new URL(req.url ?? "/", "http://simulator");
    const headers = lowerCaseHeaders(req);
    const text = await readBody(req);
    if (!url.pathname.startsWith(`${VERSION_ROOT}/`)) {
      send(
        res,
        errorResponse(404, "BadRequest", `Invalid version: use ${VERSION_ROOT}.`, { now: now() }),
        headers,
      );
      return;
    }
    let body: unknown;
    try {
      body = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      send(
        res,
        errorResponse(400, "BadRequest", "Unable to read JSON request payload.", { now: now() }),
        headers,
      );
      return;
    }
    const checked = await checkToken(headers.authorization);
    if (!checked.ok) {
      send(res, checked.response, headers);
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname.slice(VERSION_ROOT.length);
    const request: SimRequest = {
      method,
      path,
      query: url.searchParams,
      headers,
      body,
      caller: checked.caller,
    };
    if (path.toLowerCase() === "/$batch") {
      const target: FaultTarget = { method, path, kind: "batch", mailbox: undefined, inBatch: false };
      counters.call("batch", false);
      if (dropped(req, target, "before")) return;
      const response = refusedByFault(target) ?? (await batch(request));
      if (dropped(req, target, "after")) return;
      send(res, response, headers);
      return;
    }
    const routed = route(method, path, checked.caller, state, now());
    if (!routed.ok) {
      send(res, routed.response, headers);
      return;
    }
    const call: Call = { request, match: routed.match, target: targetOf(request, routed.match, false) };
    if (dropped(req, call.target, "before")) return;
    const [response] = await run([call]);
    if (dropped(req, call.target, "after")) return;
    send(res, response!, headers);
  }

  function dropped(req: IncomingMessage, target: FaultTarget, when: "before" | "after"): boolean {
    if (!faults.takeDrop(target, when)) return false;
    counters.droppedOne();
    req.socket.destroy();
    return true;
  }

  /**
   * Admits the calls in order (permissions, planned faults, the per-mailbox limit), waits the injected
   * latency once with every admitted call in flight, then runs them together, as Graph runs a batch.
   */
  async function run(calls: readonly Call[]): Promise<SimResponse[]> {
    const results: (SimResponse | undefined)[] = [];
    const admitted: { index: number; call: Call }[] = [];
    for (const [index, call] of calls.entries()) {
      const refusal = admit(call);
      results[index] = refusal;
      if (refusal === undefined) {
        admitted.push({ index, call });
        if (call.target.mailbox !== undefined) {
          const deltaRound =
            call.match.kind === "calendarView.delta" && !call.request.query.has("$skiptoken");
          counters.enter(call.target.mailbox, call.match.kind, deltaRound);
        }
      }
    }
    try {
      if (faults.latencyMs > 0 && admitted.length > 0) await delay(faults.latencyMs);
      await Promise.all(
        admitted.map(async ({ index, call }) => {
          results[index] = await call.match.handle(call.request, call.match, context);
        }),
      );
    } finally {
      for (const { call } of admitted)
        if (call.target.mailbox !== undefined) counters.leave(call.target.mailbox, call.match.kind);
    }
    return results as SimResponse[];
  }

  function admit(call: Call): SimResponse | undefined {
    const { target, match, request } = call;
    counters.call(match.kind, target.inBatch);
    const denied = accessDenied(request.caller, match.kind, match.user, now());
    if (denied !== undefined) return denied;
    const refused = refusedByFault(target);
    if (refused !== undefined) return refused;
    const limit = faults.mailboxConcurrencyLimit;
    if (limit !== undefined && target.mailbox !== undefined && counters.inFlight(target.mailbox) >= limit) {
      counters.throttledOne();
      return errorResponse(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", {
        now: now(),
        innerCode: "MailboxConcurrency",
        headers: { "Retry-After": String(MAILBOX_CONCURRENCY_RETRY_AFTER_SECONDS) },
      });
    }
    return undefined;
  }

  /** A planned 429 or 503 for this request, if one is due. */
  function refusedByFault(target: FaultTarget): SimResponse | undefined {
    const throttle = faults.takeThrottle(target);
    if (throttle !== undefined) {
      counters.throttledOne();
      return errorResponse(429, "TooManyRequests", "Please retry again later.", {
        now: now(),
        innerCode: "429",
        inner: { message: "Please retry after", status: "429" },
        headers: { "Retry-After": String(throttle) },
      });
    }
    const unavailable = faults.takeUnavailable(target);
    if (unavailable !== undefined) {
      counters.unavailableOne();
      return errorResponse(503, "ServiceUnavailable", "The service is temporarily unavailable.", {
        now: now(),
        headers: unavailable >= 0 ? { "Retry-After": String(unavailable) } : {},
      });
    }
    return undefined;
  }

  async function batch(request: SimRequest): Promise<SimResponse> {
    const body = request.body;
    const items = isObject(body) && Array.isArray(body.requests) ? body.requests : undefined;
    if (items === undefined || items.length === 0) {
      return errorResponse(400, "BadRequest", "A batch needs a non-empty 'requests' array.", { now: now() });
    }
    if (items.length > MAX_BATCH_REQUESTS) {
      return errorResponse(400, "BadRequest", `A batch holds at most ${MAX_BATCH_REQUESTS} requests.`, {
        now: now(),
      });
    }
    const ids = new Set<string>();
    const answers: { id: string; response: SimResponse | undefined; call: Call | undefined }[] = [];
    for (const item of items) {
      const parsed = batchItem(item, request);
      if (typeof parsed === "string") return errorResponse(400, "BadRequest", parsed, { now: now() });
      if (ids.has(parsed.id))
        return errorResponse(400, "BadRequest", `Duplicate request id '${parsed.id}'.`, { now: now() });
      ids.add(parsed.id);
      const routed = route(parsed.request.method, parsed.request.path, request.caller, state, now());
      answers.push(
        routed.ok
          ? {
              id: parsed.id,
              response: undefined,
              call: {
                request: parsed.request,
                match: routed.match,
                target: targetOf(parsed.request, routed.match, true),
              },
            }
          : { id: parsed.id, response: routed.response, call: undefined },
      );
    }
    const calls = answers.flatMap((a) => (a.call === undefined ? [] : [a.call]));
    const results = await run(calls);
    let next = 0;
    return jsonResponse(200, {
      responses: answers.map((answer) => {
        const response = answer.call === undefined ? answer.response! : results[next++]!;
        return {
          id: answer.id,
          status: response.status,
          headers: response.headers,
          ...(response.body === undefined ? {} : { body: response.body }),
        };
      }),
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  baseUrl = `${url}${VERSION_ROOT}`;
  return {
    url,
    baseUrl,
    state,
    faults,
    stats: () => counters.stats(),
    resetStats: () => counters.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The mailbox a call works on: calendar, events and settings routes; directory calls touch none. */
function targetOf(request: SimRequest, match: RouteMatch, inBatch: boolean): FaultTarget {
  const onMailbox = !["user", "manager", "directReports", "organization"].includes(match.kind);
  return {
    method: request.method,
    path: request.path,
    kind: match.kind,
    mailbox: onMailbox ? match.user?.id : undefined,
    inBatch,
  };
}

function batchItem(item: unknown, outer: SimRequest): { id: string; request: SimRequest } | string {
  if (
    !isObject(item) ||
    typeof item.id !== "string" ||
    typeof item.method !== "string" ||
    typeof item.url !== "string"
  ) {
    return "Every batch request needs an id, a method and a url.";
  }
  if (/^https?:/i.test(item.url)) return `Batch request '${item.id}' must use a relative url.`;
  const url = new URL(item.url.startsWith("/") ? item.url : `/${item.url}`, "http://simulator");
  const headers: Record<string, string> = { ...outer.headers };
  delete headers.prefer;
  if (isObject(item.headers))
    for (const [key, value] of Object.entries(item.headers)) headers[key.toLowerCase()] = String(value);
  return {
    id: item.id,
    request: {
      method: item.method.toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: item.body,
      caller: outer.caller,
    },
  };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, response: SimResponse, requestHeaders: Record<string, string> = {}): void {
  const requestId = response.headers["request-id"] ?? randomUUID();
  const headers: Record<string, string> = {
    ...response.headers,
    "request-id": requestId,
    "client-request-id": requestHeaders["client-request-id"] ?? requestId,
  };
  if (response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  res.writeHead(response.status, headers);
  res.end(JSON.stringify(response.body));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
