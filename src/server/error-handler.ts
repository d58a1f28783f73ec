/**
 * The one place errors become responses: named errors keep their code and sentence; Fastify's own
 * (body too large, bad JSON) get a stable code; Graph failures that reach here say what the caller can
 * do; anything else is logged with its cause and answered as a 500 that reveals nothing inside.
 */

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type GraphFailure, isGraphFailure } from "../domain/graph-ports.ts";
import { ApiError, errorBody } from "./api-error.ts";
import { htmlPage } from "./html.ts";

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const named = toApiError(error);
    if (named.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: named.code, status: named.status }, named.message);
    for (const [name, value] of Object.entries(named.headers)) reply.header(name, value);
    if (named.status === 401) reply.header("WWW-Authenticate", 'Bearer error="invalid_token"');
    return reply.code(named.status).type("application/json; charset=utf-8").send(errorBody(named));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiPath(request.url)) {
      return reply
        .code(404)
        .send(
          errorBody(new ApiError(404, "not_found", `There is no ${request.method} ${pathOf(request.url)}.`)),
        );
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

function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

function pathOf(url: string): string {
  return url.split("?")[0]!;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isGraphFailure(error)) return fromGraph(error);
  if (isFastifyError(error)) {
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return new ApiError(
          413,
          "payload_too_large",
          "The request body is larger than this address accepts.",
        );
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return new ApiError(415, "unsupported_media_type", "Send the request body as application/json.");
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
      case "FST_ERR_CTP_INVALID_JSON_BODY":
        return new ApiError(400, "bad_request", "The request body is not valid JSON.");
    }
    if (error.statusCode === 400 && error.name === "SyntaxError") {
      return new ApiError(400, "bad_request", "The request body is not valid JSON.");
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return new ApiError(error.statusCode, "bad_request", "The request could not be read.");
    }
  }
  return new ApiError(500, "internal", "Something went wrong on the server; it has been logged.");
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && "code" in error && typeof (error as { code: unknown }).code === "string";
}

/** A Graph failure no use case handled: tell the page whether waiting or permissions will help. */
function fromGraph(failure: GraphFailure): ApiError {
  switch (failure.kind) {
    case "retry-later":
    case "resync":
      return new ApiError(
        503,
        "graph_unavailable",
        "Microsoft 365 is busy or unreachable; try again shortly.",
        {
          headers: { "Retry-After": String(Math.max(1, Math.ceil((failure.retryAfterMs ?? 5000) / 1000))) },
        },
      );
    case "permission":
      return new ApiError(
        403,
        "graph_permission",
        "FieldCoach lacks a Microsoft Graph permission for this; an administrator must grant it.",
        { details: { neededScopes: failure.neededScopes } },
      );
    case "not-found":
      return new ApiError(404, "not_found", "Microsoft 365 has no such item (it may have been deleted).");
    case "bad-request":
      return new ApiError(
        502,
        "internal",
        "Microsoft 365 refused a request FieldCoach made; it has been logged.",
      );
  }
}
