/**
 * The meeting side panel's entity id, as manifest/app-definition.ts declares it. That module reads
 * package.json and node:crypto, so the page keeps its own copy; meeting-tab.test.ts keeps the two equal.
 */
export const MEETING_TAB_ENTITY_ID = "meetingNotes";
