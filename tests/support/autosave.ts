/**
 * A note form autosaving as the pages do, for the fault tests: one save at a time, each with If-Match
 * of the last version the server acknowledged; a 412 hands over the current version and the same text
 * is saved over it (nothing typed is dropped); any other failure, or no answer at all, is noted and the
 * same save is sent again shortly. Acknowledgements and refusals are kept, so that a test can hold the
 * server to what it acknowledged.
 */

import { setTimeout as pause } from "node:timers/promises";

/** What one save got back: an HTTP answer, or none (status 0) when the connection failed. */
export interface SaveAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface Acknowledged {
  /** The version the server said the save made. */
  readonly version: number;
  readonly wentWell: string;
}

export interface AutosaveRun {
  readonly noteId: string;
  /** 2xx answers, in order. */
  readonly acknowledged: Acknowledged[];
  /** Every answer that was not a 2xx nor a 412, in order (status 0: no answer). */
  readonly refused: SaveAnswer[];
  /**
   * What the note may hold once the run is done: its last acknowledged save, or, when a save was sent
   * and not acknowledged before the run stopped (refused, or cut off), that save, which the server may
   * have written all the same.
   */
  outcomes(): Acknowledged[];
  /** Resolves once `stop` said so and the save in flight has its answer. */
  readonly done: Promise<void>;
}

/** The whole form as the page sends it: only "went well" changes from save to save. */
export function noteDraft(wentWell: string): Record<string, unknown> {
  return { focus: [], wentWell, gaps: "", privateNotes: "", actions: [] };
}

export function startAutosave(options: {
  readonly noteId: string;
  /** The version the form was opened at. */
  readonly version: number;
  /** Sends one save: PUT /api/notes/:id with If-Match `"<ifMatch>"` and `noteDraft(wentWell)`. */
  readonly save: (ifMatch: number, wentWell: string) => Promise<SaveAnswer>;
  /** Asked before every save; true ends the run. */
  readonly stop: () => boolean;
}): AutosaveRun {
  const acknowledged: Acknowledged[] = [];
  const refused: SaveAnswer[] = [];
  let unacknowledged: string | undefined;
  const run = async () => {
    let version = options.version;
    for (let typed = 1; !options.stop(); ) {
      const wentWell = `${options.noteId}: typed ${typed}`;
      unacknowledged = wentWell;
      const answer = await options.save(version, wentWell).catch(() => ({ status: 0, body: undefined }));
      if (answer.status >= 200 && answer.status < 300) {
        version = versionOf(answer.body);
        acknowledged.push({ version, wentWell });
        unacknowledged = undefined;
        typed += 1;
      } else if (answer.status === 412) {
        version = versionOf((answer.body as { current?: unknown }).current);
      } else {
        refused.push(answer);
        await pause(20);
      }
    }
  };
  return {
    noteId: options.noteId,
    acknowledged,
    refused,
    outcomes() {
      const last = acknowledged.at(-1) ?? { version: options.version, wentWell: "" };
      return unacknowledged === undefined
        ? [last]
        : [last, { version: last.version + 1, wentWell: unacknowledged }];
    },
    done: run(),
  };
}

function versionOf(note: unknown): number {
  const version = (note as { version?: unknown } | undefined)?.version;
  if (typeof version !== "number")
    throw new Error(`the server answered a note without a version: ${String(note)}`);
  return version;
}
