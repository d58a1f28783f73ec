import { describe, expect, it } from "vitest";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosaveReducer,
  initialAutosaveState,
  pendingSave,
  restoredAutosaveState,
  statusOf,
} from "./autosave-state.ts";
import { buildContent, buildVersioned } from "./note-test-builders.ts";

function run(state: AutosaveState, ...events: AutosaveEvent[]): AutosaveState {
  return events.reduce(autosaveReducer, state);
}

const opened = initialAutosaveState(buildVersioned(3));

describe("autosave state", () => {
  it("is saved when opened, unsaved after typing, saving while sent, saved when acknowledged", () => {
    expect(statusOf(opened)).toBe("saved");
    const typed = run(opened, { type: "edited", content: buildContent({ gaps: "Pricing" }) });
    expect(statusOf(typed)).toBe("unsaved");
    expect(pendingSave(typed)).toEqual({ baseVersion: 3, content: typed.local, change: { gaps: "Pricing" } });
    const sending = run(typed, { type: "save-started" });
    expect(statusOf(sending)).toBe("saving");
    expect(pendingSave(sending)).toBeUndefined();
    const saved = run(sending, { type: "save-succeeded", note: buildVersioned(4, { gaps: "Pricing" }) });
    expect(statusOf(saved)).toBe("saved");
    expect(saved.server.version).toBe(4);
  });

  it("keeps typing that arrived while a save was on its way and saves it next", () => {
    const state = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "Pri" }) },
      { type: "save-started" },
      { type: "edited", content: buildContent({ gaps: "Pricing objections" }) },
      { type: "save-succeeded", note: buildVersioned(4, { gaps: "Pri" }) },
    );
    expect(state.local.gaps).toBe("Pricing objections");
    expect(statusOf(state)).toBe("unsaved");
    expect(pendingSave(state)).toMatchObject({ baseVersion: 4, change: { gaps: "Pricing objections" } });
  });

  it("keeps the typing when offline and counts failures for the back-off", () => {
    const state = run(
      opened,
      { type: "edited", content: buildContent({ wentWell: "Rapport" }) },
      { type: "save-started" },
      { type: "save-failed", failure: { kind: "offline" } },
      { type: "save-started" },
      { type: "save-failed", failure: { kind: "offline" } },
    );
    expect(statusOf(state)).toBe("offline");
    expect(state.failures).toBe(2);
    expect(state.local.wentWell).toBe("Rapport");
    expect(pendingSave(state)).toMatchObject({ baseVersion: 3, change: { wentWell: "Rapport" } });
  });

  it("says why a save was refused", () => {
    const state = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "x" }) },
      { type: "save-started" },
      { type: "save-failed", failure: { kind: "rejected", message: "The note is signed off." } },
    );
    expect(statusOf(state)).toBe("failed");
    expect(state.failure).toEqual({ kind: "rejected", message: "The note is signed off." });
  });

  it("merges a newer copy that changed other fields and says so", () => {
    const state = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "Pricing" }) },
      { type: "save-started" },
      { type: "server-changed", note: buildVersioned(4, { reflection: "I talked too much" }) },
    );
    expect(statusOf(state)).toBe("unsaved");
    expect(state.local).toEqual(buildContent({ gaps: "Pricing", reflection: "I talked too much" }));
    expect(state.mergedFromElsewhere).toBe(true);
    expect(pendingSave(state)).toMatchObject({ baseVersion: 4, change: { gaps: "Pricing" } });
    expect(run(state, { type: "merge-noticed" }).mergedFromElsewhere).toBe(false);
  });

  it("holds both versions when the same field changed on both sides, and saves the person's choice", () => {
    const conflicted = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "Mine" }) },
      { type: "save-started" },
      { type: "server-changed", note: buildVersioned(5, { gaps: "Theirs", wentWell: "Theirs too" }) },
    );
    expect(statusOf(conflicted)).toBe("conflict");
    expect(conflicted.conflict?.merge.conflicts).toEqual([
      { field: "gaps", base: "", mine: "Mine", theirs: "Theirs" },
    ]);
    expect(conflicted.local.gaps).toBe("Mine");
    expect(pendingSave(conflicted)).toBeUndefined();

    const resolved = run(conflicted, {
      type: "conflict-resolved",
      resolutions: { gaps: { keep: "edited", value: "Mine\n\nTheirs" } },
    });
    expect(statusOf(resolved)).toBe("unsaved");
    expect(resolved.local).toEqual(buildContent({ gaps: "Mine\n\nTheirs", wentWell: "Theirs too" }));
    expect(pendingSave(resolved)).toMatchObject({ baseVersion: 5, change: { gaps: "Mine\n\nTheirs" } });
  });

  it("keeping theirs leaves nothing to save", () => {
    const resolved = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "Mine" }) },
      { type: "server-changed", note: buildVersioned(4, { gaps: "Theirs" }) },
      { type: "conflict-resolved", resolutions: { gaps: { keep: "theirs" } } },
    );
    expect(statusOf(resolved)).toBe("saved");
    expect(resolved.server.version).toBe(4);
  });

  it("typing during a conflict stays in the merge against the original base", () => {
    const state = run(
      opened,
      { type: "edited", content: buildContent({ gaps: "Mine" }) },
      { type: "server-changed", note: buildVersioned(4, { gaps: "Theirs" }) },
      { type: "edited", content: buildContent({ gaps: "Mine", wentWell: "More" }) },
      { type: "server-changed", note: buildVersioned(5, { gaps: "Theirs", reflection: "Rep" }) },
    );
    expect(state.conflict?.theirs.version).toBe(5);
    expect(state.conflict?.merge.conflicts.map((conflict) => conflict.field)).toEqual(["gaps"]);
    const resolved = run(state, { type: "conflict-resolved", resolutions: { gaps: { keep: "mine" } } });
    expect(resolved.local).toEqual(buildContent({ gaps: "Mine", wentWell: "More", reflection: "Rep" }));
  });

  it("keeps actions added here and elsewhere when merging a newer copy", () => {
    const mine = { id: "a1", text: "Practise the close", owner: "rep" as const, due: null };
    const theirs = { id: "a2", text: "Join a demo", owner: "manager" as const, due: "2026-03-20" };
    const state = run(
      opened,
      { type: "edited", content: buildContent({ actions: [mine] }) },
      { type: "server-changed", note: buildVersioned(4, { actions: [theirs] }) },
    );
    expect(statusOf(state)).toBe("unsaved");
    expect(state.local.actions).toEqual([mine, theirs]);
  });

  it("adopts a newer copy outright when nothing is unsaved, and ignores an older one", () => {
    const newer = run(opened, { type: "server-changed", note: buildVersioned(4, { reflection: "Rep" }) });
    expect(newer.local.reflection).toBe("Rep");
    expect(newer.mergedFromElsewhere).toBe(false);
    expect(run(newer, { type: "server-changed", note: buildVersioned(2) })).toBe(newer);
  });
});

describe("restoredAutosaveState", () => {
  it("continues a draft typed against the current version", () => {
    const state = restoredAutosaveState(buildVersioned(3), {
      base: buildVersioned(3),
      local: buildContent({ gaps: "Offline typing" }),
    });
    expect(statusOf(state)).toBe("unsaved");
    expect(pendingSave(state)).toMatchObject({ baseVersion: 3, change: { gaps: "Offline typing" } });
  });

  it("merges a draft typed against an older version with what was saved since", () => {
    const state = restoredAutosaveState(buildVersioned(4, { reflection: "Rep wrote" }), {
      base: buildVersioned(3),
      local: buildContent({ gaps: "Offline typing" }),
    });
    expect(state.local).toEqual(buildContent({ gaps: "Offline typing", reflection: "Rep wrote" }));
    expect(pendingSave(state)).toMatchObject({ baseVersion: 4, change: { gaps: "Offline typing" } });
  });

  it("shows a conflict when the draft and the server changed the same field", () => {
    const state = restoredAutosaveState(buildVersioned(4, { gaps: "Saved elsewhere" }), {
      base: buildVersioned(3),
      local: buildContent({ gaps: "Offline typing" }),
    });
    expect(statusOf(state)).toBe("conflict");
  });
});
