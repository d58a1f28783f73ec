import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "./calendar-event.ts";
import { type Classification, classifyEvents } from "./classify.ts";
import { eventArb, windowArb } from "./classify-test-arbitraries.ts";
import { attendee, buildEvent, buildTestOrg, JANE, LEE, MARY, RAJ, utc } from "./classify-test-support.ts";
import { type CoachingTotals, computeMetrics } from "./metrics.ts";

const org = buildTestOrg();
const ZONE = "America/New_York";
// Monday 2 March to Monday 16 March 2026, midnight in New York (the US clocks change on 8 March).
const WINDOW = { start: utc("2026-03-02T05:00"), end: utc("2026-03-16T04:00") };
const jane = { email: JANE, name: null };
const raj = { email: RAJ, name: null };
const at = (iso: string, hours: number): Pick<CalendarEvent, "start" | "end"> => ({
  start: utc(iso),
  end: utc(iso) + hours * 3_600_000,
});

const EVENTS: CalendarEvent[] = [
  buildEvent({ ...at("2026-03-03T14:00", 4) }),
  buildEvent({ ...at("2026-03-04T14:00", 1) }),
  buildEvent({
    ...at("2026-03-10T14:00", 2),
    organizer: jane,
    attendees: [attendee(MARY), attendee("buyer@fabrikam.com")],
  }),
  buildEvent({ ...at("2026-03-11T14:00", 1), attendees: [attendee(JANE), attendee(RAJ)] }),
  buildEvent({ ...at("2026-03-12T14:00", 1.5), organizer: raj, attendees: [attendee(MARY)] }),
  buildEvent({ ...at("2026-03-13T14:00", 4), attendees: [attendee(LEE)], isCancelled: true }),
  buildEvent({ ...at("2026-03-20T09:00", 4), attendees: [attendee(RAJ)] }),
  buildEvent({ ...at("2026-02-20T09:00", 4), attendees: [attendee(RAJ)] }),
];

const classified = classifyEvents({ manager: MARY, org, events: EVENTS, window: WINDOW });
const metrics = computeMetrics({
  manager: MARY,
  org,
  classifications: classified,
  window: WINDOW,
  zone: ZONE,
  asOf: WINDOW.end,
});

const totals = (t: Partial<CoachingTotals>): CoachingTotals => ({
  skillHours: 0,
  skillCount: 0,
  fieldDayHours: 0,
  fieldDayCount: 0,
  salesHours: 0,
  salesCount: 0,
  coachingRatio: null,
  ...t,
});

describe("computeMetrics", () => {
  it("totals the team's skill, field-day and sales time inside the window", () => {
    expect(metrics.manager).toEqual({ email: MARY, name: "Mary Manager" });
    expect(metrics.totals).toEqual(
      totals({
        skillHours: 6,
        skillCount: 3,
        fieldDayHours: 4,
        fieldDayCount: 1,
        salesHours: 3.5,
        salesCount: 2,
        coachingRatio: 6 / 9.5,
      }),
    );
  });

  it("splits the team's time by ISO week in the manager's zone", () => {
    expect(metrics.weeks).toEqual([
      {
        week: "2026-W10",
        ...totals({ skillHours: 5, skillCount: 2, fieldDayHours: 4, fieldDayCount: 1, coachingRatio: 1 }),
      },
      {
        week: "2026-W11",
        ...totals({ skillHours: 1, skillCount: 1, salesHours: 3.5, salesCount: 2, coachingRatio: 1 / 4.5 }),
      },
    ]);
  });

  it("counts a meeting for every rep in it, and lists reps without meetings", () => {
    const [janeMetrics, rajMetrics, leeMetrics] = metrics.reps;
    expect(metrics.reps.map((r) => r.email)).toEqual([JANE, RAJ, LEE]);
    expect(janeMetrics!.totals).toEqual(
      totals({
        skillHours: 6,
        skillCount: 3,
        fieldDayHours: 4,
        fieldDayCount: 1,
        salesHours: 2,
        salesCount: 1,
        coachingRatio: 0.75,
      }),
    );
    expect(rajMetrics!.totals).toEqual(
      totals({ skillHours: 1, skillCount: 1, salesHours: 1.5, salesCount: 1, coachingRatio: 0.4 }),
    );
    expect(leeMetrics!.totals).toEqual(totals({}));
    expect(leeMetrics!.weeks.map((w) => w.week)).toEqual(["2026-W10", "2026-W11"]);
  });

  it("counts days since each rep's last field day up to asOf, ignoring later ones", () => {
    const [janeMetrics, rajMetrics, leeMetrics] = metrics.reps;
    expect(janeMetrics!.lastFieldDay).toBe(utc("2026-03-03T14:00"));
    expect(janeMetrics!.daysSinceLastFieldDay).toBe(13);
    expect(rajMetrics!.lastFieldDay).toBe(utc("2026-02-20T09:00"));
    expect(rajMetrics!.daysSinceLastFieldDay).toBe(24);
    expect(leeMetrics!.daysSinceLastFieldDay).toBeNull();
  });

  it("puts a Sunday-evening meeting in the week of the manager's own calendar", () => {
    const sundayEvening = classifyEvents({
      manager: MARY,
      org,
      events: [buildEvent({ ...at("2026-03-09T03:30", 1) })],
      window: WINDOW,
    });
    const inNewYork = computeMetrics({
      manager: MARY,
      org,
      classifications: sundayEvening,
      window: WINDOW,
      zone: ZONE,
      asOf: WINDOW.end,
    });
    const inUtc = computeMetrics({
      manager: MARY,
      org,
      classifications: sundayEvening,
      window: WINDOW,
      zone: "UTC",
      asOf: WINDOW.end,
    });
    expect(inNewYork.weeks.find((w) => w.skillCount === 1)?.week).toBe("2026-W10");
    expect(inUtc.weeks.find((w) => w.skillCount === 1)?.week).toBe("2026-W11");
  });

  it("refuses a manager who is not in the org", () => {
    expect(() =>
      computeMetrics({
        manager: "x@contoso.com",
        org,
        classifications: [],
        window: WINDOW,
        zone: ZONE,
        asOf: 0,
      }),
    ).toThrow(RangeError);
  });
});

describe("computeMetrics properties", () => {
  const sum = (list: readonly Classification[], pick: (c: Classification) => boolean) =>
    list.filter(pick).reduce((total, c) => total + c.hours, 0);
  const inWindow = (c: Classification, window: { start: number; end: number }) =>
    c.start !== null &&
    c.end !== null &&
    (c.start === c.end
      ? c.start >= window.start && c.start < window.end
      : c.start < window.end && c.end > window.start);

  it("adds up to the per-event hours, for the team, each week and each rep", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), windowArb, (events, window) => {
        const list = classifyEvents({ manager: MARY, org, events, window });
        const m = computeMetrics({
          manager: MARY,
          org,
          classifications: list,
          window,
          zone: ZONE,
          asOf: window.end,
        });
        const skill = (c: Classification) => c.development === "skill";
        const sales = (c: Classification) => c.development === "sales";
        const fieldDay = (c: Classification) => skill(c) && c.kind === "field-day";
        expect(m.totals.skillHours).toBeCloseTo(sum(list, skill), 9);
        expect(m.totals.salesHours).toBeCloseTo(sum(list, sales), 9);
        expect(m.totals.fieldDayHours).toBeCloseTo(sum(list, fieldDay), 9);
        expect(m.totals.skillCount).toBe(list.filter((c) => skill(c) && inWindow(c, window)).length);
        expect(m.totals.salesCount).toBe(list.filter((c) => sales(c) && inWindow(c, window)).length);
        const weekSkill = m.weeks.reduce((t, w) => t + w.skillHours, 0);
        const weekSales = m.weeks.reduce((t, w) => t + w.salesHours, 0);
        expect(weekSkill).toBeCloseTo(m.totals.skillHours, 9);
        expect(weekSales).toBeCloseTo(m.totals.salesHours, 9);
        expect(m.weeks.reduce((t, w) => t + w.skillCount + w.salesCount, 0)).toBe(
          m.totals.skillCount + m.totals.salesCount,
        );
        for (const rep of m.reps) {
          const mine = (c: Classification) => c.reps.includes(rep.email);
          expect(rep.totals.skillHours).toBeCloseTo(
            sum(list, (c) => skill(c) && mine(c)),
            9,
          );
          expect(rep.totals.salesHours).toBeCloseTo(
            sum(list, (c) => sales(c) && mine(c)),
            9,
          );
        }
        if (m.totals.coachingRatio !== null) {
          expect(m.totals.coachingRatio).toBeGreaterThanOrEqual(0);
          expect(m.totals.coachingRatio).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
