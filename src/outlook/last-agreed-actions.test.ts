import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../api/plans.ts";
import { lastAgreedActions } from "./last-agreed-actions.ts";

const FEB_NOTE = "6f0c1a52-3f55-4a43-9d2c-8a0f4f3d2a01";
const MARCH_NOTE = "6f0c1a52-3f55-4a43-9d2c-8a0f4f3d2a02";
const LATER_NOTE = "6f0c1a52-3f55-4a43-9d2c-8a0f4f3d2a03";

let actions = 0;

function action(noteId: string, at: string, text: string, status: "open" | "done" = "open"): TimelineEntry {
  return {
    kind: "action",
    at,
    actionId: `0d9b6a7e-1c2f-4e8a-9b1d-${String(++actions).padStart(12, "0")}`,
    noteId,
    text,
    status,
  };
}

describe("lastAgreedActions", () => {
  it("keeps the actions of the newest session before the meeting, in the timeline's order", () => {
    const timeline: TimelineEntry[] = [
      action(LATER_NOTE, "2026-03-10T09:00:00Z", "Send the revised proposal"),
      { kind: "note", at: "2026-03-02T16:00:00Z", noteId: MARCH_NOTE, status: "shared" },
      action(MARCH_NOTE, "2026-03-02T16:05:00Z", "Ask two open questions per call"),
      action(MARCH_NOTE, "2026-03-02T16:00:00Z", "Book a demo with Fabrikam", "done"),
      action(FEB_NOTE, "2026-02-16T10:00:00Z", "Role-play pricing objections"),
    ];
    expect(
      lastAgreedActions(timeline, "2026-03-03T14:00:00Z").map(
        (entry) => entry.kind === "action" && entry.text,
      ),
    ).toEqual(["Ask two open questions per call", "Book a demo with Fabrikam"]);
  });

  it("is empty when nothing was agreed before the meeting", () => {
    expect(
      lastAgreedActions([action(LATER_NOTE, "2026-03-10T09:00:00Z", "Later")], "2026-03-03T14:00:00Z"),
    ).toEqual([]);
    expect(lastAgreedActions([], "2026-03-03T14:00:00Z")).toEqual([]);
  });
});
