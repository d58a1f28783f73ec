import { fieldMeaning, type Rating, type TextField } from "./note-content.ts";
import type { FieldValue } from "./three-way-merge.ts";

/** SPEC §6's rating scale, in the words the form shows. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  1: "Not yet",
  2: "Developing",
  3: "Proficient",
  4: "Role model",
};

export const TEXT_FIELD_LABELS: Readonly<Record<TextField, string>> = {
  wentWell: "What went well",
  gaps: "Gaps seen",
  reflection: "Rep's reflection",
  privateNotes: "Private notes",
};

/** The name of a merge field for people ("Evidence: Discovery questions"). */
export function fieldLabel(field: string, behaviourName: (id: string) => string): string {
  const meaning = fieldMeaning(field);
  switch (meaning.part) {
    case "focus-list":
      return "Focus behaviours";
    case "action-list":
      return "Agreed actions";
    case "action":
      return meaning.detail === "text"
        ? "Action"
        : meaning.detail === "owner"
          ? "Action owner"
          : "Action due date";
    case "rating":
      return `Rating: ${behaviourName(meaning.behaviourId)}`;
    case "evidence":
      return `Evidence: ${behaviourName(meaning.behaviourId)}`;
    case "text":
      return TEXT_FIELD_LABELS[meaning.name];
  }
}

/** A field's value for people: ratings by name, behaviour lists by names, absent as "(none)". */
export function fieldValueText(
  field: string,
  value: FieldValue | undefined,
  behaviourName: (id: string) => string,
): string {
  if (value === undefined || value === null || value === "") return "(empty)";
  const meaning = fieldMeaning(field);
  if (meaning.part === "rating" && (value === 1 || value === 2 || value === 3 || value === 4)) {
    return `${value}: ${RATING_LABELS[value]}`;
  }
  if (meaning.part === "action-list" && Array.isArray(value)) {
    return value.length === 0 ? "(none)" : `${value.length} action${value.length === 1 ? "" : "s"}`;
  }
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(behaviourName).join(", ");
  return String(value);
}
