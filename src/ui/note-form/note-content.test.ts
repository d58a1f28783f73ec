import { describe, expect, it } from "vitest";
import {
  changedParts,
  fieldMeaning,
  NOTE_SET_FIELDS,
  noteFields,
  noteFromFields,
  sameContent,
} from "./note-content.ts";
import { buildContent } from "./note-test-builders.ts";
import { mergeFields } from "./three-way-merge.ts";

describe("note fields", () => {
  it("round-trips a note through its flat fields", () => {
    const note = buildContent({
      focus: [
        { behaviourId: "discovery", rating: 3, evidence: "Asked about budget" },
        { behaviourId: "next-steps", rating: null, evidence: "" },
      ],
      wentWell: "Opening",
      actions: [{ id: "a1", text: "Practise the close", owner: "rep", due: "2026-03-20" }],
      privateNotes: "Check in on workload",
    });
    expect(noteFromFields(noteFields(note))).toEqual(note);
  });

  it("leaves out private notes the viewer never received", () => {
    const { privateNotes: _, ...repView } = buildContent({ reflection: "Mine" });
    expect(noteFields(repView)).not.toHaveProperty("privateNotes");
    expect(noteFromFields(noteFields(repView))).toEqual(repView);
  });

  it("merges a rating changed on one side with evidence typed on the other", () => {
    const base = buildContent();
    const mine = buildContent({
      focus: [
        { behaviourId: "discovery", rating: 2, evidence: "" },
        { behaviourId: "next-steps", rating: null, evidence: "" },
      ],
    });
    const theirs = buildContent({
      focus: [
        { behaviourId: "discovery", rating: null, evidence: "Open questions" },
        { behaviourId: "next-steps", rating: null, evidence: "" },
      ],
    });
    const result = mergeFields(noteFields(base), noteFields(mine), noteFields(theirs));
    expect(result.conflicts).toEqual([]);
    expect(noteFromFields(result.merged).focus[0]).toEqual({
      behaviourId: "discovery",
      rating: 2,
      evidence: "Open questions",
    });
  });

  it("merges actions agreed on two devices and an edit of an existing one", () => {
    const call = { id: "a1", text: "Call the CFO", owner: "rep" as const, due: null };
    const base = buildContent({ actions: [call] });
    const mine = buildContent({
      actions: [
        { ...call, due: "2026-03-10" },
        { id: "a2", text: "Send deck", owner: "rep", due: null },
      ],
    });
    const theirs = buildContent({
      actions: [
        { ...call, text: "Call the CFO about budget" },
        { id: "a3", text: "Ride along", owner: "manager", due: null },
      ],
    });
    const result = mergeFields(noteFields(base), noteFields(mine), noteFields(theirs), NOTE_SET_FIELDS);
    expect(result.conflicts).toEqual([]);
    expect(noteFromFields(result.merged).actions).toEqual([
      { id: "a1", text: "Call the CFO about budget", owner: "rep", due: "2026-03-10" },
      { id: "a2", text: "Send deck", owner: "rep", due: null },
      { id: "a3", text: "Ride along", owner: "manager", due: null },
    ]);
  });

  it("names what each field is", () => {
    expect(fieldMeaning("focus")).toEqual({ part: "focus-list" });
    expect(fieldMeaning("focus/a/b/rating")).toEqual({ part: "rating", behaviourId: "a/b" });
    expect(fieldMeaning("focus/x/evidence")).toEqual({ part: "evidence", behaviourId: "x" });
    expect(fieldMeaning("gaps")).toEqual({ part: "text", name: "gaps" });
    expect(fieldMeaning("actions")).toEqual({ part: "action-list" });
    expect(fieldMeaning("action/a1/due")).toEqual({ part: "action", actionId: "a1", detail: "due" });
    expect(() => fieldMeaning("subject")).toThrow(RangeError);
  });
});

describe("changedParts", () => {
  it("sends only what differs", () => {
    const saved = buildContent();
    expect(changedParts(saved, buildContent({ gaps: "Pricing" }))).toEqual({ gaps: "Pricing" });
    expect(changedParts(saved, saved)).toEqual({});
  });

  it("sends the actions when any of them changed", () => {
    const actions = [{ id: "a1", text: "Call", owner: "rep" as const, due: null }];
    expect(changedParts(buildContent(), buildContent({ actions }))).toEqual({ actions });
  });

  it("sends the whole focus list when any behaviour changed", () => {
    const changed = buildContent({
      focus: [
        { behaviourId: "discovery", rating: 4, evidence: "" },
        { behaviourId: "next-steps", rating: null, evidence: "" },
      ],
    });
    expect(changedParts(buildContent(), changed)).toEqual({ focus: changed.focus });
  });

  it("never sends private notes the viewer does not have", () => {
    const { privateNotes: _, ...repView } = buildContent({ reflection: "Learned a lot" });
    expect(changedParts(buildContent(), repView)).toEqual({ reflection: "Learned a lot" });
  });

  it("treats equal content as the same", () => {
    expect(sameContent(buildContent({ gaps: "x" }), buildContent({ gaps: "x" }))).toBe(true);
    expect(sameContent(buildContent({ gaps: "x" }), buildContent({ gaps: "y" }))).toBe(false);
  });
});
