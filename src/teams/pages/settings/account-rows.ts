/**
 * The customer accounts table as an administrator types it: each row checked by the rules of the API
 * contract (src/api/settings.ts `customerAccount`, which the pages do not load: its test holds the two
 * together), the table as a whole checked for a domain listed twice, and imported accounts merged in.
 */

import type { CustomerAccount } from "../../../api/settings.ts";

/** A row as typed: the open pipeline stays text until it is saved. */
export interface AccountRow {
  readonly domain: string;
  readonly name: string;
  readonly openPipeline: string;
}

export type RowCheck = { readonly account: CustomerAccount } | { readonly problem: string };

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
/** Digits with an optional fraction; spaces, commas and underscores may group the thousands. */
const AMOUNT = /^\d+(\.\d+)?$/;
export const MAX_ACCOUNTS = 10_000;

/** An amount of money as typed ("2 000 000", "1,250,000.50"); undefined when it is not one. */
export function amountOf(text: string): number | undefined {
  const amount = text.replace(/[\s,_]/g, "");
  return AMOUNT.test(amount) && Number.isFinite(Number(amount)) ? Number(amount) : undefined;
}

export function checkAccountRow(row: AccountRow): RowCheck {
  const domain = row.domain.trim().toLowerCase();
  const name = row.name.trim();
  const openPipeline = amountOf(row.openPipeline);
  if (domain === "") return { problem: "the domain is missing" };
  if (domain.length > 253 || !DOMAIN.test(domain)) {
    return { problem: `"${domain}" is not a domain name such as fabrikam.com` };
  }
  if (name === "") return { problem: `the name of ${domain} is missing` };
  if (name.length > 200) return { problem: `the name of ${domain} is longer than 200 characters` };
  if (openPipeline === undefined) {
    return { problem: `"${row.openPipeline.trim()}" is not an amount of open pipeline such as 250000` };
  }
  return { account: { domain, name, openPipeline } };
}

/** The accounts to save, or every problem, each naming its row of the table (the first is row 1). */
export function checkAccountRows(rows: readonly AccountRow[]): {
  readonly accounts: CustomerAccount[];
  readonly problems: string[];
} {
  const accounts: CustomerAccount[] = [];
  const problems: string[] = [];
  const rowOfDomain = new Map<string, number>();
  rows.forEach((row, index) => {
    const checked = checkAccountRow(row);
    if ("problem" in checked) {
      problems.push(`Row ${index + 1}: ${checked.problem}.`);
      return;
    }
    const earlier = rowOfDomain.get(checked.account.domain);
    if (earlier !== undefined) {
      problems.push(`Row ${index + 1}: ${checked.account.domain} is listed already, in row ${earlier}.`);
      return;
    }
    rowOfDomain.set(checked.account.domain, index + 1);
    accounts.push(checked.account);
  });
  if (rows.length > MAX_ACCOUNTS)
    problems.push(`The table holds ${rows.length} accounts; at most ${MAX_ACCOUNTS} fit.`);
  return { accounts, problems };
}

export function rowOf(account: CustomerAccount): AccountRow {
  return { domain: account.domain, name: account.name, openPipeline: String(account.openPipeline) };
}

/** Imported accounts replace the rows of their domain where they stand; accounts new to the table follow. */
export function mergeImported(
  rows: readonly AccountRow[],
  imported: readonly CustomerAccount[],
): AccountRow[] {
  const byDomain = new Map(imported.map((account) => [account.domain, account]));
  const merged = rows.map((row) => {
    const replacement = byDomain.get(row.domain.trim().toLowerCase());
    return replacement === undefined ? row : rowOf(replacement);
  });
  const present = new Set(merged.map((row) => row.domain.trim().toLowerCase()));
  return [...merged, ...imported.filter((account) => !present.has(account.domain)).map(rowOf)];
}
