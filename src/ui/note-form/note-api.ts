import type { Note, NoteDraftBody } from "../../api/notes.ts";
import { ApiFailure } from "../api-failure.ts";
import { isRecord } from "../is-record.ts";
import type { Versioned } from "./autosave-state.ts";
import type { SaveOutcome } from "./autosaver.ts";
import type { NoteContent } from "./note-content.ts";

/** How the signed-in person relates to a note, which decides what the form lets them do (SPEC §6). */
export type NoteRole = "manager" | "rep" | "reviewer";

export function noteRoleOf(note: Note, viewerEmail: string): NoteRole {
  if (note.manager.email === viewerEmail) return "manager";
  if (note.rep.email === viewerEmail) return "rep";
  return "reviewer";
}

/** The form's part of a note as the server sent it; private notes only when the viewer may see them. */
export function contentOfNote(note: Note): NoteContent {
  return {
    focus: note.focus.map((item) => ({
      behaviourId: item.behaviourId,
      rating:
        item.rating === 1 || item.rating === 2 || item.rating === 3 || item.rating === 4 ? item.rating : null,
      evidence: item.evidence,
    })),
    wentWell: note.wentWell,
    gaps: note.gaps,
    reflection: note.reflection,
    ...(note.privateNotes === null ? {} : { privateNotes: note.privateNotes }),
    actions: note.actions.map((action) => ({
      id: action.id,
      text: action.text,
      owner: action.owner,
      due: action.due,
    })),
  };
}

export function versionedNote(note: Note): Versioned {
  return { version: note.version, content: contentOfNote(note) };
}

/** The manager's autosave sends the whole form (PUT /api/notes/:id). */
export function draftBodyOf(content: NoteContent): NoteDraftBody {
  return {
    focus: content.focus.map((item) => ({ ...item })),
    wentWell: content.wentWell,
    gaps: content.gaps,
    privateNotes: content.privateNotes ?? "",
    actions: content.actions.map((action) => ({ ...action })),
  };
}

/**
 * What a save's answer means for the form: the saved note, the newer copy of a 412 to merge with, no
 * answer (kept locally and retried), or a refusal in the server's words.
 */
export async function saveOutcomeOf(
  saving: Promise<Note>,
  onSaved: (note: Note) => void,
): Promise<SaveOutcome> {
  try {
    const note = await saving;
    onSaved(note);
    return { kind: "saved", note: versionedNote(note) };
  } catch (error) {
    if (error instanceof ApiFailure) {
      if (error.code === "version_conflict" && isNote(error.body.current)) {
        onSaved(error.body.current);
        return { kind: "conflict", current: versionedNote(error.body.current) };
      }
      if (error.retryable) return { kind: "offline" };
      return { kind: "rejected", message: error.message };
    }
    throw error;
  }
}

/** The 412 body's `current` is the contract's Note; checked by the fields the form relies on. */
function isNote(value: unknown): value is Note {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.version === "number" &&
    Array.isArray(value.focus) &&
    Array.isArray(value.actions) &&
    typeof value.wentWell === "string" &&
    typeof value.gaps === "string" &&
    typeof value.reflection === "string"
  );
}
