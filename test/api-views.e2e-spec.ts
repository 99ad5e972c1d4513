import { bearer, OpenApiShapes, startTestStack, TestStack } from '@app/testing';
import { NominationFixture, seedNominationFixture, shiftDays } from './support/nomination-fixture';

/**
 * What the web application reads: every answer matches the schema the OpenAPI document
 * gives it, so the client generated from the document has the right types.
 */
describe('API views', () => {
  let stack: TestStack;
  let fixture: NominationFixture;
  let shapes: OpenApiShapes;
  let intakeId: string;
  let fundId: string;

  const as = (who: string) => bearer(fixture.tokens[who]);
  const expectShape = async (
    method: string,
    path: string,
    response: { status: number; body: unknown; text?: string },
    status: number,
  ) => {
    expect({
      status: response.status,
      text: response.status === status ? '' : response.text,
    }).toEqual({
      status,
      text: '',
    });
    expect(await shapes.problems(method, path, status, response.body)).toEqual([]);
  };

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    shapes = new OpenApiShapes(stack.http);
    intakeId = await fixture.intake('CNKT-VIEWS-1');
    fundId = await fixture.fund(10_000_000_000n);
  });
  afterAll(() => stack.close());

  it('should describe the nomination answers exactly', async () => {
    const [nominee] = await fixture.nominees(1);
    const created = await fixture.nominate(nominee, intakeId, fundId);
    await expectShape('post', '/api/v1/nominations', created, 201);
    const id: string = created.body.id;

    const read = await stack.http.get(`/api/v1/nominations/${id}`, as('unitHeadA'));
    await expectShape('get', '/api/v1/nominations/{id}', read, 200);

    const patched = await stack.http.request('PATCH', `/api/v1/nominations/${id}`, {
      body: { justification: 'Bồi dưỡng kiến thức quản lý nhà nước.' },
      headers: { ...as('unitHeadA'), 'if-match': '"1"' },
    });
    await expectShape('patch', '/api/v1/nominations/{id}', patched, 200);

    const submitted = await fixture.act(id, 'submit', 2, 'unitHeadA');
    await expectShape('post', '/api/v1/nominations/{id}/actions/{action}', submitted, 201);
    expect(submitted.body.submissionBudgetCheck).toEqual(expect.any(Array));

    const list = await stack.http.get('/api/v1/nominations', as('unitHeadA'));
    await expectShape('get', '/api/v1/nominations', list, 200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const awaiting = await stack.http.get('/api/v1/nominations?awaiting=me', as('reviewerA'));
    await expectShape('get', '/api/v1/nominations', awaiting, 200);
    expect(awaiting.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const decided = await stack.http.post(
      '/api/v1/nominations/decisions',
      {
        meetingDate: shiftDays(0),
        items: [{ nominationId: id, version: 99, action: 'approve' }],
      },
      as('reviewerA'),
    );
    await expectShape('post', '/api/v1/nominations/decisions', decided, 200);
    expect(decided.body.results[0]).toMatchObject({
      ok: false,
      problem: { code: 'VERSION_CONFLICT' },
    });
  });

  it('should describe the bulk answer exactly', async () => {
    const [nominee] = await fixture.nominees(1);
    const response = await stack.http.post(
      '/api/v1/nominations/bulk',
      {
        intakeId,
        targetGroup: 3,
        justification: 'Cập nhật kiến thức.',
        nominees: [
          { staffId: nominee, costLines: [{ fundId, amount: '40500000' }] },
          { staffId: fixture.org.staff.staffB, costLines: [{ fundId, amount: '40500000' }] },
        ],
      },
      as('unitHeadA'),
    );
    await expectShape('post', '/api/v1/nominations/bulk', response, 200);
    expect(response.body.results.map((result: { ok: boolean }) => result.ok)).toEqual([
      true,
      false,
    ]);
  });

  it('should describe the delegation answers exactly', async () => {
    const created = await stack.http.post(
      '/api/v1/delegations',
      {
        toUserId: fixture.org.users.unitHeadB,
        role: 'board_reviewer',
        authorityId: fixture.org.authorities.authorityA,
        startsOn: shiftDays(0),
        endsOn: shiftDays(7),
      },
      as('reviewerA'),
    );
    await expectShape('post', '/api/v1/delegations', created, 201);
    const list = await stack.http.get('/api/v1/delegations', as('reviewerA'));
    await expectShape('get', '/api/v1/delegations', list, 200);
    expect(list.body.items).toHaveLength(1);
    // Unit head B stands in for nobody in what follows.
    const revoked = await stack.http.request('DELETE', `/api/v1/delegations/${created.body.id}`, {
      headers: as('reviewerA'),
    });
    expect(revoked.status).toBe(204);
  });

  describe('names beside ids', () => {
    const names = {
      reviewerA: 'Võ Thị Thu Hương',
      memberA: 'Đặng Quốc Việt',
      unitHeadA: 'Nguyễn Văn Hùng',
      unitHeadB: 'Lê Thị Mai',
      admin: 'Quản trị Hệ thống',
      financeA: 'Huỳnh Ngọc Ánh',
    };
    beforeAll(async () => {
      const users = fixture.org.users as Record<string, string>;
      for (const [who, name] of Object.entries(names)) {
        if (users[who]) {
          await fixture.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
            users[who],
            name,
          ]);
        }
      }
      const [member] = await fixture.db.query(
        `SELECT ra.user_id FROM role_assignments ra
          WHERE ra.role = 'board_member' AND ra.authority_id = $1`,
        [fixture.org.authorities.authorityA],
      );
      await fixture.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
        member.user_id,
        names.memberA,
      ]);
    });

    it('should name the nominee, unit, intake, programme and the step in review in the list and the detail', async () => {
      const [nominee] = await fixture.nominees(1);
      const created = await fixture.nominate(nominee, intakeId, fundId);
      const id: string = created.body.id;
      expect(created.body.currentStepSummary).toBeNull();
      expect((await fixture.act(id, 'submit', 1, 'unitHeadA')).status).toBe(201);

      const list = await stack.http.get(
        `/api/v1/nominations?intakeId=${intakeId}`,
        as('unitHeadA'),
      );
      await expectShape('get', '/api/v1/nominations', list, 200);
      const item = list.body.items.find((row: { id: string }) => row.id === id);
      expect(item).toMatchObject({
        nominee: { id: nominee, fullName: 'Nguyễn Thị Hạnh 1', code: expect.any(String) },
        unit: { id: fixture.org.units.communeA, name: 'Phường An Hòa' },
        intake: {
          id: intakeId,
          code: 'CNKT-VIEWS-1',
          name: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
          startsOn: shiftDays(60),
          endsOn: shiftDays(90),
          location: 'Cần Thơ',
        },
        program: { name: 'Cập nhật kiến thức cho cán bộ lãnh đạo', category: 'knowledge_update' },
        currentStep: 1,
        currentStepSummary: {
          position: 1,
          role: 'board_reviewer',
          authorityId: fixture.org.authorities.authorityA,
          authorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
          holders: [{ userId: fixture.org.users.reviewerA, displayName: names.reviewerA }],
          holderCount: 1,
          waitingSince: expect.any(String),
          daysWaiting: 0,
        },
        decisionNumber: null,
      });

      const awaiting = await stack.http.get('/api/v1/nominations?awaiting=me', as('reviewerA'));
      expect(awaiting.body.items.find((row: { id: string }) => row.id === id)).toMatchObject({
        nominee: { fullName: 'Nguyễn Thị Hạnh 1' },
        currentStepSummary: { position: 1, holderCount: 1 },
      });

      expect((await fixture.act(id, 'approve', 2, 'reviewerA')).status).toBe(201);
      const detail = await stack.http.get(`/api/v1/nominations/${id}`, as('unitHeadA'));
      await expectShape('get', '/api/v1/nominations/{id}', detail, 200);
      expect(detail.body).toMatchObject({
        nominee: { id: nominee, fullName: 'Nguyễn Thị Hạnh 1' },
        unit: { name: 'Phường An Hòa' },
        intake: { code: 'CNKT-VIEWS-1' },
        currentStepSummary: {
          position: 2,
          role: 'board_member',
          authorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
          holders: [expect.objectContaining({ displayName: names.memberA })],
        },
        costLines: [
          {
            fundId,
            amount: '40500000',
            fundName: 'Kinh phí đào tạo quận Ninh Kiều',
            fundCode: expect.any(String),
            fundOwnerUnitName: 'Quận Ninh Kiều',
            fundSource: 'state_budget',
            fundFiscalYear: Number(shiftDays(60).slice(0, 4)),
          },
        ],
      });
      expect(detail.body.steps[0]).toMatchObject({
        state: 'approved',
        actedBy: fixture.org.users.reviewerA,
        actedByName: names.reviewerA,
        onBehalfOfName: null,
        authorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
      });
      expect(
        detail.body.history.map((entry: { action: string; actorName: string }) => [
          entry.action,
          entry.actorName,
        ]),
      ).toEqual([
        ['create', names.unitHeadA],
        ['submit', names.unitHeadA],
        ['approve', names.reviewerA],
      ]);
    });

    it('should name who acted for whom when a delegate acts', async () => {
      const [nominee] = await fixture.nominees(1);
      const id: string = (await fixture.nominate(nominee, intakeId, fundId)).body.id;
      expect((await fixture.act(id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      const lent = await stack.http.post(
        '/api/v1/delegations',
        {
          toUserId: fixture.org.users.financeA,
          role: 'board_reviewer',
          authorityId: fixture.org.authorities.authorityA,
          startsOn: shiftDays(0),
          endsOn: shiftDays(3),
        },
        as('reviewerA'),
      );
      expect(lent.status).toBe(201);
      expect(lent.body).toMatchObject({
        fromUserName: names.reviewerA,
        toUserName: names.financeA,
        authorityName: 'Ban Thường vụ Quận ủy Ninh Kiều',
        unitName: null,
      });
      const queued = await stack.http.get(`/api/v1/nominations?awaiting=me`, as('financeA'));
      const summary = queued.body.items.find(
        (row: { id: string }) => row.id === id,
      ).currentStepSummary;
      expect(
        summary.holders.map((holder: { displayName: string }) => holder.displayName).sort(),
      ).toEqual([names.financeA, names.reviewerA].sort());
      expect(summary.holderCount).toBe(2);

      expect((await fixture.act(id, 'approve', 2, 'financeA')).status).toBe(201);
      const detail = await stack.http.get(`/api/v1/nominations/${id}`, as('unitHeadA'));
      expect(detail.body.steps[0]).toMatchObject({
        actedByName: names.financeA,
        onBehalfOfName: names.reviewerA,
      });
      expect(detail.body.history.at(-1)).toMatchObject({
        action: 'approve',
        actorName: names.financeA,
        onBehalfOfName: names.reviewerA,
      });

      const delegations = await stack.http.get('/api/v1/delegations', as('financeA'));
      expect(delegations.body.items[0]).toMatchObject({
        fromUserName: names.reviewerA,
        toUserName: names.financeA,
      });
      const revoked = await stack.http.request('DELETE', `/api/v1/delegations/${lent.body.id}`, {
        headers: as('reviewerA'),
      });
      expect(revoked.status).toBe(204);
      const audit = await stack.http.get(
        `/api/v1/audit?entity=delegation&id=${lent.body.id}`,
        as('admin'),
      );
      await expectShape('get', '/api/v1/audit', audit, 200);
      expect(audit.body.items.map((entry: { actorName: string }) => entry.actorName)).toEqual([
        names.reviewerA,
        names.reviewerA,
      ]);
      // The audit trail keeps the delegation's own columns, not the names read beside them.
      expect(Object.keys(audit.body.items[0].after)).not.toContain('fromUserName');
    });

    it('should name the nomination beside each ledger entry', async () => {
      const [nominee] = await fixture.nominees(1);
      const id = await fixture.atLastStep(nominee, intakeId, fundId);
      expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
      const ledger = await stack.http.get(
        `/api/v1/funds/${fundId}/ledger?nominationId=${id}`,
        as('financeA'),
      );
      await expectShape('get', '/api/v1/funds/{id}/ledger', ledger, 200);
      expect(ledger.body.items[0]).toMatchObject({
        nominationId: id,
        actorName: names.memberA,
        nomination: {
          id,
          reference: expect.any(String),
          nomineeName: 'Nguyễn Thị Hạnh 1',
          intakeCode: 'CNKT-VIEWS-1',
          intakeName: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
        },
      });
      const allocation = await stack.http.get(
        `/api/v1/funds/${fundId}/ledger?kind=allocation`,
        as('financeA'),
      );
      expect(allocation.body.items[0]).toMatchObject({ nominationId: null, nomination: null });
    });

    it('should give each inbox item the path of the web application it leads to', async () => {
      const [nominee] = await fixture.nominees(1);
      const id: string = (await fixture.nominate(nominee, intakeId, fundId)).body.id;
      const event = async (type: string, aggregateId: string) =>
        (
          await fixture.db.query(
            `INSERT INTO outbox_events (type, aggregate_id, payload) VALUES ($1, $2, '{}') RETURNING id`,
            [type, aggregateId],
          )
        )[0].id;
      for (const [type, aggregate, nominationId] of [
        ['nomination.submitted', id, id],
        ['fund.threshold_crossed', fundId, null],
      ]) {
        await fixture.db.query(
          `INSERT INTO notifications (user_id, event_id, type, title, body, link, nomination_id)
           VALUES ($1, $2, $3, 'Thông báo', 'Nội dung', 'https://app.example.org/x', $4)`,
          [fixture.org.users.unitHeadB, await event(type!, aggregate!), type, nominationId],
        );
      }
      const inbox = await stack.http.get('/api/v1/notifications', as('unitHeadB'));
      await expectShape('get', '/api/v1/notifications', inbox, 200);
      expect(inbox.body.items.map((item: { path: string }) => item.path).sort()).toEqual(
        [`/funds/${fundId}`, `/nominations/${id}`].sort(),
      );
    });

    it('should count nominations per state in each unit head’s own scope', async () => {
      const other = await fixture.intake('CNKT-VIEWS-2');
      const [first, second] = await fixture.nominees(2);
      const draft: string = (await fixture.nominate(first, other, fundId)).body.id;
      const inReview: string = (await fixture.nominate(second, other, fundId)).body.id;
      expect((await fixture.act(inReview, 'submit', 1, 'unitHeadA')).status).toBe(201);
      expect(draft).toEqual(expect.any(String));

      const summary = (who: string, query = `?intakeId=${other}`) =>
        stack.http.get(`/api/v1/nominations/summary${query}`, as(who));
      const ofA = await summary('unitHeadA');
      await expectShape('get', '/api/v1/nominations/summary', ofA, 200);
      expect(ofA.body).toMatchObject({
        byStatus: { draft: 1, in_review: 1, approved: 0, rejected: 0 },
        total: 2,
        awaitingMe: 0,
        awaitingMeCapped: false,
      });
      // Unit head B's unit has none of them; nor does the district B subtree for unit head A.
      expect((await summary('unitHeadB')).body).toMatchObject({
        byStatus: { draft: 0, in_review: 0 },
        total: 0,
        awaitingMe: 0,
      });
      expect(
        (await summary('unitHeadA', `?intakeId=${other}&unitId=${fixture.org.units.districtB}`))
          .body.total,
      ).toBe(0);
      expect((await summary('reviewerA')).body).toMatchObject({
        byStatus: { in_review: 1 },
        awaitingMe: 1,
      });
      // The counts agree with the list under the same filters.
      const listed = await stack.http.get(`/api/v1/nominations?intakeId=${other}`, as('unitHeadA'));
      expect(listed.body.total).toBe(ofA.body.total);
      const bad = await summary('unitHeadA', '?unitId=nope');
      expect(bad.status).toBe(400);
    });
  });

  it('should describe the reports’ JSON answers exactly', async () => {
    // With their default filters, over the nominations made above.
    const reports = [
      '/api/v1/reports/budget-usage',
      '/api/v1/reports/compliance',
      '/api/v1/reports/compliance/trend',
      '/api/v1/reports/training-summary',
      '/api/v1/reports/training-headline',
      '/api/v1/reports/participations',
      '/api/v1/reports/workflow-performance',
      '/api/v1/reports/targets',
      '/api/v1/compliance',
    ];
    const found: Array<{ path: string; status: number; problems: string[]; text: string }> = [];
    for (const path of reports) {
      const response = await stack.http.get(path, as('admin'));
      found.push({
        path,
        status: response.status,
        problems:
          response.status === 200 ? await shapes.problems('get', path, 200, response.body) : [],
        text: response.status === 200 ? '' : response.text.slice(0, 300),
      });
    }
    expect(found).toEqual(reports.map((path) => ({ path, status: 200, problems: [], text: '' })));
  });
});
