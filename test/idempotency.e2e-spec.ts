import { startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  actionTrail,
  fundBalances,
  IntakeFixture,
  nominationDraft,
  seatsTaken as intakeSeatsTaken,
  seedIntakeFixture,
} from './support/nomination-fixture';

const COST = 40_500_000n;

describe('Idempotency-Key on the requests that act on nominations', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  const ids: Record<string, string> = {};
  let keySeq = 0;
  const newKey = () => `key-${Date.now()}-${++keySeq}`;

  const fund = (allocated: bigint) => fixture.fund(allocated);
  const as: IntakeFixture['as'] = (who) => fixture.as(who);
  const withKey = (key?: string): Record<string, string> =>
    key === undefined ? {} : { 'idempotency-key': key };
  /** A draft body for a new person: one active nomination per person and intake. */
  const draft = async (fundId: string, justification?: string) =>
    nominationDraft(await fixture.nominee(), ids.intake, fundId, COST.toString(), justification);
  const nominate = (body: Record<string, unknown>, who = 'unitHeadA', key?: string) =>
    stack.http.request('POST', '/api/v1/nominations', {
      body,
      headers: { ...as(who), ...withKey(key) },
    });
  const act = (
    id: string,
    action: string,
    version: number,
    who: string,
    body: Record<string, unknown> = {},
    key?: string,
  ) => fixture.act(id, action, version, who, body, withKey(key));
  const edit = (id: string, version: number, body: Record<string, unknown>, key?: string) =>
    stack.http.request('PATCH', `/api/v1/nominations/${id}`, {
      body,
      headers: { ...as('unitHeadA'), 'if-match': `"${version}"`, ...withKey(key) },
    });
  const balances = (fundId: string) => fundBalances(db, fundId);
  const seatsTaken = () => intakeSeatsTaken(db, ids.intake);
  const trail = (id: string) => actionTrail(db, id);
  const storedKeys = async (key: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [key]))[0].n;
  const nominationsWith = async (justification: string) =>
    (
      await db.query(`SELECT count(*)::int AS n FROM nominations WHERE justification = $1`, [
        justification,
      ])
    )[0].n;
  /** A draft with a fresh fund, created without a key. */
  const freshDraft = async () => {
    const fundId = await fund(1_000_000_000n);
    const created = await nominate(await draft(fundId));
    expect(created.status).toBe(201);
    return { id: created.body.id as string, fundId };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db } = fixture);
    await fixture.newUser('secondHead', {
      grants: [{ role: 'unit_head', unitId: org.units.districtA }],
    });
    ids.intake = fixture.intakeId;
  });
  afterAll(() => stack.close());

  it('should act once on a retried submit and approval, answering the same status, body and ETag', async () => {
    const { id, fundId } = await freshDraft();
    const submitKey = newKey();
    const submitted = await act(id, 'submit', 1, 'unitHeadA', {}, submitKey);
    const again = await act(id, 'submit', 1, 'unitHeadA', {}, submitKey);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'in_review', version: 2 });
    expect(submitted.body.submissionBudgetCheck).toHaveLength(1);
    expect([again.status, again.headers.get('etag'), again.text]).toEqual([
      201,
      '"2"',
      submitted.text,
    ]);
    expect(submitted.headers.get('etag')).toBe('"2"');

    await act(id, 'approve', 2, 'reviewerA', {}, newKey());
    const decideKey = newKey();
    const decided = await act(id, 'approve', 3, 'memberA', { comment: 'Đồng ý.' }, decideKey);
    expect(decided.body).toMatchObject({ status: 'approved', version: 4 });
    for (let retry = 0; retry < 2; retry++) {
      const replayed = await act(id, 'approve', 3, 'memberA', { comment: 'Đồng ý.' }, decideKey);
      expect([replayed.status, replayed.headers.get('etag'), replayed.text]).toEqual([
        201,
        '"4"',
        decided.text,
      ]);
    }
    expect(await balances(fundId)).toEqual({
      reserved: COST.toString(),
      available: (1_000_000_000n - COST).toString(),
    });
    expect(await seatsTaken()).toBe(1);
    expect(await trail(id)).toEqual({
      history: ['create', 'submit', 'approve', 'approve'],
      events: ['nomination.submitted', 'nomination.step_approved', 'nomination.approved'],
    });
    // Cancel so the intake's seat count stays as the other tests expect.
    await act(id, 'cancel', 4, 'memberA', { comment: 'Dọn dữ liệu kiểm thử.' });
  });

  it('should refuse the same key with another body, action or nomination (422)', async () => {
    const { id } = await freshDraft();
    const key = newKey();
    expect((await act(id, 'submit', 1, 'unitHeadA', {}, key)).status).toBe(201);
    const otherBody = await act(id, 'submit', 1, 'unitHeadA', { comment: 'Khác.' }, key);
    expect([otherBody.status, otherBody.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const otherAction = await act(id, 'withdraw', 2, 'unitHeadA', {}, key);
    expect([otherAction.status, otherAction.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const other = await freshDraft();
    const otherNomination = await act(other.id, 'submit', 1, 'unitHeadA', {}, key);
    expect([otherNomination.status, otherNomination.body.code]).toEqual([
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    expect((await trail(id)).history).toEqual(['create', 'submit']);
    expect((await trail(other.id)).history).toEqual(['create']);
  });

  it('should act exactly once when requests with the same key arrive together', async () => {
    const { id } = await freshDraft();
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => act(id, 'submit', 1, 'unitHeadA', {}, key)),
    );
    const succeeded = results.filter((result) => result.status === 201);
    const refused = results.filter((result) => result.status !== 201);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    expect(new Set(succeeded.map((result) => result.text)).size).toBe(1);
    expect(new Set(succeeded.map((result) => result.headers.get('etag')))).toEqual(
      new Set(['"2"']),
    );
    for (const result of refused) {
      expect([result.status, result.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
    }
    expect(await trail(id)).toEqual({
      history: ['create', 'submit'],
      events: ['nomination.submitted'],
    });
    // Once the first has finished, every retry gets its response.
    const later = await act(id, 'submit', 1, 'unitHeadA', {}, key);
    expect([later.status, later.text]).toEqual([201, succeeded[0].text]);
  });

  it('should keep keys per user', async () => {
    const fundId = await fund(1_000_000_000n);
    const key = newKey();
    const justification = `Khóa riêng của từng người dùng ${key}.`;
    const mine = await nominate(await draft(fundId, justification), 'unitHeadA', key);
    const theirs = await nominate(await draft(fundId, justification), 'secondHead', key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await nominationsWith(justification)).toBe(2);
    expect(await storedKeys(key)).toBe(2);
  });

  it('should store nothing when the action fails, so a corrected retry with the same key acts', async () => {
    const { id } = await freshDraft();
    await act(id, 'submit', 1, 'unitHeadA');

    // A stale If-Match: nothing stored; the retry with the version now current acts.
    const key = newKey();
    const stale = await act(id, 'approve', 1, 'reviewerA', {}, key);
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(await storedKeys(key)).toBe(0);
    const approved = await act(id, 'approve', 2, 'reviewerA', {}, key);
    expect([approved.status, approved.body.currentStep]).toEqual([201, 2]);
    // If-Match is not part of the request hash: once done, the key answers with the stored
    // response whatever version a retry carries, instead of a conflict.
    const replayed = await act(id, 'approve', 1, 'reviewerA', {}, key);
    expect([replayed.status, replayed.headers.get('etag'), replayed.text]).toEqual([
      201,
      '"3"',
      approved.text,
    ]);

    // A refused body: nothing stored, so the same key with the corrected body acts.
    const returnKey = newKey();
    const noComment = await act(id, 'return', 3, 'memberA', {}, returnKey);
    expect([noComment.status, noComment.body.code]).toEqual([400, 'COMMENT_REQUIRED']);
    const returned = await act(
      id,
      'return',
      3,
      'memberA',
      { comment: 'Bổ sung hồ sơ.' },
      returnKey,
    );
    expect([returned.status, returned.body.status]).toEqual([201, 'returned']);
    expect((await trail(id)).history).toEqual(['create', 'submit', 'approve', 'return']);
  });

  it('should create one nomination when a create is sent twice with a key', async () => {
    const fundId = await fund(1_000_000_000n);
    const key = newKey();
    const justification = `Tạo một lần ${key}.`;
    const body = await draft(fundId, justification);
    const first = await nominate(body, 'unitHeadA', key);
    const second = await nominate(body, 'unitHeadA', key);
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect([second.status, second.headers.get('etag'), second.text]).toEqual([
      201,
      '"1"',
      first.text,
    ]);
    expect(await nominationsWith(justification)).toBe(1);
  });

  it('should edit once on a retried PATCH', async () => {
    const { id } = await freshDraft();
    const key = newKey();
    const first = await edit(id, 1, { justification: 'Bổ sung nhận xét.' }, key);
    const second = await edit(id, 1, { justification: 'Bổ sung nhận xét.' }, key);
    expect([first.status, first.headers.get('etag'), first.body.version]).toEqual([200, '"2"', 2]);
    expect([second.status, second.headers.get('etag'), second.text]).toEqual([
      200,
      '"2"',
      first.text,
    ]);
    expect((await trail(id)).history).toEqual(['create', 'edit']);
  });

  it('should refuse a malformed key before acting', async () => {
    const { id } = await freshDraft();
    for (const key of ['', 'has space', 'x'.repeat(201)]) {
      const response = await act(id, 'submit', 1, 'unitHeadA', {}, key);
      expect([response.status, response.body.code, response.body.errors]).toEqual([
        400,
        'VALIDATION_FAILED',
        [expect.objectContaining({ field: 'Idempotency-Key' })],
      ]);
    }
    expect((await trail(id)).history).toEqual(['create']);
    expect((await act(id, 'submit', 1, 'unitHeadA', {}, 'x'.repeat(200))).status).toBe(201);
  });

  it('should forget keys older than 24 hours, so the same key then acts again', async () => {
    const fundId = await fund(1_000_000_000n);
    const key = newKey();
    const justification = `Khóa hết hạn ${key}.`;
    const body = await draft(fundId, justification);
    const first = await nominate(body, 'unitHeadA', key);
    expect(first.status).toBe(201);
    // Withdrawn, so that the same person may be nominated again.
    expect(
      (await act(first.body.id, 'withdraw', 1, 'unitHeadA', { comment: 'Đổi người.' })).status,
    ).toBe(201);
    await db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`,
      [key],
    );
    expect((await nominate(body, 'unitHeadA', key)).status).toBe(201);
    expect(await nominationsWith(justification)).toBe(2);
    expect(await storedKeys(key)).toBe(1);
  });

  it('should change nothing without the header', async () => {
    const { id } = await freshDraft();
    const submitted = await act(id, 'submit', 1, 'unitHeadA');
    expect([submitted.status, submitted.headers.get('etag')]).toEqual([201, '"2"']);
    const again = await act(id, 'submit', 1, 'unitHeadA');
    expect([again.status, again.body.code]).toEqual([409, 'VERSION_CONFLICT']);
  });
});
