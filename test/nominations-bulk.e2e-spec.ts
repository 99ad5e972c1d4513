import { startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import { IntakeFixture, seedIntakeFixture } from './support/nomination-fixture';

const COST = 40_500_000n;

describe('bulk nomination over HTTP', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  let fundId: string;
  const ids: Record<string, string> = {};

  const as: IntakeFixture['as'] = (who) => fixture.as(who);

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db } = fixture);
    ids.intake = fixture.intakeId;
    fundId = await fixture.fund(10_000_000_000n);
  });
  afterAll(() => stack.close());

  const bulk = (who: string, nominees: Array<Record<string, unknown>>) =>
    stack.http.post(
      '/api/v1/nominations/bulk',
      {
        intakeId: ids.intake,
        targetGroup: 3,
        justification: 'Cập nhật kiến thức cho cán bộ quận Ninh Kiều.',
        nominees,
      },
      as(who),
    );
  const line = (amount = COST) => [{ fundId, amount: amount.toString() }];

  it('should create each person on their own and answer every result in order', async () => {
    const response = await bulk('unitHeadA', [
      { staffId: org.staff.staffA2, costLines: line() },
      { staffId: org.staff.staffB, costLines: line() },
      { staffId: org.staff.staffA, costLines: line(), learnerShare: '500000' },
      {
        staffId: org.staff.staffA,
        costLines: [{ fundId: '00000000-0000-4000-8000-000000000000', amount: '1000' }],
      },
    ]);
    expect(response.status).toBe(200);
    const { results } = response.body;
    expect(results.map((result: { staffId: string }) => result.staffId)).toEqual([
      org.staff.staffA2,
      org.staff.staffB,
      org.staff.staffA,
      org.staff.staffA,
    ]);
    expect(results[0]).toEqual({
      staffId: org.staff.staffA2,
      ok: true,
      id: expect.any(String),
      reference: expect.stringMatching(/^DT-\d{4}-\d{6}$/),
    });
    expect(results[1]).toEqual({
      staffId: org.staff.staffB,
      ok: false,
      problem: { status: 404, code: 'STAFF_NOT_FOUND', detail: expect.any(String) },
    });
    expect(results[2]).toMatchObject({ ok: true });
    expect(results[3]).toEqual({
      staffId: org.staff.staffA,
      ok: false,
      problem: {
        status: 422,
        code: 'UNKNOWN_REFERENCE',
        detail: expect.any(String),
        errors: [expect.objectContaining({ field: 'costLines', code: 'UNKNOWN_FUND' })],
      },
    });
    expect(results[0].reference).not.toBe(results[2].reference);

    // The good ones are drafts with their history; the refused ones left nothing.
    const rows = await db.query(
      `SELECT n.id, n.nominee_staff_id, n.status, n.learner_share::text AS share,
              (SELECT count(*)::int FROM nomination_history h WHERE h.nomination_id = n.id) AS history
         FROM nominations n WHERE n.intake_id = $1 ORDER BY n.reference`,
      [ids.intake],
    );
    expect(rows).toEqual([
      {
        id: results[0].id,
        nominee_staff_id: org.staff.staffA2,
        status: 'draft',
        share: '0',
        history: 1,
      },
      {
        id: results[2].id,
        nominee_staff_id: org.staff.staffA,
        status: 'draft',
        share: '500000',
        history: 1,
      },
    ]);
    const detail = await stack.http.get(`/api/v1/nominations/${results[2].id}`, as('unitHeadA'));
    expect(detail.body).toMatchObject({ status: 'draft', nominee: { id: org.staff.staffA } });
  });

  it('should refuse everyone who may not nominate, one by one', async () => {
    const response = await bulk('financeA', [
      { staffId: org.staff.staffA2, costLines: line() },
      { staffId: org.staff.staffA, costLines: line() },
    ]);
    expect(response.status).toBe(200);
    expect(
      response.body.results.map((result: { ok: boolean; problem: { code: string } }) => [
        result.ok,
        result.problem.code,
      ]),
    ).toEqual([
      [false, 'FORBIDDEN'],
      [false, 'FORBIDDEN'],
    ]);
  });

  it('should validate the whole request first: 1 to 200 people, each well formed', async () => {
    const none = await bulk('unitHeadA', []);
    expect([none.status, none.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const many = await bulk(
      'unitHeadA',
      Array.from({ length: 201 }, () => ({ staffId: org.staff.staffA2, costLines: line() })),
    );
    expect([many.status, many.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const bad = await bulk('unitHeadA', [
      { staffId: org.staff.staffA2, costLines: [{ fundId, amount: '-5' }] },
    ]);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM nominations WHERE intake_id = $1`,
      [ids.intake],
    );
    expect(count).toBe(2);
  });
});
