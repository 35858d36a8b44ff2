import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A drizzle handle, the same type on PGlite and on PostgreSQL (and inside a transaction). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Raw parameterised SQL on a given connection ($1, $2 … placeholders). `opts.name` makes it a named prepared
 * statement on PostgreSQL (parsed and planned once per connection; for the hottest statements only — the text
 * for a name must never change). PGlite runs in-process and ignores the name.
 */
export type SqlExecutor = (text: string, values?: unknown[], opts?: { name?: string }) => Promise<{ rows: Record<string, unknown>[] }>;

/** A transaction: a drizzle handle and raw SQL on the same connection (for pg-boss). */
export interface Tx {
  db: Db;
  query: SqlExecutor;
  /** Runs after COMMIT succeeds (never after a rollback): in-process notifications, cache invalidation. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/**
 * The one database handle. drizzle runs on PGlite's own driver or on node-postgres; raw SQL for pg-boss
 * goes through `query` (PGlite's node-postgres facade, or the pool). See ADR 0002.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL outside any transaction. */
  query: SqlExecutor;
  /** A node-postgres pool on the same database (the in-process facade on PGlite): what pg-boss uses. */
  pool: pg.Pool;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The embedded engine, when it is the one in use (for backup). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_OPTS = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public', migrationsTable: 'schema_migrations' };

// int8 (bigint) as a JS number when it fits, as PGlite gives it: counts and sequences are far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
// `date` stays a 'YYYY-MM-DD' string: a calendar date has no time zone and must not become a Date at midnight UTC.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Folder of the persistent PGlite database; absent = in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
  /** Start the embedded database from a dump (`dumpDataDir`) instead of an empty one (test templates). */
  loadDataDir?: Blob;
}

/** The raw client inside a drizzle transaction: a pg PoolClient or a PGlite Transaction, both with `query(text, values)`. */
function rawClientOf(dtx: unknown): { query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> } {
  // drizzle keeps the connection on the transaction's session; it is not part of its public types.
  return (dtx as { session: { client: never } }).session.client;
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let db: Db;
  let pool: pg.Pool;
  let kind: Database['kind'];
  let closeAll: () => Promise<void>;
  let lite: PGlite | undefined;
  if (opts.url) {
    kind = 'postgres';
    pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client's error surfaces on the next query instead of crashing the process
    const d = drizzleNodePg(pool, { schema });
    await migrateNodePg(d, MIGRATION_OPTS);
    db = d as unknown as Db;
    closeAll = () => pool.end();
  } else {
    kind = 'pglite';
    if (opts.pgliteDir) mkdirSync(opts.pgliteDir, { recursive: true }); // PGlite does not create parents
    lite = await PGlite.create(opts.pgliteDir ?? 'memory://', { extensions: { pg_trgm, unaccent }, loadDataDir: opts.loadDataDir });
    const engine = lite;
    const d = drizzlePglite(engine, { schema });
    await migratePglite(d, MIGRATION_OPTS);
    db = d as unknown as Db;
    // The facade's options type is narrower than pg's; it is a valid pg.Pool config at run time.
    pool = new pg.Pool(createPgConfig(engine) as pg.PoolConfig);
    closeAll = async () => {
      await pool.end();
      await engine.close();
    };
  }
  const named = kind === 'postgres';
  const run = (c: { query: pg.Pool['query'] }, text: string, values: unknown[] | undefined, o?: { name?: string }) =>
    named && o?.name ? c.query({ name: o.name, text, values }) : c.query(text, values);
  const query: SqlExecutor = (text, values, o) => run(pool, text, values, o);

  return {
    kind,
    db,
    pool,
    query,
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const after: Array<() => void | Promise<void>> = [];
      const result = await db.transaction(async (dtx) => {
        const client = rawClientOf(dtx);
        return fn({ db: dtx as unknown as Db, query: (text, values, o) => run(client as never, text, values, o), afterCommit: (f) => after.push(f) });
      });
      for (const f of after) await f();
      return result;
    },
    pglite: lite,
    close: () => closeAll(),
  };
}

/**
 * The database as seen from inside `tx`: its `db` and `query` are the transaction's, and its `transaction(fn)` joins
 * `tx` instead of opening another. A use case written against `Database` then runs, unchanged, as part of a larger
 * transaction (an idempotent creation commits its resource and its stored answer together). `pool` stays the
 * outer pool: code given this view must not use it (on PGlite, one connection, it would wait for `tx` forever).
 */
export function joinTransaction(database: Database, tx: Tx): Database {
  return { ...database, db: tx.db, query: tx.query, transaction: (fn) => fn(tx) };
}

/** Path of the embedded database inside DATA_DIR. */
export const pgliteDirIn = (dataDir: string) => join(dataDir, 'pglite');
