import { DomainError } from '@app/common/errors';

/** What one imported file may cost, checked before and while it is read. */
export interface ImportLimits {
  /** Bytes inflated from an XLSX workbook, all the parts read together. */
  maxUnzippedBytes: number;
  /** Data rows that are not blank. */
  maxRows: number;
  /** Cells that are not empty, the header's included. */
  maxCells: number;
  /** Row errors listed in an answer; the others are only counted. */
  maxErrors: number;
}

export const spreadsheetTooLarge = (detail: string) =>
  new DomainError('SPREADSHEET_TOO_LARGE', 'unprocessable', detail);

export const tooManyRows = (limit: number) =>
  new DomainError(
    'TOO_MANY_ROWS',
    'unprocessable',
    `The file has more than ${limit} data rows; split it into smaller files.`,
    { limit },
  );

export const tooManyCells = (limit: number) =>
  new DomainError(
    'TOO_MANY_CELLS',
    'unprocessable',
    `The file has more than ${limit} non-empty cells; split it into smaller files.`,
    { limit },
  );

export const unreadable = (message: string) =>
  new DomainError('IMPORT_UNREADABLE', 'invalid', message);
