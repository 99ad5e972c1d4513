import { MigrationInterface, QueryRunner } from 'typeorm';

/** The nomination list's default order (newest first, stable), served from an index. */
export class NominationListIndex1764147600000 implements MigrationInterface {
  name = 'NominationListIndex1764147600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX nominations_created_idx ON nominations (created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX nominations_created_idx`);
  }
}
