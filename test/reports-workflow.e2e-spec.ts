import { bearer, startTestStack, TestStack, tokenFor } from '@app/testing';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  insertFund,
  insertRow,
  nominationDraft,
  seedNominationFixture,
  shiftDays,
} from './support/nomination-fixture';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const REPORT = '/api/v1/reports/workflow-performance';
/** March 2026 in Vietnam: from 2026-02-28T17:00Z up to, not including, 2026-03-31T17:00Z. */
const MARCH = 'from=2026-03-01&to=2026-03-31';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * percentile_cont (linear between the two nearest ranks) over whole seconds, in hours rounded
 * half up to one decimal; computed in integers (tenths of a second), so exactly.
 */
function percentileHours(seconds: number[], tenths: number): number {
  const sorted = [...seconds].sort((a, b) => a - b);
  const rank10 = tenths * (sorted.length - 1);
  const low = Math.floor(rank10 / 10);
  const high = Math.min(low + 1, sorted.length - 1);
  const value10 = sorted[low] * 10 + (sorted[high] - sorted[low]) * (rank10 % 10);
  return Math.round(value10 / 3600) / 10;
}

/** Working days elapsed, counted a day at a time in Vietnam's calendar (UTC+7, no DST). */
function workingDaysBetween(start: Date, now: Date): number {
  const offset = 7 * HOUR_MS;
  const weekend = (local: number) => [0, 6].includes(new Date(local).getUTCDay());
  let clock = start.getTime() + offset;
  // A wait that starts at the weekend starts on Monday at 00:00.
  while (weekend(clock)) clock = (Math.floor(clock / DAY_MS) + 1) * DAY_MS;
  let days = 0;
  for (let day = clock + DAY_MS; day - offset <= now.getTime(); day += DAY_MS) {
    if (!weekend(day)) days++;
  }
  return days;
}

describe('workflow performance report', () => {
  let stack: TestStack;
  let fx: Awaited<ReturnType<typeof seedNominationFixture>>;
  let db: DataSource;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  const authorities: Record<string, string> = {};

  const get = (path: string, who: string, headers: Record<string, string> = {}) =>
    stack.http.get(path, { ...bearer(fx.tokens[who]), ...headers });

  /** Drives a nomination through workflow actions over HTTP, each at its current version. */
  async function drive(key: string, actions: Array<[string, string]>) {
    for (const [action, who] of actions) {
      const [{ version }] = await db.query(`SELECT version FROM nominations WHERE id = $1`, [
        ids[key],
      ]);
      const body = ['return', 'reject'].includes(action) ? { comment: 'Bổ sung hồ sơ.' } : {};
      const response = await fx.act(ids[key], action, version, who, body);
      if (response.status !== 201) {
        throw new Error(`${key} ${action} by ${who}: ${response.status} ${response.text}`);
      }
    }
  }

  /** Creates a nomination of a new staff member; `unitHead` and `fund` decide the district. */
  async function create(
    key: string,
    nominee: { unitId: string; authorityId: string },
    unitHead: string,
    fundId: string,
    intake = ids.intake,
    amount = '40500000',
  ) {
    names[key] = `Nguyễn Văn ${key}`;
    const staffId = await fx.org.factory.staff({ ...nominee, fullName: names[key] });
    ids[`${key}.staff`] = staffId;
    const response = await stack.http.post(
      '/api/v1/nominations',
      nominationDraft(staffId, intake, fundId, amount),
      bearer(fx.tokens[unitHead]),
    );
    if (response.status !== 201) throw new Error(`create ${key}: ${response.text}`);
    ids[key] = response.body.id;
  }

  /** Sets a step's start and decision instants. */
  const setStep = (key: string, position: number, startedAt: Date, actedAt: Date | null) =>
    db.query(
      `UPDATE nomination_steps SET started_at = $3, acted_at = $4 WHERE nomination_id = $1 AND position = $2`,
      [ids[key], position, startedAt, actedAt],
    );

  /** The decided steps in March: nomination, position, start, minutes to the decision. */
  const decided: Array<[string, number, string, number]> = [
    // Board reviewer of authority A (step 1): six in March, A3's decision before it.
    ['A1', 1, '2026-03-02T01:00:00Z', 90],
    ['A2', 1, '2026-03-03T02:00:00Z', 1000],
    ['A3', 1, '2026-02-20T02:00:00Z', 47],
    ['A4', 1, '2026-03-05T09:13:00Z', 3000],
    ['A5', 1, '2026-03-06T03:00:00Z', 125],
    ['A7', 1, '2026-03-09T04:00:00Z', 611],
    ['A8', 1, '2026-03-10T05:00:00Z', 2893],
    // Board member of authority A (step 2): A1's decided one second before March ends.
    ['A1', 2, '2026-03-30T16:59:59Z', 24 * 60],
    ['A2', 2, '2026-03-04T06:00:00Z', 61],
    ['A3', 2, '2026-03-11T00:00:00Z', 7 * 60 + 7],
    ['A8', 2, '2026-03-12T00:00:00Z', 45],
    // Finance of district A (A5, step 2).
    ['A5', 2, '2026-03-13T00:00:00Z', 63],
    // Board reviewer of authority B: decided as March begins (counted) ...
    ['B1', 1, '2026-02-28T14:45:00Z', 135],
    // ... board member of B: decided as March ends (not counted).
    ['B1', 2, '2026-03-30T17:00:00Z', 24 * 60],
  ];
  const inMarch = (actedAt: number) =>
    actedAt >= Date.parse('2026-02-28T17:00:00Z') && actedAt < Date.parse('2026-03-31T17:00:00Z');
  /** Seconds taken by the steps of `keys` at `position` decided in March. */
  const durations = (keys: string[], position: number) =>
    decided
      .filter(
        ([key, at, startedAt, minutes]) =>
          keys.includes(key) &&
          at === position &&
          inMarch(Date.parse(startedAt) + minutes * 60_000),
      )
      .map(([, , , minutes]) => minutes * 60);
  const times = (keys: string[], position: number) => {
    const seconds = durations(keys, position);
    return {
      count: seconds.length,
      medianHours: percentileHours(seconds, 5),
      p90Hours: percentileHours(seconds, 9),
    };
  };

  let waitsSetAt: number;

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await seedNominationFixture(stack);
    db = fx.db;
    const { org } = fx;
    ids.intake = await fx.intake('CNKT-WF-1');
    const fundA = await fx.fund(100_000_000_000n);
    const fundB = await insertFund(db, org.units.districtB, 10_000_000_000n, { policy: 'stop' });
    for (const [name, grants] of [
      ['reviewerB', [{ role: 'board_reviewer', authorityId: org.authorities.authorityB }]],
      ['memberB', [{ role: 'board_member', authorityId: org.authorities.authorityB }]],
    ] as const) {
      fx.tokens[name] = tokenFor(stack, await org.factory.user({ grants: [...grants] }));
    }
    authorities.A = org.authorities.authorityA;
    authorities.B = org.authorities.authorityB;

    const inA = { unitId: org.units.communeA, authorityId: org.authorities.authorityA };
    const inB = { unitId: org.units.communeB, authorityId: org.authorities.authorityB };
    for (const key of ['A1', 'A2', 'A3', 'A4', 'A6', 'A7', 'A8']) {
      await create(key, inA, 'unitHeadA', fundA);
    }
    // 700 million: at or above the 200 million threshold, so finance decides too.
    const [{ program_id: programId }] = await db.query(
      `SELECT program_id FROM intakes WHERE id = $1`,
      [ids.intake],
    );
    const costly = await insertRow(db, 'intakes', {
      code: 'CNKT-WF-2',
      program_id: programId,
      starts_on: shiftDays(60),
      ends_on: shiftDays(90),
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shiftDays(-5),
      nomination_closes_on: shiftDays(30),
      cost_tuition: '650000000',
      cost_allowances: '50000000',
    });
    await create('A5', inA, 'unitHeadA', fundA, costly, '700000000');
    await create('B1', inB, 'unitHeadB', fundB);
    await create('B2', inB, 'unitHeadB', fundB);
    // A staff user whose own nomination is A8.
    fx.tokens.staffA8 = tokenFor(
      stack,
      await org.factory.user({ staffId: ids['A8.staff'], grants: [{ role: 'staff' }] }),
    );

    await drive('A1', [
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
      ['approve', 'memberA'],
    ]);
    await drive('A2', [
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
      ['reject', 'memberA'],
    ]);
    await drive('A3', [
      ['submit', 'unitHeadA'],
      ['return', 'reviewerA'],
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
      ['approve', 'memberA'],
    ]);
    await drive('A4', [
      ['submit', 'unitHeadA'],
      ['return', 'reviewerA'],
    ]);
    await drive('A5', [
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
      ['approve', 'financeA'],
    ]);
    await drive('A6', [['submit', 'unitHeadA']]);
    await drive('A7', [
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
    ]);
    await drive('A8', [
      ['submit', 'unitHeadA'],
      ['approve', 'reviewerA'],
      ['approve', 'memberA'],
    ]);
    await drive('B1', [
      ['submit', 'unitHeadB'],
      ['approve', 'reviewerB'],
      ['approve', 'memberB'],
    ]);
    await drive('B2', [['submit', 'unitHeadB']]);

    // Exact instants: decided steps in (and around) March ...
    for (const [key, position, startedAt, minutes] of decided) {
      const start = new Date(startedAt);
      await setStep(key, position, start, new Date(start.getTime() + minutes * 60_000));
    }
    // ... and the steps waiting now: 30 days (overdue whatever the weekday), 10 days
    // (overdue), 4 days (overdue or not, by the weekdays in between), 2 days (not overdue).
    waitsSetAt = Date.now();
    await setStep('A5', 3, new Date(waitsSetAt - 30 * DAY_MS - HOUR_MS), null);
    await setStep('B2', 1, new Date(waitsSetAt - 10 * DAY_MS), null);
    await setStep('A7', 2, new Date(waitsSetAt - 4 * DAY_MS), null);
    await setStep('A6', 1, new Date(waitsSetAt - 2 * DAY_MS), null);

    // History: every row in the middle of March, but for A1's submission (February), B2's
    // (a millisecond before March) and B1's approval (as March ends).
    await db.query(`ALTER TABLE nomination_history DISABLE TRIGGER nomination_history_append_only`);
    await db.query(
      `UPDATE nomination_history SET occurred_at = '2026-03-15T03:00:00Z' WHERE nomination_id = ANY($1::uuid[])`,
      [Object.values(ids)],
    );
    const moveHistory = (key: string, filter: string, at: string) =>
      db.query(
        `UPDATE nomination_history SET occurred_at = $2 WHERE nomination_id = $1 AND ${filter}`,
        [ids[key], at],
      );
    await moveHistory('A1', `action = 'submit'`, '2026-02-10T03:00:00Z');
    await moveHistory('B2', `action = 'submit'`, '2026-02-28T16:59:59.999Z');
    await moveHistory('B1', `to_status = 'approved'`, '2026-03-31T17:00:00Z');
    await db.query(`ALTER TABLE nomination_history ENABLE TRIGGER nomination_history_append_only`);
  });
  afterAll(() => stack.close());

  const authorityA = () => ({
    kind: 'management_authority',
    id: authorities.A,
    name: 'Ban Thường vụ Quận ủy Ninh Kiều',
  });
  const authorityB = () => ({
    kind: 'management_authority',
    id: authorities.B,
    name: 'Ban Thường vụ Huyện ủy Phong Điền',
  });
  const districtA = () => ({ kind: 'unit', id: fx.org.units.districtA, name: 'Quận Ninh Kiều' });

  it('gives the time each step takes, by position, role and authority', async () => {
    const response = await get(`${REPORT}?${MARCH}`, 'admin');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', unitId: null });
    const allA = ['A1', 'A2', 'A3', 'A4', 'A5', 'A7', 'A8'];
    // A5's second step is finance's; A4 was returned at the first, A7 waits at the second.
    const membersA = ['A1', 'A2', 'A3', 'A8'];
    // Authorities by name within a step: Huyện ủy Phong Điền (B) before Quận ủy Ninh Kiều (A).
    expect(response.body.stepTimes).toEqual([
      { position: 1, role: 'board_reviewer', authority: authorityB(), ...times(['B1'], 1) },
      { position: 1, role: 'board_reviewer', authority: authorityA(), ...times(allA, 1) },
      { position: 2, role: 'board_member', authority: authorityA(), ...times(membersA, 2) },
      { position: 2, role: 'finance', authority: districtA(), ...times(['A5'], 2) },
    ]);
    // The values above, worked by hand: 90, 125, 611, 1000, 2893, 3000 minutes give a median
    // of (611 + 1000) / 2 = 805.5 min and a 90th percentile of 2893 + 0.5 × 107 = 2946.5 min;
    // 45, 61, 427, 1440 give (61 + 427) / 2 = 244 min and 427 + 0.7 × 1013 = 1136.1 min.
    // 135 min is 2.25 h and 63 min 1.05 h: halves round away from zero.
    expect(times(allA, 1)).toEqual({ count: 6, medianHours: 13.4, p90Hours: 49.1 });
    expect(times(membersA, 2)).toEqual({ count: 4, medianHours: 4.1, p90Hours: 18.9 });
    expect(times(['B1'], 1)).toEqual({ count: 1, medianHours: 2.3, p90Hours: 2.3 });
    expect(times(['A5'], 2)).toEqual({ count: 1, medianHours: 1.1, p90Hours: 1.1 });
  });

  it('counts the nominations waiting too long now, per authority, and lists the longest', async () => {
    const { body } = await get(`${REPORT}?${MARCH}`, 'admin');
    const asOf = new Date(body.overdue.asOf);
    expect(asOf.getTime()).toBeGreaterThanOrEqual(waitsSetAt);
    const since = {
      A5: new Date(waitsSetAt - 30 * DAY_MS - HOUR_MS),
      B2: new Date(waitsSetAt - 10 * DAY_MS),
      A7: new Date(waitsSetAt - 4 * DAY_MS),
      A6: new Date(waitsSetAt - 2 * DAY_MS),
    };
    const overdue = (Object.keys(since) as Array<keyof typeof since>).filter(
      (key) => workingDaysBetween(since[key], asOf) >= 3,
    );
    expect(overdue).toEqual(expect.arrayContaining(['A5', 'B2']));
    expect(overdue).not.toContain('A6');
    const inA = overdue.filter((key) => key.startsWith('A')).length;
    expect(body.overdue).toMatchObject({ thresholdWorkingDays: 3, total: overdue.length });
    expect(body.overdue.byAuthority).toEqual(
      inA === 2
        ? [
            { authority: authorityA(), count: 2 },
            { authority: authorityB(), count: 1 },
          ]
        : [
            { authority: authorityB(), count: 1 },
            { authority: authorityA(), count: 1 },
          ],
    );
    const wait = (key: keyof typeof since, position: number, role: string) => ({
      nominationId: ids[key],
      reference: expect.stringMatching(/^DT-\d{4}-\d{6}$/),
      nominee: { staffId: ids[`${key}.staff`], fullName: names[key] },
      step: { position, role },
      authority: key.startsWith('A') ? authorityA() : authorityB(),
      waitingSince: since[key].toISOString(),
      workingDays: workingDaysBetween(since[key], asOf),
    });
    // Longest first: A5 (30 days), B2 (10 days), then A7 (4 days) if overdue.
    expect(body.overdue.oldest).toEqual([
      wait('A5', 3, 'board_member'),
      wait('B2', 1, 'board_reviewer'),
      ...(overdue.includes('A7') ? [wait('A7', 2, 'board_member')] : []),
    ]);
    expect(body.overdue.oldest[0].workingDays).toBeGreaterThanOrEqual(20);
  });

  it('gives approval, rejection and return rates over the period', async () => {
    const { body } = await get(`${REPORT}?${MARCH}`, 'admin');
    // In March: submissions of A2, A3 (twice), A4–A8 and B1 (A1's was in February, B2's
    // a millisecond before March); returns of A3 and A4; approvals of A1, A3 and A8 (B1's
    // as March ended); the rejection of A2.
    expect(body.rates).toEqual({
      decided: 4,
      approved: 3,
      rejected: 1,
      approvalRate: 75,
      rejectionRate: 25,
      submissions: 9,
      returns: 2,
      returnRate: Math.round((2 / 9) * 10_000) / 100,
    });
    expect(body.rates.returnRate).toBe(22.22);
  });

  it('counts only the nominees the caller may see', async () => {
    const headB = (await get(`${REPORT}?${MARCH}`, 'unitHeadB')).body;
    expect(headB.stepTimes).toEqual([
      { position: 1, role: 'board_reviewer', authority: authorityB(), ...times(['B1'], 1) },
    ]);
    expect(headB.overdue).toMatchObject({
      total: 1,
      byAuthority: [{ authority: authorityB(), count: 1 }],
      oldest: [expect.objectContaining({ nominationId: ids.B2 })],
    });
    expect(headB.rates).toEqual({
      decided: 0,
      approved: 0,
      rejected: 0,
      approvalRate: null,
      rejectionRate: null,
      submissions: 1,
      returns: 0,
      returnRate: 0,
    });

    // An administrator asking for district B's subtree sees the same.
    const subtree = await get(`${REPORT}?${MARCH}&unitId=${fx.org.units.districtB}`, 'admin');
    expect(subtree.body).toMatchObject({
      unitId: fx.org.units.districtB,
      stepTimes: headB.stepTimes,
      rates: headB.rates,
      overdue: { total: 1, byAuthority: headB.overdue.byAuthority, oldest: headB.overdue.oldest },
    });

    // Unit head A sees district A, and none of district B.
    const headA = (await get(`${REPORT}?${MARCH}`, 'unitHeadA')).body;
    expect(
      headA.stepTimes.map((row: { authority: { id: string } }) => row.authority.id),
    ).not.toContain(authorities.B);
    expect(headA.rates).toMatchObject({ decided: 4, submissions: 8, returns: 2 });

    // A staff member sees the steps of their own nominations only (A8).
    const own = (await get(`${REPORT}?${MARCH}`, 'staffA8')).body;
    expect(own.stepTimes).toEqual([
      { position: 1, role: 'board_reviewer', authority: authorityA(), ...times(['A8'], 1) },
      { position: 2, role: 'board_member', authority: authorityA(), ...times(['A8'], 2) },
    ]);
    expect(own.overdue).toMatchObject({ total: 0, byAuthority: [], oldest: [] });
    expect(own.rates).toMatchObject({
      decided: 1,
      approved: 1,
      approvalRate: 100,
      submissions: 1,
      returnRate: 0,
    });

    // The board member of the city sees no nominee of the districts.
    const city = (await get(`${REPORT}?${MARCH}`, 'memberCity')).body;
    expect(city).toMatchObject({ stepTimes: [], overdue: { total: 0 }, rates: { decided: 0 } });
  });

  it('exports CSV with a byte-order mark and Vietnamese headers, a table at a time', async () => {
    const steps = await get(`${REPORT}?${MARCH}&format=csv`, 'admin');
    expect(steps.status).toBe(200);
    const raw = await fetch(`${stack.http.baseUrl}${REPORT}?${MARCH}&format=csv`, {
      headers: bearer(fx.tokens.admin),
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(steps.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(steps.headers.get('content-disposition')).toContain(
      'workflow-performance-step-times.csv',
    );
    const a = times(['A1', 'A2', 'A3', 'A4', 'A5', 'A7', 'A8'], 1);
    // The client's text decoding drops the byte-order mark checked above.
    expect(steps.text).toBe(
      'Bước,Vai trò,Cơ quan/đơn vị,Số lượt,Trung vị (giờ),Phân vị 90 (giờ)\r\n' +
        '1,Ban Tổ chức (thẩm định),Ban Thường vụ Huyện ủy Phong Điền,1,2.3,2.3\r\n' +
        `1,Ban Tổ chức (thẩm định),Ban Thường vụ Quận ủy Ninh Kiều,${a.count},${a.medianHours},${a.p90Hours}\r\n` +
        '2,Ban Thường vụ,Ban Thường vụ Quận ủy Ninh Kiều,4,4.1,18.9\r\n' +
        '2,Tài chính,Quận Ninh Kiều,1,1.1,1.1\r\n',
    );

    const rates = await get(`${REPORT}?${MARCH}&table=rates`, 'admin', { accept: 'text/csv' });
    expect(rates.text).toBe(
      'Chỉ tiêu,Số lượng,Trên tổng số,Tỷ lệ (%)\r\n' +
        'Phê duyệt (trên số hồ sơ đã quyết định),3,4,75\r\n' +
        'Từ chối (trên số hồ sơ đã quyết định),1,4,25\r\n' +
        'Trả lại (trên số lượt trình),2,9,22.22\r\n',
    );

    const overdue = await get(`${REPORT}?${MARCH}&format=csv&table=overdue`, 'unitHeadB');
    expect(overdue.text).toBe(
      'Cơ quan/đơn vị,Số hồ sơ chờ quá hạn\r\nBan Thường vụ Huyện ủy Phong Điền,1\r\n',
    );
  });

  it('exports a workbook with a sheet per table and number cells', async () => {
    const response = await stack.http.request('GET', `${REPORT}?${MARCH}&format=xlsx`, {
      headers: bearer(fx.tokens.admin),
    });
    expect(response.headers.get('content-type')).toBe(XLSX);
    const raw = await fetch(`${stack.http.baseUrl}${REPORT}?${MARCH}`, {
      headers: { ...bearer(fx.tokens.admin), accept: XLSX },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await raw.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Thời gian xử lý theo bước',
      'Hồ sơ chờ quá hạn',
      'Hồ sơ chờ lâu nhất',
      'Tỷ lệ duyệt, từ chối, trả lại',
    ]);
    const steps = workbook.getWorksheet('Thời gian xử lý theo bước')!;
    expect(steps.getRow(1).values).toEqual([
      undefined,
      'Bước',
      'Vai trò',
      'Cơ quan/đơn vị',
      'Số lượt',
      'Trung vị (giờ)',
      'Phân vị 90 (giờ)',
    ]);
    expect(steps.getRow(4).values).toEqual([
      undefined,
      2,
      'Ban Thường vụ',
      'Ban Thường vụ Quận ủy Ninh Kiều',
      4,
      4.1,
      18.9,
    ]);
    const oldest = workbook.getWorksheet('Hồ sơ chờ lâu nhất')!;
    const first = oldest.getRow(2);
    expect(first.getCell(2).value).toBe(names.A5);
    expect(first.getCell(3).value).toBe(3);
    expect(first.getCell(6).value).toBeInstanceOf(Date);
    expect(typeof first.getCell(7).value).toBe('number');
    const rates = workbook.getWorksheet('Tỷ lệ duyệt, từ chối, trả lại')!;
    expect(rates.getRow(4).values).toEqual([
      undefined,
      'Trả lại (trên số lượt trình)',
      2,
      9,
      22.22,
    ]);
  });

  it('refuses bad periods, unknown fields and unknown units', async () => {
    const problem = async (query: string) => {
      const response = await get(`${REPORT}?${query}`, 'admin');
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return response;
    };
    const badDay = await problem('from=2026-02-30&to=31/03/2026');
    expect(badDay.status).toBe(400);
    expect(badDay.body.code).toBe('VALIDATION_FAILED');
    expect(badDay.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'from', code: 'IS_ISO8601' }),
        expect.objectContaining({ field: 'to', code: 'MATCHES' }),
      ]),
    );
    const reversed = await problem('from=2026-04-01&to=2026-03-31');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ field: 'to', code: 'PERIOD_REVERSED' }),
    ]);
    const unknown = await problem('colour=red&unitId=district-a&format=pdf');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'colour', code: 'UNKNOWN_FIELD' }),
        expect.objectContaining({ field: 'unitId', code: 'IS_UUID' }),
        expect.objectContaining({ field: 'format', code: 'IS_IN' }),
      ]),
    );
    const noUnit = await problem(`unitId=${randomUUID()}`);
    expect(noUnit.status).toBe(404);
    expect(noUnit.body.code).toBe('UNIT_NOT_FOUND');
    const noTable = await problem(`${MARCH}&format=csv&table=nothing`);
    expect(noTable.status).toBe(400);
    expect(noTable.body.errors).toEqual([expect.objectContaining({ field: 'table' })]);
    expect((await stack.http.get(REPORT)).status).toBe(401);
  });

  it('covers the 365 days ending today by default', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    const first = new Date(`${today}T00:00:00+07:00`);
    first.setUTCDate(first.getUTCDate() - 364);
    // B1's review decided as the default period begins (counted); its decision by the board
    // a millisecond before (not counted).
    await setStep('B1', 1, new Date(first.getTime() - HOUR_MS), first);
    await setStep('B1', 2, new Date(first.getTime() - 2 * HOUR_MS), new Date(first.getTime() - 1));
    const { body } = await get(REPORT, 'unitHeadB');
    expect(body).toMatchObject({
      from: new Date(first.getTime() + 7 * HOUR_MS).toISOString().slice(0, 10),
      to: today,
    });
    expect(body.stepTimes).toEqual([
      {
        position: 1,
        role: 'board_reviewer',
        authority: authorityB(),
        count: 1,
        medianHours: 1,
        p90Hours: 1,
      },
    ]);
  });
});
