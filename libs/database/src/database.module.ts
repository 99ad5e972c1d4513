import { APP_CONFIG, AppConfig } from '@app/config';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { WorkContexts } from './work-contexts';

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [WorkContexts],
      exports: [WorkContexts],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config),
            // Start-up already checked that Postgres answers; never loop on retries.
            retryAttempts: 0,
          }),
        }),
      ],
    };
  }
}
