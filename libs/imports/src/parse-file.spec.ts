import ExcelJS from 'exceljs';
import { sheetXml, xlsxWorkbook } from '../../../test/support/spreadsheets';
import type { ImportKind } from './columns';
import type { ImportLimits } from './limits';
import { parseFile, ParseMessage } from './parse-file';
import type { ParsedRow } from './rows';

const LIMITS: ImportLimits = {
  maxUnzippedBytes: 1024 * 1024,
  maxRows: 1000,
  maxCells: 20_000,
  maxErrors: 1000,
};

async function parse(
  file: Buffer | string,
  filename: string,
  limits: Partial<ImportLimits> = {},
  kind: ImportKind = 'positions',
) {
  const messages: ParseMessage[] = [];
  await parseFile(
    { kind, file: Buffer.from(file), filename, limits: { ...LIMITS, ...limits } },
    (message) => messages.push(message),
  );
  const rows: ParsedRow[] = messages.flatMap((message) =>
    message.type === 'rows' ? message.rows : [],
  );
  const last = messages[messages.length - 1];
  return { rows, last, outcome: last.type === 'refused' ? last.code : last.type };
}

const positionsCsv = (count: number, name = (i: number) => `Chức danh ${i}`) =>
  ['code,name', ...Array.from({ length: count }, (_, i) => `P-${i},${name(i)}`)].join('\n');

const positionsSheet = (count: number, padding = '') =>
  sheetXml(
    [['code', 'name'], ...Array.from({ length: count }, (_, i) => [`P-${i}`, `Chức danh ${i}`])],
    padding,
  );

describe('parseFile', () => {
  describe('workbooks that expand too far', () => {
    it('should refuse a workbook whose parts declare more than the limit', async () => {
      const bomb = xlsxWorkbook(positionsSheet(3, ' '.repeat(5_000_000)));
      expect(bomb.length).toBeLessThan(20_000);
      const { outcome, rows } = await parse(bomb, 'bomb.xlsx');
      expect(outcome).toBe('SPREADSHEET_TOO_LARGE');
      expect(rows).toEqual([]);
    });

    it('should stop inflating a part that expands beyond what its archive declares', async () => {
      const bomb = xlsxWorkbook(positionsSheet(3, ' '.repeat(5_000_000)), 1000);
      expect((await parse(bomb, 'bomb.xlsx')).outcome).toBe('SPREADSHEET_TOO_LARGE');
    });

    it('should read a workbook within the limit', async () => {
      const { outcome, rows } = await parse(xlsxWorkbook(positionsSheet(3, ' '.repeat(1000))), 'a');
      expect(outcome).toBe('done');
      expect(rows.map((row) => row.values)).toEqual([
        { code: 'P-0', name: 'Chức danh 0' },
        { code: 'P-1', name: 'Chức danh 1' },
        { code: 'P-2', name: 'Chức danh 2' },
      ]);
    });

    it('should call a file that is not a ZIP archive unreadable', async () => {
      const broken = xlsxWorkbook(positionsSheet(3)).subarray(0, 200);
      expect((await parse(broken, 'broken.xlsx')).outcome).toBe('IMPORT_UNREADABLE');
    });
  });

  describe('rows and cells', () => {
    it.each([
      ['CSV', 'p.csv', (n: number) => positionsCsv(n)],
      ['XLSX', 'p.xlsx', (n: number) => xlsxWorkbook(positionsSheet(n))],
    ])('should refuse a %s with more data rows than the limit', async (_format, name, file) => {
      expect((await parse(file(10), name, { maxRows: 10 })).outcome).toBe('done');
      expect((await parse(file(11), name, { maxRows: 10 })).outcome).toBe('TOO_MANY_ROWS');
    });

    it('should not count blank rows', async () => {
      const csv = `${positionsCsv(10)}\n,\n\n , \n`;
      expect((await parse(csv, 'p.csv', { maxRows: 10 })).outcome).toBe('done');
    });

    it('should refuse a file with more non-empty cells than the limit', async () => {
      expect((await parse(positionsCsv(9), 'p.csv', { maxCells: 20 })).outcome).toBe('done');
      expect((await parse(positionsCsv(10), 'p.csv', { maxCells: 20 })).outcome).toBe(
        'TOO_MANY_CELLS',
      );
    });

    it('should list the first errors in file order and count them all', async () => {
      const csv = ['code,name', ...Array.from({ length: 500 }, (_, i) => `bad code ${i},`)].join(
        '\n',
      );
      const { last } = await parse(csv, 'p.csv', { maxErrors: 7 });
      if (last.type !== 'done') throw new Error(`unexpected ${last.type}`);
      expect(last.errorCount).toBe(1000);
      expect(last.errors.map((error) => [error.row, error.column, error.code])).toEqual([
        [2, 'code', 'CODE_HAS_SPACES'],
        [2, 'name', 'REQUIRED'],
        [3, 'code', 'CODE_HAS_SPACES'],
        [3, 'name', 'REQUIRED'],
        [4, 'code', 'CODE_HAS_SPACES'],
        [4, 'name', 'REQUIRED'],
        [5, 'code', 'CODE_HAS_SPACES'],
      ]);
    });

    it('should hand rows on in batches', async () => {
      const messages: ParseMessage[] = [];
      await parseFile(
        {
          kind: 'positions',
          file: Buffer.from(positionsCsv(1200)),
          limits: { ...LIMITS, maxRows: 2000 },
        },
        (message) => messages.push(message),
      );
      expect(messages.map((message) => message.type)).toEqual(['rows', 'rows', 'rows', 'done']);
    });
  });

  describe('text', () => {
    it('should report a NUL character in a CSV cell as an error of its row', async () => {
      const { last } = await parse('code,name\nP-1,Trưởng\u0000phòng\nP-2,Phó\n', 'p.csv');
      expect(last).toMatchObject({
        type: 'done',
        errors: [{ row: 2, column: 'name', code: 'INVALID_TEXT' }],
        errorCount: 1,
      });
    });

    it('should report a NUL character in an XLSX cell (written _x0000_) as a row error', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Chức danh');
      sheet.addRow(['code', 'name']);
      sheet.addRow(['P-1', 'Trưởng_x0000_phòng']);
      sheet.addRow(['P-2', 'A_x005F_x0041_']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const { last, rows } = await parse(file, 'p.xlsx');
      expect(last).toMatchObject({
        type: 'done',
        errors: [{ row: 2, column: 'name', code: 'INVALID_TEXT' }],
      });
      expect(rows[1].values.name).toBe('A_x0041_');
    });

    it('should report half a surrogate pair (written _xD800_) as a row error', async () => {
      const file = xlsxWorkbook(
        sheetXml([
          ['code', 'name'],
          ['P-1', 'Phó_xD800_'],
        ]),
      );
      const { last } = await parse(file, 'p.xlsx');
      expect(last).toMatchObject({
        type: 'done',
        errors: [{ row: 2, column: 'name', code: 'INVALID_TEXT' }],
      });
    });

    it('should call a workbook whose XML is not UTF-8 unreadable', async () => {
      const xml = Buffer.from(
        sheetXml([
          ['code', 'name'],
          ['P-1', 'Ph@@'],
        ]),
      );
      const at = xml.indexOf('@@');
      xml[at] = 0xc3;
      xml[at + 1] = 0x28;
      expect((await parse(xlsxWorkbook(xml), 'p.xlsx')).outcome).toBe('IMPORT_UNREADABLE');
    });

    it('should store text in NFC whatever form the file has it in', async () => {
      const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
      const { rows } = await parse(`code,name\nP-1,${nfd}\n`, 'p.csv');
      expect(rows[0].values.name).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
    });

    it('should read Vietnamese text, shared strings and dates of a long workbook intact', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cán bộ');
      sheet.addRow(['Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị']);
      for (let i = 0; i < 3000; i++) {
        sheet.addRow([
          `S-${i}`,
          `Nguyễn Thị Ánh Tuyết ${i}`,
          new Date(Date.UTC(1985, 5, 15)),
          'nữ',
        ]);
      }
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const { rows, last } = await parse(file, 's.xlsx', { maxRows: 5000 }, 'staff');
      expect(last.type).toBe('done');
      expect(rows).toHaveLength(3000);
      for (const [i, row] of rows.entries()) {
        expect(row.values).toMatchObject({
          code: `S-${i}`,
          full_name: `Nguyễn Thị Ánh Tuyết ${i}`,
          birth_date: '1985-06-15',
          gender: 'female',
        });
      }
    });
  });
});
