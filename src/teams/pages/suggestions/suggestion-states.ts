import type { Suggestion } from "../../../api/suggestions.ts";

/** What the page did with a suggestion before the server answered, or what the answer was. */
export type LocalState =
  | { readonly phase: "booking" }
  | { readonly phase: "booked"; readonly noteId: string }
  | { readonly phase: "dismissing" }
  | { readonly phase: "failed"; readonly action: "book" | "dismiss"; readonly message: string };

export type ShownState =
  | { readonly phase: "offered" }
  | { readonly phase: "booking" }
  | { readonly phase: "booked"; readonly noteId: string | undefined }
  | { readonly phase: "failed"; readonly action: "book" | "dismiss"; readonly message: string };

/**
 * The suggestions as the page shows them: dismissing hides one at once; booking shows it as booking,
 * then booked; a failure brings it back as it was, saying why. The server's status wins once it says a
 * suggestion is accepted or dismissed.
 */
export function shownSuggestions(
  suggestions: readonly Suggestion[],
  local: ReadonlyMap<string, LocalState>,
): { readonly suggestion: Suggestion; readonly state: ShownState }[] {
  return suggestions.flatMap((suggestion): { suggestion: Suggestion; state: ShownState }[] => {
    const mine = local.get(suggestion.id);
    if (suggestion.status === "dismissed" || mine?.phase === "dismissing") return [];
    if (mine?.phase === "booked") return [{ suggestion, state: mine }];
    if (suggestion.status === "accepted")
      return [{ suggestion, state: { phase: "booked", noteId: undefined } }];
    return [{ suggestion, state: mine ?? { phase: "offered" } }];
  });
}
