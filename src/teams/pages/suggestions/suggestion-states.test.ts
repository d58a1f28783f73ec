import { describe, expect, it } from "vitest";
import type { Suggestion } from "../../../api/suggestions.ts";
import { type LocalState, shownSuggestions } from "./suggestion-states.ts";

function suggestion(id: string, status: Suggestion["status"] = "offered"): Suggestion {
  return {
    id,
    rep: { email: `${id}@contoso.com`, name: id },
    day: "2026-03-03",
    start: "2026-03-03T14:00:00Z",
    end: "2026-03-03T18:00:00Z",
    score: 1500,
    reasons: ["2 customer calls that day"],
    status,
  };
}

describe("shownSuggestions", () => {
  const all = [suggestion("a"), suggestion("b"), suggestion("c", "accepted"), suggestion("d", "dismissed")];

  it("shows offered and booked suggestions, never dismissed ones", () => {
    expect(shownSuggestions(all, new Map()).map((shown) => [shown.suggestion.id, shown.state.phase])).toEqual(
      [
        ["a", "offered"],
        ["b", "offered"],
        ["c", "booked"],
      ],
    );
  });

  it("hides one being dismissed and marks one being booked, before the server answers", () => {
    const local = new Map<string, LocalState>([
      ["a", { phase: "dismissing" }],
      ["b", { phase: "booking" }],
    ]);
    expect(shownSuggestions(all, local).map((shown) => [shown.suggestion.id, shown.state.phase])).toEqual([
      ["b", "booking"],
      ["c", "booked"],
    ]);
  });

  it("keeps a suggestion whose booking failed, with the reason", () => {
    const local = new Map<string, LocalState>([
      ["a", { phase: "failed", action: "book", message: "Ana is busy then now." }],
      ["b", { phase: "booked", noteId: "n-1" }],
    ]);
    expect(
      shownSuggestions(all, local)
        .slice(0, 2)
        .map((shown) => shown.state),
    ).toEqual([
      { phase: "failed", action: "book", message: "Ana is busy then now." },
      { phase: "booked", noteId: "n-1" },
    ]);
  });
});
