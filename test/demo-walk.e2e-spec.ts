import { budgetDemoSeeder } from '@app/budget/demo';
import { organizationToday } from '@app/common';
import { catalogDemoSeeder } from '@app/catalog/demo';
import { DEMO_PASSWORD, organizationDemoSeeder } from '@app/organization/demo';
import { bearer, HttpClient, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';
import { shiftDays } from './support/nomination-fixture';

interface Candidate {
  intakeId: string;
  code: string;
  startsOn: string;
  estimate: string;
  learnerSharePercent: number;
  overseas: boolean;
}

/**
 * The demo data walked over HTTP as its users would: the Ninh Kiều unit head nominates one
 * of the district's staff, the reviewer, the finance officer (when the chain has one) and
 * the Standing Committee member decide, and after each step the fund and the seats show
 * exactly what the workflow promised.
 */
describe('a walk through the demo data with the demo users', () => {
  let stack: TestStack;
  let db: DataSource;
  const users: Record<string, HttpClient> = {};
  const today = organizationToday();

  async function login(email: string): Promise<HttpClient> {
    const response = await stack.http.post('/api/v1/auth/login', {
      email,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    return stack.http.with(bearer(response.body.accessToken));
  }

  /** The Ninh Kiều state-budget fund of a fiscal year (the demo has 2027's). */
  async function ninhKieuFund(fiscalYear: number): Promise<string> {
    const [fund] = await db.query(
      `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
        WHERE u.code = 'CT.NK' AND f.fiscal_year = $1 AND f.source = 'state_budget'`,
      [fiscalYear],
    );
    if (fund) return fund.id;
    // Outside the demo's years: finance of the district opens one, as it would each year.
    const created = await users.nkFinance.post('/api/v1/funds', {
      code: `KP-${fiscalYear}-NK-NSNN`,
      name: `Kinh phí đào tạo, bồi dưỡng năm ${fiscalYear} – Quận ủy Ninh Kiều`,
      fiscalYear,
      ownerUnitId: (await db.query(`SELECT id FROM units WHERE code = 'CT.NK'`))[0].id,
      source: 'state_budget',
      policy: 'stop',
      allocated: '2000000000',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /**
   * Demo intakes open for nominations today that fit `filter`; when the calendar has moved
   * past the demo's windows, a demo intake of the same kind is copied with a window open now.
   */
  async function openIntakes(filter: 'domestic' | 'with_finance'): Promise<Candidate[]> {
    const where =
      filter === 'domestic'
        ? `NOT p.overseas AND (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other) < 200000000`
        : `(p.overseas OR (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other) >= 200000000)`;
    const select = `
      SELECT i.id AS "intakeId", i.code, i.starts_on::text AS "startsOn",
             (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)::text AS estimate,
             i.learner_share_percent AS "learnerSharePercent", p.overseas
        FROM intakes i JOIN programs p ON p.id = i.program_id
       WHERE ${where} AND 'state_budget' = ANY(i.allowed_sources)
         AND i.seats_taken < i.seats_total`;
    const open: Candidate[] = await db.query(
      `${select} AND i.nomination_opens_on <= $1::date AND i.nomination_closes_on >= $1::date
       ORDER BY i.learner_share_percent, i.code`,
      [today],
    );
    if (open.length) return open;
    const [template] = await db.query(`${select} ORDER BY i.starts_on DESC LIMIT 1`);
    const [{ id }] = await db.query(
      `INSERT INTO intakes (code, program_id, authority_id, starts_on, ends_on, location, seats_total,
                           nomination_opens_on, nomination_closes_on, cost_tuition, cost_allowances,
                           cost_travel, cost_other, allowed_sources, learner_share_percent)
       SELECT code || '-WALK', program_id, authority_id, $2::date, $2::date + (ends_on - starts_on),
              location, seats_total, $3::date, $4::date, cost_tuition, cost_allowances, cost_travel,
              cost_other, allowed_sources, learner_share_percent
         FROM intakes WHERE id = $1 RETURNING id`,
      [template.intakeId, shiftDays(90), shiftDays(-1), shiftDays(30)],
    );
    return db.query(`${select} AND i.id = $1`, [id]);
  }

  /** The first active Ninh Kiều staff member managed by BTV-NK whom the intake accepts. */
  async function eligibleNominee(
    candidates: Candidate[],
    exclude: string[],
  ): Promise<{ intake: Candidate; staffId: string }> {
    const people: Array<{ id: string }> = await db.query(
      `SELECT s.id FROM staff s
         JOIN units u ON u.id = s.unit_id
         JOIN management_authorities a ON a.id = s.authority_id
        WHERE u.path LIKE (SELECT path FROM units WHERE code = 'CT.NK') || '%'
          AND a.code = 'BTV-NK' AND s.employment_status = 'active'
          AND s.id <> ALL($1::uuid[])
          AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)
        ORDER BY s.code LIMIT 60`,
      [exclude],
    );
    for (const intake of candidates) {
      for (const person of people) {
        const verdict = await users.unitHead.get(
          `/api/v1/intakes/${intake.intakeId}/eligibility?staffId=${person.id}&targetGroup=3`,
        );
        expect(verdict.status).toBe(200);
        if (verdict.body.eligible) return { intake, staffId: person.id };
      }
    }
    throw new Error(`Nobody in Ninh Kiều is eligible for ${candidates.map((c) => c.code)}`);
  }

  const fundState = async (fundId: string) => {
    const response = await users.nkFinance.get(`/api/v1/funds/${fundId}`);
    expect(response.status).toBe(200);
    return { reserved: BigInt(response.body.reserved), available: BigInt(response.body.available) };
  };
  const seatsTaken = async (intakeId: string) => {
    const response = await users.unitHead.get(`/api/v1/intakes/${intakeId}`);
    expect(response.status).toBe(200);
    return response.body.seatsTaken as number;
  };
  const act = (who: HttpClient, id: string, action: string, version: number) =>
    who.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
      body: {},
      headers: { 'if-match': `"${version}"` },
    });

  /** Nominates, submits and approves through `chain`, checking money and seats at each step. */
  async function walk(intake: Candidate, staffId: string, chain: Array<[string, string]>) {
    const estimate = BigInt(intake.estimate);
    const learnerShare = (estimate * BigInt(intake.learnerSharePercent)) / 100n;
    const fundId = await ninhKieuFund(Number(intake.startsOn.slice(0, 4)));
    const fundBefore = await fundState(fundId);
    const seatsBefore = await seatsTaken(intake.intakeId);
    expect(fundBefore.available).toBeGreaterThanOrEqual(estimate - learnerShare);
    const unchanged = async () => {
      expect(await fundState(fundId)).toEqual(fundBefore);
      expect(await seatsTaken(intake.intakeId)).toBe(seatsBefore);
    };

    const created = await users.unitHead.post('/api/v1/nominations', {
      nomineeStaffId: staffId,
      intakeId: intake.intakeId,
      targetGroup: 3,
      justification: `Cử đi học ${intake.code} theo quy hoạch cán bộ của quận Ninh Kiều.`,
      costLines: [{ fundId, amount: (estimate - learnerShare).toString() }],
      learnerShare: learnerShare.toString(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', eligibility: { eligible: true } });
    const id = created.body.id;

    const submitted = await act(users.unitHead, id, 'submit', 1);
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('in_review');
    expect(submitted.body.steps.map((step: { role: string }) => step.role)).toEqual(
      chain.map(([role]) => role),
    );
    await unchanged();

    let version = 2;
    for (const [index, [, who]] of chain.entries()) {
      const last = index === chain.length - 1;
      const response = await act(users[who], id, 'approve', version);
      expect(response.status).toBe(201);
      version += 1;
      if (!last) {
        expect(response.body).toMatchObject({ status: 'in_review', currentStep: index + 2 });
        await unchanged();
        continue;
      }
      expect(response.body).toMatchObject({
        status: 'approved',
        decisionNumber: expect.stringMatching(/^\d{4}\/QĐ-BTV-NK\/\d{4}$/),
      });
      expect(await fundState(fundId)).toEqual({
        reserved: fundBefore.reserved + estimate - learnerShare,
        available: fundBefore.available - (estimate - learnerShare),
      });
      expect(await seatsTaken(intake.intakeId)).toBe(seatsBefore + 1);
    }
    const history = await db.query(
      `SELECT action FROM nomination_history WHERE nomination_id = $1 ORDER BY id`,
      [id],
    );
    expect(history.map((row: { action: string }) => row.action)).toEqual([
      'create',
      'submit',
      ...chain.map(() => 'approve'),
    ]);
    return id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    db = stack.api.get(DataSource);
    await db.transaction(async (manager) => {
      await organizationDemoSeeder.run(manager);
      await catalogDemoSeeder.run(manager);
      await budgetDemoSeeder.run(manager);
    });
    users.unitHead = await login('unit.head@demo.example.org');
    users.reviewer = await login('reviewer@demo.example.org');
    users.nkMember = await login('nk.member@demo.example.org');
    users.nkFinance = await login('nk.finance@demo.example.org');
  }, 60_000);
  afterAll(() => stack?.close());

  const walked: string[] = [];

  it('should take a domestic nomination through the organization board and the Standing Committee', async () => {
    const { intake, staffId } = await eligibleNominee(await openIntakes('domestic'), walked);
    walked.push(staffId);
    await walk(intake, staffId, [
      ['board_reviewer', 'reviewer'],
      ['board_member', 'nkMember'],
    ]);
  }, 30_000);

  it('should take an overseas or costly nomination through finance as well', async () => {
    const { intake, staffId } = await eligibleNominee(await openIntakes('with_finance'), walked);
    walked.push(staffId);
    await walk(intake, staffId, [
      ['board_reviewer', 'reviewer'],
      ['finance', 'nkFinance'],
      ['board_member', 'nkMember'],
    ]);
  }, 30_000);

  it('should not let the Ninh Kiều finance officer or board member see other districts’ staff', async () => {
    const [other] = await db.query(
      `SELECT s.id FROM staff s JOIN units u ON u.id = s.unit_id WHERE u.code = 'CT.PD' LIMIT 1`,
    );
    for (const who of ['nkFinance', 'nkMember']) {
      expect((await users[who].get(`/api/v1/staff/${other.id}`)).status).toBe(404);
    }
  });
});
