import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An override given by finance at its own step of the chain, kept for the decision that
 * reserves the money later (by another approver, who may not override).
 */
export class KeptBudgetOverride1764198000000 implements MigrationInterface {
  name = 'KeptBudgetOverride1764198000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE nominations
        ADD COLUMN budget_override_reason text,
        ADD COLUMN budget_override_by uuid REFERENCES users (id),
        ADD COLUMN budget_override_step smallint,
        ADD CONSTRAINT nominations_budget_override_whole CHECK (
          (budget_override_reason IS NULL) = (budget_override_by IS NULL)
          AND (budget_override_reason IS NULL) = (budget_override_step IS NULL))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE nominations
        DROP CONSTRAINT nominations_budget_override_whole,
        DROP COLUMN budget_override_step,
        DROP COLUMN budget_override_by,
        DROP COLUMN budget_override_reason
    `);
  }
}
