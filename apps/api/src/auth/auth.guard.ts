import { AccessTokenService, ActorLoader } from '@app/access';
import { DomainError } from '@app/common';
import { WorkContexts } from '@app/database';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators';

/** Every route needs a valid bearer token of an active user unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly actors: ActorLoader,
    private readonly contexts: WorkContexts,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'unauthenticated',
        'A bearer access token is required.',
      );
    }
    const { sub } = this.tokens.verify(token);
    // Who the caller is, read by the system: the request's own context needs the answer.
    const actor = await this.actors.load(this.contexts.forSystem(), sub);
    if (!actor) {
      throw new DomainError(
        'INVALID_TOKEN',
        'unauthenticated',
        'The access token is invalid or expired.',
      );
    }
    request.actor = actor;
    request.ctx = this.contexts.forRequest(actor, String(request.id));
    return true;
  }
}
