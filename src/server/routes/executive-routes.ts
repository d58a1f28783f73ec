/** Coaching the coaches: the overview of managers below, their field-visit reports and review comments. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { addReviewComment } from "../use-cases/add-review-comment.ts";
import { getExecutiveOverview } from "../use-cases/get-executive-overview.ts";
import { listReports } from "../use-cases/list-reports.ts";
import { handleRoute } from "./handle-route.ts";

export function executiveRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.getExecutiveOverview, async ({ caller, query }) => ({
      body: await getExecutiveOverview(await requestContext(services, caller), query),
    }));
    handleRoute(api, ROUTES.listReports, async ({ caller, query }) => ({
      body: await listReports(await requestContext(services, caller), query),
    }));
    handleRoute(api, ROUTES.addReviewComment, async ({ caller, params, body }) => {
      const added = await addReviewComment(await requestContext(services, caller), params.noteId, body);
      return { body: added.comment, status: added.created ? 201 : 200 };
    });
  };
}
