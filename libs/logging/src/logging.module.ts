import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id when it is sane, otherwise makes one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Structured JSON logs (pino) for both apps; each HTTP log line carries the request id. */
@Module({})
export class LoggingModule {
  static forRoot(appName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // The default route pattern never matches on Fastify; log every route.
            forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
            pinoHttp: {
              name: appName,
              level: config.LOG_LEVEL,
              // The HTTP server assigns the id (see requestIdOf); reuse it in every log line.
              genReqId: (req) => (req as { id?: string }).id ?? requestIdOf(req),
              customAttributeKeys: { reqId: 'requestId' },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: {
                // Probes from orchestrators would drown everything else.
                ignore: (req) => (req.url ?? '').startsWith('/api/v1/health/'),
              },
              transport:
                config.LOG_FORMAT === 'pretty'
                  ? {
                      target: 'pino-pretty',
                      options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
                    }
                  : undefined,
            },
          }),
        }),
      ],
    };
  }
}
