import { DomainError } from '@app/common/errors';
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { spreadsheetTooLarge, unreadable } from './limits';
import type { TableRow } from './table';
import type { Cell } from './values';
import { InflateBudget, readZipDirectory, ZipEntry } from './zip';

type Relationship = { Id: string; Target: string; Type: string };

/**
 * The part readers of exceljs's streaming `WorkbookReader` (exceljs 4.4). Its own `read`
 * unzips the upload as it comes and parks sheets in temporary files; here the archive is
 * already in memory, so each part is inflated by `InflateBudget` (counted, refused past the
 * limit) and handed to exceljs's reader for that part, in the order the sheet needs them.
 */
interface PartReaders {
  workbookRels?: Relationship[];
  model?: { sheets?: Array<{ rId: string }> };
  sharedStrings?: unknown[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(
    part: Readable,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const RELATIONSHIP_TYPE = (type: string, name: string) => type.endsWith(`/${name}`);

/**
 * The first sheet of an XLSX workbook, a row at a time. Declared part sizes are checked
 * before inflating, inflated bytes while reading; shared strings count against `maxCells`.
 */
export async function* readXlsx(
  buffer: Buffer,
  limits: { maxUnzippedBytes: number; maxCells: number },
): AsyncGenerator<TableRow> {
  try {
    yield* rowsOfFirstSheet(buffer, limits);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
}

async function* rowsOfFirstSheet(
  buffer: Buffer,
  limits: { maxUnzippedBytes: number; maxCells: number },
): AsyncGenerator<TableRow> {
  const entries = readZipDirectory(buffer);
  const budget = new InflateBudget(limits.maxUnzippedBytes);
  const part = (name: string): ZipEntry | undefined => entries.get(name);
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw unreadable('The XLSX file has no workbook.');
  budget.reserve([rels, book]);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as PartReaders;
  await reader._parseRels(budget.open(buffer, rels));
  await reader._parseWorkbook(budget.open(buffer, book));

  const relationships = reader.workbookRels ?? [];
  const target = (relationship?: Relationship) => {
    if (!relationship) return undefined;
    const path = relationship.Target.startsWith('/')
      ? relationship.Target.slice(1)
      : `xl/${relationship.Target}`;
    return part(path);
  };
  const firstSheet = reader.model?.sheets?.[0];
  const sheet = target(relationships.find((rel) => rel.Id === firstSheet?.rId));
  if (!sheet) return;
  const styles = target(relationships.find((rel) => RELATIONSHIP_TYPE(rel.Type, 'styles')));
  const strings = target(relationships.find((rel) => RELATIONSHIP_TYPE(rel.Type, 'sharedStrings')));
  // Everything still to read must fit, by the archive's own account, before any of it is.
  budget.reserve([styles, strings, sheet].filter((entry) => entry !== undefined));

  if (styles) await reader._parseStyles(budget.open(buffer, styles));
  const sharedStrings: string[] = [];
  if (strings) {
    for await (const { text } of reader._parseSharedStrings(budget.open(buffer, strings))) {
      if (sharedStrings.length >= limits.maxCells) {
        throw spreadsheetTooLarge(
          `The workbook has more than ${limits.maxCells} distinct texts; split it into smaller files.`,
        );
      }
      sharedStrings.push(sharedText(text));
    }
  }
  reader.sharedStrings = sharedStrings;

  const [emitted] = [...reader._parseWorksheet(budget.open(buffer, sheet), '1')];
  for await (const row of emitted.value) {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is always empty.
    yield { row: row.number, cells: Array.from(values.slice(1), toCell) };
  }
}

function sharedText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text) {
    return (text.richText as Array<{ text?: string | null }>).map((run) => run.text ?? '').join('');
  }
  return '';
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (a literal `_x` as `_x005F_x`). */
const decodeEscapes = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );

export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return decodeEscapes(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return decodeEscapes(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return typeof value.text === 'string' ? value.text : toCell(value.text);
  if ('error' in value) return null;
  return null;
}
