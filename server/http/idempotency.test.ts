/**
 * An idempotent creation commits together with its stored answer: no resource without an answer to replay, no
 * answer without its resource, and a key whose attempt died is claimed again. Runs on a real database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL) behind a real Fastify route.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';
import { freshDatabase } from '../test-support/server.ts';
import { ABANDONED_AFTER_MS, idempotent } from './idempotency.ts';
import { sendProblem } from './problem.ts';

describe('idempotent creations', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  /** Runs of the creation's body, to count them. */
  let runs = 0;
  let failAfterWrite = false;

  before(async () => {
    ({ database, drop } = await freshDatabase());
    await database.query('CREATE TABLE idem_probe (id serial PRIMARY KEY, name text NOT NULL)');
    app = Fastify({ logger: false });
    app.setErrorHandler((err, request, reply) => sendProblem(request, reply, err));
    app.post<{ Body: { name: string } }>('/probes', async (request, reply) =>
      idempotent(database, request, reply, 201, async (run) => {
        runs++;
        // Written through the run's handle, in a transaction of its own as use cases do: it joins the answer's.
        const id = await run.database.transaction(async (tx) => Number((await tx.query('INSERT INTO idem_probe (name) VALUES ($1) RETURNING id', [request.body.name])).rows[0].id));
        if (failAfterWrite) throw new AppError('RULE_VIOLATED', { detail: { vi: 'Từ chối sau khi ghi', en: 'refused after writing', fr: 'refusé après écriture' } });
        return { id, name: request.body.name };
      }),
    );
    await app.ready();
  });
  after(async () => {
    await app.close();
    await drop();
  });
  beforeEach(async () => {
    runs = 0;
    failAfterWrite = false;
    await database.query('DELETE FROM idem_probe');
    await database.query(`DELETE FROM idempotency_keys WHERE scope LIKE '% /probes'`);
  });

  const post = (key: string, name: string) => app.inject({ method: 'POST', url: '/probes', headers: { 'idempotency-key': key }, payload: { name } });
  const probes = async () => (await database.query('SELECT name FROM idem_probe ORDER BY id')).rows.map((r) => r.name);
  const keyRow = async (key: string) => (await database.query('SELECT status, response, created_at FROM idempotency_keys WHERE key = $1', [key])).rows[0];

  test('stores the answer with the resource; a retry replays it without running the creation again', async () => {
    const a = await post('probe-key-0001', 'Thôn Một');
    assert.equal(a.statusCode, 201);
    assert.deepEqual(await keyRow('probe-key-0001').then((r) => [r.status, r.response]), [201, a.json()]);
    const b = await post('probe-key-0001', 'Thôn Một');
    assert.equal(b.statusCode, 201);
    assert.equal(b.headers['idempotent-replayed'], 'true');
    assert.deepEqual(b.json(), a.json());
    assert.equal(runs, 1);
    assert.deepEqual(await probes(), ['Thôn Một']);
  });

  test('a creation refused after it wrote leaves neither its rows nor the key, and the corrected retry runs', async () => {
    failAfterWrite = true;
    const refused = await post('probe-key-0002', 'Thôn Hai');
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().detail, 'Từ chối sau khi ghi');
    assert.deepEqual(await probes(), []);
    assert.equal(await keyRow('probe-key-0002'), undefined);
    failAfterWrite = false;
    const ok = await post('probe-key-0002', 'Thôn Hai');
    assert.equal(ok.statusCode, 201);
    assert.deepEqual(await probes(), ['Thôn Hai']);
  });

  test('a key still pending (an attempt running, or one that died) gets 409 at first and is claimed again once abandoned', async () => {
    // What a process that died inside the creation leaves: the claim, committed alone; its transaction never did.
    await post('probe-key-0003', 'Thôn Ba');
    await database.query('DELETE FROM idem_probe');
    await database.query(`UPDATE idempotency_keys SET status = 0, response = '{}'::jsonb WHERE key = 'probe-key-0003'`);
    const early = await post('probe-key-0003', 'Thôn Ba');
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'CONFLICT');
    await database.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $1::int) WHERE key = 'probe-key-0003'`, [ABANDONED_AFTER_MS / 1000 + 1]);
    const retried = await post('probe-key-0003', 'Thôn Ba');
    assert.equal(retried.statusCode, 201);
    assert.deepEqual(await probes(), ['Thôn Ba']);
    assert.equal((await keyRow('probe-key-0003')).status, 201);
  });

  test('the same key with another body is refused and creates nothing', async () => {
    await post('probe-key-0004', 'Thôn Bốn');
    const other = await post('probe-key-0004', 'Thôn Khác');
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'IDEMPOTENCY_MISMATCH');
    assert.deepEqual(await probes(), ['Thôn Bốn']);
  });

  test('every idempotent route writes through the run’s handle, not a database captured from outside', () => {
    // A creation that ignored `run` would write outside the answer's transaction (and wait forever for it on PGlite).
    const root = join(import.meta.dirname, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.routes.ts') ? [join(dir, e.name)] : []));
    const calls: string[] = [];
    const ignoring: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/idempotent\(\s*\w+,\s*request,\s*reply,\s*\d+,\s*(async\s*)?\(([^)]*)\)\s*=>/g)) {
        const where = `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`;
        calls.push(where);
        // `({ database })` shadows the outer handle inside the creation; only a `replay` creation (one statement of
        // its own, outside the answer's transaction) may take `({ claim })` alone.
        const shadows = /\{[^}]*\bdatabase\b[^}]*\}/.test(m[2]);
        const replays = /\{\s*claim\s*\}/.test(m[2]) && /\breplay\b/.test(text.slice(m.index, m.index + 600));
        if (!shadows && !replays) ignoring.push(where);
      }
    }
    assert.ok(calls.length >= 20, `only ${calls.length} idempotent routes found: the pattern no longer matches the code`);
    assert.deepEqual(ignoring, []);
  });
});
