import { organizationToday } from '@app/catalog';
import { DataSource } from 'typeorm';
import { bearer, seedOrganizationFixture, tokenFor } from './factories';
import type { TestStack } from './test-stack';

/** The organization's today moved by `days`, as YYYY-MM-DD. */
export const shiftDays = (days: number, from = organizationToday()) => {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * The organization fixture plus what nominations need: a Ninh Kiều board member (the
 * deciding step of the default chain), an intake open for nominations and helpers to drive
 * nominations over HTTP and read their trail.
 */
export async function seedNominationFixture(stack: TestStack, options: { seats?: number } = {}) {
  const org = await seedOrganizationFixture(stack);
  const db = stack.api.get(DataSource);
  const tokens: Record<string, string> = { ...org.tokens };
  tokens.memberA = tokenFor(
    stack,
    await org.factory.user({
      grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
    }),
  );

  const insert = async (table: string, values: Record<string, unknown>): Promise<string> => {
    const columns = Object.keys(values);
    const [row] = await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row.id;
  };
  const provider = await insert('providers', {
    code: `TCT-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Trường Chính trị thành phố Cần Thơ',
    country: 'VN',
  });
  const program = await insert('programs', {
    code: `CNKT-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
    category: 'knowledge_update',
    provider_id: provider,
    mode: 'in_service',
    duration_months: 1,
  });
  /** An intake starting in 60 days, open for nominations now; 40,500,000 VND a place. */
  const intake = (code: string) =>
    insert('intakes', {
      code,
      program_id: program,
      starts_on: shiftDays(60),
      ends_on: shiftDays(90),
      location: 'Cần Thơ',
      seats_total: options.seats ?? 200,
      nomination_opens_on: shiftDays(-5),
      nomination_closes_on: shiftDays(30),
      cost_tuition: '28500000',
      cost_allowances: '12000000',
    });

  /** A stop fund of district A for the intakes' fiscal year. */
  const fund = async (allocated: bigint): Promise<string> => {
    const id = await insert('funds', {
      code: `KP-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Kinh phí đào tạo quận Ninh Kiều',
      fiscal_year: Number(shiftDays(60).slice(0, 4)),
      owner_unit_id: org.units.districtA,
      source: 'state_budget',
      policy: 'stop',
    });
    await db.query(
      `INSERT INTO fund_ledger (fund_id, kind, amount, comment) VALUES ($1, 'allocation', $2, 'Dự toán')`,
      [id, allocated.toString()],
    );
    await db.query(`UPDATE funds SET allocated = allocated + $2 WHERE id = $1`, [
      id,
      allocated.toString(),
    ]);
    return id;
  };

  /** Staff of commune A, managed by authority A: nominees for the unit head of district A. */
  const nominees = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        await org.factory.staff({
          unitId: org.units.communeA,
          authorityId: org.authorities.authorityA,
          fullName: `Nguyễn Thị Hạnh ${i + 1}`,
        }),
      );
    }
    return ids;
  };

  const as = (who: string) => bearer(tokens[who]);
  const nominate = (nominee: string, intakeId: string, fundId: string, amount = '40500000') =>
    stack.http.post(
      '/api/v1/nominations',
      {
        nomineeStaffId: nominee,
        intakeId,
        targetGroup: 3,
        justification: 'Cập nhật kiến thức cho cán bộ phường An Hòa.',
        costLines: [{ fundId, amount }],
      },
      as('unitHeadA'),
    );
  const act = (
    id: string,
    action: string,
    version: number,
    who: string,
    body: Record<string, unknown> = {},
  ) =>
    stack.http.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
      body,
      headers: { ...as(who), 'if-match': `"${version}"` },
    });
  /** Created, submitted and approved by the reviewer: at the last step, version 3. */
  const atLastStep = async (nominee: string, intakeId: string, fundId: string) => {
    const created = await nominate(nominee, intakeId, fundId);
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
    const id: string = created.body.id;
    const submitted = await act(id, 'submit', 1, 'unitHeadA');
    if (submitted.status !== 201) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
    const reviewed = await act(id, 'approve', 2, 'reviewerA');
    if (reviewed.status !== 201) throw new Error(`approve: ${reviewed.status} ${reviewed.text}`);
    return id;
  };
  const trail = async (ids: string[]) => {
    const rows: Array<{ id: string; history: number; events: number }> = await db.query(
      `SELECT n.id,
              (SELECT count(*)::int FROM nomination_history h WHERE h.nomination_id = n.id) AS history,
              (SELECT count(*)::int FROM outbox_events e WHERE e.aggregate_id = n.id) AS events
         FROM nominations n WHERE n.id = ANY($1::uuid[]) ORDER BY n.id`,
      [ids],
    );
    return rows;
  };
  const statuses = async (ids: string[]): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await db.query(`SELECT id, status FROM nominations WHERE id = ANY($1::uuid[])`, [ids])).map(
        (row: { id: string; status: string }) => [row.id, row.status],
      ),
    );

  return { org, db, tokens, intake, fund, nominees, nominate, act, atLastStep, trail, statuses };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  }
  return results;
}
