import type { Role } from './entities/user.entity';

/** One role held over one scope. `unitPath` is the scope unit's tree path, for subtree checks. */
export interface Grant {
  role: Role;
  unitId: string | null;
  unitPath: string | null;
  authorityId: string | null;
}

/** Who is calling: resolved from the access token on every request. */
export interface Actor {
  userId: string;
  email: string;
  staffId: string | null;
  locale: 'vi' | 'en';
  grants: Grant[];
}

export const hasRole = (actor: Actor, ...roles: Role[]) =>
  actor.grants.some((grant) => roles.includes(grant.role));

export const isAdmin = (actor: Actor) => hasRole(actor, 'admin');
