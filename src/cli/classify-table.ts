import type { Classification } from "../domain/classify.ts";
import { formatInZone } from "../domain/instant.ts";
import type { Interval } from "../domain/interval.ts";
import type { CoachingMetrics, CoachingTotals } from "../domain/metrics.ts";
import type { OrgIndex } from "../domain/org.ts";

export interface ClassificationTableInput {
  readonly classifications: readonly Classification[];
  readonly metrics: CoachingMetrics;
  readonly window: Interval;
  readonly org: OrgIndex;
}

/**
 * `fieldcoach classify --format table`: the coaching summary per rep and per week, then one line per
 * event with its reasons. Events are shown by time and people, never by subject, so that nothing of a
 * private meeting's subject or body can reach the screen.
 */
export function formatClassificationTable(input: ClassificationTableInput): string {
  const { classifications, metrics, window, org } = input;
  const zone = metrics.zone;
  const nameOf = (email: string): string => org.personByAddress(email)?.name ?? email;
  const lines: string[] = [
    `Coaching summary for ${metrics.manager.name} (${metrics.manager.email})`,
    `Window: ${formatInZone(window.start, zone)} to ${formatInZone(window.end, zone)} (${zone})`,
    "",
  ];

  const totalsHeader = ["skill h", "skill #", "field-day h", "field days", "sales h", "sales #", "ratio"];
  lines.push(
    ...columns(
      [
        ["rep", ...totalsHeader, "last field day"],
        ...metrics.reps.map((rep) => [
          rep.name,
          ...totalsCells(rep.totals),
          rep.daysSinceLastFieldDay === null ? "none" : `${rep.daysSinceLastFieldDay} days ago`,
        ]),
        ["team", ...totalsCells(metrics.totals), ""],
      ],
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
    "",
  );
  lines.push(
    ...columns(
      [["week", ...totalsHeader], ...metrics.weeks.map((week) => [week.week, ...totalsCells(week)])],
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
    "",
    `Events (${classifications.length}, times in ${zone})`,
  );
  lines.push(
    ...columns(
      [
        ["start", "hours", "initiator", "kind", "development", "big deal", "reps", "reasons"],
        ...classifications.map((c) => [
          c.start === null
            ? `(no time) ${c.id ?? ""}`.trim()
            : formatInZone(c.start, zone).slice(0, 16).replace("T", " "),
          c.hours.toFixed(2),
          c.initiator,
          c.kind ?? "-",
          c.development,
          c.bigDeal ? "yes" : "",
          c.reps.length === 0 ? "-" : c.reps.map(nameOf).join(", "),
          c.reasons.join("; "),
        ]),
      ],
      new Set([1]),
    ),
  );
  return `${lines.join("\n")}\n`;
}

function totalsCells(t: CoachingTotals): string[] {
  return [
    t.skillHours.toFixed(2),
    String(t.skillCount),
    t.fieldDayHours.toFixed(2),
    String(t.fieldDayCount),
    t.salesHours.toFixed(2),
    String(t.salesCount),
    t.coachingRatio === null ? "-" : t.coachingRatio.toFixed(2),
  ];
}

/** Pads every column but the last to its widest cell; numeric columns align right. */
function columns(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1) return cell;
        return rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join("  ")
      .trimEnd(),
  );
}
