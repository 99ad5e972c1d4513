import { DomainError } from '@app/common/errors';
import { parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { ImportLimits, unreadable } from './limits';
import type { Cell } from './values';
import { readXlsx } from './xlsx-reader';

/** A sheet as rows of cells; `row` is the spreadsheet row number (the header is row 1). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx';

/** By content first (XLSX is a ZIP archive), then by the file name. */
export function detectFormat(buffer: Buffer, filename = ''): FileFormat {
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (
    buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) ||
    /\.xls$/i.test(filename)
  ) {
    throw unreadable('Old .xls workbooks are not supported; save the file as .xlsx or CSV UTF-8.');
  }
  if (/\.xlsx$/i.test(filename))
    throw unreadable('The file is named .xlsx but is not an XLSX workbook.');
  return 'csv';
}

/** The rows of a CSV file or of a workbook's first sheet, read as they are consumed. */
export function readTable(
  buffer: Buffer,
  filename: string | undefined,
  limits: Pick<ImportLimits, 'maxUnzippedBytes' | 'maxCells'>,
): AsyncGenerator<TableRow> {
  return detectFormat(buffer, filename) === 'xlsx' ? readXlsx(buffer, limits) : readCsv(buffer);
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes decoded and parsed at a time. */
const CHUNK = 64 * 1024;
/** No legitimate record comes near this; a runaway quote would otherwise swallow the file. */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

/** CSV in UTF-8, with or without a byte order mark; `,`, `;` or tab separated. */
export async function* readCsv(buffer: Buffer): AsyncGenerator<TableRow> {
  const start = buffer.subarray(0, 3).equals(BOM) ? 3 : 0;
  const parser = parse({
    delimiter: detectDelimiter(buffer.subarray(start, start + CHUNK)),
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  pipeline(Readable.from(decodeUtf8(buffer.subarray(start))), parser, () => undefined);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(`The CSV file cannot be read: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
}

function* decodeUtf8(buffer: Buffer): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < buffer.length; at += CHUNK) {
      yield decoder.decode(buffer.subarray(at, at + CHUNK), { stream: true });
    }
    yield decoder.decode();
  } catch {
    throw unreadable('The CSV file is not UTF-8 text; save it as "CSV UTF-8".');
  }
}

/** The separator the first line has most of. */
function detectDelimiter(head: Buffer): string {
  const text = head.toString('utf8');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
}
