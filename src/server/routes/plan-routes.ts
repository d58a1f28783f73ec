/** A rep's coaching plan and the import of their figures. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { getRepPlan } from "../use-cases/get-rep-plan.ts";
import { importRepMetrics } from "../use-cases/import-rep-metrics.ts";
import { saveRepPlan } from "../use-cases/save-rep-plan.ts";
import { handleRoute } from "./handle-route.ts";

export function planRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.getPlan, async ({ caller, params }) => {
      const plan = await getRepPlan(await requestContext(services, caller), params.email);
      return { body: plan, version: plan.version };
    });
    handleRoute(api, ROUTES.savePlan, async ({ caller, params, headers, body }) => {
      const context = await requestContext(services, caller);
      const plan = await saveRepPlan(context, params.email, headers["if-match"], body);
      return { body: plan, version: plan.version };
    });
    handleRoute(api, ROUTES.importMetrics, async ({ caller, params, body }) => ({
      body: await importRepMetrics(await requestContext(services, caller), params.email, body),
    }));
  };
}
