import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which seat quotas a decision took, so a cancellation gives back exactly those. */
export class SeatQuotasTaken1764144000000 implements MigrationInterface {
  name = 'SeatQuotasTaken1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE nominations ADD COLUMN seat_quota_ids uuid[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE nominations DROP COLUMN seat_quota_ids`);
  }
}
