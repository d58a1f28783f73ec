import { isRecord } from "../is-record.ts";
import type { AutosaveState, Versioned } from "./autosave-state.ts";
import { hasUnsavedChanges } from "./autosave-state.ts";
import { type ActionItem, type FocusRating, isRating, type NoteContent } from "./note-content.ts";

/** The part of the Web Storage API the drafts need (localStorage in the pages, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Unsaved typing kept in the browser until the server acknowledges it, with the copy it was typed on. */
export interface StoredDraft {
  readonly base: Versioned;
  readonly local: NoteContent;
}

export interface DraftStore {
  /** Undefined when there is none, or when what is stored is not a draft this code wrote. */
  read(noteId: string): StoredDraft | undefined;
  /** False when the browser refused to store it (storage full or disabled): the form warns. */
  write(noteId: string, draft: StoredDraft): boolean;
  remove(noteId: string): void;
}

const PREFIX = "fieldcoach.note-draft.";

export function draftKey(noteId: string): string {
  return `${PREFIX}${noteId}`;
}

export function createDraftStore(storage: KeyValueStorage): DraftStore {
  return {
    read(noteId) {
      const text = storage.getItem(draftKey(noteId));
      if (text === null) return undefined;
      try {
        return parseDraft(JSON.parse(text));
      } catch {
        return undefined;
      }
    },
    write(noteId, draft) {
      try {
        storage.setItem(draftKey(noteId), JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    remove(noteId) {
      storage.removeItem(draftKey(noteId));
    },
  };
}

/**
 * Keeps the stored draft in step with the form: present while anything is unacknowledged (a conflict
 * included), gone once the server holds everything. Returns false when the browser refused to store it.
 */
export function syncDraft(store: DraftStore, noteId: string, state: AutosaveState): boolean {
  if (!hasUnsavedChanges(state)) {
    store.remove(noteId);
    return true;
  }
  return store.write(noteId, { base: state.server, local: state.local });
}

function parseDraft(value: unknown): StoredDraft | undefined {
  if (!isRecord(value) || !isRecord(value.base)) return undefined;
  const version = value.base.version;
  const base = parseContent(value.base.content);
  const local = parseContent(value.local);
  if (
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    base === undefined ||
    local === undefined
  ) {
    return undefined;
  }
  return { base: { version, content: base }, local };
}

function parseContent(value: unknown): NoteContent | undefined {
  if (!isRecord(value) || !Array.isArray(value.focus)) return undefined;
  const { wentWell, gaps, reflection, privateNotes } = value;
  if (typeof wentWell !== "string" || typeof gaps !== "string" || typeof reflection !== "string")
    return undefined;
  if (privateNotes !== undefined && typeof privateNotes !== "string") return undefined;
  if (!Array.isArray(value.actions)) return undefined;
  const actions: ActionItem[] = [];
  for (const item of value.actions) {
    if (
      !isRecord(item) ||
      typeof item.id !== "string" ||
      typeof item.text !== "string" ||
      (item.owner !== "rep" && item.owner !== "manager") ||
      (item.due !== null && typeof item.due !== "string")
    ) {
      return undefined;
    }
    actions.push({ id: item.id, text: item.text, owner: item.owner, due: item.due });
  }
  const focus: FocusRating[] = [];
  for (const item of value.focus) {
    if (!isRecord(item) || typeof item.behaviourId !== "string" || typeof item.evidence !== "string") {
      return undefined;
    }
    if (item.rating !== null && !isRating(item.rating)) return undefined;
    focus.push({ behaviourId: item.behaviourId, rating: item.rating, evidence: item.evidence });
  }
  return {
    focus,
    wentWell,
    gaps,
    reflection,
    ...(privateNotes === undefined ? {} : { privateNotes }),
    actions,
  };
}
