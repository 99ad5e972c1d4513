import type { ErrorCode } from '@app/common/errors';
import { CellParser, normalizeKeyword } from './values';

/*
 * The roles cell of a users import: roles separated by ";" (or line breaks), each a role
 * and, after "@", the code of its scope: `unit_head@QU-BT; board_reviewer@BTC-TP; admin`.
 * A role is named by its key or its label (Vietnamese or English), any case or accent.
 * Plain data only: this runs in the parsing thread.
 */

export const IMPORTED_ROLES = [
  'admin',
  'unit_head',
  'board_reviewer',
  'board_member',
  'finance',
  'staff',
] as const;
export type ImportedRole = (typeof IMPORTED_ROLES)[number];

/** What a role's scope code may name: nothing, a unit, or a unit or management authority. */
export const ROLE_SCOPE: Record<ImportedRole, 'none' | 'unit' | 'unit_or_authority'> = {
  admin: 'none',
  staff: 'none',
  unit_head: 'unit',
  finance: 'unit',
  board_reviewer: 'unit_or_authority',
  board_member: 'unit_or_authority',
};

/** The labels the web application shows, in both languages, then a few common synonyms. */
export const ROLE_LABELS: Record<ImportedRole, string[]> = {
  admin: ['Quản trị viên', 'Administrator', 'Quản trị'],
  unit_head: ['Thủ trưởng đơn vị', 'Unit head', 'Trưởng đơn vị'],
  board_reviewer: ['Chuyên viên Ban Tổ chức', 'Board reviewer', 'Thẩm định'],
  board_member: ['Lãnh đạo', 'Board member', 'Quyết định'],
  finance: ['Tài chính', 'Finance', 'Kế toán'],
  staff: ['Cán bộ', 'Staff'],
};

const BY_NAME = new Map<string, ImportedRole>(
  IMPORTED_ROLES.flatMap((role) =>
    [role, ...ROLE_LABELS[role]].map((name) => [normalizeKeyword(name), role] as const),
  ),
);

/** "unit_head (Thủ trưởng đơn vị), …": what an unknown role is told it may be. */
export const ACCEPTED_ROLES = IMPORTED_ROLES.map(
  (role) => `${role} (${ROLE_LABELS[role][0]})`,
).join(', ');

export interface RoleInCell {
  role: ImportedRole;
  /** The unit or authority code after "@"; null for admin and staff. */
  scopeCode: string | null;
}

const fail = (code: ErrorCode, message: string, params: Record<string, string | number> = {}) => ({
  ok: false as const,
  code,
  message,
  params,
});

export const roleList: CellParser<RoleInCell[]> = (cell) => {
  if (typeof cell !== 'string') return fail('INVALID_VALUE', `expected roles as text`);
  const roles: RoleInCell[] = [];
  const seen = new Set<string>();
  for (const item of cell.split(/[;\n]/)) {
    if (item.trim() === '') continue;
    const at = item.lastIndexOf('@');
    const name = (at < 0 ? item : item.slice(0, at)).trim();
    const scopeCode = at < 0 ? null : item.slice(at + 1).trim() || null;
    const role = BY_NAME.get(normalizeKeyword(name));
    if (!role) {
      return fail('UNKNOWN_ROLE', `"${name}" is not a role; accepted: ${ACCEPTED_ROLES}`, {
        value: name,
        expected: ACCEPTED_ROLES,
      });
    }
    const shape = ROLE_SCOPE[role];
    if (shape === 'none' && scopeCode !== null) {
      return fail('SCOPE_NOT_ALLOWED', `${role} has no scope; write it without "@${scopeCode}"`);
    }
    if (shape !== 'none' && scopeCode === null) {
      const what = shape === 'unit' ? 'a unit code' : 'a unit or management authority code';
      return fail('SCOPE_REQUIRED', `${role} needs ${what}: ${role}@CODE`);
    }
    if (scopeCode !== null && /\s/.test(scopeCode)) {
      return fail('CODE_HAS_SPACES', `code "${scopeCode}" has spaces`, { value: scopeCode });
    }
    const key = `${role}@${scopeCode ?? ''}`;
    if (seen.has(key)) return fail('DUPLICATE_ROLE', `${key} is given twice`);
    seen.add(key);
    roles.push({ role, scopeCode });
  }
  return { ok: true, value: roles };
};

/** Emails: one address, without spaces; compared without case. */
export const email: CellParser<string> = (cell) => {
  const value = typeof cell === 'string' ? cell.trim() : '';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 320
    ? { ok: true, value }
    : fail('INVALID_EMAIL', `${JSON.stringify(cell)} is not an email address`);
};
