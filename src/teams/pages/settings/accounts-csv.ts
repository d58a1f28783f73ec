/**
 * Customer accounts pasted as CSV, one `domain,name,openPipeline` line each, with or without that
 * header line: a name with a comma is written in double quotes (`"Fabrikam, Inc."`), as spreadsheets
 * copy it. All or nothing: one bad line, and nothing is imported and every bad line is named. It reads
 * the file accounts-csv-export.ts writes: a leading byte-order mark is skipped and a cell's guarding quote
 * is dropped.
 */

import type { CustomerAccount } from "../../../api/settings.ts";
import { unguardFormula } from "../../../ui/csv/formula-guard.ts";
import { BYTE_ORDER_MARK } from "../../../ui/csv/write-csv.ts";
import { checkAccountRow, MAX_ACCOUNTS } from "./account-rows.ts";

export type AccountsImport =
  | { readonly ok: true; readonly accounts: CustomerAccount[] }
  | { readonly ok: false; readonly problems: string[] };

export function parseAccountsCsv(text: string): AccountsImport {
  const withoutMark = text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
  const records = csvRecords(withoutMark).filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  if (records[0]?.cells[0]?.trim().toLowerCase() === "domain") records.shift();
  if (records.length === 0) return { ok: false, problems: ["There are no accounts in the text."] };
  if (records.length > MAX_ACCOUNTS) {
    return {
      ok: false,
      problems: [`The text holds ${records.length} accounts; at most ${MAX_ACCOUNTS} fit.`],
    };
  }
  const accounts: CustomerAccount[] = [];
  const problems: string[] = [];
  const lineOfDomain = new Map<string, number>();
  for (const { line, cells, unclosedQuote } of records) {
    if (unclosedQuote) {
      problems.push(`Line ${line}: a quote opened here is never closed.`);
      continue;
    }
    if (cells.length !== 3) {
      problems.push(`Line ${line}: expected domain,name,openPipeline but found ${cells.length} values.`);
      continue;
    }
    // The export puts a quote before a name a spreadsheet would run as a formula (`'=cmd|…`), so that
    // opening the file runs nothing; that quote is not part of the name, and reading the file back must
    // give the accounts that were written.
    const [domain, name, openPipeline] = cells.map(unguardFormula) as [string, string, string];
    const checked = checkAccountRow({ domain, name, openPipeline });
    if ("problem" in checked) {
      problems.push(`Line ${line}: ${checked.problem}.`);
      continue;
    }
    const earlier = lineOfDomain.get(checked.account.domain);
    if (earlier !== undefined) {
      problems.push(`Line ${line}: ${checked.account.domain} is listed already, on line ${earlier}.`);
      continue;
    }
    lineOfDomain.set(checked.account.domain, line);
    accounts.push(checked.account);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, accounts };
}

interface CsvRecord {
  /** The line of the text the record starts on (the first is 1). */
  readonly line: number;
  readonly cells: string[];
  readonly unclosedQuote: boolean;
}

/** RFC 4180 records: commas between cells, double quotes around a cell that holds commas, quotes or line breaks. */
function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells, unclosedQuote: false });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) {
    cells.push(cell);
    records.push({ line: start, cells, unclosedQuote: true });
  } else if (cell !== "" || cells.length > 0) endRecord();
  return records;
}
