import { Injectable } from '@nestjs/common';
import type { Actor, Grant } from './actor';
import type { AnyCtx } from './context';

/**
 * Loads the caller's user and grants on every request, so that disabling a user or
 * removing a role takes effect at once, not when the token expires.
 */
@Injectable()
export class ActorLoader {
  /**
   * The active user and their grants, read in the context's transaction. Before anyone is
   * signed in (the auth guard) that is a context of the system's.
   */
  async load(ctx: AnyCtx, userId: string): Promise<Actor | undefined> {
    const rows: Array<{
      id: string;
      email: string;
      staff_id: string | null;
      locale: 'vi' | 'en';
      role: Grant['role'] | null;
      unit_id: string | null;
      unit_path: string | null;
      authority_id: string | null;
    }> = await ctx.manager.query(
      `SELECT us.id, us.email, us.staff_id, us.locale, ra.role, ra.unit_id, un.path AS unit_path, ra.authority_id
         FROM users us
         LEFT JOIN role_assignments ra ON ra.user_id = us.id
         LEFT JOIN units un ON un.id = ra.unit_id
        WHERE us.id = $1 AND us.active`,
      [userId],
    );
    if (!rows.length) return undefined;
    const [user] = rows;
    return {
      userId: user.id,
      email: user.email,
      staffId: user.staff_id,
      locale: user.locale,
      grants: rows
        .filter((row) => row.role !== null)
        .map((row) => ({
          role: row.role!,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          authorityId: row.authority_id,
        })),
    };
  }
}
