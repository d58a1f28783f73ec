import type { Kysely, Selectable } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import type { Interval } from "../../domain/interval.ts";
import {
  atomically,
  json,
  toDate,
  toDateOrNull,
  toInstant,
  toInstantOrNull,
  type VersionedWrite,
  type WriteContext,
} from "../columns.ts";
import type {
  Database,
  KindColumn,
  NoteStatus,
  NotesTable,
  StoredFocusRating,
  StoredNoteSnapshot,
} from "../schema.ts";

/** What the manager writes in a coaching note (SPEC §6); the rep writes `reflection`. */
export interface NoteContent {
  readonly focus: readonly StoredFocusRating[];
  readonly wentWell: string;
  readonly gaps: string;
  readonly reflection: string;
  /** Seen by the manager alone: never by the rep or executives. */
  readonly privateNotes: string;
}

export interface NewNote {
  /** Chosen by the caller (a random UUID). */
  readonly noteId: string;
  /** The meeting's iCalUId, the same in every attendee's calendar. */
  readonly meetingICalUId: string;
  readonly repEmail: string;
  readonly managerEmail: string;
  readonly meetingStart: Instant | null;
  readonly meetingKind: KindColumn | null;
  /** Usually the rep plan's focus behaviours, unrated. */
  readonly focus: readonly StoredFocusRating[];
}

export interface NoteRecord extends NoteContent {
  readonly noteId: string;
  readonly meetingICalUId: string;
  readonly repEmail: string;
  readonly managerEmail: string;
  readonly meetingStart: Instant | null;
  readonly meetingKind: KindColumn | null;
  readonly status: NoteStatus;
  /** Starts at 1 and grows by one with every change: the If-Match value of the next save. */
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
  readonly sharedAt: Instant | null;
  readonly signedOffAt: Instant | null;
}

/** A snapshot of a note after one change: nothing saved is ever lost. */
export interface NoteVersionRecord {
  readonly version: number;
  readonly content: StoredNoteSnapshot;
  readonly savedBy: string;
  readonly savedAt: Instant;
}

export interface NoteFilter {
  readonly meetingICalUId?: string;
  readonly repEmails?: readonly string[];
  readonly managerEmails?: readonly string[];
  readonly statuses?: readonly NoteStatus[];
  /** Notes whose meeting starts inside it. */
  readonly meetingWindow?: Interval;
}

export interface NotesRepository {
  get(tenantId: string, noteId: string): Promise<NoteRecord | undefined>;
  /** Matching notes by meeting start (unknown starts last), then id. An empty list matches nothing. */
  list(tenantId: string, filter: NoteFilter): Promise<NoteRecord[]>;
  /**
   * Creates the note of a meeting and rep, or returns the one that exists (a retried create, or two
   * people opening the form at once): `created` says which.
   */
  create(
    tenantId: string,
    note: NewNote,
    context: WriteContext,
  ): Promise<{ readonly created: boolean; readonly note: NoteRecord }>;
  /**
   * Applies `change` when the stored version is `expectedVersion`; otherwise returns the stored note as
   * a conflict and changes nothing. Undefined when there is no such note.
   */
  update(
    tenantId: string,
    noteId: string,
    expectedVersion: number,
    change: Partial<NoteContent>,
    context: WriteContext,
  ): Promise<VersionedWrite<NoteRecord> | undefined>;
  /**
   * Moves the note to `to` when its status is one of `from` (draft → shared → signed off), stamping
   * the time; otherwise returns the stored note as a conflict. Undefined when there is no such note.
   */
  transition(
    tenantId: string,
    noteId: string,
    from: readonly NoteStatus[],
    to: Exclude<NoteStatus, "draft">,
    context: WriteContext,
  ): Promise<VersionedWrite<NoteRecord> | undefined>;
  versions(tenantId: string, noteId: string): Promise<NoteVersionRecord[]>;
}

export function notesRepository(db: Kysely<Database>): NotesRepository {
  const get = async (executor: Kysely<Database>, tenantId: string, noteId: string) => {
    const row = await executor
      .selectFrom("notes")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("note_id", "=", noteId)
      .executeTakeFirst();
    return row && toRecord(row);
  };

  const snapshot = async (executor: Kysely<Database>, tenantId: string, note: NoteRecord) => {
    await executor
      .insertInto("note_versions")
      .values({
        tenant_id: tenantId,
        note_id: note.noteId,
        version: note.version,
        content: json({
          focus: note.focus,
          wentWell: note.wentWell,
          gaps: note.gaps,
          reflection: note.reflection,
          privateNotes: note.privateNotes,
          status: note.status,
        } satisfies StoredNoteSnapshot),
        saved_by: note.updatedBy,
        saved_at: toDate(note.updatedAt),
      })
      .execute();
  };

  return {
    get: (tenantId, noteId) => get(db, tenantId, noteId),

    async list(tenantId, filter) {
      const empty = [filter.repEmails, filter.managerEmails, filter.statuses].some(
        (list) => list?.length === 0,
      );
      if (empty) return [];
      const rows = await db
        .selectFrom("notes")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .$if(filter.meetingICalUId !== undefined, (query) =>
          query.where("meeting_ical_uid", "=", filter.meetingICalUId!),
        )
        .$if(filter.repEmails !== undefined, (query) =>
          query.where("rep_email", "in", [...filter.repEmails!]),
        )
        .$if(filter.managerEmails !== undefined, (query) =>
          query.where("manager_email", "in", [...filter.managerEmails!]),
        )
        .$if(filter.statuses !== undefined, (query) => query.where("status", "in", [...filter.statuses!]))
        .$if(filter.meetingWindow !== undefined, (query) =>
          query
            .where("meeting_start", ">=", toDate(filter.meetingWindow!.start))
            .where("meeting_start", "<", toDate(filter.meetingWindow!.end)),
        )
        .orderBy("meeting_start", (order) => order.nullsLast())
        .orderBy("note_id")
        .execute();
      return rows.map(toRecord);
    },

    create(tenantId, note, { by, now }) {
      return atomically(db, async (tx) => {
        const inserted = await tx
          .insertInto("notes")
          .values({
            tenant_id: tenantId,
            note_id: note.noteId,
            meeting_ical_uid: note.meetingICalUId,
            rep_email: note.repEmail,
            manager_email: note.managerEmail,
            meeting_start: toDateOrNull(note.meetingStart),
            meeting_kind: note.meetingKind,
            status: "draft",
            version: 1,
            focus: json(note.focus),
            went_well: "",
            gaps: "",
            reflection: "",
            private_notes: "",
            created_by: by,
            created_at: toDate(now),
            updated_by: by,
            updated_at: toDate(now),
          })
          .onConflict((conflict) =>
            conflict.columns(["tenant_id", "meeting_ical_uid", "rep_email"]).doNothing(),
          )
          .returningAll()
          .executeTakeFirst();
        if (inserted !== undefined) {
          const created = toRecord(inserted);
          await snapshot(tx, tenantId, created);
          return { created: true, note: created };
        }
        const existing = await tx
          .selectFrom("notes")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("meeting_ical_uid", "=", note.meetingICalUId)
          .where("rep_email", "=", note.repEmail)
          .executeTakeFirstOrThrow();
        return { created: false, note: toRecord(existing) };
      });
    },

    update(tenantId, noteId, expectedVersion, change, { by, now }) {
      return atomically(db, async (tx) => {
        // The version test and the write are one statement: of two saves expecting the same version,
        // PostgreSQL lets exactly one match.
        const row = await tx
          .updateTable("notes")
          .set((eb) => ({
            ...(change.focus === undefined ? {} : { focus: json(change.focus) }),
            ...(change.wentWell === undefined ? {} : { went_well: change.wentWell }),
            ...(change.gaps === undefined ? {} : { gaps: change.gaps }),
            ...(change.reflection === undefined ? {} : { reflection: change.reflection }),
            ...(change.privateNotes === undefined ? {} : { private_notes: change.privateNotes }),
            version: eb("version", "+", 1),
            updated_by: by,
            updated_at: toDate(now),
          }))
          .where("tenant_id", "=", tenantId)
          .where("note_id", "=", noteId)
          .where("version", "=", expectedVersion)
          .returningAll()
          .executeTakeFirst();
        return settle(tx, tenantId, noteId, row);
      });
    },

    transition(tenantId, noteId, from, to, { by, now }) {
      return atomically(db, async (tx) => {
        const row = await tx
          .updateTable("notes")
          .set((eb) => ({
            status: to,
            ...(to === "shared" ? { shared_at: toDate(now) } : { signed_off_at: toDate(now) }),
            version: eb("version", "+", 1),
            updated_by: by,
            updated_at: toDate(now),
          }))
          .where("tenant_id", "=", tenantId)
          .where("note_id", "=", noteId)
          .where("status", "in", [...from])
          .returningAll()
          .executeTakeFirst();
        return settle(tx, tenantId, noteId, row);
      });
    },

    async versions(tenantId, noteId) {
      const rows = await db
        .selectFrom("note_versions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("note_id", "=", noteId)
        .orderBy("version")
        .execute();
      return rows.map((row) => ({
        version: row.version,
        content: row.content,
        savedBy: row.saved_by,
        savedAt: toInstant(row.saved_at),
      }));
    },
  };

  async function settle(
    tx: Kysely<Database>,
    tenantId: string,
    noteId: string,
    row: Selectable<NotesTable> | undefined,
  ): Promise<VersionedWrite<NoteRecord> | undefined> {
    if (row === undefined) {
      const current = await get(tx, tenantId, noteId);
      return current && { outcome: "conflict", current };
    }
    const record = toRecord(row);
    await snapshot(tx, tenantId, record);
    return { outcome: "saved", record };
  }
}

function toRecord(row: Selectable<NotesTable>): NoteRecord {
  return {
    noteId: row.note_id,
    meetingICalUId: row.meeting_ical_uid,
    repEmail: row.rep_email,
    managerEmail: row.manager_email,
    meetingStart: toInstantOrNull(row.meeting_start),
    meetingKind: row.meeting_kind,
    status: row.status,
    version: row.version,
    focus: row.focus,
    wentWell: row.went_well,
    gaps: row.gaps,
    reflection: row.reflection,
    privateNotes: row.private_notes,
    createdBy: row.created_by,
    createdAt: toInstant(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toInstant(row.updated_at),
    sharedAt: toInstantOrNull(row.shared_at),
    signedOffAt: toInstantOrNull(row.signed_off_at),
  };
}
