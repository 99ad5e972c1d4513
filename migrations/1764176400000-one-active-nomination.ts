import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one active nomination (draft, in review, returned, approved, in training) per
 * person and intake, held by a partial unique index. An installation that already holds
 * such duplicates cannot take the index: the migration stops and names them, so that the
 * extra ones are withdrawn or cancelled through the workflow (which releases their money
 * and seats) before it runs again.
 */
export class OneActiveNomination1764176400000 implements MigrationInterface {
  name = 'OneActiveNomination1764176400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const duplicates: Array<{ refs: string }> = await queryRunner.query(
      `SELECT string_agg(reference, ', ' ORDER BY created_at, reference) AS refs
         FROM nominations
        WHERE status IN ('draft', 'in_review', 'returned', 'approved', 'in_training')
        GROUP BY nominee_staff_id, intake_id
       HAVING count(*) > 1
        LIMIT 20`,
    );
    if (duplicates.length) {
      throw new Error(
        `Several active nominations of one person for one intake: ${duplicates
          .map((row) => `[${row.refs}]`)
          .join(
            ' ',
          )}. Withdraw or cancel all but one of each group, then run the migrations again.`,
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX nominations_one_active_per_intake ON nominations (nominee_staff_id, intake_id)
        WHERE status IN ('draft', 'in_review', 'returned', 'approved', 'in_training')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX nominations_one_active_per_intake`);
  }
}
