/**
 * Dossier benches, each against a baseline measured in the same run and database:
 * 1. Receipt throughput: `receiveDossier` (the whole use case: procedure version, units, calendar, code sequence
 *    with its row lock, dossier + steps + documents + clock + appointment + timeline rows, audit row with its
 *    chain lock, notification job — one statement since ADR 0007) vs a bare single-row INSERT loop into a table
 *    with one index (the issue's baseline; target ≥ 0.5 on PostgreSQL). Printed beside it, for what the floor is:
 *    the same loop inserting only the dossier row into `dossiers` (its indexes, foreign keys and read-model
 *    trigger), i.e. what one of the receipt's 14 rows costs on its own.
 * 2. Public tracking lookups (POST /api/v1/tracking over HTTP, rotating over 50 dossiers) vs a bare Fastify route
 *    answering a constant. Target ≥ 0.6.
 *
 *   npx tsx bench/dossiers.bench.ts            (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/dossiers.bench.ts
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../server/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/client.ts';
import { makeContext } from '../server/modules/accounts/context.ts';
import { permissionsOf, type Grant, type Role } from '../server/modules/accounts/permissions.ts';
import { seedDemoProcedures } from '../server/modules/procedures/index.ts';
import { getChecklist, receiveDossier } from '../server/modules/dossiers/dossiers.receive.ts';
import type { BenchResult } from './http.bench.ts';
import { trackingCacheStats } from '../server/modules/dossiers/tracking-cache.ts';

async function load(url: string, bodies: string[], seconds: number): Promise<number> {
  const r = await autocannon({
    url,
    connections: 20,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ method: 'POST', body })),
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

export async function runDossiersBench(opts: { databaseUrl?: string; seconds?: number; receipts?: number } = {}): Promise<BenchResult[]> {
  const seconds = opts.seconds ?? 6;
  const receipts = opts.receipts ?? 300;
  process.env.TRACKING_RATE_LIMIT_PER_MINUTE = '100000000';
  const database = await openDatabase({ url: opts.databaseUrl });
  const server = await bootstrap(loadConfig({ SEED: 'demo', JOBS: 'off', LOG_LEVEL: 'silent' }), { database, logger: false });
  const kind = database.kind;
  try {
    const unit = async (name: string) => (await database.query('SELECT id FROM units WHERE name = $1 ORDER BY valid_from DESC LIMIT 1', [name])).rows[0].id as string;
    const ids: Record<string, string> = {};
    for (const [k, n] of Object.entries({ p_qn: 'Tỉnh Quảng Ninh', n_tien_yen: 'Xã Tiên Yên', p_qn_ttpvhcc: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', d_tien_yen: 'Huyện Tiên Yên', d_tien_yen_hcc: 'Trung tâm Hành chính công huyện Tiên Yên' })) ids[k] = await unit(n);
    await database.transaction((tx) => seedDemoProcedures(tx, ids).then(() => undefined));
    const { rows: g } = await database.query(`SELECT u.id, u.full_name, gr.id AS gid, gr.role, gr.unit_id FROM users u JOIN role_grants gr ON gr.user_id = u.id WHERE u.username = 'motcua'`);
    const grants: Grant[] = g.map((r) => ({ id: String(r.gid), role: r.role as Role, unitId: r.unit_id as string }));
    const userId = String(g[0].id);
    const ctx = makeContext(database.db, { userId, label: 'motcua', requestId: null }, { userId, username: 'motcua', fullName: String(g[0].full_name), grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
    const deps = { database, queue: server.queue };
    const procedureId = (await database.query(`SELECT id FROM procedures WHERE code = 'TY-HT-04'`)).rows[0].id as string;
    const docs = (await getChecklist(deps, ctx, { procedureId, channel: 'counter' })).documents.map((d) => ({ index: d.index, received: true }));
    const input = (i: number) => ({ procedureId, applicant: { kind: 'individual' as const, name: `Người thử ${i}`, idNumber: `0220900${String(i).padStart(5, '0')}`, phone: `0912${String(i).padStart(6, '0')}`, email: null, address: null, representative: null }, channel: 'counter' as const, documents: docs, summary: null, note: null });

    await database.query('CREATE TABLE IF NOT EXISTS bench_bare_insert (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text NOT NULL, at timestamptz NOT NULL)');
    // Warm-up of every path (caches, prepared plans).
    for (let i = 0; i < 20; i++) {
      await receiveDossier(deps, ctx, input(i));
      await database.query('INSERT INTO bench_bare_insert (code, at) VALUES ($1, now())', [`w${i}`]);
    }
    // The dossier row alone: a copy of a received dossier with a new id and code, as one plain INSERT.
    const { rows: cols } = await database.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'dossiers' AND table_schema = current_schema() AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'code') ORDER BY ordinal_position`);
    const colList = cols.map((c) => `"${String(c.c)}"`).join(', ');
    const { rows: tpl } = await database.query(`SELECT ${colList} FROM dossiers ORDER BY created_at DESC LIMIT 1`);
    const tplValues = cols.map((c) => tpl[0][String(c.c)]);
    const dossierRowSql = `INSERT INTO dossiers (id, code, ${colList}) VALUES (gen_random_uuid(), $1, ${cols.map((_c, i) => `$${i + 2}`).join(', ')})`;
    const rowCodes: string[] = [];
    const insertDossierRow = async (i: string) => {
      rowCodes.push(`BENCH-ROW-${i}`);
      await database.query(dossierRowSql, [`BENCH-ROW-${i}`, ...tplValues]);
    };
    for (let i = 0; i < 20; i++) await insertDossierRow(`w${i}`);
    // Rounds alternate the three loops, so that the machine's noise falls on all of them alike.
    const rounds = 6;
    const per = Math.max(1, Math.round(receipts / rounds));
    let rTime = 0;
    let bTime = 0;
    let dTime = 0;
    const codes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      let t0 = performance.now();
      for (let i = 0; i < per; i++) {
        const r = await receiveDossier(deps, ctx, input(1000 + round * per + i));
        if (r.outcome === 'received' && codes.length < 50) codes.push(r.dossier.code);
      }
      rTime += performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < per; i++) await database.query('INSERT INTO bench_bare_insert (code, at) VALUES ($1, now())', [`b${round}-${i}`]);
      bTime += performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < per; i++) await insertDossierRow(`${round}-${i}`);
      dTime += performance.now() - t0;
    }
    const n = rounds * per;
    const receiptRate = n / (rTime / 1000);
    const bareRate = n / (bTime / 1000);
    const dossierRowRate = n / (dTime / 1000);
    await database.query('DROP TABLE bench_bare_insert');
    await database.query('DELETE FROM dossiers WHERE code = ANY($1::text[])', [rowCodes]);

    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify({ logger: false });
    bare.post('/bare', async () => ({ ok: true }));
    const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });
    // The dossier codes[i] was received for applicant 1000 + i (first half), phone 0912001000 + i.
    const bodiesOk = codes.map((code, i) => JSON.stringify({ code, digits: String(1000 + i).padStart(6, '0').slice(-4) }));
    await load(`${bareAddress}/bare`, ['{}'], 1);
    await load(`${address}/api/v1/tracking`, bodiesOk, 1);
    let track = 0;
    let base = 0;
    for (let i = 0; i < 2; i++) {
      base += await load(`${bareAddress}/bare`, ['{}'], seconds / 2);
      track += await load(`${address}/api/v1/tracking`, bodiesOk, seconds / 2);
    }
    await bare.close();
    const cache = { ...trackingCacheStats };
    return [
      { name: `dossier receipt, whole use case in one statement (${kind})`, value: receiptRate, unit: 'receipts/s', baseline: bareRate, baselineName: 'bare single-row INSERT, one-index table', ratio: receiptRate / bareRate, note: 'target ≥ 0.5 on PostgreSQL' },
      { name: `dossier receipt vs the dossier row alone (${kind})`, value: receiptRate, unit: 'receipts/s', baseline: dossierRowRate, baselineName: 'bare INSERT of one dossiers row', ratio: receiptRate / dossierRowRate, note: 'context: the receipt writes 14 rows' },
      { name: `public tracking lookup POST /api/v1/tracking (${kind})`, value: track / 2, unit: 'req/s', baseline: base / 2, baselineName: 'bare Fastify POST', ratio: track / base, note: `target ≥ 0.6; answers: ${cache.fresh} from memory, ${cache.revalidated} re-validated, ${cache.built} built` },
    ];
  } finally {
    await server.close();
    await database.close();
  }
}

if (process.argv[1]?.endsWith('dossiers.bench.ts')) {
  const results = await runDossiersBench({ databaseUrl: process.env.BENCH_DATABASE_URL });
  console.table(results);
}
