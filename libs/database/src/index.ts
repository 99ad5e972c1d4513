export { DatabaseModule } from './database.module';
export { buildDataSourceOptions } from './data-source-options';
export type { Schema } from './data-source-options';
export {
  databaseName,
  ensureDatabaseExists,
  maintenanceUrl,
  pendingMigrations,
  quoteIdentifier,
  revertLastMigration,
  runMigrations,
} from './migrator';
export { assertPostgresReachable } from './preflight';
export type { Seeder } from './seeder';
export { WorkContexts } from './work-contexts';
export { query, returning } from './sql';
