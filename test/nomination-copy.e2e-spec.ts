import { bearer, startTestStack, TestStack } from '@app/testing';
import { seedNominationFixture } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;

describe('withdrawing with a reason, and copying an ended nomination as a new draft', () => {
  let stack: TestStack;
  let fixture: Fixture;
  let intakeId: string;
  let fundId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    intakeId = await fixture.intake('CNKT-SC-1');
    fundId = await fixture.fund(100_000_000_000n);
  });
  afterAll(() => stack.close());

  const copy = (id: string, who = 'unitHeadA') =>
    stack.http.post(`/api/v1/nominations/${id}/copy`, {}, bearer(fixture.tokens[who]));
  const draft = async () => {
    const [nominee] = await fixture.nominees(1);
    const created = await fixture.nominate(nominee, intakeId, fundId);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const withdrawn = async () => {
    const id = await draft();
    const response = await fixture.act(id, 'withdraw', 1, 'unitHeadA', {
      comment: 'Cán bộ chuyển công tác.',
    });
    expect(response.status).toBe(201);
    return id;
  };

  it('should refuse a withdrawal without a reason (400) and keep the reason given in history', async () => {
    const id = await draft();
    for (const body of [{}, { comment: '   ' }]) {
      const refused = await fixture.act(id, 'withdraw', 1, 'unitHeadA', body);
      expect([refused.status, refused.body.code]).toEqual([400, 'COMMENT_REQUIRED']);
      expect(refused.body.errors[0].field).toBe('comment');
    }
    const done = await fixture.act(id, 'withdraw', 1, 'unitHeadA', {
      comment: 'Cán bộ xin rút vì lý do gia đình.',
    });
    expect(done.status).toBe(201);
    expect(done.body.status).toBe('withdrawn');
    expect(done.body.history.at(-1)).toMatchObject({
      action: 'withdraw',
      comment: 'Cán bộ xin rút vì lý do gia đình.',
    });
    expect(done.body.mayCopy).toBe(true);
  });

  it('should copy a withdrawn nomination as a new draft linked both ways', async () => {
    const id = await withdrawn();
    const response = await copy(id);
    expect(response.status).toBe(201);
    const source = await stack.http.get(
      `/api/v1/nominations/${id}`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect(response.body).toMatchObject({
      status: 'draft',
      version: 1,
      nomineeStaffId: source.body.nomineeStaffId,
      intakeId,
      targetGroup: source.body.targetGroup,
      justification: source.body.justification,
      learnerShare: source.body.learnerShare,
      costLines: [{ fundId, amount: '40500000' }],
      copiedFromId: id,
      copiedFrom: { id, reference: source.body.reference, status: 'withdrawn' },
      copiedTo: [],
      intakeOpen: true,
    });
    expect(response.body.reference).not.toBe(source.body.reference);
    expect(response.body.history).toEqual([
      expect.objectContaining({
        action: 'create',
        comment: `copied from ${source.body.reference}`,
      }),
    ]);
    expect(source.body.copiedTo).toEqual([
      expect.objectContaining({ id: response.body.id, reference: response.body.reference }),
    ]);
    // The predecessor keeps its state and history.
    expect(source.body.status).toBe('withdrawn');
    expect(source.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'withdraw',
    ]);
    // The copy goes on as any draft does.
    const submitted = await fixture.act(response.body.id, 'submit', 1, 'unitHeadA');
    expect(submitted.status).toBe(201);
  });

  it('should refuse a second copy while the first is active, with NOMINATION_EXISTS', async () => {
    const id = await withdrawn();
    expect((await copy(id)).status).toBe(201);
    const again = await copy(id);
    expect([again.status, again.body.code]).toEqual([409, 'NOMINATION_EXISTS']);
    const [{ count }] = await fixture.db.query(
      `SELECT count(*)::int AS count FROM nominations WHERE copied_from_id = $1`,
      [id],
    );
    expect(count).toBe(1);
  });

  it('should refuse to copy a nomination that has not ended (409 NOT_COPYABLE)', async () => {
    const id = await draft();
    const response = await copy(id);
    expect([response.status, response.body.code]).toEqual([409, 'NOT_COPYABLE']);
    expect(response.body.copyableFrom).toEqual(['withdrawn', 'rejected', 'cancelled']);
  });

  it('should answer 404 to a unit head out of scope and 403 to a role that does not nominate', async () => {
    const id = await withdrawn();
    const outOfScope = await copy(id, 'unitHeadB');
    expect([outOfScope.status, outOfScope.body.code]).toEqual([404, 'NOMINATION_NOT_FOUND']);
    const reviewer = await copy(id, 'reviewerA');
    expect([reviewer.status, reviewer.body.code]).toEqual([403, 'FORBIDDEN']);
    const [{ count }] = await fixture.db.query(
      `SELECT count(*)::int AS count FROM nominations WHERE copied_from_id = $1`,
      [id],
    );
    expect(count).toBe(0);
  });

  it('should say so when the intake no longer takes nominations', async () => {
    const id = await withdrawn();
    await fixture.db.query(
      `UPDATE intakes SET nomination_opens_on = nomination_opens_on - 40, nomination_closes_on = now()::date - 2
        WHERE id = $1`,
      [intakeId],
    );
    try {
      const response = await copy(id);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ status: 'draft', intakeOpen: false });
    } finally {
      await fixture.db.query(
        `UPDATE intakes SET nomination_closes_on = now()::date + 30, nomination_opens_on = now()::date - 5
          WHERE id = $1`,
        [intakeId],
      );
    }
  });
});
