import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isoWeekMonday, MIX_LEGENDS, weekLabel, weeklyMixChartData } from "./weekly-mix-data.ts";

const COLORS = { fieldDays: "field", otherSkill: "skill", sales: "sales" };

describe("weeklyMixChartData", () => {
  it("stacks field days, the rest of skill development and sales development per week", () => {
    const data = weeklyMixChartData(
      [
        { week: "2026-W10", skillHours: 10.5, fieldDayHours: 8, salesHours: 3.25 },
        { week: "2026-W11", skillHours: 0, fieldDayHours: 0, salesHours: 0 },
      ],
      "en-US",
      COLORS,
    );
    expect(data.map((bar) => bar.xAxisPoint)).toEqual(["Mar 2", "Mar 9"]);
    expect(data[0]!.chartData.map((point) => [point.legend, point.data, point.color])).toEqual([
      [MIX_LEGENDS.fieldDays, 8, "field"],
      [MIX_LEGENDS.otherSkill, 2.5, "skill"],
      [MIX_LEGENDS.sales, 3.25, "sales"],
    ]);
    expect(data[1]!.chartData.map((point) => point.data)).toEqual([0, 0, 0]);
  });

  it("keeps the stack equal to skill plus sales hours, without floating-point dust", () => {
    const hundredths = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(hundredths, hundredths, hundredths, (fieldDayHours, extra, salesHours) => {
        const skillHours = Math.round((fieldDayHours + extra) * 100) / 100;
        const [bar] = weeklyMixChartData(
          [{ week: "2026-W10", skillHours, fieldDayHours, salesHours }],
          "en-US",
          COLORS,
        );
        const values = bar!.chartData.map((point) => Number(point.data));
        for (const value of values) expect(Math.round(value * 100) / 100).toBe(value);
        expect(values[0]! + values[1]!).toBeCloseTo(skillHours, 9);
        expect(values[2]).toBe(salesHours);
      }),
    );
  });

  it("describes every bar in words for screen readers", () => {
    const [bar] = weeklyMixChartData(
      [{ week: "2026-W10", skillHours: 12, fieldDayHours: 8, salesHours: 4 }],
      "en-US",
      COLORS,
    );
    expect(bar!.stackCallOutAccessibilityData?.ariaLabel).toBe(
      "Week of Mar 2: 12h skill development, of which 8h field days; 4h sales development",
    );
  });

  it("labels weeks in the viewer's locale", () => {
    expect(weekLabel("2026-W10", "de-DE")).toBe("2. März");
  });
});

describe("isoWeekMonday", () => {
  it("agrees with Luxon on every week of 1990 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 53 }), (year, week) => {
        const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: "utc" });
        const label = `${year}-W${String(week).padStart(2, "0")}`;
        if (monday.weekYear !== year || week > monday.weeksInWeekYear) {
          expect(() => isoWeekMonday(label)).toThrow(RangeError);
        } else {
          expect(isoWeekMonday(label)).toBe(monday.toMillis());
        }
      }),
    );
  });

  it("refuses what is not an ISO week", () => {
    expect(() => isoWeekMonday("2026-10")).toThrow(RangeError);
    expect(() => isoWeekMonday("2026-W00")).toThrow(RangeError);
  });
});
