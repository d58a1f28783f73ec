/**
 * The notes of a meeting, of a rep, or of a rep in a meeting (GET /api/notes), keeping only those the
 * reader may see; each one shown is audited as read.
 */

import type { NotesQuery, NotesResponse } from "../../api/notes.ts";
import { noteAccess } from "../authorize.ts";
import { auditRead, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";

export async function listNotes(context: RequestContext, query: NotesQuery): Promise<NotesResponse> {
  const hierarchy = await context.hierarchy();
  const notes = await context.services.store.notes.list(context.tenantId, {
    ...(query.meeting === undefined ? {} : { meetingICalUId: query.meeting }),
    ...(query.rep === undefined ? {} : { repEmails: [query.rep] }),
  });
  const shown = [];
  for (const note of notes) {
    const access = noteAccess(context.viewer, note, hierarchy);
    if (access === undefined) continue;
    await auditRead(context, note, access);
    shown.push(await noteView(context, note, access));
  }
  return { notes: shown };
}
