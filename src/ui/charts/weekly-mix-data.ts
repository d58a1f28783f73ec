import type { VerticalStackedChartProps } from "@fluentui/react-charts";
import { formatHours } from "../format/number-format.ts";

/** One ISO week of a team's or a rep's coaching figures (field days are part of the skill hours). */
export interface WeekFigures {
  /** "2026-W10" in the manager's zone. */
  readonly week: string;
  readonly skillHours: number;
  readonly fieldDayHours: number;
  readonly salesHours: number;
}

export interface MixColors {
  readonly fieldDays: string;
  readonly otherSkill: string;
  readonly sales: string;
}

export const MIX_LEGENDS = {
  fieldDays: "Field days",
  otherSkill: "Other skill development",
  sales: "Sales development",
} as const;

/**
 * The weekly trend as stacked bars: field days and the rest of skill development (together the skill
 * hours, so the stack never counts a field day twice) on top of sales development. Each bar is labelled
 * with the Monday its week starts on, in the viewer's locale.
 */
export function weeklyMixChartData(
  weeks: readonly WeekFigures[],
  locale: string,
  colors: MixColors,
): VerticalStackedChartProps[] {
  return weeks.map((week) => {
    const label = weekLabel(week.week, locale);
    const otherSkill = roundHours(week.skillHours - week.fieldDayHours);
    const point = (legend: string, hours: number, color: string) => ({
      legend,
      data: hours,
      color,
      yAxisCalloutData: formatHours(hours, locale),
    });
    return {
      xAxisPoint: label,
      xAxisCalloutData: `Week of ${label}`,
      chartData: [
        point(MIX_LEGENDS.fieldDays, roundHours(week.fieldDayHours), colors.fieldDays),
        point(MIX_LEGENDS.otherSkill, otherSkill, colors.otherSkill),
        point(MIX_LEGENDS.sales, roundHours(week.salesHours), colors.sales),
      ],
      stackCallOutAccessibilityData: {
        ariaLabel:
          `Week of ${label}: ${formatHours(week.skillHours, locale)} skill development, of which ` +
          `${formatHours(week.fieldDayHours, locale)} field days; ${formatHours(week.salesHours, locale)} sales development`,
      },
    };
  });
}

/** "Mar 2": the Monday an ISO week ("2026-W10") starts on. */
export function weekLabel(isoWeek: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short", day: "numeric" }).format(
    isoWeekMonday(isoWeek),
  );
}

/** Midnight UTC of the ISO week's Monday; week 1 is the week holding 4 January. */
export function isoWeekMonday(isoWeek: string): number {
  const match = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (match === null) throw new RangeError(`${isoWeek} is not an ISO week such as 2026-W10`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInIsoYear(year)) throw new RangeError(`${isoWeek} is not a week of ${year}`);
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return january4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

const DAY_MS = 86_400_000;

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday. */
function weeksInIsoYear(year: number): number {
  const startsOn = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return startsOn === 4 || (leap && startsOn === 3) ? 53 : 52;
}

/** Hours are kept to two decimals; subtracting two of them must not show 0.30000000000000004. */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
