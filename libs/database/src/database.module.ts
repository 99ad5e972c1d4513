import { APP_CONFIG, AppConfig } from '@app/config';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions, Schema } from './data-source-options';
import { WorkContexts } from './work-contexts';

@Module({})
export class DatabaseModule {
  /** `schema`: the entities and migrations the app composes (`@app/schema`). */
  static forRoot(schema: Schema): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [WorkContexts],
      exports: [WorkContexts],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, schema),
            // Start-up already checked that Postgres answers; never loop on retries.
            retryAttempts: 0,
          }),
        }),
      ],
    };
  }
}
