import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly data: Buffer;
}

/** An archive this reader cannot read or that fails its own checks; the message says which. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function findEndRecord(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_SIGNATURE && at + 22 + zip.readUInt16LE(at + 20) === zip.length)
      return at;
  }
  throw new ZipFormatError("No end-of-central-directory record: this is not a ZIP archive.");
}

/**
 * Reads every entry of a ZIP archive through its central directory, inflating deflated entries
 * and checking each one's CRC-32 and size. ZIP64 and encrypted entries are refused.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (zip.length < 22) throw new ZipFormatError("The file is too short to be a ZIP archive.");
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipFormatError("ZIP64 archives are not supported.");
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`Central directory entry ${i} is missing or damaged.`);
    }
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const checksum = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x0800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x0001) throw new ZipFormatError(`"${name}" is encrypted.`);
    if (compressedSize === 0xffffffff || size === 0xffffffff)
      throw new ZipFormatError(`"${name}" needs ZIP64.`);
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`The local header of "${name}" is missing.`);
    }
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length)
      throw new ZipFormatError(`"${name}" runs past the end of the archive.`);
    const body = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) {
      try {
        data = inflateRawSync(body);
      } catch (error) {
        throw new ZipFormatError(`"${name}" does not inflate: ${(error as Error).message}`);
      }
    } else
      throw new ZipFormatError(
        `"${name}" uses compression method ${method}; only store and deflate are supported.`,
      );
    if (data.length !== size)
      throw new ZipFormatError(`"${name}" holds ${data.length} bytes, its header says ${size}.`);
    if (crc32(data) !== checksum) throw new ZipFormatError(`"${name}" fails its CRC-32 check.`);
    entries.push({ name, method, data });
  }
  return entries;
}
