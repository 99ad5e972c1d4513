import type { ErrorCode } from '@app/common/errors';
import { ColumnSpec } from './columns';
import type { TableRow } from './table';
import { Cell, isBlank, normalizeKeyword } from './values';

/** One problem with the file; `row` is the spreadsheet row (1 is the header). */
export interface ImportRowError {
  row: number;
  column: string | null;
  /** English words; the answer carries the catalogue's message for `code` instead. */
  message: string;
  code: ErrorCode;
  /** What the catalogue's message needs beyond `row` and `column`; never sent. */
  params?: Record<string, string | number>;
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
  /** The first problems found, in file order. */
  errors: ImportRowError[];
  /** How many problems there are in all. */
  errorCount: number;
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

/** The first `max` errors in the order they are found, and how many there were in all. */
export class ErrorList {
  readonly listed: ImportRowError[] = [];
  total = 0;

  constructor(readonly max = Infinity) {}

  push(...errors: ImportRowError[]): void {
    for (const error of errors) {
      this.total++;
      if (this.listed.length < this.max) this.listed.push(error);
    }
  }
}

const blank = (cell: Cell | undefined) => cell === undefined || isBlank(cell);

/**
 * Checks rows against the column specs one at a time, as they are read: required values,
 * value formats and ranges, text that cannot be stored, and codes repeated within the file.
 * Reports every problem, not just the first (`errors` lists the first `maxErrors`).
 */
export class RowChecker {
  readonly errors: ErrorList;
  /** Set once the header is missing: nothing after it can be read. */
  done = false;
  private columns: Array<ColumnSpec | null> | null = null;
  private rows: ParsedRow[] = [];
  private readonly firstRowOfCode = new Map<string, number>();

  constructor(
    private readonly specs: ColumnSpec[],
    maxErrors = Infinity,
  ) {
    this.errors = new ErrorList(maxErrors);
  }

  /** Column keys the file has. */
  get columnKeys(): string[] {
    return (this.columns ?? []).filter((spec) => spec !== null).map((spec) => spec.key);
  }

  add({ row, cells }: TableRow): void {
    if (this.done) return;
    if (!this.columns) {
      if (row !== 1 || cells.every(blank)) {
        this.done = true;
        this.errors.push({
          row: 1,
          column: null,
          code: 'MISSING_HEADER',
          message: 'Row 1 must be the header row.',
        });
        return;
      }
      const header = mapHeader(this.specs, cells.map(normalizeText));
      this.columns = header.columns;
      this.errors.push(...header.errors);
      return;
    }
    if (cells.every(blank)) return;
    const columns = this.columns;
    const values: Record<string, unknown> = {};
    cells.forEach((cell, index) => {
      if (index >= columns.length && !isBlank(cell ?? null)) {
        this.errors.push({
          row,
          column: null,
          code: 'COLUMN_WITHOUT_HEADER',
          message: `Value in column ${index + 1}, which has no header.`,
          params: { position: index + 1 },
        });
      }
    });
    columns.forEach((spec, index) => {
      if (!spec) return;
      const cell = normalizeText(cells[index] ?? null);
      if (isBlank(cell)) {
        values[spec.key] = null;
        if (spec.required) {
          this.errors.push({
            row,
            column: spec.key,
            code: 'REQUIRED',
            message: `${spec.key} is required.`,
          });
        }
        return;
      }
      const invalid = typeof cell === 'string' ? invalidText(cell) : null;
      if (invalid) {
        this.errors.push({
          row,
          column: spec.key,
          code: 'INVALID_TEXT',
          message: `${spec.key}: contains ${invalid}.`,
        });
        return;
      }
      const parsed = spec.parse(cell);
      if (parsed.ok) values[spec.key] = parsed.value;
      else
        this.errors.push({
          row,
          column: spec.key,
          code: parsed.code,
          message: `${spec.key}: ${parsed.message}.`,
          params: parsed.params,
        });
    });
    const code = values.code;
    if (typeof code === 'string') {
      const first = this.firstRowOfCode.get(code);
      if (first !== undefined) {
        this.errors.push({
          row,
          column: 'code',
          code: 'DUPLICATE_CODE',
          message: `Code ${code} is also on row ${first}.`,
          params: { value: code, firstRow: first },
        });
      } else this.firstRowOfCode.set(code, row);
    }
    this.rows.push({ row, values });
  }

  /** Rows checked and not yet taken. */
  get pending(): number {
    return this.rows.length;
  }

  /** The rows checked since the last call, so that they can be handed on in batches. */
  takeRows(): ParsedRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What text cannot be stored: Postgres text holds no NUL, and half a UTF-16 pair (an XLSX
 * can spell one `_xD800_`) is no character. Refused by row rather than failing the write.
 */
function invalidText(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character';
  if (LONE_SURROGATE.test(text)) return 'half of a UTF-16 surrogate pair, which is not a character';
  return null;
}

/** Text is stored in Unicode NFC, whatever form the file has it in. */
function normalizeText(cell: Cell): Cell {
  return typeof cell === 'string' ? cell.normalize('NFC') : cell;
}

/** Checks a whole table held in memory (see `RowChecker`). */
export function parseRows(specs: ColumnSpec[], table: TableRow[]): ParsedFile {
  const checker = new RowChecker(specs);
  for (const row of table) checker.add(row);
  return {
    rows: checker.takeRows(),
    columns: checker.columnKeys,
    errors: checker.errors.listed,
    errorCount: checker.errors.total,
  };
}

/** Errors in file order: by row, header first. */
export function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}
