import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The training summary over a million participations: statistics on how the fact table's
 * columns vary together, so the planner sees that grouping by them gives a few thousand
 * groups (not a million) and aggregates in parallel; and an index for a staff member's
 * own participations (their report scope).
 */
export class ReportIndexes1764158400000 implements MigrationInterface {
  name = 'ReportIndexes1764158400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE STATISTICS training_participations_dimensions (ndistinct)
        ON category, year, provider_id, overseas, gender, ethnic_minority, age
        FROM training_participations
    `);
    await queryRunner.query(
      `CREATE INDEX training_participations_staff_idx ON training_participations (staff_id)`,
    );
    await queryRunner.query(`ANALYZE training_participations`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX training_participations_staff_idx`);
    await queryRunner.query(`DROP STATISTICS training_participations_dimensions`);
  }
}
