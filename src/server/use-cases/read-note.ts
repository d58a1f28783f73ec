/** One coaching note, as the reader may see it; every read is audited (GET /api/notes/:id). */

import type { Note } from "../../api/notes.ts";
import { accessibleNote, auditRead, noteView } from "../note-access.ts";
import type { RequestContext } from "../request-context.ts";

export async function readNote(context: RequestContext, noteId: string): Promise<Note> {
  const { note, access } = await accessibleNote(context, noteId);
  await auditRead(context, note, access);
  return noteView(context, note, access);
}
