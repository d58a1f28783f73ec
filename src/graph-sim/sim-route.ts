/**
 * What a route handler receives besides the request: the tenant state, the base URL to write links
 * with, the clock, and the user the path names.
 */

import type { SimRequest, SimResponse } from "./sim-http.ts";
import type { RouteKind } from "./sim-permissions.ts";
import type { SimState } from "./sim-state.ts";
import type { SimUser } from "./tenant-data.ts";

export interface RouteContext {
  readonly state: SimState;
  /** The version root links are written under ("http://127.0.0.1:1234/v1.0"). */
  readonly baseUrl: string;
  readonly now: () => number;
  readonly deltaEpoch: () => number;
}

export interface RouteMatch {
  readonly kind: Exclude<RouteKind, "batch">;
  /** The user the path names (`/users/{id|upn}` or `/me`), resolved; undefined for tenant-wide calls. */
  readonly user: SimUser | undefined;
  /** The path's own segments after the user ("events/{id}/accept" → ["{id}", "accept"] for events routes). */
  readonly params: readonly string[];
  readonly handle: RouteHandler;
}

export type RouteHandler = (
  request: SimRequest,
  match: RouteMatch,
  context: RouteContext,
) => SimResponse | Promise<SimResponse>;
