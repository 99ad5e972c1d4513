import { bearer, startTestStack, TestStack } from '@app/testing';
import {
  insertFund,
  insertRow,
  NominationFixture,
  seedNominationFixture,
  shiftDays,
} from './support/nomination-fixture';

describe('rescheduling an intake', () => {
  let stack: TestStack;
  let fixture: NominationFixture;
  let program: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    program = (await fixture.db.query(`SELECT id FROM programs LIMIT 1`))[0].id;
  });
  afterAll(() => stack.close());

  const admin = () => bearer(fixture.tokens.admin);
  const move = (intakeId: string, startsOn: string, endsOn: string) =>
    stack.http.request('PATCH', `/api/v1/intakes/${intakeId}`, {
      body: { startsOn, endsOn },
      headers: admin(),
    });
  const participation = async (nominationId: string) =>
    (
      await fixture.db.query(
        `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", year FROM training_participations
          WHERE nomination_id = $1`,
        [nominationId],
      )
    )[0];

  /** An intake of December 2027 with one nomination approved on a 2027 fund. */
  async function approvedInDecember2027() {
    const intakeId = await insertRow(fixture.db, 'intakes', {
      code: `CNKT-DEC-${Math.random().toString(36).slice(2, 8)}`,
      program_id: program,
      starts_on: '2027-12-10',
      ends_on: '2027-12-20',
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shiftDays(-5),
      nomination_closes_on: shiftDays(30),
      cost_tuition: '40500000',
    });
    const fundId = await insertFund(fixture.db, fixture.org.units.districtA, 100_000_000n, {
      fiscal_year: 2027,
      policy: 'stop',
    });
    const [nominee] = await fixture.nominees(1);
    const id = await fixture.atLastStep(nominee, intakeId, fundId);
    expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
    return { intakeId, fundId, id };
  }

  it('should move the participations with the intake', async () => {
    const { intakeId, id } = await approvedInDecember2027();
    expect(await participation(id)).toEqual({ startsOn: '2027-12-10', year: 2027 });

    const moved = await move(intakeId, '2027-11-20', '2027-11-30');
    expect(moved.status).toBe(200);
    expect(await participation(id)).toEqual({ startsOn: '2027-11-20', year: 2027 });
    const list = await stack.http.get(
      `/api/v1/reports/participations?from=2027-11-01&to=2027-11-30`,
      admin(),
    );
    expect(list.status).toBe(200);
    expect(
      list.body.firstLines.find(
        (line: { startsOn: string; reference: string }) => line.startsOn === '2027-11-20',
      ),
    ).toBeDefined();
  });

  it('should refuse to move an intake into another fiscal year while a fund of the old year pays', async () => {
    const { intakeId, fundId, id } = await approvedInDecember2027();
    const [before] = await fixture.db.query(`SELECT reserved::text FROM funds WHERE id = $1`, [
      fundId,
    ]);

    const moved = await move(intakeId, '2028-01-15', '2028-01-25');
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: 'INTAKE_FUNDED_IN_OTHER_YEAR',
      startsInYear: 2028,
      fundYears: [2027],
      nominations: 1,
    });
    const [intake] = await fixture.db.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn" FROM intakes WHERE id = $1`,
      [intakeId],
    );
    expect(intake.startsOn).toBe('2027-12-10');
    expect(await participation(id)).toEqual({ startsOn: '2027-12-10', year: 2027 });
    const [after] = await fixture.db.query(`SELECT reserved::text FROM funds WHERE id = $1`, [
      fundId,
    ]);
    expect(after).toEqual(before);
    const summary = await stack.http.get(
      `/api/v1/reports/training-summary?from=2028-01-01&to=2028-12-31`,
      admin(),
    );
    expect(summary.status).toBe(200);
    expect(summary.body.totals.approved).toBe(0);

    // Once the reservation is released (the nomination cancelled), the intake may move.
    const cancelled = await fixture.act(id, 'cancel', 4, 'memberA', {
      comment: 'Lớp học chuyển sang năm 2028.',
    });
    expect(cancelled.status).toBe(201);
    expect((await move(intakeId, '2028-01-15', '2028-01-25')).status).toBe(200);
  });

  it('should refuse the move while a nomination in review asks a fund of the old year', async () => {
    const intakeId = await insertRow(fixture.db, 'intakes', {
      code: `CNKT-REV-${Math.random().toString(36).slice(2, 8)}`,
      program_id: program,
      starts_on: '2027-12-10',
      ends_on: '2027-12-20',
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shiftDays(-5),
      nomination_closes_on: shiftDays(30),
      cost_tuition: '40500000',
    });
    const fundId = await insertFund(fixture.db, fixture.org.units.districtA, 100_000_000n, {
      fiscal_year: 2027,
    });
    const [nominee] = await fixture.nominees(1);
    await fixture.atLastStep(nominee, intakeId, fundId);
    const moved = await move(intakeId, '2028-01-15', '2028-01-25');
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('INTAKE_FUNDED_IN_OTHER_YEAR');
  });

  it('should let a move into the next year follow the participations when no old money is held', async () => {
    const { intakeId, id } = await approvedInDecember2027();
    // Finance has released the reservation on the 2027 fund (its balance is not this test's concern).
    await fixture.db.query(
      `INSERT INTO fund_ledger (fund_id, kind, amount, nomination_id, comment)
       SELECT fund_id, 'release', amount, nomination_id, 'test' FROM fund_ledger
        WHERE nomination_id = $1 AND kind = 'reservation'`,
      [id],
    );
    expect((await move(intakeId, '2028-01-15', '2028-01-25')).status).toBe(200);
    expect(await participation(id)).toEqual({ startsOn: '2028-01-15', year: 2028 });
    const summary = await stack.http.get(
      `/api/v1/reports/training-summary?from=2028-01-01&to=2028-12-31`,
      admin(),
    );
    expect(summary.body.totals.approved).toBe(1);
  });
});
