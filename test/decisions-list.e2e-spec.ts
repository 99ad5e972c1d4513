import { bearer, startTestStack, TestStack, tokenFor } from '@app/testing';
import { seedNominationFixture, shiftDays } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;
interface Result {
  nominationId: string;
  ok: boolean;
  status?: string;
  decisionId?: string | null;
  decisionNumber?: string | null;
  decisionLine?: number | null;
  problem?: { code: string };
}

/** The sequence part of `0007/QĐ-TU/2026`. */
const sequenceOf = (number: string) => Number(number.split('/')[0]);

describe('decisions of a meeting: numbers per nomination, or one decision with a list', () => {
  let stack: TestStack;
  let fixture: Fixture;
  let intakeId: string;
  let fundId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedNominationFixture(stack);
    intakeId = await fixture.intake('CNKT-QD-1');
    fundId = await fixture.fund(100_000_000_000n);
  });
  afterAll(() => stack.close());

  const atLastStep = async (count: number) => {
    const ids: string[] = [];
    for (const nominee of await fixture.nominees(count)) {
      ids.push(await fixture.atLastStep(nominee, intakeId, fundId));
    }
    return ids;
  };
  const decide = (body: Record<string, unknown>, token = fixture.tokens.memberA) =>
    stack.http.post('/api/v1/nominations/decisions', body, bearer(token));
  const approveAll = (ids: string[]) =>
    ids.map((nominationId) => ({ nominationId, version: 3, action: 'approve' }));

  it('should answer each nomination’s decision number, and the error code of those that failed', async () => {
    const ids = await atLastStep(2);
    const response = await decide({
      meetingDate: shiftDays(0),
      meetingNumber: '12-BB/TU',
      items: [...approveAll(ids), { nominationId: ids[0], version: 3, action: 'approve' }],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ issueAs: null, meetingNumber: '12-BB/TU' });
    const results: Result[] = response.body.results;
    expect(results.map((result) => [result.ok, result.status, result.problem?.code])).toEqual([
      [true, 'approved', undefined],
      [true, 'approved', undefined],
      [false, undefined, 'VERSION_CONFLICT'],
    ]);
    expect(results[0].decisionNumber).toMatch(/^\d{4}\/QĐ-.+\/\d{4}$/);
    expect(sequenceOf(results[1].decisionNumber!)).toBe(sequenceOf(results[0].decisionNumber!) + 1);
    expect(results.slice(0, 2).map((result) => result.decisionLine)).toEqual([null, null]);
    const detail = await stack.http.get(
      `/api/v1/nominations/${ids[0]}`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect(detail.body.decision).toMatchObject({
      id: results[0].decisionId,
      number: results[0].decisionNumber,
      kind: 'single',
      line: null,
      meetingDate: shiftDays(0),
      meetingNumber: '12-BB/TU',
    });
  });

  it('should issue one decision with a numbered line per approval, skipping the items that fail', async () => {
    const ids = await atLastStep(3);
    const response = await decide({
      meetingDate: shiftDays(-1),
      meetingNumber: 'Phiên 15',
      issueAs: 'one_list',
      items: [
        { nominationId: ids[0], version: 3, action: 'approve' },
        { nominationId: ids[1], version: 1, action: 'approve' }, // stale: no line
        { nominationId: ids[2], version: 3, action: 'approve' },
        { nominationId: ids[1], version: 3, action: 'reject', comment: 'Chưa đủ điều kiện.' },
      ],
    });
    expect(response.status).toBe(200);
    const results: Result[] = response.body.results;
    expect(results.map((result) => result.problem?.code ?? result.status)).toEqual([
      'approved',
      'VERSION_CONFLICT',
      'approved',
      'rejected',
    ]);
    expect(results[0].decisionNumber).toBe(results[2].decisionNumber);
    expect(results[0].decisionId).toBe(results[2].decisionId);
    expect([results[0].decisionLine, results[2].decisionLine]).toEqual([1, 2]);
    expect(results[3].decisionNumber).toBeNull();

    const decision = await stack.http.get(
      `/api/v1/nominations/decisions/${results[0].decisionId}`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({
      number: results[0].decisionNumber,
      kind: 'list',
      meetingDate: shiftDays(-1),
      meetingNumber: 'Phiên 15',
      lineCount: 2,
    });
    expect(
      decision.body.lines.map((line: { line: number; nominationId: string }) => [
        line.line,
        line.nominationId,
      ]),
    ).toEqual([
      [1, ids[0]],
      [2, ids[2]],
    ]);
    expect(decision.body.lines[0].nominee.fullName).toMatch(/^Nguyễn Thị Hạnh/);

    const detail = await stack.http.get(
      `/api/v1/nominations/${ids[2]}`,
      bearer(fixture.tokens.unitHeadA),
    );
    expect([detail.body.decisionNumber, detail.body.decisionLine]).toEqual([
      results[0].decisionNumber,
      2,
    ]);
    expect(detail.body.decision).toMatchObject({ kind: 'list', line: 2 });
    // The approval event carries the number and the line to the notifications.
    const [event] = await fixture.db.query(
      `SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'nomination.approved'`,
      [ids[2]],
    );
    expect(event.payload).toMatchObject({
      decisionNumber: results[0].decisionNumber,
      decisionKind: 'list',
      decisionLine: 2,
    });
  });

  it('should hide a decision from a caller who may see none of its nominations (404)', async () => {
    const ids = await atLastStep(1);
    const response = await decide({
      meetingDate: shiftDays(0),
      meetingNumber: '16',
      issueAs: 'one_list',
      items: approveAll(ids),
    });
    const decisionId = response.body.results[0].decisionId;
    const outOfScope = await stack.http.get(
      `/api/v1/nominations/decisions/${decisionId}`,
      bearer(fixture.tokens.unitHeadB),
    );
    expect([outOfScope.status, outOfScope.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);
    const unknown = await stack.http.get(
      `/api/v1/nominations/decisions/00000000-0000-4000-8000-000000000000`,
      bearer(fixture.tokens.memberA),
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);
  });

  it('should show a caller only the lines of the nominations they may see', async () => {
    const [inCommune] = await fixture.nominees(1);
    const inDistrict = await fixture.org.factory.staff({
      unitId: fixture.org.units.districtA,
      authorityId: fixture.org.authorities.authorityA,
      fullName: 'Võ Thanh Tâm',
    });
    const ids = [
      await fixture.atLastStep(inDistrict, intakeId, fundId),
      await fixture.atLastStep(inCommune, intakeId, fundId),
    ];
    const response = await decide({
      meetingDate: shiftDays(0),
      meetingNumber: '17',
      issueAs: 'one_list',
      items: approveAll(ids),
    });
    const decisionId = response.body.results[0].decisionId;
    const communeHead = tokenFor(
      stack,
      await fixture.org.factory.user({
        grants: [{ role: 'unit_head', unitId: fixture.org.units.communeA }],
      }),
    );
    const seen = await stack.http.get(
      `/api/v1/nominations/decisions/${decisionId}`,
      bearer(communeHead),
    );
    expect(seen.status).toBe(200);
    expect(seen.body.lineCount).toBe(2);
    expect(
      seen.body.lines.map((line: { line: number; nominationId: string }) => [
        line.line,
        line.nominationId,
      ]),
    ).toEqual([[2, ids[1]]]);
  });

  it('should give two meetings of one authority at once distinct numbers, without gaps or duplicates', async () => {
    const first = await atLastStep(3);
    const second = await atLastStep(3);
    const [{ last }] = await fixture.db.query(
      `SELECT coalesce(max(sequence), 0) AS last FROM decisions`,
    );
    const [a, b] = await Promise.all([
      decide({
        meetingDate: shiftDays(0),
        meetingNumber: 'A',
        issueAs: 'one_list',
        items: approveAll(first),
      }),
      decide(
        {
          meetingDate: shiftDays(0),
          meetingNumber: 'B',
          issueAs: 'one_list',
          items: approveAll(second),
        },
        // Another member of the same authority: the second meeting's secretary.
        tokenFor(
          stack,
          await fixture.org.factory.user({
            grants: [{ role: 'board_member', authorityId: fixture.org.authorities.authorityA }],
          }),
        ),
      ),
    ]);
    for (const response of [a, b]) {
      const results: Result[] = response.body.results;
      expect(results.every((result) => result.ok)).toBe(true);
      expect(new Set(results.map((result) => result.decisionNumber)).size).toBe(1);
      expect(results.map((result) => result.decisionLine)).toEqual([1, 2, 3]);
    }
    const numbers = [a, b].map((response) => response.body.results[0].decisionNumber as string);
    expect(numbers[0]).not.toBe(numbers[1]);
    expect(numbers.map(sequenceOf).sort()).toEqual([last + 1, last + 2]);
  });

  it('should issue as the deciding authority does by default when the request does not say', async () => {
    const setDefault = (decisionIssue: string) =>
      stack.http.request('PATCH', `/api/v1/authorities/${fixture.org.authorities.authorityA}`, {
        body: { decisionIssue },
        headers: bearer(fixture.tokens.admin),
      });
    expect((await setDefault('one_list')).body.decisionIssue).toBe('one_list');
    try {
      const ids = await atLastStep(2);
      const response = await decide({
        meetingDate: shiftDays(0),
        meetingNumber: '18',
        items: approveAll(ids),
      });
      const results: Result[] = response.body.results;
      expect(response.body.issueAs).toBeNull();
      expect(results.map((result) => result.decisionLine)).toEqual([1, 2]);
      expect(results[0].decisionNumber).toBe(results[1].decisionNumber);
      // A request that says otherwise is followed.
      const [single] = await atLastStep(1);
      const separate = await decide({
        meetingDate: shiftDays(0),
        issueAs: 'separate',
        items: approveAll([single]),
      });
      expect(separate.body.results[0].decisionLine).toBeNull();
    } finally {
      expect((await setDefault('separate')).status).toBe(200);
    }
  });

  it('should validate the meeting’s date and number', async () => {
    const [id] = await atLastStep(1);
    const fields = async (body: Record<string, unknown>) => {
      const response = await decide({
        meetingDate: shiftDays(0),
        items: approveAll([id]),
        ...body,
      });
      expect(response.status).toBe(400);
      return response.body.errors.map((error: { field: string; code?: string }) => [
        error.field,
        error.code,
      ]);
    };
    expect(await fields({ meetingDate: shiftDays(1) })).toEqual([['meetingDate', 'IN_FUTURE']]);
    expect(await fields({ issueAs: 'one_list' })).toEqual([['meetingNumber', 'REQUIRED']]);
    expect(await fields({ meetingNumber: '   ' })).toEqual([['meetingNumber', 'BLANK']]);
    const fieldNames = async (body: Record<string, unknown>) => [
      ...new Set((await fields(body)).map(([field]: string[]) => field)),
    ];
    expect(await fieldNames({ meetingNumber: 12 })).toEqual(['meetingNumber']);
    expect(await fieldNames({ issueAs: 'together' })).toEqual(['issueAs']);
    // Nothing was decided by the refused requests.
    const [row] = await fixture.db.query(`SELECT status FROM nominations WHERE id = $1`, [id]);
    expect(row.status).toBe('in_review');
  });
});
