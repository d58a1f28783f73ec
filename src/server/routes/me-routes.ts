/** GET /api/me. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { getMe } from "../use-cases/get-me.ts";
import { handleRoute } from "./handle-route.ts";

export function meRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.getMe, async ({ caller }) => ({
      body: await getMe(await requestContext(services, caller)),
    }));
  };
}
