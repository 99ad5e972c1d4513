import type { Seeder } from '@app/database';
import { DataSource } from 'typeorm';
import { demoSeeders } from './demo-seeders';

const SEEDED_KEY = 'demo_data_seeded_at';

/**
 * Seeds demo data once: the marker row is written in the same transaction, and a
 * transaction-level advisory lock keeps two instances from seeding at once.
 */
export async function seedDemoData(
  dataSource: DataSource,
  seeders: Seeder[] = demoSeeders,
): Promise<'seeded' | 'already-seeded'> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(4202612)');
    const seeded = await manager.query('SELECT 1 FROM app_metadata WHERE key = $1', [SEEDED_KEY]);
    if (seeded.length) return 'already-seeded';
    for (const seeder of seeders) await seeder.run(manager);
    await manager.query(`INSERT INTO app_metadata (key, value) VALUES ($1, to_jsonb(now()))`, [
      SEEDED_KEY,
    ]);
    return 'seeded';
  });
}
