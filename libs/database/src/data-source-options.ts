import type { AppConfig } from '@app/config';
import type { DataSourceOptions } from 'typeorm';

/**
 * The entities and migrations a connection knows. The apps compose it (`@app/schema`) and hand
 * it in, so this library depends on no bounded context.
 */
export interface Schema {
  entities: Function[];
  migrations: Function[];
}

/** The one definition of the database connection, shared by the apps and the command-line tasks. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_CONNECT_TIMEOUT_MS'>,
  schema: Schema,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // The schema changes only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: config.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
      application_name: 'training-nominations',
    },
  };
}
