import { AccessTokenService } from '@app/access';
import { organizationToday } from '@app/common';
import { loadConfig } from '@app/config';
import { buildDataSourceOptions, runMigrations, WorkContexts } from '@app/database';
import { schema } from '@app/schema';
import { selectQueueBackend } from '@app/queue';
import { ComplianceSnapshotsService } from '@app/reports';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { demoSeeders } from '../apps/cli/src/demo/demo-seeders';
import { benchDatabase } from './support';

/**
 * Every report on a million nominations: the demo organization, catalog and funds, then
 * programmes of every category with two intakes a year over eleven years, 1,000,000
 * nominations over the demo staff in every status (participations made by the trigger),
 * their approval steps and history, ten years of funds, daily compliance snapshots and a few
 * targets; then timed requests through the real API (HTTP, token, scope, SQL, rendering)
 * for an administrator and a district unit head, in JSON and as CSV/XLSX exports.
 *
 * Run: `npm run bench -- reports`. BENCH_NOMINATIONS (default 1000000),
 * BENCH_SNAPSHOT_DAYS (default 1096), BENCH_RUNS (timed runs per request, default 7);
 * BENCH_KEEP_DATABASE=1 keeps the database afterwards (its name is printed) for EXPLAIN;
 * BENCH_REUSE_DATABASE=<name> measures a kept one again (after new migrations) without
 * loading anything; BENCH_ONLY=<report>,… measures only those reports.
 */
async function main() {
  const total = Number(process.env.BENCH_NOMINATIONS ?? 1_000_000);
  const snapshotDays = Number(process.env.BENCH_SNAPSHOT_DAYS ?? 1096);
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  const reuse = process.env.BENCH_REUSE_DATABASE;
  const today = organizationToday();
  const year = Number(today.slice(0, 4));
  const firstYear = year - 10;

  const { dataSource, close } = reuse ? await existingDatabase(reuse) : await benchDatabase(10);
  const url = new URL((dataSource.options as { url: string }).url);
  let api: Awaited<ReturnType<typeof createApiApp>> | undefined;
  try {
    const phases: Record<string, number> = {};
    const loadStarted = performance.now();
    if (!reuse) await load(dataSource, { total, firstYear, year }, phases);
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: 'bench',
    });
    selectQueueBackend(config);
    api = await createApiApp(config);
    await api.listen({ host: '127.0.0.1', port: 0 });

    if (!reuse) {
      // Today's snapshot by the daily job's own code; the earlier days from it, with fewer
      // staff meeting each measure the further back, and a day missed now and then.
      const started = performance.now();
      await api.get(ComplianceSnapshotsService).take(api.get(WorkContexts).forSystem(), today);
      await dataSource.query(
        `INSERT INTO compliance_snapshots (taken_on, unit_id, tier_id, staff, with_position,
                                           meeting_standard, university, political_theory)
         SELECT c.taken_on - d, c.unit_id, c.tier_id, f.staff, f.with_position,
                least(f.with_position, round(c.meeting_standard * f.scale * (1 - 0.08 * f.x))),
                least(f.staff, round(c.university * f.scale * (1 - 0.2 * f.x))),
                least(f.staff, round(c.political_theory * f.scale * (1 - 0.1 * f.x)))
           FROM compliance_snapshots c, generate_series(1, $1::int - 1) d,
                LATERAL (SELECT d::numeric / $1 AS x, 1 - 0.1 * d::numeric / $1 AS scale) s,
                LATERAL (SELECT s.x, s.scale, greatest(1, round(c.staff * s.scale))::int AS staff,
                                least(greatest(1, round(c.staff * s.scale)), round(c.with_position * s.scale))::int
                                  AS with_position) f
          WHERE d % 97 <> 0`,
        [snapshotDays],
      );
      await dataSource.query(`VACUUM ANALYZE compliance_snapshots`);
      phases['compliance snapshots'] = Math.round((performance.now() - started) / 100) / 10;
    }
    const loadSeconds = reuse ? null : Math.round((performance.now() - loadStarted) / 1000);

    const [dataset] = await dataSource.query(
      `SELECT (SELECT count(*) FROM nominations)::int AS nominations,
              (SELECT count(*) FROM training_participations)::int AS participations,
              (SELECT count(*) FROM nomination_steps)::int AS steps,
              (SELECT count(*) FROM nomination_steps WHERE acted_at IS NOT NULL)::int AS "decidedSteps",
              (SELECT count(*) FROM nomination_history)::int AS history,
              (SELECT count(*) FROM nominations WHERE status = 'in_review')::int AS "inReview",
              (SELECT count(*) FROM compliance_snapshots)::int AS snapshots,
              (SELECT count(DISTINCT taken_on) FROM compliance_snapshots)::int AS "snapshotDays",
              (SELECT count(*) FROM staff)::int AS staff,
              (SELECT count(*) FROM units)::int AS units,
              (SELECT count(*) FROM intakes)::int AS intakes,
              (SELECT count(*) FROM programs)::int AS programmes,
              (SELECT count(*) FROM funds)::int AS funds,
              (SELECT count(*) FROM training_targets)::int AS targets,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n
                 FROM nominations GROUP BY status ORDER BY 2 DESC) s) AS statuses,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    console.log(JSON.stringify({ dataset, loadSeconds, phaseSeconds: phases, today }, null, 2));

    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}/api/v1`;
    const tokens = api.get(AccessTokenService);
    const [admin] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'bench@example.org'`,
    );
    const [unitHead] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'unit.head@demo.example.org'`,
    );
    const [district] = await dataSource.query(`SELECT id FROM units WHERE code = 'CT.NK'`);
    const as = (userId: string) => `Bearer ${tokens.sign(userId).accessToken}`;
    const adminAuth = as(admin.id);
    const headAuth = as(unitHead.id);

    const lastYear = `from=${year - 1}-01-01&to=${year - 1}-12-31`;
    const fiveYears = `from=${year - 5}-01-01&to=${year - 1}-12-31`;
    const allTime = `from=${firstYear}-01-01&to=${year + 1}-12-31`;
    const xlsx = 'format=xlsx';
    const csv = 'format=csv';
    type Scenario = [report: string, who: string, path: string, auth: string];
    /** One report's requests: who asks, with which query string, as whom. */
    const of = (report: string, path: string, asked: Array<[string, string, string]>) =>
      asked.map(([who, query, auth]): Scenario => [
        report,
        who,
        query ? `${path}?${query}` : path,
        auth,
      ]);
    const years = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
    const atLastYear = `at=${year - 1}-06-30`;
    const tenYears = `from=${shift(today, -3650)}&to=${today}`;
    const sinceFirst = `from=${firstYear - 1}-01-01&to=${today}`;
    const scenarios: Scenario[] = [
      ...of('training-summary', '/reports/training-summary', [
        ['admin, this year (default)', '', adminAuth],
        [`admin, ${year - 1}`, lastYear, adminAuth],
        [`admin, ${years(year - 5, year - 1)}`, fiveYears, adminAuth],
        [`admin, all ${years(firstYear, year + 1)}`, allTime, adminAuth],
        ['admin, all, status=completed', `${allTime}&status=completed`, adminAuth],
        ['admin, all, unitId=district', `${allTime}&unitId=${district.id}`, adminAuth],
        [`unit head, ${year - 1}`, lastYear, headAuth],
        [`unit head, ${years(year - 5, year - 1)}`, fiveYears, headAuth],
        ['unit head, all', allTime, headAuth],
        ['admin, all, CSV by-category', `${allTime}&${csv}`, adminAuth],
        ['admin, all, CSV by-provider', `${allTime}&${csv}&table=by-provider`, adminAuth],
        ['admin, all, XLSX (6 sheets)', `${allTime}&${xlsx}`, adminAuth],
        ['unit head, all, XLSX', `${allTime}&${xlsx}`, headAuth],
      ]),
      ...of('training-headline', '/reports/training-headline', [
        [`admin, ${year - 1}`, lastYear, adminAuth],
        [`admin, ${years(year - 5, year - 1)}`, fiveYears, adminAuth],
        ['admin, all', allTime, adminAuth],
        ['unit head, all', allTime, headAuth],
        ['admin, all, XLSX', `${allTime}&${xlsx}`, adminAuth],
      ]),
      // The list behind the summary: JSON is the count and 50 lines, the exports every line.
      ...of('participations', '/reports/participations', [
        [`admin, ${year - 1}, JSON`, lastYear, adminAuth],
        ['admin, all, JSON', allTime, adminAuth],
        ['unit head, all, JSON', allTime, headAuth],
        [`admin, ${year - 1}, CSV`, `${lastYear}&${csv}`, adminAuth],
        [`admin, ${year - 1}, XLSX`, `${lastYear}&${xlsx}`, adminAuth],
        ['unit head, all, CSV', `${allTime}&${csv}`, headAuth],
        ['admin, all, CSV', `${allTime}&${csv}`, adminAuth],
      ]),
      ...of('targets', '/reports/targets', [
        ['admin, today', '', adminAuth],
        ['admin, unitId=district', `unitId=${district.id}`, adminAuth],
        ['unit head, today', '', headAuth],
        ['admin, XLSX', xlsx, adminAuth],
      ]),
      ...of('compliance', '/reports/compliance', [
        ['admin, live, by tier', '', adminAuth],
        ['admin, live, by unit', 'groupBy=unit', adminAuth],
        ['unit head, live, by unit', 'groupBy=unit', headAuth],
        [`admin, ${atLastYear}`, atLastYear, adminAuth],
        ['admin, at, by unit', `${atLastYear}&groupBy=unit`, adminAuth],
        ['unit head, at', atLastYear, headAuth],
        ['admin, at, XLSX', `${atLastYear}&${xlsx}`, adminAuth],
      ]),
      ...of('compliance/trend', '/reports/compliance/trend', [
        ['admin, last year (weekly)', '', adminAuth],
        ['admin, 200 days, daily', `from=${shift(today, -199)}&to=${today}&every=day`, adminAuth],
        ['admin, ten years (auto)', tenYears, adminAuth],
        ['unit head, last year', '', headAuth],
        ['unit head, ten years', tenYears, headAuth],
        ['admin, ten years, XLSX', `${tenYears}&${xlsx}`, adminAuth],
      ]),
      ...of('budget-usage', '/reports/budget-usage', [
        ['admin, all years', '', adminAuth],
        [`admin, year=${year - 1}`, `year=${year - 1}`, adminAuth],
        [
          `admin, ${years(year - 5, year - 1)}`,
          `fromYear=${year - 5}&toYear=${year - 1}`,
          adminAuth,
        ],
        ['unit head, all years', '', headAuth],
        ['admin, all, XLSX', xlsx, adminAuth],
      ]),
      ...of('workflow-performance', '/reports/workflow-performance', [
        ['admin, last 365 days (default)', '', adminAuth],
        [`admin, ${year - 1}`, lastYear, adminAuth],
        [`admin, ${years(year - 5, year - 1)}`, fiveYears, adminAuth],
        ['admin, all', sinceFirst, adminAuth],
        ['admin, default, unitId=district', `unitId=${district.id}`, adminAuth],
        ['unit head, last 365 days', '', headAuth],
        [`unit head, ${years(year - 5, year - 1)}`, fiveYears, headAuth],
        ['unit head, all', sinceFirst, headAuth],
        ['admin, default, XLSX', xlsx, adminAuth],
      ]),
    ];

    const only = process.env.BENCH_ONLY?.split(',');
    const request = async (path: string, auth: string) => {
      const requestStarted = performance.now();
      const response = await fetch(base + path, { headers: { authorization: auth } });
      const firstByte = performance.now() - requestStarted;
      const body = Buffer.from(await response.arrayBuffer());
      return { ms: performance.now() - requestStarted, firstByte, status: response.status, body };
    };
    const results: Array<{
      report: string;
      request: string;
      median: number;
      max: number;
      firstByte: number;
      runs: number;
      bytes: number;
      note: string;
    }> = [];
    const loadBefore = loadavg()[0];
    for (const [report, who, path, auth] of scenarios) {
      if (only && !only.includes(report)) continue;
      const warm = await request(path, auth);
      if (warm.status !== 200) {
        throw new Error(`${report}, ${who}: ${warm.status} ${warm.body.toString().slice(0, 500)}`);
      }
      // A request slower than 10 s is not repeated: its warm-up is the figure.
      const timed = warm.ms > 10_000 ? [warm] : [];
      while (timed.length < runs && warm.ms <= 10_000) timed.push(await request(path, auth));
      const times = timed.map((one) => one.ms).sort((a, b) => a - b);
      const firstBytes = timed.map((one) => one.firstByte).sort((a, b) => a - b);
      const format = /format=(\w+)/.exec(path)?.[1] ?? 'json';
      const result = {
        report,
        request: who,
        median: Math.round(times[Math.floor(times.length / 2)]),
        max: Math.round(times[times.length - 1]),
        firstByte: Math.round(firstBytes[Math.floor(firstBytes.length / 2)]),
        runs: timed.length,
        bytes: warm.body.length,
        note:
          format === 'json'
            ? summarize(report, JSON.parse(warm.body.toString()))
            : format === 'csv'
              ? `${(warm.body.toString().split('\n').filter(Boolean).length - 1).toLocaleString('en')} CSV rows`
              : 'XLSX workbook',
      };
      results.push(result);
      console.log(
        `${report}, ${who}: ${result.median} ms (max ${result.max}, ${result.runs} runs)`,
      );
    }
    const loadAfter = loadavg()[0];
    console.log(
      `\nMilliseconds over ${runs} timed requests each after one warm-up (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after); first byte is the median time to the response headers:\n`,
    );
    const header = ['report', 'request', 'median', 'max', 'first byte', 'bytes', 'answer'];
    const rows = results.map((r) => [
      r.report,
      r.request,
      String(r.median),
      r.runs === 1 ? '(once)' : String(r.max),
      String(r.firstByte),
      r.bytes.toLocaleString('en'),
      r.note,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) =>
      `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    console.log(line(header));
    console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    for (const row of rows) console.log(line(row));
    const slow = results.filter((r) => r.median >= 1000);
    console.log(
      slow.length
        ? `\nA second or more (median): ${slow.map((r) => `${r.report} (${r.request})`).join('; ')}`
        : '\nEvery request answered in under a second (median).',
    );
  } finally {
    await api?.close();
    if (keep && !reuse) {
      await dataSource.destroy();
      console.log(`\nKept database ${url.pathname.slice(1)}; drop it with DROP DATABASE.`);
      process.exit(0);
    }
    await close();
  }
}

/**
 * Loads the data set into a freshly migrated database: the demo seed, then everything
 * generated in SQL (see the comments on each statement). Durations in `phases`.
 */
async function load(
  dataSource: DataSource,
  { total, firstYear, year }: { total: number; firstYear: number; year: number },
  phases: Record<string, number>,
) {
  await dataSource.transaction(async (manager) => {
    for (const seeder of demoSeeders) await seeder.run(manager);
  });
  const [admin] = await dataSource.query(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('bench@example.org', 'x', 'Bench') RETURNING id`,
  );
  await dataSource.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'admin')`, [
    admin.id,
  ]);

  // One connection for the whole load, so the seeded random() gives the same data each run.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const phase = async (name: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    await runner.query(sql, params);
    phases[name] = Math.round((performance.now() - started) / 100) / 10;
  };
  await runner.query(`SELECT setseed(0.2026)`);

  // The demo catalog has no programme of three categories; every category gets one.
  await runner.query(
    `INSERT INTO programs (code, name, category, provider_id, overseas, mode, duration_months)
     SELECT v.code, v.name, v.category, pr.id, false, 'in_service', v.months
       FROM (VALUES ('SC-LLCT', 'Sơ cấp lý luận chính trị', 'political_theory_elementary', 'TCT-CT', 3),
                    ('BD-CNTT', 'Bồi dưỡng ứng dụng công nghệ thông tin', 'information_technology', 'DHCT', 1),
                    ('BD-NVCTD', 'Bồi dưỡng nghiệp vụ công tác Đảng', 'other', 'TCT-CT', 1))
            AS v(code, name, category, provider, months)
       JOIN providers pr ON pr.code = v.provider`,
  );
  // Two intakes a year of every programme over eleven years (March and September, a few
  // weeks apart between programmes), at the cost of the programme's demo intakes.
  await phase(
    'intakes',
    `INSERT INTO intakes (code, program_id, starts_on, ends_on, location, seats_total,
                          nomination_opens_on, nomination_closes_on, cost_tuition, allowed_sources)
     SELECT p.code || '-' || y || '-B' || k, p.id, d.starts_on,
            (d.starts_on + make_interval(months => greatest(p.duration_months, 1)) - interval '1 day')::date,
            pr.name, 100000, d.starts_on - 90, d.starts_on - 30,
            coalesce((SELECT max(i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)
                        FROM intakes i WHERE i.program_id = p.id), 8000000),
            '{state_budget}'
       FROM programs p JOIN providers pr ON pr.id = p.provider_id,
            generate_series($1::int, $2::int) y, generate_series(1, 2) k,
            LATERAL (SELECT make_date(y, 6 * k - 3, 1) + abs(hashtext(p.code)) % 45 AS starts_on) d`,
    [firstYear, year],
  );

  // What each nomination is: nominee, intake, status and its timeline. 64% approved, in
  // training or completed (which of the three follows the intake's dates); the rest not
  // completed, rejected, withdrawn, cancelled, and — on the intakes open now — in review,
  // draft or returned. Chains of 2 steps, or 3 (with finance) for overseas or costs from
  // 200 million VND; the step where a nomination stopped is drawn at random.
  await phase(
    'plan',
    `CREATE UNLOGGED TABLE bench_plan AS
     WITH st AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM staff),
          every_intake AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM intakes),
          open_intake AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM intakes
                           WHERE starts_on BETWEEN current_date - 30 AND current_date + 300),
          drawn AS (
            SELECT g, random() AS u, random() AS k_draw, random() AS w_draw, random() AS r_draw,
                   random() AS t_draw, random() AS c_draw, random() AS f_draw,
                   ARRAY[random(), random(), random()] AS d_draw,
                   st.ids[1 + (random() * (st.n - 1))::int] AS staff_id,
                   every_intake.ids[1 + (random() * (every_intake.n - 1))::int] AS any_intake,
                   open_intake.ids[1 + (random() * (open_intake.n - 1))::int] AS open_intake
              FROM generate_series(1, $1::int) g, st, every_intake, open_intake
          ),
          bucketed AS (
            SELECT d.*, CASE WHEN u < 0.64 THEN 'participation' WHEN u < 0.65 THEN 'not_completed'
                             WHEN u < 0.74 THEN 'rejected' WHEN u < 0.80 THEN 'withdrawn'
                             WHEN u < 0.83 THEN 'cancelled' WHEN u < 0.93 THEN 'in_review'
                             WHEN u < 0.97 THEN 'draft' ELSE 'returned' END AS bucket
              FROM drawn d
          ),
          planned AS (
            SELECT b.*, i.id AS intake_id, i.nomination_opens_on, i.nomination_closes_on,
                   i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other AS cost,
                   CASE WHEN b.bucket = 'participation' THEN
                          CASE WHEN i.starts_on > current_date THEN 'approved'
                               WHEN i.ends_on >= current_date THEN 'in_training' ELSE 'completed' END
                        WHEN b.bucket = 'not_completed' AND i.ends_on >= current_date THEN 'withdrawn'
                        ELSE b.bucket END AS status,
                   CASE WHEN p.overseas OR i.cost_tuition + i.cost_allowances + i.cost_travel
                                           + i.cost_other >= 200000000 THEN 3 ELSE 2 END AS nsteps
              FROM bucketed b
              JOIN intakes i ON i.id = CASE WHEN b.bucket IN ('in_review', 'draft', 'returned')
                                            THEN b.open_intake ELSE b.any_intake END
              JOIN programs p ON p.id = i.program_id
          ),
          -- Hours per step: the organization board 2 h to 10 days (mostly about a day),
          -- finance 2 h to 8 days, the Standing Committee 4 h to 14 days.
          timed AS (
            SELECT p.*,
                   3600 * (2 + 240 * d_draw[1] ^ 3) AS d1,
                   CASE WHEN nsteps = 3 THEN 3600 * (2 + 200 * d_draw[2] ^ 3)
                        ELSE 3600 * (4 + 336 * d_draw[2] ^ 2) END AS d2,
                   CASE WHEN nsteps = 3 THEN 3600 * (4 + 336 * d_draw[3] ^ 2) ELSE 0 END AS d3,
                   CASE WHEN status IN ('in_review', 'returned', 'rejected', 'withdrawn')
                        THEN 1 + floor(k_draw * nsteps)::int
                        WHEN status = 'draft' THEN 0 ELSE nsteps + 1 END AS k
              FROM planned p
          ),
          placed AS (
            SELECT t.*,
                   CASE WHEN k >= 2 THEN d1 ELSE 0 END + CASE WHEN k >= 3 THEN d2 ELSE 0 END AS before_k,
                   CASE k WHEN 1 THEN d1 WHEN 2 THEN d2 ELSE d3 END AS d_k
              FROM timed t
          ),
          -- The (last) submission: in review, waiting up to 60 days on the current step;
          -- returned up to 20 days ago; otherwise in the intake's nomination window, at
          -- least 45 days ago. 12% were returned once at the first step and resubmitted.
          submitted AS (
            SELECT p.*,
                   CASE status
                     WHEN 'draft' THEN NULL
                     WHEN 'in_review' THEN now() - make_interval(secs => 3600 + 86400 * 60 * w_draw ^ 2 + before_k)
                     WHEN 'returned' THEN now() - make_interval(secs => 3600 + 86400 * 20 * w_draw + before_k + d_k)
                     ELSE least(nomination_opens_on + make_interval(secs => t_draw * 86400
                                  * (nomination_closes_on - nomination_opens_on + 1)),
                                now() - make_interval(days => 45, secs => t_draw * 86400 * 30))
                   END AS t_sub,
                   status NOT IN ('draft', 'returned') AND r_draw < 0.12 AS ret_once,
                   make_interval(secs => 3600 * (4 + 96 * c_draw)) AS ret_time,
                   make_interval(secs => 86400 * (1 + 6 * f_draw)) AS fix_time
              FROM placed p
          )
     SELECT g, gen_random_uuid() AS id, staff_id, intake_id, cost, status, nsteps, k, t_sub,
            ret_once, d1, d2, d3,
            CASE WHEN ret_once THEN t_sub - fix_time - ret_time END AS first_sub,
            CASE WHEN ret_once THEN t_sub - fix_time END AS ret_at,
            coalesce(CASE WHEN ret_once THEN t_sub - fix_time - ret_time ELSE t_sub END,
                     now() - make_interval(secs => 86400 * 30 * t_draw))
              - make_interval(secs => 86400 * 10 * c_draw) AS created_at
       FROM submitted`,
    [total],
  );
  // A person holds one active nomination per intake: of a person's active ones for an
  // intake, the first stays; a later draft goes, the others end as the workflow would end
  // them (withdrawn before the decision, cancelled after it).
  await phase(
    'one active per person and intake',
    `WITH later AS (
       SELECT g FROM (SELECT g, row_number() OVER (PARTITION BY staff_id, intake_id ORDER BY g) AS nth
                        FROM bench_plan
                       WHERE status IN ('draft', 'in_review', 'returned', 'approved', 'in_training')) d
        WHERE nth > 1),
     dropped AS (DELETE FROM bench_plan t USING later WHERE t.g = later.g AND t.status = 'draft')
     UPDATE bench_plan t
        SET status = CASE WHEN t.status IN ('approved', 'in_training') THEN 'cancelled' ELSE 'withdrawn' END
       FROM later WHERE t.g = later.g AND t.status <> 'draft'`,
  );
  // The trigger records each participation as the row goes in, as it does in production.
  await phase(
    'nominations (participation trigger on)',
    `INSERT INTO nominations (id, reference, nominee_staff_id, intake_id, nominating_unit_id,
                              nominator_user_id, target_group, justification, estimated_cost,
                              status, current_step, returned_at_step, decided_at, submitted_at,
                              created_at, updated_at)
     SELECT t.id, 'DT-R-' || lpad(t.g::text, 7, '0'), t.staff_id, t.intake_id, s.unit_id, $1,
            1 + t.g % 3, 'Đề xuất cử đi đào tạo', t.cost, t.status,
            CASE WHEN t.status = 'draft' THEN NULL WHEN t.k > t.nsteps THEN t.nsteps ELSE t.k END,
            CASE WHEN t.status = 'returned' THEN t.k END,
            CASE WHEN t.k > t.nsteps THEN t.t_sub + make_interval(secs => t.d1 + t.d2 + t.d3)
                 WHEN t.status = 'rejected'
                 THEN t.t_sub + make_interval(secs => (ARRAY[t.d1, t.d1 + t.d2, t.d1 + t.d2 + t.d3])[t.k]) END,
            t.t_sub, t.created_at, now()
       FROM bench_plan t JOIN staff s ON s.id = t.staff_id`,
    [admin.id],
  );
  // The chain of every nomination past draft: the nominee's managing authority reviews
  // and decides; finance (the authority's unit) in between on 3-step chains. Steps before
  // the one it stopped at are approved; that one is returned, rejected or still pending
  // (in review, withdrawn), having started when the previous one was decided.
  await phase(
    'steps',
    `INSERT INTO nomination_steps (nomination_id, position, role, authority_id, unit_id, state,
                                   started_at, acted_at)
     SELECT t.id, x.pos,
            CASE WHEN x.pos = 1 THEN 'board_reviewer' WHEN x.pos = t.nsteps THEN 'board_member'
                 ELSE 'finance' END,
            CASE WHEN x.pos = 1 OR x.pos = t.nsteps THEN s.authority_id END,
            CASE WHEN x.pos > 1 AND x.pos < t.nsteps THEN a.unit_id END,
            CASE WHEN x.pos < t.k THEN 'approved' WHEN x.pos > t.k THEN 'pending'
                 WHEN t.status IN ('returned', 'rejected') THEN t.status ELSE 'pending' END,
            CASE WHEN x.pos <= t.k THEN t.t_sub + make_interval(secs => x.off) END,
            CASE WHEN x.pos < t.k OR (x.pos = t.k AND t.status IN ('returned', 'rejected'))
                 THEN t.t_sub + make_interval(secs => x.off + x.dur) END
       FROM bench_plan t
       JOIN staff s ON s.id = t.staff_id
       JOIN management_authorities a ON a.id = s.authority_id
      CROSS JOIN LATERAL (
        SELECT pos, (ARRAY[0, t.d1, t.d1 + t.d2])[pos] AS off,
               (ARRAY[t.d1, t.d2, t.d3])[pos] AS dur
          FROM generate_series(1, t.nsteps) pos) x
      WHERE t.status <> 'draft'`,
  );
  // The history the workflow report counts: submissions (and the first one of those
  // returned once), each step's approval, returns and rejections.
  await phase(
    'history',
    `INSERT INTO nomination_history (nomination_id, action, from_status, to_status, step_position,
                                     actor_user_id, occurred_at)
     SELECT t.id, e.action, e.from_status, e.to_status, e.step_position, $1, e.occurred_at
       FROM bench_plan t
      CROSS JOIN LATERAL (
        SELECT 'submit' AS action, 'draft' AS from_status, 'in_review' AS to_status,
               NULL::int AS step_position, t.first_sub AS occurred_at
         WHERE t.ret_once
        UNION ALL
        SELECT 'return', 'in_review', 'returned', 1, t.ret_at WHERE t.ret_once
        UNION ALL
        SELECT 'submit', CASE WHEN t.ret_once THEN 'returned' ELSE 'draft' END, 'in_review', NULL,
               t.t_sub
        UNION ALL
        SELECT CASE WHEN pos < t.k THEN 'approve' WHEN t.status = 'returned' THEN 'return'
                    ELSE 'reject' END,
               'in_review',
               CASE WHEN pos < t.k THEN CASE WHEN pos = t.nsteps THEN 'approved' ELSE 'in_review' END
                    ELSE t.status END,
               pos,
               t.t_sub + make_interval(secs => (ARRAY[t.d1, t.d1 + t.d2, t.d1 + t.d2 + t.d3])[pos])
          FROM generate_series(1, least(t.k, t.nsteps)) pos
         WHERE pos < t.k OR t.status IN ('returned', 'rejected')
      ) e
      WHERE t.status <> 'draft'`,
    [admin.id],
  );
  await runner.query(`DROP TABLE bench_plan`);
  // Ten past fiscal years of the demo funds' owners: the state budget every year, sponsors
  // for the city and districts every other year, scholarships for the city; mostly spent.
  await phase(
    'funds',
    `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, policy, allocated, reserved, spent)
     SELECT 'KP-' || y || '-' || o.code || '-' || src, 'Kinh phí đào tạo, bồi dưỡng năm ' || y || ' – ' || o.name,
            y, o.id, src, 'stop', m.allocated,
            CASE WHEN y = $2 - 1 THEN m.allocated / 20 ELSE 0 END,
            (m.allocated * (0.55 + 0.4 * random()))::bigint
       FROM (SELECT DISTINCT u.id, u.code, u.name, t.level
               FROM funds f JOIN units u ON u.id = f.owner_unit_id JOIN tiers t ON t.id = u.tier_id) o,
            generate_series($1::int, $2::int - 1) y,
            unnest(ARRAY['state_budget', 'sponsor', 'scholarship']) src,
            LATERAL (SELECT ((CASE o.level WHEN 1 THEN 9000000000 WHEN 2 THEN 600000000 ELSE 90000000 END)
                             * (1 + 0.06 * (y - $1)) * (CASE src WHEN 'state_budget' THEN 1 ELSE 0.2 END)
                             * (0.8 + 0.4 * random()))::bigint AS allocated) m
      WHERE src = 'state_budget' OR (src = 'sponsor' AND o.level <= 2 AND y % 2 = 0)
         OR (src = 'scholarship' AND o.level = 1)`,
    [firstYear, year],
  );
  // The article's targets (postgraduates of Resolution 05 with its parts, the 2030
  // language goal) and a few more for the current term and one district.
  await runner.query(
    `WITH ninh_kieu AS (SELECT id FROM units WHERE code = 'CT.NK'),
          pg AS (
            INSERT INTO training_targets (code, name, kind, period_from, period_to, target, filter)
            VALUES ('NQ05-SDH', 'Đào tạo sau đại học giai đoạn ' || $1::int || '–' || ($1::int + 4), 'participations',
                    make_date($1::int, 1, 1), make_date(($1::int + 4), 12, 31), 300,
                    '{"categories": ["degree_master", "degree_doctor"]}')
            RETURNING id)
     INSERT INTO training_targets (code, name, kind, period_from, period_to, target, filter, parent_id, unit_id)
     SELECT v.code, v.name, v.kind, v.period_from, v.period_to, v.target, v.filter::jsonb,
            CASE WHEN v.part THEN (SELECT id FROM pg) END,
            CASE WHEN v.district THEN (SELECT id FROM ninh_kieu) END
       FROM (VALUES
         ('NQ05-THS', 'Thạc sĩ', 'participations', make_date($1::int, 1, 1), make_date(($1::int + 4), 12, 31), 250,
          '{"categories": ["degree_master"]}', true, false),
         ('NQ05-TS', 'Tiến sĩ', 'participations', make_date($1::int, 1, 1), make_date(($1::int + 4), 12, 31), 50,
          '{"categories": ["degree_doctor"]}', true, false),
         ('LLCT-CC-NK', 'Cao cấp lý luận chính trị, quận Ninh Kiều', 'participations',
          make_date(($1::int + 10), 1, 1), make_date(($1::int + 14), 12, 31), 400,
          '{"categories": ["political_theory_advanced"]}', false, true),
         ('LLCT-NK', 'Lý luận chính trị, quận Ninh Kiều', 'participations',
          make_date(($1::int + 6), 1, 1), make_date(($1::int + 14), 12, 31), 20000,
          '{"categories": ["political_theory_advanced", "political_theory_intermediate", "political_theory_elementary"]}',
          false, true),
         ('NN-NUOC-NGOAI', 'Đào tạo, bồi dưỡng ở nước ngoài', 'participations',
          make_date(($1::int + 6), 1, 1), make_date(($1::int + 14), 12, 31), 5000, '{"overseas": true}', false, false),
         ('BD-TOAN-KHOA', 'Lượt cán bộ được đào tạo, bồi dưỡng', 'participations',
          make_date($1::int, 1, 1), make_date(($1::int + 14), 12, 31), 600000, '{}', false, false),
         ('NN-B4-2030', 'Cán bộ lãnh đạo trẻ thành phố, quận, huyện có ngoại ngữ bậc 4', 'staff_share',
          make_date(($1::int + 6), 1, 1), make_date(($1::int + 14), 12, 31), 35,
          '{"population": {"leadership": true, "maxAge": 39, "tierLevels": [1, 2]}, "condition": {"minLanguageLevel": 4}}',
          false, false),
         ('DH-2030', 'Cán bộ có trình độ đại học trở lên', 'staff_share',
          make_date(($1::int + 6), 1, 1), make_date(($1::int + 14), 12, 31), 90, '{"condition": {"minEducation": 3}}',
          false, false)
       ) AS v(code, name, kind, period_from, period_to, target, filter, part, district)`,
    [firstYear],
  );
  runner.release();
  const started = performance.now();
  // After a bulk load autovacuum would set the visibility map (index-only scans) and the
  // statistics; done here at once so it does not run during the measurements.
  await dataSource.query(`VACUUM ANALYZE`);
  phases['vacuum analyze'] = Math.round((performance.now() - started) / 100) / 10;
}

/** An existing (kept) bench database, migrated to the latest schema; left in place by `close`. */
async function existingDatabase(name: string) {
  const url = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${name}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' });
  await runMigrations(config, schema.migrations);
  const dataSource = await new DataSource(buildDataSourceOptions(config, schema)).initialize();
  return { dataSource, close: () => dataSource.destroy() };
}

/** YYYY-MM-DD `days` later (earlier when negative). */
function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A few figures from a JSON answer, to show each request counted what it should. */
function summarize(report: string, body: any): string {
  const n = (value: number) => value.toLocaleString('en');
  switch (report) {
    case 'training-summary':
      return `${n(body.totals.total)} participations, ${body.rows.length} category×tier×year rows`;
    case 'participations':
      return `${n(body.total)} lines, ${body.firstLines.length} shown`;
    case 'training-headline':
      return `${n(body.lines.find((line: any) => line.key === 'total').total)} participations`;
    case 'targets':
      return `${body.items.length} targets; first actual ${body.items[0]?.actual ?? '–'}`;
    case 'compliance':
      return `${n(body.overall.staff)} staff in ${body.groups.length} group(s)${body.snapshotDate ? `, snapshot ${body.snapshotDate}` : ''}`;
    case 'compliance/trend':
      return `${body.points.length} points (${body.every})`;
    case 'budget-usage':
      return `${body.years.length} years, ${n(body.period.total.funds)} funds`;
    case 'workflow-performance':
      return (
        `${n(body.stepTimes.reduce((sum: number, row: any) => sum + row.count, 0))} steps decided, ` +
        `${n(body.overdue.total)} overdue, ${n(body.rates.submissions)} submissions`
      );
    default:
      return '';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
