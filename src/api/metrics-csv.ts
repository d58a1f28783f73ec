import { isoDate } from "./common.ts";
import { readCsvRecords } from "./csv-records.ts";
import { type MetricName, type MetricValue, metricName } from "./plans.ts";

/*
 * The CSV file a rep's figures are imported from, one row per day:
 *
 *   date,pipeline,proposals,deals-closed,pipeline-value,closed-value
 *   2026-02-27,12,3,1,250000,40000.50
 *
 * `date` comes first; any of the metric columns follow, in any order. An empty cell means "not given".
 * Counts are whole numbers; values are plain decimals (no currency sign, no thousands separator).
 * Fields may be quoted as RFC 4180 describes. The server and the pages read it with the same code, so a
 * page can show the problems before uploading.
 */

export interface CsvProblem {
  /** 1-based; line 1 is the header. */
  readonly line: number;
  readonly column: string | null;
  readonly message: string;
}

export type MetricsCsvResult =
  | { readonly ok: true; readonly values: readonly MetricValue[] }
  | { readonly ok: false; readonly problems: readonly CsvProblem[] };

export const MAX_CSV_ROWS = 5_000;
const MAX_PROBLEMS = 50;
const COUNTS: ReadonlySet<MetricName> = new Set(["pipeline", "proposals", "deals-closed"]);

/** Reads the whole file, or reports every problem (up to 50) and no values at all. */
export function parseMetricsCsv(text: string): MetricsCsvResult {
  const records = readCsvRecords(text, { quoteAfterSpaces: false });
  const unclosedQuoteLine = records.at(-1)?.unclosedQuoteLine;
  if (unclosedQuoteLine !== undefined) {
    return {
      ok: false,
      problems: [{ line: unclosedQuoteLine, column: null, message: "A quoted field is never closed." }],
    };
  }
  const problems: CsvProblem[] = [];
  const report = (problem: CsvProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };

  const [header, ...data] = records.filter((row) => !(row.cells.length === 1 && row.cells[0]!.trim() === ""));
  if (header === undefined)
    return { ok: false, problems: [{ line: 1, column: null, message: "The file is empty." }] };
  const columns = header.cells.map((field) => field.trim().toLowerCase());
  if (columns[0] !== "date") {
    const message =
      header.cells.length === 1 && header.cells[0]!.includes(";")
        ? "Columns must be separated by commas."
        : 'The first column must be "date".';
    return { ok: false, problems: [{ line: header.line, column: columns[0] ?? null, message }] };
  }
  const metrics: MetricName[] = [];
  for (const column of columns.slice(1)) {
    const parsed = metricName.safeParse(column);
    if (!parsed.success) {
      report({
        line: header.line,
        column,
        message: `"${column}" is not a metric (${metricName.options.join(", ")}).`,
      });
    } else if (metrics.includes(parsed.data)) {
      report({ line: header.line, column, message: `"${column}" is given twice.` });
    } else {
      metrics.push(parsed.data);
    }
  }
  if (columns.length === 1)
    report({ line: header.line, column: null, message: "No metric columns follow the date." });
  if (data.length > MAX_CSV_ROWS) {
    report({
      line: data[MAX_CSV_ROWS]!.line,
      column: null,
      message: `The file has more than ${MAX_CSV_ROWS} rows.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const values: MetricValue[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    if (row.cells.length !== columns.length) {
      report({
        line: row.line,
        column: null,
        message: `The row has ${row.cells.length} fields; the header has ${columns.length}.`,
      });
      continue;
    }
    const date = row.cells[0]!.trim();
    if (!isoDate.safeParse(date).success) {
      report({ line: row.line, column: "date", message: `"${date}" is not a date written as YYYY-MM-DD.` });
      continue;
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      report({ line: row.line, column: "date", message: `${date} is already given on line ${earlier}.` });
      continue;
    }
    seen.set(date, row.line);
    metrics.forEach((metric, i) => {
      const cell = row.cells[i + 1]!.trim();
      if (cell === "") return;
      const whole = COUNTS.has(metric);
      if (!(whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(cell) || !Number.isFinite(Number(cell))) {
        const expected = whole
          ? "a whole number"
          : "a number such as 1250.50, without currency or separators";
        report({ line: row.line, column: metric, message: `"${cell}" is not ${expected}.` });
        return;
      }
      values.push({ metric, asOf: date, value: Number(cell) });
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
