import { crc32, inflateSync } from "node:zlib";
import type { RgbaImage } from "./rgba-image.ts";

/** A file that is not a PNG this decoder can read; the message says what is wrong. */
export class PngFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PngFormatError";
  }
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
}

export interface DecodedPng extends RgbaImage {
  readonly header: PngHeader;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
}

function readChunks(bytes: Uint8Array): Chunk[] {
  if (bytes.length < 8 || SIGNATURE.some((value, index) => bytes[index] !== value)) {
    throw new PngFormatError("The PNG signature is missing.");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length)
      throw new PngFormatError(`A chunk header at byte ${offset} is truncated.`);
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length)
      throw new PngFormatError(`A chunk at byte ${offset} runs past the end of the file.`);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      throw new PngFormatError(`The ${type} chunk at byte ${offset} fails its CRC check.`);
    }
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR") throw new PngFormatError("The first chunk is not IHDR.");
  if (chunks.at(-1)?.type !== "IEND") throw new PngFormatError("The IEND chunk is missing.");
  return chunks;
}

/** Reads only the IHDR chunk: enough to check dimensions and colour type without inflating. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const ihdr = readChunks(bytes)[0]!.data;
  if (ihdr.length !== 13) throw new PngFormatError(`IHDR holds ${ihdr.length} bytes instead of 13.`);
  const view = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  return {
    width: view.getUint32(0),
    height: view.getUint32(4),
    bitDepth: ihdr[8]!,
    colorType: ihdr[9]!,
    interlaced: ihdr[12] === 1,
  };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function unfilter(data: Uint8Array, header: PngHeader, bytesPerPixel: number): Uint8Array {
  const rowBytes = header.width * bytesPerPixel;
  if (data.length !== (rowBytes + 1) * header.height) {
    throw new PngFormatError(
      `The image data holds ${data.length} bytes; ${header.width}x${header.height} needs ${(rowBytes + 1) * header.height}.`,
    );
  }
  const out = new Uint8Array(rowBytes * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = data[y * (rowBytes + 1)]!;
    const source = data.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    const row = y * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= bytesPerPixel ? out[row + i - bytesPerPixel]! : 0;
      const up = y > 0 ? out[row - rowBytes + i]! : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? out[row - rowBytes + i - bytesPerPixel]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) predictor = paeth(left, up, upLeft);
      else throw new PngFormatError(`Row ${y} uses unknown filter type ${filter}.`);
      out[row + i] = (source[i]! + predictor) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes an 8-bit, non-interlaced PNG of any colour type into RGBA, honouring PLTE and tRNS.
 * Other bit depths and interlacing are refused: icons for Teams and Outlook never need them.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const header = readPngHeader(bytes);
  const channels = CHANNELS[header.colorType];
  if (channels === undefined) throw new PngFormatError(`Colour type ${header.colorType} does not exist.`);
  if (header.bitDepth !== 8)
    throw new PngFormatError(`Bit depth ${header.bitDepth} is not supported, only 8.`);
  if (header.interlaced) throw new PngFormatError("Interlaced PNGs are not supported.");
  const chunks = readChunks(bytes);
  const palette = chunks.find((c) => c.type === "PLTE")?.data;
  const transparency = chunks.find((c) => c.type === "tRNS")?.data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  if (idat.length === 0) throw new PngFormatError("The PNG has no IDAT chunk.");
  if (header.colorType === 3 && palette === undefined)
    throw new PngFormatError("A palette PNG has no PLTE chunk.");
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(idat);
  } catch (error) {
    throw new PngFormatError(`The image data does not inflate: ${(error as Error).message}`);
  }
  const samples = unfilter(inflated, header, channels);
  const pixels = new Uint8Array(header.width * header.height * 4);
  const transparentGrey = transparency && header.colorType === 0 ? (transparency[1] ?? -1) : -1;
  for (let p = 0; p < header.width * header.height; p++) {
    const s = p * channels;
    let rgba: [number, number, number, number];
    switch (header.colorType) {
      case 0: {
        const v = samples[s]!;
        rgba = [v, v, v, v === transparentGrey ? 0 : 255];
        break;
      }
      case 2: {
        const [r, g, b] = [samples[s]!, samples[s + 1]!, samples[s + 2]!];
        const keyed =
          transparency !== undefined &&
          transparency[1] === r &&
          transparency[3] === g &&
          transparency[5] === b;
        rgba = [r, g, b, keyed ? 0 : 255];
        break;
      }
      case 3: {
        const index = samples[s]!;
        if (index * 3 + 2 >= palette!.length)
          throw new PngFormatError(`Pixel ${p} uses palette entry ${index}, past the palette.`);
        rgba = [
          palette![index * 3]!,
          palette![index * 3 + 1]!,
          palette![index * 3 + 2]!,
          transparency?.[index] ?? 255,
        ];
        break;
      }
      case 4:
        rgba = [samples[s]!, samples[s]!, samples[s]!, samples[s + 1]!];
        break;
      default:
        rgba = [samples[s]!, samples[s + 1]!, samples[s + 2]!, samples[s + 3]!];
    }
    pixels.set(rgba, p * 4);
  }
  return { width: header.width, height: header.height, pixels, header };
}
