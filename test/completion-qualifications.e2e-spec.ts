import { bearer, startTestStack, TestStack } from '@app/testing';
import {
  insertFund,
  insertRow,
  NominationFixture,
  seedNominationFixture,
  shiftDays,
} from './support/nomination-fixture';

describe('completing a training that grants a qualification', () => {
  let stack: TestStack;
  let fixture: NominationFixture;
  let provider: string;
  let fundId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    provider = (await fixture.db.query(`SELECT id FROM providers LIMIT 1`))[0].id;
    fundId = await insertFund(fixture.db, fixture.org.units.districtA, 1_000_000_000n, {
      policy: 'stop',
    });
  });
  afterAll(() => stack.close());

  const suffix = () => Math.random().toString(36).slice(2, 8);

  /** A programme granting `kind` at `level`, and an intake of it open for nominations now. */
  async function intakeGranting(category: string, kind: string, level: number): Promise<string> {
    const program = await insertRow(fixture.db, 'programs', {
      code: `P-${suffix()}`,
      name: `Chương trình ${category}`,
      category,
      provider_id: provider,
      mode: 'in_service',
      duration_months: 12,
      grants_kind: kind,
      grants_level: level,
    });
    return insertRow(fixture.db, 'intakes', {
      code: `I-${suffix()}`,
      program_id: program,
      starts_on: shiftDays(60),
      ends_on: shiftDays(90),
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shiftDays(-5),
      nomination_closes_on: shiftDays(30),
      cost_tuition: '40500000',
    });
  }

  const person = (spec: {
    educationLevel?: number;
    politicalTheory?: number;
    positionId?: string;
  }) =>
    fixture.org.factory.staff({
      unitId: fixture.org.units.communeA,
      authorityId: fixture.org.authorities.authorityA,
      fullName: 'Võ Thị Mai',
      birthDate: '1995-03-01',
      ...spec,
    });

  /** Nominated, decided, started and completed (or not) over HTTP. */
  async function complete(
    nominee: string,
    intakeId: string,
    passed = true,
    meanwhile = async () => {},
  ) {
    const id = await fixture.atLastStep(nominee, intakeId, fundId);
    expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
    expect((await fixture.act(id, 'start', 4, 'memberA')).status).toBe(201);
    await meanwhile();
    const completed = await fixture.act(id, 'complete', 5, 'memberA', { passed });
    expect(completed.status).toBe(201);
    return id;
  }

  const levels = async (staffId: string) =>
    (
      await fixture.db.query(
        `SELECT education_level AS "educationLevel", political_theory AS "politicalTheory"
           FROM staff WHERE id = $1`,
        [staffId],
      )
    )[0];
  const staffAudit = (staffId: string) =>
    fixture.db.query(
      `SELECT actor_user_id AS "actorUserId", before, after FROM audit_log
        WHERE entity = 'staff' AND entity_id = $1 ORDER BY id`,
      [staffId],
    );

  it('should raise the person to master level, audited, and end their eligibility for another master’s', async () => {
    const nominee = await person({ educationLevel: 3 });
    const master = await intakeGranting('degree_master', 'education', 4);
    const another = await intakeGranting('degree_master', 'education', 4);
    const verdict = () =>
      stack.http.get(
        `/api/v1/intakes/${another}/eligibility?staffId=${nominee}`,
        bearer(fixture.tokens.unitHeadA),
      );
    expect((await verdict()).body.eligible).toBe(true);

    await complete(nominee, master);

    expect(await levels(nominee)).toMatchObject({ educationLevel: 4 });
    expect(await staffAudit(nominee)).toEqual([
      {
        actorUserId: expect.any(String),
        before: { educationLevel: 3 },
        after: { educationLevel: 4 },
      },
    ]);
    const after = (await verdict()).body;
    expect(after.eligible).toBe(false);
    expect(after.failures.map((failure: { kind: string }) => failure.kind)).toContain(
      'not_already_qualified',
    );
  });

  it('should bring a leader up to the political-theory standard of their position', async () => {
    // The fixture's leader position asks for advanced political theory (3).
    const nominee = await person({ politicalTheory: 2, positionId: fixture.org.positions.leader });
    const gaps = () =>
      stack.http.get(`/api/v1/staff/${nominee}/standard-gaps`, bearer(fixture.tokens.unitHeadA));
    expect((await gaps()).body.current.meetsStandard).toBe(false);

    await complete(
      nominee,
      await intakeGranting('political_theory_advanced', 'political_theory', 3),
    );

    expect(await levels(nominee)).toMatchObject({ politicalTheory: 3 });
    expect((await gaps()).body.current).toMatchObject({ meetsStandard: true, gaps: [] });
  });

  it('should change nothing when the person did not complete the training', async () => {
    const nominee = await person({ educationLevel: 3 });
    await complete(nominee, await intakeGranting('degree_master', 'education', 4), false);
    expect(await levels(nominee)).toMatchObject({ educationLevel: 3 });
    expect(await staffAudit(nominee)).toEqual([]);
  });

  it('should never lower a higher level', async () => {
    const nominee = await person({ educationLevel: 3 });
    // A doctorate recognized while the master's course ran.
    await complete(nominee, await intakeGranting('degree_master', 'education', 4), true, () =>
      fixture.db.query(`UPDATE staff SET education_level = 5 WHERE id = $1`, [nominee]),
    );
    expect(await levels(nominee)).toMatchObject({ educationLevel: 5 });
    expect(await staffAudit(nominee)).toEqual([]);
  });

  it('should raise nothing when the completion fails after it', async () => {
    const nominee = await person({ educationLevel: 3 });
    const intakeId = await intakeGranting('degree_master', 'education', 4);
    const id = await fixture.atLastStep(nominee, intakeId, fundId);
    expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
    expect((await fixture.act(id, 'start', 4, 'memberA')).status).toBe(201);
    // The completion's history row, written after the qualification, fails.
    await fixture.db.query(`
      CREATE FUNCTION fail_completion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await fixture.db.query(`
      CREATE TRIGGER fail_completion BEFORE INSERT ON nomination_history
        FOR EACH ROW WHEN (NEW.action = 'complete') EXECUTE FUNCTION fail_completion()`);
    try {
      const completed = await fixture.act(id, 'complete', 5, 'memberA', { passed: true });
      expect(completed.status).toBe(500);
    } finally {
      await fixture.db.query(`DROP TRIGGER fail_completion ON nomination_history`);
      await fixture.db.query(`DROP FUNCTION fail_completion()`);
    }
    expect(await levels(nominee)).toMatchObject({ educationLevel: 3 });
    expect(await staffAudit(nominee)).toEqual([]);
  });
});
