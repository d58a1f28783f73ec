import { describe, expect, it } from "vitest";
import { freshnessNotice } from "./freshness-notice.ts";

/** Tuesday 3 March 2026, 10:30 in New York. */
const NOW = Date.parse("2026-03-03T15:30:00Z");
const NEW_YORK = { locale: "en-US", timeZone: "America/New_York" };
const UNAVAILABLE = "Microsoft Graph was unavailable.";

/** ICU puts a narrow space before AM and PM; the words are what matter here. */
function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, " ");
}

function notice(calendar: Parameters<typeof freshnessNotice>[0]["calendar"], whose = "Tomás Ruiz's") {
  const shown = freshnessNotice({ calendar, whose, now: NOW, at: NEW_YORK });
  return shown.kind === "caption"
    ? { ...shown, text: plain(shown.text) }
    : { ...shown, text: plain(shown.text), title: plain(shown.title) };
}

describe("what the Team page says about its figures' freshness", () => {
  it("says quietly when the calendar was read, in the viewer's zone", () => {
    expect(notice({ lastReadAt: "2026-03-03T14:14:00Z", latestReadFailed: null })).toEqual({
      kind: "caption",
      text: "Calendar read at 9:14 AM today.",
    });
    expect(notice({ lastReadAt: "2026-02-27T14:14:00Z", latestReadFailed: null })).toEqual({
      kind: "caption",
      text: "Calendar read on Fri, Feb 27 at 9:14 AM.",
    });
  });

  it("warns when the latest read failed: when, why, and how old the figures are", () => {
    expect(
      notice({
        lastReadAt: "2026-03-03T14:14:00Z",
        latestReadFailed: { at: "2026-03-03T15:02:00Z", reason: UNAVAILABLE },
      }),
    ).toEqual({
      kind: "warning",
      title: "These figures may be out of date",
      text: "The latest read of Tomás Ruiz's calendar failed at 10:02 AM today. Microsoft Graph was unavailable. These figures are from the last good read, at 9:14 AM today. FieldCoach tries again in the background and when this page next loads.",
    });
  });

  it("speaks to the manager of their own calendar", () => {
    const shown = notice(
      {
        lastReadAt: "2026-03-02T20:00:00Z",
        latestReadFailed: { at: "2026-03-03T15:02:00Z", reason: UNAVAILABLE },
      },
      "your",
    );
    expect(shown.text).toContain("The latest read of your calendar failed at 10:02 AM today.");
    expect(shown.text).toContain("from the last good read, at 3:00 PM yesterday.");
  });

  it("warns that a calendar never read in full leaves the figures without its meetings", () => {
    expect(notice({ lastReadAt: null, latestReadFailed: null })).toEqual({
      kind: "warning",
      title: "Calendar not read yet",
      text: "FieldCoach has not read Tomás Ruiz's calendar in full yet, so these figures count none of its meetings.",
    });
    expect(
      notice({ lastReadAt: null, latestReadFailed: { at: "2026-03-03T15:02:00Z", reason: UNAVAILABLE } })
        .text,
    ).toBe(
      "The latest read of Tomás Ruiz's calendar failed at 10:02 AM today. Microsoft Graph was unavailable. FieldCoach has not read Tomás Ruiz's calendar in full yet, so these figures count none of its meetings.",
    );
  });
});
