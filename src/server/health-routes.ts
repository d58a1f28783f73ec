/** Liveness and readiness for load balancers and container hosts; neither needs a token. */

import type { FastifyInstance } from "fastify";

export interface HealthChecks {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  readonly database: () => Promise<void>;
}

export function registerHealthRoutes(app: FastifyInstance, checks: HealthChecks): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    try {
      await checks.database();
      return { status: "ready", database: "ok" };
    } catch (error) {
      request.log.warn({ err: error }, "readiness check: the database did not answer");
      return reply
        .code(503)
        .send({ code: "not_ready", message: "The database does not answer yet.", database: "unavailable" });
    }
  });
}
