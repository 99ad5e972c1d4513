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
  });
});
