import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import type { AppConfig } from '@app/config';
import { REQUEST_ID_HEADER, requestIdOf } from '@app/logging';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';

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
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // Every response carries the request id that its log lines carry.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
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

  await app.init();
  return app;
}
