import { DEMO_PASSWORD } from '@app/organization/demo';
import { DataSource } from 'typeorm';
import { bearer } from './factories';
import type { HttpClient } from './http-client';
import { shiftDays } from './nomination-fixture';
import type { TestStack } from './test-stack';

/** A demo user's API client (bearer token), as the HTTP suites sign in. */
export async function demoClient(
  stack: TestStack,
  email: string,
  password = DEMO_PASSWORD,
): Promise<HttpClient> {
  const response = await stack.http.post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`Sign-in of ${email}: ${response.text}`);
  return stack.http.with(bearer(response.body.accessToken));
}

/**
 * On the demo data: the Ninh Kiều unit head nominates an eligible person of the district for a
 * domestic intake open today (a demo intake copied with an open window when the calendar has
 * passed the demo's) on the district's fund, and submits it, so it waits for
 * `reviewer@demo.example.org` (who is notified). Answers the nomination.
 */
export async function submitDemoNomination(
  stack: TestStack,
  options: { exclude?: string[] } = {},
): Promise<{ id: string; reference: string; staffId: string }> {
  const db = stack.api.get(DataSource);
  const unitHead = await demoClient(stack, 'unit.head@demo.example.org');
  const intakes = await openDomesticIntakes(db);
  const people: Array<{ id: string }> = await db.query(
    `SELECT s.id FROM staff s
       JOIN units u ON u.id = s.unit_id
       JOIN management_authorities a ON a.id = s.authority_id
      WHERE u.path LIKE (SELECT path FROM units WHERE code = 'CT.NK') || '%'
        AND a.code = 'BTV-NK' AND s.employment_status = 'active'
        AND s.id <> ALL($1::uuid[])
        AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)
        AND s.id NOT IN (SELECT nominee_staff_id FROM nominations)
      ORDER BY s.code LIMIT 60`,
    [options.exclude ?? []],
  );
  for (const intake of intakes) {
    for (const person of people) {
      const verdict = await unitHead.get(
        `/api/v1/intakes/${intake.intakeId}/eligibility?staffId=${person.id}&targetGroup=3`,
      );
      if (!verdict.body?.eligible) continue;
      const estimate = BigInt(intake.estimate);
      const learnerShare = (estimate * BigInt(intake.learnerSharePercent)) / 100n;
      const fundId = await ninhKieuFund(stack, db, Number(intake.startsOn.slice(0, 4)));
      const created = await unitHead.post('/api/v1/nominations', {
        nomineeStaffId: person.id,
        intakeId: intake.intakeId,
        targetGroup: 3,
        justification: `Cử đi học ${intake.code} theo quy hoạch cán bộ của quận Ninh Kiều.`,
        costLines: [{ fundId, amount: (estimate - learnerShare).toString() }],
        learnerShare: learnerShare.toString(),
      });
      if (created.status !== 201) throw new Error(`Nomination: ${created.text}`);
      const submitted = await unitHead.request(
        'POST',
        `/api/v1/nominations/${created.body.id}/actions/submit`,
        { body: {}, headers: { 'if-match': `"${created.body.version}"` } },
      );
      if (submitted.status !== 201) throw new Error(`Submission: ${submitted.text}`);
      return { id: created.body.id, reference: created.body.reference, staffId: person.id };
    }
  }
  throw new Error('Nobody in Ninh Kiều is eligible for an open demo intake');
}

interface Intake {
  intakeId: string;
  code: string;
  startsOn: string;
  estimate: string;
  learnerSharePercent: number;
}

async function openDomesticIntakes(db: DataSource): Promise<Intake[]> {
  const select = `
    SELECT i.id AS "intakeId", i.code, i.starts_on::text AS "startsOn",
           (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)::text AS estimate,
           i.learner_share_percent AS "learnerSharePercent"
      FROM intakes i JOIN programs p ON p.id = i.program_id
     WHERE NOT p.overseas
       AND (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other) < 200000000
       AND 'state_budget' = ANY(i.allowed_sources) AND i.seats_taken < i.seats_total`;
  const today = shiftDays(0);
  const open: Intake[] = await db.query(
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
     SELECT code || '-OPEN', program_id, authority_id, $2::date, $2::date + (ends_on - starts_on),
            location, seats_total, $3::date, $4::date, cost_tuition, cost_allowances, cost_travel,
            cost_other, allowed_sources, learner_share_percent
       FROM intakes WHERE id = $1 RETURNING id`,
    [template.intakeId, shiftDays(90), shiftDays(-1), shiftDays(30)],
  );
  return db.query(`${select} AND i.id = $1`, [id]);
}

/** The Ninh Kiều state-budget fund of a fiscal year, opened by the district's finance when missing. */
async function ninhKieuFund(stack: TestStack, db: DataSource, fiscalYear: number): Promise<string> {
  const [fund] = await db.query(
    `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
      WHERE u.code = 'CT.NK' AND f.fiscal_year = $1 AND f.source = 'state_budget'`,
    [fiscalYear],
  );
  if (fund) return fund.id;
  const finance = await demoClient(stack, 'nk.finance@demo.example.org');
  const created = await finance.post('/api/v1/funds', {
    code: `KP-${fiscalYear}-NK-NSNN`,
    name: `Kinh phí đào tạo, bồi dưỡng năm ${fiscalYear} – Quận ủy Ninh Kiều`,
    fiscalYear,
    ownerUnitId: (await db.query(`SELECT id FROM units WHERE code = 'CT.NK'`))[0].id,
    source: 'state_budget',
    policy: 'stop',
    allocated: '2000000000',
  });
  if (created.status !== 201) throw new Error(`Fund: ${created.text}`);
  return created.body.id;
}
