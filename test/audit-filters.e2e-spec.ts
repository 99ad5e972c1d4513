import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

describe('GET /audit filters', () => {
  let stack: TestStack;
  let fixture: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedOrganizationFixture(stack);
    admin = bearer(fixture.tokens.admin);
    const created = await stack.http.post(
      '/api/v1/tiers',
      { code: 'ward', name: 'Cấp phường', level: 4 },
      admin,
    );
    expect(created.status).toBe(201);
    // An older change, on the last day of 2020 in Vietnam (17:30 UTC is 00:30 the next day).
    await stack.api.get(DataSource).query(
      `INSERT INTO audit_log (occurred_at, actor_user_id, entity, entity_id, action, after)
         VALUES ('2020-12-31T16:30:00Z', NULL, 'tier', 'old', 'create', '{"name":"Cũ"}'),
                ('2020-12-31T17:30:00Z', NULL, 'tier', 'newer', 'create', '{"name":"Mới"}')`,
    );
  });

  afterAll(() => stack?.close());

  const ids = async (query: string) => {
    const response = await stack.http.get(`/api/v1/audit?entity=tier&${query}`, admin);
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ entityId: string }>).map((e) => e.entityId);
  };

  it('filters by actor', async () => {
    const mine = await ids(`actorUserId=${fixture.users.admin}`);
    expect(mine).toHaveLength(1);
    expect(await ids(`actorUserId=${fixture.users.unitHeadA}`)).toEqual([]);
  });

  it('filters by days in the organization’s time zone, both ends included', async () => {
    expect(await ids('from=2020-12-31&to=2020-12-31')).toEqual(['old']);
    expect(await ids('from=2021-01-01&to=2021-01-01')).toEqual(['newer']);
    expect(await ids('to=2020-12-30')).toEqual([]);
    const today = await ids('from=2025-01-01');
    expect(today).toHaveLength(1);
    expect(today).not.toContain('old');
  });

  it('refuses an actor that is not a uuid and a day that is not a day', async () => {
    for (const query of ['actorUserId=someone', 'from=31/12/2020', 'to=2020-02-30']) {
      const response = await stack.http.get(`/api/v1/audit?${query}`, admin);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
