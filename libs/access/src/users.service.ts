import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Actor, isAdmin } from './actor';
import { revokeUserTokens } from './auth.service';
import type { Ctx } from './context';
import { InvitationsService } from './invitations.service';
import { hashPassword } from './passwords';
import { forbidden, notFound } from './staff-scope';
import { normalizeRole, RoleSpec, RoleView, roleScopeErrors } from './role-scope';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  locale: 'vi' | 'en';
  staffId: string | null;
  active: boolean;
  /** No password yet: the user has been invited and has not accepted. */
  invitationPending: boolean;
  roles: UserRoleView[];
  createdAt: Date;
  updatedAt: Date;
}

/** A role with its scope's name beside its id, for people reading the list. */
export interface UserRoleView extends RoleView {
  unitName: string | null;
  authorityName: string | null;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  /** Without one, the user is emailed an invitation to choose their own. */
  password?: string;
  locale?: 'vi' | 'en';
  staffId?: string | null;
  roles: RoleSpec[];
}

export interface UpdateUserInput {
  displayName?: string;
  locale?: 'vi' | 'en';
  active?: boolean;
  roles?: RoleSpec[];
}

export interface UserPage {
  items: UserView[];
  total: number;
  page: number;
  pageSize: number;
}

const USER_COLUMNS = `
  us.id, us.email, us.display_name AS "displayName", us.locale, us.staff_id AS "staffId",
  us.active, us.password_hash IS NULL AS "invitationPending",
  us.created_at AS "createdAt", us.updated_at AS "updatedAt",
  coalesce((SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id,
                                              'authorityId', ra.authority_id,
                                              'unitName', un.name, 'authorityName', ma.name)
                            ORDER BY ra.role, ra.unit_id, ra.authority_id)
              FROM role_assignments ra
              LEFT JOIN units un ON un.id = ra.unit_id
              LEFT JOIN management_authorities ma ON ma.id = ra.authority_id
             WHERE ra.user_id = us.id), '[]'::json) AS roles`;

/** What the audit trail keeps of a user: never the password hash. */
const audited = (user: UserView) => ({
  email: user.email,
  displayName: user.displayName,
  locale: user.locale,
  staffId: user.staffId,
  active: user.active,
  roles: user.roles.map(({ role, unitId, authorityId }) => ({ role, unitId, authorityId })),
});

const isUniqueViolation = (error: unknown, constraint: string) =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === constraint;

/**
 * User administration, for administrators only: users are not scoped objects, so any other
 * caller gets 403. Every change is audited in its own transaction; disabling a user or
 * resetting their password revokes their refresh tokens.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
  ) {}

  async list(ctx: Ctx, query: { page?: number; pageSize?: number; q?: string }): Promise<UserPage> {
    assertAdmin(ctx.actor);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    let where = 'TRUE';
    if (query.q?.trim()) {
      params.push(`%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where = `(us.email ILIKE $1 OR us.display_name ILIKE $1)`;
    }
    const [{ total }] = await ctx.manager.query(
      `SELECT count(*)::int AS total FROM users us WHERE ${where}`,
      params,
    );
    const items = await ctx.manager.query(
      `SELECT ${USER_COLUMNS} FROM users us WHERE ${where}
        ORDER BY lower(us.email), us.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total, page, pageSize };
  }

  async get(ctx: Ctx, id: string): Promise<UserView> {
    assertAdmin(ctx.actor);
    return this.load(ctx.manager, id);
  }

  async create(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
    assertAdmin(ctx.actor);
    assertRoles(input.roles, input.staffId ?? null);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.translate(() =>
      ctx.transaction(async (tx) => {
        await assertReferences(tx.manager, input.roles, input.staffId ?? null);
        const [{ id }] = await tx.manager.query(
          `INSERT INTO users (email, password_hash, display_name, locale, staff_id)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            input.email.trim(),
            passwordHash,
            input.displayName.trim(),
            input.locale ?? 'vi',
            input.staffId ?? null,
          ],
        );
        await insertRoles(tx.manager, id, input.roles);
        if (passwordHash === null) await this.invitations.issue(tx, [id]);
        const user = await this.load(tx.manager, id);
        await this.audit.record(tx, 'user', id, null, audited(user));
        return user;
      }),
    );
  }

  async update(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserView> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      // Serializes changes to users so that two demotions cannot both pass the last-admin check.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('training-nominations:users'))`);
      const before = await this.load(manager, id, { lock: true });
      if (input.roles) {
        assertRoles(input.roles, before.staffId);
        await assertReferences(manager, input.roles, null);
      }
      await manager.query(
        `UPDATE users SET display_name = coalesce($2, display_name), locale = coalesce($3, locale),
                active = coalesce($4, active), updated_at = now()
          WHERE id = $1`,
        [id, input.displayName?.trim() ?? null, input.locale ?? null, input.active ?? null],
      );
      if (input.roles) {
        await manager.query(`DELETE FROM role_assignments WHERE user_id = $1`, [id]);
        await insertRoles(manager, id, input.roles);
      }
      if (before.active && input.active === false) await revokeUserTokens(manager, id);
      await assertAnAdminRemains(manager);
      const after = await this.load(manager, id);
      await this.audit.record(tx, 'user', id, audited(before), audited(after));
      return after;
    });
  }

  async resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
    assertAdmin(ctx.actor);
    const passwordHash = await hashPassword(password);
    await ctx.transaction(async (tx) => {
      const { manager } = tx;
      await this.load(manager, id, { lock: true });
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        id,
        passwordHash,
      ]);
      await revokeUserTokens(manager, id);
      // A password chosen for the user replaces the invitation to choose one.
      await manager.query(
        `UPDATE user_invitations SET revoked_at = now()
          WHERE user_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [id],
      );
      await this.audit.record(tx, 'user', id, { password: '[redacted]' }, { password: '[reset]' });
    });
  }

  private async load(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<UserView> {
    if (options.lock) {
      await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [id]);
    }
    const [user] = await manager.query(`SELECT ${USER_COLUMNS} FROM users us WHERE us.id = $1`, [
      id,
    ]);
    if (!user) throw notFound('user', id);
    return user;
  }

  private async translate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_idx')) {
        throw new DomainError('EMAIL_TAKEN', 'conflict', 'A user with this email already exists.');
      }
      if (isUniqueViolation(error, 'users_staff_id_key')) {
        throw new DomainError(
          'STAFF_ALREADY_LINKED',
          'conflict',
          'Another user is already linked to this staff record.',
        );
      }
      throw error;
    }
  }
}

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only administrators manage users.');
}

function assertRoles(roles: RoleSpec[], staffId: string | null): void {
  const errors = roleScopeErrors(roles);
  roles.forEach((spec, index) => {
    if (spec.role === 'staff' && !staffId) {
      errors.push({
        field: `roles[${index}].role`,
        message: 'the staff role needs a user linked to a staff record (staffId)',
        code: 'STAFF_ID_REQUIRED',
      });
    }
  });
  if (errors.length) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors,
    });
  }
}

/** Units, authorities and the staff record must exist: 422 UNKNOWN_REFERENCE otherwise. */
async function assertReferences(
  manager: EntityManager,
  roles: RoleSpec[],
  staffId: string | null,
): Promise<void> {
  const errors: FieldError[] = [];
  const exists = async (table: string, id: string) =>
    (await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
  for (const [index, spec] of roles.entries()) {
    const { unitId, authorityId } = normalizeRole(spec);
    if (unitId && !(await exists('units', unitId))) {
      errors.push({
        field: `roles[${index}].unitId`,
        message: `no unit ${unitId}`,
        code: 'UNKNOWN_UNIT',
      });
    }
    if (authorityId && !(await exists('management_authorities', authorityId))) {
      errors.push({
        field: `roles[${index}].authorityId`,
        message: `no management authority ${authorityId}`,
        code: 'UNKNOWN_AUTHORITY',
      });
    }
  }
  if (staffId && !(await exists('staff', staffId))) {
    errors.push({ field: 'staffId', message: `no staff record ${staffId}`, code: 'UNKNOWN_STAFF' });
  }
  if (errors.length) {
    throw new DomainError(
      'UNKNOWN_REFERENCE',
      'unprocessable',
      'The request refers to records that do not exist.',
      { errors },
    );
  }
}

async function insertRoles(manager: EntityManager, userId: string, roles: RoleSpec[]) {
  for (const spec of roles) {
    const { role, unitId, authorityId } = normalizeRole(spec);
    await manager.query(
      `INSERT INTO role_assignments (user_id, role, unit_id, authority_id) VALUES ($1, $2, $3, $4)`,
      [userId, role, unitId, authorityId],
    );
  }
}

/** Nobody could manage users any more: refuse to disable or demote the last administrator. */
export async function assertAnAdminRemains(manager: EntityManager): Promise<void> {
  const [{ count }] = await manager.query(
    `SELECT count(*)::int AS count FROM users us
      WHERE us.active AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = us.id AND ra.role = 'admin')`,
  );
  if (count === 0) {
    throw new DomainError(
      'LAST_ADMIN',
      'conflict',
      'At least one active administrator must remain.',
    );
  }
}
