/**
 * "Coaching the coaches" (GET /api/executive/overview, SPEC §1 and §4): every manager below the signed-in
 * executive, at any depth, with their coaching quantity and quality and how many of their field-visit
 * reports in the window were reviewed and debriefed.
 */

import type { WindowQuery } from "../../api/common.ts";
import type { OverviewResponse } from "../../api/executive.ts";
import { forbidden } from "../api-error.ts";
import { shareOf } from "../figures/share.ts";
import { teamFigures } from "../figures/team-figures.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { teamDataOf } from "../team-data.ts";

export async function getExecutiveOverview(
  context: RequestContext,
  query: WindowQuery,
): Promise<OverviewResponse> {
  const executive = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const below = hierarchy.subtreeOf(executive.email);
  const managers = below.filter((person) =>
    hierarchy.directReportsOf(person.email).some((report) => report.role === "rep"),
  );
  if (below.length === 0)
    throw forbidden("Only people with reports see the coaching of the managers below them.");
  const window = { start: Date.parse(query.from), end: Date.parse(query.to) };
  const asOf = Math.min(context.now, window.end);
  const { store } = context.services;

  const overviews = [];
  for (const manager of managers) {
    const data = await teamDataOf(context, manager, window);
    const figures = teamFigures(data);
    const reports = data.notes.filter(
      (note) =>
        note.status === "signed-off" &&
        note.signedOffAt !== null &&
        note.signedOffAt >= window.start &&
        note.signedOffAt < window.end,
    );
    const comments = await store.reviewComments.forNotes(
      context.tenantId,
      reports.map((note) => note.noteId),
    );
    const reviewed = new Set(comments.map((comment) => comment.noteId));
    const debriefed = new Set(
      comments.filter((comment) => comment.isDebrief).map((comment) => comment.noteId),
    );
    overviews.push({
      manager: { email: manager.email, name: manager.name },
      depth: hierarchy.managersOf(manager.email).indexOf(executive.email) + 1,
      repCount: figures.reps.length,
      totals: figures.totals,
      coverage: figures.coverage.reps,
      overdueReps: figures.overdueReps,
      fieldDaysKept: figures.fieldDaysKept,
      noteQuality: figures.noteQuality,
      review: {
        reviewed: shareOf(reviewed.size, reports.length),
        debriefed: shareOf(debriefed.size, reports.length),
      },
    });
  }
  return {
    executive: { email: executive.email, name: executive.name },
    window: { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() },
    asOf: new Date(asOf).toISOString(),
    managers: overviews,
  };
}
