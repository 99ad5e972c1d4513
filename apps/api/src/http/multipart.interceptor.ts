import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** Where `@ApiConsumes()` of @nestjs/swagger keeps the media types a route documents. */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * multipart/form-data only reaches the routes that document it
 * (`@ApiConsumes('multipart/form-data')`, the uploads); anywhere else it is 415, instead of
 * a body silently read as `{}`. JSON is parsed for every route; other types have no parser.
 */
@Injectable()
export class MultipartOnlyForUploadsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (typeof request.isMultipart === 'function' && request.isMultipart()) {
        const consumes =
          this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
            context.getHandler(),
            context.getClass(),
          ]) ?? [];
        if (!consumes.includes('multipart/form-data')) {
          throw new UnsupportedMediaTypeException(
            'This route reads application/json only; multipart/form-data is for uploads.',
          );
        }
      }
    }
    return next.handle();
  }
}
