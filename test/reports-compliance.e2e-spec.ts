import { JobProducer, QueueName } from '@app/queue';
import { eventually, TestStack, tokenFor } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  OrganizationFixture,
  ReportSuite,
  startReportSuite,
  TIER_LEVEL,
  TierKey,
  workbook,
} from './support/report-suite';

type UnitKey = 'city' | 'districtA' | 'districtB' | 'communeA' | 'communeB';

const TIER_OF: Record<UnitKey, TierKey> = {
  city: 'city',
  districtA: 'district',
  districtB: 'district',
  communeA: 'commune',
  communeB: 'commune',
};
const ALL_UNITS: UnitKey[] = ['city', 'districtA', 'districtB', 'communeA', 'communeB'];

interface Standard {
  minEducation?: number;
  minPoliticalTheory?: number;
  minFosteringRank?: number;
  minLanguageLevel?: number;
}

/** A staff record as the test knows it, independently of the database. */
interface Person {
  id: string;
  unit: UnitKey;
  standard: Standard | null;
  education: number | null;
  theory: number;
  fostering: number | null;
  language: number | null;
  status: 'active' | 'on_leave' | 'retired' | 'transferred';
}

interface Counts {
  staff: number;
  withPosition: number;
  meeting: number;
  university: number;
  theory: number;
}

/** Whether a person meets every requirement of their position (a missing level is below). */
function meets(person: Person): boolean {
  const standard = person.standard;
  if (!standard) return false;
  const atLeast = (actual: number | null, required: number | undefined) =>
    required === undefined || (actual ?? 0) >= required;
  return (
    atLeast(person.education, standard.minEducation) &&
    atLeast(person.theory, standard.minPoliticalTheory) &&
    atLeast(person.fostering, standard.minFosteringRank) &&
    atLeast(person.language, standard.minLanguageLevel)
  );
}

function count(people: Person[], units: UnitKey[]): Counts {
  const counted = people.filter((p) => p.status === 'active' && units.includes(p.unit));
  return {
    staff: counted.length,
    withPosition: counted.filter((p) => p.standard !== null).length,
    meeting: counted.filter(meets).length,
    university: counted.filter((p) => (p.education ?? 0) >= 3).length,
    theory: counted.filter((p) => p.theory >= 2).length,
  };
}

/** part / whole in percent, half up to 2 decimals, in whole numbers until the last step. */
const halfUp = (part: number, whole: number) =>
  whole === 0 ? null : Math.floor((part * 20_000 + whole) / (2 * whole)) / 100;

function figures(counts: Counts) {
  return {
    staff: counts.staff,
    withPosition: counts.withPosition,
    meetingStandard: {
      count: counts.meeting,
      percent: halfUp(counts.meeting, counts.withPosition),
    },
    universityOrHigher: {
      count: counts.university,
      percent: halfUp(counts.university, counts.staff),
    },
    politicalTheoryIntermediateOrHigher: {
      count: counts.theory,
      percent: halfUp(counts.theory, counts.staff),
    },
  };
}

/** The report expected over some units: overall and per tier (tiers with staff, in order). */
function expectedReport(people: Person[], units: UnitKey[]) {
  const tiers = (['city', 'district', 'commune'] as TierKey[])
    .map((tier) => ({
      tier,
      counts: count(
        people,
        units.filter((u) => TIER_OF[u] === tier),
      ),
    }))
    .filter(({ counts }) => counts.staff > 0);
  return {
    overall: figures(count(people, units)),
    groups: tiers.map(({ tier, counts }) => ({
      tier: expect.objectContaining({ level: TIER_LEVEL[tier] }),
      ...figures(counts),
    })),
  };
}

const D1 = '2024-03-31';
const D2 = '2024-09-30';

describe('Reports: standards compliance', () => {
  let stack: TestStack;
  let org: OrganizationFixture;
  let db: DataSource;
  let tokens: ReportSuite['tokens'];
  let get: ReportSuite['get'];
  let download: ReportSuite['download'];
  let expectFieldErrors: ReportSuite['expectFieldErrors'];
  const people: Person[] = [];
  let atD1: Person[];
  let atD2: Person[];

  /** Takes a snapshot through the real queue and worker; resolves to the finished job. */
  async function snapshot(date: string | undefined) {
    const producer = stack.api.get(JobProducer);
    const id = await producer.enqueue('reports.compliance-snapshot', date ? { date } : {});
    const queue = producer.queue(QueueName.reports);
    return eventually(
      async () => {
        const job = await queue.getJob(id);
        return job?.finishedOn ? job : undefined;
      },
      { timeoutMs: 20_000 },
    );
  }

  const copyOf = (state: Person[]) => state.map((p) => ({ ...p }));

  async function addPerson(spec: Omit<Person, 'id' | 'status'> & { status?: Person['status'] }) {
    const positionId = spec.standard ? positions.get(spec.standard) : null;
    const authority =
      spec.unit === 'city'
        ? org.authorities.cityAuthority
        : spec.unit.endsWith('A')
          ? org.authorities.authorityA
          : org.authorities.authorityB;
    const id = await org.factory.staff({
      unitId: org.units[spec.unit],
      authorityId: authority,
      positionId,
      educationLevel: spec.education,
      politicalTheory: spec.theory,
      fosteringRank: spec.fostering,
      languageLevel: spec.language,
    });
    if (spec.education === null) {
      // The factory's default would fill it in.
      await db.query(`UPDATE staff SET education_level = NULL WHERE id = $1`, [id]);
    }
    const status = spec.status ?? 'active';
    if (status !== 'active') {
      await db.query(`UPDATE staff SET employment_status = $2 WHERE id = $1`, [id, status]);
    }
    const person: Person = { ...spec, id, status };
    people.push(person);
    return person;
  }

  async function change(person: Person, changes: Partial<Omit<Person, 'id' | 'standard'>>) {
    Object.assign(person, changes);
    await db.query(
      `UPDATE staff SET unit_id = $2, education_level = $3, political_theory = $4,
                        employment_status = $5 WHERE id = $1`,
      [person.id, org.units[person.unit], person.education, person.theory, person.status],
    );
  }

  const positions = new Map<Standard, string>();
  const LEADER: Standard = { minEducation: 3, minPoliticalTheory: 3 };
  const COMMUNE_LEADER: Standard = { minEducation: 3, minPoliticalTheory: 2 };
  const SPECIALIST: Standard = { minEducation: 3, minFosteringRank: 1 };
  const LANGUAGE: Standard = { minLanguageLevel: 4 };

  beforeAll(async () => {
    ({ stack, org, db, tokens, get, download, expectFieldErrors } = await startReportSuite({
      worker: true,
    }));
    tokens.memberUnitA = tokenFor(
      stack,
      await org.factory.user({ grants: [{ role: 'board_member', unitId: org.units.districtA }] }),
    );
    positions.set(LEADER, org.positions.leader);
    for (const standard of [COMMUNE_LEADER, SPECIALIST, LANGUAGE]) {
      positions.set(standard, await org.factory.position(standard));
    }
    // The fixture's own staff, as it seeds them.
    const none = { fostering: null, language: null };
    people.push(
      {
        id: org.staff.staffA,
        unit: 'districtA',
        standard: LEADER,
        education: 3,
        theory: 2,
        status: 'active',
        ...none,
      },
      {
        id: org.staff.staffA2,
        unit: 'communeA',
        standard: null,
        education: 3,
        theory: 0,
        status: 'active',
        ...none,
      },
      {
        id: org.staff.staffB,
        unit: 'districtB',
        standard: null,
        education: 3,
        theory: 0,
        status: 'active',
        ...none,
      },
      {
        id: org.staff.staffCity,
        unit: 'city',
        standard: null,
        education: 3,
        theory: 0,
        status: 'active',
        ...none,
      },
    );
  });
  afterAll(() => stack?.close());

  describe('standards compliance', () => {
    let retiring: Person;
    let raised: Person;
    let moving: Person;
    let onLeave: Person;

    beforeAll(async () => {
      const none = { fostering: null, language: null };
      await addPerson({ unit: 'city', standard: LEADER, education: 4, theory: 3, ...none });
      await addPerson({ unit: 'city', standard: LEADER, education: 5, theory: 2, ...none });
      moving = await addPerson({
        unit: 'city',
        standard: SPECIALIST,
        education: 3,
        theory: 1,
        fostering: 1,
        language: null,
      });
      retiring = await addPerson({
        unit: 'districtA',
        standard: LEADER,
        education: 3,
        theory: 3,
        ...none,
      });
      await addPerson({
        unit: 'districtA',
        standard: SPECIALIST,
        education: 2,
        theory: 0,
        fostering: 1,
        language: null,
      });
      await addPerson({ unit: 'districtA', standard: null, education: 1, theory: 1, ...none });
      onLeave = await addPerson({
        unit: 'districtA',
        standard: LEADER,
        education: 4,
        theory: 3,
        status: 'on_leave',
        ...none,
      });
      await addPerson({
        unit: 'communeA',
        standard: COMMUNE_LEADER,
        education: 3,
        theory: 2,
        ...none,
      });
      await addPerson({
        unit: 'communeA',
        standard: COMMUNE_LEADER,
        education: 2,
        theory: 2,
        ...none,
      });
      await addPerson({
        unit: 'communeA',
        standard: LANGUAGE,
        education: null,
        theory: 0,
        fostering: null,
        language: 4,
      });
      await addPerson({ unit: 'communeA', standard: null, education: 3, theory: 3, ...none });
      await addPerson({ unit: 'districtB', standard: LEADER, education: 4, theory: 3, ...none });
      await addPerson({
        unit: 'districtB',
        standard: SPECIALIST,
        education: 3,
        theory: 2,
        ...none,
      });
      raised = await addPerson({
        unit: 'communeB',
        standard: COMMUNE_LEADER,
        education: 3,
        theory: 1,
        ...none,
      });
      await addPerson({ unit: 'communeB', standard: null, education: 2, theory: 0, ...none });

      const first = await snapshot(D1);
      expect(first.returnvalue).toMatchObject({
        date: D1,
        units: 5,
        staff: count(people, ALL_UNITS).staff,
      });
      atD1 = copyOf(people);

      // Between the two snapshots: a leader retires, a commune leader finishes political
      // theory, a specialist moves to district B, two people join commune A.
      await change(retiring, { status: 'retired' });
      await change(raised, { theory: 2 });
      await change(moving, { unit: 'districtB' });
      await addPerson({
        unit: 'communeA',
        standard: COMMUNE_LEADER,
        education: 4,
        theory: 3,
        ...none,
      });
      await addPerson({ unit: 'communeA', standard: null, education: 2, theory: 2, ...none });
      const second = await snapshot(D2);
      expect(second.returnvalue).toMatchObject({ date: D2, units: 5 });
      atD2 = copyOf(people);

      // After it: someone comes back from leave, commune B's staff are transferred away.
      await change(onLeave, { status: 'active' });
      for (const person of people.filter((p) => p.unit === 'communeB')) {
        await change(person, { status: 'transferred' });
      }
    });

    it('should schedule the snapshot daily at 01:00 organization time, and take one at start', async () => {
      const queue = stack.api.get(JobProducer).queue(QueueName.reports);
      expect(await queue.getJobSchedulers(0, -1)).toEqual([
        expect.objectContaining({
          name: 'reports.compliance-snapshot',
          pattern: '0 1 * * *',
          tz: 'Asia/Ho_Chi_Minh',
        }),
      ]);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(),
      );
      const atStart = await eventually(async () =>
        (await queue.getJobs(['completed'])).find((job) => !job.data.date),
      );
      expect(atStart.returnvalue).toMatchObject({ date: today });
    });

    it('should have written one row per unit with active staff, with the staff placed there', async () => {
      const rows: Array<{ unit_id: string; staff: number }> = await db.query(
        `SELECT unit_id, staff FROM compliance_snapshots WHERE taken_on = $1`,
        [D1],
      );
      expect(Object.fromEntries(rows.map((row) => [row.unit_id, row.staff]))).toEqual(
        Object.fromEntries(ALL_UNITS.map((unit) => [org.units[unit], count(atD1, [unit]).staff])),
      );
    });

    it('should answer the figures at each snapshot date, per tier and overall', async () => {
      const first = await get(`/api/v1/reports/compliance?at=${D1}`, 'admin');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        unitId: null,
        groupBy: 'tier',
        at: D1,
        snapshotDate: D1,
        ...expectedReport(atD1, ALL_UNITS),
      });
      const second = await get(`/api/v1/reports/compliance?at=${D2}`, 'admin');
      expect(second.body).toEqual({
        unitId: null,
        groupBy: 'tier',
        at: D2,
        snapshotDate: D2,
        ...expectedReport(atD2, ALL_UNITS),
      });
      // The two differ: the figures are the snapshot's, not today's.
      expect(second.body.overall).not.toEqual(first.body.overall);
    });

    it('should use the latest snapshot on or before the date, and say which', async () => {
      const between = await get('/api/v1/reports/compliance?at=2024-06-15', 'admin');
      expect(between.status).toBe(200);
      expect(between.body.snapshotDate).toBe(D1);
      expect(between.body.overall).toEqual(expectedReport(atD1, ALL_UNITS).overall);
    });

    it('should answer 404 NO_SNAPSHOT before the first snapshot', async () => {
      const response = await get('/api/v1/reports/compliance?at=2024-01-01', 'admin');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NO_SNAPSHOT');
    });

    it('should answer the live figures without a date', async () => {
      const live = await get('/api/v1/reports/compliance', 'admin');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({
        unitId: null,
        groupBy: 'tier',
        at: null,
        snapshotDate: null,
        ...expectedReport(people, ALL_UNITS),
      });
      // The same people as the compliance summary counts.
      const summary = await get('/api/v1/compliance', 'admin');
      expect(live.body.overall.staff).toBe(summary.body.overall.total);
      expect(live.body.overall.meetingStandard.count).toBe(
        summary.body.overall.meetingStandard.count,
      );
    });

    it('should group by the direct children of a unit, past and live', async () => {
      const expectedGroups = (state: Person[]) =>
        [
          { id: org.units.city, units: ['city'] as UnitKey[] },
          { id: org.units.districtA, units: ['districtA', 'communeA'] as UnitKey[] },
          { id: org.units.districtB, units: ['districtB', 'communeB'] as UnitKey[] },
        ]
          .map(({ id, units }) => ({ id, ...figures(count(state, units)) }))
          .filter((group) => group.staff > 0);
      for (const [at, state] of [
        [`&at=${D1}`, atD1],
        [`&at=${D2}`, atD2],
        ['', people],
      ] as const) {
        const response = await get(
          `/api/v1/reports/compliance?groupBy=unit&unitId=${org.units.city}${at}`,
          'admin',
        );
        expect(response.status).toBe(200);
        expect(response.body.unitId).toBe(org.units.city);
        const groups = response.body.groups.map(({ unit, ...rest }: any) => ({
          id: unit.id,
          ...rest,
        }));
        expect(groups).toEqual(expect.arrayContaining(expectedGroups(state)));
        expect(groups).toHaveLength(expectedGroups(state).length);
        expect(response.body.groups[0].unit.id).toBe(org.units.city);
      }
    });

    it('should list one trend point per snapshot date in the range', async () => {
      const response = await get(
        '/api/v1/reports/compliance/trend?from=2024-01-01&to=2024-12-31',
        'admin',
      );
      expect(response.status).toBe(200);
      expect(response.body.from).toBe('2024-01-01');
      expect(response.body.to).toBe('2024-12-31');
      expect(response.body.every).toBe('day');
      const point = (date: string, state: Person[]) => {
        const all = figures(count(state, ALL_UNITS));
        return {
          date,
          imported: false,
          staff: all.staff,
          withPosition: all.withPosition,
          meetingStandard: all.meetingStandard,
          tiers: expectedReport(state, ALL_UNITS).groups.map((group) => ({
            tier: group.tier,
            staff: group.staff,
            withPosition: group.withPosition,
            meetingStandard: group.meetingStandard,
          })),
        };
      };
      expect(response.body.points).toEqual([point(D1, atD1), point(D2, atD2)]);

      const one = await get(
        `/api/v1/reports/compliance/trend?from=2024-04-01&to=2024-12-31`,
        'admin',
      );
      expect(one.body.points.map((p: any) => p.date)).toEqual([D2]);

      // Per quarter or year: the last snapshot of each.
      const dates = async (every: string) =>
        (
          await get(
            `/api/v1/reports/compliance/trend?from=2024-01-01&to=2024-12-31&every=${every}`,
            'admin',
          )
        ).body.points.map((p: any) => p.date);
      expect(await dates('quarter')).toEqual([D1, D2]);
      expect(await dates('year')).toEqual([D2]);
    });

    it('should thin a trend with too many snapshot days, or refuse it with every=day', async () => {
      // 250 daily snapshots of one unit in 2019, removed afterwards.
      await db.query(
        `INSERT INTO compliance_snapshots
           (taken_on, unit_id, tier_id, staff, with_position, meeting_standard, university, political_theory)
         SELECT d::date, $1, $2, 4, 3, 2, 1, 1
           FROM generate_series('2019-01-01'::date, '2019-01-01'::date + 249, '1 day') d`,
        [org.units.city, org.tiers.cityTier],
      );
      try {
        const path = '/api/v1/reports/compliance/trend?from=2019-01-01&to=2019-12-31';
        const thinned = await get(path, 'admin');
        expect(thinned.status).toBe(200);
        expect(thinned.body.every).toBe('week');
        // The last day of each ISO week, the first (Tuesday 1 January) to the last (7 September).
        expect(thinned.body.points).toHaveLength(36);
        expect(thinned.body.points[0]).toMatchObject({
          date: '2019-01-06',
          staff: 4,
          withPosition: 3,
          meetingStandard: { count: 2, percent: 66.67 },
        });
        expect(thinned.body.points.at(-1).date).toBe('2019-09-07');
        const refused = await get(`${path}&every=day`, 'admin');
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([
          expect.objectContaining({ field: 'every', code: 'TOO_MANY_POINTS' }),
        ]);
      } finally {
        await db.query(`DELETE FROM compliance_snapshots WHERE taken_on < '2020-01-01'`);
      }
    });

    describe('scope', () => {
      const A: UnitKey[] = ['districtA', 'communeA'];

      it.each(['unitHeadA', 'financeA', 'reviewerA', 'memberUnitA'])(
        '%s should see district A only, live and at each date',
        async (who) => {
          for (const [at, state, snapshotDate] of [
            [`?at=${D1}`, atD1, D1],
            [`?at=${D2}`, atD2, D2],
            ['', people, null],
          ] as const) {
            const response = await get(`/api/v1/reports/compliance${at}`, who);
            expect(response.status).toBe(200);
            expect(response.body).toEqual({
              unitId: org.units.districtA,
              groupBy: 'tier',
              at: snapshotDate,
              snapshotDate,
              ...expectedReport(state, A),
            });
          }
          const trend = await get(
            '/api/v1/reports/compliance/trend?from=2024-01-01&to=2024-12-31',
            who,
          );
          expect(trend.body.points.map((p: any) => p.staff)).toEqual([
            count(atD1, A).staff,
            count(atD2, A).staff,
          ]);
        },
      );

      it('should answer 404 for another district, and count only the scope under a wider unit', async () => {
        for (const at of ['', `&at=${D1}`]) {
          const other = await get(
            `/api/v1/reports/compliance?unitId=${org.units.districtB}${at}`,
            'unitHeadA',
          );
          expect(other.status).toBe(404);
          expect(other.body.code).toBe('UNIT_NOT_FOUND');
          const wider = await get(
            `/api/v1/reports/compliance?unitId=${org.units.city}${at}`,
            'unitHeadA',
          );
          expect(wider.status).toBe(200);
          expect(wider.body.overall).toEqual(expectedReport(at ? atD1 : people, A).overall);
        }
        const trend = await get(
          `/api/v1/reports/compliance/trend?unitId=${org.units.communeB}`,
          'financeA',
        );
        expect(trend.status).toBe(404);
        const missing = await get(`/api/v1/reports/compliance?unitId=${randomUUID()}`, 'admin');
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('UNIT_NOT_FOUND');
      });

      it('should give a city board member over the city authority the whole city', async () => {
        const response = await get(`/api/v1/reports/compliance?at=${D2}`, 'memberCity');
        expect(response.body.unitId).toBe(org.units.city);
        expect(response.body.overall).toEqual(expectedReport(atD2, ALL_UNITS).overall);
      });

      it('should give a staff member no figures', async () => {
        const response = await get(`/api/v1/reports/compliance?at=${D1}`, 'staffA');
        expect(response.status).toBe(200);
        expect(response.body.overall.staff).toBe(0);
        expect(response.body.overall.meetingStandard.percent).toBeNull();
        expect(response.body.groups).toEqual([]);
        const unit = await get(
          `/api/v1/reports/compliance?unitId=${org.units.districtA}`,
          'staffA',
        );
        expect(unit.status).toBe(404);
      });
    });

    it('should export CSV with a BOM and Vietnamese headers, and XLSX with number cells', async () => {
      const csv = await download(`/api/v1/reports/compliance?at=${D1}`, 'admin', {
        accept: 'text/csv',
      });
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Ngày,Cấp,Số cán bộ,Giữ chức danh,Đạt chuẩn,Tỷ lệ đạt chuẩn (%),Đại học trở lên,' +
          'Tỷ lệ đại học trở lên (%),LLCT trung cấp trở lên,Tỷ lệ LLCT trung cấp trở lên (%)',
      );
      const all = figures(count(atD1, ALL_UNITS));
      expect(lines[lines.length - 1]).toBe(
        [
          D1,
          'Tổng cộng',
          all.staff,
          all.withPosition,
          all.meetingStandard.count,
          all.meetingStandard.percent,
          all.universityOrHigher.count,
          all.universityOrHigher.percent,
          all.politicalTheoryIntermediateOrHigher.count,
          all.politicalTheoryIntermediateOrHigher.percent,
        ].join(','),
      );
      expect(lines[1].startsWith(`${D1},Thành phố,`)).toBe(true);

      const xlsx = await download(
        `/api/v1/reports/compliance?groupBy=unit&unitId=${org.units.city}&format=xlsx`,
        'admin',
      );
      expect(xlsx.status).toBe(200);
      const sheet = (await workbook(xlsx.bytes)).getWorksheet('Tỷ lệ đạt chuẩn')!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Đơn vị');
      expect(sheet.getRow(2).getCell(2).value).toBe('Thành ủy Cần Thơ');
      const live = figures(count(people, ALL_UNITS));
      const total = sheet.getRow(sheet.rowCount);
      expect(total.getCell(2).value).toBe('Tổng cộng');
      expect(total.getCell(3).value).toBe(live.staff);
      expect(total.getCell(6).value).toBe(live.meetingStandard.percent);

      const trend = await download(
        '/api/v1/reports/compliance/trend?from=2024-01-01&to=2024-12-31&format=csv&table=tiers',
        'admin',
      );
      const trendLines = trend.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(trendLines[0]).toBe('Ngày,Cấp,Số cán bộ,Giữ chức danh,Đạt chuẩn,Tỷ lệ đạt chuẩn (%)');
      expect(trendLines).toHaveLength(1 + 3 + 3);
    });

    it('should replace a day when it is taken again, dropping units left without staff', async () => {
      await snapshot(D2);
      const response = await get(`/api/v1/reports/compliance?at=${D2}`, 'admin');
      expect(response.body.overall).toEqual(expectedReport(people, ALL_UNITS).overall);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM compliance_snapshots WHERE taken_on = $1 AND unit_id = $2`,
        [D2, org.units.communeB],
      );
      expect(n).toBe(0);
      // The first day is untouched.
      const first = await get(`/api/v1/reports/compliance?at=${D1}`, 'admin');
      expect(first.body.overall).toEqual(expectedReport(atD1, ALL_UNITS).overall);
    });

    it('should take today when no date is given, and fail a bad date without retrying', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(),
      );
      const taken = await snapshot(undefined);
      expect(taken.returnvalue).toMatchObject({ date: today });
      for (const date of ['2024-02-30', 'yesterday', '2999-01-01']) {
        const job = await snapshot(date);
        expect(job.failedReason).toMatch(/date|future/);
        expect(job.attemptsMade).toBe(1);
      }
    });

    it('should refuse bad dates, unknown fields and reversed ranges with 400', async () => {
      const cases: Array<[string, string, string]> = [
        ['/api/v1/reports/compliance?at=2024-02-30', 'at', 'IS_ISO8601'],
        ['/api/v1/reports/compliance?at=20240101', 'at', 'MATCHES'],
        ['/api/v1/reports/compliance?groupBy=person', 'groupBy', 'IS_IN'],
        ['/api/v1/reports/compliance?unitId=abc', 'unitId', 'IS_UUID'],
        ['/api/v1/reports/compliance?colour=red', 'colour', 'UNKNOWN_FIELD'],
        ['/api/v1/reports/compliance?format=pdf', 'format', 'IS_IN'],
        ['/api/v1/reports/compliance/trend?from=2024-13-01', 'from', 'IS_ISO8601'],
        ['/api/v1/reports/compliance/trend?from=2024-12-01&to=2024-01-01', 'to', 'PERIOD_REVERSED'],
        [
          '/api/v1/reports/compliance/trend?from=2000-01-01&to=2024-01-01',
          'from',
          'RANGE_TOO_LONG',
        ],
        ['/api/v1/reports/compliance/trend?at=2024-01-01', 'at', 'UNKNOWN_FIELD'],
        ['/api/v1/reports/compliance/trend?every=fortnight', 'every', 'IS_IN'],
      ];
      await expectFieldErrors(cases);
      const anonymous = await stack.http.get('/api/v1/reports/compliance');
      expect(anonymous.status).toBe(401);
    });
  });
});
