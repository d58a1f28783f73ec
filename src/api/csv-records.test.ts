import { describe, expect, it } from "vitest";
import { readCsvRecords } from "./csv-records.ts";

const strict = { quoteAfterSpaces: false } as const;
const pasted = { quoteAfterSpaces: true } as const;

describe("readCsvRecords", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, each record on the line it starts", () => {
    const text = '\uFEFFdomain,name\r\nfabrikam.com,"Fabrikam, ""Inc."""\n"a\nb",c\rlast,one';
    expect(readCsvRecords(text, strict)).toEqual([
      { line: 1, cells: ["domain", "name"] },
      { line: 2, cells: ["fabrikam.com", 'Fabrikam, "Inc."'] },
      { line: 3, cells: ["a\nb", "c"] },
      { line: 5, cells: ["last", "one"] },
    ]);
  });

  it("opens a quote after spaces only when asked to, dropping the spaces", () => {
    expect(readCsvRecords('a,  "b,c"', pasted)).toEqual([{ line: 1, cells: ["a", "b,c"] }]);
    expect(readCsvRecords('a,  "b,c"', strict)).toEqual([{ line: 1, cells: ["a", '  "b', 'c"'] }]);
  });

  it("marks the last record when the text ends inside a quote, with the line the quote opened on", () => {
    const records = readCsvRecords('ok,1\n"x\ny",2,"never closed\nmore', strict);
    expect(records).toEqual([
      { line: 1, cells: ["ok", "1"] },
      { line: 2, cells: ["x\ny", "2", "never closed\nmore"], unclosedQuoteLine: 3 },
    ]);
  });
});
