import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participations follow their intake: when an intake moves (or changes programme), its
 * participation facts take the new start date, year, nominee age and programme, so the
 * training summary and the participations list never keep the old date. And the catalog
 * reads, through a view, the fiscal years of the money its intakes' nominations draw on, so a
 * move into another year can be refused while a fund of the old year would pay.
 */
export class IntakeDates1764180000000 implements MigrationInterface {
  name = 'IntakeDates1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION follow_intake_dates() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE training_participations tp
           SET starts_on = NEW.starts_on,
               year = extract(year FROM NEW.starts_on)::smallint,
               age = extract(year FROM age(NEW.starts_on, s.birth_date))::smallint,
               category = p.category, program_id = p.id, provider_id = p.provider_id,
               overseas = p.overseas
          FROM nominations n, staff s, programs p
         WHERE n.intake_id = NEW.id AND tp.nomination_id = n.id
           AND s.id = tp.staff_id AND p.id = NEW.program_id;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER intakes_participation_dates AFTER UPDATE OF starts_on, program_id ON intakes
        FOR EACH ROW
        WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.program_id IS DISTINCT FROM NEW.program_id)
        EXECUTE FUNCTION follow_intake_dates()
    `);
    // Intakes moved before this trigger existed.
    await queryRunner.query(`
      UPDATE training_participations tp
         SET starts_on = i.starts_on,
             year = extract(year FROM i.starts_on)::smallint,
             age = extract(year FROM age(i.starts_on, s.birth_date))::smallint,
             category = p.category, program_id = p.id, provider_id = p.provider_id,
             overseas = p.overseas
        FROM nominations n, intakes i, staff s, programs p
       WHERE tp.nomination_id = n.id AND i.id = n.intake_id AND s.id = tp.staff_id
         AND p.id = i.program_id
         AND (tp.starts_on <> i.starts_on OR tp.program_id <> i.program_id)
    `);
    // Money an intake's nominations hold or ask for, by fund year: what is still reserved for
    // a decided nomination, and the cost lines of one in review (it would be reserved on
    // approval without another look at the year).
    await queryRunner.query(`
      CREATE VIEW intake_fund_commitments AS
        SELECT n.intake_id, n.id AS nomination_id, f.fiscal_year, 'reserved'::text AS kind
          FROM nominations n
          JOIN fund_ledger l ON l.nomination_id = n.id AND l.kind IN ('reservation', 'release')
          JOIN funds f ON f.id = l.fund_id
         GROUP BY n.intake_id, n.id, f.id, f.fiscal_year
        HAVING sum(l.amount) FILTER (WHERE l.kind = 'reservation')
               > coalesce(sum(l.amount) FILTER (WHERE l.kind = 'release'), 0)
        UNION ALL
        SELECT n.intake_id, n.id, f.fiscal_year, 'requested'
          FROM nominations n
          JOIN nomination_cost_lines c ON c.nomination_id = n.id
          JOIN funds f ON f.id = c.fund_id
         WHERE n.status = 'in_review'
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW intake_fund_commitments`);
    await queryRunner.query(`DROP TRIGGER intakes_participation_dates ON intakes`);
    await queryRunner.query(`DROP FUNCTION follow_intake_dates()`);
  }
}
