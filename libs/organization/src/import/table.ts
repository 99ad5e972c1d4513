import { DomainError } from '@app/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from './values';

/** A sheet as rows of cells; `row` is the spreadsheet row number (the header is row 1). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx';

const unreadable = (message: string) => new DomainError('IMPORT_UNREADABLE', 'invalid', message);

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

export async function readTable(buffer: Buffer, filename = ''): Promise<TableRow[]> {
  return detectFormat(buffer, filename) === 'xlsx' ? readXlsx(buffer) : readCsv(buffer);
}

/** CSV in UTF-8, with or without a byte order mark; `,`, `;` or tab separated. */
export function readCsv(buffer: Buffer): TableRow[] {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw unreadable('The CSV file is not UTF-8 text; save it as "CSV UTF-8".');
  }
  content = content.replace(/^\uFEFF/, '');
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  let records: string[][];
  try {
    records = parse(content, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw unreadable(`The CSV file cannot be read: ${(error as Error).message}`);
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

export async function readXlsx(buffer: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is always empty.
    rows.push({ row: rowNumber, cells: Array.from(values.slice(1), toCell) });
  });
  return rows;
}

function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return typeof value.text === 'string' ? value.text : toCell(value.text);
  if ('error' in value) return null;
  return null;
}
