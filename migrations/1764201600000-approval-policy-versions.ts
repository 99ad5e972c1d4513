import { MigrationInterface, QueryRunner } from 'typeorm';

const REVIEW_FINANCE_DECIDE =
  '[{"role":"board_reviewer","authority":"managing"},{"role":"finance","authority":"fund_owner"},{"role":"board_member","authority":"managing"}]';
// The seeded chains with finance gain the paying owner's Standing Committee when a fund of a
// higher tier than the nominee's managing authority pays 500 million VND or more.
const WITH_OWNER_COMMITTEE =
  '[{"role":"board_reviewer","authority":"managing"},{"role":"finance","authority":"fund_owner"},{"role":"board_member","authority":"managing"},{"role":"board_member","authority":"fund_owner","minFundAmount":"500000000","onlyHigherTier":true}]';

/**
 * Approval policies become administered data: a version number checked on every change, an
 * append-only history of full snapshots, and a condition on the tier of the paying fund's
 * owner.
 */
export class ApprovalPolicyVersions1764201600000 implements MigrationInterface {
  name = 'ApprovalPolicyVersions1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval_policies
        -- Matches when any paying fund's owner unit is in this tier.
        ADD COLUMN match_fund_owner_tier_id uuid REFERENCES tiers(id),
        ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()
    `);
    await queryRunner.query(`
      CREATE TABLE approval_policy_versions (
        policy_id uuid NOT NULL REFERENCES approval_policies(id),
        version int NOT NULL CHECK (version > 0),
        -- The whole policy as saved (conditions, steps, priority, active).
        snapshot jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, version)
      )
    `);
    await queryRunner.query(`
      CREATE TRIGGER approval_policy_versions_append_only
        BEFORE UPDATE OR DELETE ON approval_policy_versions
        FOR EACH ROW EXECUTE FUNCTION reject_append_only_change()
    `);
    // Only the seeded rows as seeded: a policy already changed in SQL is left as it is.
    await queryRunner.query(
      `UPDATE approval_policies SET steps = $1::jsonb
        WHERE priority IN (10, 20) AND steps = $2::jsonb`,
      [WITH_OWNER_COMMITTEE, REVIEW_FINANCE_DECIDE],
    );
    await queryRunner.query(`
      INSERT INTO approval_policy_versions (policy_id, version, snapshot, changed_at)
      SELECT id, 1,
             jsonb_build_object(
               'priority', priority, 'name', name, 'active', active,
               'matchAuthorityId', match_authority_id, 'matchTierId', match_tier_id,
               'matchFundOwnerTierId', match_fund_owner_tier_id,
               'matchCategories', to_jsonb(match_categories), 'matchOverseas', match_overseas,
               'matchMinCost', match_min_cost::text, 'steps', steps),
             created_at
        FROM approval_policies
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE approval_policy_versions`);
    await queryRunner.query(
      `UPDATE approval_policies SET steps = $1::jsonb WHERE priority IN (10, 20) AND steps = $2::jsonb`,
      [REVIEW_FINANCE_DECIDE, WITH_OWNER_COMMITTEE],
    );
    await queryRunner.query(`
      ALTER TABLE approval_policies
        DROP COLUMN updated_at,
        DROP COLUMN version,
        DROP COLUMN match_fund_owner_tier_id
    `);
  }
}
