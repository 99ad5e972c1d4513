import { DomainError, DomainErrorCode, ErrorKind } from '@app/common/errors';
import { IMPORT_COLUMNS, ImportKind } from './columns';
import { ImportLimits, tooManyCells, tooManyRows } from './limits';
import { ImportRowError, ParsedRow, RowChecker } from './rows';
import { readTable } from './table';
import { isBlank } from './values';

type Details = DomainError['details'];

export interface ParseRequest {
  kind: ImportKind;
  file: Uint8Array;
  filename?: string;
  limits: ImportLimits;
}

/** What parsing reports as it goes: checked rows in batches, then how it ended. */
export type ParseMessage =
  | { type: 'rows'; rows: ParsedRow[] }
  | { type: 'done'; columns: string[]; errors: ImportRowError[]; errorCount: number }
  | { type: 'refused'; code: DomainErrorCode; kind: ErrorKind; message: string; details: Details }
  | { type: 'failed'; message: string };

/** Rows per message: small enough that receiving one never holds up the receiver. */
const BATCH = 500;

/**
 * Reads and checks a file against the limits, handing rows on in batches as it goes. A
 * limit passed ends the parse at once with its code; so does an unreadable file.
 */
export async function parseFile(
  request: ParseRequest,
  send: (message: ParseMessage) => void,
): Promise<void> {
  const { limits } = request;
  const buffer = Buffer.from(request.file.buffer, request.file.byteOffset, request.file.byteLength);
  const checker = new RowChecker(IMPORT_COLUMNS[request.kind], limits.maxErrors);
  let rows = 0;
  let cells = 0;
  try {
    for await (const row of readTable(buffer, request.filename, limits)) {
      const filled = row.cells.filter((cell) => !isBlank(cell ?? null)).length;
      cells += filled;
      if (cells > limits.maxCells) throw tooManyCells(limits.maxCells);
      if (row.row > 1 && filled > 0 && ++rows > limits.maxRows) throw tooManyRows(limits.maxRows);
      checker.add(row);
      if (checker.done) break;
      if (checker.pending >= BATCH) send({ type: 'rows', rows: checker.takeRows() });
    }
  } catch (error) {
    if (error instanceof DomainError) {
      send({
        type: 'refused',
        code: error.code,
        kind: error.kind,
        message: error.message,
        details: error.details,
      });
    } else send({ type: 'failed', message: (error as Error).message });
    return;
  }
  send({ type: 'rows', rows: checker.takeRows() });
  send({
    type: 'done',
    columns: checker.columnKeys,
    errors: checker.errors.listed,
    errorCount: checker.errors.total,
  });
}
