import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, sealSecret } from '@app/common';
import type { EntityManager } from 'typeorm';

/** The outbox event that makes the notifications send the invitation email. */
export const INVITATION_EVENT = 'user.invited';

/** What the token in an invitation event's payload is sealed for (`sealSecret`). */
export const INVITATION_TOKEN_PURPOSE = 'invitation-token';

/** 32 random bytes, base64url: the one-time secret in the link. */
export const newInvitationToken = () => randomBytes(32).toString('base64url');

/** Only this is stored: a fast hash suffices for a random secret of that length. */
export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** What an invitation may be when its link is opened. */
export type InvitationState = 'pending' | 'expired' | 'used' | 'revoked';

export function invitationState(
  invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'used';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** The coded refusal for a link that cannot be used, or undefined when it can. */
export function invitationRefusal(state: InvitationState | 'unknown'): DomainError | undefined {
  switch (state) {
    case 'unknown':
      return new DomainError('INVITATION_NOT_FOUND', 'not_found', 'No such invitation.');
    case 'used':
      return new DomainError(
        'INVITATION_USED',
        'conflict',
        'This invitation has already been used; sign in with your password.',
      );
    case 'revoked':
      return new DomainError(
        'INVITATION_REVOKED',
        'conflict',
        'This invitation was replaced by a newer one; use the link in the latest email.',
      );
    case 'expired':
      return new DomainError(
        'INVITATION_EXPIRED',
        'conflict',
        'This invitation has expired; ask an administrator to send a new one.',
      );
    default:
      return undefined;
  }
}

export interface IssueOptions {
  /** Seals the token in the event payload (the application's JWT secret). */
  appSecret: string;
  ttlDays: number;
  now: Date;
  invitedBy: string | null;
}

/**
 * Invites users in the caller's transaction: any pending invitation of theirs is revoked, a
 * new one is stored by its token's hash, and one outbox event per user carries the token,
 * sealed, to the worker that emails the link. A rolled-back transaction sends nothing.
 */
export async function issueInvitations(
  manager: EntityManager,
  userIds: string[],
  options: IssueOptions,
): Promise<void> {
  if (!userIds.length) return;
  await manager.query(
    `UPDATE user_invitations SET revoked_at = $2
      WHERE user_id = ANY($1::uuid[]) AND accepted_at IS NULL AND revoked_at IS NULL`,
    [userIds, options.now],
  );
  const expiresAt = new Date(options.now.getTime() + options.ttlDays * 86_400_000);
  const invitations = userIds.map((userId) => {
    const id = randomUUID();
    const token = newInvitationToken();
    return {
      id,
      userId,
      tokenHash: hashInvitationToken(token),
      payload: JSON.stringify({
        invitationId: id,
        token: sealSecret(options.appSecret, INVITATION_TOKEN_PURPOSE, token),
        expiresAt: expiresAt.toISOString(),
        invitedBy: options.invitedBy,
      }),
    };
  });
  await manager.query(
    `INSERT INTO user_invitations (id, user_id, token_hash, expires_at, created_by, created_at)
     SELECT v.id, v.user_id, v.token_hash, $4, $5, $6
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(id, user_id, token_hash)`,
    [
      invitations.map((invitation) => invitation.id),
      invitations.map((invitation) => invitation.userId),
      invitations.map((invitation) => invitation.tokenHash),
      expiresAt,
      options.invitedBy,
      options.now,
    ],
  );
  await manager.query(
    `INSERT INTO outbox_events (type, aggregate_id, payload)
     SELECT $1, v.user_id, v.payload
       FROM unnest($2::uuid[], $3::jsonb[]) AS v(user_id, payload)`,
    [
      INVITATION_EVENT,
      invitations.map((invitation) => invitation.userId),
      invitations.map((invitation) => invitation.payload),
    ],
  );
}
