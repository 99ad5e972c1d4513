import { AuditService } from '@app/audit';
import { Clock, DomainError, WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isAdmin } from './actor';
import { revokeUserTokens } from './auth.service';
import type { AnyCtx, Ctx } from './context';
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
 * their password with it. Expiry is read on the context's clock.
 *
 * Checking and accepting a link happen before anyone is signed in, so there is no request
 * context to receive: those two create their own, over the DataSource, for the system (to
 * check) or for the invited user (to accept, who is then the actor of the audit row).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Invites these users in the context's transaction (revoking their pending invitations),
   * as invited by its actor.
   */
  issue(ctx: AnyCtx, userIds: string[]): Promise<void> {
    return ctx.transaction((tx) =>
      issueInvitations(tx.manager, userIds, {
        appSecret: this.config.JWT_SECRET,
        ttlDays: this.config.INVITATION_TTL_DAYS,
        now: tx.clock.now(),
        invitedBy: tx.actorUserId,
      }),
    );
  }

  /** Whether the link can be used, and for whom; a coded refusal otherwise. */
  async check(token: string): Promise<InvitationView> {
    const invitation = await this.find(this.systemContext(), token);
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
    const { userId } = await this.find(this.systemContext(), token);
    // Hashed before the transaction, so the lock is not held while argon2 works.
    const passwordHash = await hashPassword(password);
    // The invited user acts for themselves (the token is theirs alone).
    const ctx = WorkContext.start({ userId }, this.dataSource, this.clock, requestId);
    await ctx.transaction(async (tx) => {
      const { manager } = tx;
      const invitation = await this.find(tx, token, { lock: true });
      await manager.query(`UPDATE user_invitations SET accepted_at = $2 WHERE id = $1`, [
        invitation.id,
        tx.clock.now(),
      ]);
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        invitation.userId,
        passwordHash,
      ]);
      await revokeUserTokens(manager, invitation.userId);
      await this.audit.record(
        tx,
        'user',
        invitation.userId,
        { password: '[none]' },
        { password: '[set from invitation]' },
      );
    });
  }

  /** Sends a new invitation to a user who has not chosen a password; the old link stops working. */
  async resend(ctx: Ctx, userId: string): Promise<void> {
    if (!isAdmin(ctx.actor)) throw forbidden('Only administrators manage users.');
    await ctx.transaction(async (tx) => {
      const [user]: Array<{ active: boolean; hasPassword: boolean }> = await tx.manager.query(
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
      await this.issue(tx, [userId]);
      await this.audit.record(
        tx,
        'user',
        userId,
        { invitation: '[previous]' },
        { invitation: '[sent again]' },
      );
    });
  }

  /** Before sign-in: the system reads the link on the invited user's behalf. */
  private systemContext(): WorkContext<null> {
    return WorkContext.start(null, this.dataSource, this.clock);
  }

  private async find(
    ctx: WorkContext,
    token: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationRow> {
    const [invitation]: InvitationRow[] = await ctx.manager.query(
      `${FIND_BY_TOKEN}${options.lock ? ' FOR UPDATE OF inv' : ''}`,
      [hashInvitationToken(token)],
    );
    // A disabled user's link is as good as unknown: they may not sign in at all.
    const state =
      invitation && invitation.active ? invitationState(invitation, ctx.clock.now()) : 'unknown';
    const refusal = invitationRefusal(state);
    if (refusal) throw refusal;
    return invitation;
  }
}
