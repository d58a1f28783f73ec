/** Field-day suggestions: list, accept (book), dismiss. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { bookFieldDay } from "../use-cases/book-field-day.ts";
import { dismissSuggestion } from "../use-cases/dismiss-suggestion.ts";
import { listSuggestions } from "../use-cases/list-suggestions.ts";
import { handleRoute } from "./handle-route.ts";

export function suggestionRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.listSuggestions, async ({ caller, query }) => ({
      body: await listSuggestions(await requestContext(services, caller), query.manager),
    }));
    handleRoute(api, ROUTES.acceptSuggestion, async ({ caller, params }) => ({
      body: await bookFieldDay(await requestContext(services, caller), params.id),
    }));
    handleRoute(api, ROUTES.dismissSuggestion, async ({ caller, params }) => ({
      body: await dismissSuggestion(await requestContext(services, caller), params.id),
    }));
  };
}
