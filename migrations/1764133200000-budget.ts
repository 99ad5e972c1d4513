import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training funds with balances kept beside an append-only ledger, and threshold events.
 * A `stop` fund can never go below zero: the CHECK holds whatever code runs.
 */
export class Budget1764133200000 implements MigrationInterface {
  name = 'Budget1764133200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE funds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        owner_unit_id uuid NOT NULL REFERENCES units(id),
        source text NOT NULL CHECK (source IN ('state_budget', 'sponsor', 'scholarship', 'other')),
        policy text NOT NULL DEFAULT 'stop' CHECK (policy IN ('stop', 'warn')),
        -- Utilization percentages that raise an event when crossed upward.
        thresholds smallint[] NOT NULL DEFAULT '{80,95}'
          CHECK (1 <= ALL (thresholds) AND 100 >= ALL (thresholds)),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        -- Balances, moved only together with a ledger entry, in the same transaction.
        allocated bigint NOT NULL DEFAULT 0 CHECK (allocated >= 0),
        reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        spent bigint NOT NULL DEFAULT 0 CHECK (spent >= 0),
        available bigint GENERATED ALWAYS AS (allocated - reserved - spent) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT funds_stop_never_negative CHECK (policy <> 'stop' OR allocated - reserved - spent >= 0)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX funds_year_owner_idx ON funds (fiscal_year, owner_unit_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE fund_ledger (
        id bigserial PRIMARY KEY,
        fund_id uuid NOT NULL REFERENCES funds(id),
        kind text NOT NULL CHECK (kind IN ('allocation', 'adjustment', 'reservation', 'release', 'spend')),
        -- Whole VND. Only adjustments may be negative; nothing is zero.
        amount bigint NOT NULL CHECK (amount <> 0 AND (kind = 'adjustment' OR amount > 0)),
        nomination_id uuid,
        actor_user_id uuid,
        comment text,
        -- Set when finance allowed a commitment beyond a 'warn' fund's money.
        override_reason text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind NOT IN ('reservation', 'release', 'spend') OR nomination_id IS NOT NULL),
        CHECK (kind <> 'adjustment' OR comment IS NOT NULL)
      )
    `);
    await queryRunner.query(`CREATE INDEX fund_ledger_fund_idx ON fund_ledger (fund_id, id)`);
    await queryRunner.query(
      `CREATE INDEX fund_ledger_nomination_idx ON fund_ledger (nomination_id)`,
    );
    // A retried approval cannot book the same nomination twice on one fund.
    await queryRunner.query(`
      CREATE UNIQUE INDEX fund_ledger_one_reservation_idx ON fund_ledger (fund_id, nomination_id)
        WHERE kind = 'reservation'
    `);
    await queryRunner.query(`
      CREATE FUNCTION reject_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER fund_ledger_append_only BEFORE UPDATE OR DELETE ON fund_ledger
        FOR EACH ROW EXECUTE FUNCTION reject_append_only_change()
    `);
    await queryRunner.query(`
      CREATE TRIGGER fund_ledger_no_truncate BEFORE TRUNCATE ON fund_ledger
        FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change()
    `);
    await queryRunner.query(`
      CREATE TABLE fund_threshold_events (
        id bigserial PRIMARY KEY,
        fund_id uuid NOT NULL REFERENCES funds(id),
        threshold smallint NOT NULL,
        utilization_basis_points int NOT NULL,
        nomination_id uuid,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (fund_id, threshold)
      )
    `);
    // What nominations under review would draw on each fund. The workflow's migration
    // replaces this empty definition with one over its cost lines; the budget reads only
    // the view, so neither context reaches into the other's tables.
    await queryRunner.query(`
      CREATE VIEW fund_pipeline AS
        SELECT NULL::uuid AS fund_id, 0::bigint AS amount WHERE false
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW fund_pipeline`);
    await queryRunner.query(`DROP TABLE fund_threshold_events`);
    await queryRunner.query(`DROP TABLE fund_ledger`);
    await queryRunner.query(`DROP FUNCTION reject_append_only_change()`);
    await queryRunner.query(`DROP TABLE funds`);
  }
}
