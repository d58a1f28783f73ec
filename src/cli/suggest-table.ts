import type { OrgIndex, Person } from "../domain/org.ts";
import type { SuggestFieldDaysResult } from "../domain/suggest-field-days.ts";
import { isoIn } from "../domain/zoned-time.ts";

/**
 * `fieldcoach suggest --format table`: the suggestions best first, each with its reasons, then who is
 * due and who cannot be placed. Times are the manager's.
 */
export function formatSuggestionTable(input: {
  readonly result: SuggestFieldDaysResult;
  readonly manager: Person;
  readonly org: OrgIndex;
}): string {
  const { result, manager, org } = input;
  const { zone } = result;
  const nameOf = (email: string): string => org.personByAddress(email)?.name ?? email;
  const day = (instant: number): string => isoIn(instant, zone).slice(0, 10);
  const time = (instant: number): string => isoIn(instant, zone).slice(11, 16);
  const lines = [
    `Field-day suggestions for ${manager.name} (${manager.email}), ${day(result.horizon.start)} to ${day(result.horizon.end)}, times in ${zone.name}`,
    "",
  ];
  if (result.suggestions.length === 0) lines.push("No suggestions.");
  else {
    lines.push(
      ...columns([
        ["#", "rep", "day", "time", "score"],
        ...result.suggestions.map((s, i) => [
          String(i + 1),
          nameOf(s.rep),
          `${weekdayShort(isoIn(s.start, zone))} ${day(s.start)}`,
          `${time(s.start)}–${time(s.end)}`,
          String(s.score),
        ]),
      ]),
    );
    lines.push("", "Why");
    result.suggestions.forEach((s, i) => {
      lines.push(`${i + 1}. ${nameOf(s.rep)}`);
      for (const reason of s.reasons) lines.push(`   - ${reason}`);
    });
  }
  lines.push("", "Due");
  if (result.due.length === 0) lines.push("Nobody is due within the horizon.");
  else {
    lines.push(
      ...columns([
        ["rep", "last field day", "due by"],
        ...result.due.map((d) => [
          nameOf(d.rep),
          d.lastFieldDay === null ? "none on record" : day(d.lastFieldDay),
          day(d.dueBy),
        ]),
      ]),
    );
  }
  if (result.unplaceable.length > 0) {
    lines.push("", "Cannot be placed");
    for (const u of result.unplaceable) lines.push(`- ${nameOf(u.rep)}: ${u.why}`);
  }
  return `${lines.join("\n")}\n`;
}

function weekdayShort(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}
