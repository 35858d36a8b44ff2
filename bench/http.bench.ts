import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../server/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/client.ts';
import { SESSION_COOKIE } from '../server/http/constants.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  ratio: number;
  target?: string;
  note?: string;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const r = await autocannon({ url, headers, connections: 20, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

/**
 * Authenticated GET (session cookie → session + grants lookup → handler) against a bare Fastify route,
 * both served from this process and loaded by the same autocannon settings, alternating to share the noise.
 */
export async function runHttpBench(opts: { seconds?: number; databaseUrl?: string } = {}): Promise<BenchResult[]> {
  const seconds = opts.seconds ?? 5;
  const database = await openDatabase({ url: opts.databaseUrl });
  const server = await bootstrap(loadConfig({ SEED: 'demo', JOBS: 'off', LOG_LEVEL: 'silent' }), { database, logger: false });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua', password: 'motcua2026' } });
  const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  await load(`${bareAddress}/bare`, {}, 1); // warm-up
  await load(`${address}/api/v1/auth/me`, { cookie }, 1);
  let auth = 0;
  let base = 0;
  for (let i = 0; i < 2; i++) {
    base += await load(`${bareAddress}/bare`, {}, seconds / 2);
    auth += await load(`${address}/api/v1/auth/me`, { cookie }, seconds / 2);
  }
  await bare.close();
  await server.close();
  await database.close();
  return [{ name: `authenticated GET /api/v1/auth/me (${database.kind})`, value: auth / 2, unit: 'req/s', baseline: base / 2, baselineName: 'bare Fastify GET', ratio: auth / base }];
}

if (process.argv[1]?.endsWith('http.bench.ts')) {
  const results = await runHttpBench({ databaseUrl: process.env.BENCH_DATABASE_URL });
  console.table(results);
}
