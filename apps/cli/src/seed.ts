import { runEntryPoint } from '@app/common';
import { loadConfig } from '@app/config';
import { assertPostgresReachable, buildDataSourceOptions } from '@app/database';
import { schema } from '@app/schema';
import { DataSource } from 'typeorm';
import { demoSeeders } from './demo/demo-seeders';
import { seedDemoData } from './demo/seed-demo-data';

/** `seed`: puts demo data into an empty database; does nothing on a seeded one. */
runEntryPoint(async () => {
  // Checked before the configuration, which in production requires secrets seeding never uses.
  if (process.env.NODE_ENV === 'production') {
    console.log('Demo data is not seeded in production (NODE_ENV=production)');
    return;
  }
  const config = loadConfig();
  await assertPostgresReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  const dataSource = await new DataSource(buildDataSourceOptions(config, schema)).initialize();
  try {
    const outcome = await seedDemoData(dataSource);
    console.log(
      outcome === 'seeded'
        ? `Seeded demo data (${demoSeeders.map((seeder) => seeder.name).join(', ') || 'nothing to seed yet'})`
        : 'Demo data already present',
    );
  } finally {
    await dataSource.destroy();
  }
});
