/**
 * The manager's autosave of a note (PUT /api/notes/:id with If-Match): the whole form, saved only over
 * the version the form was based on. Of two saves based on the same version exactly one wins; the
 * other gets 412 with the note as it now stands, and the client merges and saves again, so nothing
 * typed is lost. The note, its agreed actions and the audit row are written together.
 */

import type { Note, NoteDraftBody } from "../../api/notes.ts";
import { conflict, forbidden, RequestError } from "../api-error.ts";
import { canEditNote } from "../authorize.ts";
import { accessibleNote, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";
import { noteVersionConflict } from "./note-conflict.ts";

export async function saveNoteDraft(
  context: RequestContext,
  noteId: string,
  expectedVersion: number,
  body: NoteDraftBody,
): Promise<Note> {
  const { note, access } = await accessibleNote(context, noteId);
  if (access !== "author") throw forbidden("Only the rep's manager writes this note.");
  if (!canEditNote(access, note)) throw conflict("The note is signed off; it can no longer be changed.");
  await checkBehaviours(
    context,
    body,
    note.focus.map((focus) => focus.behaviourId),
  );
  const by = context.viewer.email!;
  const { tenantId, now } = context;
  const outcome = await context.services.store.transaction(async (tx) => {
    const saved = await tx.notes.update(
      tenantId,
      noteId,
      expectedVersion,
      {
        focus: body.focus.map((focus) => ({ ...focus, evidence: focus.evidence })),
        wentWell: body.wentWell,
        gaps: body.gaps,
        privateNotes: body.privateNotes,
      },
      { by, now },
    );
    if (saved === undefined || saved.outcome === "conflict") return saved;
    await tx.actions.replaceForNote(
      tenantId,
      noteId,
      note.repEmail,
      body.actions.map((action) => ({
        actionId: action.id,
        text: action.text,
        owner: action.owner,
        dueDate: action.due,
      })),
      { by, now },
    );
    await tx.audit.record(
      tenantId,
      {
        actor: by,
        action: "note.update",
        targetType: "note",
        targetId: noteId,
        detail: { version: saved.record.version },
      },
      now,
    );
    return saved;
  });
  if (outcome === undefined) throw new RequestError("not_found", "There is no such coaching note for you.");
  if (outcome.outcome === "conflict")
    throw noteVersionConflict(await noteView(context, outcome.current, access));
  return noteView(context, outcome.record, access);
}

/** Focus behaviours come from the tenant's library; ones the note already had stay, even if retired since. */
async function checkBehaviours(
  context: RequestContext,
  body: NoteDraftBody,
  kept: readonly string[],
): Promise<void> {
  const library = await context.services.store.behaviours.list(context.tenantId, { includeRetired: true });
  const known = new Set([...library.filter((b) => b.retiredAt === null).map((b) => b.behaviourId), ...kept]);
  const index = body.focus.findIndex((focus) => !known.has(focus.behaviourId));
  if (index >= 0) {
    throw new RequestError(
      "bad_request",
      `The request's body.focus.${index}.behaviourId is not in the behaviour library.`,
      {
        details: {
          issues: [{ path: `body.focus.${index}.behaviourId`, message: "is not in the behaviour library" }],
        },
      },
    );
  }
  const ids = body.focus.map((focus) => focus.behaviourId);
  if (new Set(ids).size !== ids.length) {
    throw new RequestError("bad_request", "The request's body.focus names a behaviour twice.", {
      details: { issues: [{ path: "body.focus", message: "names a behaviour twice" }] },
    });
  }
}
