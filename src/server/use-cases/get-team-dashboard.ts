/** A manager's team over a window (GET /api/team/dashboard): the manager, or an executive above them. */

import type { DashboardQuery, DashboardResponse } from "../../api/dashboard.ts";
import { forbidden, notFound } from "../api-error.ts";
import { canSeeTeam } from "../authorize.ts";
import { teamFigures } from "../figures/team-figures.ts";
import { presentCalendarFreshness } from "../present/present-calendar-freshness.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { teamDataOf } from "../team-data.ts";

export async function getTeamDashboard(
  context: RequestContext,
  query: DashboardQuery,
): Promise<DashboardResponse> {
  const viewer = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const manager = hierarchy.person(query.manager ?? viewer.email);
  if (manager === undefined) throw notFound(`${query.manager} is not in the directory.`);
  if (!canSeeTeam(context.viewer, manager.email, hierarchy)) {
    throw forbidden("Only the manager and the executives above them see this team.");
  }
  const window = { start: Date.parse(query.from), end: Date.parse(query.to) };
  const data = await teamDataOf(context, manager, window);
  const { overdueReps: _overdue, ...figures } = teamFigures(data);
  return {
    manager: { email: manager.email, name: manager.name },
    window: { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() },
    asOf: new Date(data.asOf).toISOString(),
    ...figures,
    calendar: presentCalendarFreshness(data.calendarState),
  };
}
