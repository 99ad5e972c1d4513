import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { schema } from '@app/schema';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { AccessModule } from '@app/access';
import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthHttpModule } from './auth/auth-http.module';
import { AuthGuard } from './auth/auth.guard';
import { BudgetHttpModule } from './budget/budget-http.module';
import { NominationsHttpModule } from './nominations/nominations-http.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { CatalogHttpModule } from './catalog/catalog-http.module';
import { EligibilityHttpModule } from './catalog/eligibility-http.module';
import { ComplianceHttpModule } from './organization/compliance-http.module';
import { ImportHttpModule } from './organization/import-http.module';
import { OrganizationHttpModule } from './organization/organization-http.module';
import { HealthController } from './health/health.controller';
import { ProbeController } from './system/probe.controller';

/** The HTTP API: controllers over the domain libraries. It produces jobs, never consumes them. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule.forRoot(schema),
        ClockModule,
        QueueModule.forRoot('producer'),
        HealthModule,
        AccessModule,
        AuditModule,
        AuthHttpModule,
        OrganizationHttpModule,
        ImportHttpModule,
        ComplianceHttpModule,
        CatalogHttpModule,
        EligibilityHttpModule,
        BudgetHttpModule,
        NominationsHttpModule,
        NotificationsHttpModule,
        ReportsHttpModule,
      ],
      controllers: [HealthController, ProbeController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
