import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodePng, PngFormatError, readPngHeader } from "../scripts/lib/png-decode.ts";
import { encodePng } from "../scripts/lib/png-encode.ts";
import type { RgbaImage } from "../scripts/lib/rgba-image.ts";

function gradient(width: number, height: number): RgbaImage {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++)
    pixels.set([i % 256, (i * 7) % 256, (i * 13) % 256, (i * 31) % 256], i * 4);
  return { width, height, pixels };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG built the way other encoders build them: any colour type, filtered rows, extra chunks. */
function handMadePng(options: {
  width: number;
  height: number;
  colorType: number;
  bitDepth?: number;
  filteredRows: number[][];
  extra?: Array<[string, number[]]>;
}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.width, 0);
  header.writeUInt32BE(options.height, 4);
  header[8] = options.bitDepth ?? 8;
  header[9] = options.colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...(options.extra ?? []).map(([type, data]) => chunk(type, Uint8Array.from(data))),
    chunk("IDAT", deflateSync(Buffer.from(options.filteredRows.flat()))),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

describe("PNG encoder and decoder", () => {
  it("round-trips RGBA pixels through an 8-bit RGBA, non-interlaced file", () => {
    const image = gradient(37, 11);
    const png = encodePng(image);
    expect(readPngHeader(png)).toEqual({
      width: 37,
      height: 11,
      bitDepth: 8,
      colorType: 6,
      interlaced: false,
    });
    const decoded = decodePng(png);
    expect(decoded.width).toBe(37);
    expect(decoded.height).toBe(11);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it("encodes the same pixels to the same bytes", () => {
    expect(encodePng(gradient(20, 20)).equals(encodePng(gradient(20, 20)))).toBe(true);
  });

  it("undoes the Sub, Paeth, Up and Average row filters of an RGB image", () => {
    const png = handMadePng({
      width: 2,
      height: 4,
      colorType: 2,
      filteredRows: [
        [1, 10, 20, 30, 5, 5, 5],
        [4, 30, 30, 30, 5, 5, 10],
        [2, 10, 10, 10, 10, 10, 10],
        [3, 35, 40, 45, 13, 13, 10],
      ],
    });
    const expected = [
      [10, 20, 30, 255, 15, 25, 35, 255],
      [40, 50, 60, 255, 45, 55, 70, 255],
      [50, 60, 70, 255, 55, 65, 80, 255],
      [60, 70, 80, 255, 70, 80, 90, 255],
    ].flat();
    expect(Array.from(decodePng(png).pixels)).toEqual(expected);
  });

  it("applies a palette and its tRNS transparency", () => {
    const png = handMadePng({
      width: 2,
      height: 1,
      colorType: 3,
      filteredRows: [[0, 0, 1]],
      extra: [
        ["PLTE", [255, 0, 0, 0, 0, 255]],
        ["tRNS", [0]],
      ],
    });
    expect(Array.from(decodePng(png).pixels)).toEqual([255, 0, 0, 0, 0, 0, 255, 255]);
  });

  it("refuses a file without the PNG signature", () => {
    expect(() => decodePng(Buffer.from("GIF89a not a png at all"))).toThrow(PngFormatError);
  });

  it("refuses a chunk whose CRC does not match", () => {
    const png = encodePng(gradient(4, 4));
    const idat = png.indexOf("IDAT", 0, "latin1");
    png[idat + 6] = png[idat + 6]! ^ 0xff;
    expect(() => decodePng(png)).toThrow(/IDAT chunk .* fails its CRC check/);
  });

  it("refuses 16-bit samples instead of misreading them", () => {
    const png = handMadePng({
      width: 1,
      height: 1,
      colorType: 6,
      bitDepth: 16,
      filteredRows: [[0, 0, 0, 0, 0, 0, 0, 0, 0]],
    });
    expect(readPngHeader(png).bitDepth).toBe(16);
    expect(() => decodePng(png)).toThrow(/Bit depth 16/);
  });
});
