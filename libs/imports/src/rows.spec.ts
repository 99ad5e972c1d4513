import { messageFor } from '@app/common';
import { IMPORT_COLUMNS } from './columns';
import { mapHeader, parseRows } from './rows';
import { readCsv } from './table';
import { resolveUnitPaths, TreeNode } from './unit-tree';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('import rows', () => {
  const staff = IMPORT_COLUMNS.staff;

  it('should map English keys and Vietnamese headers, and report unknown and missing columns', () => {
    const { columns, errors } = mapHeader(staff, [
      'MÃ CÁN BỘ',
      'full name',
      'Ngay sinh',
      'Sở thích',
      'code',
    ]);
    expect(columns.map((column) => column?.key ?? null)).toEqual([
      'code',
      'full_name',
      'birth_date',
      null,
      null,
    ]);
    expect(errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [1, 'Sở thích', 'UNKNOWN_COLUMN'],
      [1, 'code', 'DUPLICATE_COLUMN'],
      [1, 'gender', 'MISSING_COLUMN'],
      [1, 'unit_code', 'MISSING_COLUMN'],
      [1, 'authority_code', 'MISSING_COLUMN'],
    ]);
  });

  it('should report every bad row with spreadsheet row numbers, skipping blank lines', async () => {
    const table = await collect(
      readCsv(
        Buffer.from(
          '\uFEFFcode;full_name;birth_date;gender;unit_code;authority_code;language_level\n' +
            'S1;An;1985-01-01;nam;U;A;3\n' +
            '\n' +
            ';Bình;1985-01-01;nam;U;A;\n' +
            'S1;Chi;30/02/1985;nữ;U;A;9\n',
        ),
      ),
    );
    const parsed = parseRows(staff, table);
    expect(parsed.rows.map((row) => row.row)).toEqual([2, 4, 5]);
    expect(parsed.rows[0].values).toMatchObject({ code: 'S1', gender: 'male', language_level: 3 });
    expect(parsed.rows[1].values.language_level).toBeNull();
    expect(parsed.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [4, 'code', 'REQUIRED'],
      [5, 'birth_date', 'INVALID_DATE'],
      [5, 'language_level', 'OUT_OF_RANGE'],
      [5, 'code', 'DUPLICATE_CODE'],
    ]);
  });

  it('should give each row error what its message names, in both languages', async () => {
    const table = await collect(
      readCsv(
        Buffer.from(
          'code,full_name,birth_date,gender,unit_code,authority_code,language_level,colour\n' +
            'S 1,An,1985-01-01,nam,U,A,3,x,extra\n' +
            'S2,Bình,30/02/1985,robot,U,A,9\n' +
            'S2,Chi,1985-01-01,nữ,U,A,giỏi\n',
        ),
      ),
    );
    const said = (language: 'vi' | 'en') =>
      parseRows(staff, table).errors.map((error) => [
        error.code,
        messageFor(error.code, language, { ...error, ...error.params }),
      ]);
    expect(said('vi')).toEqual([
      ['UNKNOWN_COLUMN', expect.stringContaining('Cột "colour" không được nhận diện.')],
      ['COLUMN_WITHOUT_HEADER', expect.stringContaining('Cột thứ 9 có dữ liệu')],
      ['CODE_HAS_SPACES', 'Mã "S 1" không được chứa dấu cách.'],
      ['INVALID_DATE', expect.stringContaining('Ngày "30/02/1985" không hợp lệ.')],
      [
        'INVALID_VALUE',
        'Giá trị "robot" không hợp lệ; hãy dùng một trong: nam/m (male), nữ/f (female).',
      ],
      ['OUT_OF_RANGE', 'Giá trị 9 nằm ngoài khoảng cho phép 1–6.'],
      [
        'INVALID_VALUE',
        'Giá trị "giỏi" không hợp lệ; hãy dùng một trong: 1–6, A1, A2, B1, B2, C1, C2.',
      ],
      ['DUPLICATE_CODE', 'Mã S2 trùng với một dòng khác trong tệp (dòng 3).'],
    ]);
    expect(said('en')[2]).toEqual(['CODE_HAS_SPACES', 'The code "S 1" must not contain spaces.']);
  });

  it('should refuse a file that is not UTF-8', async () => {
    await expect(
      collect(readCsv(Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0x0a]))),
    ).rejects.toThrow(/UTF-8/);
  });
});

describe('resolveUnitPaths', () => {
  const node = (code: string, parentCode: string | null): [string, TreeNode] => [
    code,
    { id: `id-${code}`, code, parentCode },
  ];

  it('should resolve parents defined later and whole subtrees', () => {
    const nodes = new Map([node('C', 'B'), node('B', 'A'), node('A', null), node('D', 'C')]);
    const { paths, errors } = resolveUnitPaths(
      nodes,
      new Map([
        ['C', 2],
        ['B', 3],
      ]),
    );
    expect(errors).toEqual([]);
    expect(paths.get('D')).toBe('/id-A/id-B/id-C/id-D/');
    expect(paths.get('A')).toBe('/id-A/');
  });

  it('should report cycles and unknown parents on the rows that set them', () => {
    const nodes = new Map([
      node('A', 'B'),
      node('B', 'A'),
      node('C', 'A'),
      node('E', 'X'),
      node('S', 'S'),
    ]);
    const rows = new Map([
      ['A', 2],
      ['B', 3],
      ['C', 4],
      ['E', 5],
      ['S', 6],
    ]);
    const { paths, errors } = resolveUnitPaths(nodes, rows);
    expect(errors.map((error) => [error.row, error.code]).sort()).toEqual([
      [2, 'PARENT_CYCLE'],
      [3, 'PARENT_CYCLE'],
      [5, 'UNKNOWN_PARENT'],
      [6, 'PARENT_CYCLE'],
    ]);
    expect(paths.size).toBe(0);
  });
});
