import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision as a document of its own: one number per decision, either for one nomination
 * (`single`) or for a meeting's list (`list`, "quyết định kèm danh sách") whose lines are
 * nominations. A nomination keeps its `decision_number` text and now points at the decision
 * and, on a list, its line. A copy of a withdrawn nomination names its predecessor.
 */
export class Decisions1764216000000 implements MigrationInterface {
  name = 'Decisions1764216000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        authority_id uuid NOT NULL REFERENCES management_authorities(id),
        year smallint NOT NULL,
        sequence int NOT NULL CHECK (sequence > 0),
        kind text NOT NULL CHECK (kind IN ('single', 'list')),
        decided_on date NOT NULL,
        meeting_date date,
        meeting_number text,
        -- How many lines a list has (under the row lock as lines are added); 0 for a single one.
        line_count int NOT NULL DEFAULT 0 CHECK (line_count >= 0),
        decided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (authority_id, year, sequence)
      )
    `);
    // How the authority issues a meeting's approvals when the request does not say.
    await queryRunner.query(`
      ALTER TABLE management_authorities
        ADD COLUMN decision_issue text NOT NULL DEFAULT 'separate'
          CHECK (decision_issue IN ('separate', 'one_list'))
    `);
    await queryRunner.query(`
      ALTER TABLE nominations
        ADD COLUMN decision_id uuid REFERENCES decisions(id),
        ADD COLUMN decision_line int CHECK (decision_line > 0),
        ADD COLUMN copied_from_id uuid REFERENCES nominations(id),
        ADD CONSTRAINT nominations_decision_line_once UNIQUE (decision_id, decision_line)
    `);
    // A number now belongs to the decision; on a list, many nominations carry it, a line each.
    await queryRunner.query(
      `ALTER TABLE nominations DROP CONSTRAINT nominations_decision_number_key`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX nominations_single_decision ON nominations (decision_id)
        WHERE decision_id IS NOT NULL AND decision_line IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX nominations_copied_from_idx ON nominations (copied_from_id) WHERE copied_from_id IS NOT NULL`,
    );
    // The decisions already numbered become single decisions, so every number has its document.
    await queryRunner.query(`
      INSERT INTO decisions (number, authority_id, year, sequence, kind, decided_on, line_count)
      SELECT n.decision_number,
             coalesce((SELECT st.authority_id FROM nomination_steps st
                        WHERE st.nomination_id = n.id AND st.authority_id IS NOT NULL
                        ORDER BY st.position DESC LIMIT 1), s.authority_id),
             split_part(n.decision_number, '/', 3)::smallint,
             split_part(n.decision_number, '/', 1)::int,
             'single',
             (coalesce(n.decided_at, n.updated_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
             0
        FROM nominations n JOIN staff s ON s.id = n.nominee_staff_id
       WHERE n.decision_number ~ '^[0-9]+/[^/]+/[0-9]{4}$'
      ON CONFLICT DO NOTHING
    `);
    await queryRunner.query(`
      UPDATE nominations n SET decision_id = d.id
        FROM decisions d WHERE d.number = n.decision_number
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX nominations_single_decision`);
    await queryRunner.query(`DROP INDEX nominations_copied_from_idx`);
    await queryRunner.query(
      `ALTER TABLE nominations ADD CONSTRAINT nominations_decision_number_key UNIQUE (decision_number)`,
    );
    await queryRunner.query(`
      ALTER TABLE nominations
        DROP CONSTRAINT nominations_decision_line_once,
        DROP COLUMN copied_from_id,
        DROP COLUMN decision_line,
        DROP COLUMN decision_id
    `);
    await queryRunner.query(`DROP TABLE decisions`);
    await queryRunner.query(`ALTER TABLE management_authorities DROP COLUMN decision_issue`);
  }
}
