/** Liveness and readiness for load balancers and container hosts; neither needs a token. */

import type { FastifyInstance } from "fastify";
import type { ReadyResponse } from "../api/health.ts";
import { ROUTES } from "../api/routes.ts";

export interface HealthChecks {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  readonly database: () => Promise<void>;
}

export function registerHealthRoutes(app: FastifyInstance, checks: HealthChecks): void {
  app.get(ROUTES.health.path, async () => ROUTES.health.response.parse({ status: "ok" }));
  app.get(ROUTES.ready.path, async (request, reply) => {
    let database: ReadyResponse["checks"]["database"] = "ok";
    try {
      await checks.database();
    } catch (error) {
      request.log.warn({ err: error }, "readiness check: the database did not answer");
      database = "failing";
    }
    const body: ReadyResponse = { status: database === "ok" ? "ready" : "not-ready", checks: { database } };
    return reply.code(database === "ok" ? 200 : 503).send(ROUTES.ready.response.parse(body));
  });
}
