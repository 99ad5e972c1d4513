import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training history from before the product: completed (or not completed) participations and
 * compliance figures imported from the organization's spreadsheets. Imported participations
 * have a table of their own (what the file said: cost, money source, outcome) and, when
 * completed, a fact in `training_participations` marked `source = 'imported'`, kept by a
 * trigger like the nominations' facts, so every report reads one fact table. Imported
 * compliance figures are snapshot rows marked `source = 'imported'`.
 */
export class TrainingHistory1764212400000 implements MigrationInterface {
  name = 'TrainingHistory1764212400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE imported_participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff(id),
        category text NOT NULL,
        program_id uuid REFERENCES programs(id),
        -- A provider of the catalog, or only the name the file gave.
        provider_id uuid REFERENCES providers(id),
        provider_name text,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        overseas boolean NOT NULL DEFAULT false,
        -- Whole VND; never moves a fund's balance (past years).
        cost bigint CHECK (cost >= 0),
        fund_id uuid REFERENCES funds(id),
        funding_source text CHECK (funding_source IN ('state_budget', 'sponsor', 'scholarship', 'other')),
        completed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        -- The natural key a re-import matches rows on.
        UNIQUE (staff_id, category, starts_on)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX imported_participations_period_idx ON imported_participations (starts_on)`,
    );

    // Facts get an id of their own: the nomination's, or the imported participation's.
    await queryRunner.query(`ALTER TABLE training_participations ADD COLUMN id uuid`);
    await queryRunner.query(`UPDATE training_participations SET id = nomination_id`);
    await queryRunner.query(`
      ALTER TABLE training_participations
        ALTER COLUMN id SET NOT NULL,
        DROP CONSTRAINT training_participations_pkey,
        ADD PRIMARY KEY (id),
        ALTER COLUMN nomination_id DROP NOT NULL,
        ADD CONSTRAINT training_participations_nomination_key UNIQUE (nomination_id),
        ADD COLUMN source text NOT NULL DEFAULT 'workflow' CHECK (source IN ('workflow', 'imported')),
        ALTER COLUMN program_id DROP NOT NULL,
        ALTER COLUMN provider_id DROP NOT NULL,
        ADD COLUMN provider_name text,
        ADD CONSTRAINT training_participations_nomination_source
          CHECK ((source = 'workflow') = (nomination_id IS NOT NULL))
    `);
    await queryRunner.query(
      `CREATE INDEX training_participations_page_idx ON training_participations (starts_on, id)`,
    );
    await queryRunner.query(`DROP INDEX training_participations_list_idx`);

    // The nominations' trigger, now also writing the fact's id.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_training_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('approved', 'in_training', 'completed') THEN
          INSERT INTO training_participations
            (id, nomination_id, status, starts_on, year, category, program_id, provider_id,
             overseas, staff_id, unit_id, authority_id, gender, ethnic_minority, age)
          SELECT NEW.id, NEW.id, NEW.status, i.starts_on, extract(year FROM i.starts_on)::smallint,
                 p.category, p.id, p.provider_id, p.overseas, s.id, s.unit_id, s.authority_id,
                 s.gender, s.ethnic_minority,
                 extract(year FROM age(i.starts_on, s.birth_date))::smallint
            FROM intakes i
            JOIN programs p ON p.id = i.program_id
            JOIN staff s ON s.id = NEW.nominee_staff_id
           WHERE i.id = NEW.intake_id
          ON CONFLICT (nomination_id) DO UPDATE SET status = EXCLUDED.status;
        ELSIF TG_OP = 'UPDATE' AND OLD.status IN ('approved', 'in_training', 'completed') THEN
          DELETE FROM training_participations WHERE nomination_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$
    `);

    // An imported participation completed is a fact; one not completed is not (as a failed
    // nomination is not). The person is taken as the staff record is at import.
    await queryRunner.query(`
      CREATE FUNCTION record_imported_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM training_participations WHERE id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.completed THEN
          INSERT INTO training_participations
            (id, source, status, starts_on, year, category, program_id, provider_id,
             provider_name, overseas, staff_id, unit_id, authority_id, gender, ethnic_minority, age)
          SELECT NEW.id, 'imported', 'completed', NEW.starts_on,
                 extract(year FROM NEW.starts_on)::smallint, NEW.category, NEW.program_id,
                 NEW.provider_id, NEW.provider_name, NEW.overseas, s.id, s.unit_id,
                 s.authority_id, s.gender, s.ethnic_minority,
                 extract(year FROM age(NEW.starts_on, s.birth_date))::smallint
            FROM staff s WHERE s.id = NEW.staff_id;
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER imported_participations_fact AFTER INSERT OR UPDATE OR DELETE
        ON imported_participations FOR EACH ROW EXECUTE FUNCTION record_imported_participation()
    `);

    await queryRunner.query(`
      ALTER TABLE compliance_snapshots
        ADD COLUMN source text NOT NULL DEFAULT 'computed' CHECK (source IN ('computed', 'imported'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM compliance_snapshots WHERE source = 'imported'`);
    await queryRunner.query(`ALTER TABLE compliance_snapshots DROP COLUMN source`);
    await queryRunner.query(`DROP TRIGGER imported_participations_fact ON imported_participations`);
    await queryRunner.query(`DROP FUNCTION record_imported_participation()`);
    await queryRunner.query(`DELETE FROM training_participations WHERE source = 'imported'`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_training_participation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('approved', 'in_training', 'completed') THEN
          INSERT INTO training_participations
            (nomination_id, status, starts_on, year, category, program_id, provider_id, overseas,
             staff_id, unit_id, authority_id, gender, ethnic_minority, age)
          SELECT NEW.id, NEW.status, i.starts_on, extract(year FROM i.starts_on)::smallint,
                 p.category, p.id, p.provider_id, p.overseas, s.id, s.unit_id, s.authority_id,
                 s.gender, s.ethnic_minority,
                 extract(year FROM age(i.starts_on, s.birth_date))::smallint
            FROM intakes i
            JOIN programs p ON p.id = i.program_id
            JOIN staff s ON s.id = NEW.nominee_staff_id
           WHERE i.id = NEW.intake_id
          ON CONFLICT (nomination_id) DO UPDATE SET status = EXCLUDED.status;
        ELSIF TG_OP = 'UPDATE' AND OLD.status IN ('approved', 'in_training', 'completed') THEN
          DELETE FROM training_participations WHERE nomination_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(
      `CREATE INDEX training_participations_list_idx ON training_participations (starts_on, nomination_id)`,
    );
    await queryRunner.query(`DROP INDEX training_participations_page_idx`);
    await queryRunner.query(`
      ALTER TABLE training_participations
        DROP CONSTRAINT training_participations_nomination_source,
        DROP COLUMN provider_name,
        DROP COLUMN source,
        ALTER COLUMN program_id SET NOT NULL,
        ALTER COLUMN provider_id SET NOT NULL,
        DROP CONSTRAINT training_participations_nomination_key,
        DROP CONSTRAINT training_participations_pkey,
        ALTER COLUMN nomination_id SET NOT NULL,
        ADD PRIMARY KEY (nomination_id),
        DROP COLUMN id
    `);
    await queryRunner.query(`DROP TABLE imported_participations`);
  }
}
