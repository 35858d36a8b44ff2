import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase, pgliteDirIn, type Database } from '../server/db/client.ts';
import { AppError } from '../server/platform/errors.ts';
import { systemActor } from '../server/modules/audit/audit.service.ts';
import { verifyAuditChain } from '../server/modules/audit/audit.service.ts';
import { makeContext } from '../server/modules/accounts/context.ts';
import { createAccount, resetPassword } from '../server/modules/accounts/accounts.service.ts';
import { findUserByUsername } from '../server/modules/accounts/accounts.repository.ts';
import type { Principal } from '../server/modules/accounts/permissions.ts';
import { seed } from '../server/modules/system/seed.ts';
import { seedCalendar } from '../server/modules/calendar/calendar.service.ts';

/**
 * `npm run cli -- <command>`: administration from the shell. Each command calls the same services as the API,
 * acting as the installation-wide administrator "cli" (audited as such).
 */
const HELP = `motcua command line

  migrate                         apply pending database migrations
  seed [--kind demo|none]         seed a new installation (once)
  create-user --username U --name "Full Name" --password P [--role R --unit UNIT_ID]
  reset-password --username U --password P
  audit verify                    recompute the audit hash chain; exit 1 if broken
  backup [--out FILE]             embedded: a copy of the data dir (stop the server first); PostgreSQL: pg_dump -Fc
  restore --from FILE             the reverse (the current data is moved aside, not deleted)
  calendar show|deadline|versions|lunar|import|seed …   (npm run cli -- calendar help)
  generate --dossiers N --years Y [--end YYYY-MM-DD]   synthetic dossiers (demo/bench) + dashboard rebuild

Configuration comes from the environment (DATA_DIR, DATABASE_URL…), as for the server.`;

/** A principal with every permission on everything: what the CLI acts as. */
const cliPrincipal: Principal = { userId: '00000000-0000-0000-0000-000000000000', username: 'cli', fullName: 'CLI', grants: [{ id: 'cli', role: 'admin', unitId: null }], permissions: new Set(['accounts.write', 'accounts.read', 'units.write', 'units.read', 'audit.read', 'calendar.write', 'calendar.read']) as Principal['permissions'], mustChangePassword: false };

function cliContext(database: Database) {
  const ctx = makeContext(database.db, systemActor('cli'), cliPrincipal, 'vi');
  return ctx;
}

/** Opens the database (applying migrations) and makes sure the reference data every installation needs is there. */
async function open(config: Config) {
  const db = await openDatabase({ url: config.DATABASE_URL, pgliteDir: pgliteDirIn(config.dataDir) });
  await db.transaction((tx) => seedCalendar(tx));
  return db;
}

export async function runCli(argv: string[], config: Config = loadConfig()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'calendar') {
    // The calendar module parses its own arguments (show, deadline, versions, lunar, import, seed).
    const { calendarCommand } = await import('./calendar.ts');
    const db = await open(config);
    try {
      return await calendarCommand(rest, { database: db });
    } finally {
      await db.close();
    }
  }
  if (command === 'generate') {
    // Synthetic dossiers for the dashboard bench (server/modules/dashboard/generate.ts).
    const { generateCommand } = await import('./generate.ts');
    const db = await open(config);
    try {
      return await generateCommand(rest, { database: db });
    } finally {
      await db.close();
    }
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' } },
  });
  switch (command) {
    case 'migrate': {
      const db = await open(config); // opening applies pending migrations
      console.log(`migrations applied (${db.kind})`);
      await db.close();
      return 0;
    }
    case 'seed': {
      const db = await open(config);
      const kind = (values.kind ?? config.SEED) as 'demo' | 'none';
      const r = await seed(db, kind, config.ADMIN_PASSWORD);
      console.log(r.seeded ? `seeded (${kind})${r.kind === 'none' ? `: admin / ${r.password}` : ''}` : 'already seeded: nothing done');
      await db.close();
      return 0;
    }
    case 'create-user': {
      if (!values.username || !values.name || !values.password) throw new Error('create-user needs --username, --name and --password');
      const db = await open(config);
      try {
        const grants = values.role ? [{ role: values.role as never, unitId: values.unit ?? null }] : [];
        const acc = await createAccount(db, cliContext(db), { username: values.username.toLowerCase(), fullName: values.name.normalize('NFC'), password: values.password, grants, mustChangePassword: false });
        console.log(`created ${acc.username} (${acc.id})`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'reset-password': {
      if (!values.username || !values.password) throw new Error('reset-password needs --username and --password');
      const db = await open(config);
      try {
        const user = await findUserByUsername(db.db, values.username.toLowerCase());
        if (!user) throw new Error(`no account ${values.username}`);
        await resetPassword(db, cliContext(db), user.id, { newPassword: values.password, mustChangePassword: false });
        console.log(`password of ${user.username} reset; their sessions are closed`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'audit': {
      if (positionals[0] !== 'verify') throw new Error('usage: audit verify');
      const db = await open(config);
      const r = await verifyAuditChain(db.db);
      await db.close();
      if (r.ok) console.log(`audit chain OK: ${r.checked} rows verified`);
      else console.log(`audit chain BROKEN at seq ${r.problem!.seq}: ${r.problem!.reason} (${r.checked} rows verified before it)`);
      return r.ok ? 0 : 1;
    }
    case 'backup': {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (config.DATABASE_URL) {
        const out = resolve(values.out ?? join(config.dataDir, 'backups', `motcua-${stamp}.dump`));
        mkdirSync(dirname(out), { recursive: true });
        const r = spawnSync('pg_dump', ['-Fc', '-f', out, config.DATABASE_URL], { stdio: 'inherit' });
        if (r.status !== 0) throw new Error('pg_dump failed (is postgresql-client installed?)');
        console.log(`backup written: ${out}`);
        return 0;
      }
      const out = resolve(values.out ?? join(config.dataDir, 'backups', `motcua-${stamp}.tar.gz`));
      mkdirSync(dirname(out), { recursive: true });
      const db = await open(config);
      const blob = await db.pglite!.dumpDataDir('gzip');
      writeFileSync(out, Buffer.from(await blob.arrayBuffer()));
      await db.close();
      console.log(`backup written: ${out}`);
      return 0;
    }
    case 'restore': {
      if (!values.from) throw new Error('restore needs --from FILE');
      const from = resolve(values.from);
      if (config.DATABASE_URL) {
        const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '-d', config.DATABASE_URL, from], { stdio: 'inherit' });
        if (r.status !== 0) throw new Error('pg_restore failed');
        console.log('restored');
        return 0;
      }
      const dir = pgliteDirIn(config.dataDir);
      const staging = `${dir}.restoring`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      // Load the dump into a fresh directory first: a bad file must not damage the current data.
      const lite = await PGlite.create(staging, { loadDataDir: new Blob([readFileSync(from)]) });
      await lite.query('SELECT 1');
      await lite.close();
      if (existsSync(dir)) renameSync(dir, `${dir}.before-restore-${Date.now()}`);
      renameSync(staging, dir);
      console.log(`restored into ${dir}; the previous data was moved aside next to it`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err) => {
      if (err instanceof AppError) console.error(`error ${err.code}: ${err.message}${err.fields ? '\n' + err.fields.map((f) => `  ${f.field}: ${f.message.en}`).join('\n') : ''}`);
      else console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
