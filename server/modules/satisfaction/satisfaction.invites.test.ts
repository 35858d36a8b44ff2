/**
 * The dossier's rating invitation has ONE link: the return slip printed twice, the counter screen and the SMS/e-mail
 * invitation all carry it, and every link handed out keeps working until it expires or the dossier is rated.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';
import { runInvites } from './satisfaction.jobs.ts';
import { hashToken, ratingLinkSecret, ratingToken } from './satisfaction.links.ts';
import { findDossierById } from './satisfaction.repository.ts';
import { ensureInvite, INVITE_DAYS } from './satisfaction.service.ts';
import { makeDossier } from './test-helpers.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const hasZbar = hasPdftotext && spawnSync('zbarimg', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
const NO_PDFTOTEXT = !hasPdftotext && 'pdftotext (poppler-utils) is not installed: the slip cannot be read back';

const PUBLIC_URL = 'https://motcua.example.gov.vn';
const scores = { access: 5, procedures: 4, conduct: 5, results: 5, feedbackHandling: 4, overall: 5 };
// Many kiosk calls from one client in this file: lift the per-minute limit (as the bench does).
process.env.TRACKING_RATE_LIMIT_PER_MINUTE = '1000';

function inTempDir<T>(pdf: Buffer, f: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-rating-'));
  try {
    writeFileSync(join(dir, 's.pdf'), pdf);
    return f(join(dir, 's.pdf'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rating link printed on a return slip, read back from its text and (with zbarimg) from its QR code. */
function printedLink(pdf: Buffer): string {
  const text = inTempDir(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').replace(/\s+/g, ' '));
  const url = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/danh-gia\\?t=[A-Za-z0-9_-]+`).exec(text)?.[0];
  assert.ok(url, `no rating link on the slip: ${text}`);
  if (hasZbar) {
    const qr = inTempDir(pdf, (file, dir) => {
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
      return execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page.png')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim().split('\n');
    });
    assert.deepEqual(qr, [url], 'the QR code is the printed link');
  }
  return url;
}

const tokenOf = (url: string) => new URL(url).searchParams.get('t')!;

describe('the rating invitation link of a dossier', () => {
  let s: DossierTestServer;
  let c: Record<string, string>;
  before(async () => {
    s = await startDossierServer({ PUBLIC_URL });
    c = s.cookies;
  });
  after(() => s.close());

  const returnSlip = async (id: string) => {
    const res = await s.app.inject({ url: `/api/v1/dossiers/${id}/slips/return`, headers: { cookie: c.motcua } });
    assert.equal(res.statusCode, 200, res.body);
    return printedLink(res.rawPayload);
  };
  const counterScreen = async (id: string) => s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/rating-invite`, headers: { cookie: c.motcua } });
  const lookup = (token: string) => s.app.inject({ method: 'POST', url: '/api/v1/ratings/lookup', payload: { token } });
  const rateWith = (token: string, lang = 'vi') => s.app.inject({ method: 'POST', url: '/api/v1/ratings/kiosk', headers: { 'accept-language': lang }, payload: { token, scores } });
  const invite = async (dossierId: string) =>
    (await s.database.query('SELECT id, token_hash, earlier_token_hash, nonce, expires_at, used_at, sent_channels FROM satisfaction_invites WHERE dossier_id = $1', [dossierId])).rows[0] as
      { id: string; token_hash: string; earlier_token_hash: string | null; nonce: string | null; expires_at: Date; used_at: Date | null; sent_channels: string | null } | undefined;
  const inviteAudits = async (dossierId: string) =>
    (await s.auditFor(dossierId)).filter((a) => a.action === 'satisfaction.invite').map((a) => (a.after as { link: string }).link).reverse();

  /** The invitation job with a capturing SMS provider and mailer: the links it sent, by dossier code. */
  const sendInvitations = async () => {
    const sent: string[] = [];
    const deps = {
      database: s.database,
      publicUrl: PUBLIC_URL,
      sms: { name: 'test', send: async (_phone: string, text: string) => (sent.push(text), { id: 'sms' }) },
      mailer: { send: async (m: { to: string; text: string }) => (sent.push(m.text), { messageId: 'mail' }) },
    };
    await runInvites(deps);
    return (code: string) => {
      const links = sent.filter((t) => t.includes(code)).map((t) => /https:\S+danh-gia\?t=[A-Za-z0-9_-]+/.exec(t)?.[0]);
      return [...new Set(links)];
    };
  };

  test('the return slip printed twice carries the same link, in text and QR code, and so does the counter screen', { skip: NO_PDFTOTEXT }, async () => {
    const d = await makeDossier(s);
    const first = await returnSlip(d.id);
    const second = await returnSlip(d.id);
    assert.equal(second, first);
    const screen = await counterScreen(d.id);
    assert.equal(screen.statusCode, 200, screen.body);
    assert.equal(screen.json().url, first);
    assert.deepEqual(await inviteAudits(d.id), ['new', 'same', 'same']);
    const row = await invite(d.id);
    assert.equal(row!.token_hash, hashToken(tokenOf(first)), 'only the hash is stored');
    assert.ok(row!.nonce);
    const look = await lookup(tokenOf(first));
    assert.equal(look.statusCode, 200, look.body);
    assert.equal(look.json().dossierCode, d.code);
    assert.equal(look.json().ratable, true);
  });

  test('invitation sent by SMS and e-mail, then the slip printed: the same link, and the link sent earlier still rates', { skip: NO_PDFTOTEXT }, async () => {
    const d = await makeDossier(s);
    const sentLinks = (await sendInvitations())(d.code);
    assert.equal(sentLinks.length, 1, `one link in the SMS and the e-mail: ${sentLinks.join(' ')}`);
    const sent = sentLinks[0]!;
    const slip = await returnSlip(d.id);
    assert.equal(slip, sent);
    assert.equal((await counterScreen(d.id)).json().url, sent);
    assert.equal((await invite(d.id))!.sent_channels, 'sms,email');
    const rated = await rateWith(tokenOf(sent));
    assert.equal(rated.statusCode, 201, rated.body);
    assert.equal(rated.json().channel, 'link');
    assert.ok((await invite(d.id))!.used_at, 'the invitation is used');
  });

  test('the slip printed first, then the invitation job: the SMS and e-mail carry the slip’s link (the job still sends)', { skip: NO_PDFTOTEXT }, async () => {
    const d = await makeDossier(s);
    const slip = await returnSlip(d.id);
    assert.equal((await invite(d.id))!.sent_channels, null, 'printed, not sent');
    const sent = (await sendInvitations())(d.code);
    assert.deepEqual(sent, [slip]);
    assert.equal((await invite(d.id))!.sent_channels, 'sms,email');
    assert.deepEqual((await sendInvitations())(d.code), [], 'a second run sends nothing');
    assert.deepEqual(await inviteAudits(d.id), ['new', 'same']);
    assert.equal((await rateWith(tokenOf(slip))).statusCode, 201);
  });

  test('the counter screen and the invitation job at the same moment agree on one link', async () => {
    const d = await makeDossier(s);
    const [a, b, sent] = await Promise.all([counterScreen(d.id), counterScreen(d.id), sendInvitations()]);
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(b.json().url, a.json().url);
    assert.deepEqual(sent(d.code), [a.json().url]);
    assert.equal(Number((await s.database.query('SELECT count(*)::int AS n FROM satisfaction_invites WHERE dossier_id = $1', [d.id])).rows[0].n), 1);
  });

  test('a used link is refused: once the dossier is rated, every link of it answers 409 and no link is issued any more', async () => {
    const d = await makeDossier(s);
    const url = (await counterScreen(d.id)).json().url as string;
    assert.equal((await rateWith(tokenOf(url))).statusCode, 201);
    const again = await rateWith(tokenOf(url));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().detail, `Hồ sơ ${d.code} đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần`);
    assert.equal((await rateWith(tokenOf(url), 'en')).json().detail, `dossier ${d.code} was already rated (one rating per dossier)`);
    assert.equal((await lookup(tokenOf(url))).json().ratable, false);
    const reissue = await counterScreen(d.id);
    assert.equal(reissue.statusCode, 409);
    assert.equal(reissue.json().code, 'CONFLICT');
  });

  test('an expired link is refused; issuing again gives a new link and the expired one stays refused', { skip: NO_PDFTOTEXT }, async () => {
    const d = await makeDossier(s);
    const old = await returnSlip(d.id);
    await s.database.query(`UPDATE satisfaction_invites SET expires_at = now() - interval '1 minute' WHERE dossier_id = $1`, [d.id]);
    assert.equal((await lookup(tokenOf(old))).statusCode, 404);
    assert.equal((await rateWith(tokenOf(old))).statusCode, 404);
    const fresh = await returnSlip(d.id);
    assert.notEqual(fresh, old);
    assert.equal((await lookup(tokenOf(old))).statusCode, 404, 'the expired link is not revived');
    assert.equal((await returnSlip(d.id)), fresh, 'and the new one is stable');
    assert.deepEqual(await inviteAudits(d.id), ['new', 'renewed', 'same']);
    assert.equal((await rateWith(tokenOf(fresh))).statusCode, 201);
  });

  test('a link close to its expiry is printed again unchanged and stays valid 30 days from the print', async () => {
    const d = await makeDossier(s);
    const url = (await counterScreen(d.id)).json().url as string;
    await s.database.query(`UPDATE satisfaction_invites SET expires_at = now() + interval '1 day' WHERE dossier_id = $1`, [d.id]);
    const before = Date.now();
    const again = (await counterScreen(d.id)).json() as { url: string; expiresAt: string };
    assert.equal(again.url, url);
    const expires = (await invite(d.id))!.expires_at;
    assert.equal(new Date(again.expiresAt).getTime(), new Date(expires).getTime());
    assert.ok(new Date(expires).getTime() >= before + INVITE_DAYS * 86_400_000 - 60_000, `extended: ${String(expires)}`);
  });

  test('a link issued before keyed links (random token) keeps working after the slip gives the keyed one', { skip: NO_PDFTOTEXT }, async () => {
    const d = await makeDossier(s);
    const dossier = (await findDossierById(s.database.db, d.id))!;
    // What the earlier version stored: a random token's hash, no nonce (the SMS carried the token).
    const legacy = randomBytes(24).toString('base64url');
    await s.database.query(
      `INSERT INTO satisfaction_invites (dossier_id, unit_id, token_hash, expires_at, sent_to, sent_channels) VALUES ($1, $2, $3, now() + interval '20 days', '0912345678', 'sms')`,
      [d.id, dossier.returningUnitId, hashToken(legacy)],
    );
    assert.equal((await lookup(legacy)).json().dossierCode, d.code);
    const keyed = await returnSlip(d.id);
    assert.notEqual(tokenOf(keyed), legacy);
    assert.equal(await returnSlip(d.id), keyed, 'then stable');
    const row = (await invite(d.id))!;
    assert.equal(row.earlier_token_hash, hashToken(legacy));
    assert.equal(row.token_hash, hashToken(tokenOf(keyed)));
    const look = await lookup(legacy);
    assert.equal(look.statusCode, 200, look.body);
    assert.equal(look.json().ratable, true);
    const rated = await rateWith(legacy);
    assert.equal(rated.statusCode, 201, rated.body);
    assert.equal((await rateWith(tokenOf(keyed))).statusCode, 409, 'one rating per dossier, whichever link');
  });

  test('a new LINK_SECRET gives a keyed link under it; the link under the previous secret stays accepted', async () => {
    const d = await makeDossier(s);
    const dossier = (await findDossierById(s.database.db, d.id))!;
    const installed = await ratingLinkSecret(s.database);
    const now = new Date();
    const issue = (secret: string) => s.database.transaction((tx) => ensureInvite(tx.db, dossier, secret, now));
    const a = await issue(installed);
    assert.equal(a.link, 'new');
    const row = (await invite(d.id))!;
    assert.equal(a.token, ratingToken(installed, row.id, row.nonce!), 'HMAC of the invitation’s id and nonce');
    const rotated = 'another-link-secret-of-32-characters-at-least';
    const b = await issue(rotated);
    assert.equal(b.link, 'renewed');
    assert.notEqual(b.token, a.token);
    assert.deepEqual(await issue(rotated), { ...b, link: 'same' });
    assert.equal((await lookup(a.token)).statusCode, 200, 'the link under the previous secret');
    assert.equal((await lookup(b.token)).statusCode, 200);
    assert.equal((await lookup(ratingToken(rotated, row.id, 'another-nonce'))).statusCode, 404);
  });
});
