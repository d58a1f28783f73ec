/**
 * Spreadsheet formula injection (OWASP's "CSV injection"): Excel, LibreOffice Calc and Google Sheets
 * evaluate a cell whose text starts with = + - or @, also behind spaces (DDE payloads such as
 * `=cmd|' /C calc'!A0`, `=HYPERLINK(…)` that leaks other cells, `@SUM(…)`), and one that starts with a tab
 * or a line break. A single quote in front keeps such text text, as OWASP advises.
 */

/** Text a spreadsheet would evaluate, behind any number of guarding quotes. */
const EVALUATED_BEHIND_QUOTES = /^'*(?:\s*[=+\-@]|[\t\r\n])/;

/**
 * The text with a single quote in front when a spreadsheet would evaluate it. Text that already starts
 * with quotes before such a start gets one more, so that `unguardFormula` gives back exactly what was
 * guarded: a name that really is `'=x` is written `''=x` and read back as `'=x`.
 */
export function guardFormula(text: string): string {
  return EVALUATED_BEHIND_QUOTES.test(text) ? `'${text}` : text;
}

/** What `guardFormula` was given: one leading quote dropped where `guardFormula` would have put it. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && EVALUATED_BEHIND_QUOTES.test(cell.slice(1)) ? cell.slice(1) : cell;
}
