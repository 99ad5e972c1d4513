import { createServer, Server } from 'node:http';
import { ReadinessService } from '@app/health';
import { INestApplicationContext } from '@nestjs/common';
import { SystemProcessor } from './processors/system.processor';

/**
 * The worker's internal health port: /health/live and /health/ready (Postgres, the queue
 * backend, and every consumer running). Not part of the public API.
 */
export async function startHealthServer(
  app: INestApplicationContext,
  host: string,
  port: number,
): Promise<Server> {
  const readiness = app.get(ReadinessService);
  const consumers = [app.get(SystemProcessor)];
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url === '/health/ready') {
      readiness
        .check({
          consumers: async () => {
            const stopped = consumers.filter((consumer) => !consumer.worker.isRunning());
            if (stopped.length) throw new Error(`${stopped.length} consumer(s) not running`);
          },
        })
        .then(
          (report) => reply(report.status === 'ok' ? 200 : 503, report),
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
