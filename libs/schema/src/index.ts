import { accessEntities } from '@app/access';
import { auditEntities } from '@app/audit';
import { budgetEntities } from '@app/budget';
import { catalogEntities } from '@app/catalog';
import type { Schema } from '@app/database';
import { healthEntities } from '@app/health';
import { organizationEntities } from '@app/organization';
import { allMigrations } from '../../../migrations';

/**
 * The schema every process connects with: every bounded context's entities, and every
 * migration. Only the apps import it (the API, the worker and the command-line tasks hand it to
 * the database library), so no library depends on all the others. Add a context's entity list
 * here when it gains tables.
 */
export const schema: Schema = {
  entities: [
    ...healthEntities,
    ...organizationEntities,
    ...accessEntities,
    ...auditEntities,
    ...catalogEntities,
    ...budgetEntities,
  ],
  migrations: allMigrations,
};
