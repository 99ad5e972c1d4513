import { forbidden, isAdmin } from '@app/access';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from './auth.decorators';

/**
 * Refuses non-administrators before the body is validated, so they learn nothing from
 * validation errors. The services check the role again.
 */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor || !isAdmin(actor)) throw forbidden('Only administrators may do this.');
    return true;
  }
}
