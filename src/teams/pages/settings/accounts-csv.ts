/**
 * Customer accounts pasted as CSV, one `domain,name,openPipeline` line each, with or without that
 * header line: a name with a comma is written in double quotes (`"Fabrikam, Inc."`), as spreadsheets
 * copy it. All or nothing: one bad line, and nothing is imported and every bad line is named. It reads
 * the file accounts-csv-export.ts writes: a leading byte-order mark is skipped and a cell's guarding quote
 * is dropped.
 */

import { readCsvRecords } from "../../../api/csv-records.ts";
import type { CustomerAccount } from "../../../api/settings.ts";
import { unguardFormula } from "../../../ui/csv/formula-guard.ts";
import { checkAccountRow, MAX_ACCOUNTS } from "./account-rows.ts";

export type AccountsImport =
  | { readonly ok: true; readonly accounts: CustomerAccount[] }
  | { readonly ok: false; readonly problems: string[] };

export function parseAccountsCsv(text: string): AccountsImport {
  const records = readCsvRecords(text, { quoteAfterSpaces: true }).filter((record) =>
    record.cells.some((cell) => cell.trim() !== ""),
  );
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
  for (const { line, cells, unclosedQuoteLine } of records) {
    if (unclosedQuoteLine !== undefined) {
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
