/**
 * A coaching note as one reader may see it (SPEC §6): the manager's private notes go to the manager
 * alone, review comments to the manager and the executives, never to the rep.
 */

import type { Note, NoteAction, ReviewComment } from "../../api/notes.ts";
import type { ActionRecord } from "../../store/repositories/actions.ts";
import type { NoteRecord } from "../../store/repositories/notes.ts";
import type { ReviewCommentRecord } from "../../store/repositories/review-comments.ts";
import { canSeePrivateNotes, type NoteAccess } from "../authorize.ts";
import type { Hierarchy } from "../hierarchy.ts";

const iso = (instant: number) => new Date(instant).toISOString();
const isoOrNull = (instant: number | null) => (instant === null ? null : iso(instant));

/** A person by address, named as the directory names them, or by address once they left it. */
export function summaryOf(hierarchy: Hierarchy, email: string): { email: string; name: string } {
  return { email, name: hierarchy.person(email)?.name ?? email };
}

export function presentAction(action: ActionRecord): NoteAction {
  return {
    id: action.actionId,
    noteId: action.noteId,
    text: action.text,
    owner: action.owner,
    due: action.dueDate,
    status: action.status,
    completedAt: isoOrNull(action.completedAt),
  };
}

export function presentComment(comment: ReviewCommentRecord, hierarchy: Hierarchy): ReviewComment {
  return {
    id: comment.commentId,
    noteId: comment.noteId,
    author: summaryOf(hierarchy, comment.authorEmail),
    body: comment.body,
    debrief: comment.isDebrief,
    createdAt: iso(comment.createdAt),
  };
}

export interface NoteParts {
  readonly note: NoteRecord;
  readonly actions: readonly ActionRecord[];
  readonly carried: readonly ActionRecord[];
  readonly comments: readonly ReviewCommentRecord[];
}

export function presentNote(parts: NoteParts, access: NoteAccess, hierarchy: Hierarchy): Note {
  const { note } = parts;
  return {
    id: note.noteId,
    version: note.version,
    meeting: { iCalUId: note.meetingICalUId, start: isoOrNull(note.meetingStart), kind: note.meetingKind },
    rep: summaryOf(hierarchy, note.repEmail),
    manager: summaryOf(hierarchy, note.managerEmail),
    status: note.status,
    focus: note.focus.map((focus) => ({ ...focus })),
    wentWell: note.wentWell,
    gaps: note.gaps,
    reflection: note.reflection,
    privateNotes: canSeePrivateNotes(access) ? note.privateNotes : null,
    actions: parts.actions.map(presentAction),
    carriedActions: parts.carried.map(presentAction),
    reviewComments:
      access === "rep" ? [] : parts.comments.map((comment) => presentComment(comment, hierarchy)),
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
    sharedAt: isoOrNull(note.sharedAt),
    signedOffAt: isoOrNull(note.signedOffAt),
  };
}
