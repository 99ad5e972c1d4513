import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A random identity per outbox event. Queue job ids derive from it instead of the event's
 * sequence number, which a recreated or restored database hands out again: a job kept in
 * Redis from before would otherwise swallow a new event under the same id.
 */
export class OutboxEventUids1764187200000 implements MigrationInterface {
  name = 'OutboxEventUids1764187200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE outbox_events ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_uid_key UNIQUE (uid)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_events DROP COLUMN uid`);
  }
}
