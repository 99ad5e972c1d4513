import { runEntryPoint } from '@app/common';
import { loadConfig } from '@app/config';
import {
  assertPostgresReachable,
  databaseName,
  ensureDatabaseExists,
  maintenanceUrl,
  pendingMigrations,
  revertLastMigration,
  runMigrations,
} from '@app/database';
import { allMigrations } from '../../../migrations';

/**
 * `migrate run [--create-database]` applies pending migrations (under an advisory lock);
 * `migrate revert` undoes the last one; `migrate status` exits 1 when some are pending.
 */
runEntryPoint(async () => {
  const config = loadConfig();
  const [command = 'run', ...flags] = process.argv.slice(2);
  if (flags.includes('--create-database')) {
    await assertPostgresReachable(
      maintenanceUrl(config.DATABASE_URL),
      config.DATABASE_CONNECT_TIMEOUT_MS,
      config.DATABASE_URL,
    );
    if (await ensureDatabaseExists(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS)) {
      console.log(`Created database ${databaseName(config.DATABASE_URL)}`);
    }
  }
  await assertPostgresReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  switch (command) {
    case 'run': {
      const applied = await runMigrations(config, allMigrations);
      console.log(
        applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date',
      );
      break;
    }
    case 'revert':
      await revertLastMigration(config, allMigrations);
      console.log('Reverted the last migration');
      break;
    case 'status': {
      const pending = await pendingMigrations(config, allMigrations);
      console.log(pending ? 'Some migrations are pending' : 'Schema is up to date');
      process.exitCode = pending ? 1 : 0;
      break;
    }
    default:
      throw new Error(`Unknown command "${command}": use run, revert or status`);
  }
});
