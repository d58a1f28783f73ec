/**
 * Finding a note for the signed-in person: a note they may not see is answered exactly like one that
 * does not exist, so nobody learns that a note about someone else is there. Every note shown is read
 * through here and audited (SPEC §9).
 */

import type { Note } from "../api/notes.ts";
import type { NoteRecord } from "../store/repositories/notes.ts";
import type { Repositories } from "../store/store.ts";
import { notFound } from "./api-error.ts";
import { type NoteAccess, noteAccess } from "./authorize.ts";
import { presentNote } from "./present/present-note.ts";
import type { RequestContext } from "./request-context.ts";

export interface AccessibleNote {
  readonly note: NoteRecord;
  readonly access: NoteAccess;
}

export async function accessibleNote(context: RequestContext, noteId: string): Promise<AccessibleNote> {
  const note = await context.services.store.notes.get(context.tenantId, noteId);
  const access = note === undefined ? undefined : noteAccess(context.viewer, note, await context.hierarchy());
  if (note === undefined || access === undefined) throw notFound("There is no such coaching note for you.");
  return { note, access };
}

/** The note as this reader sees it, with its actions, the rep's open actions from earlier sessions and its review comments. */
export async function noteView(
  context: RequestContext,
  note: NoteRecord,
  access: NoteAccess,
  repositories: Repositories = context.services.store,
): Promise<Note> {
  const [actions, carried, comments] = await Promise.all([
    repositories.actions.forNote(context.tenantId, note.noteId),
    repositories.actions.openForRep(context.tenantId, note.repEmail, note.noteId),
    repositories.reviewComments.forNotes(context.tenantId, [note.noteId]),
  ]);
  return presentNote(
    { note, actions, carried: carried.filter((action) => isEarlier(action.createdAt, note)), comments },
    access,
    await context.hierarchy(),
  );
}

/** Actions agreed before this note's meeting are what it carries over; later ones belong to later sessions. */
function isEarlier(createdAt: number, note: NoteRecord): boolean {
  return createdAt <= (note.meetingStart ?? note.createdAt) || createdAt <= note.createdAt;
}

/** Records a read of a note by the signed-in person. */
export async function auditRead(
  context: RequestContext,
  note: NoteRecord,
  access: NoteAccess,
  repositories: Repositories = context.services.store,
): Promise<void> {
  await repositories.audit.record(
    context.tenantId,
    {
      actor: context.viewer.email ?? context.caller.objectId,
      action: "note.read",
      targetType: "note",
      targetId: note.noteId,
      detail: { access, version: note.version },
    },
    context.now,
  );
}
