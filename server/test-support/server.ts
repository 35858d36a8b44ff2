import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { MIGRATIONS_DIR, openDatabase, type Database } from '../db/client.ts';
import { bootstrap, type Server } from '../bootstrap.ts';
import { SESSION_COOKIE } from '../http/constants.ts';
import { DEMO_PASSWORD } from '../modules/system/demo-locality.ts';

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new PostgreSQL database created on
 * the server named by TEST_DATABASE_URL (dropped again by `drop`).
 */
export async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const database = await openDatabase({ loadDataDir: await migratedTemplate() });
    return { database, drop: () => database.close() };
  }
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A dump of an empty, fully migrated PGlite database, cached under .tmp/ and keyed by the migrations' content:
 * loading it takes ~1.3 s where creating and migrating a new database takes ~5 s. Test files run in separate
 * processes, so the first one writes it (atomically) and the others reuse it.
 */
async function migratedTemplate(): Promise<Blob | undefined> {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) if (f.endsWith('.sql')) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  const dir = '.tmp/test-templates';
  const file = join(dir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({});
  const blob = await database.pglite!.dumpDataDir('none');
  await database.close();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  return blob;
}

export interface TestServer extends Server {
  /** Signs in through the API and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Id of the first unit whose name matches exactly. */
  unitId(name: string): Promise<string>;
  userId(username: string): Promise<string>;
  /** Audit rows for a subject, newest first. */
  auditFor(subjectId: string): Promise<Array<{ action: string; actor_id: string | null; before: unknown; after: unknown; unit_id: string | null }>>;
}

/**
 * On PGlite runs, every POST a test sends without an Idempotency-Key gets a fresh one, so that each creation the
 * suite exercises also runs the way a retrying client makes it run: inside the transaction that stores its answer
 * (http/idempotency.ts). On PGlite, one connection, a creation that read or wrote beside that transaction would
 * wait for it forever, and the test would hang instead of passing. The PostgreSQL run keeps the requests as written,
 * so the path without a key is exercised there (and by the browser journeys). Routes without `idempotent` ignore
 * the header.
 */
function sendIdempotencyKeys(app: Server['app']) {
  const inject = app.inject.bind(app) as (opts: unknown) => unknown;
  (app as { inject: unknown }).inject = (opts?: unknown) => {
    if (opts && typeof opts === 'object' && String((opts as { method?: string }).method ?? 'GET').toUpperCase() === 'POST') {
      const o = opts as { headers?: Record<string, unknown> };
      const headers = o.headers ?? {};
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key')) return inject({ ...o, headers: { ...headers, 'idempotency-key': `test-${randomBytes(12).toString('hex')}` } });
    }
    return inject(opts);
  };
}

/** Boots the whole app (demo seed, no job workers, no logs) on a fresh database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const { database, drop } = await freshDatabase();
  const config = loadConfig({ SEED: 'demo', JOBS: 'off', LOG_LEVEL: 'silent', DATA_DIR: '.tmp/test-data', ...env });
  const server = await bootstrap(config, { database, logger: false, demoActivity: false });
  if (!process.env.TEST_DATABASE_URL) sendIdempotencyKeys(server.app);
  return {
    ...server,
    async close() {
      await server.close();
      await drop();
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      return `${SESSION_COOKIE}=${cookie!.value}`;
    },
    async unitId(name) {
      const { rows } = await database.query('SELECT id FROM units WHERE name = $1 ORDER BY valid_from DESC LIMIT 1', [name]);
      if (!rows[0]) throw new Error(`no unit named ${name}`);
      return rows[0].id as string;
    },
    async userId(username) {
      const { rows } = await database.query('SELECT id FROM users WHERE username = $1', [username]);
      if (!rows[0]) throw new Error(`no user ${username}`);
      return rows[0].id as string;
    },
    async auditFor(subjectId) {
      const { rows } = await database.query('SELECT action, actor_id, before, after, unit_id FROM audit_log WHERE subject_id = $1 ORDER BY seq DESC', [subjectId]);
      return rows as never;
    },
  };
}
