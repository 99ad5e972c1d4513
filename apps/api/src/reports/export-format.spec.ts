import { columns, ReportResult } from '@app/reports';
import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { exportFormat, renderReport } from './export-format';

interface Row {
  unit: string;
  count: number;
  amount: string;
  share: number;
  day: string;
}

const report: ReportResult = {
  name: 'thu-nghiem',
  json: { ok: true },
  tables: [
    {
      name: 'units',
      title: 'Đơn vị',
      columns: columns<Row>(
        { key: 'unit', header: 'Đơn vị', type: 'text' },
        { key: 'count', header: 'Số lượt', type: 'integer' },
        { key: 'amount', header: 'Kinh phí (đồng)', type: 'money' },
        { key: 'share', header: 'Tỷ lệ (%)', type: 'percent' },
        { key: 'day', header: 'Ngày', type: 'date' },
      ),
      rows: [
        {
          unit: 'Phường An Hòa, "Ninh Kiều"',
          count: 564,
          amount: '214000000000',
          share: 81.23,
          day: '2020-12-31',
        },
        { unit: '=SUM(A1)', count: 1, amount: '123456789012345678', share: 0, day: '2021-01-01' },
      ],
    },
  ],
};

async function bytes(result: unknown): Promise<Buffer> {
  const stream = (result as StreamableFile).getStream() as Readable;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('report exports', () => {
  it('chooses the format from ?format= first, then Accept, else JSON', () => {
    expect(exportFormat('csv', 'application/json')).toBe('csv');
    expect(exportFormat(undefined, 'text/csv')).toBe('csv');
    expect(
      exportFormat(undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).toBe('xlsx');
    expect(exportFormat(undefined, undefined)).toBe('json');
    expect(() => exportFormat('pdf', undefined)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('writes CSV as UTF-8 with a BOM, quoted where needed, formulas neutralised', async () => {
    const text = (await bytes(renderReport(report, 'csv'))).toString('utf8');
    expect(text.startsWith('\uFEFFĐơn vị,Số lượt,Kinh phí (đồng),Tỷ lệ (%),Ngày\r\n')).toBe(true);
    expect(text).toContain('"Phường An Hòa, ""Ninh Kiều""",564,214000000000,81.23,2020-12-31\r\n');
    expect(text).toContain("'=SUM(A1),1,123456789012345678,0,2021-01-01");
  });

  it('writes a real workbook with typed cells and Vietnamese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(renderReport(report, 'xlsx'))) as never);
    const sheet = workbook.getWorksheet('Đơn vị')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Đơn vị',
      'Số lượt',
      'Kinh phí (đồng)',
      'Tỷ lệ (%)',
      'Ngày',
    ]);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Phường An Hòa, "Ninh Kiều"');
    expect(first.getCell(2).value).toBe(564);
    expect(first.getCell(3).value).toBe(214_000_000_000);
    expect(first.getCell(4).value).toBe(81.23);
    expect(first.getCell(5).value).toEqual(new Date('2020-12-31T00:00:00Z'));
    // Beyond 2^53 a number cell would round: the exact digits are kept as text.
    expect(sheet.getRow(3).getCell(3).value).toBe('123456789012345678');
  });

  it('writes yes/no cells as words in the file’s language, never true/false', async () => {
    const flags = (language?: 'vi' | 'en'): ReportResult => ({
      name: 'flags',
      language,
      json: {},
      tables: [
        {
          name: 'flags',
          title: 'Cờ',
          columns: columns<{ flag: boolean }>({ key: 'flag', header: 'Có con', type: 'boolean' }),
          rows: [{ flag: true }, { flag: false }],
        },
      ],
    });
    const vi = (await bytes(renderReport(flags(), 'csv'))).toString('utf8');
    expect(vi).toBe('\uFEFFCó con\r\nCó\r\nKhông\r\n');
    const en = (await bytes(renderReport(flags('en'), 'csv'))).toString('utf8');
    expect(en).toBe('\uFEFFCó con\r\nYes\r\nNo\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(renderReport(flags(), 'xlsx'))) as never);
    const sheet = workbook.getWorksheet('Cờ')!;
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value]).toEqual([
      'Có',
      'Không',
    ]);
  });
});
