import 'reflect-metadata';
import { installGracefulShutdown, runEntryPoint } from '@app/common';
import { loadConfig } from '@app/config';
import { assertPostgresReachable } from '@app/database';
import { assertRedisReachable, selectQueueBackend } from '@app/queue';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

runEntryPoint(async () => {
  const config = loadConfig();
  await assertPostgresReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  if (config.QUEUE_BACKEND === 'redis') {
    await assertRedisReachable(config.REDIS_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  }
  selectQueueBackend(config);

  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.init();
  const healthServer = config.WORKER_HEALTH_PORT
    ? await startHealthServer(app, config.WORKER_HEALTH_HOST, config.WORKER_HEALTH_PORT)
    : undefined;
  installGracefulShutdown(app, {
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    log: (message) => logger.log(message, 'Shutdown'),
    afterClose: async () => {
      healthServer?.closeAllConnections();
      await new Promise((resolve) => (healthServer ? healthServer.close(resolve) : resolve(null)));
    },
  });
  logger.log(
    `Worker ready (queues on ${config.QUEUE_BACKEND}` +
      (healthServer
        ? `; health on http://${config.WORKER_HEALTH_HOST}:${config.WORKER_HEALTH_PORT}/health/ready)`
        : ')'),
    'Bootstrap',
  );
});
