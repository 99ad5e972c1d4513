import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { SystemProcessor } from './processors/system.processor';

/** The queue worker: consumers over the domain libraries, and no public HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot(),
        QueueModule.forRoot('consumer'),
        HealthModule,
      ],
      providers: [SystemProcessor],
    };
  }
}
