/**
 * CSV records as RFC 4180 describes them and spreadsheets write them: commas between cells, double
 * quotes around a cell that holds commas, quotes (doubled) or line breaks, records ended by CRLF, LF or
 * CR. A leading byte-order mark (Excel's "CSV UTF-8") is skipped. The imports (a rep's metrics, the
 * tenant's customer accounts) read with it, on the server and in the pages alike; each decides what a
 * record means and what to say about an unclosed quote.
 */

export interface CsvRecord {
  /** The line of the text the record starts on (the first is 1). */
  readonly line: number;
  readonly cells: string[];
  /** On the last record only, when the text ends inside a quoted cell: the line that quote opened on. */
  readonly unclosedQuoteLine?: number;
}

export interface CsvReading {
  /**
   * A quote after nothing but spaces opens a quoted cell, and the spaces go: text pasted by hand is often
   * indented. Without it such a quote is part of the cell, as RFC 4180 has it.
   */
  readonly quoteAfterSpaces: boolean;
}

export function readCsvRecords(text: string, reading: CsvReading): CsvRecord[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let quoteLine = 1;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && (reading.quoteAfterSpaces ? cell.trim() === "" : cell === "")) {
      cell = "";
      quoted = true;
      quoteLine = line;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) {
    cells.push(cell);
    records.push({ line: start, cells, unclosedQuoteLine: quoteLine });
  } else if (cell !== "" || cells.length > 0) endRecord();
  return records;
}
