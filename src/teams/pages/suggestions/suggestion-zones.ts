import { formatRange, formatTimeRange, formatZoneName, type Zoned } from "../../../ui/format/date-format.ts";

export interface ZonedLine {
  /** "Your time", "Manager's time (Eastern Standard Time)". */
  readonly label: string;
  readonly text: string;
}

/**
 * A suggested block as each person reads it: first in the viewer's own zone with the date, then in each
 * other zone that differs (the manager's working-hours zone), time only, named.
 */
export function zonedLines(
  start: string,
  end: string,
  viewer: Zoned,
  others: readonly { readonly label: string; readonly timeZone: string }[],
): ZonedLine[] {
  const lines: ZonedLine[] = [{ label: "Your time", text: formatRange(start, end, viewer) }];
  const seen = new Set([offsetsOf(start, end, viewer.timeZone)]);
  for (const other of others) {
    const offsets = offsetsOf(start, end, other.timeZone);
    if (seen.has(offsets)) continue;
    seen.add(offsets);
    lines.push({
      label: `${other.label} (${formatZoneName(other.timeZone, viewer.locale, start)})`,
      text: formatTimeRange(start, end, { locale: viewer.locale, timeZone: other.timeZone }),
    });
  }
  return lines;
}

/** Two zones read a block alike when their clocks agree at both ends. */
function offsetsOf(start: string, end: string, timeZone: string): string {
  const clock = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${clock.format(new Date(start))}|${clock.format(new Date(end))}`;
}
