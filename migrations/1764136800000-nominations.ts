import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nominations and their workflow: approval policies, the chain frozen on each nomination,
 * the cost split, append-only history, the outbox of domain events, and decision numbers.
 */
export class Nominations1764136800000 implements MigrationInterface {
  name = 'Nominations1764136800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE approval_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Policies are tried in this order; the first that matches gives the chain.
        priority int NOT NULL UNIQUE,
        name text NOT NULL,
        match_authority_id uuid REFERENCES management_authorities(id),
        match_tier_id uuid REFERENCES tiers(id),
        match_categories text[],
        match_overseas boolean,
        match_min_cost bigint CHECK (match_min_cost >= 0),
        -- [{ "role": "board_reviewer" | "board_member" | "finance",
        --    "authority": "managing" | "named" | "fund_owner", "authorityId"?: uuid }]
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE SEQUENCE nomination_reference_seq
    `);
    await queryRunner.query(`
      CREATE TABLE nominations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- DT-<year>-<6 digits>, for people and letters.
        reference text NOT NULL UNIQUE,
        nominee_staff_id uuid NOT NULL REFERENCES staff(id),
        intake_id uuid NOT NULL REFERENCES intakes(id),
        nominating_unit_id uuid NOT NULL REFERENCES units(id),
        nominator_user_id uuid NOT NULL REFERENCES users(id),
        target_group smallint NOT NULL CHECK (target_group BETWEEN 1 AND 3),
        justification text NOT NULL,
        estimated_cost bigint NOT NULL CHECK (estimated_cost >= 0),
        learner_share bigint NOT NULL DEFAULT 0 CHECK (learner_share >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (
          'draft', 'in_review', 'returned', 'approved', 'in_training',
          'completed', 'not_completed', 'rejected', 'withdrawn', 'cancelled')),
        -- 1-based position in the frozen chain while in review (or where it was returned).
        current_step int,
        -- The step that returned it, to resume there when nothing material changed.
        returned_at_step int,
        material_changed boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        decision_number text UNIQUE,
        decided_at timestamptz,
        actual_cost bigint CHECK (actual_cost >= 0),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX nominations_status_idx ON nominations (status, submitted_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX nominations_nominee_idx ON nominations (nominee_staff_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX nominations_intake_idx ON nominations (intake_id, status)`,
    );
    await queryRunner.query(
      `CREATE INDEX nominations_unit_idx ON nominations (nominating_unit_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE nomination_cost_lines (
        nomination_id uuid NOT NULL REFERENCES nominations(id) ON DELETE CASCADE,
        fund_id uuid NOT NULL REFERENCES funds(id),
        amount bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (nomination_id, fund_id)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX nomination_cost_lines_fund_idx ON nomination_cost_lines (fund_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE nomination_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nomination_id uuid NOT NULL REFERENCES nominations(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position > 0),
        role text NOT NULL CHECK (role IN ('board_reviewer', 'board_member', 'finance')),
        authority_id uuid REFERENCES management_authorities(id),
        -- For finance steps: the owner unit of the paying fund.
        unit_id uuid REFERENCES units(id),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'returned', 'rejected')),
        acted_by uuid REFERENCES users(id),
        on_behalf_of uuid REFERENCES users(id),
        acted_at timestamptz,
        comment text,
        UNIQUE (nomination_id, position),
        CHECK ((authority_id IS NULL) <> (unit_id IS NULL))
      )
    `);
    await queryRunner.query(`
      CREATE TABLE nomination_history (
        id bigserial PRIMARY KEY,
        nomination_id uuid NOT NULL REFERENCES nominations(id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        step_position int,
        actor_user_id uuid,
        on_behalf_of uuid,
        comment text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX nomination_history_nomination_idx ON nomination_history (nomination_id, id)`,
    );
    await queryRunner.query(`
      CREATE TRIGGER nomination_history_append_only BEFORE UPDATE OR DELETE ON nomination_history
        FOR EACH ROW EXECUTE FUNCTION reject_append_only_change()
    `);
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )
    `);
    await queryRunner.query(
      `CREATE INDEX outbox_events_pending_idx ON outbox_events (id) WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE decision_counters (
        authority_id uuid NOT NULL REFERENCES management_authorities(id),
        year smallint NOT NULL,
        last_number int NOT NULL DEFAULT 0,
        PRIMARY KEY (authority_id, year)
      )
    `);
    // What nominations in review would draw on each fund (read by the budget's check).
    await queryRunner.query(`
      CREATE OR REPLACE VIEW fund_pipeline AS
        SELECT l.fund_id, l.amount
          FROM nomination_cost_lines l JOIN nominations n ON n.id = l.nomination_id
         WHERE n.status = 'in_review'
    `);
    // The chains of the domain brief: the nominee's managing authority reviews (its
    // organization board), then decides (its Standing Committee); overseas programmes and
    // costs of 200 million VND or more also need finance of the paying fund's owner.
    await queryRunner.query(`
      INSERT INTO approval_policies (priority, name, match_overseas, match_min_cost, steps) VALUES
        (10, 'Overseas: board, finance, Standing Committee', true, NULL,
         '[{"role":"board_reviewer","authority":"managing"},{"role":"finance","authority":"fund_owner"},{"role":"board_member","authority":"managing"}]'),
        (20, 'High cost: board, finance, Standing Committee', NULL, 200000000,
         '[{"role":"board_reviewer","authority":"managing"},{"role":"finance","authority":"fund_owner"},{"role":"board_member","authority":"managing"}]'),
        (100, 'Default: organization board, then Standing Committee', NULL, NULL,
         '[{"role":"board_reviewer","authority":"managing"},{"role":"board_member","authority":"managing"}]')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW fund_pipeline AS SELECT NULL::uuid AS fund_id, 0::bigint AS amount WHERE false
    `);
    for (const table of [
      'decision_counters',
      'outbox_events',
      'nomination_history',
      'nomination_steps',
      'nomination_cost_lines',
      'nominations',
      'approval_policies',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE nomination_reference_seq`);
  }
}
