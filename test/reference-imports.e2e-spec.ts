import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

describe('Import of reference data', () => {
  let stack: TestStack;
  let fx: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  let db: DataSource;
  const codes: Record<string, string> = {};
  // Codes unique to this run, so that the suite can share a database.
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const c = (code: string) => `${code}-${tag}`;

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
  const admin = (kind: string, csv: string[], query = '') =>
    upload(kind, csv.join('\n'), `${kind}.csv`, fx.tokens.admin, query);
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params))[0];
  const count = async (table: string) =>
    Number((await one(`SELECT count(*)::int AS n FROM ${table}`)).n);
  const codeOf = async (table: string, id: string) =>
    (await one(`SELECT code FROM ${table} WHERE id = $1`, [id])).code as string;
  const audits = async (entity: string) =>
    Number((await one(`SELECT count(*)::int AS n FROM audit_log WHERE entity = $1`, [entity])).n);

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    for (const [name, id] of Object.entries(fx.units)) codes[name] = await codeOf('units', id);
    for (const [name, id] of Object.entries(fx.authorities)) {
      codes[name] = await codeOf('management_authorities', id);
    }
    for (const [name, id] of Object.entries(fx.staff)) codes[name] = await codeOf('staff', id);
    codes.leader = await codeOf('positions', fx.positions.leader);
  });
  afterAll(() => stack.close());

  describe('authorization', () => {
    const kinds = [
      'authorities',
      'funds',
      'allocations',
      'planning-pools',
      'providers',
      'programs',
      'intakes',
    ];

    it('should let only administrators import reference data', async () => {
      for (const kind of kinds) {
        for (const token of [
          fx.tokens.unitHeadA,
          fx.tokens.reviewerA,
          fx.tokens.financeA,
          fx.tokens.memberCity,
          fx.tokens.staffA,
        ]) {
          const response = await upload(kind, 'code\n', `${kind}.csv`, token);
          expect({ kind, status: response.status, code: response.body.code }).toEqual({
            kind,
            status: 403,
            code: 'FORBIDDEN',
          });
        }
        expect((await upload(kind, 'code\n', `${kind}.csv`)).status).toBe(401);
      }
    });
  });

  describe('authorities', () => {
    const header =
      'Mã thẩm quyền quản lý,Tên thẩm quyền quản lý,Loại thẩm quyền,Mã đơn vị,Hoạt động';

    it('should check a file in a dry run and write nothing', async () => {
      const before = await count('management_authorities');
      const response = await admin(
        'authorities',
        [header, `${c('BTC')},Ban Tổ chức Quận ủy Ninh Kiều,Ban Tổ chức,${codes.districtA},có`],
        '?dryRun=true',
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: true,
        created: 1,
        updated: 0,
        unchanged: 0,
        rows: 1,
      });
      expect(await count('management_authorities')).toBe(before);
    });

    it('should import authorities with Vietnamese kinds, then leave an unchanged file alone', async () => {
      const csv = [
        header,
        `${c('BTC')},Ban Tổ chức Quận ủy Ninh Kiều,Ban Tổ chức,${codes.districtA},có`,
        `${c('BTV')},Ban Thường vụ Huyện ủy Phong Điền,ban thuong vu,${codes.districtB},không`,
        `${c('DV')},Thủ trưởng đơn vị,district_office,${codes.communeA},`,
      ];
      const auditsBefore = await audits('authority');
      const first = await admin('authorities', csv);
      expect(first.body).toEqual({ dryRun: false, created: 3, updated: 0, unchanged: 0, rows: 3 });
      const stored = await db.query(
        `SELECT code, name, kind, active FROM management_authorities WHERE code LIKE $1 ORDER BY code`,
        [`%-${tag}`],
      );
      expect(stored).toEqual([
        {
          code: c('BTC'),
          name: 'Ban Tổ chức Quận ủy Ninh Kiều',
          kind: 'organization_board',
          active: true,
        },
        {
          code: c('BTV'),
          name: 'Ban Thường vụ Huyện ủy Phong Điền',
          kind: 'standing_committee',
          active: false,
        },
        { code: c('DV'), name: 'Thủ trưởng đơn vị', kind: 'district_office', active: true },
      ]);
      expect(await audits('authority')).toBe(auditsBefore + 3);

      const again = await admin('authorities', csv);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(await audits('authority')).toBe(auditsBefore + 3);

      const renamed = await admin('authorities', [
        header,
        `${c('BTC')},Ban Tổ chức Quận ủy Ninh Kiều (mới),Ban Tổ chức,${codes.districtA},có`,
      ]);
      expect(renamed.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    });

    it('should list every bad row, unknown unit codes included, and write nothing', async () => {
      const before = await count('management_authorities');
      const response = await admin('authorities', [
        header,
        `${c('OK1')},Ban Tổ chức,Ban Tổ chức,${codes.districtA},có`,
        `${c('BAD1')},Ban Dân vận,Ban Dân vận,${codes.districtA},có`,
        `${c('BAD2')},Ban Tổ chức,Ban Tổ chức,NO-SUCH-UNIT,có`,
        `${c('BAD3')},,Ban Tổ chức,${codes.districtA},có lẽ`,
      ]);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('IMPORT_INVALID');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'kind', code: 'INVALID_VALUE' }),
        expect.objectContaining({ row: 4, column: 'unit_code', code: 'UNKNOWN_UNIT' }),
        expect.objectContaining({ row: 5, column: 'name', code: 'REQUIRED' }),
        expect.objectContaining({ row: 5, column: 'active', code: 'INVALID_VALUE' }),
      ]);
      // The error names the labels that would have been accepted.
      expect(response.body.errors[0].message).toContain('Ban Thường vụ');
      expect(await count('management_authorities')).toBe(before);
    });
  });

  describe('funds and allocations', () => {
    const fundHeader = 'Mã quỹ,Tên quỹ,Năm ngân sách,Mã đơn vị chủ quản,Nguồn kinh phí';
    const allocationHeader = 'Mã quỹ,Số được cấp,Ghi chú';

    it('should import funds with Vietnamese sources, created with nothing allocated', async () => {
      const csv = [
        fundHeader,
        `${c('QUY-NS')},Kinh phí đào tạo bồi dưỡng năm 2026,2026,${codes.districtA},ngân sách nhà nước`,
        `${c('QUY-HB')},Học bổng Chính phủ Niu Di-lân,2026,${codes.city},Học bổng`,
      ];
      const first = await admin('funds', csv);
      expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const fund = await one(
        `SELECT name, source, fiscal_year, policy, status, allocated::text FROM funds WHERE code = $1`,
        [c('QUY-NS')],
      );
      expect(fund).toEqual({
        name: 'Kinh phí đào tạo bồi dưỡng năm 2026',
        source: 'state_budget',
        fiscal_year: 2026,
        policy: 'stop',
        status: 'open',
        allocated: '0',
      });
      expect((await admin('funds', csv)).body).toMatchObject({ unchanged: 2, created: 0 });
    });

    it('should refuse changing what a fund is for, and unknown owners', async () => {
      const response = await admin('funds', [
        fundHeader,
        `${c('QUY-NS')},Kinh phí đào tạo bồi dưỡng năm 2026,2027,${codes.districtA},ngân sách nhà nước`,
        `${c('QUY-X')},Quỹ mới,2026,NO-SUCH-UNIT,tài trợ`,
        `${c('QUY-Y')},Quỹ mới,1999,${codes.city},vay ngân hàng`,
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'fiscal_year', code: 'FUND_FIXED' }),
        expect.objectContaining({ row: 3, column: 'owner_unit_code', code: 'UNKNOWN_UNIT' }),
        expect.objectContaining({ row: 4, column: 'fiscal_year', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 4, column: 'source', code: 'INVALID_VALUE' }),
      ]);
    });

    it('should set allocations through the ledger, grouped or plain, and re-import unchanged', async () => {
      const csv = [
        allocationHeader,
        `${c('QUY-NS')},"1.450.000.000",Dự toán được giao đầu năm`,
        `${c('QUY-HB')},250000000,`,
      ];
      const dry = await admin('allocations', csv, '?dryRun=true');
      expect(dry.body).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0, rows: 2 });
      const first = await admin('allocations', csv);
      expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const fund = await one(
        `SELECT f.allocated::text, f.available::text,
                (SELECT json_agg(json_build_object('kind', kind, 'amount', amount::text, 'comment', comment))
                   FROM fund_ledger WHERE fund_id = f.id) AS ledger
           FROM funds f WHERE code = $1`,
        [c('QUY-NS')],
      );
      expect(fund).toEqual({
        allocated: '1450000000',
        available: '1450000000',
        ledger: [
          { kind: 'allocation', amount: '1450000000', comment: 'Dự toán được giao đầu năm' },
        ],
      });
      expect((await admin('allocations', csv)).body).toMatchObject({ unchanged: 2 });

      const lowered = await admin('allocations', [
        allocationHeader,
        `${c('QUY-NS')},1.000.000.000,Điều chỉnh giảm`,
      ]);
      expect(lowered.body).toMatchObject({ created: 0, updated: 1 });
      const adjustment = await one(
        `SELECT l.kind, l.amount::text FROM fund_ledger l JOIN funds f ON f.id = l.fund_id
          WHERE f.code = $1 ORDER BY l.id DESC LIMIT 1`,
        [c('QUY-NS')],
      );
      expect(adjustment).toEqual({ kind: 'adjustment', amount: '-450000000' });
    });

    it('should refuse decimals, negative amounts, unknown funds and totals below what is committed', async () => {
      // Money committed against the fund: 600 million reserved, 100 million spent.
      await db.query(`UPDATE funds SET reserved = 600000000, spent = 100000000 WHERE code = $1`, [
        c('QUY-NS'),
      ]);
      const ledgerBefore = await count('fund_ledger');
      const response = await admin('allocations', [
        allocationHeader,
        `${c('QUY-HB')},300000000,tăng`,
        `${c('QUY-NS')},"699.999.999",giảm quá mức`,
        `${c('QUY-HB')},"1.450.000.000,50",`,
        `NO-SUCH-FUND,1000,`,
        `${c('QUY-X')},-5000000,`,
        `${c('QUY-X')},"12.5",`,
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'allocated',
          code: 'ALLOCATION_BELOW_COMMITTED',
        }),
        expect.objectContaining({ row: 4, column: 'allocated', code: 'INVALID_VALUE' }),
        expect.objectContaining({ row: 5, column: 'fund_code', code: 'UNKNOWN_FUND' }),
        expect.objectContaining({ row: 6, column: 'allocated', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 7, column: 'allocated', code: 'INVALID_VALUE' }),
      ]);
      // All or nothing: the good row 2 did not move money either.
      expect(await count('fund_ledger')).toBe(ledgerBefore);
      expect(
        (await one(`SELECT allocated::text FROM funds WHERE code = $1`, [c('QUY-HB')])).allocated,
      ).toBe('250000000');
      const exact = await admin('allocations', [allocationHeader, `${c('QUY-NS')},700000000,giảm`]);
      expect(exact.body).toMatchObject({ updated: 1 });
    });
  });

  describe('planning pools', () => {
    const header = 'Mã cán bộ,Mã chức danh quy hoạch,Giai đoạn';

    it('should import entries by period and leave an unchanged file alone', async () => {
      const csv = [
        header,
        `${codes.staffA},${codes.leader},2025-2030`,
        `${codes.staffB},${codes.leader},2026 – 2031`,
      ];
      const first = await admin('planning-pools', csv);
      expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const entry = await one(
        `SELECT period_from, period_to FROM planning_pool_entries WHERE staff_id = $1`,
        [fx.staff.staffA],
      );
      expect(entry).toEqual({ period_from: 2025, period_to: 2030 });
      expect((await admin('planning-pools', csv)).body).toMatchObject({ unchanged: 2 });
      const audit = await one(
        `SELECT after FROM audit_log WHERE entity = 'staff' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [fx.staff.staffA],
      );
      expect(audit.after).toEqual({
        planningPool: [{ positionId: fx.positions.leader, periodFrom: 2025, periodTo: 2030 }],
      });

      const extended = await admin('planning-pools', [
        'Mã cán bộ,Mã chức danh,Từ năm,Đến năm',
        `${codes.staffA},${codes.leader},2025,2031`,
      ]);
      expect(extended.body).toMatchObject({ created: 0, updated: 1 });
    });

    it('should report unknown staff and positions, reversed periods and repeats', async () => {
      const before = await count('planning_pool_entries');
      const response = await admin('planning-pools', [
        header,
        `${codes.staffA2},${codes.leader},2025-2030`,
        `NO-SUCH-STAFF,${codes.leader},2025-2030`,
        `${codes.staffA2},NO-SUCH-POSITION,2025-2030`,
        `${codes.staffA2},${codes.leader},2030-2025`,
        `${codes.staffA2},${codes.leader},2025-2029`,
        `${codes.staffA2},${codes.leader},`,
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'staff_code', code: 'UNKNOWN_STAFF' }),
        expect.objectContaining({ row: 4, column: 'position_code', code: 'UNKNOWN_POSITION' }),
        expect.objectContaining({ row: 5, column: 'period', code: 'PERIOD_ORDER' }),
        expect.objectContaining({ row: 6, column: 'position_code', code: 'DUPLICATE_ENTRY' }),
        expect.objectContaining({ row: 7, column: 'period_from', code: 'REQUIRED' }),
      ]);
      expect(await count('planning_pool_entries')).toBe(before);
    });
  });

  describe('the training catalog', () => {
    const providerHeader = 'Mã cơ sở đào tạo,Tên cơ sở đào tạo,Quốc gia';
    const programHeader =
      'Mã chương trình,Tên chương trình,Loại chương trình,Mã cơ sở đào tạo,Hình thức đào tạo,Thời gian (tháng),Nâng trình độ,Trình độ đạt được';
    const intakeHeader =
      'Mã khóa học,Mã chương trình,Ngày khai giảng,Ngày kết thúc,Địa điểm,Số chỉ tiêu,Ngày mở cử,Hạn cử,Học phí,Nguồn kinh phí được dùng';

    it('should import providers, programmes and intakes from CSV', async () => {
      const providers = await admin('providers', [
        providerHeader,
        `${c('HVCT')},Học viện Chính trị khu vực IV,Việt Nam`,
        `${c('VUW')},Đại học Victoria Wellington,NZ`,
      ]);
      expect(providers.body).toMatchObject({ created: 2 });

      const programs = await admin('programs', [
        programHeader,
        `${c('TCLLCT')},Trung cấp lý luận chính trị - hành chính,Trung cấp lý luận chính trị,${c('HVCT')},không tập trung,8,lý luận chính trị,trung cấp`,
        `${c('THS')},Thạc sĩ Chính sách công,thạc sĩ,${c('VUW')},tập trung,18,chuyên môn,thạc sĩ`,
      ]);
      expect(programs.body).toMatchObject({ created: 2 });
      const program = await one(
        `SELECT category, mode, grants_kind, grants_level FROM programs WHERE code = $1`,
        [c('TCLLCT')],
      );
      // "trung cấp" is level 2 on the political theory scale.
      expect(program).toEqual({
        category: 'political_theory_intermediate',
        mode: 'in_service',
        grants_kind: 'political_theory',
        grants_level: 2,
      });

      const csv = [
        intakeHeader,
        `${c('K1')},${c('TCLLCT')},01/03/2027,2027-10-31,Cần Thơ,60,15/01/2027,2027-02-15,"12.500.000","ngân sách nhà nước; tài trợ"`,
      ];
      const intakes = await admin('intakes', csv);
      expect(intakes.body).toMatchObject({ created: 1 });
      const intake = await one(
        `SELECT starts_on::text, nomination_closes_on::text, seats_total, cost_tuition::text,
                allowed_sources FROM intakes WHERE code = $1`,
        [c('K1')],
      );
      expect(intake).toEqual({
        starts_on: '2027-03-01',
        nomination_closes_on: '2027-02-15',
        seats_total: 60,
        cost_tuition: '12500000',
        allowed_sources: ['state_budget', 'sponsor'],
      });
      expect((await admin('intakes', csv)).body).toMatchObject({ unchanged: 1 });
    });

    it('should import an XLSX whose Vietnamese text round-trips', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cơ sở đào tạo');
      sheet.addRow(['MÃ CƠ SỞ ĐÀO TẠO', 'tên cơ sở đào tạo', 'Quốc gia', 'Hoạt động']);
      sheet.addRow([c('HCMA'), 'Học viện Chính trị quốc gia Hồ Chí Minh', 'Việt Nam', true]);
      sheet.addRow([c('NAPA'), 'Học viện Hành chính Quốc gia – Phân viện Tây Nguyên', 'vn', 'x']);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload('providers', buffer, 'providers.xlsx', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 2 });
      const names = await db.query(
        `SELECT name, country FROM providers WHERE code = ANY($1) ORDER BY code`,
        [[c('HCMA'), c('NAPA')]],
      );
      expect(names).toEqual([
        { name: 'Học viện Chính trị quốc gia Hồ Chí Minh', country: 'VN' },
        { name: 'Học viện Hành chính Quốc gia – Phân viện Tây Nguyên', country: 'VN' },
      ]);
    });

    it('should report every bad catalog row and write nothing', async () => {
      const programsBefore = await count('programs');
      const programs = await admin('programs', [
        programHeader,
        `${c('P1')},Chương trình tốt,khác,${c('HVCT')},tập trung,3,,`,
        `${c('P2')},Không rõ cơ sở,khác,NO-SUCH-PROVIDER,tập trung,3,,`,
        `${c('P3')},Bậc không có loại,khác,${c('HVCT')},tập trung,3,,3`,
        `${c('P4')},Bậc ngoài thang,khác,${c('HVCT')},tập trung,200,lý luận chính trị,5`,
      ]);
      expect(programs.status).toBe(422);
      expect(programs.body.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'provider_code', code: 'UNKNOWN_PROVIDER' }),
        expect.objectContaining({ row: 4, column: 'grants_level', code: 'GRANTS_INCOMPLETE' }),
        expect.objectContaining({ row: 5, column: 'duration_months', code: 'OUT_OF_RANGE' }),
        // Political theory goes up to 3.
        expect.objectContaining({ row: 5, column: 'grants_level', code: 'OUT_OF_RANGE' }),
      ]);
      expect(await count('programs')).toBe(programsBefore);

      const intakes = await admin('intakes', [
        intakeHeader,
        `${c('K2')},NO-SUCH-PROGRAM,01/03/2027,2027-10-31,Cần Thơ,60,15/01/2027,2027-02-15,0,ngân sách`,
        `${c('K3')},${c('TCLLCT')},01/03/2027,2027-01-31,Cần Thơ,60,15/01/2027,2027-04-15,0,ngân sách`,
        `${c('K4')},${c('TCLLCT')},31/02/2027,2027-10-31,Cần Thơ,-1,15/01/2027,2027-02-15,"1,5",vay`,
      ]);
      expect(intakes.status).toBe(422);
      expect(intakes.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'program_code', code: 'UNKNOWN_PROGRAM' }),
        expect.objectContaining({ row: 3, column: 'ends_on', code: 'DATE_ORDER' }),
        // The nomination window closes after the start.
        expect.objectContaining({ row: 3, column: 'nomination_closes_on', code: 'DATE_ORDER' }),
        expect.objectContaining({ row: 4, column: 'starts_on', code: 'INVALID_DATE' }),
        expect.objectContaining({ row: 4, column: 'seats_total', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 4, column: 'cost_tuition', code: 'INVALID_VALUE' }),
        expect.objectContaining({ row: 4, column: 'allowed_sources', code: 'INVALID_VALUE' }),
      ]);
    });

    it('should keep seats at or above those taken', async () => {
      await db.query(`UPDATE intakes SET seats_taken = 40 WHERE code = $1`, [c('K1')]);
      const response = await admin('intakes', [
        'Mã khóa học,Mã chương trình,Ngày khai giảng,Ngày kết thúc,Địa điểm,Số chỉ tiêu,Ngày mở cử,Hạn cử',
        `${c('K1')},${c('TCLLCT')},01/03/2027,2027-10-31,Cần Thơ,30,15/01/2027,2027-02-15`,
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'seats_total', code: 'SEATS_BELOW_TAKEN' }),
      ]);
    });
  });

  describe('the example files in docs/import-examples', () => {
    it('should have only recognised headers and values (they name the demo organization)', async () => {
      for (const kind of [
        'authorities',
        'funds',
        'allocations',
        'planning-pools',
        'providers',
        'programs',
        'intakes',
      ]) {
        const file = readFileSync(join(__dirname, `../docs/import-examples/${kind}.csv`));
        const response = await upload(kind, file, `${kind}.csv`, fx.tokens.admin, '?dryRun=true');
        // This suite's organization is not the demo one: only its codes may be unknown.
        const codes = (response.body.errors ?? []).map((error: { code: string }) => error.code);
        expect({
          kind,
          codes: codes.filter((code: string) => !code.startsWith('UNKNOWN_')),
        }).toEqual({
          kind,
          codes: [],
        });
      }
    });
  });

  describe('Vietnamese labels in staff columns', () => {
    it('should read education, theory, fostering and rank by their names', async () => {
      const response = await admin('staff', [
        'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã đơn vị,Mã thẩm quyền quản lý,Trình độ chuyên môn,Lý luận chính trị,Bồi dưỡng QLNN,Ngạch,Ngoại ngữ,Dân tộc thiểu số',
        `${c('CB1')},Võ Thị Thu Hà,02/09/1988,Nữ,${codes.districtA},${codes.authorityA},Kỹ sư,Cử nhân chính trị,Chuyên viên chính,chuyên viên,B2,x`,
      ]);
      expect(response.body).toMatchObject({ created: 1 });
      const person = await one(
        `SELECT education_level, political_theory, fostering_rank, civil_service_rank,
                language_level, ethnic_minority, gender FROM staff WHERE code = $1`,
        [c('CB1')],
      );
      expect(person).toEqual({
        education_level: 3,
        political_theory: 3,
        fostering_rank: 2,
        civil_service_rank: 2,
        language_level: 4,
        ethnic_minority: true,
        gender: 'female',
      });
    });
  });
});
