import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reports benchmark showed missing on a million nominations (BENCHMARKS.md,
 * "reports"):
 *
 * - the targets report counts each target's participations per unit of the scope (the
 *   planner expects one unit and loops over them), so each loop needs the unit's
 *   participations of the period from an index, not a scan of the whole period: 75 s → 0.5 s;
 * - the training summary groups by age band, an expression, so the planner cannot use the
 *   statistics on `age` and expects a hundred thousand groups instead of a few thousand, and
 *   sorts on disk instead of hashing: 1.25 s → 0.3 s over ten years. The expression must stay
 *   the one of `AGE_BAND_SQL` (training-summary.service.ts) to be matched;
 * - the workflow report groups decided steps by position, role and authority, which go
 *   together (a few dozen groups, not a thousand); with the estimate right the durations are
 *   gathered in memory instead of after a sort on disk: 1.27 s → 0.76 s over five years.
 */
export class ReportBenchIndexes1764165600000 implements MigrationInterface {
  name = 'ReportBenchIndexes1764165600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX training_participations_unit_period_idx
        ON training_participations (unit_id, starts_on) INCLUDE (category, overseas)
    `);
    await queryRunner.query(`
      CREATE STATISTICS training_participations_age_band_groups (ndistinct)
        ON category, year, provider_id, overseas, gender, ethnic_minority,
           (CASE WHEN age < 30 THEN 0 WHEN age < 40 THEN 1 WHEN age < 50 THEN 2 ELSE 3 END)
        FROM training_participations
    `);
    await queryRunner.query(`
      CREATE STATISTICS nomination_steps_step_groups (ndistinct)
        ON position, role, authority_id, unit_id FROM nomination_steps
    `);
    await queryRunner.query(`ANALYZE training_participations`);
    await queryRunner.query(`ANALYZE nomination_steps`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS nomination_steps_step_groups`);
    await queryRunner.query(`DROP STATISTICS training_participations_age_band_groups`);
    await queryRunner.query(`DROP INDEX training_participations_unit_period_idx`);
  }
}
