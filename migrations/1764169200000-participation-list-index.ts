import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participations list pages through the period in (start date, nomination) order: an
 * index in that order reads only the lines written, instead of walking every participation
 * and dropping those outside the period.
 */
export class ParticipationListIndex1764169200000 implements MigrationInterface {
  name = 'ParticipationListIndex1764169200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX training_participations_list_idx ON training_participations (starts_on, nomination_id)`,
    );
    // The start-date index alone is a prefix of this one.
    await queryRunner.query(`DROP INDEX training_participations_period_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX training_participations_period_idx ON training_participations (starts_on)`,
    );
    await queryRunner.query(`DROP INDEX training_participations_list_idx`);
  }
}
