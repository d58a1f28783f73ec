/**
 * The one place errors become responses: named errors keep their code and sentence; Fastify's own
 * (body too large, bad JSON) get a stable code; Graph failures that reach here say what the caller can
 * do (wait, or have an administrator consent), and so does a database that does not answer (wait);
 * anything else is logged with its cause and answered as a 500 that reveals nothing inside.
 */

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type GraphFailure, isGraphFailure } from "../domain/graph-ports.ts";
import { isDatabaseUnavailable } from "../store/database-unavailable.ts";
import { errorBody, RequestError } from "./api-error.ts";
import { maybeCallerOf } from "./caller.ts";
import { htmlPage } from "./html.ts";

export interface ErrorHandlingOptions {
  /** Microsoft's admin-consent page for a tenant, sent with consent_required. */
  readonly adminConsentUrl: (tenantId: string) => string;
}

export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const tenantId = maybeCallerOf(request)?.tenantId;
    const named = toRequestError(
      error,
      tenantId === undefined ? undefined : options.adminConsentUrl(tenantId),
    );
    if (named.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: named.code, status: named.status }, named.message);
    for (const [name, value] of Object.entries(named.headers)) reply.header(name, value);
    if (named.status === 401) reply.header("WWW-Authenticate", 'Bearer error="invalid_token"');
    return reply.code(named.status).type("application/json; charset=utf-8").send(errorBody(named));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiPath(request.url)) {
      const error = new RequestError(
        "not_found",
        `There is no ${request.method} ${request.url.split("?")[0]}.`,
      );
      return reply.code(404).send(errorBody(error));
    }
    return reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(
        htmlPage(
          "FieldCoach: not found",
          '      <h1>Not found</h1>\n      <p><a href="/">FieldCoach</a></p>',
        ),
      );
  });
}

/**
 * Fastify answers an address it cannot route (a % escape that does not decode, a path parameter past
 * maxParamLength) before any hook or error handler runs, in a shape of its own; this gives it the API's.
 */
export function answerUnroutableUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const named =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new RequestError(
          "bad_request",
          "A part of the request's address is longer than FieldCoach accepts.",
          {
            details: { issues: [{ path: "url", message: "has a path part over 1024 characters" }] },
          },
        )
      : new RequestError("bad_request", "The request's address holds a % escape that does not decode.", {
          details: { issues: [{ path: "url", message: "must be a well-formed percent-encoded address" }] },
        });
  request.log.info({ code: named.code, status: named.status }, named.message);
  void reply.code(named.status).type("application/json; charset=utf-8").send(errorBody(named));
}

function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

export function toRequestError(error: unknown, adminConsentUrl: string | undefined): RequestError {
  if (error instanceof RequestError) return error;
  if (isGraphFailure(error)) return fromGraph(error, adminConsentUrl);
  if (isDatabaseUnavailable(error)) {
    return new RequestError("not_ready", "FieldCoach's database is not answering; try again shortly.", {
      headers: { "Retry-After": "5" },
    });
  }
  if (isFastifyError(error)) {
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return new RequestError("payload_too_large", "The request body is larger than this address accepts.");
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return new RequestError("bad_request", "Send the request body as application/json.", {
          details: { issues: [{ path: "header.content-type", message: "must be application/json" }] },
        });
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
      case "FST_ERR_CTP_INVALID_JSON_BODY":
        return invalidJson();
    }
    if (error.statusCode === 400) return invalidJson();
  }
  return new RequestError("internal", "Something went wrong on the server; it has been logged.");
}

function invalidJson(): RequestError {
  return new RequestError("bad_request", "The request body is not valid JSON.", {
    details: { issues: [{ path: "body", message: "is not valid JSON" }] },
  });
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && "code" in error && typeof (error as { code: unknown }).code === "string";
}

/** A Graph failure no use case handled: tell the page whether waiting or an administrator will help. */
function fromGraph(failure: GraphFailure, adminConsentUrl: string | undefined): RequestError {
  switch (failure.kind) {
    case "retry-later":
    case "resync":
      return new RequestError(
        "graph_unavailable",
        "Microsoft 365 is busy or unreachable; try again shortly.",
        {
          headers: { "Retry-After": String(Math.max(1, Math.ceil((failure.retryAfterMs ?? 5000) / 1000))) },
        },
      );
    case "permission":
      if (adminConsentUrl === undefined) break;
      return new RequestError(
        "consent_required",
        "FieldCoach needs permissions in Microsoft 365 that your organisation has not granted; an administrator can grant them.",
        { details: { adminConsentUrl, scopes: failure.neededScopes } },
      );
    case "not-found":
      return new RequestError("not_found", "Microsoft 365 has no such item (it may have been deleted).");
    case "bad-request":
      break;
  }
  return new RequestError(
    "graph_unavailable",
    "Microsoft 365 refused a request FieldCoach made; it has been logged.",
  );
}
