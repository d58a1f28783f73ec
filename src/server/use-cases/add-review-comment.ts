/**
 * An executive's review comment on a signed-off field-visit report (POST /api/reports/:noteId/comments),
 * optionally recording a debrief held with the manager. Posting the same comment id again adds nothing.
 */

import type { CommentBody } from "../../api/executive.ts";
import type { ReviewComment } from "../../api/notes.ts";
import { conflict, forbidden } from "../api-error.ts";
import { canReview } from "../authorize.ts";
import { accessibleNote } from "../note-access.ts";
import { presentComment } from "../present/present-note.ts";
import type { RequestContext } from "../request-context.ts";

export async function addReviewComment(
  context: RequestContext,
  noteId: string,
  body: CommentBody,
): Promise<{ readonly created: boolean; readonly comment: ReviewComment }> {
  const { note, access } = await accessibleNote(context, noteId);
  if (access !== "reviewer") throw forbidden("Only the executives above the note's manager review it.");
  if (!canReview(access, note)) throw conflict("The report is not signed off yet.");
  const author = context.viewer.email!;
  const { tenantId, now } = context;
  const added = await context.services.store.transaction(async (tx) => {
    const result = await tx.reviewComments.add(
      tenantId,
      { commentId: body.id, noteId, authorEmail: author, body: body.body, isDebrief: body.debrief },
      now,
    );
    if (result.created) {
      await tx.audit.record(
        tenantId,
        {
          actor: author,
          action: "comment.create",
          targetType: "note",
          targetId: noteId,
          detail: { debrief: body.debrief },
        },
        now,
      );
    }
    return result;
  });
  if (added.comment.noteId !== noteId || added.comment.authorEmail !== author) {
    throw conflict("That comment id is taken by another comment.");
  }
  return { created: added.created, comment: presentComment(added.comment, await context.hierarchy()) };
}
