import { randomUUID } from 'node:crypto';
import { assertAnAdminRemains, revokeUserTokens } from '@app/access';
import type { EntityManager } from 'typeorm';
import { BulkColumn, bulkInsert, bulkUpdate } from './bulk';
import { Change, ID_COLUMN, Importer, inSlices, Row, selectByCodes, str } from './importer';
import { ErrorList, ImportRowError } from './rows';
import { ROLE_SCOPE, RoleInCell } from './user-roles';

interface StoredRole {
  role: string;
  unitId: string | null;
  authorityId: string | null;
}

interface StoredUser {
  id: string;
  email: string;
  displayName: string;
  staffId: string | null;
  active: boolean;
  roles: StoredRole[];
}

const USER_COLUMNS: BulkColumn[] = [
  { column: 'display_name', field: 'displayName', type: 'text' },
  { column: 'staff_id', field: 'staffId', type: 'uuid' },
  { column: 'active', field: 'active', type: 'boolean' },
];

/** Roles in one order, so that equal sets compare equal. */
const sortRoles = (roles: StoredRole[]) =>
  [...roles].sort((a, b) =>
    `${a.role}|${a.unitId}|${a.authorityId}`.localeCompare(
      `${b.role}|${b.unitId}|${b.authorityId}`,
    ),
  );

const sameUser = (a: Row, b: Row) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Users, upserted by email (any case). Scope codes name units (unit heads, finance) or units
 * or management authorities (board roles); a staff code links the user to a staff record,
 * which the staff role needs. New users get no password: the import queues an invitation
 * email for each active one, in its own transaction. Administrators only.
 */
export const importUsers: Importer = async (context) => {
  const { manager, rows } = context;
  // The same lock as user changes through the API, so the last-admin check sees them all.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('training-nominations:users'))`);

  const emails = new Set<string>();
  const scopeCodes = new Set<string>();
  const staffCodes = new Set<string>();
  await inSlices(rows, ({ values }) => {
    const address = str(values.email);
    if (address !== undefined) emails.add(address.toLowerCase());
    for (const spec of (values.roles as RoleInCell[] | null | undefined) ?? []) {
      if (spec.scopeCode !== null) scopeCodes.add(spec.scopeCode);
    }
    const staffCode = str(values.staff_code);
    if (staffCode !== undefined) staffCodes.add(staffCode);
  });
  const idsByCode = async (table: string, codes: Set<string>) =>
    new Map(
      (
        await selectByCodes<{ id: string; code: string }>(
          manager,
          `SELECT id, code FROM ${table} WHERE code = ANY($1)`,
          [...codes],
        )
      ).map((row) => [row.code, row.id]),
    );
  const units = await idsByCode('units', scopeCodes);
  const authorities = await idsByCode('management_authorities', scopeCodes);
  const staff = await idsByCode('staff', staffCodes);
  const existing = new Map(
    (
      await selectByCodes<StoredUser>(
        manager,
        `SELECT us.id, us.email, us.display_name AS "displayName", us.staff_id AS "staffId",
                us.active,
                coalesce((SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id,
                                                            'authorityId', ra.authority_id))
                            FROM role_assignments ra WHERE ra.user_id = us.id), '[]'::json) AS roles
           FROM users us WHERE lower(us.email) = ANY($1)`,
        [...emails],
      )
    ).map((user) => [user.email.toLowerCase(), { ...user, roles: sortRoles(user.roles) }]),
  );
  const linkedStaff = await staffLinks(manager, [...staff.values()]);

  const errors = new ErrorList(context.maxErrors);
  const firstRowOfEmail = new Map<string, number>();
  const firstRowOfStaff = new Map<string, number>();
  const changes: Change[] = [];
  let unchanged = 0;
  await inSlices(rows, ({ row, values }) => {
    const address = str(values.email);
    const key = address?.toLowerCase();
    const rowErrors: ImportRowError[] = [];
    if (key !== undefined) {
      const first = firstRowOfEmail.get(key);
      if (first !== undefined) {
        rowErrors.push({
          row,
          column: 'email',
          code: 'DUPLICATE_EMAIL',
          message: `Email ${address} is also on row ${first}.`,
        });
      } else firstRowOfEmail.set(key, row);
    }
    const stored = key === undefined ? undefined : existing.get(key);

    const roles: StoredRole[] = [];
    for (const spec of (values.roles as RoleInCell[] | null | undefined) ?? []) {
      const scope = resolveScope(spec, units, authorities);
      if ('error' in scope) rowErrors.push({ row, column: 'roles', ...scope.error });
      else roles.push({ role: spec.role, ...scope });
    }

    let staffId = stored?.staffId ?? null;
    if ('staff_code' in values) {
      const staffCode = str(values.staff_code);
      staffId = staffCode === undefined ? null : (staff.get(staffCode) ?? null);
      if (staffCode !== undefined && staffId === null) {
        rowErrors.push({
          row,
          column: 'staff_code',
          code: 'UNKNOWN_STAFF',
          message: `No staff with code ${staffCode}.`,
        });
      } else if (staffCode !== undefined && staffId !== null) {
        const other = linkedStaff.get(staffId);
        const first = firstRowOfStaff.get(staffId);
        if ((other !== undefined && other !== stored?.id) || first !== undefined) {
          rowErrors.push({
            row,
            column: 'staff_code',
            code: 'STAFF_ALREADY_LINKED',
            message:
              first !== undefined
                ? `Staff ${staffCode} is also linked on row ${first}.`
                : `Staff ${staffCode} is already linked to another user.`,
          });
        } else firstRowOfStaff.set(staffId, row);
      }
    }
    const finalRoles = 'roles' in values ? sortRoles(roles) : (stored?.roles ?? []);
    if (finalRoles.some((spec) => spec.role === 'staff') && staffId === null) {
      rowErrors.push({
        row,
        column: 'roles',
        code: 'STAFF_ID_REQUIRED',
        message: 'The staff role needs a linked staff record (staff_code).',
      });
    }
    errors.push(...rowErrors);
    if (rowErrors.length || address === undefined) return;

    const after: Row = {
      email: stored?.email ?? address,
      displayName: (values.full_name as string | undefined) ?? stored?.displayName,
      staffId,
      active:
        'active' in values && values.active !== null
          ? (values.active as boolean)
          : (stored?.active ?? true),
      roles: finalRoles,
    };
    const before: Row | null = stored
      ? {
          email: stored.email,
          displayName: stored.displayName,
          staffId: stored.staffId,
          active: stored.active,
          roles: stored.roles,
        }
      : null;
    if (before && sameUser(before, after)) unchanged++;
    else changes.push({ id: stored?.id ?? randomUUID(), before, after });
  });

  return {
    errors,
    apply: async () => {
      const creates = changes.filter((change) => change.before === null);
      const updates = changes.filter((change) => change.before !== null);
      const withId = (change: Change) => ({ id: change.id, ...change.after });
      await bulkInsert(
        manager,
        'users',
        [ID_COLUMN, { column: 'email', field: 'email', type: 'text' }, ...USER_COLUMNS],
        creates.map(withId),
      );
      await bulkUpdate(
        manager,
        'users',
        [ID_COLUMN, ...USER_COLUMNS],
        updates.map(withId),
        'updated_at = now()',
      );
      const rolesChanged = updates.filter(
        (change) => JSON.stringify(change.before!.roles) !== JSON.stringify(change.after.roles),
      );
      await manager.query(`DELETE FROM role_assignments WHERE user_id = ANY($1::uuid[])`, [
        rolesChanged.map((change) => change.id),
      ]);
      const assignments = [...creates, ...rolesChanged].flatMap((change) =>
        (change.after.roles as StoredRole[]).map((spec) => ({ userId: change.id, ...spec })),
      );
      await bulkInsert(
        manager,
        'role_assignments',
        [
          { column: 'user_id', field: 'userId', type: 'uuid' },
          { column: 'role', field: 'role', type: 'text' },
          { column: 'unit_id', field: 'unitId', type: 'uuid' },
          { column: 'authority_id', field: 'authorityId', type: 'uuid' },
        ],
        assignments,
      );
      for (const change of updates) {
        if (change.before!.active && change.after.active === false) {
          await revokeUserTokens(manager, change.id);
        }
      }
      await assertAnAdminRemains(manager);
      await context.recordAudit('user', changes);
      await context.invite(
        creates.filter((change) => change.after.active).map((change) => change.id),
      );
      return { created: creates.length, updated: updates.length, unchanged };
    },
  };
};

/**
 * The scope a role's code names. Board roles take a unit or a management authority; a code
 * naming both is refused rather than guessed.
 */
function resolveScope(
  spec: RoleInCell,
  units: Map<string, string>,
  authorities: Map<string, string>,
):
  | { unitId: string | null; authorityId: string | null }
  | { error: { code: ImportRowError['code']; message: string } } {
  const code = spec.scopeCode;
  if (code === null) return { unitId: null, authorityId: null };
  const unitId = units.get(code);
  if (ROLE_SCOPE[spec.role] === 'unit') {
    return unitId
      ? { unitId, authorityId: null }
      : { error: { code: 'UNKNOWN_UNIT', message: `No unit with code ${code} (${spec.role}).` } };
  }
  const authorityId = authorities.get(code);
  if (unitId && authorityId) {
    return {
      error: {
        code: 'AMBIGUOUS_SCOPE',
        message: `${code} is both a unit and a management authority; ${spec.role} cannot tell which.`,
      },
    };
  }
  if (unitId) return { unitId, authorityId: null };
  if (authorityId) return { unitId: null, authorityId };
  return {
    error: {
      code: 'UNKNOWN_SCOPE',
      message: `No unit or management authority with code ${code} (${spec.role}).`,
    },
  };
}

/** Which user each of these staff records is linked to now. */
async function staffLinks(manager: EntityManager, staffIds: string[]) {
  const rows = await selectByCodes<{ id: string; staffId: string }>(
    manager,
    `SELECT id, staff_id AS "staffId" FROM users WHERE staff_id = ANY($1::uuid[])`,
    staffIds,
  );
  return new Map(rows.map((row) => [row.staffId, row.id]));
}
