import { describe, expect, it } from "vitest";
import type { Note } from "../../api/notes.ts";
import { ApiFailure } from "../api-failure.ts";
import { contentOfNote, draftBodyOf, noteRoleOf, saveOutcomeOf } from "./note-api.ts";

function buildNote(overrides: Partial<Note> = {}): Note {
  return {
    id: "0b6f1a52-0000-4000-8000-000000000001",
    version: 3,
    meeting: { iCalUId: "ical-1", start: "2026-03-03T14:00:00Z", kind: "field-day" },
    rep: { email: "ana@contoso.com", name: "Ana Rep" },
    manager: { email: "mia@contoso.com", name: "Mia Manager" },
    status: "draft",
    focus: [{ behaviourId: "discovery", rating: 2, evidence: "Asked about budget" }],
    wentWell: "Rapport",
    gaps: "Closing",
    reflection: "",
    privateNotes: "Workload",
    actions: [
      {
        id: "0b6f1a52-0000-4000-8000-0000000000a1",
        noteId: "0b6f1a52-0000-4000-8000-000000000001",
        text: "Practise the close",
        owner: "rep",
        due: "2026-03-10",
        status: "open",
        completedAt: null,
      },
    ],
    carriedActions: [],
    reviewComments: [],
    createdAt: "2026-03-03T18:00:00Z",
    updatedAt: "2026-03-03T18:05:00Z",
    sharedAt: null,
    signedOffAt: null,
    ...overrides,
  };
}

describe("note and form", () => {
  it("reads the form's part of a note and writes the manager's whole draft back", () => {
    const content = contentOfNote(buildNote());
    expect(content).toEqual({
      focus: [{ behaviourId: "discovery", rating: 2, evidence: "Asked about budget" }],
      wentWell: "Rapport",
      gaps: "Closing",
      reflection: "",
      privateNotes: "Workload",
      actions: [
        {
          id: "0b6f1a52-0000-4000-8000-0000000000a1",
          text: "Practise the close",
          owner: "rep",
          due: "2026-03-10",
        },
      ],
    });
    expect(draftBodyOf(content)).toEqual({
      focus: content.focus,
      wentWell: "Rapport",
      gaps: "Closing",
      privateNotes: "Workload",
      actions: content.actions,
    });
  });

  it("leaves private notes out for anyone the server withheld them from", () => {
    expect(contentOfNote(buildNote({ privateNotes: null }))).not.toHaveProperty("privateNotes");
  });

  it("tells the viewer's part in the note", () => {
    const note = buildNote();
    expect(noteRoleOf(note, "mia@contoso.com")).toBe("manager");
    expect(noteRoleOf(note, "ana@contoso.com")).toBe("rep");
    expect(noteRoleOf(note, "vic@contoso.com")).toBe("reviewer");
  });
});

describe("saveOutcomeOf", () => {
  it("hands the saved note on and reports its version", async () => {
    const seen: Note[] = [];
    const outcome = await saveOutcomeOf(Promise.resolve(buildNote({ version: 4 })), (note) =>
      seen.push(note),
    );
    expect(outcome).toMatchObject({ kind: "saved", note: { version: 4 } });
    expect(seen).toHaveLength(1);
  });

  it("turns a 412 into the newer copy to merge with", async () => {
    const current = buildNote({ version: 5, gaps: "Saved elsewhere" });
    const failure = new ApiFailure(412, "version_conflict", "Saved elsewhere.", { current });
    const outcome = await saveOutcomeOf(Promise.reject(failure), () => {});
    expect(outcome).toEqual({ kind: "conflict", current: { version: 5, content: contentOfNote(current) } });
  });

  it("keeps typing local when there is no answer or the server is briefly unavailable", async () => {
    for (const failure of [
      new ApiFailure(0, "offline", "No connection."),
      new ApiFailure(503, "not_ready", "Starting."),
      new ApiFailure(429, "rate_limited", "Slow down."),
    ]) {
      await expect(saveOutcomeOf(Promise.reject(failure), () => {})).resolves.toEqual({ kind: "offline" });
    }
  });

  it("passes on a refusal in the server's words", async () => {
    const failure = new ApiFailure(409, "conflict", "The note is signed off and can no longer change.");
    await expect(saveOutcomeOf(Promise.reject(failure), () => {})).resolves.toEqual({
      kind: "rejected",
      message: "The note is signed off and can no longer change.",
    });
  });
});
