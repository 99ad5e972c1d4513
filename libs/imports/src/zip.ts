import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { spreadsheetTooLarge, unreadable } from './limits';

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** As the archive declares it: inflating counts what it really is. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to zlib at a time: deflate expands 1 KiB to at most about 1 MiB. */
const INPUT_CHUNK = 4096;

const broken = () => unreadable('The XLSX file is not a complete ZIP archive.');

/** The entries of an archive held in memory, by name, from its central directory. */
export function readZipDirectory(buffer: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  // ZIP64 marks these fields all ones; a spreadsheet within the upload limit never needs it.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw unreadable('ZIP64 workbooks are not supported; save the file again as .xlsx.');
  }
  if (offset + size > end) throw broken();
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) throw broken();
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      name,
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(buffer: Buffer): number {
  // The record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
  const last = buffer.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw broken();
}

/**
 * Counts the bytes inflated from an archive, all entries together, and stops the read with
 * `SPREADSHEET_TOO_LARGE` as soon as they pass the limit.
 */
export class InflateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Refuses, before anything is inflated, entries that declare more than the budget left. */
  reserve(entries: ZipEntry[]): void {
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (this.used + declared > this.limit) throw this.exceeded();
  }

  /** A stream of the entry's text, inflated a little at a time as it is read. */
  open(buffer: Buffer, entry: ZipEntry): Readable {
    if (entry.flags & 1) throw unreadable('Encrypted workbooks are not supported.');
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw unreadable(`The XLSX part ${entry.name} uses an unsupported compression method.`);
    }
    const at = entry.localHeaderOffset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw broken();
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    if (start + entry.compressedSize > buffer.length) throw broken();
    const data = buffer.subarray(start, start + entry.compressedSize);
    // What the archive declares was checked by `reserve`; what it holds is counted here.
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.used += chunk.length;
        done(this.used > this.limit ? this.exceeded() : null, chunk);
      },
    });
    const source = Readable.from(slices(data));
    const text = utf8Text(entry.name);
    // pipeline destroys every stage on an error, the last one with the error itself.
    return entry.method === DEFLATED
      ? pipeline(source, createInflateRaw(), counter, text, () => undefined)
      : pipeline(source, counter, text, () => undefined);
  }

  private exceeded() {
    return spreadsheetTooLarge(
      `The workbook expands to more than ${this.limit} bytes; split it into smaller files.`,
    );
  }
}

/** Bytes to text, refusing what is not UTF-8 rather than storing U+FFFD in its place. */
function utf8Text(part: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (
    chunk: Buffer | undefined,
    done: (error?: Error | null, text?: string) => void,
  ) => {
    try {
      done(null, chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    } catch {
      done(unreadable(`The XLSX part ${part} is not UTF-8 text.`));
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform: (chunk: Buffer, _encoding, done) => decode(chunk, done),
    flush: (done) => decode(undefined, done),
  });
}

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += INPUT_CHUNK) yield data.subarray(at, at + INPUT_CHUNK);
}
