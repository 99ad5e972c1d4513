import { organizationToday } from '@app/common';
import {
  bearer,
  Factory,
  seedOrganizationFixture,
  startTestStack,
  TestStack,
  tokenFor,
} from '@app/testing';
import { DataSource } from 'typeorm';

const shift = (days: number) => {
  const date = new Date(`${organizationToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('batch decisions of a meeting', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('should decide each nomination on its own, one bad item not stopping the others', async () => {
    const org = await seedOrganizationFixture(stack);
    const db = stack.api.get(DataSource);
    const memberA = tokenFor(
      stack,
      await org.factory.user({
        grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
      }),
    );
    const [provider] = await db.query(
      `INSERT INTO providers (code, name, country) VALUES ('TCT', 'Trường Chính trị', 'VN') RETURNING id`,
    );
    const [program] = await db.query(
      `INSERT INTO programs (code, name, category, provider_id, mode, duration_months)
       VALUES ('CNKT', 'Cập nhật kiến thức', 'knowledge_update', $1, 'in_service', 1) RETURNING id`,
      [provider.id],
    );
    const [intake] = await db.query(
      `INSERT INTO intakes (code, program_id, starts_on, ends_on, location, seats_total, nomination_opens_on, nomination_closes_on, cost_tuition)
       VALUES ('CNKT-1', $1, $2, $3, 'Cần Thơ', 10, $4, $5, 10000000) RETURNING id`,
      [program.id, shift(40), shift(45), shift(-3), shift(20)],
    );
    const [fund] = await db.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source) VALUES ('KP-1', 'Kinh phí', $1, $2, 'state_budget') RETURNING id`,
      [Number(shift(40).slice(0, 4)), org.units.districtA],
    );
    await db.query(
      `INSERT INTO fund_ledger (fund_id, kind, amount) VALUES ($1, 'allocation', 1000000000)`,
      [fund.id],
    );
    await db.query(`UPDATE funds SET allocated = 1000000000 WHERE id = $1`, [fund.id]);

    const ids: string[] = [];
    // One active nomination per person and intake: the third nominee is a colleague of staffA2.
    const colleague = await org.factory.staff({
      unitId: org.units.communeA,
      authorityId: org.authorities.authorityA,
    });
    for (const nominee of [org.staff.staffA, org.staff.staffA2, colleague]) {
      const created = await stack.http.post(
        '/api/v1/nominations',
        {
          nomineeStaffId: nominee,
          intakeId: intake.id,
          targetGroup: 3,
          justification: 'Cập nhật kiến thức.',
          costLines: [{ fundId: fund.id, amount: '10000000' }],
        },
        bearer(org.tokens.unitHeadA),
      );
      const id = created.body.id;
      const act = (action: string, version: number, token: string) =>
        stack.http.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
          body: {},
          headers: { ...bearer(token), 'if-match': `"${version}"` },
        });
      await act('submit', 1, org.tokens.unitHeadA);
      await act('approve', 2, org.tokens.reviewerA);
      ids.push(id);
    }

    const response = await stack.http.post(
      '/api/v1/nominations/decisions',
      {
        meetingDate: shift(0),
        items: [
          { nominationId: ids[0], version: 3, action: 'approve' },
          { nominationId: ids[1], version: 1, action: 'approve' }, // stale
          { nominationId: ids[2], version: 3, action: 'reject' }, // no reason
          {
            nominationId: ids[2],
            version: 3,
            action: 'return',
            comment: 'Thiếu nhận xét của cấp ủy.',
          },
        ],
      },
      bearer(memberA),
    );
    expect(response.status).toBe(200);
    expect(
      response.body.results.map(
        (result: { ok: boolean; problem?: { code: string } }) => result.problem?.code ?? 'ok',
      ),
    ).toEqual(['ok', 'VERSION_CONFLICT', 'COMMENT_REQUIRED', 'ok']);
    const statuses = await db.query(
      `SELECT id, status FROM nominations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = Object.fromEntries(
      statuses.map((row: { id: string; status: string }) => [row.id, row.status]),
    );
    expect([byId[ids[0]], byId[ids[1]], byId[ids[2]]]).toEqual([
      'approved',
      'in_review',
      'returned',
    ]);
    const [history] = await db.query(
      `SELECT comment FROM nomination_history WHERE nomination_id = $1 ORDER BY id DESC LIMIT 1`,
      [ids[0]],
    );
    expect(history.comment).toBe(`Phiên họp ngày ${shift(0)}`);
  });

  it('should validate the request as a whole', async () => {
    const admin = await new Factory(stack.api.get(DataSource)).user({
      grants: [{ role: 'admin' }],
    });
    const response = await stack.http.post(
      '/api/v1/nominations/decisions',
      { meetingDate: 'yesterday', items: [] },
      bearer(tokenFor(stack, admin)),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'items',
      'meetingDate',
    ]);
  });
});
