import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports: when each step started waiting, a participation fact per approved nomination
 * (kept by a trigger, so the training summary aggregates one narrow table instead of
 * joining five), targets as data, and dated compliance snapshots for the trend.
 */
export class Reports1764154800000 implements MigrationInterface {
  name = 'Reports1764154800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE nomination_steps ADD COLUMN started_at timestamptz`);
    // Steps decided or waiting before this column existed: from the history.
    await queryRunner.query(`
      UPDATE nomination_steps st SET started_at = (
        SELECT max(h.occurred_at) FROM nomination_history h
         WHERE h.nomination_id = st.nomination_id
           AND (h.action = 'submit' OR (h.action = 'approve' AND h.step_position = st.position - 1))
           AND (st.acted_at IS NULL OR h.occurred_at <= st.acted_at))
       WHERE st.state <> 'pending'
          OR EXISTS (SELECT 1 FROM nominations n
                      WHERE n.id = st.nomination_id AND n.status = 'in_review' AND n.current_step = st.position)
    `);
    await queryRunner.query(
      `CREATE INDEX nomination_steps_acted_idx ON nomination_steps (acted_at) WHERE acted_at IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE training_participations (
        nomination_id uuid PRIMARY KEY REFERENCES nominations(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('approved', 'in_training', 'completed')),
        starts_on date NOT NULL,
        year smallint NOT NULL,
        category text NOT NULL,
        program_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        overseas boolean NOT NULL,
        staff_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        gender text NOT NULL,
        ethnic_minority boolean NOT NULL,
        -- Whole years at the intake's start.
        age smallint NOT NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX training_participations_period_idx ON training_participations (starts_on)`,
    );
    // Who the nominee was and what the training is, taken when the nomination is approved;
    // the status follows it; cancelled or failed nominations leave.
    await queryRunner.query(`
      CREATE FUNCTION record_training_participation() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`
      CREATE TRIGGER nominations_participation AFTER INSERT OR UPDATE OF status ON nominations
        FOR EACH ROW EXECUTE FUNCTION record_training_participation()
    `);
    await queryRunner.query(`
      INSERT INTO training_participations
        (nomination_id, status, starts_on, year, category, program_id, provider_id, overseas,
         staff_id, unit_id, authority_id, gender, ethnic_minority, age)
      SELECT n.id, n.status, i.starts_on, extract(year FROM i.starts_on)::smallint, p.category,
             p.id, p.provider_id, p.overseas, s.id, s.unit_id, s.authority_id, s.gender,
             s.ethnic_minority, extract(year FROM age(i.starts_on, s.birth_date))::smallint
        FROM nominations n
        JOIN intakes i ON i.id = n.intake_id
        JOIN programs p ON p.id = i.program_id
        JOIN staff s ON s.id = n.nominee_staff_id
       WHERE n.status IN ('approved', 'in_training', 'completed')
    `);

    await queryRunner.query(`
      CREATE TABLE training_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        -- participations: a count of participations in the period matching the filter;
        -- staff_share: the share (percent) of the active staff matching the population
        -- filter that meet the condition, counted as the staff are now.
        kind text NOT NULL CHECK (kind IN ('participations', 'staff_share')),
        period_from date NOT NULL,
        period_to date NOT NULL,
        target numeric(12, 2) NOT NULL CHECK (target > 0),
        filter jsonb NOT NULL DEFAULT '{}',
        -- "of which": a part of another target (e.g. doctors among new postgraduates).
        parent_id uuid REFERENCES training_targets(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_to >= period_from)
      )
    `);

    await queryRunner.query(`
      CREATE TABLE compliance_snapshots (
        taken_on date NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        tier_id uuid NOT NULL REFERENCES tiers(id),
        -- Active staff placed directly in the unit, and how many meet each measure.
        staff int NOT NULL,
        with_position int NOT NULL,
        meeting_standard int NOT NULL,
        university int NOT NULL,
        political_theory int NOT NULL,
        PRIMARY KEY (taken_on, unit_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE compliance_snapshots`);
    await queryRunner.query(`DROP TABLE training_targets`);
    await queryRunner.query(`DROP TRIGGER nominations_participation ON nominations`);
    await queryRunner.query(`DROP FUNCTION record_training_participation()`);
    await queryRunner.query(`DROP TABLE training_participations`);
    await queryRunner.query(`DROP INDEX nomination_steps_acted_idx`);
    await queryRunner.query(`ALTER TABLE nomination_steps DROP COLUMN started_at`);
  }
}
