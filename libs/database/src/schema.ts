import { accessEntities } from '../../access/src/entities/user.entity';
import { auditEntities } from '../../audit/src/audit-entry.entity';
import { budgetEntities } from '../../budget/src/fund.entities';
import { catalogEntities } from '../../catalog/src/entities/catalog.entities';
import { healthEntities } from '../../health/src/system-probe.entity';
import { organizationEntities } from '../../organization/src/entities';
import { allMigrations } from '../../../migrations';

/**
 * The schema's composition root: every entity of every bounded context, and every migration.
 * Each context exports its entity list; add it here when a context gains tables.
 * (Entity files are imported directly, not through the libraries' index, to keep the
 * database library free of import cycles.)
 */
export const entities: Function[] = [
  ...healthEntities,
  ...organizationEntities,
  ...accessEntities,
  ...auditEntities,
  ...catalogEntities,
  ...budgetEntities,
];

export const migrations = allMigrations;
