/**
 * The leader's-mailbox channel against a real IMAP server: a private Dovecot (Debian package dovecot-imapd) started
 * for this file with a temporary configuration (plain-text passwd-file user, a free port, maildir under a temp dir,
 * in the foreground). Skipped, with the reason, when dovecot is not installed (`apt-get install dovecot-imapd`).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { pollAllMailboxes } from './feedback.imap.ts';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/bin/dovecot'].find((p) => existsSync(p)) ?? (spawnSync('which', ['dovecot']).stdout?.toString().trim() || null);
const skip = DOVECOT ? false : 'dovecot is not installed (apt-get install dovecot-imapd): the IMAP channel test needs a real IMAP server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => (c.end(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A Dovecot of our own: root runs mail as `nobody`; another user runs everything as themselves. */
function dovecotConfig(dir: string, port: number): string {
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const ids = root ? 'uid=nobody gid=nogroup' : `uid=${me.uid} gid=${me.gid}`;
  const asMe = root ? '' : `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}\n`;
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
${asMe}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = ${ids} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

describe('feedback by e-mail to a leader’s mailbox (IMAP, real Dovecot)', { skip }, () => {
  let dir: string;
  let port: number;
  let dovecot: ChildProcess;
  let s: TestServer;
  let unitId: string;
  let mailboxId: string;
  const user = 'lanhdao.tienyen';
  const pass = 'Mat-khau-thu-2026';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-dovecot-'));
    chmodSync(dir, 0o755);
    for (const d of ['run', 'state', 'home']) mkdirSync(join(dir, d));
    chmodSync(join(dir, 'home'), 0o777);
    writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${pass}\n`);
    port = await freePort();
    writeFileSync(join(dir, 'dovecot.conf'), dovecotConfig(dir, port));
    dovecot = spawn(DOVECOT!, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    await waitForPort(port).catch((err) => {
      throw new Error(`${err.message}\n${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`);
    });
    s = await startTestServer();
    unitId = await s.unitId('Xã Tiên Yên');
    const admin = await s.login('admin');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/feedback-mailboxes', headers: { cookie: admin }, payload: { unitId, label: 'Hộp thư Chủ tịch UBND xã', host: '127.0.0.1', port, secure: false, username: user, password: pass } });
    assert.equal(res.statusCode, 201, res.body);
    assert.ok(!('password' in res.json()));
    mailboxId = res.json().id;
  });

  after(async () => {
    await s?.close();
    dovecot?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function append(raw: string) {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
    await client.connect();
    await client.append('INBOX', raw);
    await client.logout();
  }

  const message = (id: string, subject: string, body: string, extra = '') =>
    [`From: =?UTF-8?B?${Buffer.from('Phạm Văn Dân').toString('base64')}?= <dan@example.vn>`, `To: ${user}@tienyen.example`, `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`, `Message-ID: <${id}@example.vn>`, 'Date: Mon, 24 Nov 2025 08:15:00 +0700', 'MIME-Version: 1.0', extra || 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, ''].join('\r\n');

  test('a message appended to the mailbox becomes a feedback item of the unit when the polling job runs, once', async () => {
    await append(message('m1', 'Phản ánh thái độ cán bộ một cửa', 'Chiều 21/11 tôi đến nộp hồ sơ, cán bộ không hướng dẫn.'));
    const first = await pollAllMailboxes(s.database);
    assert.deepEqual(first, { received: 1, failed: 0 });
    const { rows } = await s.database.query("SELECT code, channel, unit_id, title, body, sender_name, sender_email, external_ref, status, received_at FROM feedback_items WHERE channel = 'email'");
    assert.equal(rows.length, 1);
    assert.equal(rows[0].unit_id, unitId);
    assert.equal(rows[0].title, 'Phản ánh thái độ cán bộ một cửa');
    assert.match(String(rows[0].body), /cán bộ không hướng dẫn/);
    assert.equal(rows[0].sender_name, 'Phạm Văn Dân');
    assert.equal(rows[0].sender_email, 'dan@example.vn');
    assert.equal(rows[0].external_ref, '<m1@example.vn>');
    assert.equal(rows[0].status, 'new');
    assert.equal(new Date(rows[0].received_at as string).toISOString(), new Date('2025-11-24T08:15:00+07:00').toISOString());
    const audit = await s.auditFor(String((await s.database.query("SELECT id FROM feedback_items WHERE channel = 'email'")).rows[0].id));
    assert.equal(audit[0].action, 'feedback.receive');
    assert.deepEqual(await pollAllMailboxes(s.database), { received: 0, failed: 0 });
    const box = (await s.database.query('SELECT last_uid, last_error, last_polled_at FROM feedback_mailboxes WHERE id = $1', [mailboxId])).rows[0];
    assert.equal(box.last_uid, 1);
    assert.equal(box.last_error, null);
    assert.ok(box.last_polled_at);
  });

  test('an HTML-only message is read as text; "poll now" through the API gives the same result', async () => {
    await append(message('m2', 'Kiến nghị', '<html><body><p>Đề nghị <b>mở thêm quầy</b> buổi sáng.</p></body></html>', 'Content-Type: text/html; charset=utf-8'));
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/feedback-mailboxes/${mailboxId}/poll`, headers: { cookie: await s.login('admin') } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { received: 1, skipped: 0 });
    const { rows } = await s.database.query("SELECT body FROM feedback_items WHERE external_ref = '<m2@example.vn>'");
    assert.match(String(rows[0].body), /Đề nghị\s+mở thêm quầy\s+buổi sáng/);
    assert.ok(!String(rows[0].body).includes('<b>'));
  });

  test('a wrong password is recorded on the mailbox and does not stop the job', async () => {
    await s.database.query("UPDATE feedback_mailboxes SET password = 'sai' WHERE id = $1", [mailboxId]);
    const r = await pollAllMailboxes(s.database);
    assert.deepEqual(r, { received: 0, failed: 1 });
    const box = (await s.database.query('SELECT last_error FROM feedback_mailboxes WHERE id = $1', [mailboxId])).rows[0];
    assert.ok(String(box.last_error).length > 0);
  });
});
