import { startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
  shiftDays as shift,
} from './support/nomination-fixture';

const COST = 40_500_000n;

describe('delegation over HTTP', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  let fundId: string;
  let users: Record<string, string>;
  const ids: Record<string, string> = {};

  const as: IntakeFixture['as'] = (who) => fixture.as(who);
  const nominate = async (who = 'unitHeadA', nominee?: string) =>
    stack.http.post(
      '/api/v1/nominations',
      nominationDraft(nominee ?? (await fixture.nominee()), ids.intake, fundId, COST.toString()),
      as(who),
    );
  const act: IntakeFixture['act'] = (...args) => fixture.act(...args);
  /** A nomination submitted by unit head A, waiting at step 1 (board reviewer of A). */
  const submitted = async (who = 'unitHeadA') => {
    const { body } = await nominate(who);
    expect((await act(body.id, 'submit', 1, who)).status).toBe(201);
    return body.id as string;
  };
  const delegate = (who: string, body: Record<string, unknown>) =>
    stack.http.post(
      '/api/v1/delegations',
      {
        role: 'board_reviewer',
        authorityId: org.authorities.authorityA,
        startsOn: shift(0),
        endsOn: shift(7),
        ...body,
      },
      as(who),
    );
  const revoke = (id: string, who: string) =>
    stack.http.request('DELETE', `/api/v1/delegations/${id}`, { headers: as(who) });
  const newUser: IntakeFixture['newUser'] = (name, grants) => fixture.newUser(name, grants);

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db, users } = fixture);
    ids.intake = fixture.intakeId;
    fundId = await fixture.fund(10_000_000_000n);
  });
  afterAll(() => stack.close());

  it('should let a delegate see and approve on the delegator’s behalf while the delegation is in force', async () => {
    const deputy = await newUser('deputy');
    const id = await submitted();
    expect((await stack.http.get(`/api/v1/nominations/${id}`, as('deputy'))).status).toBe(404);

    const created = await delegate('reviewerA', { toUserId: deputy });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fromUserId: users.reviewerA,
      toUserId: deputy,
      role: 'board_reviewer',
      authorityId: org.authorities.authorityA,
      unitId: null,
      startsOn: shift(0),
      endsOn: shift(7),
      revokedAt: null,
      active: true,
    });

    const seen = await stack.http.get(`/api/v1/nominations/${id}`, as('deputy'));
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual(['approve', 'return', 'reject']);

    const approved = await act(id, 'approve', 2, 'deputy', { comment: 'Thay mặt.' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'in_review', currentStep: 2 });
    expect(approved.body.steps[0]).toMatchObject({
      state: 'approved',
      actedBy: deputy,
      onBehalfOf: users.reviewerA,
    });
    expect(approved.body.history.at(-1)).toMatchObject({
      action: 'approve',
      actorUserId: deputy,
      onBehalfOf: users.reviewerA,
    });
    const [row] = await db.query(
      `SELECT actor_user_id, on_behalf_of FROM nomination_history WHERE nomination_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(row).toEqual({ actor_user_id: deputy, on_behalf_of: users.reviewerA });
    const [event] = await db.query(
      `SELECT payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(event.payload).toMatchObject({ actorUserId: deputy, onBehalfOf: users.reviewerA });

    // The delegation covers the reviewer's step only, not the board member's.
    const next = await act(id, 'approve', 3, 'deputy');
    expect([next.status, next.body.code]).toEqual([403, 'NOT_YOUR_STEP']);
  });

  it('should treat a delegate outside the delegation’s days as a stranger', async () => {
    const ended = await newUser('ended');
    const early = await newUser('early');
    expect(
      (await delegate('reviewerA', { toUserId: ended, startsOn: shift(-10), endsOn: shift(-1) }))
        .status,
    ).toBe(201);
    expect(
      (await delegate('reviewerA', { toUserId: early, startsOn: shift(1), endsOn: shift(5) }))
        .status,
    ).toBe(201);
    const id = await submitted();
    for (const who of ['ended', 'early']) {
      expect((await stack.http.get(`/api/v1/nominations/${id}`, as(who))).status).toBe(404);
      const refused = await act(id, 'approve', 2, who);
      expect([refused.status, refused.body.code]).toEqual([404, 'NOMINATION_NOT_FOUND']);
    }
    // A delegate who sees the nomination through their own grant, but not this step's.
    await newUser('otherReviewer', {
      grants: [{ role: 'board_member', unitId: org.units.districtA }],
    });
    await delegate('reviewerA', {
      toUserId: users.otherReviewer,
      startsOn: shift(-3),
      endsOn: shift(-1),
    });
    const notYours = await act(id, 'approve', 2, 'otherReviewer');
    expect([notYours.status, notYours.body.code]).toEqual([403, 'NOT_YOUR_STEP']);
  });

  it('should refuse a delegate once the delegation is revoked', async () => {
    const revoked = await newUser('revoked');
    const { body } = await delegate('reviewerA', { toUserId: revoked });
    const id = await submitted();
    expect((await stack.http.get(`/api/v1/nominations/${id}`, as('revoked'))).status).toBe(200);
    expect((await revoke(body.id, 'reviewerA')).status).toBe(204);
    expect((await act(id, 'approve', 2, 'revoked')).status).toBe(404);
    const listed = await stack.http.get('/api/v1/delegations', as('revoked'));
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: body.id, active: false, revokedAt: expect.any(String) }),
    ]);
  });

  it('should end a delegation in force once the delegator is deactivated or gives up the grant', async () => {
    for (const [delegator, end] of [
      ['leavingReviewer', `UPDATE users SET active = false WHERE id = $1`],
      ['movedReviewer', `DELETE FROM role_assignments WHERE user_id = $1`],
    ] as const) {
      await newUser(delegator, {
        grants: [{ role: 'board_reviewer', authorityId: org.authorities.authorityA }],
      });
      const deputy = await newUser(`${delegator}Deputy`);
      const { body } = await delegate(delegator, { toUserId: deputy });
      const id = await submitted();
      expect(
        (await stack.http.get(`/api/v1/nominations/${id}`, as(`${delegator}Deputy`))).status,
      ).toBe(200);

      await db.query(end, [users[delegator]]);
      expect((await act(id, 'approve', 2, `${delegator}Deputy`)).status).toBe(404);
      const awaiting = await stack.http.get(
        '/api/v1/nominations?awaiting=me',
        as(`${delegator}Deputy`),
      );
      expect(awaiting.body.items).toEqual([]);
      const listed = await stack.http.get('/api/v1/delegations', as(`${delegator}Deputy`));
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: body.id, active: false, revokedAt: null }),
      ]);
    }
  });

  it('should apply the conflict-of-interest rules to both the delegate and the delegator', async () => {
    // The delegate is the nominator.
    await delegate('reviewerA', { toUserId: users.unitHeadA });
    const id = await submitted();
    const own = await act(id, 'approve', 2, 'unitHeadA');
    expect([own.status, own.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);

    // The delegator approved step 1; their delegate may not take step 2 for them.
    await newUser('reviewerAndMember', {
      grants: [
        { role: 'board_reviewer', authorityId: org.authorities.authorityA },
        { role: 'board_member', authorityId: org.authorities.authorityA },
      ],
    });
    const helper = await newUser('helper');
    await delegate('reviewerAndMember', { toUserId: helper, role: 'board_member' });
    expect((await act(id, 'approve', 2, 'reviewerAndMember')).status).toBe(201);
    const twice = await act(id, 'approve', 3, 'helper');
    expect([twice.status, twice.body.code]).toEqual([403, 'ALREADY_ACTED']);

    // The delegate acted on step 1 for someone; they may not take step 2 for another.
    const second = await submitted();
    const memberHelper = await newUser('memberHelper');
    await delegate('reviewerA', { toUserId: memberHelper });
    await delegate('memberA', { toUserId: memberHelper, role: 'board_member' });
    expect((await act(second, 'approve', 2, 'memberHelper')).status).toBe(201);
    const again = await act(second, 'approve', 3, 'memberHelper');
    expect([again.status, again.body.code]).toEqual([403, 'ALREADY_ACTED']);
  });

  it('should let only one’s own grants be delegated', async () => {
    const target = await newUser('target');
    const wrongRole = await delegate('reviewerA', { toUserId: target, role: 'board_member' });
    expect([wrongRole.status, wrongRole.body.code]).toEqual([422, 'NOT_YOUR_GRANT']);
    const wrongScope = await delegate('reviewerA', {
      toUserId: target,
      authorityId: org.authorities.authorityB,
    });
    expect([wrongScope.status, wrongScope.body.code]).toEqual([422, 'NOT_YOUR_GRANT']);
    const financeUnit = await delegate('financeA', {
      toUserId: target,
      role: 'finance',
      authorityId: undefined,
      unitId: org.units.communeA,
    });
    expect([financeUnit.status, financeUnit.body.code]).toEqual([422, 'NOT_YOUR_GRANT']);
    const finance = await delegate('financeA', {
      toUserId: target,
      role: 'finance',
      authorityId: undefined,
      unitId: org.units.districtA,
    });
    expect(finance.status).toBe(201);

    const forOther = await delegate('unitHeadA', {
      toUserId: target,
      fromUserId: users.reviewerA,
    });
    expect([forOther.status, forOther.body.code]).toEqual([403, 'FORBIDDEN']);
    const byAdmin = await delegate('admin', { toUserId: target, fromUserId: users.reviewerA });
    expect([byAdmin.status, byAdmin.body.fromUserId]).toEqual([201, users.reviewerA]);

    const backwards = await delegate('reviewerA', {
      toUserId: target,
      startsOn: shift(3),
      endsOn: shift(2),
    });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const both = await delegate('reviewerA', { toUserId: target, unitId: org.units.districtA });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const self = await delegate('reviewerA', { toUserId: users.reviewerA });
    expect([self.status, self.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unit = await delegate('reviewerA', { toUserId: target, role: 'unit_head' });
    expect([unit.status, unit.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('should let only the delegator or an administrator revoke, and list each caller’s own', async () => {
    const delegateUser = await newUser('listedDelegate');
    const { body } = await delegate('reviewerA', { toUserId: delegateUser });
    const byDelegate = await revoke(body.id, 'listedDelegate');
    expect([byDelegate.status, byDelegate.body.code]).toEqual([403, 'FORBIDDEN']);
    const byStranger = await revoke(body.id, 'unitHeadB');
    expect([byStranger.status, byStranger.body.code]).toEqual([404, 'DELEGATION_NOT_FOUND']);

    const theirs = await stack.http.get('/api/v1/delegations', as('listedDelegate'));
    expect(theirs.body).toMatchObject({ total: 1, page: 1 });
    expect((await stack.http.get('/api/v1/delegations', as('unitHeadB'))).body.total).toBe(0);
    const all = await stack.http.get('/api/v1/delegations?pageSize=500', as('admin'));
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM delegations`);
    expect(all.body.total).toBe(count);
    const mine = await stack.http.get('/api/v1/delegations?pageSize=500', as('reviewerA'));
    expect(
      mine.body.items.every(
        (item: { fromUserId: string; toUserId: string }) =>
          item.fromUserId === users.reviewerA || item.toUserId === users.reviewerA,
      ),
    ).toBe(true);

    expect((await revoke(body.id, 'admin')).status).toBe(204);
    expect((await revoke(body.id, 'reviewerA')).status).toBe(204);
  });

  it('should audit creating and revoking a delegation', async () => {
    const audited = await newUser('audited');
    const { body } = await delegate('reviewerA', { toUserId: audited });
    expect((await revoke(body.id, 'reviewerA')).status).toBe(204);
    const rows = await db.query(
      `SELECT actor_user_id, action, before, after FROM audit_log
        WHERE entity = 'delegation' AND entity_id = $1 ORDER BY id`,
      [body.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        actor_user_id: users.reviewerA,
        action: 'create',
        before: null,
        after: expect.objectContaining({ toUserId: audited, role: 'board_reviewer' }),
      }),
      expect.objectContaining({
        actor_user_id: users.reviewerA,
        action: 'update',
        before: { revokedAt: null },
        after: { revokedAt: expect.any(String) },
      }),
    ]);
  });
});
