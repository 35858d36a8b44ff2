/**
 * Dashboard bench: the leaders' dashboard (GET /api/v1/dashboard through the HTTP app: figures from the rollups,
 * live open standings, monthly trend, comparison of the sub-units, procedures, satisfaction and feedback) for the
 * former district with all its communes over a year, against a naive GROUP BY over the raw dossier rows computing
 * the same rollup counters (received by channel, finished by outcome, withdrawn, processing time, digitisation),
 * measured in the same run on the same database. The naive figures are checked equal to the dashboard's first.
 * Target: dashboard p95 ≤ 100 ms on PostgreSQL with 5M dossiers; speed-up ≥ 50×.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench npm run bench -- dashboard
 *     (after `DATABASE_URL=… npm run cli -- generate --dossiers 5000000 --years 10`)
 *   npm run bench -- dashboard        (PGlite: generates 20,000 dossiers over 2 years first)
 */
import { loadConfig } from '../server/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/client.ts';
import { generateDossiers } from '../server/modules/dashboard/generate.ts';
import { DEMO_PASSWORD } from '../server/modules/system/demo-locality.ts';
import type { BenchResult } from './http.bench.ts';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export async function runDashboardBench(opts: { databaseUrl?: string; iterations?: number } = {}): Promise<BenchResult[]> {
  const iterations = opts.iterations ?? 40;
  const database = await openDatabase({ url: opts.databaseUrl });
  const server = await bootstrap(loadConfig({ SEED: 'demo', JOBS: 'off', LOG_LEVEL: 'silent' }), { database, logger: false, demoActivity: false });
  try {
    const count = Number((await database.query(`SELECT count(*)::int AS c FROM dossiers`)).rows[0].c);
    if (!opts.databaseUrl && count < 10_000) await generateDossiers(database, { dossiers: 20_000, years: 2, end: '2025-06-30', log: () => {} });
    const total = Number((await database.query(`SELECT count(*)::int AS c FROM dossiers`)).rows[0].c);
    const district = (await database.query(`SELECT id FROM units WHERE kind = 'district' ORDER BY valid_from LIMIT 1`)).rows[0].id as string;
    // The last full calendar year in which the district existed.
    const validTo = (await database.query(`SELECT coalesce(valid_to, current_date)::text AS t FROM units WHERE id = $1`, [district])).rows[0].t as string;
    const year = Number(validTo.slice(0, 4)) - (validTo.endsWith('12-31') ? 0 : 1);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: process.env.BENCH_ADMIN_PASSWORD ?? DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`admin login failed (${login.statusCode}); set BENCH_ADMIN_PASSWORD`);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const url = `/api/v1/dashboard?unitId=${district}&from=${from}&to=${to}&units=then`;

    const subtree = (await database.query(`WITH RECURSIVE t(id) AS (SELECT $1::uuid UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT array_agg(id) AS ids FROM t`, [district])).rows[0].ids as string[];
    const naive = async () =>
      (
        await database.query(
          `SELECT u.unit_id,
             count(*) FILTER (WHERE d.received_at >= $2 AND d.received_at < $3)::int AS received,
             count(*) FILTER (WHERE d.received_at >= $2 AND d.received_at < $3 AND d.channel = 'online')::int AS received_online,
             count(*) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status NOT IN ('withdrawn', 'cancelled'))::int AS finished,
             count(*) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status NOT IN ('withdrawn', 'cancelled') AND coalesce(d.outcome, 'on_time') = 'early')::int AS early,
             count(*) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status NOT IN ('withdrawn', 'cancelled') AND coalesce(d.outcome, 'on_time') = 'on_time')::int AS on_time,
             count(*) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status NOT IN ('withdrawn', 'cancelled') AND d.outcome = 'late')::int AS late,
             count(*) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status IN ('withdrawn', 'cancelled'))::int AS apart,
             sum(d.budget_minutes - d.remaining_minutes) FILTER (WHERE d.finished_at >= $2 AND d.finished_at < $3 AND d.status NOT IN ('withdrawn', 'cancelled')) AS used,
             count(*) FILTER (WHERE d.received_at >= $2 AND d.received_at < $3 AND EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.received AND x.scan_required)
               AND NOT EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.received AND x.scan_required AND NOT x.digitised))::int AS digitised,
             count(*) FILTER (WHERE d.status = 'returned' AND d.returned_at >= $2 AND d.returned_at < $3)::int AS returned,
             to_char(date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM') AS month
           FROM dossiers d CROSS JOIN LATERAL (SELECT d.competent_unit_id AS unit_id) u
          WHERE d.competent_unit_id = ANY($1::uuid[])
            AND ((d.received_at >= $2 AND d.received_at < $3) OR (d.finished_at >= $2 AND d.finished_at < $3) OR (d.returned_at >= $2 AND d.returned_at < $3))
          GROUP BY u.unit_id, month`,
          [subtree, new Date(`${from}T00:00:00+07:00`).toISOString(), new Date(`${to}T24:00:00+07:00`).toISOString()],
        )
      ).rows;

    // Same numbers first (received, finished, late) — the comparison is only fair if both compute the same thing.
    const dash = (await server.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const raw = await naive();
    const sum = (k: string) => raw.reduce((a, r) => a + Number(r[k] ?? 0), 0);
    const check = { received: [dash.figures.received, sum('received')], finished: [dash.figures.finished, sum('finished')], late: [dash.figures.late, sum('late')], digitised: [dash.figures.digitisation.digitised, sum('digitised')] };
    for (const [k, [a, b]] of Object.entries(check)) if (a !== b) throw new Error(`dashboard ${k} = ${a} but the raw GROUP BY gives ${b}`);

    const time = async (fn: () => Promise<unknown>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        out.push(performance.now() - t);
      }
      return out;
    };
    await time(() => server.app.inject({ method: 'GET', url, headers: { cookie } }), 5);
    const fast = await time(async () => {
      const r = await server.app.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(r.body);
    }, iterations);
    const slow = await time(naive, Math.max(5, Math.round(iterations / 4)));
    const p95 = pct(fast, 95);
    const p50 = pct(fast, 50);
    const naiveP50 = pct(slow, 50);
    const naiveP95 = pct(slow, 95);
    const note = `${database.kind}, ${total.toLocaleString('en-US')} dossiers; district + ${subtree.length - 1} sub-units, ${year}; ${dash.figures.received.toLocaleString('en-US')} received`;
    return [
      { name: `dashboard p95 (${database.kind})`, value: p95, unit: 'ms', baseline: naiveP95, baselineName: 'naive GROUP BY p95', ratio: naiveP95 / p95, note: `target p95 ≤ 100 ms, ≥ 50×; ${note}` },
      { name: `dashboard p50 (${database.kind})`, value: p50, unit: 'ms', baseline: naiveP50, baselineName: 'naive GROUP BY p50', ratio: naiveP50 / p50, note },
    ];
  } finally {
    await server.close();
  }
}
