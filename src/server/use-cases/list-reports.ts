/**
 * Signed-off field-visit reports of the managers below the signed-in executive, newest first
 * (GET /api/reports): who, when, and whether they were reviewed and debriefed. Summaries only.
 */

import type { ReportsQuery, ReportsResponse } from "../../api/executive.ts";
import { forbidden } from "../api-error.ts";
import { summaryOf } from "../present/present-note.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";

export async function listReports(context: RequestContext, query: ReportsQuery): Promise<ReportsResponse> {
  const executive = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const managers = hierarchy
    .subtreeOf(executive.email)
    .map((person) => person.email)
    .filter((email) => query.manager === undefined || email === query.manager);
  if (query.manager !== undefined && managers.length === 0) {
    throw forbidden("Only the executives above a manager see their field-visit reports.");
  }
  const { store } = context.services;
  const notes = await store.notes.list(context.tenantId, {
    managerEmails: managers,
    statuses: ["signed-off"],
  });
  const comments = await store.reviewComments.forNotes(
    context.tenantId,
    notes.map((note) => note.noteId),
  );
  const reports = notes.map((note) => {
    const mine = comments.filter((comment) => comment.noteId === note.noteId);
    return {
      noteId: note.noteId,
      manager: summaryOf(hierarchy, note.managerEmail),
      rep: summaryOf(hierarchy, note.repEmail),
      meetingStart: note.meetingStart === null ? null : new Date(note.meetingStart).toISOString(),
      signedOffAt: new Date(note.signedOffAt ?? note.updatedAt).toISOString(),
      comments: mine.length,
      reviewed: mine.length > 0,
      debriefed: mine.some((comment) => comment.isDebrief),
    };
  });
  return {
    reports: reports
      .filter((report) => query.status === "all" || (query.status === "reviewed") === report.reviewed)
      .sort((a, b) => b.signedOffAt.localeCompare(a.signedOffAt)),
  };
}
