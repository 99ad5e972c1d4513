import { Ctx, forbidden, isAdmin, notFound } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { grantsInForceSql } from './step-actors';

export type DelegableRole = 'board_reviewer' | 'board_member' | 'finance';
export const DELEGABLE_ROLES: DelegableRole[] = ['board_reviewer', 'board_member', 'finance'];

export interface NewDelegation {
  /** Administrators may delegate for someone else; everybody else delegates their own grant. */
  fromUserId?: string;
  toUserId: string;
  role: DelegableRole;
  unitId?: string;
  authorityId?: string;
  /** Calendar days (YYYY-MM-DD), both included. */
  startsOn: string;
  endsOn: string;
}

export interface DelegationView {
  id: string;
  fromUserId: string;
  toUserId: string;
  role: DelegableRole;
  unitId: string | null;
  authorityId: string | null;
  startsOn: string;
  endsOn: string;
  revokedAt: Date | null;
  createdAt: Date;
  /**
   * In force today (organization time): not revoked, today within its days, between two
   * active users, while the delegator still holds the grant (`grantsInForceSql`).
   */
  active: boolean;
  /** The names a person reads beside the ids. */
  fromUserName: string;
  toUserName: string;
  unitName: string | null;
  authorityName: string | null;
}

const SELECT_DELEGATION = `
  SELECT d.id, d.from_user_id AS "fromUserId", d.to_user_id AS "toUserId", d.role,
         d.unit_id AS "unitId", d.authority_id AS "authorityId", d.starts_on::text AS "startsOn",
         d.ends_on::text AS "endsOn", d.revoked_at AS "revokedAt", d.created_at AS "createdAt",
         EXISTS (SELECT 1 FROM (${grantsInForceSql('CAST(:today AS date)')}) g
                  WHERE g.delegation_id = d.id) AS active,
         fu.display_name AS "fromUserName", tu.display_name AS "toUserName",
         du.name AS "unitName", da.name AS "authorityName"
    FROM delegations d
    JOIN users fu ON fu.id = d.from_user_id
    JOIN users tu ON tu.id = d.to_user_id
    LEFT JOIN units du ON du.id = d.unit_id
    LEFT JOIN management_authorities da ON da.id = d.authority_id`;

/**
 * Delegations: a holder of a board or finance grant lends it to another user for some days;
 * the delegate then acts on steps it covers on the delegator's behalf. Every change is
 * audited in its transaction.
 */
@Injectable()
export class DelegationsService {
  constructor(private readonly audit: AuditService) {}

  async create(ctx: Ctx, input: NewDelegation): Promise<DelegationView> {
    const { actor } = ctx;
    const fromUserId = input.fromUserId ?? actor.userId;
    if (fromUserId !== actor.userId && !isAdmin(actor)) {
      throw forbidden('Only an administrator may delegate on behalf of someone else.');
    }
    const errors: FieldError[] = [];
    if ((input.unitId === undefined) === (input.authorityId === undefined)) {
      errors.push({
        field: 'unitId',
        message: 'give exactly one of unitId and authorityId',
        code: 'ONE_SCOPE',
      });
    }
    if (input.endsOn < input.startsOn) {
      errors.push({
        field: 'endsOn',
        message: 'endsOn must not be before startsOn',
        code: 'RANGE',
      });
    }
    if (input.toUserId === fromUserId) {
      errors.push({
        field: 'toUserId',
        message: 'one cannot delegate to oneself',
        code: 'SELF_DELEGATION',
      });
    }
    if (errors.length) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
        errors,
      });
    }
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const [delegate] = await manager.query(`SELECT id FROM users WHERE id = $1 AND active`, [
        input.toUserId,
      ]);
      if (!delegate) {
        throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'No such active user.', {
          errors: [
            { field: 'toUserId', message: `No user ${input.toUserId}`, code: 'UNKNOWN_USER' },
          ],
        });
      }
      const [grant] = await manager.query(
        `SELECT 1 FROM role_assignments ra JOIN users us ON us.id = ra.user_id AND us.active
          WHERE ra.user_id = $1 AND ra.role = $2
            AND ra.unit_id IS NOT DISTINCT FROM $3 AND ra.authority_id IS NOT DISTINCT FROM $4`,
        [fromUserId, input.role, input.unitId ?? null, input.authorityId ?? null],
      );
      if (!grant) {
        throw new DomainError(
          'NOT_YOUR_GRANT',
          'unprocessable',
          `The delegator holds no ${input.role} grant over that ${input.unitId ? 'unit' : 'authority'}; only one's own grant can be delegated.`,
        );
      }
      const [{ id }] = await manager.query(
        `INSERT INTO delegations (from_user_id, to_user_id, role, unit_id, authority_id, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          fromUserId,
          input.toUserId,
          input.role,
          input.unitId ?? null,
          input.authorityId ?? null,
          input.startsOn,
          input.endsOn,
        ],
      );
      const created = await this.find(tx, id);
      await this.audit.record(tx, 'delegation', id, null, auditable(created));
      return created;
    });
  }

  /** Delegations from or to the caller (administrators: all), newest first. */
  async list(ctx: Ctx, paging: { page: number; pageSize: number }) {
    const { actor, manager } = ctx;
    const mine = isAdmin(actor) ? 'TRUE' : '(d.from_user_id = :me OR d.to_user_id = :me)';
    const params = { me: actor.userId, today: ctx.clock.today() };
    const [items, [{ total }]] = await Promise.all([
      query<DelegationView>(
        manager,
        `${SELECT_DELEGATION} WHERE ${mine} ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset`,
        { ...params, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize },
      ),
      query<{ total: number }>(
        manager,
        `SELECT count(*)::int AS total FROM delegations d WHERE ${mine}`,
        params,
      ),
    ]);
    return { items, total };
  }

  /**
   * Ends a delegation now. The delegator or an administrator may; the delegate is refused;
   * anyone else gets 404. Revoking a revoked delegation changes nothing.
   */
  async revoke(ctx: Ctx, id: string): Promise<void> {
    const { actor } = ctx;
    await ctx.transaction(async (tx) => {
      const { manager } = tx;
      const [row] = await manager.query(
        `SELECT from_user_id AS "fromUserId", to_user_id AS "toUserId" FROM delegations WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound('delegation', id);
      if (!isAdmin(actor) && row.fromUserId !== actor.userId) {
        if (row.toUserId === actor.userId) {
          throw forbidden('Only the delegator or an administrator may revoke a delegation.');
        }
        throw notFound('delegation', id);
      }
      const before = await this.find(tx, id);
      if (before.revokedAt) return;
      await manager.query(`UPDATE delegations SET revoked_at = now() WHERE id = $1`, [id]);
      const after = await this.find(tx, id);
      await this.audit.record(tx, 'delegation', id, auditable(before), auditable(after));
    });
  }

  private async find(ctx: Ctx, id: string): Promise<DelegationView> {
    const [row] = await query<DelegationView>(
      ctx.manager,
      `${SELECT_DELEGATION} WHERE d.id = :id`,
      {
        id,
        today: ctx.clock.today(),
      },
    );
    return row;
  }
}

/** What the audit trail keeps of a delegation: its own columns, not the names read beside them. */
const auditable = ({
  active: _active,
  fromUserName: _from,
  toUserName: _to,
  unitName: _unit,
  authorityName: _authority,
  ...fields
}: DelegationView) => fields;
