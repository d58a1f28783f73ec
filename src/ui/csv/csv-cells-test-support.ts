/**
 * For tests: CSV read strictly as RFC 4180 writes it, to check a writer against the format itself rather
 * than against the lenient readers FieldCoach imports with. Cells come back as written, guarding quotes
 * and all, so that a test sees what a spreadsheet would be handed.
 */

/** Text a spreadsheet would evaluate when a cell holds it: = + - @ (behind spaces too), a tab or a line break first. */
export const SPREADSHEET_EVALUATES = /^(?:\s*[=+\-@]|[\t\r\n])/;

/** The records of `text` (after a byte-order mark), each ended by CRLF; throws where the text is not RFC 4180. */
export function csvCells(text: string): string[][] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < body.length) {
    let cell = "";
    if (body[at] === '"') {
      at++;
      for (;;) {
        const close = body.indexOf('"', at);
        if (close === -1) throw new Error(`A quote opened before ${at} is never closed.`);
        cell += body.slice(at, close);
        at = close + 1;
        if (body[at] !== '"') break;
        cell += '"';
        at++;
      }
    } else {
      const end = body.slice(at).search(/[,\r\n]/);
      cell = body.slice(at, end === -1 ? body.length : at + end);
      if (cell.includes('"')) throw new Error(`An unquoted cell holds a quote at ${at}.`);
      at += cell.length;
    }
    record.push(cell);
    if (body[at] === ",") at++;
    else if (body.startsWith("\r\n", at)) {
      records.push(record);
      record = [];
      at += 2;
    } else throw new Error(`Expected a comma or CRLF at ${at}.`);
  }
  if (record.length > 0) throw new Error("The last record is not ended by CRLF.");
  return records;
}
