import {
  bearer,
  eventually,
  mailTo,
  seedOrganizationFixture,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
} from '@app/testing';
import { DataSource } from 'typeorm';

describe('Import of users', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;
  let db: DataSource;
  let fx: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startTestStack({
      worker: true,
      env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200', APP_BASE_URL: 'https://daotao.example.vn' },
    });
    db = stack.api.get(DataSource);
    fx = await seedOrganizationFixture(stack);
    const codeOf = async (table: string, id: string) =>
      (await db.query(`SELECT code FROM ${table} WHERE id = $1`, [id]))[0].code as string;
    codes.districtA = await codeOf('units', fx.units.districtA);
    codes.districtB = await codeOf('units', fx.units.districtB);
    codes.authorityA = await codeOf('management_authorities', fx.authorities.authorityA);
    codes.staffA2 = await codeOf('staff', fx.staff.staffA2);
    codes.staffB = await codeOf('staff', fx.staff.staffB);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const upload = async (content: string, token = fx.tokens.admin, query = '') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(content))]), 'users.csv');
    const response = await fetch(`${stack.http.baseUrl}/api/v1/imports/users${query}`, {
      method: 'POST',
      body: form,
      headers: bearer(token),
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  };
  const usersNamed = (pattern: string) =>
    db.query(
      `SELECT us.email, us.display_name, us.active, us.staff_id, us.password_hash,
              (SELECT array_agg(ra.role || ':' || coalesce(ra.unit_id::text, ra.authority_id::text, '')
                                ORDER BY ra.role) FROM role_assignments ra WHERE ra.user_id = us.id) AS roles
         FROM users us WHERE us.email LIKE $1 ORDER BY us.email`,
      [pattern],
    );
  const invitationEvents = async () =>
    Number(
      (
        await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'user.invited'`)
      )[0].n,
    );

  const header = 'Email,Họ và tên,Vai trò,Mã cán bộ,Hoạt động';
  const goodFile = () =>
    [
      header,
      `hoa.import@example.org,Nguyễn Thị Hoa,Thủ trưởng đơn vị@${codes.districtA},,có`,
      `binh.import@example.org,Trần Văn Bình,"chuyen vien ban to chuc@${codes.authorityA}; Lãnh đạo@${codes.districtB}",,`,
      `cuong.import@example.org,Lê Văn Cường,Cán bộ,${codes.staffA2},`,
      `dung.import@example.org,Phạm Văn Dũng,,,không`,
    ].join('\n');

  it('should check a file in a dry run and write nor send anything', async () => {
    const events = await invitationEvents();
    const response = await upload(goodFile(), fx.tokens.admin, '?dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: true, created: 4, updated: 0, unchanged: 0, rows: 4 });
    expect(await usersNamed('%.import@example.org')).toEqual([]);
    expect(await invitationEvents()).toBe(events);
  });

  it('should create users with roles by code and invite the active new ones', async () => {
    const response = await upload(goodFile());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: false, created: 4, updated: 0, unchanged: 0, rows: 4 });
    const users = await usersNamed('%.import@example.org');
    expect(users).toEqual([
      {
        email: 'binh.import@example.org',
        display_name: 'Trần Văn Bình',
        active: true,
        staff_id: null,
        password_hash: null,
        roles: [
          `board_member:${fx.units.districtB}`,
          `board_reviewer:${fx.authorities.authorityA}`,
        ],
      },
      {
        email: 'cuong.import@example.org',
        display_name: 'Lê Văn Cường',
        active: true,
        staff_id: fx.staff.staffA2,
        password_hash: null,
        roles: ['staff:'],
      },
      {
        email: 'dung.import@example.org',
        display_name: 'Phạm Văn Dũng',
        active: false,
        staff_id: null,
        password_hash: null,
        roles: null,
      },
      {
        email: 'hoa.import@example.org',
        display_name: 'Nguyễn Thị Hoa',
        active: true,
        staff_id: null,
        password_hash: null,
        roles: [`unit_head:${fx.units.districtA}`],
      },
    ]);
    const mail = await eventually(async () => mailTo(smtp, 'hoa.import@example.org')[0]);
    expect(mail.text).toContain('Kính gửi đồng chí Nguyễn Thị Hoa,');
    expect(mail.text).toMatch(/https:\/\/daotao\.example\.vn\/invitation\/[A-Za-z0-9_-]+/);
    await eventually(async () => mailTo(smtp, 'binh.import@example.org')[0]);
    await eventually(async () => mailTo(smtp, 'cuong.import@example.org')[0]);
    // The disabled one is invited when enabled, by the administrator's resend.
    expect(mailTo(smtp, 'dung.import@example.org')).toEqual([]);
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN users us ON us.id::text = a.entity_id::text
        WHERE a.entity = 'user' AND us.email LIKE '%.import@example.org'`,
    );
    expect(audit[0].n).toBe(4);
  });

  it('should leave unchanged rows alone and update changed ones, emails any case', async () => {
    const events = await invitationEvents();
    const again = await upload(goodFile());
    expect(again.body).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 4, rows: 4 });
    const changed = await upload(
      [
        'email,full_name,roles',
        `HOA.IMPORT@example.org,Nguyễn Thị Hoa,unit_head@${codes.districtB}`,
        'binh.import@example.org,Trần Văn Bình (Ban Tổ chức),',
      ].join('\n'),
    );
    expect(changed.body).toEqual({ dryRun: false, created: 0, updated: 2, unchanged: 0, rows: 2 });
    const users = await usersNamed('%.import@example.org');
    expect(
      users.find((u: { email: string }) => u.email === 'hoa.import@example.org').roles,
    ).toEqual([`unit_head:${fx.units.districtB}`]);
    const binh = users.find((u: { email: string }) => u.email === 'binh.import@example.org');
    expect(binh).toMatchObject({ display_name: 'Trần Văn Bình (Ban Tổ chức)', roles: null });
    // Updates invite nobody.
    expect(await invitationEvents()).toBe(events);
  });

  it('should report every bad row and write nothing', async () => {
    const events = await invitationEvents();
    const users = await db.query(`SELECT count(*)::int AS n FROM users`);
    const response = await upload(
      [
        header,
        `ok.bad@example.org,Người Hợp Lệ,Thủ trưởng đơn vị@${codes.districtA},,`,
        `role.bad@example.org,Sai Vai Trò,Trưởng phòng@${codes.districtA},,`,
        'unit.bad@example.org,Sai Đơn Vị,unit_head@NO-SUCH-UNIT,,',
        'ok.bad@example.org,Trùng Email,,,',
        'not-an-email,Sai Email,,,',
        'staff.bad@example.org,Thiếu Hồ Sơ,staff,,',
        'code.bad@example.org,Sai Mã Cán Bộ,,NO-SUCH-STAFF,',
        `linked.bad@example.org,Đã Liên Kết,,${codes.staffA2},`,
      ].join('\n'),
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'roles', code: 'UNKNOWN_ROLE' }),
      expect.objectContaining({ row: 4, column: 'roles', code: 'UNKNOWN_UNIT' }),
      expect.objectContaining({ row: 5, column: 'email', code: 'DUPLICATE_EMAIL' }),
      expect.objectContaining({ row: 6, column: 'email', code: 'INVALID_EMAIL' }),
      expect.objectContaining({ row: 7, column: 'roles', code: 'STAFF_ID_REQUIRED' }),
      expect.objectContaining({ row: 8, column: 'staff_code', code: 'UNKNOWN_STAFF' }),
      expect.objectContaining({ row: 9, column: 'staff_code', code: 'STAFF_ALREADY_LINKED' }),
    ]);
    expect(response.body.errorCount).toBe(7);
    const unknownRole = response.body.errors[0].message as string;
    expect(unknownRole).toContain('Trưởng phòng');
    expect(unknownRole).toContain('unit_head (Thủ trưởng đơn vị)');
    expect(unknownRole).toContain('board_reviewer (Chuyên viên Ban Tổ chức)');
    expect(await db.query(`SELECT count(*)::int AS n FROM users`)).toEqual(users);
    expect(await invitationEvents()).toBe(events);
  });

  it('should refuse to disable the last administrator, and write nothing', async () => {
    const [{ email }] = await db.query(`SELECT email FROM users WHERE id = $1`, [fx.users.admin]);
    // Other administrators may exist (the first one, created at start): disable them all.
    const admins: Array<{ email: string; display_name: string }> = await db.query(
      `SELECT us.email, us.display_name FROM users us
        WHERE us.active AND EXISTS (SELECT 1 FROM role_assignments ra
                                     WHERE ra.user_id = us.id AND ra.role = 'admin')`,
    );
    expect(admins.map((row) => row.email)).toContain(email);
    const response = await upload(
      [
        'email,full_name,active',
        ...admins.map((row) => `${row.email},${row.display_name},không`),
      ].join('\n'),
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_ADMIN');
    const [{ active }] = await db.query(`SELECT active FROM users WHERE id = $1`, [fx.users.admin]);
    expect(active).toBe(true);
  });

  it('should let administrators only import users', async () => {
    for (const token of [fx.tokens.unitHeadA, fx.tokens.reviewerA, fx.tokens.financeA]) {
      const response = await upload(goodFile(), token);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
  });

  it('should import a thousand users in one go, hashing nothing', async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, index) => `bulk-${index}@example.org,Cán bộ số ${index},unit_head@${codes.districtA}`,
    );
    const response = await upload(['email,full_name,roles', ...rows].join('\n'));
    expect(response.body).toMatchObject({ created: 1000, rows: 1000 });
    // Nothing hashed: every new user has no password and an invitation (the time it takes
    // is measured in BENCHMARKS.md, passwords).
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM user_invitations inv JOIN users us ON us.id = inv.user_id
        WHERE us.email LIKE 'bulk-%@example.org' AND us.password_hash IS NULL`,
    );
    expect(n).toBe(1000);
  });
});
