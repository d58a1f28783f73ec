/**
 * The rep's own reflection on a shared note (PUT /api/notes/:id/reflection with If-Match): the rep does
 * the thinking (SPEC §1). Saved only over the version it was based on; a stale save gets 412 with the
 * note as it now stands, private notes left out.
 */

import type { Note } from "../../api/notes.ts";
import { conflict, forbidden, notFound } from "../api-error.ts";
import { canReflect } from "../authorize.ts";
import { accessibleNote, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";
import { noteVersionConflict } from "./note-conflict.ts";

export async function saveReflection(
  context: RequestContext,
  noteId: string,
  expectedVersion: number,
  reflection: string,
): Promise<Note> {
  const { note, access } = await accessibleNote(context, noteId);
  if (access !== "rep") throw forbidden("Only the rep writes their reflection.");
  if (!canReflect(access, note))
    throw conflict("The note is signed off; the reflection can no longer change.");
  const by = context.viewer.email!;
  const { tenantId, now } = context;
  const outcome = await context.services.store.transaction(async (tx) => {
    const saved = await tx.notes.update(tenantId, noteId, expectedVersion, { reflection }, { by, now });
    if (saved?.outcome === "saved") {
      await tx.audit.record(
        tenantId,
        {
          actor: by,
          action: "note.reflect",
          targetType: "note",
          targetId: noteId,
          detail: { version: saved.record.version },
        },
        now,
      );
    }
    return saved;
  });
  if (outcome === undefined) throw notFound("There is no such coaching note for you.");
  if (outcome.outcome === "conflict")
    throw noteVersionConflict(await noteView(context, outcome.current, access));
  return noteView(context, outcome.record, access);
}
