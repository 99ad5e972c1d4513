import { organizationToday } from '@app/common';
import {
  bearer,
  HttpClient,
  HttpResponse,
  seedOrganizationFixture,
  startTestStack,
  TestStack,
  tokenFor,
} from '@app/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { insertRow } from './support/nomination-fixture';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COUNTED = ['approved', 'in_training', 'completed'];
const STATUS_CYCLE = [
  'approved',
  'in_training',
  'completed',
  'draft',
  'in_review',
  'returned',
  'rejected',
  'withdrawn',
  'cancelled',
  'not_completed',
  'completed',
  'approved',
  'in_training',
  'completed',
];

type UnitKey = 'city' | 'districtA' | 'districtB' | 'communeA' | 'communeB';
type Org = Awaited<ReturnType<typeof seedOrganizationFixture>>;

interface Person {
  id: string;
  unit: UnitKey;
  authority: string;
  gender: 'female' | 'male';
  minority: boolean;
  birthDate: string;
}

interface Programme {
  id: string;
  category: string;
  providerId: string;
  overseas: boolean;
}

interface Seeded {
  person: Person;
  programme: Programme;
  startsOn: string;
  status: string;
}

interface Counts {
  approved: number;
  inTraining: number;
  completed: number;
  total: number;
}

const TIER_OF: Record<UnitKey, number> = {
  city: 1,
  districtA: 2,
  districtB: 2,
  communeA: 3,
  communeB: 3,
};
const TIER_NAMES: Record<number, string> = { 1: 'Thành phố', 2: 'Quận/huyện', 3: 'Xã/phường' };
/** The Vietnamese label of each seeded category, as the exports write it. */
const LABEL_VI: Record<string, string> = {
  political_theory_advanced: 'Cao cấp lý luận chính trị',
  political_theory_intermediate: 'Trung cấp lý luận chính trị',
  political_theory_elementary: 'Sơ cấp lý luận chính trị',
  degree_master: 'Thạc sĩ',
  degree_doctor: 'Tiến sĩ',
  state_management: 'Bồi dưỡng quản lý nhà nước theo tiêu chuẩn ngạch',
  foreign_language: 'Ngoại ngữ',
  leadership_skills: 'Bồi dưỡng kỹ năng lãnh đạo, quản lý',
};

/** Whole years from `birth` to `on` (both YYYY-MM-DD). */
const ageAt = (birth: string, on: string) =>
  Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

const ageBand = (age: number) =>
  age < 30 ? 'under_30' : age < 40 ? '30_39' : age < 50 ? '40_49' : '50_and_over';

/** The counts of `entries` (already counted ones), per status and in all. */
function tally(entries: Seeded[]): Counts {
  const of = (status: string) => entries.filter((entry) => entry.status === status).length;
  return {
    approved: of('approved'),
    inTraining: of('in_training'),
    completed: of('completed'),
    total: entries.length,
  };
}

/** Groups entries by a key and tallies each group. */
function tallyBy(entries: Seeded[], key: (entry: Seeded) => string): Map<string, Counts> {
  const groups = new Map<string, Seeded[]>();
  for (const entry of entries) {
    const k = key(entry);
    groups.set(k, [...(groups.get(k) ?? []), entry]);
  }
  return new Map([...groups].map(([k, list]) => [k, tally(list)]));
}

const countsOf = (row: Counts): Counts => ({
  approved: row.approved,
  inTraining: row.inTraining,
  completed: row.completed,
  total: row.total,
});

const ZERO: Counts = { approved: 0, inTraining: 0, completed: 0, total: 0 };

/** `numerator / denominator` rounded half up to 2 decimals, with integers only. */
function fixed2(numerator: bigint, denominator: bigint): string {
  const hundredths = (numerator * 200n + denominator) / (2n * denominator);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** The day `age` whole years old turns into `age + 1` tomorrow: `age` today. */
function birthForAge(age: number, today = organizationToday()): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - age - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

async function download(
  stack: TestStack,
  path: string,
  token: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(stack.http.baseUrl + path, {
    headers: { ...bearer(token), ...headers },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function expectProblem(response: HttpResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.code).toBe(code);
}

describe('Training reports and targets', () => {
  let stack: TestStack;
  let db: DataSource;
  let org: Org;
  let tokens: Org['tokens'] & { plain: string };
  let as: (who: keyof typeof tokens) => HttpClient;
  const people: Person[] = [];
  const seeded: Seeded[] = [];
  let references = 0;
  const today = organizationToday();
  const thisYear = today.slice(0, 4);

  const intakes = new Map<string, string>();
  /** The intake of `programme` starting on `startsOn` (one per pair). */
  async function intakeFor(programme: Programme, startsOn: string): Promise<string> {
    const key = `${programme.id}|${startsOn}`;
    if (!intakes.has(key)) {
      intakes.set(
        key,
        await insertRow(db, 'intakes', {
          code: `K-${intakes.size + 1}`,
          program_id: programme.id,
          starts_on: startsOn,
          ends_on: startsOn,
          location: 'Cần Thơ',
          seats_total: 10_000,
          nomination_opens_on: startsOn,
          nomination_closes_on: startsOn,
        }),
      );
    }
    return intakes.get(key)!;
  }

  /** `count` nominations of `person` to the intake, in `status`, with one INSERT. */
  async function nominate(
    person: Person,
    programme: Programme,
    startsOn: string,
    status: string,
    count = 1,
  ) {
    const intake = await intakeFor(programme, startsOn);
    const first = references + 1;
    references += count;
    await db.query(
      `INSERT INTO nominations
         (reference, nominee_staff_id, intake_id, nominating_unit_id, nominator_user_id,
          target_group, justification, estimated_cost, status)
       SELECT 'DT-T-' || lpad(g::text, 6, '0'), $1, $2, $3, $4, 3, 'Cử đi đào tạo, bồi dưỡng', 0, $5
         FROM generate_series($6::int, $7::int) g`,
      [
        person.id,
        intake,
        org.units[person.unit],
        org.users.unitHeadA,
        status,
        first,
        first + count - 1,
      ],
    );
  }

  async function programme(
    code: string,
    category: string,
    providerId: string,
    overseas = false,
  ): Promise<Programme> {
    const id = await insertRow(db, 'programs', {
      code,
      name: `Chương trình ${code}`,
      category,
      provider_id: providerId,
      overseas,
      mode: 'in_service',
      duration_months: 6,
    });
    return { id, category, providerId, overseas };
  }

  const provider = (code: string, name: string, country: string) =>
    insertRow(db, 'providers', { code, name, country });

  beforeAll(async () => {
    stack = await startTestStack();
    db = stack.api.get(DataSource);
    org = await seedOrganizationFixture(stack);
    tokens = {
      ...org.tokens,
      plain: tokenFor(stack, await org.factory.user({})),
    };
    as = (who) => stack.http.with(bearer(tokens[who]));

    const authorityOf: Record<UnitKey, string> = {
      city: org.authorities.cityAuthority,
      districtA: org.authorities.authorityA,
      communeA: org.authorities.authorityA,
      districtB: org.authorities.authorityB,
      communeB: org.authorities.authorityB,
    };
    const fixturePeople: Array<[string, UnitKey]> = [
      [org.staff.staffA, 'districtA'],
      [org.staff.staffA2, 'communeA'],
      [org.staff.staffB, 'districtB'],
      [org.staff.staffCity, 'city'],
    ];
    for (const [id, unit] of fixturePeople) {
      people.push({
        id,
        unit,
        authority: authorityOf[unit],
        gender: 'male',
        minority: false,
        birthDate: '1985-06-15',
      });
    }
    const specs: Array<[UnitKey, 'female' | 'male', boolean, string]> = [
      ['city', 'female', false, '1995-03-10'],
      ['city', 'male', true, '1980-01-01'],
      ['districtA', 'female', true, '1993-01-01'],
      ['districtA', 'male', false, '1970-05-05'],
      ['communeA', 'female', false, '1990-12-31'],
      ['districtB', 'male', true, '1985-07-20'],
      ['communeB', 'female', true, '1999-08-08'],
      ['communeB', 'male', false, '1962-02-02'],
    ];
    for (const [unit, gender, minority, birthDate] of specs) {
      const id = await org.factory.staff({
        unitId: org.units[unit],
        authorityId: authorityOf[unit],
        fullName: 'Lê Thị Mỹ Dung',
        gender,
        ethnicMinority: minority,
        birthDate,
      });
      people.push({ id, unit, authority: authorityOf[unit], gender, minority, birthDate });
    }

    const school = await provider('TCT', 'Trường Chính trị thành phố Cần Thơ', 'VN');
    const university = await provider('DHCT', 'Trường Đại học Cần Thơ', 'VN');
    const victoria = await provider('VUW', 'Victoria University of Wellington', 'NZ');
    const programmes = [
      await programme('LLCT-CC', 'political_theory_advanced', school),
      await programme('LLCT-TC', 'political_theory_intermediate', school),
      await programme('LLCT-SC', 'political_theory_elementary', school),
      await programme('THS-QLC', 'degree_master', university),
      await programme('TS-NZ', 'degree_doctor', victoria, true),
      await programme('QLNN-CVC', 'state_management', school),
      await programme('NN-B1', 'foreign_language', university),
      await programme('KN-NZ', 'leadership_skills', victoria, true),
    ];
    const dates = [
      '2015-12-31',
      '2021-01-01',
      '2021-06-15',
      '2022-03-01',
      '2022-09-10',
      '2023-12-31',
      '2024-01-01',
      `${thisYear}-02-01`,
    ];
    for (let i = 0; i < 140; i++) {
      const entry: Seeded = {
        person: people[i % people.length],
        programme: programmes[(i * 5 + Math.floor(i / 12)) % programmes.length],
        startsOn: dates[(i * 3 + Math.floor(i / 7)) % dates.length],
        status: STATUS_CYCLE[(i * 7 + Math.floor(i / 10)) % STATUS_CYCLE.length],
      };
      seeded.push(entry);
      await nominate(entry.person, entry.programme, entry.startsOn, entry.status);
    }
  });
  afterAll(() => stack.close());

  /** What the summary must say, computed from the seed list. */
  function expectedSummary(
    from: string,
    to: string,
    visible: (person: Person) => boolean,
    extra: (entry: Seeded) => boolean = () => true,
  ) {
    const counted = seeded.filter(
      (entry) =>
        COUNTED.includes(entry.status) &&
        entry.startsOn >= from &&
        entry.startsOn <= to &&
        visible(entry.person) &&
        extra(entry),
    );
    return {
      counted,
      totals: tally(counted),
      rows: tallyBy(
        counted,
        (entry) =>
          `${entry.programme.category}|${TIER_OF[entry.person.unit]}|${entry.startsOn.slice(0, 4)}`,
      ),
      byProvider: tallyBy(counted, (entry) => entry.programme.providerId),
      byLocation: tallyBy(counted, (entry) => String(entry.programme.overseas)),
      byGender: tallyBy(counted, (entry) => entry.person.gender),
      byEthnicMinority: tallyBy(counted, (entry) => String(entry.person.minority)),
      byAgeBand: tallyBy(counted, (entry) =>
        ageBand(ageAt(entry.person.birthDate, entry.startsOn)),
      ),
    };
  }

  function expectSummary(body: any, expected: ReturnType<typeof expectedSummary>) {
    expect(countsOf(body.totals)).toEqual(expected.totals);
    // Nothing here was imported from before the product.
    expect(body.totals.imported).toBe(0);
    const rows = new Map<string, Counts>(
      body.rows.map((row: any) => [`${row.category}|${row.tier.level}|${row.year}`, countsOf(row)]),
    );
    expect(rows).toEqual(expected.rows);
    for (const row of body.rows) expect(row.tier.name).toBe(TIER_NAMES[row.tier.level]);
    expect(new Map(body.byProvider.map((row: any) => [row.provider.id, countsOf(row)]))).toEqual(
      expected.byProvider,
    );
    // Fixed breakdowns list every value, zero or not.
    const fixed = (
      list: any[],
      key: string,
      values: string[],
      expectedMap: Map<string, Counts>,
    ) => {
      expect(list.map((row) => String(row[key]))).toEqual(values);
      for (const row of list) {
        expect(countsOf(row)).toEqual(expectedMap.get(String(row[key])) ?? ZERO);
      }
    };
    fixed(body.byLocation, 'overseas', ['false', 'true'], expected.byLocation);
    fixed(body.byGender, 'gender', ['female', 'male'], expected.byGender);
    fixed(body.byEthnicMinority, 'ethnicMinority', ['true', 'false'], expected.byEthnicMinority);
    fixed(
      body.byAgeBand,
      'ageBand',
      ['under_30', '30_39', '40_49', '50_and_over'],
      expected.byAgeBand,
    );
    // Every breakdown adds up to the totals.
    for (const list of [
      body.rows,
      body.byProvider,
      body.byLocation,
      body.byGender,
      body.byEthnicMinority,
      body.byAgeBand,
    ]) {
      expect(list.reduce((sum: number, row: Counts) => sum + row.total, 0)).toBe(
        expected.totals.total,
      );
    }
  }

  const everyone = () => true;

  describe('training summary', () => {
    it('counts every figure of the period from the facts, and nothing else', async () => {
      const response = await as('admin').get(
        '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31',
      );
      expect(response.status).toBe(200);
      const expected = expectedSummary('2021-01-01', '2023-12-31', everyone);
      // The seed is varied enough to mean something.
      expect(expected.totals.approved).toBeGreaterThan(0);
      expect(expected.totals.inTraining).toBeGreaterThan(0);
      expect(expected.totals.completed).toBeGreaterThan(0);
      expect(expected.rows.size).toBeGreaterThan(10);
      expect(seeded.filter((entry) => !COUNTED.includes(entry.status)).length).toBeGreaterThan(20);
      for (const breakdown of [
        expected.byLocation,
        expected.byGender,
        expected.byEthnicMinority,
        expected.byAgeBand,
      ]) {
        expect([...breakdown.values()].every((counts) => counts.total > 0)).toBe(true);
      }
      expect(expected.byAgeBand.size).toBe(4);
      expect(expected.byProvider.size).toBe(3);
      expect(new Set([...expected.rows.keys()].map((key) => key.split('|')[1])).size).toBe(3);
      expect(new Set([...expected.rows.keys()].map((key) => key.split('|')[2])).size).toBe(3);
      // Both bounds are inclusive, and what lies just outside is there to be left out.
      const dates = new Set(seeded.map((entry) => entry.startsOn));
      for (const day of ['2015-12-31', '2021-01-01', '2023-12-31', '2024-01-01']) {
        expect(dates.has(day)).toBe(true);
      }
      expect(response.body).toMatchObject({
        from: '2021-01-01',
        to: '2023-12-31',
        unitId: null,
        status: null,
      });
      expectSummary(response.body, expected);
      // Report order: category (the article's order), tier level, year.
      const order = [
        'political_theory_advanced',
        'political_theory_intermediate',
        'political_theory_elementary',
        'degree_university',
        'degree_master',
        'degree_doctor',
        'state_management',
        'leadership_skills',
        'knowledge_update',
        'foreign_language',
        'information_technology',
        'other',
      ];
      const keys = response.body.rows.map(
        (row: any) => order.indexOf(row.category) * 1e6 + row.tier.level * 1e4 + row.year,
      );
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      const master = response.body.rows.find((row: any) => row.category === 'degree_master');
      expect(master.label).toEqual({ vi: 'Thạc sĩ', en: 'Master' });
    });

    it('filters by status and by unit subtree', async () => {
      const completed = await as('admin').get(
        '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&status=completed',
      );
      expect(completed.status).toBe(200);
      expectSummary(
        completed.body,
        expectedSummary(
          '2021-01-01',
          '2023-12-31',
          everyone,
          (entry) => entry.status === 'completed',
        ),
      );
      expect(completed.body.totals.approved).toBe(0);

      const districtA = await as('admin').get(
        `/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&unitId=${org.units.districtA}`,
      );
      expect(districtA.status).toBe(200);
      expectSummary(
        districtA.body,
        expectedSummary('2021-01-01', '2023-12-31', (person) =>
          ['districtA', 'communeA'].includes(person.unit),
        ),
      );
    });

    it('takes the current calendar year when no period is given', async () => {
      const response = await as('admin').get('/api/v1/reports/training-summary');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });
      const expected = expectedSummary(`${thisYear}-01-01`, `${thisYear}-12-31`, everyone);
      expect(expected.totals.total).toBeGreaterThan(0);
      expectSummary(response.body, expected);
    });

    it('shows a unit head only their subtree, a reviewer their authority, a staff member their own', async () => {
      const cases: Array<[keyof typeof tokens, (person: Person) => boolean]> = [
        ['unitHeadA', (person) => ['districtA', 'communeA'].includes(person.unit)],
        ['unitHeadB', (person) => ['districtB', 'communeB'].includes(person.unit)],
        ['reviewerA', (person) => person.authority === org.authorities.authorityA],
        ['staffA', (person) => person.id === org.staff.staffA],
      ];
      for (const [who, visible] of cases) {
        const response = await as(who).get(
          '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31',
        );
        expect(response.status).toBe(200);
        const expected = expectedSummary('2021-01-01', '2023-12-31', visible);
        expect(expected.totals.total).toBeGreaterThan(0);
        expectSummary(response.body, expected);
      }
      // The unit head of district A asking for district B sees nothing of it.
      const other = await as('unitHeadA').get(
        `/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&unitId=${org.units.districtB}`,
      );
      expect(other.status).toBe(200);
      expect(other.body.totals).toEqual({ ...ZERO, imported: 0 });
      expect(other.body.rows).toEqual([]);
    });
  });

  describe('headline breakdown', () => {
    it('groups the categories as the article does, per status and in all', async () => {
      const response = await as('admin').get(
        '/api/v1/reports/training-headline?from=2021-01-01&to=2023-12-31',
      );
      expect(response.status).toBe(200);
      const { counted } = expectedSummary('2021-01-01', '2023-12-31', everyone);
      const of = (...categories: string[]) =>
        tally(counted.filter((entry) => categories.includes(entry.programme.category)));
      const expected: Record<string, Counts> = {
        political_theory: of(
          'political_theory_advanced',
          'political_theory_intermediate',
          'political_theory_elementary',
        ),
        political_theory_advanced: of('political_theory_advanced'),
        political_theory_intermediate: of('political_theory_intermediate'),
        political_theory_elementary: of('political_theory_elementary'),
        degrees: of('degree_university', 'degree_master', 'degree_doctor'),
        degree_university: of('degree_university'),
        degree_master: of('degree_master'),
        degree_doctor: of('degree_doctor'),
        postgraduate: of('degree_master', 'degree_doctor'),
        fostering: of(
          'state_management',
          'leadership_skills',
          'knowledge_update',
          'foreign_language',
          'information_technology',
          'other',
        ),
        state_management: of('state_management'),
        leadership_skills: of('leadership_skills'),
        knowledge_update: of('knowledge_update'),
        foreign_language: of('foreign_language'),
        information_technology: of('information_technology'),
        other: of('other'),
        total: tally(counted),
      };
      expect(response.body.lines.map((line: any) => line.key)).toEqual(Object.keys(expected));
      for (const line of response.body.lines) {
        expect({ key: line.key, ...countsOf(line) }).toEqual({
          key: line.key,
          ...expected[line.key],
        });
      }
      const postgraduate = response.body.lines.find((line: any) => line.key === 'postgraduate');
      expect(postgraduate).toMatchObject({ parent: 'degrees', ofWhich: true });
      expect(expected.political_theory.total).toBeGreaterThan(0);
      expect(expected.postgraduate.total).toBeGreaterThan(0);
      expect(expected.fostering.total).toBeGreaterThan(0);
    });

    it('is scoped like the summary', async () => {
      const response = await as('staffA').get(
        '/api/v1/reports/training-headline?from=2021-01-01&to=2023-12-31',
      );
      expect(response.status).toBe(200);
      const own = expectedSummary(
        '2021-01-01',
        '2023-12-31',
        (person) => person.id === org.staff.staffA,
      );
      const total = response.body.lines.find((line: any) => line.key === 'total');
      expect(countsOf(total)).toEqual(own.totals);
    });
  });

  describe('the article: Resolution 05 and the 2030 language target', () => {
    let parentId: string;
    let leader: string;

    beforeAll(async () => {
      // 564 new postgraduates in 2016–2020: 45 doctors and 505 masters at home, 11 doctors
      // and 3 masters abroad; all completed. Plus a draft and a cancelled one that do not count.
      const graduate = await org.factory.staff({
        unitId: org.units.city,
        authorityId: org.authorities.cityAuthority,
        fullName: 'Nguyễn Hoàng Phúc',
      });
      const person: Person = {
        id: graduate,
        unit: 'city',
        authority: org.authorities.cityAuthority,
        gender: 'male',
        minority: false,
        birthDate: '1985-06-15',
      };
      const university = await provider('DHCT-SDH', 'Trường Đại học Cần Thơ (sau đại học)', 'VN');
      const riverside = await provider('UCR', 'University of California, Riverside', 'US');
      const masterHome = await programme('THS-DHCT', 'degree_master', university);
      const doctorHome = await programme('TS-DHCT', 'degree_doctor', university);
      const masterAbroad = await programme('THS-UCR', 'degree_master', riverside, true);
      const doctorAbroad = await programme('TS-UCR', 'degree_doctor', riverside, true);
      const years = ['2016', '2017', '2018', '2019', '2020'];
      for (const [index, year] of years.entries()) {
        await nominate(person, masterHome, `${year}-09-05`, 'completed', 101);
        await nominate(person, doctorHome, `${year}-10-01`, 'completed', 9);
        if (index < 3) await nominate(person, masterAbroad, `${year}-08-20`, 'completed', 1);
      }
      await nominate(person, doctorAbroad, '2017-09-01', 'completed', 6);
      await nominate(person, doctorAbroad, '2019-09-01', 'completed', 5);
      await nominate(person, masterHome, '2018-09-05', 'draft', 1);
      await nominate(person, doctorHome, '2019-10-01', 'cancelled', 1);

      leader = org.positions.leader;
    });

    it('shows the headline of 2016–2020: 56 doctors, 508 masters, 564 postgraduates', async () => {
      const response = await as('admin').get(
        '/api/v1/reports/training-headline?from=2016-01-01&to=2020-12-31',
      );
      expect(response.status).toBe(200);
      const line = (key: string) => response.body.lines.find((item: any) => item.key === key);
      expect(line('degree_doctor').total).toBe(56);
      expect(line('degree_master').total).toBe(508);
      expect(line('postgraduate')).toMatchObject({ total: 564, completed: 564, approved: 0 });
      expect(line('degrees').total).toBe(564);

      const summary = await as('admin').get(
        '/api/v1/reports/training-summary?from=2016-01-01&to=2020-12-31',
      );
      expect(summary.body.totals.total).toBe(564);
      expect(summary.body.byLocation.map((row: any) => row.total)).toEqual([550, 14]);
    });

    it('reports 564 against 300 (1.88), of which doctors 56 against 50 (1.12)', async () => {
      const admin = as('admin');
      const parent = await admin.post('/api/v1/targets', {
        code: 'NQ05-SDH',
        name: 'Đào tạo mới thạc sĩ và tiến sĩ',
        kind: 'participations',
        periodFrom: '2016-01-01',
        periodTo: '2020-12-31',
        target: 300,
        filter: { categories: ['degree_master', 'degree_doctor'] },
      });
      expect(parent.status).toBe(201);
      expect(parent.body).toMatchObject({ target: '300', parentId: null, unitId: null });
      parentId = parent.body.id;
      const parts = [
        {
          code: 'NQ05-TS',
          name: 'Tiến sĩ',
          target: '50',
          filter: { categories: ['degree_doctor'] },
        },
        {
          code: 'NQ05-THS',
          name: 'Thạc sĩ',
          target: 250,
          filter: { categories: ['degree_master'] },
        },
        {
          code: 'NQ05-NN',
          name: 'Đào tạo ở nước ngoài',
          target: '10.5',
          filter: { categories: ['degree_master', 'degree_doctor'], overseas: true },
        },
      ];
      for (const part of parts) {
        const created = await admin.post('/api/v1/targets', {
          ...part,
          kind: 'participations',
          periodFrom: '2016-01-01',
          periodTo: '2020-12-31',
          parentId,
        });
        expect(created.status).toBe(201);
      }

      const report = await admin.get('/api/v1/reports/targets');
      expect(report.status).toBe(200);
      expect(report.body.at).toBe(today);
      const target = report.body.items.find((item: any) => item.code === 'NQ05-SDH');
      expect(target).toMatchObject({
        target: '300',
        actual: '564',
        ratio: '1.88',
        achieved: true,
        participations: 564,
      });
      // Independently: 564 / 300 and each part, with integers only.
      expect(target.ratio).toBe(fixed2(564n, 300n));
      expect(
        target.parts.map((part: any) => [part.code, part.actual, part.target, part.ratio]),
      ).toEqual([
        ['NQ05-NN', '14', '10.5', fixed2(1400n, 1050n)],
        ['NQ05-THS', '508', '250', fixed2(508n, 250n)],
        ['NQ05-TS', '56', '50', '1.12'],
      ]);

      // As of the end of 2018 only three of the five years are counted.
      const asOf = await admin.get('/api/v1/reports/targets?at=2018-12-31');
      const early = asOf.body.items.find((item: any) => item.code === 'NQ05-SDH');
      const threeYears = 3 * (101 + 9) + 3 + 6;
      expect(early).toMatchObject({
        actual: String(threeYears),
        ratio: fixed2(BigInt(threeYears), 300n),
        achieved: true,
      });

      // A unit head of district A counts in their own scope: none of the city's graduates.
      const districtHead = await as('unitHeadA').get('/api/v1/reports/targets');
      const scoped = districtHead.body.items.find((item: any) => item.code === 'NQ05-SDH');
      expect(scoped).toMatchObject({ actual: '0', ratio: '0.00', achieved: false });
    });

    it('reports a staff share: young leaders at language level 4, against 35%', async () => {
      // Leaders under 40 at city and district tier: 4 of 11 at level 4 or above (today).
      const staffSet: Array<{
        unit: UnitKey;
        age: number;
        language: number | null;
        leader?: boolean;
        status?: string;
        existing?: boolean;
      }> = [
        // The fixture's own leader (staffA, district A, born 1985-06-15), already there.
        { unit: 'districtA', age: ageAt('1985-06-15', today), language: null, existing: true },
        { unit: 'city', age: 30, language: 4 },
        { unit: 'city', age: 39, language: 5 },
        { unit: 'city', age: 38, language: 4 },
        { unit: 'districtB', age: 31, language: 6 },
        { unit: 'districtA', age: 35, language: 3 },
        { unit: 'districtB', age: 28, language: null },
        { unit: 'districtA', age: 33, language: 2 },
        { unit: 'city', age: 25, language: 1 },
        { unit: 'city', age: 36, language: null },
        { unit: 'districtA', age: 37, language: 3 },
        { unit: 'districtB', age: 22, language: 3 },
        // Not in the population: too old, commune tier, not a leader, retired.
        { unit: 'city', age: 40, language: 5 },
        { unit: 'communeA', age: 30, language: 4 },
        { unit: 'city', age: 30, language: 4, leader: false },
        { unit: 'city', age: 30, language: 4, status: 'retired' },
      ];
      const authorityOf: Record<UnitKey, string> = {
        city: org.authorities.cityAuthority,
        districtA: org.authorities.authorityA,
        communeA: org.authorities.authorityA,
        districtB: org.authorities.authorityB,
        communeB: org.authorities.authorityB,
      };
      for (const spec of staffSet) {
        if (spec.existing) continue;
        const id = await org.factory.staff({
          unitId: org.units[spec.unit],
          authorityId: authorityOf[spec.unit],
          positionId: spec.leader === false ? null : leader,
          birthDate: birthForAge(spec.age),
          languageLevel: spec.language,
        });
        if (spec.status) {
          await db.query(`UPDATE staff SET employment_status = $2 WHERE id = $1`, [
            id,
            spec.status,
          ]);
        }
      }
      const inPopulation = (spec: (typeof staffSet)[number], units: UnitKey[]) =>
        spec.leader !== false &&
        !spec.status &&
        spec.age <= 39 &&
        TIER_OF[spec.unit] <= 2 &&
        units.includes(spec.unit);
      const expectShare = (item: any, units: UnitKey[]) => {
        const population = staffSet.filter((spec) => inPopulation(spec, units));
        const meeting = population.filter((spec) => (spec.language ?? 0) >= 4);
        expect(item).toMatchObject({ population: population.length, meeting: meeting.length });
        expect(item.actual).toBe(fixed2(BigInt(meeting.length) * 100n, BigInt(population.length)));
        expect(item.ratio).toBe(
          fixed2(BigInt(meeting.length) * 100n, BigInt(population.length) * 35n),
        );
      };

      const admin = as('admin');
      const filter = {
        population: { leadership: true, maxAge: 39, tierLevels: [1, 2] },
        condition: { minLanguageLevel: 4 },
      };
      const whole = await admin.post('/api/v1/targets', {
        code: 'NQ09-NN4',
        name: 'Cán bộ lãnh đạo, quản lý dưới 40 tuổi cấp thành phố, cấp huyện đạt ngoại ngữ bậc 4',
        kind: 'staff_share',
        periodFrom: '2021-01-01',
        periodTo: '2030-12-31',
        target: 35,
        filter,
      });
      expect(whole.status).toBe(201);
      const districtB = await admin.post('/api/v1/targets', {
        code: 'NQ09-NN4-PD',
        name: 'Lãnh đạo trẻ đạt ngoại ngữ bậc 4 – Huyện Phong Điền',
        kind: 'staff_share',
        periodFrom: '2021-01-01',
        periodTo: '2030-12-31',
        target: '35',
        filter,
        unitId: org.units.districtB,
      });
      expect(districtB.status).toBe(201);

      const report = await admin.get('/api/v1/reports/targets');
      const share = report.body.items.find((item: any) => item.code === 'NQ09-NN4');
      expect(share).toMatchObject({ actual: '36.36', ratio: '1.04', achieved: true });
      expectShare(share, ['city', 'districtA', 'districtB', 'communeA', 'communeB']);
      expectShare(
        report.body.items.find((item: any) => item.code === 'NQ09-NN4-PD'),
        ['districtB'],
      );

      // One unit's targets only.
      const forUnit = await admin.get(`/api/v1/reports/targets?unitId=${org.units.districtB}`);
      expect(forUnit.body.items.map((item: any) => item.code)).toEqual(['NQ09-NN4-PD']);

      // The unit head of district A: the share among district A's leaders only.
      const districtHead = await as('unitHeadA').get('/api/v1/reports/targets');
      expectShare(
        districtHead.body.items.find((item: any) => item.code === 'NQ09-NN4'),
        ['districtA'],
      );
    });

    it('exports the targets with Vietnamese headers, ratios as numbers', async () => {
      const csv = await download(stack, '/api/v1/reports/targets?format=csv', tokens.admin);
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = csv.bytes.toString('utf8');
      expect(
        text.startsWith(
          '\uFEFFMã,Chỉ tiêu,Phạm vi,Giai đoạn,Đơn vị tính,Kế hoạch,Thực hiện,Tỷ lệ đạt\r\n',
        ),
      ).toBe(true);
      expect(text).toContain(
        'NQ05-SDH,Đào tạo mới thạc sĩ và tiến sĩ,Toàn tổ chức,2016–2020,Lượt,300,564,1.88\r\n',
      );
      expect(text).toContain('NQ05-TS,Trong đó: Tiến sĩ,Toàn tổ chức,2016–2020,Lượt,50,56,1.12');

      const xlsx = await download(stack, '/api/v1/reports/targets', tokens.admin, {
        accept: XLSX,
      });
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as never);
      const sheet = book.getWorksheet('Kết quả thực hiện chỉ tiêu')!;
      expect(sheet.getRow(1).getCell(8).value).toBe('Tỷ lệ đạt');
      const row = sheet
        .getRows(2, sheet.rowCount - 1)!
        .find((candidate) => candidate.getCell(1).value === 'NQ05-SDH')!;
      expect(row.getCell(6).value).toBe(300);
      expect(row.getCell(7).value).toBe(564);
      expect(row.getCell(8).value).toBe(1.88);
    });
  });

  describe('exports', () => {
    it('writes the summary as CSV with a BOM and Vietnamese headers', async () => {
      const csv = await download(
        stack,
        '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&format=csv',
        tokens.admin,
      );
      expect(csv.status).toBe(200);
      expect(csv.disposition).toContain('training-summary-by-category.csv');
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.bytes.toString('utf8').split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(
        '\uFEFFLoại hình đào tạo,Cấp,Năm,Đã phê duyệt,Đang học,Đã hoàn thành,Tổng,Trong đó nhập từ lịch sử',
      );
      const expected = expectedSummary('2021-01-01', '2023-12-31', everyone);
      expect(lines.length - 1).toBe(expected.rows.size);
      for (const [key, counts] of expected.rows) {
        const [category, level, year] = key.split('|');
        expect(lines).toContain(
          [
            // A label with a comma is quoted.
            LABEL_VI[category].includes(',') ? `"${LABEL_VI[category]}"` : LABEL_VI[category],
            TIER_NAMES[Number(level)],
            year,
            counts.approved,
            counts.inTraining,
            counts.completed,
            counts.total,
            0,
          ].join(','),
        );
      }

      const ages = await download(
        stack,
        '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&format=csv&table=by-age',
        tokens.admin,
      );
      const ageLines = ages.bytes.toString('utf8').split('\r\n').filter(Boolean);
      expect(ageLines[0]).toBe(
        '\uFEFFĐộ tuổi,Đã phê duyệt,Đang học,Đã hoàn thành,Tổng,Trong đó nhập từ lịch sử',
      );
      const under30 = expected.byAgeBand.get('under_30') ?? ZERO;
      expect(ageLines[1]).toBe(
        `Dưới 30 tuổi,${under30.approved},${under30.inTraining},${under30.completed},${under30.total},0`,
      );

      const viaAccept = await download(
        stack,
        '/api/v1/reports/training-headline?from=2021-01-01&to=2023-12-31',
        tokens.admin,
        { accept: 'text/csv' },
      );
      expect(viaAccept.bytes.toString('utf8')).toMatch(
        /^\uFEFFNhóm,Nội dung,Đã phê duyệt,Đang học,Đã hoàn thành,Tổng,Trong đó nhập từ lịch sử\r\nĐào tạo lý luận chính trị,Đào tạo lý luận chính trị,/,
      );
    });

    it('writes the summary as a workbook: a sheet per table, number cells', async () => {
      const xlsx = await download(
        stack,
        '/api/v1/reports/training-summary?from=2021-01-01&to=2023-12-31&format=xlsx',
        tokens.admin,
      );
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as never);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
        'Theo loại hình, cấp, năm',
        'Theo cơ sở đào tạo',
        'Trong nước, nước ngoài',
        'Theo giới tính',
        'Theo dân tộc',
        'Theo độ tuổi',
      ]);
      const main = book.getWorksheet('Theo loại hình, cấp, năm')!;
      expect(main.getRow(1).values).toEqual([
        undefined,
        'Loại hình đào tạo',
        'Cấp',
        'Năm',
        'Đã phê duyệt',
        'Đang học',
        'Đã hoàn thành',
        'Tổng',
        'Trong đó nhập từ lịch sử',
      ]);
      const expected = expectedSummary('2021-01-01', '2023-12-31', everyone);
      expect(main.rowCount - 1).toBe(expected.rows.size);
      const tierLevel = Object.fromEntries(
        Object.entries(TIER_NAMES).map(([level, name]) => [name, level]),
      );
      const categoryOf = Object.fromEntries(
        Object.entries(LABEL_VI).map(([category, label]) => [label, category]),
      );
      for (const row of main.getRows(2, main.rowCount - 1)!) {
        const [category, tier, year, approved, inTraining, completed, total] = [
          1, 2, 3, 4, 5, 6, 7,
        ].map((cell) => row.getCell(cell).value);
        expect(typeof year).toBe('number');
        expect(typeof total).toBe('number');
        expect({ approved, inTraining, completed, total }).toEqual(
          expected.rows.get(
            `${categoryOf[category as string]}|${tierLevel[tier as string]}|${year}`,
          ),
        );
      }
      const gender = book.getWorksheet('Theo giới tính')!;
      expect(gender.getRow(2).getCell(1).value).toBe('Nữ');
      expect(gender.getRow(2).getCell(5).value).toBe(expected.byGender.get('female')?.total ?? 0);
    });
  });

  describe('validation and permissions', () => {
    it('refuses bad periods, unknown fields and unknown units with clear problems', async () => {
      const admin = as('admin');
      const badDay = await admin.get('/api/v1/reports/training-summary?from=2021-02-30');
      expectProblem(badDay, 400, 'VALIDATION_FAILED');
      expect(badDay.body.errors).toContainEqual(expect.objectContaining({ field: 'from' }));

      const reversed = await admin.get(
        '/api/v1/reports/training-summary?from=2023-01-01&to=2022-12-31',
      );
      expectProblem(reversed, 400, 'VALIDATION_FAILED');
      expect(reversed.body.errors).toEqual([
        expect.objectContaining({ field: 'to', code: 'PERIOD_REVERSED' }),
      ]);
      expectProblem(
        await admin.get('/api/v1/reports/training-headline?from=2023-01-01&to=2022-12-31'),
        400,
        'VALIDATION_FAILED',
      );

      const unknown = await admin.get('/api/v1/reports/training-summary?colour=red');
      expectProblem(unknown, 400, 'VALIDATION_FAILED');
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'colour', code: 'UNKNOWN_FIELD' }),
      ]);

      const status = await admin.get('/api/v1/reports/training-summary?status=draft');
      expectProblem(status, 400, 'VALIDATION_FAILED');
      expect(status.body.errors).toContainEqual(expect.objectContaining({ field: 'status' }));

      expectProblem(
        await admin.get('/api/v1/reports/training-summary?unitId=not-a-uuid'),
        400,
        'VALIDATION_FAILED',
      );
      const missing = '7d1f5b8e-4a4c-4f5e-9b7a-2f0c7c3d9e11';
      expectProblem(
        await admin.get(`/api/v1/reports/training-summary?unitId=${missing}`),
        404,
        'UNIT_NOT_FOUND',
      );
      expectProblem(
        await admin.get(`/api/v1/reports/training-headline?unitId=${missing}`),
        404,
        'UNIT_NOT_FOUND',
      );
      expectProblem(
        await admin.get(`/api/v1/reports/targets?unitId=${missing}`),
        404,
        'UNIT_NOT_FOUND',
      );
      expectProblem(
        await admin.get('/api/v1/reports/targets?at=2020-13-01'),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await admin.get('/api/v1/reports/training-summary?format=pdf'),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await admin.get('/api/v1/reports/training-summary?format=csv&table=nope'),
        400,
        'VALIDATION_FAILED',
      );
    });

    const valid = {
      code: 'T-VALID',
      name: 'Chỉ tiêu thử',
      kind: 'participations',
      periodFrom: '2026-01-01',
      periodTo: '2030-12-31',
      target: '120',
      filter: { categories: ['knowledge_update'] },
    };

    it('lets only administrators set targets', async () => {
      for (const who of ['unitHeadA', 'financeA', 'staffA'] as const) {
        expectProblem(await as(who).post('/api/v1/targets', valid), 403, 'FORBIDDEN');
      }
      // Refused before the body is looked at.
      expectProblem(
        await as('staffA').post('/api/v1/targets', { nonsense: true }),
        403,
        'FORBIDDEN',
      );

      const created = await as('admin').post('/api/v1/targets', valid);
      expect(created.status).toBe(201);
      const id = created.body.id;
      expectProblem(
        await as('unitHeadA').request('PATCH', `/api/v1/targets/${id}`, { body: { target: 1 } }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await as('unitHeadA').request('DELETE', `/api/v1/targets/${id}`),
        403,
        'FORBIDDEN',
      );
      // Everyone holding a role reads them; a user without any role does not.
      const list = await as('staffA').get('/api/v1/targets?pageSize=100');
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: any) => item.code)).toContain('T-VALID');
      expect((await as('unitHeadB').get(`/api/v1/targets/${id}`)).body.code).toBe('T-VALID');
      expectProblem(await as('plain').get('/api/v1/targets'), 403, 'FORBIDDEN');
      expectProblem(await as('plain').get('/api/v1/reports/targets'), 403, 'FORBIDDEN');
      expect((await stack.http.get('/api/v1/targets')).status).toBe(401);
    });

    it('validates targets strictly, filter shape included', async () => {
      const admin = as('admin');
      const refused = async (body: Record<string, unknown>, field: string, code: string) => {
        const response = await admin.post('/api/v1/targets', body);
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      };
      await refused({ ...valid, code: 'T-1', colour: 'red' }, 'colour', 'UNKNOWN_FIELD');
      await refused({ ...valid, code: 'T-1', kind: 'money' }, 'kind', 'IS_IN');
      await refused(
        { ...valid, code: 'T-1', periodFrom: '2026-02-30' },
        'periodFrom',
        'IS_ISO8601',
      );
      await refused(
        { ...valid, code: 'T-1', periodFrom: '2030-01-01', periodTo: '2026-12-31' },
        'periodTo',
        'PERIOD_REVERSED',
      );
      for (const target of [0, '0', -5, '35.555', 'abc', '1e3', null]) {
        await refused({ ...valid, code: 'T-1', target }, 'target', 'IS_POSITIVE_DECIMAL');
      }
      await refused(
        { ...valid, code: 'T-1', filter: { categories: ['degree_master'], colour: 'red' } },
        'filter.colour',
        'UNKNOWN_FIELD',
      );
      await refused(
        { ...valid, code: 'T-1', filter: { categories: ['masters'] } },
        'filter.categories[0]',
        'IS_IN',
      );
      await refused(
        { ...valid, code: 'T-1', filter: { categories: [] } },
        'filter.categories',
        'ARRAY_NOT_EMPTY',
      );
      await refused(
        { ...valid, code: 'T-1', filter: { overseas: 'yes' } },
        'filter.overseas',
        'IS_BOOLEAN',
      );
      await refused({ ...valid, code: 'T-1', filter: [] }, 'filter', 'IS_OBJECT');
      const share = { ...valid, code: 'T-1', kind: 'staff_share', target: 35 };
      await refused({ ...share, filter: {} }, 'filter.condition', 'IS_DEFINED');
      await refused({ ...share, filter: { condition: {} } }, 'filter.condition', 'IS_NOT_EMPTY');
      await refused(
        { ...share, filter: { condition: { minLanguageLevel: 7 } } },
        'filter.condition.minLanguageLevel',
        'IS_INT',
      );
      await refused(
        {
          ...share,
          filter: { population: { maxAge: 39, young: true }, condition: { minEducation: 3 } },
        },
        'filter.population.young',
        'UNKNOWN_FIELD',
      );
      await refused(
        {
          ...share,
          filter: { population: { tierLevels: [1, 1] }, condition: { minEducation: 3 } },
        },
        'filter.population.tierLevels',
        'ARRAY_UNIQUE',
      );
      await refused(
        { ...share, filter: { categories: ['degree_master'], condition: { minEducation: 3 } } },
        'filter.categories',
        'UNKNOWN_FIELD',
      );
      await refused(
        { ...share, target: 120, filter: { condition: { minEducation: 3 } } },
        'target',
        'MAX',
      );

      // References: unknown parent or unit, a parent of another kind, a taken code.
      const missing = '7d1f5b8e-4a4c-4f5e-9b7a-2f0c7c3d9e11';
      expectProblem(
        await admin.post('/api/v1/targets', { ...valid, code: 'T-2', parentId: missing }),
        422,
        'UNKNOWN_REFERENCE',
      );
      expectProblem(
        await admin.post('/api/v1/targets', { ...valid, code: 'T-2', unitId: missing }),
        422,
        'UNKNOWN_REFERENCE',
      );
      expectProblem(await admin.post('/api/v1/targets', valid), 409, 'CODE_TAKEN');
      const shareTarget = await admin.post('/api/v1/targets', {
        ...share,
        code: 'T-SHARE',
        filter: { condition: { minPoliticalTheory: 2 } },
      });
      expect(shareTarget.status).toBe(201);
      expectProblem(
        await admin.post('/api/v1/targets', {
          ...valid,
          code: 'T-2',
          parentId: shareTarget.body.id,
        }),
        422,
        'TARGET_PARENT_INVALID',
      );
    });

    it('changes and removes targets, keeping the parts consistent', async () => {
      const admin = as('admin');
      const parent = await admin.post('/api/v1/targets', { ...valid, code: 'T-P' });
      const part = await admin.post('/api/v1/targets', {
        ...valid,
        code: 'T-C',
        target: 40,
        parentId: parent.body.id,
      });
      expect(part.status).toBe(201);

      const patched = await admin.request('PATCH', `/api/v1/targets/${part.body.id}`, {
        body: { name: 'Chỉ tiêu con', target: '45.50', unitId: org.units.districtA },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        name: 'Chỉ tiêu con',
        target: '45.5',
        unitId: org.units.districtA,
        unitName: 'Quận Ninh Kiều',
        parentId: parent.body.id,
      });
      expectProblem(
        await admin.request('PATCH', `/api/v1/targets/${part.body.id}`, {
          body: { kind: 'staff_share' },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await admin.request('PATCH', `/api/v1/targets/${part.body.id}`, {
          body: { filter: { overseas: 1 } },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await admin.request('PATCH', `/api/v1/targets/${parent.body.id}`, {
          body: { parentId: part.body.id },
        }),
        422,
        'TARGET_PARENT_INVALID',
      );
      expectProblem(
        await admin.request('PATCH', `/api/v1/targets/${parent.body.id}`, {
          body: { parentId: parent.body.id },
        }),
        422,
        'TARGET_PARENT_INVALID',
      );
      expectProblem(
        await admin.request('PATCH', `/api/v1/targets/${parent.body.id}`, {
          body: { periodTo: '2025-12-31' },
        }),
        400,
        'VALIDATION_FAILED',
      );

      expectProblem(
        await admin.request('DELETE', `/api/v1/targets/${parent.body.id}`),
        409,
        'TARGET_HAS_PARTS',
      );
      const detached = await admin.request('PATCH', `/api/v1/targets/${part.body.id}`, {
        body: { parentId: null, unitId: null },
      });
      expect(detached.body).toMatchObject({ parentId: null, unitId: null, unitName: null });
      expect((await admin.request('DELETE', `/api/v1/targets/${parent.body.id}`)).status).toBe(204);
      expectProblem(await admin.get(`/api/v1/targets/${parent.body.id}`), 404, 'TARGET_NOT_FOUND');
      expectProblem(
        await admin.request('DELETE', `/api/v1/targets/${parent.body.id}`),
        404,
        'TARGET_NOT_FOUND',
      );

      const trail = await db.query(
        `SELECT action FROM audit_log WHERE entity = 'training_target' AND entity_id = $1 ORDER BY id`,
        [parent.body.id],
      );
      expect(trail.map((row: { action: string }) => row.action)).toEqual(['create', 'delete']);
    });
  });
});
