import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization (tiers, units, management authorities, positions and their standards,
 * staff and planning pools), users with role/scope assignments and refresh tokens, and the
 * append-only audit trail.
 */
export class Organization1764126000000 implements MigrationInterface {
  name = 'Organization1764126000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        -- 1 is the top tier (city / province); higher numbers are lower tiers.
        level int NOT NULL UNIQUE CHECK (level > 0)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        tier_id uuid NOT NULL REFERENCES tiers(id),
        kind text NOT NULL,
        parent_id uuid REFERENCES units(id),
        -- Materialized path of ids from the root, '/<root>/.../<self>/': subtree = LIKE path || '%'.
        path text NOT NULL UNIQUE,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )
    `);
    await queryRunner.query(`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX units_parent_idx ON units (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE unit_placements (
        id bigserial PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES units(id),
        parent_id uuid REFERENCES units(id),
        tier_id uuid NOT NULL REFERENCES tiers(id),
        valid_from timestamptz NOT NULL DEFAULT now(),
        valid_to timestamptz,
        changed_by uuid
      )
    `);
    await queryRunner.query(
      `CREATE INDEX unit_placements_unit_idx ON unit_placements (unit_id, valid_from)`,
    );
    await queryRunner.query(`
      CREATE TABLE management_authorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        -- The unit the authority sits in (e.g. the district party committee).
        unit_id uuid NOT NULL REFERENCES units(id),
        active boolean NOT NULL DEFAULT true
      )
    `);
    await queryRunner.query(`
      CREATE TABLE positions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        is_leadership boolean NOT NULL DEFAULT false,
        min_education smallint CHECK (min_education BETWEEN 1 AND 5),
        min_political_theory smallint CHECK (min_political_theory BETWEEN 1 AND 3),
        min_fostering_rank smallint CHECK (min_fostering_rank BETWEEN 1 AND 3),
        min_language_level smallint CHECK (min_language_level BETWEEN 1 AND 6),
        active boolean NOT NULL DEFAULT true
      )
    `);
    await queryRunner.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        full_name text NOT NULL,
        -- Lower case without diacritics, for diacritic-insensitive search.
        search_name text NOT NULL,
        birth_date date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male')),
        ethnic_minority boolean NOT NULL DEFAULT false,
        unit_id uuid NOT NULL REFERENCES units(id),
        position_id uuid REFERENCES positions(id),
        civil_service_rank smallint CHECK (civil_service_rank BETWEEN 1 AND 4),
        education_level smallint CHECK (education_level BETWEEN 1 AND 5),
        education_field text,
        political_theory smallint NOT NULL DEFAULT 0 CHECK (political_theory BETWEEN 0 AND 3),
        fostering_rank smallint CHECK (fostering_rank BETWEEN 1 AND 3),
        language_level smallint CHECK (language_level BETWEEN 1 AND 6),
        joined_service_on date,
        authority_id uuid NOT NULL REFERENCES management_authorities(id),
        employment_status text NOT NULL DEFAULT 'active'
          CHECK (employment_status IN ('active', 'on_leave', 'retired', 'transferred', 'dismissed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX staff_search_name_idx ON staff USING gin (search_name gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX staff_unit_idx ON staff (unit_id)`);
    await queryRunner.query(`CREATE INDEX staff_authority_idx ON staff (authority_id)`);
    await queryRunner.query(`CREATE INDEX staff_position_idx ON staff (position_id)`);
    await queryRunner.query(`
      CREATE TABLE planning_pool_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        position_id uuid NOT NULL REFERENCES positions(id),
        period_from smallint NOT NULL,
        period_to smallint NOT NULL,
        CHECK (period_to >= period_from),
        UNIQUE (staff_id, position_id, period_from)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        staff_id uuid UNIQUE REFERENCES staff(id),
        locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE role_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL
          CHECK (role IN ('admin', 'unit_head', 'board_reviewer', 'board_member', 'finance', 'staff')),
        -- Exactly one scope: everything (admin), a unit subtree, or a management authority.
        unit_id uuid REFERENCES units(id),
        authority_id uuid REFERENCES management_authorities(id),
        CHECK (
          (role IN ('admin', 'staff') AND unit_id IS NULL AND authority_id IS NULL)
          OR (role IN ('unit_head', 'finance') AND unit_id IS NOT NULL AND authority_id IS NULL)
          OR (role IN ('board_reviewer', 'board_member') AND (unit_id IS NULL) <> (authority_id IS NULL))
        )
      )
    `);
    await queryRunner.query(`CREATE INDEX role_assignments_user_idx ON role_assignments (user_id)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX role_assignments_unique_idx ON role_assignments
        (user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'),
         coalesce(authority_id, '00000000-0000-0000-0000-000000000000'))
    `);
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- Tokens of one login share a family; reusing a rotated token revokes the family.
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        request_id text,
        entity text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before jsonb,
        after jsonb
      )
    `);
    await queryRunner.query(
      `CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only
        BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION reject_audit_change()
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate
        BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_change()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'refresh_tokens',
      'role_assignments',
      'users',
      'planning_pool_entries',
      'staff',
      'positions',
      'management_authorities',
      'unit_placements',
      'units',
      'tiers',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION reject_audit_change()`);
  }
}
