import { createServer, Server } from 'node:http';
import { withTimeout } from '@app/common';
import { WorkContexts } from '@app/database';
import { ReadinessService } from '@app/health';
import { NotificationBacklogService } from '@app/notifications';
import { INestApplicationContext } from '@nestjs/common';
import { NominationsProcessor } from './processors/nominations.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SystemProcessor } from './processors/system.processor';
import { WorkerSchedules } from './schedules';

/**
 * The worker's internal health port: /health/live and /health/ready (Postgres, the queue
 * backend, every consumer running, and every recurring job scheduled; with the notification
 * backlog: queue depth, failed deliveries, the oldest undispatched event). Not part of the
 * public API.
 */
export async function startHealthServer(
  app: INestApplicationContext,
  host: string,
  port: number,
): Promise<Server> {
  const readiness = app.get(ReadinessService);
  const backlog = app.get(NotificationBacklogService);
  const contexts = app.get(WorkContexts);
  const schedules = app.get(WorkerSchedules);
  const consumers = [
    app.get(SystemProcessor),
    app.get(NominationsProcessor),
    app.get(NotificationsProcessor),
  ];
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url === '/health/ready') {
      Promise.all([
        readiness.check({
          consumers: async () => {
            const stopped = consumers.filter((consumer) => !consumer.worker.isRunning());
            if (stopped.length) throw new Error(`${stopped.length} consumer(s) not running`);
          },
          schedules: async () => {
            const missing = await schedules.missing();
            if (!missing.length) return;
            void schedules.restore();
            throw new Error(`Not scheduled: ${missing.join(', ')} (being put back)`);
          },
        }),
        // A backlog is reported, not judged: it does not make the worker unready.
        withTimeout(backlog.backlog(contexts.forSystem()), 2000, 'Notification backlog').catch(
          (error: Error) => ({
            error: error.message,
          }),
        ),
      ]).then(
        ([report, notifications]) =>
          reply(report.status === 'ok' ? 200 : 503, { ...report, notifications }),
        (error: Error) => reply(503, { status: 'unavailable', error: error.message }),
      );
      return;
    }
    reply(404, { status: 404, code: 'ROUTE_NOT_FOUND' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}
