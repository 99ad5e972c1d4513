import { loadConfig } from '@app/config';
import { buildDataSourceOptions, revertLastMigration, runMigrations } from '@app/database';
import { schema } from '@app/schema';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/cli/src/demo/seed-demo-data';
import { allMigrations } from '../migrations';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  it('should apply every migration once when two instances migrate at the same moment', async () => {
    const config = loadConfig({ DATABASE_URL: database.url });
    const [first, second] = await Promise.all([
      runMigrations(config, allMigrations),
      runMigrations(config, allMigrations),
    ]);
    expect([...first, ...second]).toHaveLength(allMigrations.length);

    const dataSource = await new DataSource(buildDataSourceOptions(config, schema)).initialize();
    try {
      const applied = await dataSource.query('SELECT name FROM schema_migrations');
      expect(applied).toHaveLength(allMigrations.length);
    } finally {
      await dataSource.destroy();
    }
  });

  it('should revert the last migration and apply it again', async () => {
    const config = loadConfig({ DATABASE_URL: database.url });
    await revertLastMigration(config, allMigrations);
    expect(await runMigrations(config, allMigrations)).toHaveLength(1);
  });
});

describe('demo data', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      buildDataSourceOptions(loadConfig({ DATABASE_URL: database.url }), schema),
    ).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('should seed an empty database once, even when two instances try at once', async () => {
    const seeded: string[] = [];
    const seeder = {
      name: 'counting',
      run: async () => {
        seeded.push('ran');
      },
    };
    const outcomes = await Promise.all([
      seedDemoData(dataSource, [seeder]),
      seedDemoData(dataSource, [seeder]),
    ]);
    expect(outcomes.sort()).toEqual(['already-seeded', 'seeded']);
    expect(seeded).toEqual(['ran']);
    expect(await seedDemoData(dataSource, [seeder])).toBe('already-seeded');
  });

  it('should leave nothing behind when a seeder fails halfway', async () => {
    const other = await createTestDatabase();
    const otherSource = await new DataSource(
      buildDataSourceOptions(loadConfig({ DATABASE_URL: other.url }), schema),
    ).initialize();
    try {
      const failing = {
        name: 'failing',
        run: async (manager: import('typeorm').EntityManager) => {
          await manager.query(
            `INSERT INTO app_metadata (key, value) VALUES ('half-written', '"x"'::jsonb)`,
          );
          throw new Error('seeder broke');
        },
      };
      await expect(seedDemoData(otherSource, [failing])).rejects.toThrow('seeder broke');
      expect(await otherSource.query('SELECT key FROM app_metadata')).toEqual([]);
    } finally {
      await otherSource.destroy();
      await other.drop();
    }
  });
});
