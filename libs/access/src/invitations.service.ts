import { AuditContext, AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isAdmin } from './actor';
import { revokeUserTokens } from './auth.service';
import {
  hashInvitationToken,
  invitationRefusal,
  invitationState,
  issueInvitations,
} from './invitations';
import { hashPassword } from './passwords';
import { forbidden, notFound } from './staff-scope';

/** What the invitation page shows before the user chooses a password. */
export interface InvitationView {
  email: string;
  displayName: string;
  expiresAt: Date;
}

interface InvitationRow {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  active: boolean;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const FIND_BY_TOKEN = `
  SELECT inv.id, inv.user_id AS "userId", us.email, us.display_name AS "displayName", us.active,
         inv.expires_at AS "expiresAt", inv.accepted_at AS "acceptedAt",
         inv.revoked_at AS "revokedAt"
    FROM user_invitations inv JOIN users us ON us.id = inv.user_id
   WHERE inv.token_hash = $1`;

/**
 * Invitations: a user created without a password gets a one-time link by email and chooses
 * their password with it. Expiry is read on the injected clock.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites these users in the caller's transaction (revoking their pending invitations). */
  issue(manager: EntityManager, userIds: string[], invitedBy: string | null): Promise<void> {
    return issueInvitations(manager, userIds, {
      appSecret: this.config.JWT_SECRET,
      ttlDays: this.config.INVITATION_TTL_DAYS,
      now: this.clock.now(),
      invitedBy,
    });
  }

  /** Whether the link can be used, and for whom; a coded refusal otherwise. */
  async check(token: string): Promise<InvitationView> {
    const invitation = await this.find(this.dataSource.manager, token);
    return {
      email: invitation.email,
      displayName: invitation.displayName,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Sets the password and uses the invitation up. The row lock makes a second accept of the
   * same link (sent twice at once) wait and then find it used.
   */
  async accept(token: string, password: string, requestId: string | null): Promise<void> {
    await this.find(this.dataSource.manager, token);
    // Hashed before the transaction, so the lock is not held while argon2 works.
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.find(manager, token, { lock: true });
      await manager.query(`UPDATE user_invitations SET accepted_at = $2 WHERE id = $1`, [
        invitation.id,
        this.clock.now(),
      ]);
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        invitation.userId,
        passwordHash,
      ]);
      await revokeUserTokens(manager, invitation.userId);
      await this.audit.recordWith(
        manager,
        { actorUserId: invitation.userId, requestId },
        {
          entity: 'user',
          entityId: invitation.userId,
          before: { password: '[none]' },
          after: { password: '[set from invitation]' },
        },
      );
    });
  }

  /** Sends a new invitation to a user who has not chosen a password; the old link stops working. */
  async resend(actor: Actor, context: AuditContext, userId: string): Promise<void> {
    if (!isAdmin(actor)) throw forbidden('Only administrators manage users.');
    await this.dataSource.transaction(async (manager) => {
      const [user]: Array<{ active: boolean; hasPassword: boolean }> = await manager.query(
        `SELECT active, password_hash IS NOT NULL AS "hasPassword" FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!user) throw notFound('user', userId);
      if (user.hasPassword) {
        throw new DomainError(
          'USER_HAS_PASSWORD',
          'conflict',
          'The user has already chosen a password; reset it instead.',
        );
      }
      if (!user.active) {
        throw new DomainError(
          'USER_INACTIVE',
          'conflict',
          'The user is disabled; enable them before inviting them again.',
        );
      }
      await this.issue(manager, [userId], context.actorUserId);
      await this.audit.recordWith(manager, context, {
        entity: 'user',
        entityId: userId,
        before: { invitation: '[previous]' },
        after: { invitation: '[sent again]' },
      });
    });
  }

  private async find(
    manager: EntityManager,
    token: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationRow> {
    const [invitation]: InvitationRow[] = await manager.query(
      `${FIND_BY_TOKEN}${options.lock ? ' FOR UPDATE OF inv' : ''}`,
      [hashInvitationToken(token)],
    );
    // A disabled user's link is as good as unknown: they may not sign in at all.
    const state =
      invitation && invitation.active ? invitationState(invitation, this.clock.now()) : 'unknown';
    const refusal = invitationRefusal(state);
    if (refusal) throw refusal;
    return invitation;
  }
}
