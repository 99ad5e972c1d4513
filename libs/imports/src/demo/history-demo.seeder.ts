import type { Seeder } from '@app/database';
import { COMPLIANCE_COUNTS_SQL, COUNTED_STAFF_SQL } from '@app/organization';
import type { EntityManager } from 'typeorm';
import { buildDemoHistory, HISTORY_YEARS } from './history-demo';

/**
 * Writes the demo's training history as an import would: participations marked imported
 * (a fact of the reports when completed, no fund touched) and one compliance snapshot per
 * unit at the end of each year 2012–2022, marked imported, rising towards today's figures.
 */
export async function writeDemoHistory(manager: EntityManager): Promise<number> {
  // People in service long enough: 23 or older in 2012, ordered so the choice is stable.
  const people: Array<{ id: string; birth: string }> = await manager.query(
    `SELECT id, birth_date::text AS birth FROM staff
      WHERE birth_date <= make_date($1::int - 23, 1, 1) ORDER BY code`,
    [HISTORY_YEARS.from],
  );
  if (!people.length) return 0;
  const rows = buildDemoHistory();
  const taken = new Set<string>();
  const kept = rows.filter((row) => {
    const person = people[row.person % people.length];
    const key = `${person.id}|${row.category}|${row.startsOn}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  const column = <K extends keyof (typeof kept)[number]>(key: K) => kept.map((row) => row[key]);
  await manager.query(
    `INSERT INTO imported_participations
       (staff_id, category, starts_on, ends_on, provider_name, overseas, cost, funding_source, completed)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[],
                          $6::boolean[], $7::bigint[], $8::text[], $9::boolean[])`,
    [
      kept.map((row) => people[row.person % people.length].id),
      column('category'),
      column('startsOn'),
      column('endsOn'),
      column('providerName'),
      column('overseas'),
      column('cost'),
      column('fundingSource'),
      column('completed'),
    ],
  );
  // Each measure from about half of today's share in 2012 up to today's in 2022.
  await manager.query(
    `WITH counted AS (
       SELECT u.id AS unit_id, u.tier_id, ${COMPLIANCE_COUNTS_SQL}
         FROM staff s JOIN units u ON u.id = s.unit_id
         LEFT JOIN positions p ON p.id = s.position_id
        WHERE ${COUNTED_STAFF_SQL}
        GROUP BY u.id, u.tier_id
     )
     INSERT INTO compliance_snapshots
       (taken_on, unit_id, tier_id, staff, with_position, meeting_standard, university,
        political_theory, source)
     SELECT make_date(y, 12, 31), unit_id, tier_id, total, with_position,
            floor(meeting * (0.5 + 0.05 * (y - $1)))::int,
            floor(university * (0.6 + 0.04 * (y - $1)))::int,
            floor(theory * (0.5 + 0.05 * (y - $1)))::int, 'imported'
       FROM counted, generate_series($1::int, $2::int) AS y`,
    [HISTORY_YEARS.from, HISTORY_YEARS.to],
  );
  return kept.length;
}

/**
 * The demo's history before the product (docs/demo-data.md), on top of the organization
 * demo. It only fills an empty history.
 */
export const historyDemoSeeder: Seeder = {
  name: 'history',
  async run(manager) {
    const [{ used }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM imported_participations) AS used`,
    );
    if (used) {
      console.warn('History demo data skipped: imported participations already exist');
      return;
    }
    await writeDemoHistory(manager);
  },
};
