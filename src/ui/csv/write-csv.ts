/**
 * CSV to be opened in a spreadsheet: a header line and a line per row, each ended by CRLF, a field in
 * double quotes when it holds a comma, a quote or a line break (RFC 4180). UTF-8 behind a byte-order mark,
 * without which Excel reads the file in the Windows code page and garbles every name beyond ASCII. Text a
 * spreadsheet would evaluate is kept text (formula-guard.ts) and quoted; numbers are written as plain
 * decimals, as a spreadsheet and the importers read them (never `1e+21`).
 */

import { guardFormula } from "./formula-guard.ts";

export type CsvValue = string | number;

export const BYTE_ORDER_MARK = "\uFEFF";

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BYTE_ORDER_MARK + [header, ...rows].map((row) => `${row.map(field).join(",")}\r\n`).join("");
}

function field(value: CsvValue): string {
  if (typeof value === "number") return plainDecimal(value);
  const text = guardFormula(value);
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The number's shortest decimal digits (the ones that read back as the same number), without exponent. */
function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as a decimal.`);
  if (value < 0) return `-${plainDecimal(-value)}`;
  const [mantissa, exponent] = String(value).split("e") as [string, string | undefined];
  if (exponent === undefined) return mantissa;
  const [whole, fraction = ""] = mantissa.split(".") as [string, string | undefined];
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
