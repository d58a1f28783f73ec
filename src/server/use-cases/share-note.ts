/** The manager shares a draft note with the rep (POST /api/notes/:id/share); sharing again is harmless. */

import type { Note } from "../../api/notes.ts";
import { conflict, forbidden, notFound } from "../api-error.ts";
import { accessibleNote, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";

export async function shareNote(context: RequestContext, noteId: string): Promise<Note> {
  const { note, access } = await accessibleNote(context, noteId);
  if (access !== "author") throw forbidden("Only the rep's manager shares this note.");
  if (note.status === "shared") return noteView(context, note, access);
  const by = context.viewer.email!;
  const { tenantId, now } = context;
  const outcome = await context.services.store.transaction(async (tx) => {
    const moved = await tx.notes.transition(tenantId, noteId, ["draft"], "shared", { by, now });
    if (moved?.outcome === "saved") {
      await tx.audit.record(
        tenantId,
        { actor: by, action: "note.share", targetType: "note", targetId: noteId },
        now,
      );
    }
    return moved;
  });
  if (outcome === undefined) throw notFound("There is no such coaching note for you.");
  if (outcome.outcome === "conflict") {
    if (outcome.current.status === "shared") return noteView(context, outcome.current, access);
    throw conflict("The note is signed off; it is already with the rep.");
  }
  return noteView(context, outcome.record, access);
}
