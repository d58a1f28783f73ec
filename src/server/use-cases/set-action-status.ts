/**
 * An agreed action ticked off, reopened or dropped (PUT /api/notes/:id/actions/:actionId): the rep ticks
 * their actions off once the note is shared with them; the manager may also drop one.
 */

import type { ActionStatusBody, NoteAction } from "../../api/notes.ts";
import { forbidden, notFound } from "../api-error.ts";
import { canUpdateActions } from "../authorize.ts";
import { accessibleNote } from "../note-access.ts";
import { presentAction } from "../present/present-note.ts";
import type { RequestContext } from "../request-context.ts";

export async function setActionStatus(
  context: RequestContext,
  noteId: string,
  actionId: string,
  body: ActionStatusBody,
): Promise<NoteAction> {
  const { access } = await accessibleNote(context, noteId);
  if (!canUpdateActions(access)) throw forbidden("Only the rep and their manager update the note's actions.");
  if (access === "rep" && body.status === "dropped")
    throw forbidden("Only the manager drops an agreed action.");
  const { store } = context.services;
  const { tenantId, now } = context;
  const action = await store.actions.get(tenantId, actionId);
  if (action === undefined || action.noteId !== noteId) throw notFound("The note has no such action.");
  const by = context.viewer.email!;
  const updated = await store.transaction(async (tx) => {
    const changed = await tx.actions.setStatus(tenantId, actionId, body.status, { by, now });
    await tx.audit.record(
      tenantId,
      {
        actor: by,
        action: "action.update",
        targetType: "action",
        targetId: actionId,
        detail: { status: body.status },
      },
      now,
    );
    return changed;
  });
  if (updated === undefined) throw notFound("The note has no such action.");
  return presentAction(updated);
}
