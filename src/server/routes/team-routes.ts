/** The team dashboard, classified events and overrides. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { getTeamDashboard } from "../use-cases/get-team-dashboard.ts";
import { listClassifiedEvents } from "../use-cases/list-classified-events.ts";
import { overrideClassification } from "../use-cases/override-classification.ts";
import { handleRoute } from "./handle-route.ts";

export function teamRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.getDashboard, async ({ caller, query }) => ({
      body: await getTeamDashboard(await requestContext(services, caller), query),
    }));
    handleRoute(api, ROUTES.listEvents, async ({ caller, query }) => ({
      body: await listClassifiedEvents(await requestContext(services, caller), query),
    }));
    handleRoute(api, ROUTES.setOverride, async ({ caller, params, body }) => ({
      body: await overrideClassification(await requestContext(services, caller), params.iCalUId, body),
    }));
  };
}
