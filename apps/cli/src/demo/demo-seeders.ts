import { budgetDemoSeeder } from '@app/budget/demo';
import { catalogDemoSeeder } from '@app/catalog/demo';
import type { Seeder } from '@app/database';
import { historyDemoSeeder } from '@app/imports/demo';
import { organizationDemoSeeder } from '@app/organization/demo';

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
