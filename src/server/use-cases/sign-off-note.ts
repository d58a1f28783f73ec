/**
 * The manager signs off a shared note (POST /api/notes/:id/sign-off): it becomes a field-visit report
 * executives review, and the rep's actions still open from earlier sessions count as followed up in it.
 */

import type { Note } from "../../api/notes.ts";
import { conflict, forbidden, notFound } from "../api-error.ts";
import { accessibleNote, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";

export async function signOffNote(context: RequestContext, noteId: string): Promise<Note> {
  const { note, access } = await accessibleNote(context, noteId);
  if (access !== "author") throw forbidden("Only the rep's manager signs off this note.");
  if (note.status === "signed-off") return noteView(context, note, access);
  if (note.status === "draft") throw conflict("Share the note with the rep before signing it off.");
  const by = context.viewer.email!;
  const { tenantId, now } = context;
  const outcome = await context.services.store.transaction(async (tx) => {
    const moved = await tx.notes.transition(tenantId, noteId, ["shared"], "signed-off", { by, now });
    if (moved?.outcome !== "saved") return moved;
    const carried = (await tx.actions.openForRep(tenantId, note.repEmail, noteId)).filter(
      (action) => action.followedUpInNoteId === null,
    );
    await tx.actions.markFollowedUp(
      tenantId,
      carried.map((action) => action.actionId),
      noteId,
      { by, now },
    );
    await tx.audit.record(
      tenantId,
      { actor: by, action: "note.sign-off", targetType: "note", targetId: noteId },
      now,
    );
    return moved;
  });
  if (outcome === undefined) throw notFound("There is no such coaching note for you.");
  if (outcome.outcome === "conflict") {
    if (outcome.current.status === "signed-off") return noteView(context, outcome.current, access);
    throw conflict("Share the note with the rep before signing it off.");
  }
  return noteView(context, outcome.record, access);
}
