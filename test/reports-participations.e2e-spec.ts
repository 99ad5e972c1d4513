import { ParticipationsExportService } from '@app/reports';
import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { insertIntake, insertProgram } from './support/nomination-fixture';

type Org = Awaited<ReturnType<typeof seedOrganizationFixture>>;

/**
 * The participations list: every line of the period, streamed page by page into CSV and
 * XLSX, within the caller's scope.
 */
describe('participations list export', () => {
  let stack: TestStack;
  let org: Org;
  let db: DataSource;
  let startsOn: string;
  let period: string;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    const program = await insertProgram(db);
    const intake = await insertIntake(db, program, 'CNKT-LIST-1', 500);
    [{ startsOn }] = await db.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn" FROM intakes WHERE id = $1`,
      [intake],
    );
    period = `from=${startsOn.slice(0, 4)}-01-01&to=${startsOn.slice(0, 4)}-12-31`;
    // 23 lines in district A (commune A), 4 in district B, and 5 drafts (not listed). A person
    // holds one active nomination per intake: each line nominates a colleague of `staff`.
    const insert = async (
      staff: string,
      unit: string,
      status: string,
      count: number,
      prefix: string,
    ) => {
      const [like] = await db.query(
        `SELECT unit_id AS "unitId", authority_id AS "authorityId", full_name AS "fullName"
           FROM staff WHERE id = $1`,
        [staff],
      );
      const people: string[] = [];
      for (let i = 0; i < count; i++) people.push(await org.factory.staff(like));
      await db.query(
        `INSERT INTO nominations (reference, nominee_staff_id, intake_id, nominating_unit_id,
                                  nominator_user_id, target_group, justification, estimated_cost, status)
         SELECT $6 || lpad(g::text, 4, '0'), ($1::uuid[])[g], $2, $3, $4, 3, 'Cử đi bồi dưỡng', 9007199254740993, $5
           FROM generate_series(1, $7::int) g`,
        [people, intake, unit, org.users.unitHeadA, status, prefix, count],
      );
    };
    await insert(org.staff.staffA2, org.units.districtA, 'completed', 15, 'DT-A-C-');
    await insert(org.staff.staffA2, org.units.districtA, 'approved', 8, 'DT-A-P-');
    await insert(org.staff.staffB, org.units.districtB, 'in_training', 4, 'DT-B-T-');
    await insert(org.staff.staffA2, org.units.districtA, 'draft', 5, 'DT-A-D-');
  });
  afterAll(() => stack.close());

  const raw = (path: string, who: string) =>
    fetch(`${stack.http.baseUrl}${path}`, { headers: bearer(org.tokens[who as 'admin']) });

  it('answers the count and the first lines as JSON', async () => {
    const response = await stack.http.get(
      `/api/v1/reports/participations?${period}`,
      bearer(org.tokens.admin),
    );
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(27);
    expect(response.body.firstLines).toHaveLength(27);
    expect(response.body.firstLines[0]).toMatchObject({
      nomineeName: expect.any(String),
      programName: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
      startsOn,
      estimatedCost: '9007199254740993',
    });
  });

  it('streams every line as CSV across pages, in the caller’s scope', async () => {
    // Pages of 5, so the 23 lines of district A take five pages.
    const service = stack.api.get(ParticipationsExportService);
    const list = service.list.bind(service);
    jest.spyOn(service, 'list').mockImplementation((ctx, filter) => list(ctx, filter, 5));
    try {
      const response = await raw(
        `/api/v1/reports/participations?${period}&format=csv`,
        'unitHeadA',
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(
        'Số hồ sơ,Mã cán bộ,Họ và tên,Đơn vị,Cấp,Chương trình,Loại hình đào tạo,Cơ sở đào tạo,' +
          'Trong nước/Nước ngoài,Ngày khai giảng,Trạng thái,Giới tính,Dân tộc thiểu số,Tuổi,Kinh phí dự kiến (đồng),' +
          'Nhập từ lịch sử,Số quyết định,Mã quỹ,Đơn vị quản lý quỹ,Nguồn kinh phí',
      );
      expect(lines).toHaveLength(1 + 23);
      expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(23);
      expect(lines.slice(1).every((line) => line.includes('Trần Thị Bích'))).toBe(true);
      expect(lines.filter((line) => line.includes('Đã hoàn thành'))).toHaveLength(15);
      expect(lines[1]).toContain(',Không,');
      expect(lines[1].endsWith(',9007199254740993,Không,,,,')).toBe(true);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('writes every line to a real workbook', async () => {
    const response = await raw(`/api/v1/reports/participations?${period}&format=xlsx`, 'admin');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Danh sách lượt đào tạo')!;
    expect(sheet.rowCount).toBe(1 + 27);
    expect(sheet.getRow(1).getCell(3).value).toBe('Họ và tên');
    const row = sheet.getRow(2);
    expect(row.getCell(10).value).toEqual(new Date(`${startsOn}T00:00:00Z`));
    expect(typeof row.getCell(14).value).toBe('number');
    // Beyond 2^53: the exact digits, as text.
    expect(row.getCell(15).value).toBe('9007199254740993');
  });

  it('lists only the caller’s own participations for a staff user, and none for another district', async () => {
    const own = await stack.http.get(
      `/api/v1/reports/participations?${period}`,
      bearer(org.tokens.staffA),
    );
    expect(own.body.total).toBe(0);
    const other = await stack.http.get(
      `/api/v1/reports/participations?${period}&unitId=${org.units.districtB}`,
      bearer(org.tokens.unitHeadA),
    );
    expect(other.body.total).toBe(0);
  });
});
