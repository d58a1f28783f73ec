/**
 * Registers one route of the API contract (src/api/routes.ts): its params, query, headers and body are
 * validated with the contract's schemas before the handler runs, admin-only routes check the role, and
 * the handler's answer is checked against the response schema before it is sent, so the server cannot
 * drift from what the pages expect. Handlers stay thin: they call a use case and present its result.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { etagOf } from "../../api/common.ts";
import type { RouteSpec } from "../../api/routes.ts";
import { forbidden, RequestError } from "../api-error.ts";
import { type Caller, callerOf, isAdmin } from "../caller.ts";
import { parseRequest } from "../validate.ts";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  readonly caller: Caller;
  readonly params: Parsed<S["params"]>;
  readonly query: Parsed<S["query"]>;
  readonly headers: Parsed<S["headers"]>;
  readonly body: Parsed<S["body"]>;
  readonly request: FastifyRequest;
}

export interface RouteOutput<S extends RouteSpec> {
  readonly body: z.input<S["response"]>;
  /** 201 when a creating route created; the spec's status otherwise. */
  readonly status?: 200 | 201;
  /** Sent as the ETag of a versioned resource. */
  readonly version?: number;
}

/** The CSV import reads larger bodies than JSON routes. */
export const CSV_BODY_LIMIT = 2 * 1024 * 1024;

export function handleRoute<S extends RouteSpec>(
  app: FastifyInstance,
  spec: S,
  handler: (input: RouteInput<S>) => Promise<RouteOutput<S>>,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    ...(spec.bodyType === "csv" ? { bodyLimit: CSV_BODY_LIMIT } : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const caller = callerOf(request);
      if (spec.auth === "admin" && !isAdmin(caller)) {
        throw forbidden("Only FieldCoach administrators may do this.");
      }
      if (
        spec.headers !== undefined &&
        "if-match" in shapeOf(spec.headers) &&
        request.headers["if-match"] === undefined
      ) {
        throw new RequestError("version_required", "Send the version you last read in If-Match to save.");
      }
      const input = {
        caller,
        params: spec.params === undefined ? undefined : parseRequest(spec.params, request.params, "params"),
        query: spec.query === undefined ? undefined : parseRequest(spec.query, request.query, "query"),
        headers:
          spec.headers === undefined ? undefined : parseRequest(spec.headers, request.headers, "header"),
        body: spec.body === undefined ? undefined : parseRequest(spec.body, bodyOf(request, spec), "body"),
        request,
      } as RouteInput<S>;
      const output = await handler(input);
      const checked = spec.response.safeParse(output.body);
      if (!checked.success) {
        throw new Error(
          `${spec.method} ${spec.path} answered outside its contract: ${checked.error.message}`,
        );
      }
      if (output.version !== undefined) reply.header("ETag", etagOf(output.version));
      return reply.code(output.status ?? spec.status).send(checked.data);
    },
  });
}

function bodyOf(request: FastifyRequest, spec: RouteSpec): unknown {
  if (spec.bodyType === "csv") {
    if (typeof request.body !== "string") {
      throw new RequestError("bad_request", "Send the file as text/csv.", {
        details: { issues: [{ path: "header.content-type", message: "must be text/csv" }] },
      });
    }
    return request.body;
  }
  // A POST without a body (accept, share) stands for the empty object the contract asks for.
  return request.body ?? {};
}

function shapeOf(schema: z.ZodType): Record<string, unknown> {
  const shape = (schema as { shape?: unknown }).shape;
  return typeof shape === "object" && shape !== null ? (shape as Record<string, unknown>) : {};
}
