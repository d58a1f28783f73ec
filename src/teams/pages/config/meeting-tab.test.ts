import { describe, expect, it } from "vitest";
import { TEAMS_TABS } from "../../../../manifest/app-definition.ts";
import { MEETING_TAB_ENTITY_ID } from "./meeting-tab.ts";

describe("the meeting side panel's entity id", () => {
  it("is the one the manifest declares", () => {
    expect(MEETING_TAB_ENTITY_ID).toBe(TEAMS_TABS.meetingConfigurableTabId);
  });
});
