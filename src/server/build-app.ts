/**
 * Assembles the HTTP server from its parts, explicitly: nothing is found by file name and nothing is
 * hung on the Fastify instance. main.ts builds the parts for demo or tenant mode; tests build them with
 * what they need and call `app.inject`.
 */

import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { RequestError } from "./api-error.ts";
import { type Authenticator, authenticateHook, maybeCallerOf } from "./caller.ts";
import { answerUnroutableUrl, registerErrorHandling } from "./error-handler.ts";
import { type HealthChecks, registerHealthRoutes } from "./health-routes.ts";
import { registerRequestTelemetry } from "./request-telemetry.ts";
import { CSV_BODY_LIMIT } from "./routes/handle-route.ts";
import { applySecurityHeaders, registerSecurityHeaders } from "./security-headers.ts";
import { registerWebPages, type WebPagesOptions } from "./web-pages.ts";

/** Requests that carry JSON; the CSV import has its own, larger limit. */
export const JSON_BODY_LIMIT = 256 * 1024;

export interface RateLimitSettings {
  /** Requests per person (tenant + object id) per window. */
  readonly max: number;
  readonly windowMs: number;
}

/** A group of API routes that need a signed-in caller, registered behind authentication. */
export type ApiRoutes = (api: FastifyInstance) => void;
/** Routes anyone may call (the demo's sign-in), still JSON and still under the error handler. */
export type PublicRoutes = (app: FastifyInstance) => void;

export interface AppDeps {
  readonly logger: FastifyBaseLogger;
  readonly authenticate: Authenticator;
  readonly health: HealthChecks;
  /** Microsoft's admin-consent page for a tenant, sent with consent_required. */
  readonly adminConsentUrl: (tenantId: string) => string;
  readonly web: WebPagesOptions;
  /** The public address is https: send HSTS. */
  readonly https: boolean;
  readonly rateLimit: RateLimitSettings;
  readonly api: readonly ApiRoutes[];
  readonly publicRoutes: readonly PublicRoutes[];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Path parameters as long as the contract allows: Graph's iCalUIds run past Fastify's default of
    // 100 characters (which answers 414), and the contract takes them up to 1024.
    routerOptions: { maxParamLength: 1024 },
    // Behind Azure's front end the client address comes in X-Forwarded-For.
    trustProxy: true,
    return503OnClosing: true,
    // Fastify answers these before any hook runs, so they get the security headers here.
    frameworkErrors: (error, request, reply) => {
      reply.type("application/json; charset=utf-8");
      applySecurityHeaders(request, reply, { https: deps.https });
      answerUnroutableUrl(error, request, reply);
    },
  });
  registerRequestTelemetry(app);
  registerErrorHandling(app, { adminConsentUrl: deps.adminConsentUrl });
  registerSecurityHeaders(app, { https: deps.https });
  registerHealthRoutes(app, deps.health);
  await registerWebPages(app, deps.web);
  for (const routes of deps.publicRoutes) routes(app);

  await app.register(async (api) => {
    api.addHook("onRequest", authenticateHook(deps.authenticate));
    api.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: CSV_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    await api.register(rateLimit, {
      // After authentication, so that the key is the verified person and not whatever a token claims.
      hook: "preHandler",
      max: deps.rateLimit.max,
      timeWindow: deps.rateLimit.windowMs,
      keyGenerator: (request) => {
        const caller = maybeCallerOf(request);
        return caller === undefined ? `ip:${request.ip}` : `user:${caller.tenantId}:${caller.objectId}`;
      },
      errorResponseBuilder: (_request, context) =>
        new RequestError("rate_limited", `Too many requests; try again in ${context.after}.`, {
          headers: { "Retry-After": String(Math.ceil(context.ttl / 1000)) },
        }),
    });
    for (const routes of deps.api) routes(api);
  });
  return app;
}
