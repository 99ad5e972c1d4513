import { organizationToday } from '@app/common';
import { DataSource } from 'typeorm';
import { ActorLoader, type Ctx } from '@app/access';
import { NominationQueries, NominationService, type Action } from '@app/nominations';
import { withAmountsAsStrings } from '../../apps/api/src/http/json';
import { toProblem } from '../../apps/api/src/http/problem.filter';
import { bearer, containerOf, seedOrganizationFixture, tokenFor } from './factories';
import type { HttpResponse } from './http-client';
import type { MediumStack } from './medium';
import type { TestStack } from './test-stack';

/** The organization's today moved by `days`, as YYYY-MM-DD. */
export const shiftDays = (days: number, from = organizationToday()) => {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Inserts one row into `table` and answers its id. */
export async function insertRow(
  db: DataSource,
  table: string,
  values: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(values);
  const [row] = await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return row.id;
}

/** The political school's knowledge-update programme and its provider; answers the programme id. */
export async function insertProgram(
  db: DataSource,
  codes: { provider: string; program: string } = { provider: 'TCT-CT', program: 'CNKT-LD' },
): Promise<string> {
  const provider = await insertRow(db, 'providers', {
    code: codes.provider,
    name: 'Trường Chính trị thành phố Cần Thơ',
    country: 'VN',
  });
  return insertRow(db, 'programs', {
    code: codes.program,
    name: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
    category: 'knowledge_update',
    provider_id: provider,
    mode: 'in_service',
    duration_months: 1,
  });
}

/** An intake of `program` starting in 60 days, open for nominations now; 40,500,000 VND a place. */
export const insertIntake = (db: DataSource, program: string, code: string, seats: number) =>
  insertRow(db, 'intakes', {
    code,
    program_id: program,
    starts_on: shiftDays(60),
    ends_on: shiftDays(90),
    location: 'Cần Thơ',
    seats_total: seats,
    nomination_opens_on: shiftDays(-5),
    nomination_closes_on: shiftDays(30),
    cost_tuition: '28500000',
    cost_allowances: '12000000',
  });

/** A fund owned by `ownerUnitId` for the intakes' fiscal year, `allocated` on its ledger. */
export async function insertFund(
  db: DataSource,
  ownerUnitId: string,
  allocated: bigint,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = await insertRow(db, 'funds', {
    code: `KP-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Kinh phí đào tạo quận Ninh Kiều',
    fiscal_year: Number(shiftDays(60).slice(0, 4)),
    owner_unit_id: ownerUnitId,
    source: 'state_budget',
    ...extra,
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
}

/** The body of a nomination of `nominee` to `intakeId`, its cost paid from one fund. */
export const nominationDraft = (
  nominee: string,
  intakeId: string,
  fundId: string,
  amount = '40500000',
  justification = 'Cập nhật kiến thức cho cán bộ phường An Hòa.',
) => ({
  nomineeStaffId: nominee,
  intakeId,
  targetGroup: 3,
  justification,
  costLines: [{ fundId, amount }],
});

/** Nominating and acting as a named user: over HTTP, or on the services with the same answers. */
export interface NominationCalls {
  /** A workflow action sent with If-Match (`headers` need HTTP). */
  act(
    id: string,
    action: string,
    version: number,
    who: string,
    body?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<HttpResponse>;
  create(draft: ReturnType<typeof nominationDraft>, who: string): Promise<HttpResponse>;
}

/** Headers for a user named in `tokens`, and workflow actions sent with If-Match. */
export function nominationClient(
  stack: TestStack,
  tokens: Record<string, string>,
): NominationCalls & { as(who: string): Record<string, string> } {
  const as = (who: string) => bearer(tokens[who]);
  const act = (
    id: string,
    action: string,
    version: number,
    who: string,
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    stack.http.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
      body,
      headers: { ...as(who), 'if-match': `"${version}"`, ...headers },
    });
  const create = (draft: ReturnType<typeof nominationDraft>, who: string) =>
    stack.http.post('/api/v1/nominations', draft, as(who));
  return { as, act, create };
}

/**
 * The calls of {@link nominationClient} made on the services of a medium stack (which imports
 * NominationsModule and AuditModule), answered as the controller answers them: 201 and the
 * nomination's detail with its ETag, or the problem a domain error maps to.
 */
export function nominationServices(
  stack: MediumStack,
  users: Record<string, string>,
): NominationCalls {
  const nominations = stack.get(NominationService);
  const queries = stack.get(NominationQueries);
  const loader = stack.get(ActorLoader);
  const answer = async (
    who: string,
    work: (ctx: Ctx) => Promise<{ id: string; extra?: Record<string, unknown> }>,
  ): Promise<HttpResponse> => {
    const actor = await loader.load(stack.systemCtx(), users[who]);
    if (!actor) throw new Error(`${who} is not an active user`);
    try {
      const { id, extra } = await work(stack.ctx(actor));
      const detail = await queries.detail(stack.ctx(actor), id);
      const text = JSON.stringify(withAmountsAsStrings({ ...detail, ...extra }));
      const headers = new Headers({ etag: `"${detail.version}"` });
      return { status: 201, headers, body: JSON.parse(text), text };
    } catch (error) {
      const problem = toProblem(error);
      // A bug fails the test with its own stack rather than as an answer.
      if (problem.status >= 500) throw error;
      const text = JSON.stringify(problem);
      return { status: problem.status, headers: new Headers(), body: problem, text };
    }
  };
  const amounts = (lines: Array<{ fundId: string; amount: string }>) =>
    lines.map((line) => ({ fundId: line.fundId, amount: BigInt(line.amount) }));
  return {
    act: (id, action, version, who, body = {}, headers = {}) => {
      if (Object.keys(headers).length) throw new Error('Headers need the end-to-end tier');
      return answer(who, async (ctx) => {
        const lines = body.actualCostLines as Parameters<typeof amounts>[0] | undefined;
        const { budgetCheck } = await nominations.act(ctx, id, action as Action, {
          version,
          comment: body.comment as string | undefined,
          overrideReason: body.overrideReason as string | undefined,
          passed: body.passed as boolean | undefined,
          actualCostLines: lines && amounts(lines),
        });
        return { id, extra: budgetCheck ? { submissionBudgetCheck: budgetCheck } : undefined };
      });
    },
    create: (draft, who) =>
      answer(who, async (ctx) =>
        nominations.create(ctx, {
          ...draft,
          targetGroup: draft.targetGroup as 1 | 2 | 3,
          costLines: amounts(draft.costLines),
          learnerShare: 0n,
        }),
      ),
  };
}

/** A fund's reserved and available amounts, as text. */
export const fundBalances = async (db: DataSource, fundId: string) =>
  (await db.query(`SELECT reserved::text, available::text FROM funds WHERE id = $1`, [fundId]))[0];

export const seatsTaken = async (db: DataSource, intakeId: string) =>
  (await db.query(`SELECT seats_taken FROM intakes WHERE id = $1`, [intakeId]))[0].seats_taken;

/** A nomination's history actions and outbox event types, oldest first. */
export const actionTrail = async (db: DataSource, id: string) => ({
  history: (
    await db.query(`SELECT action FROM nomination_history WHERE nomination_id = $1 ORDER BY id`, [
      id,
    ])
  ).map((row: { action: string }) => row.action),
  events: (
    await db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [id])
  ).map((row: { type: string }) => row.type),
});

type UserGrants = Parameters<
  Awaited<ReturnType<typeof seedOrganizationFixture>>['factory']['user']
>[0];

/**
 * The organization fixture with a board member of authority A (`memberA`) and one intake,
 * CNKT-2027-1 with 40 seats; `newUser` adds a named user to `users` and `tokens`.
 */
export async function seedIntakeFixture(stack: TestStack | MediumStack) {
  const org = await seedOrganizationFixture(stack);
  const db = containerOf(stack).get(DataSource);
  const tokens: Record<string, string> = { ...org.tokens };
  const users: Record<string, string> = { ...org.users };
  /** A user with no grant of their own unless given. */
  const newUser = async (name: string, grants: UserGrants = {}) => {
    users[name] = await org.factory.user(grants);
    tokens[name] = tokenFor(stack, users[name]);
    return users[name];
  };
  await newUser('memberA', {
    grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
  });
  const program = await insertProgram(db);
  const intakeId = await insertIntake(db, program, 'CNKT-2027-1', 40);
  /** A fund of district A with the database's default policy. */
  const fund = (allocated: bigint) => insertFund(db, org.units.districtA, allocated);
  /**
   * A new civil servant of commune A managed by authority A, like staffA2: a person holds one
   * active nomination per intake, so each nomination that stays active needs its own.
   */
  const nominee = () =>
    org.factory.staff({
      unitId: org.units.communeA,
      authorityId: org.authorities.authorityA,
      fullName: 'Trần Thị Bích',
    });
  return {
    org,
    db,
    tokens,
    users,
    newUser,
    intakeId,
    fund,
    nominee,
    ...('http' in stack
      ? nominationClient(stack, tokens)
      : { as: (who: string) => bearer(tokens[who]), ...nominationServices(stack, users) }),
  };
}

export type IntakeFixture = Awaited<ReturnType<typeof seedIntakeFixture>>;

/**
 * The organization fixture plus what nominations need: a Ninh Kiều board member (the
 * deciding step of the default chain), an intake open for nominations and helpers to drive
 * nominations (over HTTP, or through the services on a medium stack) and read their trail.
 */
export async function seedNominationFixture(
  stack: TestStack | MediumStack,
  options: { seats?: number } = {},
) {
  const org = await seedOrganizationFixture(stack);
  const db = containerOf(stack).get(DataSource);
  const tokens: Record<string, string> = { ...org.tokens };
  const users: Record<string, string> = { ...org.users };
  users.memberA = await org.factory.user({
    grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
  });
  tokens.memberA = tokenFor(stack, users.memberA);

  const program = await insertProgram(db, {
    provider: `TCT-${Math.random().toString(36).slice(2, 8)}`,
    program: `CNKT-${Math.random().toString(36).slice(2, 8)}`,
  });
  /** An intake starting in 60 days, open for nominations now; 40,500,000 VND a place. */
  const intake = (code: string) => insertIntake(db, program, code, options.seats ?? 200);

  /** A stop fund of district A for the intakes' fiscal year. */
  const fund = (allocated: bigint): Promise<string> =>
    insertFund(db, org.units.districtA, allocated, { policy: 'stop' });

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

  const { act, create } =
    'http' in stack ? nominationClient(stack, tokens) : nominationServices(stack, users);
  const nominate = (nominee: string, intakeId: string, fundId: string, amount = '40500000') =>
    create(nominationDraft(nominee, intakeId, fundId, amount), 'unitHeadA');
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

  return {
    org,
    db,
    tokens,
    users,
    intake,
    fund,
    nominees,
    nominate,
    act,
    atLastStep,
    trail,
    statuses,
  };
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

export type NominationFixture = Awaited<ReturnType<typeof seedNominationFixture>>;
