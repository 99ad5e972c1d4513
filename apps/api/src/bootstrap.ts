import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import type { AppConfig } from '@app/config';
import { REQUEST_ID_HEADER, requestIdOf } from '@app/logging';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { sendClientError, sendFrameworkError } from './http/framework-errors';
import { cleanInput, parseJsonBody, parseQueryString } from './http/input';
import { MultipartOnlyForUploadsInterceptor } from './http/multipart.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';
import { serveWebApp } from './http/web-app';

export const API_PREFIX = 'api/v1';

/**
 * Builds the API with every HTTP convention applied; `main.ts` and the end-to-end
 * tests both use it, so tests exercise exactly what runs in production.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.API_BODY_LIMIT_BYTES,
    // Keep-alive sockets must not hold a shutdown open.
    forceCloseConnections: 'idle',
    genReqId: requestIdOf,
    // The router's and the HTTP parser's own errors are problem+json too.
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: sendClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
    // The body parsers are the API's own (below), not the framework's defaults.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalInterceptors(new MultipartOnlyForUploadsInterceptor(app.get(Reflector)));
  const fastify = app.getHttpAdapter().getInstance();
  // Every response carries the request id that its log lines carry.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // JSON (application/json and any +json type) is the only body the API reads, besides
  // the multipart uploads registered below; any other type is 415. Bodies are checked and
  // normalized (depth, array length, text, NFC) before anything else sees them.
  fastify.removeAllContentTypeParsers();
  for (const type of ['application/json', /^application\/[\w!#$&^.+-]+\+json(?:;|$)/]) {
    fastify.addContentTypeParser(
      type as string,
      { parseAs: 'buffer', bodyLimit: config.API_BODY_LIMIT_BYTES },
      (_request, body, done) => {
        try {
          done(null, parseJsonBody(body as Buffer));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
  }
  // The query string and the path parameters get the same checks, for every route.
  fastify.addHook('preValidation', async (request) => {
    const url = request.raw.url ?? '';
    const mark = url.indexOf('?');
    request.query = parseQueryString(mark === -1 ? '' : url.slice(mark + 1));
    request.params = cleanInput(request.params ?? {}, 'params');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The OpenAPI UI needs inline styles and scripts; the API itself serves only JSON.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  // Browsers keep their refresh token in an HttpOnly cookie (docs/auth.md); unsigned, as the
  // token itself is a random secret checked against its stored hash.
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  if (config.CORS_ORIGINS.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      credentials: true,
      exposedHeaders: ['x-request-id'],
    });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Training nominations API')
      .setDescription(
        'Approval workflow for training nominations, the training fund and its notifications. ' +
          'Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
  });

  // The web application (its own, stricter Content-Security-Policy) on every path outside /api.
  if (!(await serveWebApp(fastify, config.WEB_DIST_DIR))) {
    new NestLogger('WebApp').warn(
      `The web application is not built (no index.html in ${config.WEB_DIST_DIR}); ` +
        'paths outside /api answer 404 WEB_APP_NOT_BUILT',
    );
  }

  await app.init();
  return app;
}
