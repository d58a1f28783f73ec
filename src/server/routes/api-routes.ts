/** Every group of API routes, in one list: buildApp registers them behind authentication. */

import type { ApiRoutes } from "../build-app.ts";
import type { Services } from "../services.ts";
import { executiveRoutes } from "./executive-routes.ts";
import { meRoutes } from "./me-routes.ts";
import { noteRoutes } from "./note-routes.ts";
import { planRoutes } from "./plan-routes.ts";
import { settingsRoutes } from "./settings-routes.ts";
import { suggestionRoutes } from "./suggestion-routes.ts";
import { teamRoutes } from "./team-routes.ts";

export function apiRoutes(services: Services): ApiRoutes[] {
  return [
    meRoutes(services),
    teamRoutes(services),
    noteRoutes(services),
    suggestionRoutes(services),
    planRoutes(services),
    executiveRoutes(services),
    settingsRoutes(services),
  ];
}
