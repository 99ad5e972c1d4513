import { DomainError } from '@app/common';
import { BOOLEAN_WORDS, ColumnType, ReportResult, ReportTable } from '@app/reports';
import { createParamDecorator, ExecutionContext, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The request's Accept header, for lists that also export: unlike `@Headers('accept')` it
 * does not make the header a required parameter of the typed client.
 */
export const AcceptHeader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers
      .accept,
);

/** `?format=` wins; otherwise the Accept header; otherwise JSON. */
export function exportFormat(format: string | undefined, accept: string | undefined): ExportFormat {
  if (format !== undefined) {
    if (format === 'json' || format === 'csv' || format === 'xlsx') return format;
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors: [{ field: 'format', message: 'format must be json, csv or xlsx', code: 'IS_IN' }],
    });
  }
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes(XLSX_MEDIA_TYPE)) return 'xlsx';
  if (wanted.includes('text/csv')) return 'csv';
  return 'json';
}

/**
 * The report in the chosen format. JSON is the report's own body; CSV is one table (`table`
 * names it, default the first) as UTF-8 with a BOM; XLSX is a workbook with a sheet per
 * table. CSV and XLSX stream row by row.
 */
export function renderReport(
  report: ReportResult,
  format: ExportFormat,
  tableName?: string,
): unknown {
  if (format === 'json') return report.json;
  if (format === 'csv') {
    const table = tableName
      ? report.tables.find((candidate) => candidate.name === tableName)
      : report.tables[0];
    if (!table) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
        errors: [
          {
            field: 'table',
            message: `table must be one of ${report.tables.map((t) => t.name).join(', ')}`,
            code: 'IS_IN',
          },
        ],
      });
    }
    const name = report.tables.length > 1 ? `${report.name}-${table.name}` : report.name;
    const words = BOOLEAN_WORDS[report.language ?? 'vi'];
    return new StreamableFile(Readable.from(csvLines(table, words)), {
      type: 'text/csv; charset=utf-8',
      disposition: attachment(`${name}.csv`),
    });
  }
  return new StreamableFile(xlsxStream(report.tables, BOOLEAN_WORDS[report.language ?? 'vi']), {
    type: XLSX_MEDIA_TYPE,
    disposition: attachment(`${report.name}.xlsx`),
  });
}

const attachment = (file: string) =>
  `attachment; filename="${file.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`;

type Words = { yes: string; no: string };

async function* csvLines(table: ReportTable, words: Words): AsyncIterable<string> {
  // The BOM makes spreadsheet programs read the file as UTF-8 (Vietnamese diacritics).
  yield '\uFEFF' + table.columns.map((column) => csvCell(column.header)).join(',') + '\r\n';
  for await (const row of table.rows) {
    yield (
      table.columns
        .map((column) => csvCell(csvValue(row[column.key], column.type, words)))
        .join(',') + '\r\n'
    );
  }
}

function csvValue(value: unknown, type: ColumnType, words: Words): string {
  if (value === null || value === undefined) return '';
  if (type === 'boolean') return value ? words.yes : words.no;
  return String(value);
}

function csvCell(text: string): string {
  // Quoted when needed; a leading =, +, - or @ is prefixed so no spreadsheet runs it.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NUMBER_FORMAT: Partial<Record<ColumnType, string>> = {
  integer: '#,##0',
  money: '#,##0',
  percent: '0.00',
  ratio: '0.00',
  date: 'dd/mm/yyyy',
};

function xlsxStream(tables: ReportTable[], words: Words): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  (async () => {
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = table.columns.map((column) => ({
        header: column.header,
        key: column.key,
        width: Math.max(12, Math.min(40, column.header.length + 2)),
        style: NUMBER_FORMAT[column.type] ? { numFmt: NUMBER_FORMAT[column.type] } : {},
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const row of table.rows) {
        sheet
          .addRow(
            Object.fromEntries(
              table.columns.map((column) => [
                column.key,
                xlsxValue(row[column.key], column.type, words),
              ]),
            ),
          )
          .commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: Error) => output.destroy(error));
  return output;
}

function xlsxValue(value: unknown, type: ColumnType, words: Words): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'money': {
      // A number cell when exact; beyond 2^53 a spreadsheet number would round, so text.
      const amount = BigInt(value as string);
      return amount <= BigInt(Number.MAX_SAFE_INTEGER) && amount >= -BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(amount)
        : amount.toString();
    }
    case 'integer':
    case 'percent':
    case 'ratio':
      return Number(value);
    case 'date':
      return new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
    case 'boolean':
      return value ? words.yes : words.no;
    default:
      return String(value);
  }
}
