import { email, roleList } from './user-roles';

describe('the roles cell of a users import', () => {
  it('should read keys and labels in any case or accent, with their scope codes', () => {
    expect(
      roleList('unit_head@QU-BT; THU TRUONG DON VI@QU-NK;\nChuyên viên Ban Tổ chức@BTC-TP; admin'),
    ).toEqual({
      ok: true,
      value: [
        { role: 'unit_head', scopeCode: 'QU-BT' },
        { role: 'unit_head', scopeCode: 'QU-NK' },
        { role: 'board_reviewer', scopeCode: 'BTC-TP' },
        { role: 'admin', scopeCode: null },
      ],
    });
    expect(roleList('Thủ trưởng đơn vị @ QU-BT')).toEqual({
      ok: true,
      value: [{ role: 'unit_head', scopeCode: 'QU-BT' }],
    });
  });

  it('should name the accepted roles when one is unknown', () => {
    const parsed = roleList('Trưởng phòng@QU-BT');
    expect(parsed).toMatchObject({ ok: false, code: 'UNKNOWN_ROLE' });
    expect(!parsed.ok && parsed.message).toContain('unit_head (Thủ trưởng đơn vị)');
  });

  it('should refuse a scope that does not fit the role, and a role given twice', () => {
    expect(roleList('admin@QU-BT')).toMatchObject({ ok: false, code: 'SCOPE_NOT_ALLOWED' });
    expect(roleList('finance')).toMatchObject({ ok: false, code: 'SCOPE_REQUIRED' });
    expect(roleList('finance@A; Tài chính@A')).toMatchObject({ ok: false, code: 'DUPLICATE_ROLE' });
  });

  it('should accept email addresses only', () => {
    expect(email(' an@example.org ')).toEqual({ ok: true, value: 'an@example.org' });
    expect(email('not an email')).toMatchObject({ ok: false, code: 'INVALID_EMAIL' });
  });
});
