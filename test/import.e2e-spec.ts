import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';

describe('Import of units, positions and staff', () => {
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
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  };
  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const codeOf = async (table: string, id: string) =>
    (await db.query(`SELECT code FROM ${table} WHERE id = $1`, [id]))[0].code as string;

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    for (const [name, id] of Object.entries(fx.units)) codes[name] = await codeOf('units', id);
    for (const [name, id] of Object.entries(fx.authorities)) {
      codes[name] = await codeOf('management_authorities', id);
    }
    for (const [name, id] of Object.entries(fx.tiers)) codes[name] = await codeOf('tiers', id);
  });
  afterAll(() => stack.close());

  const staffHeader =
    'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Dân tộc thiểu số,Mã đơn vị,Ngạch,Trình độ chuyên môn,' +
    'Chuyên ngành,Lý luận chính trị,Bồi dưỡng QLNN,Ngoại ngữ,Ngày vào ngành,Mã thẩm quyền quản lý,Trạng thái';
  const staffLine = (
    code: string,
    name: string,
    unit = codes.districtA,
    authority = codes.authorityA,
  ) =>
    `${code},${name},15/06/1985,nữ,có,${unit},2,đại học,Quản lý nhà nước,trung cấp,1,3,2010-01-01,${authority},active`;

  describe('authorization', () => {
    it('should answer 401 without a token', async () => {
      const response = await upload('staff', `${staffHeader}\n`, 'staff.csv');
      expect(response.status).toBe(401);
    });

    it('should refuse finance, board members and staff with 403', async () => {
      for (const token of [fx.tokens.financeA, fx.tokens.memberCity, fx.tokens.staffA]) {
        const response = await upload('staff', `${staffHeader}\n`, 'staff.csv', token);
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    });

    it('should let only admins import units and positions', async () => {
      const response = await upload('units', 'code,name\n', 'units.csv', fx.tokens.unitHeadA);
      expect(response.status).toBe(403);
      expect((await upload('positions', 'code,name\n', 'p.csv', fx.tokens.unitHeadA)).status).toBe(
        403,
      );
    });

    it('should refuse a row outside the unit head’s scope and write nothing', async () => {
      const before = await count('staff');
      const csv = [
        staffHeader,
        staffLine('SCOPE-1', 'Lê Văn Trong'),
        staffLine('SCOPE-2', 'Lê Văn Ngoài', codes.districtB, codes.authorityB),
      ].join('\n');
      const response = await upload('staff', csv, 'staff.csv', fx.tokens.unitHeadA);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'unit_code', code: 'OUT_OF_SCOPE' }),
      ]);
      expect(await count('staff')).toBe(before);
    });

    it('should refuse an update of staff outside the scope, even into the scope', async () => {
      const staffB = await codeOf('staff', fx.staff.staffB);
      const csv = [staffHeader, staffLine(staffB, 'Người Quận B')].join('\n');
      const response = await upload('staff', csv, 'staff.csv', fx.tokens.unitHeadA);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'code', code: 'OUT_OF_SCOPE' }),
      ]);
    });

    it('should let a unit head import staff within the scope', async () => {
      const csv = [
        staffHeader,
        staffLine('SCOPE-3', 'Lê Văn Trong'),
        staffLine('SCOPE-4', 'Phường', codes.communeA),
      ];
      const response = await upload('staff', csv.join('\n'), 'staff.csv', fx.tokens.unitHeadA);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: false,
        created: 2,
        updated: 0,
        unchanged: 0,
        rows: 2,
      });
    });
  });

  describe('positions', () => {
    it('should import positions with Vietnamese headers, then update one', async () => {
      const csv =
        'Mã chức danh;Tên chức danh;Lãnh đạo;Trình độ chuyên môn tối thiểu;Lý luận chính trị tối thiểu;min_fostering_rank;NGOAI NGU TOI THIEU\n' +
        'CD-PCT;Phó Chủ tịch UBND;có;đại học;cao cấp;2;bậc 3\n' +
        'CD-CV;Chuyên viên;không;3;;;\n';
      const first = await upload('positions', csv, 'positions.csv', fx.tokens.admin);
      expect(first.body).toEqual({ dryRun: false, created: 2, updated: 0, unchanged: 0, rows: 2 });
      const [row] = await db.query(`SELECT * FROM positions WHERE code = 'CD-PCT'`);
      expect(row).toMatchObject({
        name: 'Phó Chủ tịch UBND',
        is_leadership: true,
        min_education: 3,
        min_political_theory: 3,
        min_fostering_rank: 2,
        min_language_level: 3,
      });
      const again = await upload(
        'positions',
        csv.replace('Chuyên viên', 'Chuyên viên chính'),
        'p.csv',
        fx.tokens.admin,
      );
      expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    });
  });

  describe('units', () => {
    it('should create a tree whose parents come later in the file and move a subtree', async () => {
      const csv = [
        'code,name,tier_code,kind,parent_code,active',
        `U-COMMUNE,Xã Mỹ Khánh,${codes.communeTier},peoples_committee,U-DISTRICT,có`,
        `U-DISTRICT,Huyện Thới Lai,${codes.districtTier},party_committee,${codes.city},`,
        `U-DEPT,Phòng Nội vụ,${codes.districtTier},department,U-DISTRICT,1`,
      ].join('\n');
      const response = await upload('units', csv, 'units.csv', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      const path = async (code: string) =>
        (await db.query(`SELECT id, path, parent_id FROM units WHERE code = $1`, [code]))[0];
      const [district, commune, city] = [
        await path('U-DISTRICT'),
        await path('U-COMMUNE'),
        await path(codes.city),
      ];
      expect(district.path).toBe(`${city.path}${district.id}/`);
      expect(commune.path).toBe(`${district.path}${commune.id}/`);

      // Move the district (and so the commune) under district A.
      const moved = csv.replace(`,${codes.city},`, `,${codes.districtA},`);
      const move = await upload('units', moved, 'units.csv', fx.tokens.admin);
      expect(move.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      const a = await path(codes.districtA);
      const movedDistrict = await path('U-DISTRICT');
      expect(movedDistrict.path).toBe(`${a.path}${district.id}/`);
      expect((await path('U-COMMUNE')).path).toBe(`${movedDistrict.path}${commune.id}/`);
      const placements = await db.query(
        `SELECT parent_id, valid_to FROM unit_placements WHERE unit_id = $1 ORDER BY id`,
        [district.id],
      );
      expect(placements).toEqual([
        { parent_id: city.id, valid_to: expect.any(Date) },
        { parent_id: a.id, valid_to: null },
      ]);
    });

    it('should report unknown tiers and parents and parent cycles', async () => {
      const before = await count('units');
      const csv = [
        'Mã đơn vị,Tên đơn vị,Mã cấp,Loại đơn vị,Mã đơn vị cấp trên',
        `C-1,Một,${codes.districtTier},other,C-2`,
        `C-2,Hai,${codes.districtTier},other,C-1`,
        `C-3,Ba,NO-TIER,other,NO-PARENT`,
        `C-4,Bốn,${codes.districtTier},spaceship,`,
      ].join('\n');
      const response = await upload('units', csv, 'units.csv', fx.tokens.admin);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([
        [2, 'parent_code', 'PARENT_CYCLE'],
        [3, 'parent_code', 'PARENT_CYCLE'],
        [4, 'tier_code', 'UNKNOWN_TIER'],
        [4, 'parent_code', 'UNKNOWN_PARENT'],
        [5, 'kind', 'INVALID_VALUE'],
      ]);
      expect(await count('units')).toBe(before);
    });
  });

  describe('staff', () => {
    it('should import a CSV with a BOM, Vietnamese headers and diacritics', async () => {
      const csv = `\uFEFF${staffHeader}\n${staffLine('CSV-1', 'Nguyễn Thị Ánh Tuyết')}\n`;
      const response = await upload('staff', csv, 'staff.csv', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: false,
        created: 1,
        updated: 0,
        unchanged: 0,
        rows: 1,
      });
      const [row] = await db.query(
        `SELECT full_name, search_name, birth_date::text, gender, ethnic_minority, unit_id, civil_service_rank,
                education_level, education_field, political_theory, fostering_rank, language_level,
                joined_service_on::text, authority_id, employment_status
           FROM staff WHERE code = 'CSV-1'`,
      );
      expect(row).toEqual({
        full_name: 'Nguyễn Thị Ánh Tuyết',
        search_name: 'nguyen thi anh tuyet',
        birth_date: '1985-06-15',
        gender: 'female',
        ethnic_minority: true,
        unit_id: fx.units.districtA,
        civil_service_rank: 2,
        education_level: 3,
        education_field: 'Quản lý nhà nước',
        political_theory: 2,
        fostering_rank: 1,
        language_level: 3,
        joined_service_on: '2010-01-01',
        authority_id: fx.authorities.authorityA,
        employment_status: 'active',
      });
      const audit = await db.query(`SELECT action, after FROM audit_log WHERE entity = 'staff'`);
      expect(audit).toContainEqual(
        expect.objectContaining({
          action: 'create',
          after: expect.objectContaining({ code: 'CSV-1' }),
        }),
      );
    });

    it('should import an XLSX with date cells', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cán bộ');
      sheet.addRow([
        'MÃ CÁN BỘ',
        'họ và tên',
        'Ngày sinh',
        'Giới tính',
        'Mã đơn vị',
        'Mã thẩm quyền quản lý',
        'Lý luận chính trị',
        'Ngày vào ngành',
      ]);
      sheet.addRow([
        'XLSX-1',
        'Đặng Thị Hồng Nhung',
        new Date(Date.UTC(1990, 1, 28)),
        'Nữ',
        codes.communeB,
        codes.authorityB,
        'Cao cấp',
        '01/09/2012',
      ]);
      sheet.addRow([
        'XLSX-2',
        'Trịnh Văn Đông',
        '1979-12-31',
        'nam',
        codes.city,
        codes.cityAuthority,
        0,
        null,
      ]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload('staff', buffer, 'staff.xlsx', fx.tokens.admin);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 2, rows: 2 });
      const rows = await db.query(
        `SELECT code, full_name, search_name, birth_date::text, gender, political_theory, joined_service_on::text
           FROM staff WHERE code LIKE 'XLSX-%' ORDER BY code`,
      );
      expect(rows).toEqual([
        {
          code: 'XLSX-1',
          full_name: 'Đặng Thị Hồng Nhung',
          search_name: 'dang thi hong nhung',
          birth_date: '1990-02-28',
          gender: 'female',
          political_theory: 3,
          joined_service_on: '2012-09-01',
        },
        {
          code: 'XLSX-2',
          full_name: 'Trịnh Văn Đông',
          search_name: 'trinh van dong',
          birth_date: '1979-12-31',
          gender: 'male',
          political_theory: 0,
          joined_service_on: null,
        },
      ]);
    });

    it('should list every bad row with 422 and write nothing', async () => {
      const before = await count('staff');
      const csv = [
        staffHeader,
        staffLine('BAD-OK', 'Hợp Lệ'),
        staffLine('', 'Thiếu Mã'),
        staffLine('BAD-2', 'Sai Đơn Vị', 'NO-SUCH-UNIT'),
        staffLine('BAD-3', 'Sai Ngày').replace('15/06/1985', '31/02/1985'),
        staffLine('BAD-4', 'Quá Bậc').replace(',3,2010', ',7,2010'),
        staffLine('BAD-OK', 'Trùng Mã'),
      ].join('\r\n');
      const response = await upload('staff', csv, 'staff.csv', fx.tokens.admin);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('IMPORT_INVALID');
      expect(response.body.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([
        [3, 'code', 'REQUIRED'],
        [4, 'unit_code', 'UNKNOWN_UNIT'],
        [5, 'birth_date', 'INVALID_DATE'],
        [6, 'language_level', 'OUT_OF_RANGE'],
        [7, 'code', 'DUPLICATE_CODE'],
      ]);
      for (const error of response.body.errors) expect(error.message).toEqual(expect.any(String));
      expect(await count('staff')).toBe(before);
    });

    it('should report a NUL character in a CSV or XLSX cell on its row and write nothing', async () => {
      const before = await count('staff');
      const csv = [staffHeader, staffLine('NUL-1', 'Trần\u0000Văn'), staffLine('NUL-2', 'Lê')];
      const fromCsv = await upload('staff', csv.join('\n'), 'staff.csv', fx.tokens.admin);
      expect(fromCsv.status).toBe(422);
      expect(fromCsv.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'full_name', code: 'INVALID_TEXT' }),
      ]);

      // Excel writes a NUL it cannot put in XML as _x0000_.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cán bộ');
      sheet.addRow(['code', 'full_name', 'birth_date', 'gender', 'unit_code', 'authority_code']);
      sheet.addRow([
        'NUL-3',
        'Phạm_x0000_Thị',
        '1990-01-01',
        'nữ',
        codes.districtA,
        codes.authorityA,
      ]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const fromXlsx = await upload('staff', buffer, 'staff.xlsx', fx.tokens.admin);
      expect(fromXlsx.status).toBe(422);
      expect(fromXlsx.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'full_name', code: 'INVALID_TEXT' }),
      ]);
      expect(await count('staff')).toBe(before);
    });

    it('should store names in NFC and count one sent again in NFD as unchanged', async () => {
      const name = 'Nguyễn Thị Ánh Tuyết';
      const csv = (form: 'NFC' | 'NFD') =>
        [staffHeader, staffLine('NFC-1', name.normalize(form))].join('\n');
      const first = await upload('staff', csv('NFD'), 's.csv', fx.tokens.admin);
      expect(first.body).toMatchObject({ created: 1 });
      const [row] = await db.query(`SELECT full_name FROM staff WHERE code = 'NFC-1'`);
      expect(row.full_name).toBe(name.normalize('NFC'));
      const again = await upload('staff', csv('NFC'), 's.csv', fx.tokens.admin);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      const third = await upload('staff', csv('NFD'), 's.csv', fx.tokens.admin);
      expect(third.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    });

    it('should report unknown columns on the header row', async () => {
      const response = await upload('staff', `${staffHeader},Sở thích\n`, 's.csv', fx.tokens.admin);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 1, column: 'Sở thích', code: 'UNKNOWN_COLUMN' }),
      ]);
    });

    it('should change nothing when the same file is imported again', async () => {
      const csv = [
        staffHeader,
        staffLine('RE-1', 'Võ Thị Sáu'),
        staffLine('RE-2', 'Lý Tự Trọng'),
      ].join('\n');
      expect((await upload('staff', csv, 's.csv', fx.tokens.admin)).body).toMatchObject({
        created: 2,
      });
      const audits = await count('audit_log');
      const [{ updated_at }] = await db.query(`SELECT updated_at FROM staff WHERE code = 'RE-1'`);
      const again = await upload('staff', csv, 's.csv', fx.tokens.admin);
      expect(again.body).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 2, rows: 2 });
      expect(await count('audit_log')).toBe(audits);
      const [row] = await db.query(`SELECT updated_at FROM staff WHERE code = 'RE-1'`);
      expect(row.updated_at).toEqual(updated_at);

      const changed = await upload(
        'staff',
        csv.replace('Võ Thị Sáu', 'Võ Thị Sáu Mới'),
        's.csv',
        fx.tokens.admin,
      );
      expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      const [entry] = await db.query(
        `SELECT before, after FROM audit_log WHERE entity = 'staff' AND action = 'update' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry.before).toEqual({ fullName: 'Võ Thị Sáu', searchName: 'vo thi sau' });
      expect(entry.after).toEqual({ fullName: 'Võ Thị Sáu Mới', searchName: 'vo thi sau moi' });
    });

    it('should validate and count on a dry run but write nothing', async () => {
      const [staff, audits] = [await count('staff'), await count('audit_log')];
      const csv = [
        staffHeader,
        staffLine('DRY-1', 'Thử Nghiệm'),
        staffLine('RE-1', 'Đổi Tên'),
      ].join('\n');
      const response = await upload('staff', csv, 's.csv', fx.tokens.admin, '?dryRun=true');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: true,
        created: 1,
        updated: 1,
        unchanged: 0,
        rows: 2,
      });
      expect(await count('staff')).toBe(staff);
      expect(await count('audit_log')).toBe(audits);
      expect((await db.query(`SELECT full_name FROM staff WHERE code = 'RE-1'`))[0].full_name).toBe(
        'Võ Thị Sáu Mới',
      );
    });

    it('should import 10,000 staff in one request', async () => {
      const lines = [staffHeader];
      for (let i = 0; i < 10_000; i++) {
        lines.push(staffLine(`BULK-${String(i).padStart(5, '0')}`, `Nguyễn Văn Số ${i}`));
      }
      const started = Date.now();
      const response = await upload('staff', lines.join('\n'), 'bulk.csv', fx.tokens.admin);
      console.log(`Imported 10,000 staff rows in ${Date.now() - started} ms`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 10_000, rows: 10_000 });
      expect(
        Number((await db.query(`SELECT count(*) AS n FROM staff WHERE code LIKE 'BULK-%'`))[0].n),
      ).toBe(10_000);
    });
  });
});
