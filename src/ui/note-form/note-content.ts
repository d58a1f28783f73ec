import type { Fields, FieldValue, SetFields } from "./three-way-merge.ts";

/** 1 not yet, 2 developing, 3 proficient, 4 role model (SPEC §6); null until rated. */
export type Rating = 1 | 2 | 3 | 4;

export interface FocusRating {
  readonly behaviourId: string;
  readonly rating: Rating | null;
  readonly evidence: string;
}

/** An action agreed in this session; the id is chosen by the page so that a retried save adds it once. */
export interface ActionItem {
  readonly id: string;
  readonly text: string;
  readonly owner: "rep" | "manager";
  /** "YYYY-MM-DD", or null when no date was agreed. */
  readonly due: string | null;
}

/**
 * What a coaching note's form edits. The manager writes all but `reflection`, which is the rep's;
 * `privateNotes` is absent for anyone but the manager, because the server never sends it to them.
 */
export interface NoteContent {
  readonly focus: readonly FocusRating[];
  readonly wentWell: string;
  readonly gaps: string;
  readonly reflection: string;
  readonly privateNotes?: string;
  readonly actions: readonly ActionItem[];
}

export type TextField = "wentWell" | "gaps" | "reflection" | "privateNotes";

const TEXT_FIELDS: readonly TextField[] = ["wentWell", "gaps", "reflection", "privateNotes"];
const FOCUS_LIST = "focus";
const ACTION_LIST = "actions";
const ACTION_PARTS = ["text", "owner", "due"] as const;

/**
 * The note as flat fields for merging: each behaviour's rating and evidence merge on their own, so a
 * rating changed in one place and evidence typed in another both survive.
 */
export function noteFields(content: NoteContent): Fields {
  const fields: Record<string, FieldValue> = { [FOCUS_LIST]: content.focus.map((item) => item.behaviourId) };
  for (const item of content.focus) {
    fields[ratingField(item.behaviourId)] = item.rating;
    fields[evidenceField(item.behaviourId)] = item.evidence;
  }
  fields[ACTION_LIST] = content.actions.map((action) => action.id);
  for (const action of content.actions) {
    for (const part of ACTION_PARTS) fields[actionField(action.id, part)] = action[part];
  }
  for (const name of TEXT_FIELDS) {
    const value = content[name];
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

export function noteFromFields(fields: Fields): NoteContent {
  const list = fields[FOCUS_LIST];
  const ids = Array.isArray(list) ? list : [];
  const text = (name: TextField) => {
    const value = fields[name];
    return typeof value === "string" ? value : "";
  };
  const privateNotes = fields.privateNotes;
  const actionIds = fields[ACTION_LIST];
  const actions = (Array.isArray(actionIds) ? actionIds : []).map((id): ActionItem => {
    const text = fields[actionField(id, "text")];
    const owner = fields[actionField(id, "owner")];
    const due = fields[actionField(id, "due")];
    return {
      id,
      text: typeof text === "string" ? text : "",
      owner: owner === "manager" ? "manager" : "rep",
      due: typeof due === "string" ? due : null,
    };
  });
  return {
    focus: ids.map((behaviourId) => {
      const rating = fields[ratingField(behaviourId)];
      const evidence = fields[evidenceField(behaviourId)];
      return {
        behaviourId,
        rating: isRating(rating) ? rating : null,
        evidence: typeof evidence === "string" ? evidence : "",
      };
    }),
    wentWell: text("wentWell"),
    gaps: text("gaps"),
    reflection: text("reflection"),
    ...(typeof privateNotes === "string" ? { privateNotes } : {}),
    actions,
  };
}

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Behaviours and actions merge as sets; a session has one to three focus behaviours (SPEC §6). */
export const NOTE_SET_FIELDS: SetFields = { [FOCUS_LIST]: { max: 3 }, [ACTION_LIST]: {} };

/** Which part of the note a merge field is, for showing a conflict in words. */
export type FieldMeaning =
  | { readonly part: "focus-list" }
  | { readonly part: "action-list" }
  | { readonly part: "action"; readonly actionId: string; readonly detail: "text" | "owner" | "due" }
  | { readonly part: "rating"; readonly behaviourId: string }
  | { readonly part: "evidence"; readonly behaviourId: string }
  | { readonly part: "text"; readonly name: TextField };

export function fieldMeaning(field: string): FieldMeaning {
  if (field === FOCUS_LIST) return { part: "focus-list" };
  if (field === ACTION_LIST) return { part: "action-list" };
  const action = /^action\/(.+)\/(text|owner|due)$/.exec(field);
  if (action !== null) {
    const detail = action[2] === "text" ? "text" : action[2] === "owner" ? "owner" : "due";
    return { part: "action", actionId: action[1]!, detail };
  }
  const match = /^focus\/(.+)\/(rating|evidence)$/.exec(field);
  if (match !== null) {
    const behaviourId = match[1]!;
    return match[2] === "rating" ? { part: "rating", behaviourId } : { part: "evidence", behaviourId };
  }
  const name = TEXT_FIELDS.find((candidate) => candidate === field);
  if (name === undefined) throw new RangeError(`${field} is not a field of a coaching note`);
  return { part: "text", name };
}

/** The parts of `content` that differ from `saved`: what a save sends, nothing more. */
export function changedParts(saved: NoteContent, content: NoteContent): Partial<NoteContent> {
  const change: { -readonly [K in keyof NoteContent]?: NoteContent[K] } = {};
  if (!sameFocus(saved.focus, content.focus)) change.focus = content.focus;
  if (!sameActions(saved.actions, content.actions)) change.actions = content.actions;
  for (const name of TEXT_FIELDS) {
    const value = content[name];
    if (value !== undefined && value !== saved[name]) change[name] = value;
  }
  return change;
}

export function sameContent(a: NoteContent, b: NoteContent): boolean {
  return Object.keys(changedParts(a, b)).length === 0 && Object.keys(changedParts(b, a)).length === 0;
}

function sameFocus(a: readonly FocusRating[], b: readonly FocusRating[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index]!;
      return (
        item.behaviourId === other.behaviourId &&
        item.rating === other.rating &&
        item.evidence === other.evidence
      );
    })
  );
}

function sameActions(a: readonly ActionItem[], b: readonly ActionItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index]!;
      return (
        item.id === other.id &&
        item.text === other.text &&
        item.owner === other.owner &&
        item.due === other.due
      );
    })
  );
}

function actionField(actionId: string, part: (typeof ACTION_PARTS)[number]): string {
  return `action/${actionId}/${part}`;
}

function ratingField(behaviourId: string): string {
  return `focus/${behaviourId}/rating`;
}

function evidenceField(behaviourId: string): string {
  return `focus/${behaviourId}/evidence`;
}
