/**
 * Field-by-field three-way merge: the base both sides started from, my edits and their saved copy. A
 * field only one side changed takes that side's value; a field both changed differently is a conflict
 * the person must settle, never a silent pick.
 */

export type FieldValue = string | number | null | readonly string[];
export type Fields = Readonly<Record<string, FieldValue>>;

export interface FieldConflict {
  readonly field: string;
  /** Undefined when the field did not exist in the base (both sides added it). */
  readonly base: FieldValue | undefined;
  readonly mine: FieldValue | undefined;
  readonly theirs: FieldValue | undefined;
}

export interface MergeResult {
  /** Every field settled; conflicting fields hold my value until resolved. */
  readonly merged: Fields;
  readonly conflicts: readonly FieldConflict[];
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/**
 * Fields holding lists of ids (the focus behaviours, the agreed actions) merge as sets: what either side
 * added is kept, what either side removed goes. Only a list that would grow past `max` is a conflict.
 */
export type SetFields = Readonly<Record<string, { readonly max?: number }>>;

export function mergeFields(base: Fields, mine: Fields, theirs: Fields, sets: SetFields = {}): MergeResult {
  const merged: Record<string, FieldValue> = {};
  const conflicts: FieldConflict[] = [];
  const names = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of names) {
    const b = base[field];
    const m = mine[field];
    const t = theirs[field];
    const set = sets[field];
    const settled = set === undefined ? settle(b, m, t) : settleSet(b, m, t, set.max);
    if (settled === CONFLICT) {
      conflicts.push({ field, base: b, mine: m, theirs: t });
      if (m !== undefined) merged[field] = m;
    } else if (settled !== undefined) {
      merged[field] = settled;
    }
  }
  return { merged, conflicts };
}

const CONFLICT = Symbol("conflict");

function settle(
  base: FieldValue | undefined,
  mine: FieldValue | undefined,
  theirs: FieldValue | undefined,
): FieldValue | undefined | typeof CONFLICT {
  if (sameValue(mine, theirs)) return mine;
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base)) return mine;
  return CONFLICT;
}

function settleSet(
  base: FieldValue | undefined,
  mine: FieldValue | undefined,
  theirs: FieldValue | undefined,
  max: number | undefined,
): FieldValue | undefined | typeof CONFLICT {
  if (!isList(mine) || !isList(theirs)) return settle(base, mine, theirs);
  const before = new Set(isList(base) ? base : []);
  const kept = (id: string, other: readonly string[]) => !before.has(id) || other.includes(id);
  const merged = mine.filter((id) => kept(id, theirs));
  for (const id of theirs) {
    if (!merged.includes(id) && !before.has(id)) merged.push(id);
  }
  if (max !== undefined && merged.length > max && !sameValue(mine, theirs)) return CONFLICT;
  return merged;
}

function isList(value: FieldValue | undefined): value is readonly string[] {
  return Array.isArray(value);
}

/** How the person settled one conflicting field. */
export type Resolution =
  | { readonly keep: "mine" }
  | { readonly keep: "theirs" }
  /** Text they wrote from both versions (offered for text fields). */
  | { readonly keep: "edited"; readonly value: string };

/**
 * Applies the person's choice to each conflict; throws when a conflict has no choice, because guessing
 * would lose someone's words.
 */
export function resolveMerge(result: MergeResult, resolutions: Readonly<Record<string, Resolution>>): Fields {
  const fields: Record<string, FieldValue> = { ...result.merged };
  for (const conflict of result.conflicts) {
    const resolution = resolutions[conflict.field];
    if (resolution === undefined) throw new RangeError(`the conflict on ${conflict.field} is not resolved`);
    const value =
      resolution.keep === "mine"
        ? conflict.mine
        : resolution.keep === "theirs"
          ? conflict.theirs
          : resolution.value;
    if (value === undefined) delete fields[conflict.field];
    else fields[conflict.field] = value;
  }
  return fields;
}

/** Both texts, mine first, as the starting point of a hand merge; a side that is empty adds nothing. */
export function combineTexts(mine: string, theirs: string): string {
  if (mine.trim() === "") return theirs;
  if (theirs.trim() === "" || theirs === mine) return mine;
  return `${mine}\n\n${theirs}`;
}
