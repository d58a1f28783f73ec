import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, toDate, toInstant, toInstantOrNull, type WriteContext } from "../columns.ts";
import type { ActionOwner, ActionStatus, ActionsTable, Database } from "../schema.ts";

export interface ActionInput {
  /** Chosen by the client, so a retried save does not add the action twice. */
  readonly actionId: string;
  readonly text: string;
  readonly owner: ActionOwner;
  /** "YYYY-MM-DD" or null. */
  readonly dueDate: string | null;
}

export interface ActionRecord extends ActionInput {
  /** The note where it was agreed. */
  readonly noteId: string;
  readonly repEmail: string;
  readonly status: ActionStatus;
  readonly position: number;
  /** The later note in which it was followed up, if any. */
  readonly followedUpInNoteId: string | null;
  readonly createdAt: Instant;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
  readonly completedAt: Instant | null;
}

export interface ActionsRepository {
  get(tenantId: string, actionId: string): Promise<ActionRecord | undefined>;
  /** The actions agreed in one note, in order. */
  forNote(tenantId: string, noteId: string): Promise<ActionRecord[]>;
  /** The actions agreed in any of these notes, in one read: note by note as given, each in order. */
  forNotes(tenantId: string, noteIds: readonly string[]): Promise<ActionRecord[]>;
  /** The rep's open actions from notes other than `exceptNoteId`: what the next session carries over. */
  openForRep(tenantId: string, repEmail: string, exceptNoteId?: string): Promise<ActionRecord[]>;
  /**
   * Makes the note's agreed actions exactly `actions` (text, owner, due date, order); status is kept.
   * Ids that belong to another note are left alone and not returned.
   */
  replaceForNote(
    tenantId: string,
    noteId: string,
    repEmail: string,
    actions: readonly ActionInput[],
    context: WriteContext,
  ): Promise<ActionRecord[]>;
  /** Ticks an action off (or reopens it); repeating the same status changes nothing. */
  setStatus(
    tenantId: string,
    actionId: string,
    status: ActionStatus,
    context: WriteContext,
  ): Promise<ActionRecord | undefined>;
  /** Records that these actions were followed up in `noteId`; returns how many were. */
  markFollowedUp(
    tenantId: string,
    actionIds: readonly string[],
    noteId: string,
    context: WriteContext,
  ): Promise<number>;
}

export function actionsRepository(db: Kysely<Database>): ActionsRepository {
  const forNote = async (executor: Kysely<Database>, tenantId: string, noteId: string) => {
    const rows = await executor
      .selectFrom("actions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("note_id", "=", noteId)
      .orderBy("position")
      .execute();
    return rows.map(toRecord);
  };

  const get = async (executor: Kysely<Database>, tenantId: string, actionId: string) => {
    const row = await executor
      .selectFrom("actions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("action_id", "=", actionId)
      .executeTakeFirst();
    return row && toRecord(row);
  };

  return {
    get: (tenantId, actionId) => get(db, tenantId, actionId),
    forNote: (tenantId, noteId) => forNote(db, tenantId, noteId),
    async forNotes(tenantId, noteIds) {
      if (noteIds.length === 0) return [];
      const rows = await db
        .selectFrom("actions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("note_id", "in", [...noteIds])
        .orderBy("position")
        .execute();
      const order = new Map(noteIds.map((noteId, index) => [noteId, index]));
      return rows
        .map(toRecord)
        .sort((a, b) => order.get(a.noteId)! - order.get(b.noteId)! || a.position - b.position);
    },
    async openForRep(tenantId, repEmail, exceptNoteId) {
      const rows = await db
        .selectFrom("actions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("rep_email", "=", repEmail)
        .where("status", "=", "open")
        .$if(exceptNoteId !== undefined, (query) => query.where("note_id", "<>", exceptNoteId!))
        .orderBy("due_date", (order) => order.nullsLast())
        .orderBy("created_at")
        .orderBy("action_id")
        .execute();
      return rows.map(toRecord);
    },
    replaceForNote(tenantId, noteId, repEmail, actions, { by, now }) {
      return atomically(db, async (tx) => {
        const keep = actions.map((action) => action.actionId);
        await tx
          .deleteFrom("actions")
          .where("tenant_id", "=", tenantId)
          .where("note_id", "=", noteId)
          .$if(keep.length > 0, (query) => query.where("action_id", "not in", keep))
          .execute();
        if (actions.length > 0) {
          await tx
            .insertInto("actions")
            .values(
              actions.map((action, position) => ({
                tenant_id: tenantId,
                action_id: action.actionId,
                note_id: noteId,
                rep_email: repEmail,
                text: action.text,
                owner: action.owner,
                due_date: action.dueDate,
                status: "open" as const,
                position,
                created_at: toDate(now),
                updated_by: by,
                updated_at: toDate(now),
              })),
            )
            .onConflict((conflict) =>
              conflict
                .columns(["tenant_id", "action_id"])
                .doUpdateSet((eb) => ({
                  text: eb.ref("excluded.text"),
                  owner: eb.ref("excluded.owner"),
                  due_date: eb.ref("excluded.due_date"),
                  position: eb.ref("excluded.position"),
                  updated_by: eb.ref("excluded.updated_by"),
                  updated_at: eb.ref("excluded.updated_at"),
                }))
                .where("actions.note_id", "=", noteId),
            )
            .execute();
        }
        return forNote(tx, tenantId, noteId);
      });
    },
    async setStatus(tenantId, actionId, status, { by, now }) {
      const row = await db
        .updateTable("actions")
        .set({
          status,
          updated_by: by,
          updated_at: toDate(now),
          completed_at: status === "done" ? toDate(now) : null,
        })
        .where("tenant_id", "=", tenantId)
        .where("action_id", "=", actionId)
        .where("status", "<>", status)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? get(db, tenantId, actionId) : toRecord(row);
    },
    async markFollowedUp(tenantId, actionIds, noteId, { by, now }) {
      if (actionIds.length === 0) return 0;
      const result = await db
        .updateTable("actions")
        .set({ followed_up_in_note_id: noteId, updated_by: by, updated_at: toDate(now) })
        .where("tenant_id", "=", tenantId)
        .where("action_id", "in", [...actionIds])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

function toRecord(row: Selectable<ActionsTable>): ActionRecord {
  return {
    actionId: row.action_id,
    noteId: row.note_id,
    repEmail: row.rep_email,
    text: row.text,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    position: row.position,
    followedUpInNoteId: row.followed_up_in_note_id,
    createdAt: toInstant(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toInstant(row.updated_at),
    completedAt: toInstantOrNull(row.completed_at),
  };
}
