import { BudgetService } from '@app/budget';
import { JobProducer, QueueName } from '@app/queue';
import {
  bearer,
  eventually,
  seedOrganizationFixture,
  startTestStack,
  TestStack,
  tokenFor,
} from '@app/testing';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type UnitKey = 'city' | 'districtA' | 'districtB' | 'communeA' | 'communeB';
type TierKey = 'city' | 'district' | 'commune';

const TIER_OF: Record<UnitKey, TierKey> = {
  city: 'city',
  districtA: 'district',
  districtB: 'district',
  communeA: 'commune',
  communeB: 'commune',
};
const TIER_LEVEL: Record<TierKey, number> = { city: 1, district: 2, commune: 3 };
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

/** part / whole in percent, rounded down to 2 decimals, in whole VND. */
const floorPercent = (part: bigint, whole: bigint) =>
  whole <= 0n ? 0 : Number((part * 10_000n) / whole) / 100;

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

describe('Reports: standards compliance and budget usage', () => {
  let stack: TestStack;
  let org: Fixture;
  let db: DataSource;
  const people: Person[] = [];
  let atD1: Person[];
  let atD2: Person[];
  const tokens: Record<string, string> = {};

  const get = (path: string, who: string, headers: Record<string, string> = {}) =>
    stack.http.get(path, { ...bearer(tokens[who]), ...headers });

  /** The raw bytes of an export (fetch's text() would drop the byte-order mark). */
  async function download(path: string, who: string, headers: Record<string, string> = {}) {
    const response = await fetch(stack.http.baseUrl + path, {
      headers: { ...bearer(tokens[who]), ...headers },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  async function workbook(bytes: Buffer) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    return book;
  }

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
    stack = await startTestStack({ worker: true });
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    Object.assign(tokens, org.tokens);
    tokens.financeB = tokenFor(
      stack,
      await org.factory.user({ grants: [{ role: 'finance', unitId: org.units.districtB }] }),
    );
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
      for (const [path, field, code] of cases) {
        const response = await get(path, 'admin');
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      }
      const anonymous = await stack.http.get('/api/v1/reports/compliance');
      expect(anonymous.status).toBe(401);
    });
  });

  describe('budget usage', () => {
    type Owner = 'city' | 'districtA' | 'districtB' | 'communeA';
    type Source = 'state_budget' | 'sponsor' | 'scholarship' | 'other';
    interface FundModel {
      id: string;
      year: number;
      owner: Owner;
      source: Source;
      allocated: bigint;
      reserved: bigint;
      spent: bigint;
    }
    const funds: FundModel[] = [];
    const budget = new BudgetService();
    const SOURCES: Source[] = ['state_budget', 'sponsor', 'scholarship', 'other'];
    const LABEL: Record<Source, string> = {
      state_budget: 'Ngân sách nhà nước',
      sponsor: 'Tài trợ',
      scholarship: 'Học bổng',
      other: 'Khác',
    };
    const OWNER_TIER: Record<Owner, TierKey> = {
      city: 'city',
      districtA: 'district',
      districtB: 'district',
      communeA: 'commune',
    };
    const MAX_PER_CALL = 999_999_999_999_999n;
    // Above 2^53: a JSON number would print 9999999999999998.
    const HUGE = MAX_PER_CALL * 10n + 7n;

    async function fund(year: number, owner: Owner, source: Source, allocated: bigint) {
      const first = allocated > MAX_PER_CALL ? MAX_PER_CALL : allocated;
      const created = await stack.http.post(
        '/api/v1/funds',
        {
          code: `KP-${year}-${owner}-${source}-${randomUUID().slice(0, 4)}`,
          name: 'Kinh phí đào tạo, bồi dưỡng',
          fiscalYear: year,
          ownerUnitId: org.units[owner],
          source,
          policy: 'stop',
          allocated: first.toString(),
        },
        bearer(tokens.admin),
      );
      expect(created.status).toBe(201);
      let left = allocated - first;
      while (left > 0n) {
        const amount = left > MAX_PER_CALL ? MAX_PER_CALL : left;
        const added = await stack.http.post(
          `/api/v1/funds/${created.body.id}/allocations`,
          { amount: amount.toString() },
          bearer(tokens.admin),
        );
        expect(added.status).toBe(201);
        left -= amount;
      }
      const model: FundModel = {
        id: created.body.id,
        year,
        owner,
        source,
        allocated,
        reserved: 0n,
        spent: 0n,
      };
      funds.push(model);
      return model;
    }

    async function reserve(model: FundModel, amount: bigint, settleFor?: bigint) {
      const nominationId = randomUUID();
      await db.transaction((manager) =>
        budget.reserve(manager, {
          nominationId,
          actorUserId: null,
          lines: [{ fundId: model.id, amount }],
        }),
      );
      model.reserved += amount;
      if (settleFor !== undefined) {
        await db.transaction((manager) =>
          budget.settle(manager, {
            nominationId,
            actorUserId: null,
            lines: [{ fundId: model.id, amount: settleFor }],
          }),
        );
        model.reserved -= amount;
        model.spent += settleFor;
      }
    }

    interface Sums {
      funds: number;
      allocated: bigint;
      reserved: bigint;
      spent: bigint;
    }
    const sum = (list: FundModel[]): Sums => ({
      funds: list.length,
      allocated: list.reduce((n, f) => n + f.allocated, 0n),
      reserved: list.reduce((n, f) => n + f.reserved, 0n),
      spent: list.reduce((n, f) => n + f.spent, 0n),
    });
    const usage = (s: Sums) => ({
      funds: s.funds,
      allocated: s.allocated.toString(),
      reserved: s.reserved.toString(),
      spent: s.spent.toString(),
      // No history imported here.
      importedSpent: '0',
      available: (s.allocated - s.reserved - s.spent).toString(),
      utilizationPercent: floorPercent(s.reserved + s.spent, s.allocated),
    });

    /** The breakdown expected of some funds: total, per tier, per source. */
    function breakdown(list: FundModel[]) {
      const total = sum(list);
      const tiers = (['city', 'district', 'commune'] as TierKey[])
        .map((tier) => ({ tier, s: sum(list.filter((f) => OWNER_TIER[f.owner] === tier)) }))
        .filter(({ s }) => s.funds > 0);
      const sources = SOURCES.map((source) => ({
        source,
        s: sum(list.filter((f) => f.source === source)),
      })).filter(({ s }) => s.funds > 0);
      return {
        total: usage(total),
        tiers: tiers.map(({ tier, s }) => ({
          tier: expect.objectContaining({ level: TIER_LEVEL[tier] }),
          ...usage(s),
          sharePercent: floorPercent(s.allocated, total.allocated),
        })),
        sources: sources.map(({ source, s }) => ({
          source,
          label: LABEL[source],
          ...usage(s),
          sharePercent: floorPercent(s.allocated, total.allocated),
        })),
      };
    }

    function expectedUsage(owners: Owner[], years: number[]) {
      const visible = funds.filter((f) => owners.includes(f.owner) && years.includes(f.year));
      const yearsWithFunds = [...new Set(visible.map((f) => f.year))].sort();
      return {
        years: yearsWithFunds.map((year) => {
          const inYear = visible.filter((f) => f.year === year);
          const yearTotal = sum(inYear).allocated;
          const rows = (['city', 'district', 'commune'] as TierKey[]).flatMap((tier) => {
            const inTier = inYear.filter((f) => OWNER_TIER[f.owner] === tier);
            const tierTotal = sum(inTier).allocated;
            return SOURCES.map((source) => ({
              source,
              s: sum(inTier.filter((f) => f.source === source)),
            }))
              .filter(({ s }) => s.funds > 0)
              .map(({ source, s }) => ({
                tier: expect.objectContaining({ level: TIER_LEVEL[tier] }),
                source,
                label: LABEL[source],
                ...usage(s),
                sourceSharePercent: floorPercent(s.allocated, tierTotal),
                shareOfYearPercent: floorPercent(s.allocated, yearTotal),
              }));
          });
          return { fiscalYear: year, ...breakdown(inYear), rows };
        }),
        period: breakdown(visible),
      };
    }

    beforeAll(async () => {
      const BILLION = 1_000_000_000n;
      const cityState = await fund(2031, 'city', 'state_budget', 140n * BILLION);
      await fund(2031, 'city', 'sponsor', 20n * BILLION);
      await fund(2031, 'districtA', 'state_budget', 50n * BILLION);
      const scholarship = await fund(2031, 'districtA', 'scholarship', 3_333_333_333n);
      const districtB = await fund(2031, 'districtB', 'state_budget', 13n * BILLION);
      await fund(2031, 'districtB', 'other', 1_000_000_001n);
      await fund(2031, 'communeA', 'state_budget', 11n * BILLION);
      await fund(2032, 'city', 'state_budget', HUGE);
      await fund(2032, 'districtA', 'sponsor', 7n * BILLION);
      await fund(2032, 'communeA', 'other', 123_456_789n);
      await fund(2033, 'districtB', 'scholarship', 500_000_000n);
      await reserve(cityState, 30n * BILLION);
      await reserve(cityState, 10n * BILLION, 9_500_000_000n);
      await reserve(scholarship, 1_111_111_111n);
      await reserve(districtB, 2n * BILLION, 2n * BILLION);
    });

    it.each([
      ['admin', ['city', 'districtA', 'districtB', 'communeA']],
      ['financeA', ['districtA', 'communeA']],
      ['financeB', ['districtB']],
      ['unitHeadA', ['city', 'districtA']],
      ['staffA', []],
    ] as Array<[string, Owner[]]>)(
      '%s should see the sums of the funds in its fund scope',
      async (who, owners) => {
        const response = await get('/api/v1/reports/budget-usage', who);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          fromYear: null,
          toYear: null,
          ...expectedUsage(owners, [2031, 2032, 2033]),
        });
      },
    );

    it('should keep amounts above 2^53 exact in JSON', async () => {
      const response = await get('/api/v1/reports/budget-usage?year=2032', 'admin');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        fromYear: 2032,
        toYear: 2032,
        ...expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2032]),
      });
      expect(response.text).toContain(`"allocated":"${HUGE}"`);
      expect(response.body.years[0].total.allocated).toBe(
        (HUGE + 7n * 1_000_000_000n + 123_456_789n).toString(),
      );
    });

    it('should show the source shares of a year and of the period', async () => {
      const response = await get('/api/v1/reports/budget-usage?fromYear=2031&toYear=2031', 'admin');
      const year = response.body.years[0];
      // 214 bn in 2031 of which 214 − 20 − 3.33 − 1 bn from the state budget.
      const state = year.sources.find((s: any) => s.source === 'state_budget');
      expect(state.sharePercent).toBe(floorPercent(214n * 10n ** 9n, 238_333_333_334n));
      expect(year.sources.map((s: any) => s.label)).toEqual([
        'Ngân sách nhà nước',
        'Tài trợ',
        'Học bổng',
        'Khác',
      ]);
      // One year: the period is that year.
      expect(response.body.period).toEqual({
        total: year.total,
        tiers: year.tiers,
        sources: year.sources,
      });
      const range = await get('/api/v1/reports/budget-usage?fromYear=2032', 'admin');
      expect(range.body.years.map((y: any) => y.fiscalYear)).toEqual([2032, 2033]);
      expect(range.body).toEqual({
        fromYear: 2032,
        toYear: null,
        ...expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2032, 2033]),
      });
    });

    it('should export CSV and XLSX with exact digits and Vietnamese headers and labels', async () => {
      const csv = await download('/api/v1/reports/budget-usage?format=csv', 'admin');
      expect(csv.status).toBe(200);
      expect(csv.disposition).toContain('su-dung-kinh-phi-usage.csv');
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Năm,Cấp,Nguồn,Dự toán,Đã giữ chỗ,Đã chi,Còn lại,Tỷ lệ sử dụng (%),Tỷ trọng nguồn (%)',
      );
      expect(lines).toContain(`2032,Thành phố,Ngân sách nhà nước,${HUGE},0,0,${HUGE},0,100`);
      expect(lines).toContain(
        '2031,Thành phố,Ngân sách nhà nước,140000000000,30000000000,9500000000,100500000000,28.21,87.5',
      );
      const all = expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2031, 2032, 2033]);
      expect(lines).toHaveLength(1 + all.years.flatMap((year) => year.rows).length);

      const sources = await download(
        '/api/v1/reports/budget-usage?format=csv&table=sources',
        'admin',
        {},
      );
      const sourceLines = sources.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(sourceLines[0]).toBe(
        'Năm,Nguồn,Dự toán,Đã giữ chỗ,Đã chi,Còn lại,Tỷ lệ sử dụng (%),Tỷ trọng nguồn (%)',
      );
      const total2032 = HUGE + 7_000_000_000n + 123_456_789n;
      expect(sourceLines).toContain(`2032,Tổng cộng,${total2032},0,0,${total2032},0,100`);

      const xlsx = await download('/api/v1/reports/budget-usage', 'admin', {
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(xlsx.status).toBe(200);
      const book = await workbook(xlsx.bytes);
      const sheet = book.getWorksheet('Kinh phí theo năm, cấp, nguồn')!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Năm',
        'Cấp',
        'Nguồn',
        'Dự toán',
        'Đã giữ chỗ',
        'Đã chi',
        'Còn lại',
        'Tỷ lệ sử dụng (%)',
        'Tỷ trọng nguồn (%)',
      ]);
      const rows = sheet.getRows(2, sheet.rowCount - 1)!;
      const city2031 = rows.find(
        (r) =>
          r.getCell(1).value === 2031 &&
          r.getCell(2).value === 'Thành phố' &&
          r.getCell(3).value === 'Ngân sách nhà nước',
      )!;
      expect(city2031.getCell(4).value).toBe(140_000_000_000);
      expect(city2031.getCell(8).value).toBe(28.21);
      const huge = rows.find(
        (r) => r.getCell(1).value === 2032 && r.getCell(2).value === 'Thành phố',
      )!;
      // Beyond 2^53 the exact digits are kept as text.
      expect(huge.getCell(4).value).toBe(HUGE.toString());
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Kinh phí theo năm, cấp, nguồn',
        'Kinh phí theo năm và nguồn',
        'Kinh phí theo năm và cấp',
        'Kinh phí cả giai đoạn',
      ]);
    });

    it('should refuse bad years and mixed filters with 400', async () => {
      const cases: Array<[string, string, string]> = [
        ['/api/v1/reports/budget-usage?year=abc', 'year', 'IS_INT'],
        ['/api/v1/reports/budget-usage?year=1999', 'year', 'MIN'],
        ['/api/v1/reports/budget-usage?year=2031&fromYear=2030', 'year', 'YEAR_WITH_RANGE'],
        ['/api/v1/reports/budget-usage?fromYear=2033&toYear=2031', 'toYear', 'PERIOD_REVERSED'],
        ['/api/v1/reports/budget-usage?source=sponsor', 'source', 'UNKNOWN_FIELD'],
        ['/api/v1/reports/budget-usage?table=x_y', 'table', 'MATCHES'],
      ];
      for (const [path, field, code] of cases) {
        const response = await get(path, 'admin');
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      }
      const unknownTable = await get(
        '/api/v1/reports/budget-usage?format=csv&table=nothing',
        'admin',
      );
      expect(unknownTable.status).toBe(400);
      expect((await stack.http.get('/api/v1/reports/budget-usage')).status).toBe(401);
    });
  });
});
