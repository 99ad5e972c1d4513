import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow performance report over a million nominations, each section read from an
 * index alone (no table rows): decided steps by when they were decided, waiting steps by
 * when they started, the history rows it counts by when they happened; nominations in
 * review with their current step; and each nominee's nominations, for the scope of callers
 * who see part of the organization.
 */
export class WorkflowReportIndexes1764162000000 implements MigrationInterface {
  name = 'WorkflowReportIndexes1764162000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX nomination_steps_decided_idx ON nomination_steps (acted_at)
        INCLUDE (started_at, position, role, authority_id, unit_id, nomination_id)
        WHERE state IN ('approved', 'returned', 'rejected')
    `);
    await queryRunner.query(`
      CREATE INDEX nomination_steps_waiting_idx ON nomination_steps (started_at)
        INCLUDE (nomination_id, position, role, authority_id, unit_id)
        WHERE state = 'pending' AND started_at IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE INDEX nominations_in_review_idx ON nominations (id)
        INCLUDE (current_step, nominee_staff_id)
        WHERE status = 'in_review'
    `);
    await queryRunner.query(`
      CREATE INDEX nominations_nominee_ids_idx ON nominations (nominee_staff_id) INCLUDE (id)
    `);
    await queryRunner.query(`
      CREATE INDEX nomination_history_workflow_idx ON nomination_history (occurred_at)
        INCLUDE (nomination_id, action, from_status, to_status)
        WHERE action IN ('submit', 'return') OR to_status IN ('approved', 'rejected')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX nomination_history_workflow_idx`);
    await queryRunner.query(`DROP INDEX nominations_nominee_ids_idx`);
    await queryRunner.query(`DROP INDEX nominations_in_review_idx`);
    await queryRunner.query(`DROP INDEX nomination_steps_waiting_idx`);
    await queryRunner.query(`DROP INDEX nomination_steps_decided_idx`);
  }
}
