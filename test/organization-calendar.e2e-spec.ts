import { Clock } from '@app/common';
import { bearer, startTestStack, TestStack } from '@app/testing';
import {
  insertFund,
  insertRow,
  NominationFixture,
  seedNominationFixture,
} from './support/nomination-fixture';

describe('dates in the organization calendar', () => {
  let stack: TestStack;
  let fixture: NominationFixture;
  let program: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    program = (await fixture.db.query(`SELECT id FROM programs LIMIT 1`))[0].id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => stack.close());

  const standAt = (instant: string) =>
    jest.spyOn(stack.api.get(Clock), 'now').mockReturnValue(new Date(instant));

  /** An intake starting in 2027, open for nominations over the new year (or as given). */
  const intakeOverNewYear = (opensOn = '2026-12-01') =>
    insertRow(fixture.db, 'intakes', {
      code: `CNKT-NY-${Math.random().toString(36).slice(2, 8)}`,
      program_id: program,
      starts_on: '2027-03-01',
      ends_on: '2027-04-01',
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: opensOn,
      nomination_closes_on: '2027-01-31',
      cost_tuition: '40500000',
    });

  /** Creates, submits and approves a nomination; answers its reference and decision number. */
  async function nominateAndDecide() {
    const intakeId = await intakeOverNewYear();
    const fundId = await insertFund(fixture.db, fixture.org.units.districtA, 100_000_000n, {
      fiscal_year: 2027,
      policy: 'stop',
    });
    const [nominee] = await fixture.nominees(1);
    const created = await fixture.nominate(nominee, intakeId, fundId);
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    for (const [action, version, who] of [
      ['submit', 1, 'unitHeadA'],
      ['approve', 2, 'reviewerA'],
      ['approve', 3, 'memberA'],
    ] as const) {
      expect((await fixture.act(id, action, version, who)).status).toBe(201);
    }
    const [row] = await fixture.db.query(`SELECT decision_number FROM nominations WHERE id = $1`, [
      id,
    ]);
    return { reference: created.body.reference as string, decisionNumber: row.decision_number };
  }

  it('should number a nomination and its decision in the new year at 06:30 on 1 January in Vietnam', async () => {
    // 23:30 UTC on 31 December is 06:30 on 1 January in Cần Thơ.
    standAt('2026-12-31T23:30:00Z');
    const { reference, decisionNumber } = await nominateAndDecide();
    expect(reference).toMatch(/^DT-2027-\d{6}$/);
    expect(decisionNumber).toMatch(/^\d{4}\/QĐ-.+\/2027$/);
  });

  it('should keep the old year until midnight in Vietnam', async () => {
    // 16:30 UTC on 31 December is 23:30 the same day in Cần Thơ.
    standAt('2026-12-31T16:30:00Z');
    const { reference, decisionNumber } = await nominateAndDecide();
    expect(reference).toMatch(/^DT-2026-\d{6}$/);
    expect(decisionNumber).toMatch(/^\d{4}\/QĐ-.+\/2026$/);
  });

  it('should list an intake as open from the first morning of its window in Vietnam', async () => {
    standAt('2026-12-31T23:30:00Z');
    const intakeId = await intakeOverNewYear('2027-01-01');
    const listed = await stack.http.get(
      `/api/v1/intakes?open=true&pageSize=100`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(intakeId);
    standAt('2026-12-31T16:30:00Z');
    const before = await stack.http.get(
      `/api/v1/intakes?open=true&pageSize=100`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect(before.body.items.map((item: { id: string }) => item.id)).not.toContain(intakeId);
  });

  it('should default a report period to the organization’s year', async () => {
    standAt('2026-12-31T23:30:00Z');
    const summary = await stack.http.get(
      '/api/v1/reports/training-summary',
      bearer(fixture.tokens.admin),
    );
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ from: '2027-01-01', to: '2027-12-31' });
  });
});
