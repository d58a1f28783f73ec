import { describe, expect, it } from "vitest";
import type { SyncStateRecord } from "../../store/repositories/sync-state.ts";
import { presentCalendarFreshness, readFailureReason } from "./present-calendar-freshness.ts";

const READ_AT = Date.parse("2026-03-03T14:14:00Z");
const FAILED_AT = Date.parse("2026-03-03T15:02:00Z");

function syncState(overrides: Partial<SyncStateRecord>): SyncStateRecord {
  return {
    syncKey: "calendar:tomas@contoso.com",
    deltaLink: "https://graph.microsoft.com/v1.0/users/1/calendarView/delta?$deltatoken=a",
    window: null,
    lastSuccessAt: READ_AT,
    lastErrorCode: null,
    updatedAt: READ_AT,
    ...overrides,
  };
}

describe("presentCalendarFreshness", () => {
  it("says nothing was read for a calendar without sync state", () => {
    expect(presentCalendarFreshness(undefined)).toEqual({ lastReadAt: null, latestReadFailed: null });
  });

  it("gives the last read alone after a good read", () => {
    expect(presentCalendarFreshness(syncState({}))).toEqual({
      lastReadAt: "2026-03-03T14:14:00.000Z",
      latestReadFailed: null,
    });
  });

  it("gives the failed read's time and reason beside the last good read", () => {
    expect(
      presentCalendarFreshness(syncState({ lastErrorCode: "ServiceUnavailable", updatedAt: FAILED_AT })),
    ).toEqual({
      lastReadAt: "2026-03-03T14:14:00.000Z",
      latestReadFailed: { at: "2026-03-03T15:02:00.000Z", reason: "Microsoft Graph was unavailable." },
    });
  });

  it("keeps a failed first read apart from a read that never happened", () => {
    expect(
      presentCalendarFreshness(
        syncState({ deltaLink: null, lastSuccessAt: null, lastErrorCode: "Timeout", updatedAt: FAILED_AT }),
      ),
    ).toEqual({
      lastReadAt: null,
      latestReadFailed: { at: "2026-03-03T15:02:00.000Z", reason: "Microsoft Graph did not answer in time." },
    });
  });
});

describe("readFailureReason", () => {
  it.each([
    ["ServiceUnavailable", "Microsoft Graph was unavailable."],
    ["Timeout", "Microsoft Graph did not answer in time."],
    ["NetworkError", "FieldCoach could not reach Microsoft 365: the connection failed."],
    [
      "TooManyRequests",
      "Microsoft Graph asked FieldCoach to slow down, and kept refusing after several tries.",
    ],
    [
      "InvalidAuthenticationToken",
      "The manager's sign-in to FieldCoach has run out; it is renewed when they next open FieldCoach.",
    ],
    [
      "ErrorAccessDenied",
      "FieldCoach is no longer allowed to read this calendar: the consent was withdrawn or the mailbox closed to it; an administrator can grant it again.",
    ],
    ["ErrorItemNotFound", "Microsoft 365 found no mailbox for this calendar."],
    [
      "syncStateNotFound",
      "Microsoft Graph asked FieldCoach to read the calendar again from the start, and that read did not finish.",
    ],
    ["MalformedResponse", "Microsoft Graph sent an answer FieldCoach could not read."],
  ])("%s: %s", (code, sentence) => {
    expect(readFailureReason(code)).toBe(sentence);
  });

  it("reads Graph's codes whatever their casing", () => {
    expect(readFailureReason("SyncStateNotFound")).toBe(readFailureReason("syncStateNotFound"));
    expect(readFailureReason("consent_required")).toBe(readFailureReason("ErrorAccessDenied"));
  });

  it("falls back on the status for a response Graph gave no code", () => {
    expect(readFailureReason("Http503")).toBe(readFailureReason("ServiceUnavailable"));
    expect(readFailureReason("Http502")).toBe(readFailureReason("ServiceUnavailable"));
    expect(readFailureReason("Http429")).toBe(readFailureReason("TooManyRequests"));
    expect(readFailureReason("Http401")).toBe(readFailureReason("InvalidAuthenticationToken"));
    expect(readFailureReason("Http403")).toBe(readFailureReason("ErrorAccessDenied"));
    expect(readFailureReason("Http404")).toBe(readFailureReason("ErrorItemNotFound"));
    expect(readFailureReason("Http410")).toBe(readFailureReason("syncStateNotFound"));
    expect(readFailureReason("Http400")).toBe("Microsoft Graph refused the request as FieldCoach sent it.");
  });

  it("never shows a code it does not know", () => {
    const reason = readFailureReason("ErrorSomethingNew");
    expect(reason).toBe("Microsoft Graph answered with an error instead of the calendar.");
    expect(reason).not.toContain("ErrorSomethingNew");
  });
});
