import { MigrationInterface, QueryRunner } from 'typeorm';

/** Delegations, idempotency keys for requests that act, and committee votes. */
export class NominationExtras1764140400000 implements MigrationInterface {
  name = 'NominationExtras1764140400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_user_id uuid NOT NULL REFERENCES users(id),
        to_user_id uuid NOT NULL REFERENCES users(id),
        -- The role (and scope) delegated: one of the delegator's grants.
        role text NOT NULL CHECK (role IN ('board_reviewer', 'board_member', 'finance')),
        unit_id uuid REFERENCES units(id),
        authority_id uuid REFERENCES management_authorities(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK (from_user_id <> to_user_id),
        CHECK ((unit_id IS NULL) <> (authority_id IS NULL))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX delegations_to_idx ON delegations (to_user_id, starts_on, ends_on)`,
    );
    await queryRunner.query(`ALTER TABLE nomination_steps ADD COLUMN committee jsonb`);
    await queryRunner.query(`
      CREATE TABLE nomination_votes (
        step_id uuid NOT NULL REFERENCES nomination_steps(id) ON DELETE CASCADE,
        member_user_id uuid NOT NULL REFERENCES users(id),
        on_behalf_of uuid REFERENCES users(id),
        vote text NOT NULL CHECK (vote IN ('approve', 'reject')),
        comment text,
        voted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (step_id, member_user_id)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        -- sha256 of method, path and body: the same key with another request is refused.
        request_hash text NOT NULL,
        status text NOT NULL DEFAULT 'in_flight' CHECK (status IN ('in_flight', 'done')),
        response_status int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TABLE nomination_votes`);
    await queryRunner.query(`ALTER TABLE nomination_steps DROP COLUMN committee`);
    await queryRunner.query(`DROP TABLE delegations`);
  }
}
