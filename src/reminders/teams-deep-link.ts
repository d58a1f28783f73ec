/**
 * A Teams deep link that opens FieldCoach's personal tab on one page: the tab's entity with the page's
 * route path as its subEntityId, which the tab turns into its address's hash when it opens
 * (src/teams/TabApp.tsx). Activity-feed topics must link into Teams, so reminders carry these.
 */

import { type Route, routePath } from "../ui/router/route.ts";

export interface TeamsTab {
  /** The Microsoft 365 app id (the manifest's `id`). */
  readonly appId: string;
  /** The personal tab's entityId in the manifest. */
  readonly entityId: string;
}

export function tabDeepLink(tab: TeamsTab, route: Route): string {
  const context = JSON.stringify({ subEntityId: routePath(route).replace(/^\//, "") });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(tab.appId)}/${encodeURIComponent(tab.entityId)}?context=${encodeURIComponent(context)}`;
}
