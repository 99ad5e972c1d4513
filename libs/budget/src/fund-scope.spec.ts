import type { Actor, Grant } from '@app/access';
import { financeOverFund, fundScope, mayManageFunds } from './fund-scope';

const CITY = '/city/';
const DISTRICT_A = '/city/a/';

const actor = (...grants: Array<Partial<Grant> & Pick<Grant, 'role'>>): Actor => ({
  userId: 'u',
  email: 'u@example.org',
  staffId: null,
  locale: 'vi',
  grants: grants.map((grant) => ({
    unitId: null,
    unitPath: null,
    authorityId: null,
    ...grant,
  })),
});

/** Evaluates a predicate for an owner unit path, the way Postgres would (LIKE with a trailing %). */
function evaluate(scope: { sql: string; params: Record<string, unknown> }, ownerPath: string) {
  const like = (value: string, pattern: string) =>
    pattern.endsWith('%') && value.startsWith(pattern.slice(0, -1));
  const clauses = scope.sql.replace(/^\(|\)$/g, '').split(' OR ');
  return clauses.some((clause) => {
    if (clause === 'TRUE') return true;
    if (clause === 'FALSE') return false;
    let match = /^ou\.path LIKE :(\w+)$/.exec(clause);
    if (match) return like(ownerPath, String(scope.params[match[1]]));
    match = /^:(\w+) LIKE ou\.path \|\| '%'$/.exec(clause);
    if (match) return like(String(scope.params[match[1]]), `${ownerPath}%`);
    throw new Error(`Unexpected clause ${clause}`);
  });
}

describe('fundScope', () => {
  const owners = {
    city: CITY,
    districtA: DISTRICT_A,
    communeA: '/city/a/c1/',
    districtB: '/city/b/',
  };
  const visible = (who: Actor, action: 'read' | 'write') =>
    Object.entries(owners)
      .filter(([, path]) => evaluate(fundScope(who, action), path))
      .map(([name]) => name);

  it('should give administrators every fund, to read and to write', () => {
    expect(fundScope(actor({ role: 'admin' }), 'read')).toEqual({ sql: 'TRUE', params: {} });
    expect(fundScope(actor({ role: 'admin' }), 'write')).toEqual({ sql: 'TRUE', params: {} });
  });

  it("should give finance the funds owned within its grant's subtree", () => {
    const finance = actor({ role: 'finance', unitId: 'a', unitPath: DISTRICT_A });
    expect(fundScope(finance, 'read')).toEqual({
      sql: '(ou.path LIKE :fundRead0)',
      params: { fundRead0: `${DISTRICT_A}%` },
    });
    expect(visible(finance, 'read')).toEqual(['districtA', 'communeA']);
    expect(visible(finance, 'write')).toEqual(['districtA', 'communeA']);
  });

  it.each(['unit_head', 'board_reviewer', 'board_member'] as const)(
    'should let a unit-scoped %s read the funds owned at or above its unit, and write none',
    (role) => {
      const who = actor({ role, unitId: 'a', unitPath: DISTRICT_A });
      expect(fundScope(who, 'read')).toEqual({
        sql: `(:fundRead0 LIKE ou.path || '%')`,
        params: { fundRead0: DISTRICT_A },
      });
      expect(visible(who, 'read')).toEqual(['city', 'districtA']);
      expect(fundScope(who, 'write')).toEqual({ sql: 'FALSE', params: {} });
    },
  );

  it('should give staff and authority-scoped board roles nothing', () => {
    for (const who of [
      actor({ role: 'staff' }),
      actor({ role: 'board_reviewer', authorityId: 'x' }),
      actor({ role: 'board_member', authorityId: 'x' }),
      actor(),
    ]) {
      expect(fundScope(who, 'read')).toEqual({ sql: 'FALSE', params: {} });
      expect(fundScope(who, 'write')).toEqual({ sql: 'FALSE', params: {} });
    }
  });

  it('should combine several grants with OR, each with its own parameter', () => {
    const who = actor(
      { role: 'unit_head', unitId: 'b', unitPath: owners.districtB },
      { role: 'finance', unitId: 'a', unitPath: DISTRICT_A },
    );
    expect(fundScope(who, 'read')).toEqual({
      sql: `(:fundRead0 LIKE ou.path || '%' OR ou.path LIKE :fundRead1)`,
      params: { fundRead0: owners.districtB, fundRead1: `${DISTRICT_A}%` },
    });
    expect(visible(who, 'read')).toEqual(['city', 'districtA', 'communeA', 'districtB']);
    expect(fundScope(who, 'write')).toEqual({
      sql: '(ou.path LIKE :fundWrite1)',
      params: { fundWrite1: `${DISTRICT_A}%` },
    });
    expect(visible(who, 'write')).toEqual(['districtA', 'communeA']);
  });

  it('should name finance over a fund as the one who may override or settle on it, and it alone', () => {
    const finance = actor({ role: 'finance', unitId: 'a', unitPath: DISTRICT_A });
    const over = (who: Actor) =>
      Object.entries(owners)
        .filter(([, path]) => financeOverFund(who, path))
        .map(([name]) => name);
    // The same funds as finance may change.
    expect(over(finance)).toEqual(visible(finance, 'write'));
    for (const who of [
      actor({ role: 'admin' }),
      actor({ role: 'unit_head', unitId: 'c', unitPath: CITY }),
      actor({ role: 'board_member', unitId: 'c', unitPath: CITY }),
      actor({ role: 'finance', authorityId: 'x' }),
    ]) {
      expect(over(who)).toEqual([]);
    }
  });

  it('should say who could manage some fund', () => {
    expect(mayManageFunds(actor({ role: 'admin' }))).toBe(true);
    expect(mayManageFunds(actor({ role: 'finance', unitId: 'a', unitPath: DISTRICT_A }))).toBe(
      true,
    );
    expect(mayManageFunds(actor({ role: 'unit_head', unitId: 'a', unitPath: DISTRICT_A }))).toBe(
      false,
    );
    expect(mayManageFunds(actor({ role: 'staff' }))).toBe(false);
  });
});
