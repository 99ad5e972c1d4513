import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { schema } from '@app/schema';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { NominationsModule } from '@app/nominations';
import { NotificationsModule, OutboxRelay } from '@app/notifications';
import { QueueModule } from '@app/queue';
import { ReportsModule } from '@app/reports';
import { DynamicModule, Module } from '@nestjs/common';
import { NominationsProcessor } from './processors/nominations.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { ReportsProcessor } from './processors/reports.processor';
import { SystemProcessor } from './processors/system.processor';
import { WorkerSchedules } from './schedules';

/** The queue worker: consumers over the domain libraries, and no public HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot(schema),
        ClockModule,
        QueueModule.forRoot('consumer'),
        HealthModule,
        AuditModule,
        NominationsModule,
        NotificationsModule,
        ReportsModule,
      ],
      providers: [
        SystemProcessor,
        NominationsProcessor,
        NotificationsProcessor,
        ReportsProcessor,
        OutboxRelay,
        WorkerSchedules,
      ],
    };
  }
}
