import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The early warning on a fund's pipeline: finance hears when money committed plus money in
 * review reaches this share of the allocation (percent; null: no warning).
 */
export class FundPipelineWarning1764220600000 implements MigrationInterface {
  name = 'FundPipelineWarning1764220600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE funds ADD COLUMN pipeline_warning_percent smallint DEFAULT 90
        CONSTRAINT funds_pipeline_warning_percent_range
        CHECK (pipeline_warning_percent BETWEEN 1 AND 100)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE funds DROP COLUMN pipeline_warning_percent`);
  }
}
