import { ColumnSpec } from './columns';
import type { TableRow } from './table';
import { Cell, isBlank, normalizeKeyword } from './values';

/** One problem with the file; `row` is the spreadsheet row (1 is the header). */
export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
  code: string;
}

/**
 * One data row with its values by column key. Only the file's columns are present: an
 * absent column keeps the stored value on update (and takes the default on create); an
 * empty cell is `null`.
 */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

export interface ParsedFile {
  rows: ParsedRow[];
  /** Column keys the file has. */
  columns: string[];
  errors: ImportRowError[];
}

/** Maps the header row to column keys: English keys or Vietnamese headers, any case or accent. */
export function mapHeader(
  specs: ColumnSpec[],
  header: Cell[],
): { columns: Array<ColumnSpec | null>; errors: ImportRowError[] } {
  const byName = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.key, ...spec.headers]) byName.set(normalizeKeyword(name), spec);
  }
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  const columns = header.map((cell) => {
    if (isBlank(cell)) return null;
    const title = String(cell instanceof Date ? cell.toISOString() : cell).trim();
    const spec = byName.get(normalizeKeyword(title));
    if (!spec) {
      errors.push({
        row: 1,
        column: title,
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column "${title}".`,
      });
      return null;
    }
    if (seen.has(spec.key)) {
      errors.push({
        row: 1,
        column: spec.key,
        code: 'DUPLICATE_COLUMN',
        message: `Column ${spec.key} appears twice.`,
      });
      return null;
    }
    seen.add(spec.key);
    return spec;
  });
  for (const spec of specs) {
    if (spec.required && !seen.has(spec.key)) {
      errors.push({
        row: 1,
        column: spec.key,
        code: 'MISSING_COLUMN',
        message: `Column ${spec.key} is required.`,
      });
    }
  }
  return { columns, errors };
}

/**
 * Checks every row against the column specs: required values, value formats and ranges,
 * and codes repeated within the file. Reports every problem, not just the first.
 */
export function parseRows(specs: ColumnSpec[], table: TableRow[]): ParsedFile {
  const [header, ...data] = table;
  if (!header || header.row !== 1 || header.cells.every(isBlank)) {
    return {
      rows: [],
      columns: [],
      errors: [
        { row: 1, column: null, code: 'MISSING_HEADER', message: 'Row 1 must be the header row.' },
      ],
    };
  }
  const { columns, errors } = mapHeader(specs, header.cells);
  const rows: ParsedRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, cells } of data) {
    if (cells.every((cell) => cell === undefined || isBlank(cell))) continue;
    const values: Record<string, unknown> = {};
    cells.forEach((cell, index) => {
      if (index >= columns.length && !isBlank(cell ?? null)) {
        errors.push({
          row,
          column: null,
          code: 'UNKNOWN_COLUMN',
          message: `Value in column ${index + 1}, which has no header.`,
        });
      }
    });
    columns.forEach((spec, index) => {
      if (!spec) return;
      const cell = cells[index] ?? null;
      if (isBlank(cell)) {
        values[spec.key] = null;
        if (spec.required) {
          errors.push({
            row,
            column: spec.key,
            code: 'REQUIRED',
            message: `${spec.key} is required.`,
          });
        }
        return;
      }
      const parsed = spec.parse(cell);
      if (parsed.ok) values[spec.key] = parsed.value;
      else
        errors.push({
          row,
          column: spec.key,
          code: parsed.code,
          message: `${spec.key}: ${parsed.message}.`,
        });
    });
    const code = values.code;
    if (typeof code === 'string') {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) {
        errors.push({
          row,
          column: 'code',
          code: 'DUPLICATE_CODE',
          message: `Code ${code} is also on row ${first}.`,
        });
      } else firstRowOfCode.set(code, row);
    }
    rows.push({ row, values });
  }
  return { rows, columns: columns.filter((spec) => spec !== null).map((spec) => spec.key), errors };
}

/** Errors in file order: by row, header first. */
export function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}
