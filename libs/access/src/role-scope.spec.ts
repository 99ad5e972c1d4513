import { roleScopeErrors } from './role-scope';

const unit = '11111111-1111-4111-8111-111111111111';
const authority = '22222222-2222-4222-8222-222222222222';

describe('roleScopeErrors', () => {
  it('should accept every role with the scope it needs', () => {
    expect(
      roleScopeErrors([
        { role: 'admin' },
        { role: 'staff' },
        { role: 'unit_head', unitId: unit },
        { role: 'finance', unitId: unit },
        { role: 'board_reviewer', unitId: unit },
        { role: 'board_reviewer', authorityId: authority },
        { role: 'board_member', authorityId: authority },
      ]),
    ).toEqual([]);
  });

  it('should refuse a scope on admin and staff', () => {
    expect(
      roleScopeErrors([
        { role: 'admin', unitId: unit },
        { role: 'staff', authorityId: authority },
      ]),
    ).toEqual([
      expect.objectContaining({ field: 'roles[0].unitId', code: 'SCOPE_NOT_ALLOWED' }),
      expect.objectContaining({ field: 'roles[1].authorityId', code: 'SCOPE_NOT_ALLOWED' }),
    ]);
  });

  it('should require a unit, and only a unit, for unit heads and finance', () => {
    expect(
      roleScopeErrors([
        { role: 'unit_head' },
        { role: 'finance', unitId: unit, authorityId: authority },
      ]),
    ).toEqual([
      expect.objectContaining({ field: 'roles[0].unitId', code: 'SCOPE_REQUIRED' }),
      expect.objectContaining({ field: 'roles[1].authorityId', code: 'SCOPE_NOT_ALLOWED' }),
    ]);
  });

  it('should require exactly one of unit and authority for board roles', () => {
    expect(
      roleScopeErrors([
        { role: 'board_member' },
        { role: 'board_reviewer', unitId: unit, authorityId: authority },
      ]),
    ).toEqual([
      expect.objectContaining({ field: 'roles[0]', code: 'SCOPE_REQUIRED' }),
      expect.objectContaining({ field: 'roles[1]', code: 'SCOPE_REQUIRED' }),
    ]);
  });

  it('should refuse the same role and scope twice', () => {
    expect(
      roleScopeErrors([
        { role: 'unit_head', unitId: unit },
        { role: 'unit_head', unitId: unit, authorityId: null },
      ]),
    ).toEqual([expect.objectContaining({ field: 'roles[1]', code: 'DUPLICATE_ROLE' })]);
  });
});
