import { permissionsOf } from './permissions';

describe('permissionsOf', () => {
  it('should give administrators user management and the audit trail', () => {
    expect(permissionsOf(['admin'])).toEqual(
      expect.arrayContaining(['users:manage', 'audit:read', 'staff:read', 'staff:write']),
    );
  });

  it('should let unit heads and board reviewers change staff, not manage users', () => {
    for (const role of ['unit_head', 'board_reviewer'] as const) {
      const permissions = permissionsOf([role]);
      expect(permissions).toContain('staff:write');
      expect(permissions).not.toContain('users:manage');
      expect(permissions).not.toContain('audit:read');
    }
  });

  it('should keep finance, board members and staff to reading staff', () => {
    for (const role of ['finance', 'board_member', 'staff'] as const) {
      const permissions = permissionsOf([role]);
      expect(permissions).toContain('staff:read');
      expect(permissions).not.toContain('staff:write');
    }
  });

  it('should merge several roles into one sorted list without duplicates', () => {
    const permissions = permissionsOf(['finance', 'unit_head', 'unit_head']);
    expect(permissions).toEqual([...new Set(permissions)].sort());
    expect(permissions).toEqual(expect.arrayContaining(['fund:manage', 'nominations:propose']));
  });

  it('should give no permission without a role', () => {
    expect(permissionsOf([])).toEqual([]);
  });
});
