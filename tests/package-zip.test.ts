import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readZip, ZipFormatError } from "../scripts/lib/zip-read.ts";
import { writeZip } from "../scripts/lib/zip-write.ts";

const pythonZip = readFileSync(new URL("./fixtures/python-zipfile.zip", import.meta.url));

describe("ZIP reader", () => {
  it("reads an archive written by Python's zipfile: stored, deflated and UTF-8 named entries", () => {
    const entries = readZip(pythonZip);
    expect(entries.map(({ name, method }) => ({ name, method }))).toEqual([
      { name: "stored.txt", method: 0 },
      { name: "deflated.txt", method: 8 },
      { name: "dossier/résumé.txt", method: 8 },
    ]);
    expect(entries[0]!.data.toString()).toBe("stored by python zipfile\n");
    expect(entries[1]!.data.toString()).toBe("deflate me ".repeat(200));
    expect(entries[2]!.data.toString()).toBe("non-ASCII name\n");
  });

  it("refuses an entry whose bytes no longer match its CRC-32", () => {
    const damaged = Buffer.from(pythonZip);
    const at = damaged.indexOf("stored by python");
    damaged[at] = "S".charCodeAt(0);
    expect(() => readZip(damaged)).toThrow(/"stored.txt" fails its CRC-32 check/);
  });

  it("refuses a file that is not an archive", () => {
    expect(() => readZip(Buffer.from("just some text, long enough to be searched for a record"))).toThrow(
      ZipFormatError,
    );
  });
});

describe("ZIP writer", () => {
  it("writes entries the reader gets back byte for byte, deflating only what shrinks", () => {
    // xorshift32 bytes: fixed, yet with nothing for deflate to shorten.
    let state = 0x9e3779b9;
    const random = Buffer.from(
      Array.from({ length: 300 }, () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state & 0xff;
      }),
    );
    const entries = [
      { name: "manifest.json", data: Buffer.from(JSON.stringify({ a: "x".repeat(500) })) },
      { name: "noise.bin", data: random },
      { name: "empty.txt", data: Buffer.alloc(0) },
    ];
    const read = readZip(writeZip(entries));
    expect(read.map((entry) => entry.name)).toEqual(["manifest.json", "noise.bin", "empty.txt"]);
    expect(read[0]!.method).toBe(8);
    expect(read[1]!.method).toBe(0);
    read.forEach((entry, i) => {
      expect(entry.data.equals(entries[i]!.data)).toBe(true);
    });
  });

  it("gives the same bytes for the same entries", () => {
    const entries = [{ name: "a.txt", data: Buffer.from("same") }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it("refuses duplicate and absolute names", () => {
    expect(() =>
      writeZip([
        { name: "a", data: Buffer.from("1") },
        { name: "a", data: Buffer.from("2") },
      ]),
    ).toThrow(/twice/);
    expect(() => writeZip([{ name: "/etc/passwd", data: Buffer.from("x") }])).toThrow(/relative/);
  });
});
