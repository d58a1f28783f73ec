import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, toDate, toInstant } from "../columns.ts";
import type { Database, ReviewCommentsTable } from "../schema.ts";

export interface NewReviewComment {
  /** Chosen by the client, so a retried post adds the comment once. */
  readonly commentId: string;
  /** The signed-off field-visit report it reviews. */
  readonly noteId: string;
  readonly authorEmail: string;
  readonly body: string;
  /** True when the comment records a debrief held with the manager. */
  readonly isDebrief: boolean;
}

export interface ReviewCommentRecord extends NewReviewComment {
  readonly createdAt: Instant;
}

export interface ReviewCommentsRepository {
  /** Adds the comment, or returns the one already stored under its id (`created` false). */
  add(
    tenantId: string,
    comment: NewReviewComment,
    now: Instant,
  ): Promise<{ readonly created: boolean; readonly comment: ReviewCommentRecord }>;
  /** Oldest first. */
  forNotes(tenantId: string, noteIds: readonly string[]): Promise<ReviewCommentRecord[]>;
}

export function reviewCommentsRepository(db: Kysely<Database>): ReviewCommentsRepository {
  return {
    add(tenantId, comment, now) {
      return atomically(db, async (tx) => {
        const inserted = await tx
          .insertInto("review_comments")
          .values({
            tenant_id: tenantId,
            comment_id: comment.commentId,
            note_id: comment.noteId,
            author_email: comment.authorEmail,
            body: comment.body,
            is_debrief: comment.isDebrief,
            created_at: toDate(now),
          })
          .onConflict((conflict) => conflict.columns(["tenant_id", "comment_id"]).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted !== undefined) return { created: true, comment: toRecord(inserted) };
        const existing = await tx
          .selectFrom("review_comments")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("comment_id", "=", comment.commentId)
          .executeTakeFirstOrThrow();
        return { created: false, comment: toRecord(existing) };
      });
    },
    async forNotes(tenantId, noteIds) {
      if (noteIds.length === 0) return [];
      const rows = await db
        .selectFrom("review_comments")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("note_id", "in", [...noteIds])
        .orderBy("created_at")
        .orderBy("comment_id")
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<ReviewCommentsTable>): ReviewCommentRecord {
  return {
    commentId: row.comment_id,
    noteId: row.note_id,
    authorEmail: row.author_email,
    body: row.body,
    isDebrief: row.is_debrief,
    createdAt: toInstant(row.created_at),
  };
}
