import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764122400000 implements MigrationInterface {
  name = 'Foundation1764122400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Facts about this installation, e.g. when demo data was seeded.
    await queryRunner.query(`
      CREATE TABLE app_metadata (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE TABLE system_probes (
        id uuid PRIMARY KEY,
        requested_at timestamptz NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        processed_by text NOT NULL,
        note text
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE system_probes`);
    await queryRunner.query(`DROP TABLE app_metadata`);
  }
}
