export { AccessTokenService } from './access-token.service';
export { AccessModule } from './access.module';
export { hasRole, isAdmin } from './actor';
export type { Actor, Grant } from './actor';
export { ActorLoader } from './actor-loader.service';
export { accessEntities, ROLES } from './entities/user.entity';
export type { Role } from './entities/user.entity';
export { forbidden, notFound, staffScope, unitInScope } from './staff-scope';
export type { ScopePredicate } from './staff-scope';
export { AdminBootstrap } from './admin-bootstrap.service';
export {
  AuthService,
  hashRefreshToken,
  invalidRefreshToken,
  revokeUserTokens,
} from './auth.service';
export type { TokenPair } from './auth.service';
export { LoginThrottle } from './login-throttle.service';
export { INVITATION_TOKEN_PURPOSE } from './invitations';
export { InvitationsService } from './invitations.service';
export { MIN_PASSWORD_LENGTH, PASSWORD_HASH_OPTIONS } from './passwords';
export { assertAnAdminRemains, UsersService } from './users.service';
export type { AnyCtx, Ctx } from './context';
