import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import {
  type AutosaveState,
  initialAutosaveState,
  restoredAutosaveState,
  type Versioned,
} from "./autosave-state.ts";
import { type Autosaver, createAutosaver, type SaveOutcome } from "./autosaver.ts";
import { createDraftStore, type DraftStore } from "./draft-store.ts";
import type { NoteContent } from "./note-content.ts";

export interface UseAutosave {
  readonly state: AutosaveState;
  readonly saver: Autosaver;
  /** The draft was restored from this browser (typed earlier and not yet acknowledged). */
  readonly restored: boolean;
}

/**
 * The autosaver of one note, with its draft kept in localStorage: a draft left by an earlier visit
 * (closed tab, lost connection) is merged with the server's copy on opening. Saves retry as soon as the
 * browser is back online, and leaving the page with unsaved typing asks first.
 */
export function useAutosave(
  noteId: string,
  current: Versioned,
  save: (baseVersion: number, content: NoteContent, change: Partial<NoteContent>) => Promise<SaveOutcome>,
): UseAutosave {
  const latestSave = useRef(save);
  latestSave.current = save;
  // The saver lives as long as the note is open; a newer server copy reaches it through serverChanged.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recreated per note, not per server copy
  const { saver, restored } = useMemo(() => {
    const drafts = browserDrafts();
    const draft = drafts.read(noteId);
    const initial =
      draft === undefined ? initialAutosaveState(current) : restoredAutosaveState(current, draft);
    const send = (baseVersion: number, content: NoteContent, change: Partial<NoteContent>) =>
      latestSave.current(baseVersion, content, change);
    return { saver: createAutosaver({ noteId, initial, drafts, save: send }), restored: draft !== undefined };
  }, [noteId]);

  useEffect(() => {
    saver.serverChanged(current);
  }, [saver, current]);

  useEffect(() => {
    if (restored) saver.retryNow();
    const online = () => saver.retryNow();
    const leaving = (event: BeforeUnloadEvent) => {
      const state = saver.getState();
      if (state.saving !== undefined || state.failure !== undefined || state.conflict !== undefined) {
        event.preventDefault();
      }
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", leaving);
      // Leaving the note saves now. Offline, the saver keeps retrying in the background, and the draft
      // store holds the typing for the next visit either way.
      void saver.flush().then((status) => {
        if (status !== "offline") saver.dispose();
      });
    };
  }, [saver, restored]);

  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  return { state, saver, restored };
}

function browserDrafts(): DraftStore {
  try {
    return createDraftStore(window.localStorage);
  } catch {
    // Storage disabled by policy: drafts live only as long as the page.
    const items = new Map<string, string>();
    return createDraftStore({
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    });
  }
}
