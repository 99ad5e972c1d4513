import { MigrationInterface, QueryRunner } from 'typeorm';

/** Training providers, programs, intakes with seats and costs, and eligibility rules. */
export class Catalog1764129600000 implements MigrationInterface {
  name = 'Catalog1764129600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        -- ISO 3166-1 alpha-2, e.g. VN, NZ.
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        active boolean NOT NULL DEFAULT true
      )
    `);
    await queryRunner.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        category text NOT NULL CHECK (category IN (
          'political_theory_elementary', 'political_theory_intermediate', 'political_theory_advanced',
          'degree_university', 'degree_master', 'degree_doctor',
          'state_management', 'leadership_skills', 'knowledge_update',
          'foreign_language', 'information_technology', 'other')),
        provider_id uuid NOT NULL REFERENCES providers(id),
        overseas boolean NOT NULL DEFAULT false,
        mode text NOT NULL CHECK (mode IN ('full_time', 'in_service')),
        duration_months smallint NOT NULL CHECK (duration_months BETWEEN 0 AND 120),
        -- What completing it grants, on the scales of the position standards.
        grants_kind text CHECK (grants_kind IN ('education', 'political_theory', 'fostering', 'foreign_language')),
        grants_level smallint CHECK (grants_level BETWEEN 1 AND 6),
        active boolean NOT NULL DEFAULT true,
        CHECK ((grants_kind IS NULL) = (grants_level IS NULL))
      )
    `);
    await queryRunner.query(`
      CREATE TABLE intakes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        program_id uuid NOT NULL REFERENCES programs(id),
        -- The authority whose board reviewers may manage this intake (none: admins only).
        authority_id uuid REFERENCES management_authorities(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        location text NOT NULL,
        seats_total int NOT NULL CHECK (seats_total >= 0),
        -- Kept by the workflow under a row lock when nominations are approved or cancelled.
        seats_taken int NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
        nomination_opens_on date NOT NULL,
        nomination_closes_on date NOT NULL,
        cost_tuition bigint NOT NULL DEFAULT 0 CHECK (cost_tuition >= 0),
        cost_allowances bigint NOT NULL DEFAULT 0 CHECK (cost_allowances >= 0),
        cost_travel bigint NOT NULL DEFAULT 0 CHECK (cost_travel >= 0),
        cost_other bigint NOT NULL DEFAULT 0 CHECK (cost_other >= 0),
        allowed_sources text[] NOT NULL DEFAULT '{state_budget}'
          CHECK (allowed_sources <@ ARRAY['state_budget', 'sponsor', 'scholarship', 'other']::text[]
                 AND cardinality(allowed_sources) > 0),
        learner_share_percent smallint NOT NULL DEFAULT 0 CHECK (learner_share_percent BETWEEN 0 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK (nomination_closes_on >= nomination_opens_on),
        CHECK (nomination_closes_on <= starts_on),
        CHECK (seats_taken <= seats_total)
      )
    `);
    await queryRunner.query(`CREATE INDEX intakes_program_idx ON intakes (program_id, starts_on)`);
    await queryRunner.query(`
      CREATE TABLE intake_seat_quotas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        intake_id uuid NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
        tier_id uuid REFERENCES tiers(id),
        owner_unit_id uuid REFERENCES units(id),
        seats int NOT NULL CHECK (seats >= 0),
        seats_taken int NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= seats),
        CHECK ((tier_id IS NULL) <> (owner_unit_id IS NULL))
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX intake_seat_quotas_unique_idx ON intake_seat_quotas
        (intake_id, coalesce(tier_id, owner_unit_id))
    `);
    await queryRunner.query(`
      CREATE TABLE eligibility_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Neither: an organization-wide default. A program's rules of a kind replace the
        -- defaults of that kind; an intake's rules of a kind replace both.
        program_id uuid REFERENCES programs(id) ON DELETE CASCADE,
        intake_id uuid REFERENCES intakes(id) ON DELETE CASCADE,
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        -- A disabled rule switches its kind off at this level (and replaces the ones above).
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (program_id IS NULL OR intake_id IS NULL)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX eligibility_rules_program_idx ON eligibility_rules (program_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX eligibility_rules_intake_idx ON eligibility_rules (intake_id)`,
    );
    // The organization-wide defaults (docs/catalog.md); administrators change them like any rule.
    await queryRunner.query(`
      INSERT INTO eligibility_rules (kind, params) VALUES
        ('nomination_window_open', '{}'),
        ('not_already_qualified', '{}'),
        ('no_overlapping_full_time', '{}'),
        ('min_language_overseas', '{"level": 3}'),
        ('max_age', '{"years": 40, "firstPostgraduateOnly": true, "categories": ["degree_master", "degree_doctor"]}'),
        ('min_service_years', '{"years": 2, "categories": ["degree_master", "degree_doctor"]}'),
        ('prerequisite', '{"kind": "education", "level": 3, "categories": ["degree_master"]}'),
        ('prerequisite', '{"kind": "education", "level": 4, "categories": ["degree_doctor"]}'),
        ('prerequisite', '{"kind": "political_theory", "level": 2, "categories": ["political_theory_advanced"]}')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'eligibility_rules',
      'intake_seat_quotas',
      'intakes',
      'programs',
      'providers',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
