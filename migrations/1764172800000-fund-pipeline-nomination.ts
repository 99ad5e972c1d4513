import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline names the nomination of each line, so that a nomination's own budget check
 * can leave its own lines out of what is under review (it would otherwise count them twice).
 */
export class FundPipelineNomination1764172800000 implements MigrationInterface {
  name = 'FundPipelineNomination1764172800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW fund_pipeline AS
        SELECT l.fund_id, l.amount, l.nomination_id
          FROM nomination_cost_lines l JOIN nominations n ON n.id = l.nomination_id
         WHERE n.status = 'in_review'
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A view cannot lose a column in place.
    await queryRunner.query(`DROP VIEW fund_pipeline`);
    await queryRunner.query(`
      CREATE VIEW fund_pipeline AS
        SELECT l.fund_id, l.amount
          FROM nomination_cost_lines l JOIN nominations n ON n.id = l.nomination_id
         WHERE n.status = 'in_review'
    `);
  }
}
