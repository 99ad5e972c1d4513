import 'reflect-metadata';
import { installGracefulShutdown, runEntryPoint } from '@app/common';
import { loadConfig } from '@app/config';
import { assertPostgresReachable } from '@app/database';
import { assertRedisReachable, selectQueueBackend } from '@app/queue';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';
import { isWebAppBuilt } from './http/web-app';

runEntryPoint(async () => {
  const config = loadConfig();
  await assertPostgresReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  if (config.QUEUE_BACKEND === 'redis') {
    await assertRedisReachable(config.REDIS_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  }
  selectQueueBackend(config);

  const app = await createApiApp(config);
  const logger = app.get(Logger);
  installGracefulShutdown(app, {
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    log: (message) => logger.log(message, 'Shutdown'),
  });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  const origin = `http://${config.API_HOST}:${config.API_PORT}`;
  logger.log(
    isWebAppBuilt(config.WEB_DIST_DIR)
      ? `Web application on ${origin}/`
      : `Web application not built (no index.html in ${config.WEB_DIST_DIR})`,
    'Bootstrap',
  );
  logger.log(`API listening on ${origin}/api/v1`, 'Bootstrap');
});
