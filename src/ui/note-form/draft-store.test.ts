import { describe, expect, it } from "vitest";
import { autosaveReducer, initialAutosaveState } from "./autosave-state.ts";
import { createDraftStore, draftKey, type KeyValueStorage, syncDraft } from "./draft-store.ts";
import { buildContent, buildVersioned } from "./note-test-builders.ts";

function memoryStorage(): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe("draft store", () => {
  it("keeps a draft per note id and reads it back", () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage);
    const draft = { base: buildVersioned(2), local: buildContent({ gaps: "typed" }) };
    expect(drafts.write("note-1", draft)).toBe(true);
    expect(drafts.read("note-1")).toEqual(draft);
    expect(drafts.read("note-2")).toBeUndefined();
    expect([...storage.items.keys()]).toEqual([draftKey("note-1")]);
    drafts.remove("note-1");
    expect(drafts.read("note-1")).toBeUndefined();
  });

  it("ignores what it did not write instead of failing", () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage);
    for (const junk of [
      "{",
      "null",
      '{"base":{"version":"2"}}',
      JSON.stringify({ base: buildVersioned(1) }),
    ]) {
      storage.setItem(draftKey("n"), junk);
      expect(drafts.read("n")).toBeUndefined();
    }
    const badRating = { base: buildVersioned(1), local: buildContent() };
    storage.setItem(draftKey("n"), JSON.stringify(badRating).replace('"rating":null', '"rating":7'));
    expect(drafts.read("n")).toBeUndefined();
  });

  it("says so when the browser refuses to store", () => {
    const drafts = createDraftStore({
      getItem: () => null,
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => undefined,
    });
    expect(drafts.write("n", { base: buildVersioned(1), local: buildContent() })).toBe(false);
  });
});

describe("syncDraft", () => {
  it("keeps unsaved typing until the server acknowledges it, then forgets it", () => {
    const drafts = createDraftStore(memoryStorage());
    const opened = initialAutosaveState(buildVersioned(1));
    const typed = autosaveReducer(opened, { type: "edited", content: buildContent({ gaps: "x" }) });
    syncDraft(drafts, "n", typed);
    expect(drafts.read("n")).toEqual({ base: buildVersioned(1), local: buildContent({ gaps: "x" }) });

    const sent = autosaveReducer(typed, { type: "save-started" });
    syncDraft(drafts, "n", sent);
    expect(drafts.read("n")).toBeDefined();

    const saved = autosaveReducer(sent, { type: "save-succeeded", note: buildVersioned(2, { gaps: "x" }) });
    syncDraft(drafts, "n", saved);
    expect(drafts.read("n")).toBeUndefined();
  });

  it("keeps the draft through a conflict", () => {
    const drafts = createDraftStore(memoryStorage());
    const conflicted = [
      { type: "edited", content: buildContent({ gaps: "mine" }) } as const,
      { type: "server-changed", note: buildVersioned(2, { gaps: "theirs" }) } as const,
    ].reduce(autosaveReducer, initialAutosaveState(buildVersioned(1)));
    syncDraft(drafts, "n", conflicted);
    expect(drafts.read("n")?.local.gaps).toBe("mine");
    expect(drafts.read("n")?.base.version).toBe(1);
  });
});
