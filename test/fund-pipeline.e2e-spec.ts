import { organizationToday } from '@app/common';
import { bearer, seedOrganizationFixture, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';

const shift = (days: number) => {
  const date = new Date(`${organizationToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('the fund pipeline: what is under review', () => {
  let stack: TestStack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startTestStack();
    db = stack.api.get(DataSource);
  });
  afterAll(() => stack.close());

  it('should count nominations in review against their funds, and stop counting at the decision', async () => {
    const org = await seedOrganizationFixture(stack);
    const memberA = tokenFor(
      stack,
      await org.factory.user({
        grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
      }),
    );
    const insert = async (table: string, values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      const [row] = await db.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(values),
      );
      return row.id as string;
    };
    const provider = await insert('providers', {
      code: 'HVHCQG',
      name: 'Học viện Hành chính Quốc gia',
      country: 'VN',
    });
    const program = await insert('programs', {
      code: 'BD-CVC',
      name: 'Bồi dưỡng ngạch chuyên viên chính',
      category: 'leadership_skills',
      provider_id: provider,
      mode: 'in_service',
      duration_months: 2,
    });
    const intake = await insert('intakes', {
      code: 'BD-CVC-2027',
      program_id: program,
      starts_on: shift(60),
      ends_on: shift(120),
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shift(-5),
      nomination_closes_on: shift(20),
      cost_tuition: '700000000',
    });
    const admin = bearer(org.tokens.admin);
    const created = await stack.http.post(
      '/api/v1/funds',
      {
        code: 'KP-NK-PIPE',
        name: 'Kinh phí đào tạo Ninh Kiều',
        fiscalYear: Number(shift(60).slice(0, 4)),
        ownerUnitId: org.units.districtA,
        source: 'state_budget',
        policy: 'stop',
        allocated: '1000000000',
      },
      admin,
    );
    expect(created.status).toBe(201);
    const fundId = created.body.id;
    const fundView = async () => (await stack.http.get(`/api/v1/funds/${fundId}`, admin)).body;
    expect(await fundView()).toMatchObject({ pipeline: '0', reserved: '0' });

    const nomination = await stack.http.post(
      '/api/v1/nominations',
      {
        nomineeStaffId: org.staff.staffA2,
        intakeId: intake,
        targetGroup: 3,
        justification: 'Bồi dưỡng kỹ năng lãnh đạo.',
        costLines: [{ fundId, amount: '700000000' }],
      },
      bearer(org.tokens.unitHeadA),
    );
    const act = (action: string, version: number, token: string) =>
      stack.http.request('POST', `/api/v1/nominations/${nomination.body.id}/actions/${action}`, {
        body: {},
        headers: { ...bearer(token), 'if-match': `"${version}"` },
      });
    expect((await fundView()).pipeline).toBe('0'); // a draft is not under review

    expect((await act('submit', 1, org.tokens.unitHeadA)).status).toBe(201);
    expect(await fundView()).toMatchObject({
      pipeline: '700000000',
      pipelineUtilizationPercent: 70,
    });

    // 700 million is at or above the seeded 200 million threshold: finance confirms too.
    const reviewed = await act('approve', 2, org.tokens.reviewerA);
    expect(reviewed.body.steps.map((step: { role: string }) => step.role)).toEqual([
      'board_reviewer',
      'finance',
      'board_member',
    ]);
    expect((await act('approve', 3, memberA)).body.code).toBe('NOT_YOUR_STEP');
    expect((await act('approve', 3, org.tokens.financeA)).status).toBe(201);
    expect((await act('approve', 4, memberA)).body.status).toBe('approved');
    expect(await fundView()).toMatchObject({
      pipeline: '0',
      reserved: '700000000',
      utilizationPercent: 70,
    });
  });
});
