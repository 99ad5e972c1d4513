import { organizationDemoSeeder } from '@app/organization';
import { budgetDemoSeeder } from '../../../budget/src/demo';
import { catalogDemoSeeder } from '../../../catalog/src/demo';
import { historyDemoSeeder } from '../../../imports/src/demo';
import type { Seeder } from './seeder';

/**
 * The demo data `npm start` puts into an empty database, in dependency order
 * (organization before catalog before funds before nominations).
 */
export const demoSeeders: Seeder[] = [
  organizationDemoSeeder,
  catalogDemoSeeder,
  budgetDemoSeeder,
  historyDemoSeeder,
];
