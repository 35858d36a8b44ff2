import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../http/constants.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { beginAtServer, callback, multipart, signInCitizen, walkProvider } from './test-helpers.ts';

const LIMIT = 32 * 1024;
// Read by the routes at start-up (UPLOAD_MAX_BYTES): a small limit keeps the "too big" case cheap.
process.env.UPLOAD_MAX_BYTES = String(LIMIT);

const PDF_A = Buffer.from('%PDF-1.7\n% Tờ khai cấp giấy xác nhận tình trạng hôn nhân\n1 0 obj << >> endobj\n%%EOF\n');
const PDF_B = Buffer.from('%PDF-1.7\n% Bản án ly hôn — bản sao\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

type Doc = { index: number; name: string; uploadRequired: boolean; file: { id: string; sha256: string; reused: boolean } | null };
type App = {
  id: string;
  status: string;
  version: number;
  dossierId: string | null;
  dossierCode: string | null;
  dossierStatus: string | null;
  feeAmount: number;
  paid: boolean;
  documents: Doc[];
  payment: { amount: number; status: string; qrContent: string | null; qrSvg: string | null; accountNumber: string | null };
  dossier: null | { version: number; awaitingSupplement: boolean; canWithdraw: boolean; clockRunning: boolean; timeline: Array<{ kind: string }>; files: Array<{ id: string }> };
};

describe('citizen portal', () => {
  let s: TestServer;
  let dataDir: string;
  let an: string; // congdan's session
  let mai: string; // congdan2's session
  let counter: string; // motcua (Xã Tiên Yên)
  let otherCounter: string; // motcua.hailang
  let tienYen: string;
  let procedureId: string;
  let uploadDocs: number[];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-portal-'));
    s = await startTestServer({ DATA_DIR: dataDir, OIDC_DEV_IDP_PORT: '0' });
    [an, mai, counter, otherCounter] = [await signInCitizen(s, 'congdan'), await signInCitizen(s, 'congdan2'), await s.login('motcua'), await s.login('motcua.hailang')];
    tienYen = await s.unitId('Xã Tiên Yên');
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/portal/procedures?q=xac nhan tinh trang hon nhan', headers: { cookie: an } });
    assert.equal(list.statusCode, 200, list.body);
    const p = list.json().find((x: { name: string }) => x.name === 'Cấp Giấy xác nhận tình trạng hôn nhân');
    assert.ok(p, 'the online procedure is listed');
    procedureId = p.id;
    uploadDocs = p.documents.filter((d: { uploadRequired: boolean }) => d.uploadRequired).map((d: { index: number }) => d.index);
    assert.equal(uploadDocs.length, 2, 'two documents to upload');
    assert.ok(p.feeTotal > 0);
  });
  after(async () => {
    await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const inject = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    s.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload !== undefined ? { payload: payload as never } : {}) });
  const draft = async (cookie = an, name = 'Nguyễn Văn Hùng'): Promise<App> => {
    const res = await inject(cookie, 'POST', '/api/v1/portal/applications', { procedureId, receptionUnitId: tienYen, applicant: { name, phone: '0912345670' } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const upload = (cookie: string, id: string, index: number, bytes: Buffer, name = 'to-khai.pdf', type = 'application/pdf') => {
    const m = multipart(bytes, name, type);
    return s.app.inject({ method: 'POST', url: `/api/v1/portal/applications/${id}/files?index=${index}`, headers: { cookie, ...m.headers }, payload: m.payload });
  };
  const submitted = async (cookie = an): Promise<App> => {
    const d = await draft(cookie);
    assert.equal((await upload(cookie, d.id, uploadDocs[0], PDF_A)).statusCode, 200);
    assert.equal((await upload(cookie, d.id, uploadDocs[1], PDF_B, 'ban-an.pdf')).statusCode, 200);
    const res = await inject(cookie, 'POST', `/api/v1/portal/applications/${d.id}/submit`, { version: d.version });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  describe('sign-in with the electronic identity', () => {
    test('the first sign-in creates a citizen account linked to the identity, with its ID number, and audits it', async () => {
      const { rows } = await s.database.query(`SELECT i.id_number, i.full_name, u.username, g.role FROM portal_identities i JOIN users u ON u.id = i.user_id JOIN role_grants g ON g.user_id = u.id WHERE i.subject = 'congdan'`);
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0], { id_number: '022090000000', full_name: 'Nguyễn Văn Hùng', username: rows[0].username, role: 'citizen' });
      assert.match(rows[0].username as string, /^eid-[0-9a-f]{16}$/);
      const me = await inject(an, 'GET', '/api/v1/portal/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().idNumber, '022090000000');
      assert.equal(me.json().eIdVerified, true);
      const audit = await s.database.query(`SELECT action FROM audit_log WHERE action IN ('portal.citizen.create', 'auth.login') AND actor_label LIKE 'eid-%'`);
      assert.ok(audit.rows.some((r) => r.action === 'portal.citizen.create'));
      assert.ok(audit.rows.some((r) => r.action === 'auth.login'));
    });

    test('a later sign-in reuses the account and refreshes the name the provider asserts', async () => {
      await s.database.query(`UPDATE portal_identities SET full_name = 'Tên cũ' WHERE subject = 'congdan'`);
      await signInCitizen(s, 'congdan');
      const { rows } = await s.database.query(`SELECT count(*)::int AS n, max(i.full_name) AS name FROM portal_identities i WHERE subject = 'congdan'`);
      assert.deepEqual(rows[0], { n: 1, name: 'Nguyễn Văn Hùng' });
      const audit = await s.database.query(`SELECT before, after FROM audit_log WHERE action = 'portal.identity.update' ORDER BY seq DESC LIMIT 1`);
      assert.equal((audit.rows[0].before as { fullName: string }).fullName, 'Tên cũ');
    });

    test('a tampered state is refused: redirect to the portal with the reason, no session, audited', async () => {
      const start = await beginAtServer(s);
      const back = await walkProvider(start.authUrl, 'congdan');
      back.searchParams.set('state', 'forged-state');
      const res = await callback(s, back, start.cookie);
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/cong-dan?loi=state_mismatch');
      assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
      const audit = await s.auditFor(start.requestId);
      assert.equal(audit[0].action, 'portal.signin_refused');
      assert.equal((audit[0].after as { reason: string }).reason, 'state_mismatch');
    });

    test('an expired sign-in is refused with problem+json when JSON is asked for', async () => {
      const start = await beginAtServer(s);
      const back = await walkProvider(start.authUrl, 'congdan');
      await s.database.query(`UPDATE portal_oidc_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [start.requestId]);
      const res = await callback(s, back, start.cookie, true);
      assert.equal(res.statusCode, 401);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().code, 'SIGN_IN_REFUSED');
      assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
      assert.equal((await s.auditFor(start.requestId))[0].action, 'portal.signin_refused');
    });

    test('a nonce that does not match the ID token is refused', async () => {
      const start = await beginAtServer(s);
      const back = await walkProvider(start.authUrl, 'congdan');
      await s.database.query(`UPDATE portal_oidc_requests SET nonce = 'another-nonce' WHERE id = $1`, [start.requestId]);
      const res = await callback(s, back, start.cookie);
      assert.equal(res.headers.location, '/cong-dan?loi=nonce_mismatch');
      assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
    });

    test('a replayed answer and an answer without the browser cookie are refused', async () => {
      const start = await beginAtServer(s);
      const back = await walkProvider(start.authUrl, 'congdan2');
      assert.equal((await callback(s, back, start.cookie)).headers.location, '/cong-dan');
      assert.equal((await callback(s, back, start.cookie)).headers.location, '/cong-dan?loi=state_used');
      assert.equal((await callback(s, back, null)).headers.location, '/cong-dan?loi=state_missing');
    });

    test('a sign-in started from "my dossiers" (?muc=ho-so-cua-toi) comes back to it, refused or not; any other value is ignored', async () => {
      const start = await beginAtServer(s, 'ho-so-cua-toi');
      assert.equal((await s.database.query(`SELECT return_section FROM portal_oidc_requests WHERE id = $1`, [start.requestId])).rows[0].return_section, 'ho-so-cua-toi');
      const back = await walkProvider(start.authUrl, 'congdan');
      const res = await callback(s, back, start.cookie);
      assert.equal(res.statusCode, 302, res.body);
      assert.equal(res.headers.location, '/cong-dan?muc=ho-so-cua-toi');
      assert.ok(res.cookies.find((c) => c.name === SESSION_COOKIE), 'signed in');
      assert.equal((await callback(s, back, start.cookie)).headers.location, '/cong-dan?loi=state_used&muc=ho-so-cua-toi', 'a retry from the refusal keeps the section');
      for (const other of ['https://evil.example/', '//evil.example', 'gui-ho-so']) {
        const o = await beginAtServer(s, other);
        assert.equal((await s.database.query(`SELECT return_section FROM portal_oidc_requests WHERE id = $1`, [o.requestId])).rows[0].return_section, null, other);
        const r = await callback(s, await walkProvider(o.authUrl, 'congdan'), o.cookie);
        assert.equal(r.headers.location, '/cong-dan', other);
      }
    });

    test('an official linked to an identity is refused unless the setting allows officials', async () => {
      const { rows } = await s.database.query(`SELECT user_id FROM portal_identities WHERE subject = 'congdan3'`);
      assert.equal(rows.length, 0);
      await signInCitizen(s, 'congdan3');
      const [{ user_id: uid }] = (await s.database.query(`SELECT user_id FROM portal_identities WHERE subject = 'congdan3'`)).rows;
      await s.database.query(`INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, 'counter_officer', $2)`, [uid, tienYen]);
      const start = await beginAtServer(s);
      const back = await walkProvider(start.authUrl, 'congdan3');
      assert.equal((await callback(s, back, start.cookie)).headers.location, '/cong-dan?loi=official_not_allowed');
    });
  });

  describe('online submission and the counter', () => {
    test('submits with two uploaded documents; the counter accepts; the dossier is online, digitised, and the citizen sees its status', async () => {
      const d = await draft();
      assert.equal(d.status, 'draft');
      assert.equal(d.payment.status, 'awaiting');
      assert.match(d.payment.qrContent!, /^000201/, 'a VietQR (EMVCo) payload');
      assert.match(d.payment.qrSvg!, /^<svg/);
      // Incomplete: refused with the missing documents named.
      const early = await inject(an, 'POST', `/api/v1/portal/applications/${d.id}/submit`, { version: d.version });
      assert.equal(early.statusCode, 400);
      assert.deepEqual(early.json().errors.map((e: { field: string }) => e.field), uploadDocs.map((i) => `documents.${i}`));
      assert.equal((await upload(an, d.id, uploadDocs[0], PDF_A)).statusCode, 200);
      const two = await upload(an, d.id, uploadDocs[1], PDF_B, 'ban-an.pdf');
      assert.equal(two.statusCode, 200, two.body);
      assert.equal(two.json().documents.filter((x: Doc) => x.file).length, 2);
      const sub = await inject(an, 'POST', `/api/v1/portal/applications/${d.id}/submit`, { version: d.version });
      assert.equal(sub.statusCode, 200, sub.body);
      assert.equal(sub.json().status, 'submitted');

      const mine = await inject(an, 'GET', '/api/v1/portal/applications');
      assert.ok(mine.json().some((x: App) => x.id === d.id && x.status === 'submitted'));
      const inbox = await inject(counter, 'GET', '/api/v1/portal/inbox');
      assert.equal(inbox.statusCode, 200);
      const waiting = inbox.json().find((x: App) => x.id === d.id);
      assert.ok(waiting, 'the counter of Xã Tiên Yên sees it');
      assert.equal((await inject(otherCounter, 'GET', '/api/v1/portal/inbox')).json().some((x: App) => x.id === d.id), false, 'not another commune');

      const acc = await inject(counter, 'POST', `/api/v1/portal/inbox/${d.id}/accept`, { version: waiting.version });
      assert.equal(acc.statusCode, 200, acc.body);
      assert.equal(acc.json().status, 'accepted');
      const dossierId = acc.json().dossierId as string;
      const { rows: [dossier] } = await s.database.query(`SELECT channel, status, applicant_id_number FROM dossiers WHERE id = $1`, [dossierId]);
      assert.deepEqual(dossier, { channel: 'online', status: 'received', applicant_id_number: '022090000000' });
      const { rows: files } = await s.database.query(`SELECT f.sha256, f.digitised, d.idx FROM dossier_files f JOIN dossier_documents d ON d.id = f.document_id WHERE f.dossier_id = $1 ORDER BY d.idx`, [dossierId]);
      assert.equal(files.length, 2);
      assert.ok(files.every((f) => f.digitised));
      const actions = (await s.auditFor(dossierId)).map((a) => a.action);
      assert.ok(actions.includes('dossier.receive') || actions.some((a) => a.startsWith('dossier.')), actions.join());
      assert.ok(actions.includes('dossier.file.upload'));
      assert.equal((await s.auditFor(d.id))[0].action, 'portal.application.accept');

      const seen = await inject(an, 'GET', `/api/v1/portal/applications/${d.id}`);
      assert.equal(seen.statusCode, 200);
      const app = seen.json() as App;
      assert.equal(app.dossierStatus, 'received');
      assert.ok(app.dossierCode);
      assert.equal(app.dossier!.files.length, 2);
      assert.ok(app.dossier!.timeline.some((e) => e.kind === 'received'));
      const slip = await inject(an, 'GET', `/api/v1/portal/applications/${d.id}/receipt.pdf`);
      assert.equal(slip.statusCode, 200);
      assert.equal(slip.headers['content-type'], 'application/pdf');
      const file = await inject(an, 'GET', `/api/v1/portal/applications/${d.id}/files/${app.dossier!.files[0].id}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    test('the counter opens an uploaded file to check it; another unit cannot', async () => {
      const a = await submitted();
      const ok = await inject(counter, 'GET', `/api/v1/portal/inbox/${a.id}/files/${uploadDocs[1]}`);
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.rawPayload.toString(), PDF_B.toString());
      assert.equal((await inject(otherCounter, 'GET', `/api/v1/portal/inbox/${a.id}/files/${uploadDocs[1]}`)).statusCode, 403);
      assert.equal((await inject(counter, 'GET', `/api/v1/portal/inbox/${a.id}/files/40`)).statusCode, 404);
    });

    test('documents already digitised for me are reused without a new upload; another person cannot reuse them', async () => {
      const reusable = await inject(an, 'GET', '/api/v1/portal/reusable');
      assert.equal(reusable.statusCode, 200);
      const list = reusable.json() as Array<{ fileId: string; dossierCode: string }>;
      assert.ok(list.length >= 2, 'the files of my accepted dossier are digitised');
      const d = await draft();
      const r = await inject(an, 'POST', `/api/v1/portal/applications/${d.id}/reuse`, { index: uploadDocs[0], fileId: list[0].fileId });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().documents.find((x: Doc) => x.index === uploadDocs[0]).file.reused, true);
      assert.equal((await s.auditFor(d.id))[0].action, 'portal.application.reuse');
      assert.deepEqual((await inject(mai, 'GET', '/api/v1/portal/reusable')).json(), [], 'Mai has nothing digitised');
      const theirs = await draft(mai, 'Trần Thị Mai');
      assert.equal((await inject(mai, 'POST', `/api/v1/portal/applications/${theirs.id}/reuse`, { index: uploadDocs[0], fileId: list[0].fileId })).statusCode, 404);
    });

    test('the counter refuses with a reason the citizen reads; a counter of another unit is refused 403', async () => {
      const a = await submitted();
      assert.equal((await inject(otherCounter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: a.version })).statusCode, 403);
      assert.equal((await inject(an, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: a.version })).statusCode, 403, 'a citizen is no counter');
      assert.equal((await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version + 5, reason: 'x' })).statusCode, 409);
      const r = await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version, reason: 'Tờ khai thiếu chữ ký' });
      assert.equal(r.statusCode, 200, r.body);
      const seen = (await inject(an, 'GET', `/api/v1/portal/applications/${a.id}`)).json();
      assert.equal(seen.status, 'refused');
      assert.equal(seen.refusalReason, 'Tờ khai thiếu chữ ký');
      assert.equal((await s.auditFor(a.id))[0].action, 'portal.application.refuse');
    });

    test('the dossier page shows the online application and its fee to those who may read the dossier', async () => {
      const a = await submitted();
      const acc = (await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: a.version })).json() as App;
      const seen = await inject(counter, 'GET', `/api/v1/portal/by-dossier/${acc.dossierId}`);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.deepEqual({ ...seen.json().application, paidAt: null }, { id: a.id, feeAmount: a.feeAmount, paid: false, paidAt: null, version: acc.version, eIdVerified: true, canMarkPaid: true });
      assert.equal((await inject(otherCounter, 'GET', `/api/v1/portal/by-dossier/${acc.dossierId}`)).statusCode, 404);
      assert.equal((await inject(an, 'GET', `/api/v1/portal/by-dossier/${acc.dossierId}`)).statusCode, 403, 'citizens use their own routes');
      const list = await inject(counter, 'POST', '/api/v1/dossiers/checklist', { procedureId });
      const atCounter = await inject(counter, 'POST', '/api/v1/dossiers', { procedureId, applicant: { name: 'Đỗ Văn Quầy' }, documents: list.json().documents.map((x: { index: number }) => ({ index: x.index, received: true })) });
      assert.equal(atCounter.statusCode, 201, atCounter.body);
      assert.equal((await inject(counter, 'GET', `/api/v1/portal/by-dossier/${atCounter.json().dossier.id}`)).json().application, null, 'filed at the counter');
    });

    test('a submitted application withdrawn before the check leaves the counter’s inbox; it cannot be accepted then', async () => {
      const a = await submitted();
      const w = await inject(an, 'POST', `/api/v1/portal/applications/${a.id}/withdraw`, { version: a.version, reason: 'Nộp nhầm thủ tục' });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().status, 'withdrawn');
      assert.equal((await s.auditFor(a.id))[0].action, 'portal.application.withdraw');
      assert.equal((await inject(counter, 'GET', '/api/v1/portal/inbox')).json().some((x: App) => x.id === a.id), false);
      assert.equal((await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: w.json().version })).statusCode, 422);
      assert.equal((await inject(an, 'POST', `/api/v1/portal/applications/${a.id}/withdraw`, { version: w.json().version, reason: 'again' })).statusCode, 422);
    });

    test('a refusal names the rule in Vietnamese by default, in English or French when asked', async () => {
      const a = await submitted();
      const w = (await inject(an, 'POST', `/api/v1/portal/applications/${a.id}/withdraw`, { version: a.version, reason: 'Nộp nhầm thủ tục' })).json() as App;
      const accept = (lang?: string) => inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: w.version }, lang ? { 'accept-language': lang } : {});
      const vi = await accept();
      assert.equal(vi.statusCode, 422);
      assert.equal(vi.json().title, 'Thao tác trái quy định');
      assert.equal(vi.json().detail, 'Chỉ tiếp nhận được hồ sơ đã nộp và đang chờ kiểm tra');
      assert.equal((await accept('en')).json().detail, 'only a submitted application is accepted');
      assert.equal((await accept('fr')).json().detail, 'seule une demande déposée, en attente de vérification, peut être reçue');
      const stale = await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: w.version + 3 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().detail, `Hồ sơ đã được cập nhật ở nơi khác (phiên bản hiện tại ${w.version}, không phải ${w.version + 3}); vui lòng tải lại trang`);
      const staleEn = await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: w.version + 3 }, { 'accept-language': 'en' });
      assert.equal(staleEn.json().detail, `application is at version ${w.version}, not ${w.version + 3}`);
    });

    test('fees: the counter records the payment (audited) and the QR code goes away', async () => {
      const a = await submitted();
      const paid = await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/payment`, { version: a.version });
      assert.equal(paid.statusCode, 200, paid.body);
      assert.equal(paid.json().payment.status, 'paid');
      assert.equal(paid.json().payment.qrContent, null);
      const audit = await s.auditFor(a.id);
      assert.equal(audit[0].action, 'portal.payment.received');
      assert.equal((audit[0].after as { amount: number }).amount, a.feeAmount);
      assert.equal((await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/payment`, { version: a.version + 1 })).statusCode, 422, 'not twice');
    });

    test('a supplement request is answered online: new file, clock running again; then the citizen withdraws', async () => {
      const a = await submitted();
      const acc = (await inject(counter, 'POST', `/api/v1/portal/inbox/${a.id}/accept`, { version: a.version })).json() as App;
      const det = (await inject(counter, 'GET', `/api/v1/dossiers/${acc.dossierId}`)).json();
      const req = await inject(counter, 'POST', `/api/v1/dossiers/${acc.dossierId}/request-supplement`, { version: det.version, reason: 'Bản án mờ', items: ['Bản án ly hôn rõ nét'] });
      assert.equal(req.statusCode, 200, req.body);
      let mine = (await inject(an, 'GET', `/api/v1/portal/applications/${a.id}`)).json() as App;
      assert.equal(mine.dossier!.awaitingSupplement, true);
      assert.equal(mine.dossier!.clockRunning, false);
      assert.equal((await upload(an, a.id, uploadDocs[1], PNG, 'ban-an-ro.png', 'image/png')).statusCode, 200);
      const ans = await inject(an, 'POST', `/api/v1/portal/applications/${a.id}/supplement`, { version: mine.dossier!.version });
      assert.equal(ans.statusCode, 200, ans.body);
      mine = ans.json();
      assert.equal(mine.dossier!.awaitingSupplement, false);
      assert.equal(mine.dossier!.clockRunning, true);
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM dossier_files WHERE dossier_id = $1 AND media_type = 'image/png'`, [acc.dossierId]);
      assert.equal(rows[0].n, 1, 'the new scan is attached to the dossier');
      const actions = (await s.auditFor(acc.dossierId!)).map((x) => x.action);
      assert.equal(actions[0], 'dossier.supplement-received');
      const w = await inject(an, 'POST', `/api/v1/portal/applications/${a.id}/withdraw`, { version: mine.dossier!.version, reason: 'Không còn nhu cầu' });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().dossierStatus, 'withdrawn');
      assert.equal((await inject(counter, 'GET', '/api/v1/portal/inbox')).json().some((x: App) => x.id === a.id), false, 'no fee is due on a withdrawn dossier');
      const audit = await s.auditFor(acc.dossierId!);
      assert.equal(audit[0].action, 'dossier.withdraw');
      assert.equal(audit[0].actor_id, await s.database.query(`SELECT user_id FROM portal_identities WHERE subject = 'congdan'`).then((r) => r.rows[0].user_id), 'the citizen is the actor');
    });
  });

  describe('own dossiers only, and uploads', () => {
    test('another citizen gets 403 on my application, every action; anonymous 401; an official 403', async () => {
      const a = await draft();
      const other = await inject(mai, 'GET', `/api/v1/portal/applications/${a.id}`);
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().detail, 'Hồ sơ này là của người khác, bạn không xem hoặc thao tác được');
      assert.equal((await upload(mai, a.id, uploadDocs[0], PDF_A)).statusCode, 403);
      assert.equal((await inject(mai, 'POST', `/api/v1/portal/applications/${a.id}/submit`, { version: a.version })).statusCode, 403);
      assert.equal((await inject(mai, 'POST', `/api/v1/portal/applications/${a.id}/withdraw`, { version: a.version, reason: 'x' })).statusCode, 403);
      assert.equal((await inject(mai, 'GET', '/api/v1/portal/applications')).json().some((x: App) => x.id === a.id), false);
      assert.equal((await inject(null, 'GET', `/api/v1/portal/applications/${a.id}`)).statusCode, 401);
      assert.equal((await inject(counter, 'GET', `/api/v1/portal/applications/${a.id}`)).statusCode, 403);
      assert.equal((await inject(an, 'GET', '/api/v1/portal/applications/00000000-0000-4000-8000-000000000000')).statusCode, 404);
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM portal_submission_files WHERE submission_id = $1`, [a.id]);
      assert.equal(rows[0].n, 0);
    });

    test('a file of the wrong type or too large is refused with a clear message; nothing is stored', async () => {
      const a = await draft();
      const m = multipart(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'anh.gif', 'image/gif');
      const before = filesUnder(join(dataDir, 'files')).length;
      const txt = await upload(an, a.id, uploadDocs[0], Buffer.from('just text, not a scan'), 'note.pdf');
      assert.equal(txt.statusCode, 415);
      assert.equal(txt.json().errors[0].field, 'file');
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT + 10, 0x20)]);
      const large = await upload(an, a.id, uploadDocs[0], big, 'big.pdf', 'application/pdf');
      assert.equal(large.statusCode, 413);
      const gif = await s.app.inject({ method: 'POST', url: `/api/v1/portal/applications/${a.id}/files?index=${uploadDocs[0]}`, headers: { cookie: an, 'accept-language': 'vi', ...m.headers }, payload: m.payload });
      assert.equal(gif.statusCode, 415);
      assert.equal(gif.json().errors[0].message, 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
      const out = await upload(an, a.id, 99, PDF_A);
      assert.equal(out.statusCode, 400);
      assert.equal(filesUnder(join(dataDir, 'files')).length, before, 'no byte stored');
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM portal_submission_files WHERE submission_id = $1`, [a.id]);
      assert.equal(rows[0].n, 0, 'no row');
      const audit = await s.auditFor(a.id);
      assert.deepEqual(audit.map((x) => x.action), ['portal.application.create']);
    });

    test('a procedure that is not online, or a unit that does not receive it, is refused', async () => {
      const bad = await inject(an, 'POST', '/api/v1/portal/applications', { procedureId, receptionUnitId: await s.unitId('Xã Hải Lạng'), applicant: { name: 'X' } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'receptionUnitId');
      const invalid = await inject(an, 'POST', '/api/v1/portal/applications', { procedureId, receptionUnitId: tienYen, applicant: { name: '' } });
      assert.equal(invalid.statusCode, 400);
    });

    test('creation replays with the same Idempotency-Key', async () => {
      const body = { procedureId, receptionUnitId: tienYen, applicant: { name: 'Nguyễn Văn Hùng' } };
      const one = await inject(an, 'POST', '/api/v1/portal/applications', body, { 'idempotency-key': 'portal-test-key-1' });
      const two = await inject(an, 'POST', '/api/v1/portal/applications', body, { 'idempotency-key': 'portal-test-key-1' });
      assert.equal(one.statusCode, 201);
      assert.equal(two.json().id, one.json().id);
    });
  });

  describe('payment accounts', () => {
    test('an administrator of the unit sets the account; an unknown bank code is refused; others 403', async () => {
      const admin = await s.login('quantri.tienyen');
      const list = await inject(admin, 'GET', '/api/v1/portal/payment-accounts');
      const mine = list.json().find((x: { unitId: string }) => x.unitId === tienYen);
      assert.ok(mine, 'a demo account exists for the demo commune');
      const bad = await inject(admin, 'PUT', `/api/v1/portal/payment-accounts/${tienYen}`, { bankBin: '123456', accountNumber: '1234567890', accountName: 'UBND XA TIEN YEN', version: mine.version });
      assert.equal(bad.statusCode, 400);
      const ok = await inject(admin, 'PUT', `/api/v1/portal/payment-accounts/${tienYen}`, { bankBin: '970436', accountNumber: '0011009998887', accountName: 'Ủy ban nhân dân xã Tiên Yên', version: mine.version });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().accountName, 'UY BAN NHAN DAN XA TIEN YEN');
      assert.equal(ok.json().bankName, 'Vietcombank');
      assert.equal((await s.auditFor(tienYen))[0].action, 'portal.payment_account.put');
      assert.equal((await inject(counter, 'PUT', `/api/v1/portal/payment-accounts/${tienYen}`, { bankBin: '970436', accountNumber: '1', accountName: 'x', version: 2 })).statusCode, 403);
      const d = await draft();
      assert.equal(d.payment.accountNumber, '0011009998887');
      const banks = await inject(admin, 'GET', '/api/v1/portal/banks');
      assert.ok(banks.json().some((b: { bin: string }) => b.bin === '970436'));
      assert.equal((await inject(counter, 'GET', '/api/v1/portal/banks')).statusCode, 403);
    });
  });
});
