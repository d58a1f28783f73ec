/** Every group of API routes, in one list: buildApp registers them behind authentication. */

import type { ApiRoutes } from "../build-app.ts";
import type { Services } from "../services.ts";

export function apiRoutes(_services: Services): ApiRoutes[] {
  return [];
}
