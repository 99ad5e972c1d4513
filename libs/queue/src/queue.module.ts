import { APP_CONFIG, AppConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { JobProducer } from './job-producer';
import { QueueName } from './jobs';
import { QueueErrorLogger } from './queue-error-logger';
import { queueConnection } from './queue-connection';

/**
 * Registers every queue. The API is a producer only; the worker registers the same
 * queues and adds its consumers (processors) next to them.
 */
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'consumer'): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: queueConnection(config, role),
            prefix: config.QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [JobProducer, QueueErrorLogger],
      exports: [BullModule, JobProducer],
    };
  }
}
