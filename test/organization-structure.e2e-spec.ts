import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type Who = keyof Fixture['tokens'];

describe('organization structure (tiers, units, positions, authorities)', () => {
  let stack: TestStack;
  let org: Fixture;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
  });
  afterAll(() => stack.close());

  const as = (who: Who) => bearer(org.tokens[who]);
  const nonAdmins: Who[] = [
    'unitHeadA',
    'unitHeadB',
    'reviewerA',
    'memberCity',
    'financeA',
    'staffA',
  ];

  it.each([...nonAdmins, 'admin'] as Who[])('should let %s read the structure', async (who) => {
    for (const path of [
      '/api/v1/tiers',
      '/api/v1/units',
      `/api/v1/units/${org.units.districtA}`,
      `/api/v1/units/${org.units.districtA}/history`,
      '/api/v1/positions',
      `/api/v1/positions/${org.positions.leader}`,
      '/api/v1/authorities',
      `/api/v1/authorities/${org.authorities.authorityA}`,
    ]) {
      expect({ path, status: (await stack.http.get(path, as(who))).status }).toEqual({
        path,
        status: 200,
      });
    }
  });

  it.each(nonAdmins)('should refuse every change by %s with 403', async (who) => {
    const attempts = [
      stack.http.post('/api/v1/tiers', { code: `t-${who}`, name: 'x', level: 9 }, as(who)),
      stack.http.post(
        '/api/v1/units',
        { code: `u-${who}`, name: 'x', tierId: org.tiers.communeTier, kind: 'department' },
        as(who),
      ),
      stack.http.request('PATCH', `/api/v1/units/${org.units.communeA}`, {
        body: { name: 'x' },
        headers: as(who),
      }),
      stack.http.post('/api/v1/positions', { code: `p-${who}`, name: 'x' }, as(who)),
      stack.http.request('PATCH', `/api/v1/positions/${org.positions.leader}`, {
        body: { name: 'x' },
        headers: as(who),
      }),
      stack.http.post(
        '/api/v1/authorities',
        { code: `a-${who}`, name: 'x', kind: 'unit', unitId: org.units.city },
        as(who),
      ),
      stack.http.request('PATCH', `/api/v1/authorities/${org.authorities.authorityA}`, {
        body: { name: 'x' },
        headers: as(who),
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((response) => [
      response.status,
      response.body.code,
    ]);
    expect(statuses).toEqual(Array(attempts.length).fill([403, 'FORBIDDEN']));
  });

  it('should answer 401 without a token', async () => {
    expect((await stack.http.get('/api/v1/units')).status).toBe(401);
  });

  it('should move a unit with its subtree and keep where it was', async () => {
    const created = await stack.http.post(
      '/api/v1/units',
      {
        code: 'P-AN-KHANH',
        name: 'Phường An Khánh',
        tierId: org.tiers.communeTier,
        kind: 'peoples_committee',
        parentId: org.units.districtA,
      },
      as('admin'),
    );
    expect(created.status).toBe(201);
    const child = await stack.http.post(
      '/api/v1/units',
      {
        code: 'P-AN-KHANH-VP',
        name: 'Văn phòng HĐND-UBND phường An Khánh',
        tierId: org.tiers.communeTier,
        kind: 'department',
        parentId: created.body.id,
      },
      as('admin'),
    );

    const moved = await stack.http.request('PATCH', `/api/v1/units/${created.body.id}`, {
      body: { parentId: org.units.districtB },
      headers: as('admin'),
    });
    expect(moved.status).toBe(200);
    const movedChild = await stack.http.get(`/api/v1/units/${child.body.id}`, as('admin'));
    expect(movedChild.body.path.startsWith(moved.body.path)).toBe(true);
    expect(moved.body.path).toContain(org.units.districtB);

    const history = await stack.http.get(`/api/v1/units/${created.body.id}/history`, as('admin'));
    expect(history.body.map((placement: { parentId: string }) => placement.parentId)).toEqual([
      org.units.districtA,
      org.units.districtB,
    ]);
    expect(history.body[0].validTo).not.toBeNull();

    const cycle = await stack.http.request('PATCH', `/api/v1/units/${created.body.id}`, {
      body: { parentId: child.body.id },
      headers: as('admin'),
    });
    expect([cycle.status, cycle.body.code]).toEqual([422, 'UNIT_CYCLE']);

    const [{ count }] = await stack.api
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'unit' AND entity_id = $1`,
        [created.body.id],
      );
    expect(count).toBe(2);
  });

  it('should keep Vietnamese names intact and refuse duplicate codes', async () => {
    const body = {
      code: 'CT-PCT-XA',
      name: 'Phó Chủ tịch Ủy ban nhân dân xã',
      minEducation: 3,
      minPoliticalTheory: 2,
    };
    const created = await stack.http.post('/api/v1/positions', body, as('admin'));
    expect(created.body).toMatchObject(body);
    const again = await stack.http.post('/api/v1/positions', body, as('admin'));
    expect([again.status, again.body.code]).toEqual([409, 'CODE_TAKEN']);
  });
});
