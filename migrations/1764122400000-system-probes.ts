import { MigrationInterface, QueryRunner } from 'typeorm';

export class SystemProbes1764122400000 implements MigrationInterface {
  name = 'SystemProbes1764122400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE system_probes (
        id uuid PRIMARY KEY,
        requested_at timestamptz NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        processed_by text NOT NULL
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE system_probes`);
  }
}
