import { startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
  shiftDays as shift,
} from './support/nomination-fixture';

const COST = 40_500_000n;

describe('nominations awaiting the caller', () => {
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

  const awaiting = async (who: string) => {
    const response = await stack.http.get('/api/v1/nominations?awaiting=me&pageSize=500', as(who));
    expect(response.status).toBe(200);
    return response.body;
  };
  const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it('should list exactly what each approver may act on now, oldest submission first', async () => {
    await newUser('headAndReviewer', {
      grants: [
        { role: 'unit_head', unitId: org.units.districtA },
        { role: 'board_reviewer', authorityId: org.authorities.authorityA },
      ],
    });
    await newUser('deputy');
    await newUser('unitReviewer', {
      grants: [{ role: 'board_reviewer', unitId: org.units.districtA }],
    });
    const atReview = await submitted();
    const atBoard = await submitted();
    expect((await act(atBoard, 'approve', 2, 'reviewerA')).status).toBe(201);
    const own = await submitted('headAndReviewer');
    const draft = (await nominate()).body.id;
    // Submitted first: the oldest waits longest.
    await db.query(
      `UPDATE nominations SET submitted_at = now() - interval '3 days' WHERE id = $1`,
      [own],
    );
    // Another authority's nomination is nobody's here.
    const outside = await submitted('unitHeadA');
    await db.query(
      `UPDATE nomination_steps SET authority_id = $2 WHERE nomination_id = $1 AND position = 1`,
      [outside, org.authorities.authorityB],
    );

    const reviewer = await awaiting('reviewerA');
    expect(idsOf(reviewer)).toEqual([own, atReview]);
    expect(reviewer.total).toBe(2);
    const [last] = await db.query(
      `SELECT occurred_at FROM nomination_history WHERE nomination_id = $1 ORDER BY id DESC LIMIT 1`,
      [atReview],
    );
    expect(reviewer.items[1]).toMatchObject({
      status: 'in_review',
      currentStep: 1,
      waitingSince: new Date(last.occurred_at).toISOString(),
      waitingDays: 0,
    });

    // The nominator's own nomination is not waiting for them.
    expect(idsOf(await awaiting('headAndReviewer'))).toEqual([atReview]);
    // A unit-scoped grant over the authority's unit covers the step too.
    expect(idsOf(await awaiting('unitReviewer'))).toEqual([own, atReview]);
    expect(idsOf(await awaiting('memberA'))).toEqual([atBoard]);
    expect(idsOf(await awaiting('unitHeadA'))).toEqual([]);
    expect(idsOf(await awaiting('deputy'))).toEqual([]);

    // Through a delegation in force today, and only then.
    const { body: lent } = await delegate('memberA', {
      toUserId: users.deputy,
      role: 'board_member',
    });
    expect(idsOf(await awaiting('deputy'))).toEqual([atBoard]);
    await revoke(lent.id, 'memberA');
    expect(idsOf(await awaiting('deputy'))).toEqual([]);
    await delegate('memberA', {
      toUserId: users.deputy,
      role: 'board_member',
      startsOn: shift(1),
      endsOn: shift(3),
    });
    expect(idsOf(await awaiting('deputy'))).toEqual([]);

    // Once acted on, it waits for the next step's people.
    expect((await act(atReview, 'approve', 2, 'reviewerA')).status).toBe(201);
    expect(idsOf(await awaiting('reviewerA'))).toEqual([own]);
    expect(idsOf(await awaiting('memberA'))).toEqual([atReview, atBoard]);
    const everyone = await stack.http.get('/api/v1/nominations?pageSize=500', as('unitHeadA'));
    expect(idsOf(everyone.body)).toContain(draft);
  });

  it('should keep a delegate off what they or their delegator may not decide', async () => {
    await newUser('helper');
    const stepOne = await submitted();
    expect((await act(stepOne, 'approve', 2, 'reviewerA')).status).toBe(201);
    // reviewerA approved step 1: a board member's delegation to them does not put it in their list.
    await delegate('memberA', { toUserId: users.reviewerA, role: 'board_member' });
    expect(idsOf(await awaiting('reviewerA'))).not.toContain(stepOne);
    // The nominator as a delegate: not for them either.
    await delegate('memberA', { toUserId: users.unitHeadA, role: 'board_member' });
    expect(idsOf(await awaiting('unitHeadA'))).toEqual([]);
    // A fresh delegate of the board member sees it.
    await delegate('memberA', { toUserId: users.helper, role: 'board_member' });
    expect(idsOf(await awaiting('helper'))).toContain(stepOne);
  });

  it('should refuse an unknown awaiting value', async () => {
    const response = await stack.http.get('/api/v1/nominations?awaiting=you', as('reviewerA'));
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
