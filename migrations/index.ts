import { SystemProbes1764122400000 } from './1764122400000-system-probes';

/**
 * Migrations in the order they run. Add a new one at the end; generate its file with
 * `npm run migration:generate -- migrations/<name>` and review the SQL.
 */
export const allMigrations: Function[] = [SystemProbes1764122400000];
