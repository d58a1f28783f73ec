import {
  changedParts,
  NOTE_SET_FIELDS,
  type NoteContent,
  noteFields,
  noteFromFields,
  sameContent,
} from "./note-content.ts";
import { type MergeResult, mergeFields, type Resolution, resolveMerge } from "./three-way-merge.ts";

/** A copy of the note's content as the server holds it at `version` (the If-Match of the next save). */
export interface Versioned {
  readonly version: number;
  readonly content: NoteContent;
}

export type SaveFailure =
  /** No answer from the server: the draft stays local and the save is retried. */
  | { readonly kind: "offline" }
  /** The server refused the save and said why (a validation error, no longer allowed to edit). */
  | { readonly kind: "rejected"; readonly message: string };

export interface AutosaveState {
  /** The last copy the server acknowledged: what my edits are based on. */
  readonly server: Versioned;
  /** What the person sees and types into. */
  readonly local: NoteContent;
  /** The save on its way, with the content it sends. */
  readonly saving?: { readonly content: NoteContent; readonly baseVersion: number };
  readonly failure?: SaveFailure;
  /** Consecutive failed saves, for the retry back-off. */
  readonly failures: number;
  /** Someone else saved first and changed the same fields: both versions, until the person decides. */
  readonly conflict?: { readonly theirs: Versioned; readonly merge: MergeResult };
  /** Someone else's saved changes were merged into mine without overlap: say so once. */
  readonly mergedFromElsewhere: boolean;
}

export type SaveStatus = "saved" | "unsaved" | "saving" | "offline" | "failed" | "conflict";

export type AutosaveEvent =
  | { readonly type: "edited"; readonly content: NoteContent }
  | { readonly type: "save-started" }
  | { readonly type: "save-succeeded"; readonly note: Versioned }
  | { readonly type: "save-failed"; readonly failure: SaveFailure }
  /** The server holds a newer version (HTTP 412 on a save, or a fresh copy after sign-off or reload). */
  | { readonly type: "server-changed"; readonly note: Versioned }
  | { readonly type: "conflict-resolved"; readonly resolutions: Readonly<Record<string, Resolution>> }
  | { readonly type: "merge-noticed" };

export function initialAutosaveState(note: Versioned): AutosaveState {
  return { server: note, local: note.content, failures: 0, mergedFromElsewhere: false };
}

/**
 * A form reopened with a draft kept in the browser: the draft's base is what it was typed against, and
 * the server's current copy is merged in as if it had just arrived, so nothing typed offline is lost.
 */
export function restoredAutosaveState(current: Versioned, draft: { base: Versioned; local: NoteContent }) {
  const typed: AutosaveState = { ...initialAutosaveState(draft.base), local: draft.local };
  if (draft.base.version === current.version && sameContent(draft.base.content, current.content))
    return typed;
  return autosaveReducer(typed, { type: "server-changed", note: current });
}

export function statusOf(state: AutosaveState): SaveStatus {
  if (state.conflict !== undefined) return "conflict";
  if (state.saving !== undefined) return "saving";
  if (state.failure?.kind === "offline") return "offline";
  if (state.failure?.kind === "rejected") return "failed";
  return sameContent(state.local, state.server.content) ? "saved" : "unsaved";
}

export function hasUnsavedChanges(state: AutosaveState): boolean {
  return state.conflict !== undefined || !sameContent(state.local, state.server.content);
}

/** What to send now: undefined while a save is on its way, during a conflict, or with nothing to save. */
export function pendingSave(
  state: AutosaveState,
):
  | { readonly baseVersion: number; readonly content: NoteContent; readonly change: Partial<NoteContent> }
  | undefined {
  if (state.saving !== undefined || state.conflict !== undefined) return undefined;
  const change = changedParts(state.server.content, state.local);
  if (Object.keys(change).length === 0) return undefined;
  return { baseVersion: state.server.version, content: state.local, change };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edited":
      return { ...state, local: event.content };
    case "save-started":
      return { ...state, saving: { content: state.local, baseVersion: state.server.version } };
    case "save-succeeded": {
      const sent = state.saving?.content;
      // Typing that arrived while the save was on its way stays; otherwise adopt the server's copy.
      const local = sent !== undefined && sameContent(sent, state.local) ? event.note.content : state.local;
      return { ...state, server: event.note, local, saving: undefined, failure: undefined, failures: 0 };
    }
    case "save-failed":
      return { ...state, saving: undefined, failure: event.failure, failures: state.failures + 1 };
    case "server-changed":
      return adoptServerCopy(state, event.note);
    case "conflict-resolved": {
      if (state.conflict === undefined) return state;
      const local = noteFromFields(resolveMerge(state.conflict.merge, event.resolutions));
      return { ...state, server: state.conflict.theirs, local, conflict: undefined, failure: undefined };
    }
    case "merge-noticed":
      return { ...state, mergedFromElsewhere: false };
  }
}

function adoptServerCopy(state: AutosaveState, theirs: Versioned): AutosaveState {
  if (theirs.version < state.server.version) return state;
  const settled = { ...state, saving: undefined, failure: undefined, failures: 0 };
  if (sameContent(state.local, state.server.content)) {
    return { ...settled, server: theirs, local: theirs.content, conflict: undefined };
  }
  // My edits were typed against state.server, which stays put during a conflict until it is resolved.
  const merge = mergeFields(
    noteFields(state.server.content),
    noteFields(state.local),
    noteFields(theirs.content),
    NOTE_SET_FIELDS,
  );
  if (merge.conflicts.length > 0) return { ...settled, conflict: { theirs, merge } };
  const local = noteFromFields(merge.merged);
  return {
    ...settled,
    server: theirs,
    local,
    conflict: undefined,
    mergedFromElsewhere: !sameContent(local, state.local),
  };
}
