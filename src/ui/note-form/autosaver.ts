import {
  type AutosaveEvent,
  type AutosaveState,
  autosaveReducer,
  pendingSave,
  type SaveStatus,
  statusOf,
  type Versioned,
} from "./autosave-state.ts";
import { type DraftStore, syncDraft } from "./draft-store.ts";
import type { NoteContent } from "./note-content.ts";
import type { Resolution } from "./three-way-merge.ts";

/** What became of one save, as the API client reports it (it never throws for these). */
export type SaveOutcome =
  | { readonly kind: "saved"; readonly note: Versioned }
  /** HTTP 412: the server's current copy, which someone else saved first. */
  | { readonly kind: "conflict"; readonly current: Versioned }
  | { readonly kind: "offline" }
  | { readonly kind: "rejected"; readonly message: string };

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaverOptions {
  readonly noteId: string;
  readonly initial: AutosaveState;
  /**
   * Sends the note with If-Match: baseVersion: the whole content (the manager's form is saved whole) and
   * the parts that changed (the rep saves only their reflection).
   */
  readonly save: (
    baseVersion: number,
    content: NoteContent,
    change: Partial<NoteContent>,
  ) => Promise<SaveOutcome>;
  readonly drafts: DraftStore;
  /** Quiet time after the last keystroke before saving. */
  readonly delayMs?: number;
  /** Waits between retries while offline; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  readonly timers?: Timers;
}

export interface Autosaver {
  getState(): AutosaveState;
  /** False when the browser refused to keep the unsaved draft (storage full or off). */
  isDraftKept(): boolean;
  subscribe(listener: () => void): () => void;
  edit(content: NoteContent): void;
  /** Saves what is pending now (before sharing or signing off) and resolves with the status it reached. */
  flush(): Promise<SaveStatus>;
  /** A newer copy arrived by another route (a status change, a reload): merged like a 412. */
  serverChanged(note: Versioned): void;
  resolveConflict(resolutions: Readonly<Record<string, Resolution>>): void;
  dismissMergeNotice(): void;
  /** Retry at once, e.g. when the browser reports it is back online. */
  retryNow(): void;
  dispose(): void;
}

const DEFAULT_DELAY_MS = 800;
const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000];

/**
 * Drives the autosave state: saves a quiet moment after typing, one save at a time, keeps unsaved typing
 * in the draft store until the server acknowledges it, retries while offline and stops on a conflict
 * until the person settles it.
 */
export function createAutosaver(options: AutosaverOptions): Autosaver {
  const timers = options.timers ?? globalThis;
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const listeners = new Set<() => void>();
  let state = options.initial;
  let draftKept = syncDraft(options.drafts, options.noteId, state);
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let disposed = false;

  const dispatch = (event: AutosaveEvent) => {
    state = autosaveReducer(state, event);
    draftKept = syncDraft(options.drafts, options.noteId, state);
    for (const listener of listeners) listener();
  };

  const cancelTimer = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const schedule = (ms: number) => {
    cancelTimer();
    if (disposed) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      void send();
    }, ms);
  };

  const scheduleAfter = (outcome: SaveOutcome) => {
    if (outcome.kind === "offline") {
      schedule(retryDelays[Math.min(state.failures, retryDelays.length) - 1] ?? delayMs);
    } else if (outcome.kind !== "rejected" && pendingSave(state) !== undefined) {
      schedule(delayMs);
    }
  };

  const send = (): Promise<void> => {
    if (inFlight !== undefined) return inFlight;
    const request = pendingSave(state);
    if (request === undefined || disposed) return Promise.resolve();
    dispatch({ type: "save-started" });
    const saving = (async () => {
      const outcome = await options.save(request.baseVersion, request.content, request.change).catch(
        (error: unknown): SaveOutcome => ({
          kind: "rejected",
          message: error instanceof Error ? error.message : "The note could not be saved.",
        }),
      );
      inFlight = undefined;
      if (disposed) return;
      if (outcome.kind === "saved") dispatch({ type: "save-succeeded", note: outcome.note });
      else if (outcome.kind === "conflict") dispatch({ type: "server-changed", note: outcome.current });
      else dispatch({ type: "save-failed", failure: outcome });
      scheduleAfter(outcome);
    })();
    inFlight = saving;
    return saving;
  };

  return {
    getState: () => state,
    isDraftKept: () => draftKept,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit(content) {
      dispatch({ type: "edited", content });
      if (state.conflict === undefined) schedule(delayMs);
    },
    async flush() {
      for (;;) {
        cancelTimer();
        if (inFlight !== undefined) {
          await inFlight;
          continue;
        }
        if (pendingSave(state) === undefined) break;
        await send();
        if (state.failure !== undefined || state.conflict !== undefined) break;
      }
      cancelTimer();
      return statusOf(state);
    },
    serverChanged(note) {
      dispatch({ type: "server-changed", note });
      if (pendingSave(state) !== undefined) schedule(delayMs);
    },
    resolveConflict(resolutions) {
      dispatch({ type: "conflict-resolved", resolutions });
      schedule(0);
    },
    dismissMergeNotice() {
      dispatch({ type: "merge-noticed" });
    },
    retryNow() {
      if (state.conflict === undefined) schedule(0);
    },
    dispose() {
      disposed = true;
      cancelTimer();
      listeners.clear();
    },
  };
}
