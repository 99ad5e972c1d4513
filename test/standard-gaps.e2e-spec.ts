import { StandardGapsReportService } from '@app/reports';
import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';

type Org = Awaited<ReturnType<typeof seedOrganizationFixture>>;

/**
 * Everyone below the standard of their current or planned post, in the caller's scope:
 * one paged list and its CSV / XLSX exports.
 */
describe('standard gaps across the unit', () => {
  let stack: TestStack;
  let org: Org;
  let db: DataSource;
  let plannedA2: string;
  let belowB: string;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    // staffA holds the leader post with political theory 2 of 3 (a current gap, by the
    // fixture). staffA2 (commune A) is planned for it with no political theory at all.
    plannedA2 = org.staff.staffA2;
    await db.query(
      `INSERT INTO planning_pool_entries (staff_id, position_id, period_from, period_to)
       VALUES ($1, $2, 2025, 2030)`,
      [plannedA2, org.positions.leader],
    );
    // Meets it: not listed. Retired: not counted. District B: out of unit head A's scope.
    await org.factory.staff({
      unitId: org.units.districtA,
      authorityId: org.authorities.authorityA,
      positionId: org.positions.leader,
      fullName: 'Đạt Chuẩn Rồi',
      educationLevel: 4,
      politicalTheory: 3,
    });
    const retired = await org.factory.staff({
      unitId: org.units.communeA,
      authorityId: org.authorities.authorityA,
      positionId: org.positions.leader,
      fullName: 'Đã Nghỉ Hưu',
    });
    await db.query(`UPDATE staff SET employment_status = 'retired' WHERE id = $1`, [retired]);
    belowB = await org.factory.staff({
      unitId: org.units.communeB,
      authorityId: org.authorities.authorityB,
      positionId: org.positions.leader,
      fullName: 'Huỳnh Thị Ánh',
      educationLevel: 2,
      politicalTheory: 1,
    });
  });
  afterAll(() => stack.close());

  const get = (path: string, who: keyof Org['tokens']) =>
    stack.http.get(`/api/v1/staff/standard-gaps${path}`, bearer(org.tokens[who]));
  const raw = (path: string, who: keyof Org['tokens']) =>
    fetch(`${stack.http.baseUrl}/api/v1/staff/standard-gaps${path}`, {
      headers: bearer(org.tokens[who]),
    });
  const ids = (body: { items: Array<{ staffId: string; target: string }> }) =>
    body.items.map((item) => `${item.staffId}:${item.target}`).sort();

  it('should list the unit head’s own subtree only, current and planned, with what is lacking', async () => {
    const response = await get('', 'unitHeadA');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(ids(response.body)).toEqual(
      [`${org.staff.staffA}:current`, `${plannedA2}:planned`].sort(),
    );
    const planned = response.body.items.find(
      (item: { target: string }) => item.target === 'planned',
    );
    expect(planned).toMatchObject({
      fullName: 'Trần Thị Bích',
      unitName: 'Phường An Hòa',
      position: { id: org.positions.leader, name: 'Phó Chủ tịch UBND' },
      periodFrom: 2025,
      periodTo: 2030,
      gaps: [
        {
          requirement: 'political_theory',
          required: 3,
          actual: 0,
          requiredName: 'advanced',
          actualName: 'none',
        },
      ],
    });
  });

  it('should give the same gaps as the per-person endpoint', async () => {
    const single = await stack.http.get(
      `/api/v1/staff/${org.staff.staffA}/standard-gaps`,
      bearer(org.tokens.unitHeadA),
    );
    const list = await get('?target=current', 'unitHeadA');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].gaps).toEqual(single.body.current.gaps);
  });

  it('should see every district as admin, and filter by unit subtree, target and requirement', async () => {
    const all = await get('', 'admin');
    expect(ids(all.body)).toEqual(
      [`${org.staff.staffA}:current`, `${plannedA2}:planned`, `${belowB}:current`].sort(),
    );
    expect(ids((await get(`?unitId=${org.units.districtB}`, 'admin')).body)).toEqual([
      `${belowB}:current`,
    ]);
    expect(ids((await get(`?unitId=${org.units.communeA}`, 'unitHeadA')).body)).toEqual([
      `${plannedA2}:planned`,
    ]);
    expect((await get('?target=planned', 'admin')).body.total).toBe(1);
    expect(ids((await get('?requirement=education', 'admin')).body)).toEqual([`${belowB}:current`]);
  });

  it('should page the lines', async () => {
    const first = await get('?page=1&pageSize=2', 'admin');
    const second = await get('?page=2&pageSize=2', 'admin');
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].staffId).not.toBe(first.body.items[1].staffId);
  });

  it('should answer 404 for a unit out of the caller’s scope', async () => {
    const response = await get(`?unitId=${org.units.districtB}`, 'unitHeadA');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('UNIT_NOT_FOUND');
    const missing = await get('?unitId=00000000-0000-4000-8000-000000000000', 'admin');
    expect(missing.status).toBe(404);
  });

  it.each([
    '?page=0',
    '?pageSize=501',
    '?page=abc',
    '?target=someday',
    '?requirement=height',
    '?unitId=not-a-uuid',
    '?format=pdf',
    '?unknown=1',
  ])('should refuse bad input %s with 400', async (query) => {
    const response = await get(query, 'admin');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('should show plain staff only their own lines', async () => {
    const response = await get('', 'staffA');
    expect(ids(response.body)).toEqual([`${org.staff.staffA}:current`]);
  });

  it('should export CSV with a BOM, diacritics and Có/Không, across pages', async () => {
    const service = stack.api.get(StandardGapsReportService);
    const list = service.list.bind(service);
    jest.spyOn(service, 'list').mockImplementation((ctx, filter) => list(ctx, filter, 1));
    try {
      const response = await raw('?format=csv', 'admin');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(
        'Mã cán bộ,Họ và tên,Đơn vị,Chuẩn theo,Chức vụ,Giai đoạn quy hoạch,' +
          'Thiếu trình độ chuyên môn,Thiếu lý luận chính trị,Thiếu bồi dưỡng QLNN,Thiếu ngoại ngữ,Chi tiết',
      );
      expect(lines).toHaveLength(1 + 3);
      const bich = lines.find((line) => line.includes('Trần Thị Bích'))!;
      expect(bich).toContain(
        ',Phường An Hòa,Quy hoạch,Phó Chủ tịch UBND,2025–2030,Không,Có,Không,Không,' +
          '"Lý luận chính trị: chưa có, cần Cao cấp"',
      );
      const anh = lines.find((line) => line.includes('Huỳnh Thị Ánh'))!;
      expect(anh).toContain(',Chức vụ hiện tại,Phó Chủ tịch UBND,,Có,Có,Không,Không,');
      expect(anh).toContain('Trình độ chuyên môn: có Cao đẳng, cần Đại học');
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('should export XLSX by Accept header, in the unit head’s scope', async () => {
    const response = await fetch(`${stack.http.baseUrl}/api/v1/staff/standard-gaps`, {
      headers: {
        ...bearer(org.tokens.unitHeadA),
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Chưa đạt chuẩn')!;
    expect(sheet.rowCount).toBe(1 + 2);
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên');
    const names = [2, 3].map((row) => sheet.getRow(row).getCell(2).value);
    expect(names.sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    expect(sheet.getRow(2).getCell(8).value).toBe('Có');
  });
});
