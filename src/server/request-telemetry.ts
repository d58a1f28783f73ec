/**
 * A server span per HTTP request, named by its route template ("GET /api/notes/:noteId") so that
 * Application Insights groups requests by operation rather than by identifier, with the status and
 * the caller's tenant. The rest of the request runs inside the span's context, so the Graph calls and
 * queries it makes are its children (one operation in Application Insights). Spans go nowhere unless
 * telemetry.ts registered an exporter.
 */

import { context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { tracer } from "../telemetry/instruments.ts";
import { maybeCallerOf } from "./caller.ts";

const spans = new WeakMap<FastifyRequest, Span>();

export function registerRequestTelemetry(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    const route = request.routeOptions.url;
    const path = request.url.split("?")[0] ?? "";
    const span = tracer().startSpan(`${request.method} ${route ?? "unmatched"}`, {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": request.method,
        "http.route": route ?? "",
        // The path without its query, which may carry addresses and dates.
        "url.full": `${request.protocol}://${request.host}${path}`,
        "url.path": path,
        "client.address": request.ip,
      },
    });
    spans.set(request, span);
    context.with(trace.setSpan(context.active(), span), done);
  });
  app.addHook("onResponse", async (request, reply) => {
    const span = spans.get(request);
    if (span === undefined) return;
    const tenantId = maybeCallerOf(request)?.tenantId;
    span.setAttribute("http.response.status_code", reply.statusCode);
    if (tenantId !== undefined) span.setAttribute("fieldcoach.tenant_id", tenantId);
    // A 4xx is the caller's mistake and an answer as designed; only a 5xx is the server failing.
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
