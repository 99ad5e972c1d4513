import type { Actor } from '@app/access';
import {
  grantsErrors,
  intakeDateErrors,
  mayManageIntake,
  quotaSeats,
  quotaShapeErrors,
} from './catalog-rules';

describe('grantsErrors', () => {
  it('should accept both or neither', () => {
    expect(grantsErrors(null, null)).toEqual([]);
    expect(grantsErrors('foreign_language', 6)).toEqual([]);
    expect(grantsErrors('education', 1)).toEqual([]);
  });

  it('should refuse one without the other', () => {
    expect(grantsErrors('education', null)).toEqual([
      expect.objectContaining({ field: 'grantsLevel', code: 'GRANTS_INCOMPLETE' }),
    ]);
    expect(grantsErrors(null, 2)).toEqual([
      expect.objectContaining({ field: 'grantsKind', code: 'GRANTS_INCOMPLETE' }),
    ]);
  });

  it.each([
    ['education', 6],
    ['political_theory', 4],
    ['fostering', 4],
    ['foreign_language', 7],
    ['education', 0],
  ] as const)('should refuse %s level %d', (kind, level) => {
    expect(grantsErrors(kind, level)).toEqual([
      expect.objectContaining({ field: 'grantsLevel', code: 'GRANTS_LEVEL_RANGE' }),
    ]);
  });
});

describe('intakeDateErrors', () => {
  const valid = {
    nominationOpensOn: '2026-01-01',
    nominationClosesOn: '2026-02-01',
    startsOn: '2026-03-01',
    endsOn: '2026-06-30',
  };

  it('should accept ordered dates, equal ones included', () => {
    expect(intakeDateErrors(valid)).toEqual([]);
    expect(
      intakeDateErrors({
        nominationOpensOn: '2026-03-01',
        nominationClosesOn: '2026-03-01',
        startsOn: '2026-03-01',
        endsOn: '2026-03-01',
      }),
    ).toEqual([]);
  });

  it('should report every broken rule at once', () => {
    const errors = intakeDateErrors({
      nominationOpensOn: '2026-05-01',
      nominationClosesOn: '2026-04-01',
      startsOn: '2026-03-01',
      endsOn: '2026-02-01',
    });
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ['endsOn', 'DATE_ORDER'],
      ['nominationClosesOn', 'DATE_ORDER'],
      ['nominationClosesOn', 'DATE_ORDER'],
    ]);
  });

  it('should refuse a window that closes after the start', () => {
    expect(intakeDateErrors({ ...valid, nominationClosesOn: '2026-03-02' })).toEqual([
      expect.objectContaining({
        field: 'nominationClosesOn',
        message: 'nominationClosesOn must be on or before startsOn',
      }),
    ]);
  });
});

describe('quotas', () => {
  it('should want exactly one target, each once', () => {
    expect(
      quotaShapeErrors([
        { tierId: 't1', seats: 1 },
        { ownerUnitId: 'u1', seats: 1 },
        { tierId: 't2', ownerUnitId: 'u2', seats: 1 },
        { seats: 1 },
        { tierId: 't1', seats: 2 },
      ]).map((error) => [error.field, error.code]),
    ).toEqual([
      ['quotas[2]', 'QUOTA_TARGET'],
      ['quotas[3]', 'QUOTA_TARGET'],
      ['quotas[4]', 'DUPLICATE_QUOTA'],
    ]);
    expect(quotaSeats([{ seats: 3 }, { seats: 4 }])).toBe(7);
  });
});

describe('mayManageIntake', () => {
  const actor = (...grants: Partial<Actor['grants'][number]>[]): Actor => ({
    userId: 'u',
    email: 'u@example.org',
    staffId: null,
    locale: 'vi',
    grants: grants.map((grant) => ({
      role: 'staff',
      unitId: null,
      unitPath: null,
      authorityId: null,
      ...grant,
    })),
  });

  it('should let administrators manage any intake', () => {
    expect(mayManageIntake(actor({ role: 'admin' }), null)).toBe(true);
    expect(mayManageIntake(actor({ role: 'admin' }), 'a')).toBe(true);
  });

  it('should let a board reviewer manage the intakes of their authority only', () => {
    const reviewer = actor({ role: 'board_reviewer', authorityId: 'a' });
    expect(mayManageIntake(reviewer, 'a')).toBe(true);
    expect(mayManageIntake(reviewer, 'b')).toBe(false);
    expect(mayManageIntake(reviewer, null)).toBe(false);
  });

  it('should refuse other roles, whatever their scope', () => {
    expect(mayManageIntake(actor({ role: 'board_member', authorityId: 'a' }), 'a')).toBe(false);
    expect(mayManageIntake(actor({ role: 'unit_head', unitId: 'x', unitPath: '/x/' }), 'a')).toBe(
      false,
    );
    expect(
      mayManageIntake(actor({ role: 'board_reviewer', unitId: 'x', unitPath: '/x/' }), null),
    ).toBe(false);
  });
});
