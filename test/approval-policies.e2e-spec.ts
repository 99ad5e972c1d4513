import { OpenApiShapes, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  insertFund,
  insertRow,
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
  shiftDays,
} from './support/nomination-fixture';

const POLICIES = '/api/v1/approval-policies';
/** A category no nomination of this suite is for, so these policies change no chain here. */
const ELSEWHERE = { matchCategories: ['degree_doctor'] };

describe('approval policies over HTTP', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  let priority = 1000;

  const as = (who: string) => fixture.as(who);
  const create = (who: string, body: Record<string, unknown>) =>
    stack.http.post(POLICIES, { priority: ++priority, name: 'Chính sách thử', ...body }, as(who));
  const patch = (who: string, id: string, body: Record<string, unknown>) =>
    stack.http.request('PATCH', `${POLICIES}/${id}`, { body, headers: as(who) });
  const chainOf = async (nominationId: string) =>
    (
      await db.query(
        `SELECT role, coalesce(authority_id, unit_id) AS seat FROM nomination_steps
          WHERE nomination_id = $1 ORDER BY position`,
        [nominationId],
      )
    ).map((row: { role: string; seat: string }) => [row.role, row.seat]);

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    org = fixture.org;
    db = fixture.db;
    await fixture.newUser('financeCity', {
      grants: [{ role: 'finance', unitId: org.units.city }],
    });
  });
  afterAll(() => stack.close());

  describe('saving', () => {
    it('should create a policy with names beside ids, version 1 and its history', async () => {
      const created = await create('admin', {
        ...ELSEWHERE,
        matchAuthorityId: org.authorities.authorityA,
        matchFundOwnerTierId: org.tiers.cityTier,
        matchMinCost: '500000000',
        steps: [
          { role: 'board_reviewer', authority: 'managing' },
          {
            role: 'board_member',
            authority: 'named',
            authorityId: org.authorities.cityAuthority,
            committee: { quorum: 'majority', veto: true },
          },
        ],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        version: 1,
        active: true,
        matchAuthorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
        matchFundOwnerTierName: 'Thành phố',
        matchMinCost: '500000000',
        steps: [
          { role: 'board_reviewer', authority: 'managing', authorityName: null },
          {
            authorityName: 'Ban Thường vụ Thành ủy',
            committee: { quorum: 'majority', veto: true },
          },
        ],
        warnings: [],
      });
      const detail = await stack.http.get(`${POLICIES}/${created.body.id}`, as('admin'));
      expect(detail.body.versions).toEqual([
        expect.objectContaining({ version: 1, changedBy: org.users.admin }),
      ]);
      expect(detail.body.versions[0].snapshot).toMatchObject({ matchMinCost: '500000000' });
      const list = await stack.http.get(POLICIES, as('admin'));
      expect(list.body.map((p: { priority: number }) => p.priority).slice(0, 3)).toEqual([
        10, 20, 100,
      ]);
      expect(list.body.find((p: { id: string }) => p.id === created.body.id)).toBeDefined();
    });

    it('should save a step nobody holds today, with a warning naming it', async () => {
      const created = await create('admin', {
        ...ELSEWHERE,
        steps: [
          { role: 'board_reviewer', authority: 'managing' },
          { role: 'board_member', authority: 'named', authorityId: org.authorities.authorityB },
        ],
      });
      expect(created.status).toBe(201);
      expect(created.body.warnings).toEqual([
        expect.objectContaining({
          field: 'steps[1]',
          position: 2,
          role: 'board_member',
          authorityName: 'Ban Thường vụ Huyện ủy Phong Điền',
          code: 'NO_HOLDER',
        }),
      ]);
    });

    it('should refuse an invalid policy with every problem at its field, and write nothing', async () => {
      const inactive = await org.factory.authority({ unitId: org.units.districtB });
      await db.query(`UPDATE management_authorities SET active = false WHERE id = $1`, [inactive]);
      const before = await db.query(`SELECT count(*)::int AS n FROM approval_policies`);
      const refused = await stack.http.post(
        POLICIES,
        {
          priority: 10,
          name: 'Sai',
          matchTierId: '00000000-0000-4000-8000-000000000000',
          steps: [
            { role: 'board_reviewer', authority: 'named' },
            { role: 'board_member', authority: 'named', authorityId: inactive },
            { role: 'board_member', authority: 'managing', committee: { quorum: 0 } },
            { role: 'finance', authority: 'managing', minFundAmount: '1' },
          ],
        },
        as('admin'),
      );
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(
        refused.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual([
        ['matchTierId', 'UNKNOWN_TIER'],
        ['priority', 'PRIORITY_TAKEN'],
        ['steps[0].authorityId', 'AUTHORITY_REQUIRED'],
        ['steps[1].authorityId', 'AUTHORITY_INACTIVE'],
        ['steps[2].committee', 'INVALID_COMMITTEE'],
        ['steps[3].minFundAmount', 'NOT_APPLICABLE'],
      ]);
      const shape = await stack.http.post(
        POLICIES,
        { priority: 1, name: 'x', steps: [{ role: 'chairman', authority: 'managing' }], extra: 1 },
        as('admin'),
      );
      expect(shape.status).toBe(400);
      expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'extra',
        'steps[0].role',
      ]);
      expect(await db.query(`SELECT count(*)::int AS n FROM approval_policies`)).toEqual(before);
    });

    it('should version every change and refuse a stale version', async () => {
      const { body: policy } = await create('admin', {
        ...ELSEWHERE,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      const first = await patch('admin', policy.id, { version: 1, active: false, priority: 7 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ version: 2, active: false, priority: 7 });
      const stale = await patch('admin', policy.id, { version: 1, name: 'Ghi đè' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'POLICY_VERSION_CONFLICT', currentVersion: 2 });
      const same = await patch('admin', policy.id, { version: 2, active: false, priority: 7 });
      expect(same.body.version).toBe(2);
      const missing = await patch('admin', policy.id, { active: true });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('version');

      const detail = await stack.http.get(`${POLICIES}/${policy.id}`, as('admin'));
      expect(detail.body.name).toBe('Chính sách thử');
      expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(detail.body.versions[0].snapshot).toMatchObject({ active: false, priority: 7 });
      const audit = await db.query(
        `SELECT action, after FROM audit_log WHERE entity = 'approval_policy' AND entity_id = $1 ORDER BY id`,
        [policy.id],
      );
      expect(audit.map((row: { action: string }) => row.action)).toEqual(['create', 'update']);
      expect(audit[1].after).toEqual({ active: false, priority: 7, version: 2 });
    });

    it('should let only one of two concurrent changes from the same version win', async () => {
      const { body: policy } = await create('admin', {
        ...ELSEWHERE,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      const answers = await Promise.all([
        patch('admin', policy.id, { version: 1, name: 'Một' }),
        patch('admin', policy.id, { version: 1, name: 'Hai' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    });
  });

  it('should answer every endpoint in its documented shape', async () => {
    const shapes = new OpenApiShapes(stack.http);
    const created = await create('admin', {
      ...ELSEWHERE,
      matchOverseas: true,
      steps: [
        { role: 'board_member', authority: 'named', authorityId: org.authorities.authorityB },
        { role: 'finance', authority: 'fund_owner', minFundAmount: '1', onlyHigherTier: false },
      ],
    });
    const id = created.body.id;
    const fundId = await fixture.fund(1_000_000n);
    const answers: Array<[string, string, number, { body: unknown }]> = [
      ['post', POLICIES, 201, created],
      ['get', POLICIES, 200, await stack.http.get(POLICIES, as('admin'))],
      ['get', `${POLICIES}/{id}`, 200, await stack.http.get(`${POLICIES}/${id}`, as('admin'))],
      ['patch', `${POLICIES}/{id}`, 200, await patch('admin', id, { version: 1, active: false })],
      [
        'get',
        `${POLICIES}/preview`,
        200,
        await stack.http.get(
          `${POLICIES}/preview?staffId=${org.staff.staffB}&intakeId=${fixture.intakeId}&costLine=${fundId}:40500000`,
          as('admin'),
        ),
      ],
    ];
    for (const [method, path, status, answer] of answers) {
      expect(await shapes.problems(method, path, status, answer.body)).toEqual([]);
    }
  });

  describe('who may manage', () => {
    it('should refuse roles other than administrators and board reviewers', async () => {
      expect((await stack.http.get(POLICIES, as('unitHeadA'))).status).toBe(403);
      const created = await create('unitHeadA', {
        matchAuthorityId: org.authorities.authorityA,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('FORBIDDEN');
    });

    it("should keep a board reviewer to their own authority's policies", async () => {
      const ours = await create('reviewerA', {
        ...ELSEWHERE,
        matchAuthorityId: org.authorities.authorityA,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      expect(ours.status).toBe(201);
      const theirs = await create('admin', {
        ...ELSEWHERE,
        matchAuthorityId: org.authorities.authorityB,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      expect((await stack.http.get(`${POLICIES}/${theirs.body.id}`, as('reviewerA'))).status).toBe(
        404,
      );
      const foreign = await patch('reviewerA', theirs.body.id, { version: 1, active: false });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('POLICY_NOT_FOUND');
      const list = await stack.http.get(POLICIES, as('reviewerA'));
      expect(
        list.body.every(
          (p: { matchAuthorityId: string }) => p.matchAuthorityId === org.authorities.authorityA,
        ),
      ).toBe(true);
      expect(list.body.map((p: { id: string }) => p.id)).toContain(ours.body.id);
      const elsewhere = await create('reviewerA', {
        matchAuthorityId: org.authorities.authorityB,
        steps: [{ role: 'board_reviewer', authority: 'managing' }],
      });
      expect(elsewhere.status).toBe(403);
      const moved = await patch('reviewerA', ours.body.id, {
        version: 1,
        matchAuthorityId: org.authorities.authorityB,
      });
      expect(moved.status).toBe(403);
      expect(
        (await patch('reviewerA', ours.body.id, { version: 1, name: 'Của Ninh Kiều' })).status,
      ).toBe(200);
    });
  });

  describe('preview', () => {
    it('should show the policy, the steps with their holders, and warn of an empty step', async () => {
      const fundId = await fixture.fund(1_000_000_000n);
      const preview = await stack.http.get(
        `${POLICIES}/preview?staffId=${org.staff.staffA2}&intakeId=${fixture.intakeId}&costLine=${fundId}:40500000`,
        as('unitHeadA'),
      );
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        estimatedCost: '40500000',
        policy: { priority: 100 },
        steps: [
          {
            position: 1,
            role: 'board_reviewer',
            roleLabel: { vi: 'Ban Tổ chức thẩm định' },
            authorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
            holders: [expect.objectContaining({ userId: org.users.reviewerA })],
          },
          { position: 2, role: 'board_member', holders: [{ userId: fixture.users.memberA }] },
        ],
        warnings: [],
      });
      expect(preview.body.steps[1].holders[0].email).toContain('@example.org');

      // Nobody holds the board of district B: the preview warns where submission refuses.
      const empty = await stack.http.get(
        `${POLICIES}/preview?staffId=${org.staff.staffB}&intakeId=${fixture.intakeId}`,
        as('admin'),
      );
      expect(empty.body.warnings).toEqual([
        expect.objectContaining({
          position: 1,
          role: 'board_reviewer',
          authorityName: 'Ban Thường vụ Huyện ủy Phong Điền',
          code: 'NO_HOLDER',
        }),
        expect.objectContaining({ position: 2, role: 'board_member', code: 'NO_HOLDER' }),
      ]);
    });

    it('should refuse callers who may not see the person, and malformed cost lines', async () => {
      const query = `staffId=${org.staff.staffA2}&intakeId=${fixture.intakeId}`;
      const outOfScope = await stack.http.get(`${POLICIES}/preview?${query}`, as('unitHeadB'));
      expect(outOfScope.status).toBe(404);
      expect(outOfScope.body.code).toBe('STAFF_NOT_FOUND');
      expect((await stack.http.get(`${POLICIES}/preview?${query}`, as('financeA'))).status).toBe(
        403,
      );
      const malformed = await stack.http.get(
        `${POLICIES}/preview?${query}&costLine=abc:12`,
        as('admin'),
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('costLine');
      const unknown = await stack.http.get(
        `${POLICIES}/preview?${query}&costLine=00000000-0000-4000-8000-000000000000:12`,
        as('admin'),
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'costLine[0]', code: 'UNKNOWN_FUND' });
      // A unit head previews with the funds they could nominate with, as at create.
      const fundOfB = await insertFund(db, org.units.districtB, 1_000_000n);
      const outOfReach = await stack.http.get(
        `${POLICIES}/preview?${query}&costLine=${fundOfB}:40500000`,
        as('unitHeadA'),
      );
      expect(outOfReach.status).toBe(422);
      expect(outOfReach.body.errors[0].code).toBe('UNKNOWN_FUND');
      expect(
        (
          await stack.http.get(
            `${POLICIES}/preview?${query}&costLine=${fundOfB}:40500000`,
            as('admin'),
          )
        ).status,
      ).toBe(200);
    });
  });

  describe('chains at submission', () => {
    it('should add the city Standing Committee when city money of 500 million or more pays for a district cadre', async () => {
      const program = (
        await db.query(`SELECT program_id FROM intakes WHERE id = $1`, [fixture.intakeId])
      )[0].program_id;
      const costly = await insertRow(db, 'intakes', {
        code: 'CNKT-950',
        program_id: program,
        starts_on: shiftDays(60),
        ends_on: shiftDays(90),
        location: 'Cần Thơ',
        seats_total: 5,
        nomination_opens_on: shiftDays(-5),
        nomination_closes_on: shiftDays(30),
        cost_tuition: '950000000',
      });
      const cityFund = await insertFund(db, org.units.city, 5_000_000_000n);
      const query = `staffId=${org.staff.staffA2}&intakeId=${costly}&costLine=${cityFund}:950000000`;
      const preview = await stack.http.get(`${POLICIES}/preview?${query}`, as('admin'));
      expect(preview.body.policy.priority).toBe(20);
      expect(
        preview.body.steps.map((s: { role: string; authorityName: string; unitName: string }) => [
          s.role,
          s.authorityName ?? s.unitName,
        ]),
      ).toEqual([
        ['board_reviewer', 'Ban Thường vụ Quận ủy Ninh Kiều'],
        ['finance', 'Thành ủy Cần Thơ'],
        ['board_member', 'Ban Thường vụ Quận ủy Ninh Kiều'],
        ['board_member', 'Ban Thường vụ Thành ủy'],
      ]);

      const { body: draft } = await stack.http.post(
        '/api/v1/nominations',
        nominationDraft(await fixture.nominee(), costly, cityFund, '950000000'),
        as('unitHeadA'),
      );
      expect((await fixture.act(draft.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      expect(await chainOf(draft.id)).toEqual([
        ['board_reviewer', org.authorities.authorityA],
        ['finance', org.units.city],
        ['board_member', org.authorities.authorityA],
        ['board_member', org.authorities.cityAuthority],
      ]);

      // District money of the same amount stays with the district.
      const districtFund = await fixture.fund(5_000_000_000n);
      const local = await stack.http.get(
        `${POLICIES}/preview?staffId=${org.staff.staffA2}&intakeId=${costly}&costLine=${districtFund}:950000000`,
        as('admin'),
      );
      expect(local.body.steps).toHaveLength(3);
    });

    it('should keep the chain frozen on a submitted nomination and give the new chain after a change', async () => {
      const fundId = await fixture.fund(1_000_000_000n);
      const { body: policy } = await create('admin', {
        priority: 5,
        matchAuthorityId: org.authorities.authorityA,
        matchCategories: ['knowledge_update'],
        steps: [
          { role: 'board_reviewer', authority: 'managing' },
          { role: 'board_member', authority: 'managing' },
        ],
      });
      const submit = async () => {
        const { body } = await stack.http.post(
          '/api/v1/nominations',
          nominationDraft(await fixture.nominee(), fixture.intakeId, fundId),
          as('unitHeadA'),
        );
        expect((await fixture.act(body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
        return body.id as string;
      };
      const before = await submit();
      const changed = await patch('admin', policy.id, {
        version: 1,
        steps: [
          { role: 'board_reviewer', authority: 'managing' },
          { role: 'board_member', authority: 'managing' },
          { role: 'board_member', authority: 'named', authorityId: org.authorities.cityAuthority },
        ],
      });
      expect(changed.status).toBe(200);
      const after = await submit();
      expect(await chainOf(before)).toEqual([
        ['board_reviewer', org.authorities.authorityA],
        ['board_member', org.authorities.authorityA],
      ]);
      expect(await chainOf(after)).toEqual([
        ['board_reviewer', org.authorities.authorityA],
        ['board_member', org.authorities.authorityA],
        ['board_member', org.authorities.cityAuthority],
      ]);
      // The one frozen first moves on along its own chain.
      expect((await fixture.act(before, 'approve', 2, 'reviewerA')).status).toBe(201);
      const decided = await fixture.act(before, 'approve', 3, 'memberA');
      expect(decided.body.status).toBe('approved');
      await patch('admin', policy.id, { version: 2, active: false });
    });
  });
});
