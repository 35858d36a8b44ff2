import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../server/config.ts';
import { openDatabase, pgliteDirIn } from '../server/db/client.ts';
import { runCli } from './main.ts';

// The CLI against a real embedded database on disk (the default installation).
describe('command line', { skip: !!process.env.TEST_DATABASE_URL && 'covered on PGlite' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
  const config = loadConfig({ DATA_DIR: dir, SEED: 'none', ADMIN_PASSWORD: 'quan-tri-2026', LOG_LEVEL: 'silent' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('seed, create-user, reset-password, audit verify, backup and restore', async () => {
    assert.equal(await runCli(['seed'], config), 0);
    assert.equal(await runCli(['create-user', '--username', 'CanBo.Moi', '--name', 'Cán Bộ Mới', '--password', 'mat-khau-2026', '--role', 'admin'], config), 0);
    assert.equal(await runCli(['reset-password', '--username', 'canbo.moi', '--password', 'mat-khau-2027'], config), 0);
    await assert.rejects(runCli(['create-user', '--username', 'x'], config), /needs --username, --name and --password/);
    assert.equal(await runCli(['audit', 'verify'], config), 0);
    const backup = join(dir, 'b.tar.gz');
    assert.equal(await runCli(['backup', '--out', backup], config), 0);
    assert.ok(existsSync(backup));

    // Damage the chain, see verify fail, then restore the backup and see it pass again with the user present.
    const db = await openDatabase({ pgliteDir: pgliteDirIn(dir) });
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET action = 'tampered' WHERE seq = 2`);
    await db.close();
    assert.equal(await runCli(['audit', 'verify'], config), 1);
    assert.equal(await runCli(['restore', '--from', backup], config), 0);
    assert.equal(await runCli(['audit', 'verify'], config), 0);
    const restored = await openDatabase({ pgliteDir: pgliteDirIn(dir) });
    const { rows } = await restored.query(`SELECT full_name FROM users WHERE username = 'canbo.moi'`);
    await restored.close();
    assert.equal(rows[0].full_name, 'Cán Bộ Mới');
  });
});
