import { startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  insertFund,
  insertIntake,
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
} from './support/nomination-fixture';

const COST = '40500000';
const UNKNOWN_FUND_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The money and the people of a nomination: cost lines only on funds the nominating side may
 * use, the funds a nomination draws on readable by everyone who may see it, and one active
 * nomination per person and intake.
 */
describe('nomination integrity', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  let intakeId: string;
  let ownFund: string;
  let cityFund: string;
  let otherDistrictFund: string;
  let otherDistrictCode: string;

  const as: IntakeFixture['as'] = (who) => fixture.as(who);
  const act: IntakeFixture['act'] = (...args) => fixture.act(...args);
  const create = (body: Record<string, unknown>, who = 'unitHeadA') =>
    stack.http.post('/api/v1/nominations', body, as(who));
  const draft = (nominee: string, fundId: string, intake = intakeId) =>
    nominationDraft(nominee, intake, fundId, COST);
  const edit = (id: string, version: number, body: Record<string, unknown>) =>
    stack.http.request('PATCH', `/api/v1/nominations/${id}`, {
      body,
      headers: { ...as('unitHeadA'), 'if-match': `"${version}"` },
    });
  const bulk = (nominees: Array<Record<string, unknown>>, intake = intakeId) =>
    stack.http.post(
      '/api/v1/nominations/bulk',
      {
        intakeId: intake,
        targetGroup: 3,
        justification: 'Cập nhật kiến thức cho cán bộ quận Ninh Kiều.',
        nominees,
      },
      as('unitHeadA'),
    );
  const problemOf = (response: { status: number; body: Record<string, unknown> }) => ({
    status: response.status,
    code: response.body.code,
    errors: response.body.errors,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db } = fixture);
    intakeId = fixture.intakeId;
    ownFund = await fixture.fund(10_000_000_000n);
    cityFund = await insertFund(db, org.units.city, 10_000_000_000n);
    otherDistrictFund = await insertFund(db, org.units.districtB, 10_000_000_000n);
    [{ code: otherDistrictCode }] = await db.query(`SELECT code FROM funds WHERE id = $1`, [
      otherDistrictFund,
    ]);
  });
  afterAll(() => stack.close());

  describe('cost lines on funds the caller may not use', () => {
    /** What an unknown fund answers, with the fund id that was sent. */
    const unknownFundProblem = (fundId: string) => ({
      status: 422,
      code: 'UNKNOWN_REFERENCE',
      errors: [
        {
          field: 'costLines',
          message: `Quỹ ${fundId} không tồn tại hoặc bạn không được dùng quỹ này.`,
          code: 'UNKNOWN_FUND',
        },
      ],
    });

    it('should refuse another district’s fund at create exactly like a fund that does not exist', async () => {
      const unknown = await create(draft(await fixture.nominee(), UNKNOWN_FUND_ID));
      expect(problemOf(unknown)).toEqual(unknownFundProblem(UNKNOWN_FUND_ID));
      const foreign = await create(draft(await fixture.nominee(), otherDistrictFund));
      expect(problemOf(foreign)).toEqual(unknownFundProblem(otherDistrictFund));
      expect(foreign.text).not.toContain(otherDistrictCode);
      expect(foreign.body.budgetCheck).toBeUndefined();
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM nomination_cost_lines WHERE fund_id = $1`,
        [otherDistrictFund],
      );
      expect(count).toBe(0);
    });

    it('should accept the funds the unit head may use: their own unit’s and those above it', async () => {
      const created = await create({
        ...draft(await fixture.nominee(), ownFund),
        costLines: [
          { fundId: ownFund, amount: '30000000' },
          { fundId: cityFund, amount: '10500000' },
        ],
      });
      expect(created.status).toBe(201);
      expect(
        created.body.budgetCheck.map((check: { fundId: string }) => check.fundId).sort(),
      ).toEqual([ownFund, cityFund].sort());
    });

    it('should refuse another district’s fund at edit, leaving the nomination as it was', async () => {
      const created = await create(draft(await fixture.nominee(), ownFund));
      expect(created.status).toBe(201);
      const edited = await edit(created.body.id, 1, {
        costLines: [{ fundId: otherDistrictFund, amount: COST }],
      });
      expect(problemOf(edited)).toEqual(unknownFundProblem(otherDistrictFund));
      expect(edited.text).not.toContain(otherDistrictCode);
      const detail = await stack.http.get(
        `/api/v1/nominations/${created.body.id}`,
        as('unitHeadA'),
      );
      expect(detail.body).toMatchObject({
        version: 1,
        costLines: [{ fundId: ownFund, amount: COST }],
      });
    });

    it('should refuse another district’s fund in bulk, person by person', async () => {
      const response = await bulk([
        { staffId: await fixture.nominee(), costLines: [{ fundId: ownFund, amount: COST }] },
        {
          staffId: await fixture.nominee(),
          costLines: [{ fundId: otherDistrictFund, amount: COST }],
        },
      ]);
      expect(response.status).toBe(200);
      expect(response.body.results[0]).toMatchObject({ ok: true });
      expect(response.body.results[1]).toMatchObject({
        ok: false,
        problem: unknownFundProblem(otherDistrictFund),
      });
      expect(response.text).not.toContain(otherDistrictCode);
    });

    it('should not name a fund the submitter may not use when a cost line already holds one', async () => {
      // A line written before the rule held: the submission treats the fund as unknown.
      const created = await create(draft(await fixture.nominee(), ownFund));
      await db.query(`UPDATE nomination_cost_lines SET fund_id = $2 WHERE nomination_id = $1`, [
        created.body.id,
        otherDistrictFund,
      ]);
      const submitted = await act(created.body.id, 'submit', 1, 'unitHeadA');
      expect([submitted.status, submitted.body.code]).toEqual([422, 'INVALID_COST_SPLIT']);
      expect(submitted.body.errors).toContainEqual(
        expect.objectContaining({ code: 'UNKNOWN_FUND' }),
      );
      expect(submitted.text).not.toContain(otherDistrictCode);
    });
  });

  describe('the funds a nomination draws on', () => {
    let id: string;

    beforeAll(async () => {
      const nominee = await fixture.nominee();
      await fixture.newUser('nominee', { staffId: nominee, grants: [{ role: 'staff' }] });
      const created = await create({
        ...draft(nominee, ownFund),
        costLines: [
          { fundId: ownFund, amount: '30000000' },
          { fundId: cityFund, amount: '10500000' },
        ],
      });
      id = created.body.id;
      expect((await act(id, 'submit', 1, 'unitHeadA')).status).toBe(201);
    });

    const fundsOf = (who: string) => stack.http.get(`/api/v1/nominations/${id}/funds`, as(who));

    it('should show the reviewer and the board member the funds their budget check is about', async () => {
      // Their own fund scope does not reach the fund...
      const direct = await stack.http.get(`/api/v1/funds/${ownFund}`, as('reviewerA'));
      expect([direct.status, direct.body.code]).toEqual([404, 'FUND_NOT_FOUND']);
      // ... the nomination they decide on does.
      for (const who of ['reviewerA', 'memberA']) {
        const response = await fundsOf(who);
        expect(response.status).toBe(200);
        const [fund] = await db.query(
          `SELECT code, available::text AS available FROM funds WHERE id = $1`,
          [ownFund],
        );
        expect(response.body.items).toHaveLength(2);
        expect(
          response.body.items.find((item: { id: string }) => item.id === ownFund),
        ).toMatchObject({
          code: fund.code,
          available: fund.available,
          pipeline: expect.stringMatching(/^\d+$/),
          amount: '30000000',
        });
        expect(
          response.body.items.find((item: { id: string }) => item.id === cityFund),
        ).toMatchObject({ amount: '10500000' });
      }
    });

    it('should show them to finance over the nominee and to the unit head', async () => {
      for (const who of ['financeA', 'unitHeadA']) {
        const response = await fundsOf(who);
        expect([who, response.status, response.body.items?.length]).toEqual([who, 200, 2]);
      }
    });

    it('should keep the money from the nominee, who sees their nomination but not its funds', async () => {
      const response = await fundsOf('nominee');
      expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
      const detail = await stack.http.get(`/api/v1/nominations/${id}`, as('nominee'));
      expect(detail.status).toBe(200);
      expect(detail.body.budgetCheck).toBeNull();
      expect(detail.body).not.toHaveProperty('fundOwnerPaths');
      const reviewer = await stack.http.get(`/api/v1/nominations/${id}`, as('reviewerA'));
      expect(reviewer.body.budgetCheck).toHaveLength(2);
    });

    it('should answer 404 to whoever may not see the nomination', async () => {
      for (const who of ['unitHeadB', 'memberCity', 'staffA']) {
        const response = await fundsOf(who);
        expect([who, response.status, response.body.code]).toEqual([
          who,
          404,
          'NOMINATION_NOT_FOUND',
        ]);
      }
    });

    it('should be read-only', async () => {
      const response = await stack.http.request('POST', `/api/v1/nominations/${id}/funds`, {
        body: {},
        headers: as('unitHeadA'),
      });
      expect(response.status).toBe(404);
    });
  });

  describe('one active nomination per person and intake', () => {
    it('should refuse a second nomination of the same person, naming the first, until it ends', async () => {
      const nominee = await fixture.nominee();
      const first = await create(draft(nominee, ownFund));
      expect(first.status).toBe(201);
      const second = await create(draft(nominee, ownFund));
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        code: 'NOMINATION_EXISTS',
        existingNominationId: first.body.id,
        existingReference: first.body.reference,
        detail: expect.stringContaining(first.body.reference),
      });
      expect(
        (await act(first.body.id, 'withdraw', 1, 'unitHeadA', { comment: 'Đổi người.' })).status,
      ).toBe(201);
      expect((await create(draft(nominee, ownFund))).status).toBe(201);
    });

    it('should refuse a person already in review, and the same person twice, in bulk', async () => {
      const inReview = await fixture.nominee();
      const created = await create(draft(inReview, ownFund));
      expect((await act(created.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      const twice = await fixture.nominee();
      const line = [{ fundId: ownFund, amount: COST }];
      const response = await bulk([
        { staffId: inReview, costLines: line },
        { staffId: twice, costLines: line },
        { staffId: twice, costLines: line },
      ]);
      expect(response.status).toBe(200);
      const [again, ok, repeated] = response.body.results;
      expect(again).toMatchObject({
        ok: false,
        problem: {
          status: 409,
          code: 'NOMINATION_EXISTS',
          detail: expect.stringContaining(created.body.reference),
          errors: [
            expect.objectContaining({
              code: 'NOMINATION_EXISTS',
              message: expect.stringContaining(created.body.reference),
            }),
          ],
        },
      });
      expect(ok).toMatchObject({ ok: true });
      expect(repeated).toMatchObject({
        ok: false,
        problem: { status: 409, code: 'NOMINATION_EXISTS' },
      });
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM nominations WHERE nominee_staff_id = ANY($1::uuid[])`,
        [[inReview, twice]],
      );
      expect(count).toBe(2);
    });

    it('should refuse moving a nomination to an intake where the person already has one', async () => {
      const program = (
        await db.query(`SELECT program_id FROM intakes WHERE id = $1`, [intakeId])
      )[0].program_id;
      const otherIntake = await insertIntake(db, program, 'CNKT-2027-2', 40);
      const nominee = await fixture.nominee();
      const there = await create(draft(nominee, ownFund, otherIntake));
      const here = await create(draft(nominee, ownFund));
      expect([there.status, here.status]).toEqual([201, 201]);
      const moved = await edit(here.body.id, 1, { intakeId: otherIntake });
      expect([moved.status, moved.body.code, moved.body.existingNominationId]).toEqual([
        409,
        'NOMINATION_EXISTS',
        there.body.id,
      ]);
      // Another change of the same nomination is not a second nomination.
      expect((await edit(here.body.id, 1, { justification: 'Bổ sung.' })).status).toBe(200);
    });

    it('should let one of two racing creates win and answer the other NOMINATION_EXISTS', async () => {
      const nominee = await fixture.nominee();
      const responses = await Promise.all([
        create(draft(nominee, ownFund)),
        create(draft(nominee, ownFund)),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.status === 409)!.body.code).toBe(
        'NOMINATION_EXISTS',
      );
    });

    it('should hold the rule in the database, for active states only', async () => {
      const nominee = await fixture.nominee();
      const insert = (reference: string, status: string) =>
        db.query(
          `INSERT INTO nominations (reference, nominee_staff_id, intake_id, nominating_unit_id,
                                    nominator_user_id, target_group, justification, estimated_cost, status)
           VALUES ($1, $2, $3, $4, $5, 3, 'Cử đi bồi dưỡng', 40500000, $6)`,
          [reference, nominee, intakeId, org.units.districtA, org.users.unitHeadA, status],
        );
      for (const [index, status] of ['completed', 'rejected', 'withdrawn', 'cancelled'].entries()) {
        await insert(`DT-X-${index}`, status);
      }
      await insert('DT-X-A', 'approved');
      for (const status of ['draft', 'in_review', 'returned', 'approved', 'in_training']) {
        await expect(insert(`DT-X-${status}`, status)).rejects.toMatchObject({
          driverError: expect.objectContaining({
            code: '23505',
            constraint: 'nominations_one_active_per_intake',
          }),
        });
      }
    });
  });
});
