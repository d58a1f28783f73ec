import type { TimelineEntry } from "../api/plans.ts";

export type ActionEntry = Extract<TimelineEntry, { readonly kind: "action" }>;

/**
 * The actions agreed at the rep's last coaching session before this meeting: of the actions the plan's
 * timeline holds from before `before`, those of the note with the newest one, in the timeline's order.
 */
export function lastAgreedActions(timeline: readonly TimelineEntry[], before: string): ActionEntry[] {
  const cutoff = Date.parse(before);
  const earlier = timeline.filter(
    (entry): entry is ActionEntry => entry.kind === "action" && Date.parse(entry.at) < cutoff,
  );
  const newest = earlier.reduce<ActionEntry | undefined>(
    (latest, entry) =>
      latest === undefined || Date.parse(entry.at) > Date.parse(latest.at) ? entry : latest,
    undefined,
  );
  return newest === undefined ? [] : earlier.filter((entry) => entry.noteId === newest.noteId);
}
