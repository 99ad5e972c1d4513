import { AccessTokenService } from '@app/access';
import { loadConfig } from '@app/config';
import { selectQueueBackend } from '@app/queue';
import { createApiApp } from '../apps/api/src/bootstrap';
import { demoSeeders } from '../apps/cli/src/demo/demo-seeders';
import { benchDatabase } from './support';

/**
 * The nomination list on a million nominations: the demo organization and catalog, then
 * 1,000,000 nominations spread over its staff, intakes, statuses and two years, and timed
 * requests through the real API (HTTP, auth, scope filter, paging, total count).
 * Run: `npm run bench -- nominations-list` (BENCH_NOMINATIONS to change the count).
 */
async function main() {
  const total = Number(process.env.BENCH_NOMINATIONS ?? 1_000_000);
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
    // A person holds one active nomination per intake: a later active one of the same person
    // and intake ends as the workflow would end it (withdrawn, or cancelled once approved).
    await dataSource.query(
      `WITH st AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(unit_id ORDER BY code) AS units, count(*)::int AS n FROM staff),
            it AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM intakes),
            drawn AS (
              SELECT g, st.ids[1 + (g::bigint * 7919) % st.n] AS staff_id, it.ids[1 + g % it.n] AS intake_id,
                     st.units[1 + (g::bigint * 7919) % st.n] AS unit_id,
                     (ARRAY['draft','in_review','in_review','approved','completed','rejected','withdrawn'])[1 + g % 7] AS status
                FROM generate_series(1, $2::int) g, st, it),
            ranked AS (
              SELECT d.*, status IN ('draft', 'in_review', 'approved')
                            AND row_number() OVER (PARTITION BY staff_id, intake_id,
                                                   status IN ('draft', 'in_review', 'approved')
                                                   ORDER BY g) > 1 AS later
                FROM drawn d)
       INSERT INTO nominations (reference, nominee_staff_id, intake_id, nominating_unit_id, nominator_user_id,
                                target_group, justification, estimated_cost, status, current_step,
                                created_at, submitted_at)
       SELECT 'DT-B-' || lpad(g::text, 7, '0'), staff_id, intake_id, unit_id, $1,
              1 + g % 3, 'Đề xuất cử đi đào tạo', 40500000,
              CASE WHEN NOT later THEN status WHEN status = 'approved' THEN 'cancelled' ELSE 'withdrawn' END,
              CASE WHEN g % 7 IN (1, 2) AND NOT later THEN 1 END,
              now() - (g::bigint * 63 || ' seconds')::interval, now() - (g::bigint * 63 - 3600 || ' seconds')::interval
         FROM ranked`,
      [admin.id, total],
    );
    // The first step of each nomination in review: its organization board.
    await dataSource.query(
      `INSERT INTO nomination_steps (nomination_id, position, role, authority_id)
       SELECT n.id, 1, 'board_reviewer', s.authority_id
         FROM nominations n JOIN staff s ON s.id = n.nominee_staff_id
        WHERE n.status = 'in_review'`,
    );
    await dataSource.query(`ANALYZE`);
    const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);

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
    const [reviewer] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'reviewer@demo.example.org'`,
    );
    const [district] = await dataSource.query(`SELECT id FROM units WHERE code = 'CT.NK'`);
    const as = (userId: string) => ({ authorization: `Bearer ${tokens.sign(userId).accessToken}` });

    const scenarios: Array<[string, string, Record<string, string>]> = [
      ['admin, first page', '/nominations?pageSize=50', as(admin.id)],
      ['admin, page 200', '/nominations?pageSize=50&page=200', as(admin.id)],
      ['admin, in review', '/nominations?status=in_review&pageSize=50', as(admin.id)],
      [
        'admin, one district subtree',
        `/nominations?unitId=${district.id}&pageSize=50`,
        as(admin.id),
      ],
      ['unit head (district scope)', '/nominations?pageSize=50', as(unitHead.id)],
      ['board reviewer, awaiting=me', '/nominations?awaiting=me&pageSize=50', as(reviewer.id)],
    ];
    const results: Record<string, { p50: number; p95: number; total: number }> = {};
    for (const [name, path, headers] of scenarios) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 15; i++) {
        started = performance.now();
        const response = await fetch(base + path, { headers });
        const body = (await response.json()) as { total: number };
        times.push(performance.now() - started);
        if (!response.ok) throw new Error(`${name}: ${response.status} ${JSON.stringify(body)}`);
        count = body.total;
      }
      times.sort((a, b) => a - b);
      results[name] = { p50: Math.round(times[7]), p95: Math.round(times[13]), total: count };
    }
    await api.close();
    console.log(
      JSON.stringify(
        { nominations: total, loadSeconds: Number(loadSeconds), milliseconds: results },
        null,
        2,
      ),
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
