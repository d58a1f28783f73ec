/**
 * The customer accounts as a CSV file, `domain,name,openPipeline` under that header, for an administrator
 * to keep or open in a spreadsheet; pasted back, accounts-csv.ts reads it as the same accounts. Names are
 * free text, so a name a spreadsheet would run as a formula is written as text (src/ui/csv/).
 */

import type { CustomerAccount } from "../../../api/settings.ts";
import { writeCsv } from "../../../ui/csv/write-csv.ts";

export const ACCOUNTS_CSV_FILE_NAME = "fieldcoach-accounts.csv";

export function writeAccountsCsv(accounts: readonly CustomerAccount[]): string {
  return writeCsv(
    ["domain", "name", "openPipeline"],
    accounts.map((account) => [account.domain, account.name, account.openPipeline]),
  );
}
