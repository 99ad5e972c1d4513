import type { EntityManager } from 'typeorm';

/** One bounded context's demo data. Seeders run in order, in one transaction. */
export interface Seeder {
  name: string;
  run(manager: EntityManager): Promise<void>;
}
