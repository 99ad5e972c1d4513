import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations: a user may exist without a password until they accept the one-time link
 * emailed to them. Only the sha256 of a token is stored; a new invitation revokes the
 * pending one, so at most one link of a user works at a time.
 */
export class UserInvitations1764205200000 implements MigrationInterface {
  name = 'UserInvitations1764205200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE user_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX user_invitations_pending_idx ON user_invitations (user_id)
        WHERE accepted_at IS NULL AND revoked_at IS NULL
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_invitations`);
    await queryRunner.query(`UPDATE users SET password_hash = '' WHERE password_hash IS NULL`);
    await queryRunner.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
