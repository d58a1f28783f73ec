import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClassifiedEvent } from "../../api/events.ts";
import { JOIN_EARLY_MS, meetingNow, meetingNowWindow } from "./meeting-now.ts";

const MINUTE = 60_000;
const NOW = Date.parse("2026-03-02T14:35:00Z");

function meeting(
  id: string,
  start: string,
  end: string,
  overrides: Partial<ClassifiedEvent> = {},
): ClassifiedEvent {
  return {
    eventId: id,
    iCalUId: `ical-${id}`,
    start,
    end,
    isAllDay: false,
    isCancelled: false,
    isPrivate: false,
    initiator: "manager",
    kind: "one-on-one",
    development: "skill",
    reps: ["jane@contoso.com"],
    hours: 0.5,
    bigDeal: false,
    reasons: [],
    customerDomains: [],
    overridden: false,
    override: null,
    ...overrides,
  };
}

const ENDED = meeting("ended", "2026-03-02T14:00:00Z", "2026-03-02T14:30:00Z");
const GOING = meeting("going", "2026-03-02T14:30:00Z", "2026-03-02T15:00:00Z");
const NEXT = meeting("next", "2026-03-02T14:45:00Z", "2026-03-02T15:15:00Z");
const LATER = meeting("later", "2026-03-02T15:00:00Z", "2026-03-02T15:45:00Z");

describe("meetingNow", () => {
  it("finds the meeting going on now, offering the one that just ended as another choice", () => {
    expect(meetingNow([LATER, ENDED, GOING], NOW)).toEqual({
      kind: "found",
      event: GOING,
      candidates: [ENDED, GOING],
    });
  });

  it("lets the person choose when two meetings are going on, or one ends as the next is about to start", () => {
    expect(meetingNow([GOING, NEXT], NOW)).toEqual({ kind: "choose", candidates: [GOING, NEXT] });
    expect(meetingNow([ENDED, GOING], Date.parse("2026-03-02T14:25:00Z"))).toEqual({
      kind: "choose",
      candidates: [ENDED, GOING],
    });
  });

  it("falls back on a meeting that ended in the last half hour, and on nothing after that", () => {
    expect(meetingNow([ENDED], NOW)).toEqual({ kind: "found", event: ENDED, candidates: [ENDED] });
    expect(meetingNow([ENDED], Date.parse("2026-03-02T15:00:00Z"))).toEqual({ kind: "none" });
  });

  it("leaves out what is not a coaching meeting: no reps, cancelled, all day, no iCalUId", () => {
    const events = [
      meeting("alone", GOING.start, GOING.end, { reps: [] }),
      meeting("cancelled", GOING.start, GOING.end, { isCancelled: true }),
      meeting("all-day", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", { isAllDay: true }),
      meeting("no-ical", GOING.start, GOING.end, { iCalUId: null }),
    ];
    expect(meetingNow(events, NOW)).toEqual({ kind: "none" });
  });

  it("asks the API for exactly the meetings that can be near now", () => {
    expect(meetingNowWindow(NOW)).toEqual({
      from: "2026-03-02T14:05:00.000Z",
      to: "2026-03-02T14:50:00.000Z",
    });
  });

  it("never picks a meeting away from now, and picks the only one going on whenever there is one", () => {
    const anyMeeting = fc
      .record({ startMinute: fc.integer({ min: -240, max: 240 }), minutes: fc.integer({ min: 1, max: 180 }) })
      .map(({ startMinute, minutes }) =>
        meeting(
          `m${startMinute}-${minutes}`,
          new Date(NOW + startMinute * MINUTE).toISOString(),
          new Date(NOW + (startMinute + minutes) * MINUTE).toISOString(),
        ),
      );
    fc.assert(
      fc.property(fc.array(anyMeeting, { maxLength: 8 }), (events) => {
        const answer = meetingNow(events, NOW);
        const window = meetingNowWindow(NOW);
        const inWindow = (event: ClassifiedEvent) =>
          Date.parse(event.start) < Date.parse(window.to) && Date.parse(event.end) > Date.parse(window.from);
        const going = events.filter(
          (event) => Date.parse(event.start) - JOIN_EARLY_MS < NOW && NOW < Date.parse(event.end),
        );
        const shown = answer.kind === "none" ? [] : answer.candidates;
        expect(shown.every(inWindow)).toBe(true);
        if (answer.kind === "found") expect(answer.candidates).toContain(answer.event);
        expect(answer.kind === "none").toBe(!events.some(inWindow));
        if (going.length === 1) expect(answer).toMatchObject({ kind: "found", event: going[0] });
      }),
    );
  });
});
