import { AccessTokenService } from '@app/access';
import { loadConfig } from '@app/config';
import { selectQueueBackend } from '@app/queue';
import { createApiApp } from '../apps/api/src/bootstrap';
import { demoSeeders } from '../apps/cli/src/demo/demo-seeders';
import { benchDatabase } from './support';

/**
 * The below-standard list over many staff: the demo organization, then copies of its staff
 * up to BENCH_STAFF (12,000 by default) with a third of them in a planning pool, and timed
 * requests through the real API — the JSON page and the whole CSV — where the unit head of a
 * district used to call the per-person endpoint once per person.
 * Run: `npm run bench -- standard-gaps`.
 */
async function main() {
  const wanted = Number(process.env.BENCH_STAFF ?? 12_000);
  const { dataSource, close } = await benchDatabase(10);
  try {
    await dataSource.transaction(async (manager) => {
      for (const seeder of demoSeeders) await seeder.run(manager);
    });
    const [admin] = await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name) VALUES ('bench@example.org', 'x', 'Bench') RETURNING id`,
    );
    await dataSource.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'admin')`, [
      admin.id,
    ]);
    let started = performance.now();
    // Copies of the demo staff, spread over their units, qualifications shifted so that some
    // fall short; then a third of everyone planned for a leadership post.
    await dataSource.query(
      `WITH base AS (SELECT s.*, row_number() OVER (ORDER BY code) AS k, count(*) OVER () AS n FROM staff s)
       INSERT INTO staff (code, full_name, search_name, birth_date, gender, ethnic_minority, unit_id,
                          position_id, civil_service_rank, education_level, education_field,
                          political_theory, fostering_rank, language_level, joined_service_on,
                          authority_id, employment_status)
       SELECT 'BENCH-' || g, b.full_name, b.search_name, b.birth_date, b.gender, b.ethnic_minority,
              b.unit_id, b.position_id, b.civil_service_rank,
              greatest(1, coalesce(b.education_level, 3) - g % 2), b.education_field,
              greatest(0, b.political_theory - g % 3), b.fostering_rank, b.language_level,
              b.joined_service_on, b.authority_id, b.employment_status
         FROM generate_series(1, greatest(0, $1::int - (SELECT count(*) FROM staff)::int)) g
         JOIN base b ON b.k = 1 + g % b.n`,
      [wanted],
    );
    await dataSource.query(
      `INSERT INTO planning_pool_entries (staff_id, position_id, period_from, period_to)
       SELECT s.id, (SELECT id FROM positions WHERE is_leadership ORDER BY code LIMIT 1), 2025, 2030
         FROM staff s WHERE abs(hashtext(s.code)) % 3 = 0
       ON CONFLICT DO NOTHING`,
    );
    await dataSource.query(`ANALYZE`);
    const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);
    const [{ staff }] = await dataSource.query(`SELECT count(*)::int AS staff FROM staff`);

    const url = new URL((dataSource.options as { url: string }).url);
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: 'bench',
    });
    selectQueueBackend(config);
    const api = await createApiApp(config);
    await api.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}/api/v1`;
    const tokens = api.get(AccessTokenService);
    const [unitHead] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'unit.head@demo.example.org'`,
    );
    const as = (userId: string) => ({ authorization: `Bearer ${tokens.sign(userId).accessToken}` });

    const scenarios: Array<[string, string, Record<string, string>]> = [
      ['admin, first page of 50', '/staff/standard-gaps?pageSize=50', as(admin.id)],
      ['admin, page 20', '/staff/standard-gaps?pageSize=50&page=20', as(admin.id)],
      ['admin, planned only', '/staff/standard-gaps?target=planned', as(admin.id)],
      ['unit head (district scope)', '/staff/standard-gaps?pageSize=50', as(unitHead.id)],
      ['admin, whole CSV', '/staff/standard-gaps?format=csv', as(admin.id)],
      ['unit head, whole CSV', '/staff/standard-gaps?format=csv', as(unitHead.id)],
    ];
    const results: Record<string, { p50: number; p95: number; lines: number }> = {};
    for (const [name, path, headers] of scenarios) {
      const times: number[] = [];
      let lines = 0;
      for (let i = 0; i < 11; i++) {
        started = performance.now();
        const response = await fetch(base + path, { headers });
        const text = await response.text();
        times.push(performance.now() - started);
        if (!response.ok) throw new Error(`${name}: ${response.status} ${text}`);
        lines = path.includes('format=csv')
          ? text.trim().split('\r\n').length - 1
          : (JSON.parse(text) as { total: number }).total;
      }
      times.sort((a, b) => a - b);
      results[name] = { p50: Math.round(times[5]), p95: Math.round(times[9]), lines };
    }
    await api.close();
    console.log(
      JSON.stringify({ staff, loadSeconds: Number(loadSeconds), milliseconds: results }, null, 2),
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
