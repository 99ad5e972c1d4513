import { Actor, Ctx } from '@app/access';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'isPublic';

/** The route needs no access token (health, docs, login). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor; ctx?: Ctx };

/** The caller, as resolved by the AuthGuard. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor!,
);

/** The request's work context (actor, transaction, clock), as created by the AuthGuard. */
export const CurrentContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): Ctx =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().ctx!,
);
