import { describe, expect, it } from "vitest";
import { MAX_CSV_ROWS, parseMetricsCsv } from "./metrics-csv.ts";

describe("parseMetricsCsv", () => {
  it("reads one row per day, in any column order, skipping empty cells", () => {
    const csv = "\uFEFFDate,Closed-Value,pipeline\r\n2026-02-27,40000.50,12\r\n2026-02-28,,13\r\n\r\n";
    expect(parseMetricsCsv(csv)).toEqual({
      ok: true,
      values: [
        { metric: "closed-value", asOf: "2026-02-27", value: 40000.5 },
        { metric: "pipeline", asOf: "2026-02-27", value: 12 },
        { metric: "pipeline", asOf: "2026-02-28", value: 13 },
      ],
    });
  });

  it("reads quoted fields as RFC 4180 writes them", () => {
    const csv = '"date","pipeline-value"\n"2026-02-27","250000"\n2026-02-28,"0"';
    expect(parseMetricsCsv(csv)).toEqual({
      ok: true,
      values: [
        { metric: "pipeline-value", asOf: "2026-02-27", value: 250_000 },
        { metric: "pipeline-value", asOf: "2026-02-28", value: 0 },
      ],
    });
  });

  it("reports every bad row with its line and column, and returns no values at all", () => {
    const csv = [
      "date,pipeline,pipeline-value",
      "2026-02-27,12,250000",
      "2026-02-30,1,1",
      '2026-02-28,1.5,"1,250.00"',
      "2026-02-27,3,3",
      "2026-03-01,-2,€40",
      "2026-03-02,4",
    ].join("\n");
    expect(parseMetricsCsv(csv)).toEqual({
      ok: false,
      problems: [
        { line: 3, column: "date", message: '"2026-02-30" is not a date written as YYYY-MM-DD.' },
        { line: 4, column: "pipeline", message: '"1.5" is not a whole number.' },
        {
          line: 4,
          column: "pipeline-value",
          message: '"1,250.00" is not a number such as 1250.50, without currency or separators.',
        },
        { line: 5, column: "date", message: "2026-02-27 is already given on line 2." },
        { line: 6, column: "pipeline", message: '"-2" is not a whole number.' },
        {
          line: 6,
          column: "pipeline-value",
          message: '"€40" is not a number such as 1250.50, without currency or separators.',
        },
        { line: 7, column: null, message: "The row has 2 fields; the header has 3." },
      ],
    });
  });

  it("counts lines inside quoted fields, so problems point at the right line", () => {
    const csv = 'date,pipeline\n"2026-\n02-27",1\n2026-02-28,x';
    const result = parseMetricsCsv(csv);
    expect(result.ok === false && result.problems.map((problem) => problem.line)).toEqual([2, 4]);
  });

  it.each([
    ["", 1, "The file is empty."],
    ["pipeline,date\n", 1, 'The first column must be "date".'],
    ["date;pipeline\n2026-02-27;1", 1, "Columns must be separated by commas."],
    ["date\n2026-02-27", 1, "No metric columns follow the date."],
    [
      "date,revenue",
      1,
      '"revenue" is not a metric (pipeline, proposals, deals-closed, pipeline-value, closed-value).',
    ],
    ["date,pipeline,Pipeline", 1, '"pipeline" is given twice.'],
    ['date,pipeline\n"2026-02-27,1', 2, "A quoted field is never closed."],
  ])("refuses %j", (csv, line, message) => {
    const result = parseMetricsCsv(csv);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problems[0]).toMatchObject({ line, message });
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows`, () => {
    const rows = Array.from(
      { length: MAX_CSV_ROWS + 1 },
      (_, i) => `${2000 + Math.floor(i / 365)}-01-01,${i}`,
    );
    const result = parseMetricsCsv(`date,pipeline\n${rows.join("\n")}`);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: MAX_CSV_ROWS + 2, column: null, message: `The file has more than ${MAX_CSV_ROWS} rows.` },
      ],
    });
  });
});
