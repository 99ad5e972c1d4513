import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import type { Ctx } from './context';
import { LoginThrottle } from './login-throttle.service';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './passwords';
import { permissionsOf } from './permissions';
import type { RoleView } from './role-scope';

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  tokenType: 'Bearer';
}

export interface Profile {
  id: string;
  email: string;
  displayName: string;
  locale: 'vi' | 'en';
  staffId: string | null;
  roles: RoleView[];
  permissions: string[];
}

const invalidCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', 'unauthenticated', 'The email or password is wrong.');

const invitationPending = () =>
  new DomainError(
    'INVITATION_PENDING',
    'unauthenticated',
    'This account has no password yet: follow the link in the invitation email to choose one.',
  );

/** The one answer to a refresh that cannot go on, whatever the reason. */
export const invalidRefreshToken = () =>
  new DomainError(
    'INVALID_REFRESH_TOKEN',
    'unauthenticated',
    'The refresh token is invalid, expired or revoked.',
  );

/** Refresh tokens are opaque random strings; only their sha256 is stored. */
export const hashRefreshToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Login, refresh-token rotation with reuse detection, logout, and the caller's profile.
 * Each login starts a token family; each refresh marks the presented token used and issues
 * the next one of the family. Presenting a used token again means it was copied: the whole
 * family is revoked.
 *
 * Login and refresh run before anyone is signed in: like the auth guard, they establish who
 * the actor is, so they work on the DataSource rather than on a request's context.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so both answers take as long. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    await this.throttle.assertAllowed(email, ip);
    const [user]: Array<{ id: string; password_hash: string | null; active: boolean }> =
      await this.dataSource.query(
        `SELECT id, password_hash, active FROM users WHERE lower(email) = lower($1)`,
        [email.trim()],
      );
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(user?.password_hash ?? (await this.dummyHash), password);
    const reason = !user
      ? 'unknown_email'
      : user.password_hash === null
        ? 'invitation_pending'
        : !matches
          ? 'wrong_password'
          : !user.active
            ? 'disabled'
            : null;
    if (reason) {
      await this.throttle.recordFailure(email, ip);
      this.logger.warn({ email, ip, reason }, 'Login failed');
      // An invited user has no password to type yet: say so, for an active account only.
      if (reason === 'invitation_pending' && user?.active) throw invitationPending();
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email);
    if (passwordNeedsRehash(user.password_hash!)) {
      await this.rehash(user.id, user.password_hash!, password);
    }
    return this.dataSource.transaction((manager) => this.issue(manager, user.id, randomUUID()));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The row lock serializes concurrent refreshes of one token: the second sees it used.
      const [row]: Array<{
        id: string;
        user_id: string;
        family_id: string;
        expired: boolean;
        used_at: Date | null;
        revoked_at: Date | null;
        active: boolean;
      }> = await manager.query(
        `SELECT rt.id, rt.user_id, rt.family_id, rt.expires_at <= now() AS expired,
                rt.used_at, rt.revoked_at, us.active
           FROM refresh_tokens rt JOIN users us ON us.id = rt.user_id
          WHERE rt.token_hash = $1
            FOR UPDATE OF rt`,
        [hashRefreshToken(refreshToken)],
      );
      if (!row || row.revoked_at || row.expired || !row.active) return undefined;
      if (row.used_at) {
        await this.revokeFamily(manager, row.family_id);
        this.logger.warn(
          { userId: row.user_id, familyId: row.family_id },
          'Refresh token reused; its family is revoked',
        );
        return undefined;
      }
      await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      return this.issue(manager, row.user_id, row.family_id);
    });
    // Thrown outside the transaction so that a family revocation commits.
    if (!outcome) throw invalidRefreshToken();
    return outcome;
  }

  /** Ends the session the token belongs to. Unknown tokens or other users' are ignored. */
  async logout(ctx: Ctx, refreshToken: string): Promise<void> {
    await ctx.manager.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL
          AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2)`,
      [hashRefreshToken(refreshToken), ctx.actor.userId],
    );
  }

  async profile(ctx: Ctx): Promise<Profile> {
    const { actor } = ctx;
    const [user]: Array<{ display_name: string }> = await ctx.manager.query(
      `SELECT display_name FROM users WHERE id = $1`,
      [actor.userId],
    );
    return {
      id: actor.userId,
      email: actor.email,
      displayName: user?.display_name ?? actor.email,
      locale: actor.locale,
      staffId: actor.staffId,
      roles: actor.grants.map(({ role, unitId, authorityId }) => ({ role, unitId, authorityId })),
      permissions: permissionsOf(actor.grants.map((grant) => grant.role)),
    };
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, familyId, hashRefreshToken(refreshToken), this.config.REFRESH_TOKEN_TTL_DAYS],
    );
    const { accessToken, expiresIn } = this.tokens.sign(userId);
    return { accessToken, expiresIn, refreshToken, tokenType: 'Bearer' };
  }

  /**
   * Hashes made with older parameters are replaced with today's at the first sign-in that
   * knows the password; only if the hash is still the one verified (a reset may have won).
   */
  private async rehash(userId: string, verifiedHash: string, password: string): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`,
        [userId, verifiedHash, await hashPassword(password)],
      );
    } catch (error) {
      this.logger.warn({ userId, err: error }, 'Password rehash failed; the old hash stays');
    }
  }

  private revokeFamily(manager: EntityManager, familyId: string) {
    return manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }
}

/** Revokes every refresh token of a user (password reset, disabling). */
export function revokeUserTokens(manager: EntityManager, userId: string) {
  return manager.query(
    `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
}
