import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';
import { computeLiveFigure } from '../reform/par/live-figures.ts';
import { satisfactionFigures } from './index.ts';
import { runInvites } from './satisfaction.jobs.ts';
import { makeDossier } from './test-helpers.ts';

const scores = { access: 5, procedures: 4, conduct: 5, results: 5, feedbackHandling: 4, overall: 5 };
// Many kiosk calls from one client in this file: lift the per-minute limit (as the bench does).
process.env.TRACKING_RATE_LIMIT_PER_MINUTE = '1000';
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe('satisfaction ratings API', () => {
  let s: DossierTestServer;
  let c: Record<string, string>;
  before(async () => {
    s = await startDossierServer();
    c = s.cookies;
  });
  after(() => s.close());

  const count = async (dossierId: string) => Number((await s.database.query('SELECT count(*)::int AS n FROM satisfaction_ratings WHERE dossier_id = $1', [dossierId])).rows[0].n);
  const kiosk = (payload: Record<string, unknown>, lang = 'vi') => s.app.inject({ method: 'POST', url: '/api/v1/ratings/kiosk', headers: { 'accept-language': lang }, payload });

  test('kiosk: code + last 4 digits of the phone → the dossier to rate, then one rating stored with its audit row', async () => {
    const d = await makeDossier(s);
    const look = await s.app.inject({ method: 'POST', url: '/api/v1/ratings/lookup', payload: { code: d.code, digits: '5678' } });
    assert.equal(look.statusCode, 200, look.body);
    assert.equal(look.json().ratable, true);
    assert.equal(look.json().alreadyRated, false);
    const res = await kiosk({ code: d.code, digits: '1234', scores, comment: 'Cán bộ hướng dẫn tận tình' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().channel, 'kiosk');
    const { rows } = await s.database.query('SELECT channel, score_overall, comment, unit_id, official_id FROM satisfaction_ratings WHERE dossier_id = $1', [d.id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].score_overall, 5);
    assert.equal(rows[0].comment, 'Cán bộ hướng dẫn tận tình');
    assert.equal(rows[0].official_id, await s.userId('motcua'));
    const audit = await s.auditFor(res.json().id);
    assert.equal(audit[0].action, 'satisfaction.rate');
    assert.equal(audit[0].unit_id, rows[0].unit_id);
  });

  test('a second rating of the same dossier is refused with 409 and nothing more is stored', async () => {
    const d = await makeDossier(s);
    assert.equal((await kiosk({ code: d.code, digits: '5678', scores })).statusCode, 201);
    const again = await kiosk({ code: d.code, digits: '5678', scores: { ...scores, overall: 1 } }, 'en');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'CONFLICT');
    assert.equal(again.json().detail, `dossier ${d.code} was already rated (one rating per dossier)`);
    const vi = await kiosk({ code: d.code, digits: '5678', scores });
    assert.equal(vi.json().title, 'Dữ liệu đã thay đổi hoặc bị trùng; hãy tải lại và thử lại');
    assert.equal(vi.json().detail, `Hồ sơ ${d.code} đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần`);
    assert.equal(await count(d.id), 1);
    const look = await s.app.inject({ method: 'POST', url: '/api/v1/ratings/lookup', payload: { code: d.code, digits: '5678' } });
    assert.equal(look.json().alreadyRated, true);
    assert.equal(look.json().ratable, false);
  });

  test('wrong digits and unknown code give the same 404; before the result is returned → 422; nothing stored', async () => {
    const d = await makeDossier(s, { stopAt: 'result_ready' });
    const wrong = await kiosk({ code: d.code, digits: '0000', scores });
    const unknown = await kiosk({ code: 'KHONG-CO-0001', digits: '5678', scores });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.json().title, unknown.json().title);
    const early = await kiosk({ code: d.code, digits: '5678', scores });
    assert.equal(early.statusCode, 422, early.body);
    assert.equal(early.json().code, 'RULE_VIOLATED');
    assert.equal(early.json().detail, `Hồ sơ ${d.code} chưa trả kết quả; chỉ đánh giá được sau khi đã trả kết quả`);
    assert.equal((await kiosk({ code: d.code, digits: '5678', scores }, 'fr')).json().detail, `le résultat du dossier ${d.code} n’a pas encore été remis : l’évaluation n’est possible qu’après sa remise`);
    assert.equal(await count(d.id), 0);
  });

  test('bad input is refused clearly and stores nothing: empty comment, 100 kB comment, script tags, score 6, no binding', async () => {
    const d = await makeDossier(s);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: d.code, digits: '5678', scores, comment: '   ' }, 'comment'],
      [{ code: d.code, digits: '5678', scores, comment: 'x'.repeat(100_000) }, 'comment'],
      [{ code: d.code, digits: '5678', scores, comment: 'Tốt <script>alert(1)</script>' }, 'comment'],
      [{ code: d.code, digits: '5678', scores: { ...scores, overall: 6 } }, 'scores.overall'],
      [{ code: d.code, scores }, 'code'],
      [{ code: d.code, digits: '56a8', scores }, 'digits'],
    ];
    for (const [payload, field] of cases) {
      const res = await kiosk(payload);
      assert.equal(res.statusCode, 400, `${field}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      assert.ok(body.errors.some((e: { field: string }) => e.field === field), `${field}: ${JSON.stringify(body.errors)}`);
      assert.ok(body.errors.every((e: { message: string }) => e.message.length > 0));
    }
    const tags = await kiosk({ code: d.code, digits: '5678', scores, comment: '<b>x</b>' });
    assert.match(tags.json().errors[0].message, /HTML/);
    assert.equal(await count(d.id), 0);
  });

  test('portal: the citizen rates their own dossier; another person’s dossier is 404; officials 403, anonymous 401', async () => {
    const mine = await makeDossier(s, { applicant: { idNumber: '034099008877' } });
    const theirs = await makeDossier(s, { applicant: { idNumber: '034099001111' } });
    await s.database.query(`INSERT INTO portal_identities (issuer, subject, user_id, id_number, full_name, last_sign_in_at) VALUES ('test', 'an', $1, '034099008877', 'Nguyễn Văn An', now())`, [await s.userId('congdan')]);
    const other = await s.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { cookie: c.congdan }, payload: { dossierCode: theirs.code, scores } });
    assert.equal(other.statusCode, 404, other.body);
    assert.equal(await count(theirs.id), 0);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/ratings', payload: { dossierCode: mine.code, scores } })).statusCode, 401);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { cookie: c.motcua }, payload: { dossierCode: mine.code, scores } })).statusCode, 403);
    const ok = await s.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { cookie: c.congdan }, payload: { dossierCode: mine.code, scores } });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().channel, 'portal');
    const { rows } = await s.database.query('SELECT citizen_user_id FROM satisfaction_ratings WHERE dossier_id = $1', [mine.id]);
    assert.equal(rows[0].citizen_user_id, await s.userId('congdan'));
  });

  test('invitation: the counter issues a link with QR; the link rates once; other commune 403; the token is stored hashed', async () => {
    const d = await makeDossier(s);
    assert.equal((await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/rating-invite`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 403);
    const early = await makeDossier(s, { stopAt: 'result_ready' });
    const notYet = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${early.id}/rating-invite`, headers: { cookie: c.motcua, 'accept-language': 'en' } });
    assert.equal(notYet.statusCode, 422);
    assert.equal(notYet.json().detail, `dossier ${early.code} has not been returned yet: invite to rate once the result is returned`);
    const inv = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/rating-invite`, headers: { cookie: c.motcua } });
    assert.equal(inv.statusCode, 200, inv.body);
    assert.match(inv.json().qrSvg, /^<svg/);
    const token = new URL(inv.json().url).searchParams.get('t')!;
    const { rows } = await s.database.query('SELECT token_hash FROM satisfaction_invites WHERE dossier_id = $1', [d.id]);
    assert.notEqual(rows[0].token_hash, token);
    assert.equal((await s.auditFor(d.id))[0].action, 'satisfaction.invite');
    const look = await s.app.inject({ method: 'POST', url: '/api/v1/ratings/lookup', payload: { token } });
    assert.equal(look.json().dossierCode, d.code);
    const rated = await kiosk({ token, scores });
    assert.equal(rated.statusCode, 201, rated.body);
    assert.equal(rated.json().channel, 'link');
    assert.equal((await kiosk({ token, scores })).statusCode, 409);
    assert.equal((await kiosk({ token: 'x'.repeat(32), scores })).statusCode, 404);
  });

  test('the invitation job sends a link by SMS and e-mail once to each returned dossier with a contact', async () => {
    const d = await makeDossier(s);
    const sms: string[] = [];
    const mails: string[] = [];
    const deps = { database: s.database, publicUrl: 'https://motcua.example', sms: { name: 'test', send: async (p: string, t: string) => (sms.push(`${p} ${t}`), { id: 'x' }) }, mailer: { send: async (m: { to: string; text: string }) => (mails.push(`${m.to} ${m.text}`), { messageId: 'y' }) } };
    const n = await runInvites(deps);
    assert.ok(n >= 1);
    assert.ok(sms.some((x) => x.startsWith('0912345678') && x.includes(d.code) && x.includes('https://motcua.example/danh-gia?t=')));
    assert.ok(mails.some((x) => x.startsWith('thu@example.vn') && x.includes(d.code)));
    const { rows } = await s.database.query('SELECT sent_channels FROM satisfaction_invites WHERE dossier_id = $1', [d.id]);
    assert.equal(rows[0].sent_channels, 'sms,email');
    await runInvites(deps);
    assert.equal(sms.filter((x) => x.includes(d.code)).length, 1, 'a second run invites nobody twice');
  });

  test('summary per unit, official and procedure with the formula; the figures for other modules agree', async () => {
    const low = await makeDossier(s);
    assert.equal((await kiosk({ code: low.code, digits: '5678', scores: { ...scores, overall: 2 } })).statusCode, 201);
    const unit = await s.unitId('Xã Tiên Yên');
    const res = await s.app.inject({ url: `/api/v1/ratings/summary?from=${today}&to=${today}&groupBy=official`, headers: { cookie: c.lanhdao, 'accept-language': 'en' } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.match(body.formula, /Satisfaction rate = /);
    const { rows: counted } = await s.database.query('SELECT count(*)::int AS n, count(*) FILTER (WHERE score_overall >= 4)::int AS ok FROM satisfaction_ratings');
    const rows = counted.map((r) => ({ n: Number(r.n), ok: Number(r.ok) }));
    assert.equal(body.total.ratings, rows[0].n);
    assert.equal(body.total.satisfied, rows[0].ok);
    assert.equal(body.total.rate, rows[0].ok / rows[0].n);
    assert.ok(body.total.rate < 1);
    assert.equal(body.groups.find((g: { label: string }) => g.label)?.ratings, rows[0].n);
    const figures = await satisfactionFigures(s.database.db, { unitIds: [unit], from: today, to: today });
    assert.deepEqual(figures, { ratings: rows[0].n, satisfied: rows[0].ok, rate: rows[0].ok / rows[0].n });
    assert.deepEqual(await satisfactionFigures(s.database.db, { unitIds: [unit], from: '2020-01-01', to: '2020-12-31' }), { ratings: 0, satisfied: 0, rate: null });
    const live = await computeLiveFigure('satisfaction.rate', { db: s.database.db, rootUnitId: unit, from: today, to: today });
    assert.equal(live.status, 'available');
    assert.equal(live.value, Math.round((rows[0].ok / rows[0].n) * 10000) / 100);
    assert.equal((await s.app.inject({ url: `/api/v1/ratings/summary?from=${today}&to=${today}`, headers: { cookie: c.motcua } })).statusCode, 403);
    const list = await s.app.inject({ url: '/api/v1/ratings', headers: { cookie: c.lanhdao } });
    assert.equal(list.json().total, rows[0].n);
  });
});
