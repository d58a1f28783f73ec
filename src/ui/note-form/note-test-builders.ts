import type { Versioned } from "./autosave-state.ts";
import type { NoteContent } from "./note-content.ts";

export function buildContent(overrides: Partial<NoteContent> = {}): NoteContent {
  return {
    focus: [
      { behaviourId: "discovery", rating: null, evidence: "" },
      { behaviourId: "next-steps", rating: null, evidence: "" },
    ],
    wentWell: "",
    gaps: "",
    reflection: "",
    privateNotes: "",
    actions: [],
    ...overrides,
  };
}

export function buildVersioned(version: number, overrides: Partial<NoteContent> = {}): Versioned {
  return { version, content: buildContent(overrides) };
}
