import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { initialAutosaveState, statusOf } from "./autosave-state.ts";
import { type Autosaver, createAutosaver, type SaveOutcome } from "./autosaver.ts";
import { createDraftStore, type DraftStore } from "./draft-store.ts";
import type { NoteContent } from "./note-content.ts";
import { buildContent, buildVersioned } from "./note-test-builders.ts";

interface SaveCall {
  readonly baseVersion: number;
  readonly change: Partial<NoteContent>;
  readonly answer: (outcome: SaveOutcome) => void;
}

function harness(version = 1) {
  const calls: SaveCall[] = [];
  const items = new Map<string, string>();
  const drafts: DraftStore = createDraftStore({
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  });
  const saver: Autosaver = createAutosaver({
    noteId: "note-1",
    initial: initialAutosaveState(buildVersioned(version)),
    drafts,
    delayMs: 500,
    retryDelaysMs: [1_000, 4_000],
    save: (baseVersion, _content, change) =>
      new Promise<SaveOutcome>((answer) => {
        calls.push({ baseVersion, change, answer });
      }),
  });
  return { saver, calls, drafts };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("autosaver", () => {
  it("saves once after a quiet moment, not on every keystroke", async () => {
    const { saver, calls, drafts } = harness();
    saver.edit(buildContent({ gaps: "P" }));
    await vi.advanceTimersByTimeAsync(300);
    saver.edit(buildContent({ gaps: "Pricing" }));
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(0);
    expect(drafts.read("note-1")?.local.gaps).toBe("Pricing");
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.change)).toEqual([{ gaps: "Pricing" }]);
    expect(statusOf(saver.getState())).toBe("saving");

    calls[0]!.answer({ kind: "saved", note: buildVersioned(2, { gaps: "Pricing" }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(statusOf(saver.getState())).toBe("saved");
    expect(drafts.read("note-1")).toBeUndefined();
  });

  it("sends one save at a time and follows with what was typed meanwhile", async () => {
    const { saver, calls } = harness();
    saver.edit(buildContent({ gaps: "a" }));
    await vi.advanceTimersByTimeAsync(500);
    saver.edit(buildContent({ gaps: "ab" }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ kind: "saved", note: buildVersioned(2, { gaps: "a" }) });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseVersion: 2, change: { gaps: "ab" } });
  });

  it("keeps the draft while offline and retries with back-off", async () => {
    const { saver, calls, drafts } = harness();
    saver.edit(buildContent({ wentWell: "Rapport" }));
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.answer({ kind: "offline" });
    await vi.advanceTimersByTimeAsync(0);
    expect(statusOf(saver.getState())).toBe("offline");
    expect(drafts.read("note-1")?.local.wentWell).toBe("Rapport");

    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]!.answer({ kind: "offline" });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]!.answer({ kind: "saved", note: buildVersioned(2, { wentWell: "Rapport" }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(statusOf(saver.getState())).toBe("saved");
    expect(drafts.read("note-1")).toBeUndefined();
  });

  it("retries at once when told the browser is back online", async () => {
    const { saver, calls } = harness();
    saver.edit(buildContent({ gaps: "x" }));
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.answer({ kind: "offline" });
    await vi.advanceTimersByTimeAsync(0);
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
  });

  it("stops on a conflict until the person settles it, then saves their choice", async () => {
    const { saver, calls, drafts } = harness(3);
    saver.edit(buildContent({ gaps: "Mine" }));
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.answer({ kind: "conflict", current: buildVersioned(4, { gaps: "Theirs" }) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statusOf(saver.getState())).toBe("conflict");
    expect(calls).toHaveLength(1);
    expect(drafts.read("note-1")?.local.gaps).toBe("Mine");

    saver.resolveConflict({ gaps: { keep: "edited", value: "Mine\n\nTheirs" } });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1]).toMatchObject({ baseVersion: 4, change: { gaps: "Mine\n\nTheirs" } });
  });

  it("resaves a merge that brought in someone else's changes", async () => {
    const { saver, calls } = harness(3);
    saver.edit(buildContent({ gaps: "Mine" }));
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.answer({ kind: "conflict", current: buildVersioned(4, { reflection: "Rep" }) });
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.getState().mergedFromElsewhere).toBe(true);
    expect(calls[1]).toMatchObject({ baseVersion: 4, change: { gaps: "Mine" } });
  });

  it("flush saves now and resolves with the status reached", async () => {
    const { saver, calls } = harness();
    saver.edit(buildContent({ gaps: "Sign me off" }));
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ kind: "saved", note: buildVersioned(2, { gaps: "Sign me off" }) });
    await expect(flushed).resolves.toBe("saved");
  });

  it("flush reports a refusal instead of waiting forever", async () => {
    const { saver, calls } = harness();
    saver.edit(buildContent({ gaps: "x" }));
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.answer({ kind: "rejected", message: "Signed off notes cannot change." });
    await expect(flushed).resolves.toBe("failed");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it("turns a thrown error into a refusal with its message", async () => {
    const items = new Map<string, string>();
    const saver = createAutosaver({
      noteId: "n",
      initial: initialAutosaveState(buildVersioned(1)),
      drafts: createDraftStore({
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, value),
        removeItem: (key) => void items.delete(key),
      }),
      save: () => Promise.reject(new Error("Unexpected answer from the server.")),
    });
    saver.edit(buildContent({ gaps: "x" }));
    await expect(saver.flush()).resolves.toBe("failed");
    expect(saver.getState().failure).toEqual({
      kind: "rejected",
      message: "Unexpected answer from the server.",
    });
  });

  it("tells subscribers about every change and stops after dispose", async () => {
    const { saver } = harness();
    const seen: string[] = [];
    saver.subscribe(() => seen.push(statusOf(saver.getState())));
    saver.edit(buildContent({ gaps: "x" }));
    saver.dispose();
    saver.edit(buildContent({ gaps: "xy" }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen).toEqual(["unsaved"]);
  });
});
