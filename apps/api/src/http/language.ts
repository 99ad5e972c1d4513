import { Language, languageOf } from '@app/common';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The language the caller reads (from `Accept-Language`), for answers that carry problems
 * inside a 2xx body (a batch's per-item results).
 */
export const CallerLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Language =>
    languageOf(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
