/** The 412 of a note write that named an old version: the body carries the note as it now stands. */

import type { Note } from "../../api/notes.ts";
import { RequestError } from "../api-error.ts";

export function noteVersionConflict(current: Note): RequestError {
  return new RequestError(
    "version_conflict",
    `The note was saved elsewhere in the meantime (now version ${current.version}); nothing of yours was saved yet, merge and save again.`,
    { details: { current }, headers: { ETag: `"${current.version}"` } },
  );
}
