import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { insertProgram } from './support/nomination-fixture';

/**
 * Training history from before the product: past participations and compliance figures,
 * imported all or nothing, marked as imported, and counted by every report of their years.
 */
describe('Import of training history', () => {
  let stack: TestStack;
  let fx: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  let db: DataSource;
  const codes: Record<string, string> = {};

  const upload = async (
    kind: string,
    content: string | Buffer,
    filename: string,
    token?: string,
    query = '',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(content))]), filename);
    const response = await fetch(`${stack.http.baseUrl}/api/v1/imports/${kind}${query}`, {
      method: 'POST',
      body: form,
      headers: token ? bearer(token) : {},
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  };
  const count = async (sql: string) => Number((await db.query(sql))[0].n);
  const codeOf = async (table: string, id: string) =>
    (await db.query(`SELECT code FROM ${table} WHERE id = $1`, [id]))[0].code as string;

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    for (const [name, id] of Object.entries(fx.units)) codes[name] = await codeOf('units', id);
    for (const [name, id] of Object.entries(fx.staff)) codes[name] = await codeOf('staff', id);
    await insertProgram(db, { provider: 'HV-CTQG', program: 'CCLL-2014' });
    await db.query(
      `UPDATE programs SET category = 'political_theory_advanced' WHERE code = 'CCLL-2014'`,
    );
    await db.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, allocated)
       VALUES ('NS-2015-CT', 'Ngân sách đào tạo 2015', 2015, $1, 'state_budget', 0)`,
      [fx.units.city],
    );
  });
  afterAll(() => stack.close());

  const header =
    'Mã cán bộ,Mã chương trình,Loại hình đào tạo,Ngày bắt đầu,Ngày kết thúc,Mã cơ sở đào tạo,' +
    'Cơ sở đào tạo,Trong nước/Nước ngoài,Kinh phí,Mã quỹ,Nguồn kinh phí,Kết quả';
  const goodCsv = () =>
    [
      header,
      // Vietnamese labels, any case or diacritics.
      `${codes.staffA},,THẠC SĨ,01/09/2013,30/06/2015,,Học viện Hành chính Quốc gia,trong nuoc,"45.000.000",,Ngân sách nhà nước,Hoàn thành`,
      `${codes.staffA},CCLL-2014,,2014-03-01,2015-03-01,,,,12000000,NS-2015-CT,,hoàn thành`,
      `${codes.staffA2},,Trung cấp lý luận chính trị,2016-02-15,2016-12-20,HV-CTQG,,,0,,,đã hoàn thành`,
      `${codes.staffB},,tin hoc,2018-05-02,2018-05-30,,Trường Đại học Cần Thơ,,3500000,,tài trợ,hoàn thành`,
      `${codes.staffB},,Bồi dưỡng kỹ năng lãnh đạo quản lý,2019-04-01,2019-04-20,,,nước ngoài,,,,không hoàn thành`,
    ].join('\n');

  describe('participations', () => {
    it('should refuse finance, board members and staff with 403, and unit heads for compliance', async () => {
      for (const token of [fx.tokens.financeA, fx.tokens.memberCity, fx.tokens.staffA]) {
        expect((await upload('participations', `${header}\n`, 'p.csv', token)).status).toBe(403);
      }
      const compliance = await upload('compliance', 'unit_code\n', 'c.csv', fx.tokens.unitHeadA);
      expect(compliance.status).toBe(403);
    });

    it('should check and count on a dry run but write nothing', async () => {
      const response = await upload(
        'participations',
        goodCsv(),
        'history.csv',
        fx.tokens.admin,
        '?dryRun=true',
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: true,
        created: 5,
        updated: 0,
        unchanged: 0,
        rows: 5,
      });
      expect(await count('SELECT count(*)::int AS n FROM imported_participations')).toBe(0);
    });

    it('should import a CSV, mark the facts imported and leave the funds alone', async () => {
      const response = await upload('participations', goodCsv(), 'history.csv', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: false,
        created: 5,
        updated: 0,
        unchanged: 0,
        rows: 5,
      });
      const rows = await db.query(
        `SELECT s.code, ip.category, ip.starts_on::text, ip.ends_on::text, ip.provider_name,
                ip.overseas, ip.cost::text, ip.funding_source, ip.completed,
                pr.code AS provider_code
           FROM imported_participations ip JOIN staff s ON s.id = ip.staff_id
           LEFT JOIN providers pr ON pr.id = ip.provider_id
          ORDER BY ip.starts_on`,
      );
      expect(rows[0]).toMatchObject({
        code: codes.staffA,
        category: 'degree_master',
        starts_on: '2013-09-01',
        provider_name: 'Học viện Hành chính Quốc gia',
        cost: '45000000',
        funding_source: 'state_budget',
        completed: true,
      });
      // The programme gives the category and the provider; the fund gives the source.
      expect(rows[1]).toMatchObject({
        category: 'political_theory_advanced',
        provider_code: 'HV-CTQG',
        funding_source: 'state_budget',
      });
      expect(rows[4]).toMatchObject({ overseas: true, completed: false, cost: null });
      // Completed ones are facts of the reports; the not completed one is not.
      expect(
        await count(
          `SELECT count(*)::int AS n FROM training_participations WHERE source = 'imported'`,
        ),
      ).toBe(4);
      const [fund] = await db.query(
        `SELECT spent::text, reserved::text FROM funds WHERE code = 'NS-2015-CT'`,
      );
      expect(fund).toEqual({ spent: '0', reserved: '0' });
      expect(
        await count(`SELECT count(*)::int AS n FROM fund_ledger l JOIN funds f ON f.id = l.fund_id
                      WHERE f.code = 'NS-2015-CT'`),
      ).toBe(0);
    });

    it('should change nothing when the same file is imported again, and update a changed row', async () => {
      const again = await upload('participations', goodCsv(), 'history.csv', fx.tokens.admin);
      expect(again.body).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 5, rows: 5 });
      const changed = await upload(
        'participations',
        goodCsv().replace('3500000', '3600000'),
        'history.csv',
        fx.tokens.admin,
      );
      expect(changed.body).toEqual({
        dryRun: false,
        created: 0,
        updated: 1,
        unchanged: 4,
        rows: 5,
      });
    });

    it('should import an XLSX with date cells and diacritics', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Lịch sử');
      sheet.addRow([
        'MÃ CÁN BỘ',
        'loại hình đào tạo',
        'Ngày bắt đầu',
        'Ngày kết thúc',
        'Kết quả',
        'Kinh phí',
        'Nguồn kinh phí',
      ]);
      sheet.addRow([
        codes.staffCity,
        'Cập nhật kiến thức',
        new Date(Date.UTC(2012, 9, 1)),
        new Date(Date.UTC(2012, 9, 5)),
        'Hoàn thành',
        2500000,
        'Học bổng',
      ]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload('participations', buffer, 'history.xlsx', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 1 });
      const [row] = await db.query(
        `SELECT category, starts_on::text, cost::text, funding_source FROM imported_participations
          WHERE starts_on = '2012-10-01'`,
      );
      expect(row).toEqual({
        category: 'knowledge_update',
        starts_on: '2012-10-01',
        cost: '2500000',
        funding_source: 'scholarship',
      });
    });

    it('should list every bad row with 422 and write nothing', async () => {
      const before = await count('SELECT count(*)::int AS n FROM imported_participations');
      const csv = [
        header,
        `NO-SUCH-STAFF,,Đại học,2015-01-01,2015-06-01,,,,,,,hoàn thành`,
        `${codes.staffA},,Đại học,2015-06-01,2015-01-01,,,,,,,hoàn thành`,
        `${codes.staffA},,Đại học,2016-01-01,2016-02-01,,,,-5000,,Ngân sách,hoàn thành`,
        `${codes.staffA},,Đại học,2017-01-01,2017-02-01,,,,1500.5,,Ngân sách,hoàn thành`,
        `${codes.staffA},,Khoá học lạ,2018-01-01,2018-02-01,,,,,,,hoàn thành`,
        // A good row: nothing is written since others are bad.
        `${codes.staffA2},,Tin học,2019-01-01,2019-02-01,,,,,,,hoàn thành`,
      ].join('\n');
      const response = await upload('participations', csv, 'bad.csv', fx.tokens.admin);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('IMPORT_INVALID');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'staff_code', code: 'UNKNOWN_STAFF' }),
        expect.objectContaining({ row: 3, column: 'ends_on', code: 'END_BEFORE_START' }),
        expect.objectContaining({ row: 4, column: 'cost', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 5, column: 'cost', code: 'INVALID_VALUE' }),
        expect.objectContaining({ row: 6, column: 'category', code: 'INVALID_VALUE' }),
      ]);
      // The unknown label names the accepted ones.
      expect(response.body.errors[4].message).toContain('political_theory_advanced');
      expect(response.body.errors[4].message).toContain('Thạc sĩ'.toLowerCase());
      expect(await count('SELECT count(*)::int AS n FROM imported_participations')).toBe(before);
    });

    it('should let a unit head import the history of staff in scope only', async () => {
      const csv = [
        'staff_code,category,starts_on,ends_on,outcome',
        `${codes.staffA2},foreign_language,2020-03-01,2020-06-01,completed`,
        `${codes.staffB},foreign_language,2020-03-01,2020-06-01,completed`,
      ].join('\n');
      const refused = await upload('participations', csv, 'scope.csv', fx.tokens.unitHeadA);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'staff_code', code: 'OUT_OF_SCOPE' }),
      ]);
      const own = csv.split('\n').slice(0, 2).join('\n');
      const accepted = await upload('participations', own, 'scope.csv', fx.tokens.unitHeadA);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ created: 1 });
    });
  });

  describe('compliance figures', () => {
    const complianceCsv = () =>
      [
        'Mã đơn vị,Ngày,Số cán bộ,Giữ chức danh,Đạt chuẩn,Đại học trở lên,LLCT trung cấp trở lên',
        `${codes.districtA},31/12/2014,40,30,21,28,15`,
        `${codes.districtB},31/12/2014,25,20,12,15,8`,
        `${codes.districtA},31/12/2018,42,32,27,35,22`,
      ].join('\n');

    it('should import past figures as snapshots marked imported, and again unchanged', async () => {
      const response = await upload('compliance', complianceCsv(), 'c.csv', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: false,
        created: 3,
        updated: 0,
        unchanged: 0,
        rows: 3,
      });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM compliance_snapshots WHERE source = 'imported'`,
        ),
      ).toBe(3);
      const again = await upload('compliance', complianceCsv(), 'c.csv', fx.tokens.admin);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const changed = await upload(
        'compliance',
        complianceCsv().replace('42,32,27', '42,32,28'),
        'c.csv',
        fx.tokens.admin,
      );
      expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    });

    it('should refuse parts larger than their whole, unknown units and future days', async () => {
      const csv = [
        'unit_code,date,staff,meeting_standard,university,political_theory',
        `${codes.districtA},2013-12-31,10,11,5,5`,
        `NO-UNIT,2013-12-31,10,5,5,5`,
        `${codes.districtA},2099-12-31,10,5,5,5`,
        `${codes.districtA},2012-12-31,10,-1,5,5`,
      ].join('\n');
      const response = await upload('compliance', csv, 'c.csv', fx.tokens.admin);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'meeting_standard', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 3, column: 'unit_code', code: 'UNKNOWN_UNIT' }),
        expect.objectContaining({ row: 4, column: 'date', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 5, column: 'meeting_standard', code: 'OUT_OF_RANGE' }),
      ]);
    });
  });

  describe('reports over the imported years', () => {
    it('should count imported participations in the training summary and headline, 2012–2022', async () => {
      const summary = await stack.http.get(
        '/api/v1/reports/training-summary?from=2012-01-01&to=2022-12-31',
        bearer(fx.tokens.admin),
      );
      expect(summary.status).toBe(200);
      // 4 completed from the CSV, 1 from the XLSX, 1 by the unit head.
      expect(summary.body.totals).toMatchObject({ completed: 6, imported: 6, total: 6 });
      expect(summary.body.rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ category: 'degree_master', year: 2013, imported: 1 }),
        ]),
      );
      expect(summary.body.byProvider).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            provider: expect.objectContaining({ name: 'Học viện Hành chính Quốc gia', code: '' }),
          }),
        ]),
      );
      const headline = await stack.http.get(
        '/api/v1/reports/training-headline?from=2012-01-01&to=2022-12-31',
        bearer(fx.tokens.admin),
      );
      const total = headline.body.lines.find((line: { key: string }) => line.key === 'total');
      expect(total).toMatchObject({ completed: 6, imported: 6 });
    });

    it('should keep the unit head to their subtree’s imported history', async () => {
      const summary = await stack.http.get(
        '/api/v1/reports/training-summary?from=2012-01-01&to=2022-12-31',
        bearer(fx.tokens.unitHeadB),
      );
      // Only staff B's completed course; the not completed one is no participation.
      expect(summary.body.totals).toMatchObject({ completed: 1, imported: 1 });
      const list = await stack.http.get(
        '/api/v1/reports/participations?from=2012-01-01&to=2022-12-31',
        bearer(fx.tokens.unitHeadA),
      );
      expect(list.body.total).toBe(4);
      expect(
        list.body.firstLines.every(
          (line: { nomineeCode: string }) => line.nomineeCode !== codes.staffB,
        ),
      ).toBe(true);
    });

    it('should mark imported lines in the participations export', async () => {
      const list = await stack.http.get(
        '/api/v1/reports/participations?from=2012-01-01&to=2022-12-31',
        bearer(fx.tokens.admin),
      );
      expect(list.body.total).toBe(6);
      expect(list.body.firstLines[0]).toMatchObject({
        reference: '',
        imported: true,
        startsOn: '2012-10-01',
        estimatedCost: '2500000',
      });
      const csv = await fetch(
        `${stack.http.baseUrl}/api/v1/reports/participations?from=2012-01-01&to=2022-12-31&format=csv`,
        { headers: bearer(fx.tokens.admin) },
      );
      const lines = (await csv.text()).trim().split('\r\n');
      // No cell of these lines holds a comma, so a plain split finds the column.
      const column = lines[0].split(',').indexOf('Nhập từ lịch sử');
      expect(column).toBeGreaterThan(0);
      expect(lines.slice(1).every((line) => line.split(',')[column] === 'Có')).toBe(true);
    });

    it('should count imported costs as spent in their year, by owner tier and source', async () => {
      const usage = await stack.http.get(
        '/api/v1/reports/budget-usage?fromYear=2012&toYear=2022',
        bearer(fx.tokens.admin),
      );
      expect(usage.status).toBe(200);
      const year = (fiscalYear: number) =>
        usage.body.years.find((entry: { fiscalYear: number }) => entry.fiscalYear === fiscalYear);
      // The 2013 master's degree, state budget, owned by district A (the participant's unit).
      expect(year(2013).total).toMatchObject({ spent: '45000000', importedSpent: '45000000' });
      // The 2014 course paid by the 2015 city fund counts in 2014, the year it started.
      expect(year(2014).rows).toEqual([
        expect.objectContaining({ source: 'state_budget', importedSpent: '12000000' }),
      ]);
      expect(year(2014).rows[0].tier.id).toBe(fx.tiers.cityTier);
      expect(year(2018).sources).toEqual([
        expect.objectContaining({ source: 'sponsor', spent: '3600000' }),
      ]);
      expect(year(2015).total).toMatchObject({ spent: '0', available: '0' });
    });

    it('should show imported compliance days in the trend, in scope', async () => {
      const trend = await stack.http.get(
        '/api/v1/reports/compliance/trend?from=2013-01-01&to=2022-12-31&every=year',
        bearer(fx.tokens.admin),
      );
      expect(trend.status).toBe(200);
      expect(trend.body.points).toEqual([
        expect.objectContaining({ date: '2014-12-31', staff: 65, imported: true }),
        expect.objectContaining({ date: '2018-12-31', staff: 42, imported: true }),
      ]);
      const scoped = await stack.http.get(
        '/api/v1/reports/compliance/trend?from=2013-01-01&to=2022-12-31&every=year',
        bearer(fx.tokens.unitHeadB),
      );
      expect(scoped.body.points.map((point: { staff: number }) => point.staff)).toEqual([25, 0]);
    });
  });
});
