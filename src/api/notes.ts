import { z } from "zod";
import {
  behaviourId,
  email,
  iCalUId,
  ifMatch,
  instant,
  isoDate,
  meetingKind,
  personSummary,
  rating,
  uuid,
} from "./common.ts";
import { apiError } from "./errors.ts";

const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const noteStatus = z.enum(["draft", "shared", "signed-off"]);

/** A focus behaviour of the session, how the rep did on it and what the manager saw. */
export const focusRating = z.object({
  behaviourId,
  /** Null until rated. */
  rating: rating.nullable(),
  evidence: longText(10_000),
});
export type FocusRating = z.infer<typeof focusRating>;

export const actionOwner = z.enum(["rep", "manager"]);
export const actionStatus = z.enum(["open", "done", "dropped"]);

/** An agreed action as the form edits it; the id is chosen by the page so that retries add it once. */
export const actionDraft = z.object({
  id: uuid,
  text: z.string().min(1, "must not be empty").max(2_000, "must be at most 2000 characters"),
  owner: actionOwner,
  due: isoDate.nullable(),
});
export type ActionDraft = z.infer<typeof actionDraft>;

export const noteAction = actionDraft.extend({
  /** The note in which it was agreed. */
  noteId: uuid,
  status: actionStatus,
  completedAt: instant.nullable(),
});
export type NoteAction = z.infer<typeof noteAction>;

export const reviewComment = z.object({
  id: uuid,
  noteId: uuid,
  author: personSummary,
  body: z.string(),
  /** True when it records a debrief held with the manager. */
  debrief: z.boolean(),
  createdAt: instant,
});
export type ReviewComment = z.infer<typeof reviewComment>;

/**
 * A coaching note (SPEC §6). The reader sees what they may: `privateNotes` is null for anyone but the
 * note's manager, and review comments are shown to the manager and executives only (empty for the rep).
 */
export const note = z.object({
  id: uuid,
  /** Pass back in If-Match to save; also sent as the ETag. */
  version: z.int().positive(),
  meeting: z.object({ iCalUId: z.string(), start: instant.nullable(), kind: meetingKind.nullable() }),
  rep: personSummary,
  manager: personSummary,
  status: noteStatus,
  focus: z.array(focusRating),
  wentWell: z.string(),
  gaps: z.string(),
  /** Written by the rep once the note is shared. */
  reflection: z.string(),
  privateNotes: z.string().nullable(),
  /** Agreed in this session. */
  actions: z.array(noteAction),
  /** Still open from earlier sessions with this rep: what this session follows up. */
  carriedActions: z.array(noteAction),
  reviewComments: z.array(reviewComment),
  createdAt: instant,
  updatedAt: instant,
  sharedAt: instant.nullable(),
  signedOffAt: instant.nullable(),
});
export type Note = z.infer<typeof note>;

/** GET /api/notes?meeting&rep: the notes of a meeting, of a rep, or of a rep in a meeting. */
export const notesQuery = z
  .object({ meeting: iCalUId.optional(), rep: email.optional() })
  .refine((query) => query.meeting !== undefined || query.rep !== undefined, {
    message: "needs meeting, rep or both",
    path: ["meeting"],
  });
export type NotesQuery = z.infer<typeof notesQuery>;

export const notesResponse = z.object({ notes: z.array(note) });
export type NotesResponse = z.infer<typeof notesResponse>;

export const noteParams = z.object({ id: uuid });

/** POST /api/notes: the note of a meeting and rep, created if it does not exist yet (201) or as it is (200). */
export const createNoteBody = z.object({ meeting: iCalUId, rep: email });
export type CreateNoteBody = z.infer<typeof createNoteBody>;

/**
 * PUT /api/notes/:id with If-Match: the manager's autosave of a draft, the whole form each time.
 * `actions` replaces the actions agreed in this note (their status is kept).
 */
export const noteDraftBody = z.object({
  focus: z.array(focusRating).max(3, "must name at most three behaviours"),
  wentWell: longText(20_000),
  gaps: longText(20_000),
  privateNotes: longText(20_000),
  actions: z.array(actionDraft).max(20, "must hold at most 20 actions"),
});
export type NoteDraftBody = z.infer<typeof noteDraftBody>;

export const noteWriteHeaders = ifMatch;

/** PUT /api/notes/:id/reflection with If-Match: the rep's own reflection. */
export const reflectionBody = z.object({ reflection: longText(20_000) });
export type ReflectionBody = z.infer<typeof reflectionBody>;

/** PUT /api/notes/:id/actions/:actionId: the rep ticks an action off, or the manager drops it. */
export const actionParams = z.object({ id: uuid, actionId: uuid });
export const actionStatusBody = z.object({ status: actionStatus });
export type ActionStatusBody = z.infer<typeof actionStatusBody>;

/**
 * 412: someone saved first. Nothing is lost: the client keeps what it typed, merges it onto `current`
 * and saves again with `current.version`.
 */
export const versionConflictError = apiError.extend({
  code: z.literal("version_conflict"),
  current: note,
});
export type VersionConflictError = z.infer<typeof versionConflictError>;
