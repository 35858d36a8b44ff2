import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MIGRATIONS_DIR } from '../../db/client.ts';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';
import { computeLiveFigure } from '../reform/par/live-figures.ts';
import { makeDossier } from '../satisfaction/test-helpers.ts';
import { feedbackFigures } from './index.ts';
import { handleSendAnswer, runFeedbackDeadlines } from './feedback.jobs.ts';
import { legacyVerdictToken, LINK_SECRET_SETTING, linkSecret, tokenHash, verdictToken } from './feedback.links.ts';

process.env.FEEDBACK_RATE_LIMIT_PER_MINUTE = '1000';

const vnIso = (s: string) => new Date(`${s}:00+07:00`).toISOString();

describe('feedback inbox API', () => {
  let s: DossierTestServer;
  let c: Record<string, string>;
  let unitId: string;
  const sms: string[] = [];
  const mails: Array<{ to: string; subject: string; text: string }> = [];
  let messaging: Parameters<typeof handleSendAnswer>[0];

  before(async () => {
    s = await startDossierServer();
    c = s.cookies;
    unitId = await s.unitId('Xã Tiên Yên');
    messaging = { database: s.database, publicUrl: 'https://motcua.example', sms: { name: 't', send: async (p, t) => (sms.push(`${p} ${t}`), { id: 's' }) }, mailer: { send: async (m) => (mails.push(m), { messageId: 'm' }) } };
  });
  after(() => s.close());

  const count = async () => Number((await s.database.query('SELECT count(*)::int AS n FROM feedback_items')).rows[0].n);
  const web = (payload: Record<string, unknown>, cookie?: string) => s.app.inject({ method: 'POST', url: '/api/v1/feedback/public', headers: cookie ? { cookie } : {}, payload });
  const official = (payload: Record<string, unknown>, cookie = c.motcua) => s.app.inject({ method: 'POST', url: '/api/v1/feedback', headers: { cookie }, payload });
  const webItem = (extra: Record<string, unknown> = {}) => ({ type: 'complaint', field: 'conduct', unitId, body: 'Cán bộ yêu cầu nộp thêm giấy tờ không có trong danh mục.', sender: { name: 'Trần Thị Gửi', phone: '0987654321' }, consentPublish: true, ...extra });
  const act = async (id: string, action: string, body: Record<string, unknown>, cookie = c.motcua) => s.app.inject({ method: 'POST', url: `/api/v1/feedback/${id}/${action}`, headers: { cookie }, payload: body });
  const detail = async (id: string, cookie = c.motcua) => (await s.app.inject({ url: `/api/v1/feedback/${id}`, headers: { cookie } })).json();

  test('every channel reaches the same inbox: web form, portal, suggestion book, box, hotline', async () => {
    const anonymous = await web(webItem());
    assert.equal(anonymous.statusCode, 201, anonymous.body);
    assert.match(anonymous.json().code, /^PAKN-\d{6}-\d{4}$/);
    const portal = await web(webItem({ type: 'question', field: 'online_service', sender: { name: 'Nguyễn Văn An', email: 'an@example.vn' } }), c.congdan);
    assert.equal(portal.statusCode, 201, portal.body);
    const book = await official({ channel: 'book', type: 'recommendation', field: 'facilities', unitId, body: 'Đề nghị bố trí thêm ghế chờ.', writtenOn: '2025-01-20', receivedAt: vnIso('2025-01-24T09:00'), sender: { name: 'Khách', address: 'Thôn Đông' } });
    assert.equal(book.statusCode, 201, book.body);
    const box = await official({ channel: 'box', type: 'praise', field: 'conduct', unitId, body: 'Cảm ơn chị Hoa đã hướng dẫn tận tình.' });
    assert.equal(box.statusCode, 201, box.body);
    const hotline = await official({ channel: 'hotline', type: 'complaint', field: 'dossier_handling', unitId, body: 'Gọi điện phản ánh hồ sơ trễ hẹn.', receivedAt: vnIso('2025-01-24T09:00'), externalRef: 'CALL-2025-0042', sender: { phone: '0911222333' } });
    assert.equal(hotline.statusCode, 201, hotline.body);
    const inbox = await s.app.inject({ url: '/api/v1/feedback?pageSize=200', headers: { cookie: c.motcua } });
    assert.equal(inbox.statusCode, 200);
    const channels = new Set(inbox.json().items.map((i: { channel: string }) => i.channel));
    for (const ch of ['web', 'portal', 'book', 'box', 'hotline']) assert.ok(channels.has(ch), `${ch} missing`);
    const { rows } = await s.database.query('SELECT channel, written_on::text, sender_user_id, external_ref FROM feedback_items WHERE id = ANY($1::uuid[])', [[portal.json().id, book.json().id, hotline.json().id]]);
    const by = Object.fromEntries(rows.map((r) => [r.channel, r]));
    assert.equal(by.portal.sender_user_id, await s.userId('congdan'));
    assert.equal(by.book.written_on, '2025-01-20');
    assert.equal(by.hotline.external_ref, 'CALL-2025-0042');
    const audit = await s.auditFor(book.json().id);
    assert.equal(audit[0].action, 'feedback.receive');
    assert.equal(audit[0].actor_id, await s.userId('motcua'));
    const anonAudit = await s.auditFor(anonymous.json().id);
    assert.equal(anonAudit[0].actor_id, null);
  });

  test('each type’s rule gives its due moments on the unit’s working calendar; a changed rule applies to new items', async () => {
    const rules = (await s.app.inject({ url: '/api/v1/feedback-rules', headers: { cookie: c.motcua } })).json();
    assert.deepEqual(rules.map((r: { type: string }) => r.type).sort(), ['complaint', 'praise', 'question', 'recommendation']);
    assert.ok(rules.every((r: { verified: boolean }) => r.verified === false));
    for (const r of rules) {
      const res = await official({ channel: 'book', type: r.type, field: 'other', unitId, body: `Mục ${r.type}`, receivedAt: vnIso('2025-01-24T09:00') });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().ackDueAt, vnIso('2025-02-04T09:00'), r.type);
      assert.equal(res.json().answerDueAt, vnIso('2025-02-21T09:00'), r.type);
    }
    const complaint = rules.find((r: { type: string }) => r.type === 'complaint');
    assert.equal((await s.app.inject({ method: 'PUT', url: '/api/v1/feedback-rules/complaint', headers: { cookie: c.lanhdao }, payload: { version: complaint.version, ackDays: 5, answerDays: 10, remindDaysBefore: 2, source: 'NĐ 20/2008', verified: false } })).statusCode, 403);
    const put = await s.app.inject({ method: 'PUT', url: '/api/v1/feedback-rules/complaint', headers: { cookie: c.admin }, payload: { version: complaint.version, ackDays: 5, answerDays: 10, remindDaysBefore: 2, source: 'NĐ 20/2008 [R]', verified: false } });
    assert.equal(put.statusCode, 200, put.body);
    const after = await official({ channel: 'book', type: 'complaint', field: 'other', unitId, body: 'Sau khi đổi quy tắc', receivedAt: vnIso('2025-01-24T09:00') });
    assert.equal(after.json().answerDueAt, vnIso('2025-02-14T09:00'));
    assert.equal(after.json().ackDueAt, vnIso('2025-02-07T09:00'));
    assert.equal((await s.app.inject({ method: 'PUT', url: '/api/v1/feedback-rules/complaint', headers: { cookie: c.admin }, payload: { version: complaint.version, ackDays: 2, answerDays: 15, remindDaysBefore: 2, source: 'x', verified: false } })).statusCode, 409);
    await s.app.inject({ method: 'PUT', url: '/api/v1/feedback-rules/complaint', headers: { cookie: c.admin }, payload: { version: complaint.version + 1, ackDays: 2, answerDays: 15, remindDaysBefore: 2, source: complaint.source, verified: false } });
  });

  test('bad input is refused clearly and stores nothing: empty text, 100 kB text, script tags, no contact, future date', async () => {
    const before = await count();
    const cases: Array<[Promise<{ statusCode: number; json: () => { code: string; errors?: Array<{ field: string; message: string }> } }>, string]> = [
      [web(webItem({ body: '   ' })), 'body'],
      [web(webItem({ body: 'x'.repeat(100_000) })), 'body'],
      [web(webItem({ body: 'Xin chào <script>alert(1)</script>' })), 'body'],
      [web(webItem({ title: '<img src=x onerror=alert(1)>' })), 'title'],
      [web(webItem({ sender: { name: 'Ẩn danh' } })), 'sender.phone'],
      [web(webItem({ type: 'threat' })), 'type'],
      [official({ channel: 'book', type: 'praise', field: 'other', unitId, body: 'Tương lai', receivedAt: '2099-01-01T00:00:00+07:00' }), 'receivedAt'],
      [official({ channel: 'book', type: 'praise', field: 'other', unitId, body: 'Viết sau', receivedAt: vnIso('2025-01-24T09:00'), writtenOn: '2025-02-01' }), 'writtenOn'],
      [web(webItem({ unitId: '00000000-0000-4000-8000-000000000000' })), 'unitId'],
    ];
    for (const [p, field] of cases) {
      const res = await p;
      assert.equal(res.statusCode, 400, `${field}: ${res.statusCode}`);
      assert.equal(res.json().code, 'VALIDATION_FAILED');
      assert.ok(res.json().errors?.some((e) => e.field === field && e.message.length > 0), `${field}: ${JSON.stringify(res.json().errors)}`);
    }
    assert.equal(await count(), before);
  });

  test('access: anonymous 401 and citizen 403 on the inbox; another commune cannot enter for us (403) nor read our items (404)', async () => {
    const item = (await web(webItem())).json();
    assert.equal((await s.app.inject({ url: '/api/v1/feedback' })).statusCode, 401);
    assert.equal((await s.app.inject({ url: '/api/v1/feedback', headers: { cookie: c.congdan } })).statusCode, 403);
    assert.equal((await official({ channel: 'book', type: 'praise', field: 'other', unitId, body: 'x' }, c['motcua.hailang'])).statusCode, 403);
    assert.equal((await s.app.inject({ url: `/api/v1/feedback/${item.id}`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 404);
    assert.equal((await act(item.id, 'acknowledge', { version: 1 }, c['motcua.hailang'])).statusCode, 404);
    const hailang = (await s.app.inject({ url: '/api/v1/feedback?pageSize=200', headers: { cookie: c['motcua.hailang'] } })).json();
    assert.ok(!hailang.items.some((i: { id: string }) => i.id === item.id));
    assert.equal((await s.app.inject({ url: '/api/v1/feedback/00000000-0000-4000-8000-000000000000', headers: { cookie: c.motcua } })).statusCode, 404);
  });

  test('handling: acknowledge, assign, answer (sent back by SMS), publish without personal data, close; stale version 409', async () => {
    const sent = await web(webItem({ body: 'Tôi là Trần Thị Gửi, số 0987654321: cán bộ đòi thêm giấy tờ <ngoài danh mục> & không giải thích.' }));
    assert.equal(sent.statusCode, 201, sent.body);
    const created = sent.json();
    let d = await detail(created.id);
    assert.deepEqual(d.allowedActions, ['acknowledge', 'assign', 'answer', 'refuse', 'merge']);
    const ack = await act(created.id, 'acknowledge', { version: d.version, field: 'dossier_handling' });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'in_progress');
    assert.equal(ack.json().field, 'dossier_handling');
    assert.equal((await act(created.id, 'assign', { version: d.version, assigneeId: await s.userId('chuyenvien') })).statusCode, 409);
    d = ack.json();
    const asg = await act(created.id, 'assign', { version: d.version, assigneeId: await s.userId('chuyenvien'), note: 'Kiểm tra và trả lời' });
    assert.equal(asg.statusCode, 200, asg.body);
    assert.equal(asg.json().assignee.name, 'Trần Văn Bình');
    assert.equal((await act(created.id, 'publish', { version: asg.json().version })).statusCode, 422);
    const ans = await act(created.id, 'answer', { version: asg.json().version, answer: 'Đã chấn chỉnh cán bộ; danh mục giấy tờ theo quyết định công bố. Liên hệ Trần Thị Gửi nếu cần.' });
    assert.equal(ans.statusCode, 200, ans.body);
    assert.equal(ans.json().status, 'answered');
    assert.equal(await handleSendAnswer(messaging, { feedbackId: created.id, version: ans.json().version }), 1);
    assert.ok(sms.some((x) => x.startsWith('0987654321') && x.includes(created.code)));
    assert.equal(await handleSendAnswer(messaging, { feedbackId: created.id, version: ans.json().version }), 0, 'a retried job sends nothing twice');
    const pub = await act(created.id, 'publish', { version: ans.json().version });
    assert.equal(pub.statusCode, 200, pub.body);
    const list = await s.app.inject({ url: '/api/v1/feedback/published' });
    assert.equal(list.statusCode, 200);
    const item = list.json().items.find((i: { code: string }) => i.code === created.code);
    assert.ok(item, 'published');
    const text = JSON.stringify(item);
    for (const secret of ['Trần Thị Gửi', '0987654321']) assert.ok(!text.includes(secret), `${secret} published`);
    assert.ok(!('sender' in item) && !('senderName' in item));
    assert.ok(item.body.includes('<ngoài danh mục> &'), 'published as plain text; pages escape it');
    const closed = await act(created.id, 'close', { version: pub.json().version });
    assert.equal(closed.json().status, 'closed');
    assert.equal((await act(created.id, 'answer', { version: closed.json().version, answer: 'lại' })).statusCode, 422);
    const actions = (await s.auditFor(created.id)).map((a) => a.action).reverse();
    assert.deepEqual(actions, ['feedback.receive', 'feedback.acknowledge', 'feedback.assign', 'feedback.answer', 'feedback.publish', 'feedback.close']);
    const events = (await detail(created.id)).events.map((e: { kind: string }) => e.kind);
    assert.deepEqual(events, ['received', 'acknowledged', 'assigned', 'answered', 'answer_sent', 'published', 'closed']);
  });

  test('a refused step names the rule in Vietnamese by default, in English when asked; a stale version says which', async () => {
    const created = (await web(webItem())).json();
    const refused = await act(created.id, 'refuse', { version: 1, reason: 'Không thuộc phạm vi giải quyết của xã.' });
    assert.equal(refused.statusCode, 200, refused.body);
    const answer = (lang?: string) => s.app.inject({ method: 'POST', url: `/api/v1/feedback/${created.id}/answer`, headers: { cookie: c.motcua, ...(lang ? { 'accept-language': lang } : {}) }, payload: { version: refused.json().version, answer: 'Trả lời muộn.' } });
    const vi = await answer();
    assert.equal(vi.statusCode, 422);
    assert.equal(vi.json().title, 'Thao tác trái quy định');
    assert.equal(vi.json().detail, `Không thể trả lời phản ánh ${created.code}: phản ánh không còn trong quá trình xử lý`);
    const en = await answer('en');
    assert.equal(en.json().detail, `feedback ${created.code} cannot be answered: it is no longer being handled`);
    const stale = await act(created.id, 'close', { version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().detail, `Phản ánh ${created.code} đã được cập nhật ở nơi khác (phiên bản hiện tại ${refused.json().version}, không phải 1); vui lòng tải lại trang`);
  });

  test('an item without consent is never published', async () => {
    const created = (await web(webItem({ consentPublish: false }))).json();
    const ans = await act(created.id, 'answer', { version: 1, answer: 'Đã xử lý.' });
    assert.ok(!ans.json().allowedActions.includes('publish'));
    assert.equal((await act(created.id, 'publish', { version: ans.json().version })).statusCode, 422);
    assert.equal((await s.database.query('SELECT published_at FROM feedback_items WHERE id = $1', [created.id])).rows[0].published_at, null);
  });

  test('duplicates merge; the answer reaches both senders by e-mail; a complaint about a dossier links to it', async () => {
    const dossier = await makeDossier(s, { stopAt: 'received' });
    const a = (await web(webItem({ dossierCode: dossier.code, sender: { name: 'Người A', email: 'a@example.vn' } }))).json();
    const b = (await web(webItem({ dossierCode: dossier.code, sender: { name: 'Người B', email: 'b@example.vn' } }))).json();
    const { rows } = await s.database.query('SELECT dossier_id FROM feedback_items WHERE id = $1', [a.id]);
    assert.equal(rows[0].dossier_id, dossier.id);
    assert.equal((await act(b.id, 'merge', { version: 1, intoId: b.id })).statusCode, 400);
    const m = await act(b.id, 'merge', { version: 1, intoId: a.id });
    assert.equal(m.statusCode, 200, m.body);
    assert.equal(m.json().status, 'merged');
    assert.equal(m.json().mergedInto.code, a.code);
    const da = await detail(a.id);
    assert.deepEqual(da.duplicates.map((x: { code: string }) => x.code), [b.code]);
    const ans = await act(a.id, 'answer', { version: da.version, answer: 'Hồ sơ đã được giải quyết.' });
    assert.equal(ans.statusCode, 200, ans.body);
    await handleSendAnswer(messaging, { feedbackId: a.id, version: ans.json().version });
    assert.ok(mails.some((x) => x.to === 'a@example.vn' && x.text.includes('Hồ sơ đã được giải quyết.')));
    assert.ok(mails.some((x) => x.to === 'b@example.vn' && x.subject.includes(b.code)));
    const inbox = (await s.app.inject({ url: '/api/v1/feedback?status=merged', headers: { cookie: c.motcua } })).json();
    assert.ok(inbox.items.some((i: { id: string }) => i.id === b.id));
  });

  test('reminder and escalation jobs: once each, with event, audit and e-mail to the unit’s officials', async () => {
    const item = (await official({ channel: 'hotline', type: 'complaint', field: 'conduct', unitId, body: 'Quá hạn', receivedAt: vnIso('2025-01-24T09:00') })).json();
    await s.database.query("UPDATE users SET email = 'lanhdao@example.vn' WHERE username = 'lanhdao'");
    const now = new Date(`2025-02-18T10:00:00+07:00`);
    const first = await runFeedbackDeadlines(messaging, now);
    assert.ok(first.reminded >= 1);
    let d = await detail(item.id);
    assert.ok(d.events.some((e: { kind: string }) => e.kind === 'reminded'));
    assert.ok(!d.events.some((e: { kind: string }) => e.kind === 'escalated'));
    const later = new Date(`2025-02-24T10:00:00+07:00`);
    await runFeedbackDeadlines(messaging, later);
    await runFeedbackDeadlines(messaging, later);
    d = await detail(item.id);
    assert.equal(d.events.filter((e: { kind: string }) => e.kind === 'escalated').length, 1);
    assert.equal(d.events.filter((e: { kind: string }) => e.kind === 'reminded').length, 1);
    assert.ok((await s.auditFor(item.id)).some((a) => a.action === 'feedback.escalate'));
    assert.ok(mails.some((x) => x.to === 'lanhdao@example.vn' && x.subject.includes(item.code)));
  });

  test('portal channel: the signed-in citizen reads their own items and the answer; others’ items never', async () => {
    const mine = (await web(webItem({ body: 'Câu hỏi của tôi qua cổng', sender: { name: 'Nguyễn Văn An', email: 'an@example.vn' } }), c.congdan)).json();
    await web(webItem({ body: 'Của người khác' }));
    const ans = await act(mine.id, 'answer', { version: 1, answer: 'Trả lời cho công dân An.' });
    assert.equal(ans.statusCode, 200, ans.body);
    assert.ok(await handleSendAnswer(messaging, { feedbackId: mine.id, version: ans.json().version }) >= 1);
    const list = await s.app.inject({ url: '/api/v1/feedback/mine', headers: { cookie: c.congdan } });
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json();
    assert.ok(items.every((i: { body: string }) => i.body !== 'Của người khác'));
    const got = items.find((i: { code: string }) => i.code === mine.code);
    assert.equal(got.answer, 'Trả lời cho công dân An.');
    const { rows } = await s.database.query("SELECT channel, status FROM feedback_notifications WHERE feedback_id = $1 ORDER BY channel", [mine.id]);
    assert.deepEqual(rows.map((r) => `${r.channel}:${r.status}`), ['email:sent', 'portal:available']);
    assert.equal((await s.app.inject({ url: '/api/v1/feedback/mine', headers: { cookie: c.motcua } })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/feedback/mine' })).statusCode, 401);
  });

  test('the sender dislikes the answer through the link sent with it, once; the figure counts it', async () => {
    const sent = (await web(webItem({ sender: { name: 'Người Chê', email: 'che@example.vn' } }))).json();
    const secret = await linkSecret(s.database);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/feedback/verdict', payload: { token: verdictToken(secret, sent.id), verdict: 'unsatisfied' } })).statusCode, 404, 'not answered yet');
    const ans = await act(sent.id, 'answer', { version: 1, answer: 'Đã xem xét.' });
    await handleSendAnswer(messaging, { feedbackId: sent.id, version: ans.json().version });
    const mail = mails.find((m) => m.to === 'che@example.vn')!;
    const token = /\?y=([a-f0-9]{32})/.exec(mail.text)![1];
    const v = await s.app.inject({ method: 'POST', url: '/api/v1/feedback/verdict', payload: { token, verdict: 'unsatisfied' } });
    assert.equal(v.statusCode, 200, v.body);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/feedback/verdict', payload: { token, verdict: 'satisfied' } })).statusCode, 409);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/feedback/verdict', payload: { token: 'f'.repeat(32), verdict: 'satisfied' } })).statusCode, 404);
    assert.equal((await s.database.query('SELECT sender_verdict FROM feedback_items WHERE id = $1', [sent.id])).rows[0].sender_verdict, 'unsatisfied');
    assert.equal((await s.auditFor(sent.id))[0].action, 'feedback.verdict');
    assert.equal(token, verdictToken(secret, sent.id), 'the link is keyed with the installation’s secret');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    assert.ok((await feedbackFigures(s.database.db, { unitIds: [unitId], from: today, to: today })).unsatisfied >= 1);
  });

  test('verdict links are keyed: a forged token is refused, an unkeyed link already sent still works for an old item, the secret survives a restart', async () => {
    const answered = async (email: string) => {
      const item = (await web(webItem({ sender: { name: 'Người Gửi', email } }))).json();
      const ans = await act(item.id, 'answer', { version: 1, answer: 'Đã trả lời.' });
      assert.equal(ans.statusCode, 200, ans.body);
      return { item, version: ans.json().version as number };
    };
    const verdict = (token: string, v = 'satisfied') => s.app.inject({ method: 'POST', url: '/api/v1/feedback/verdict', payload: { token, verdict: v } });
    // A new item: its link is sent with the answer, keyed; only the token's hash is stored.
    const fresh = await answered('moi@example.vn');
    await handleSendAnswer(messaging, { feedbackId: fresh.item.id, version: fresh.version });
    const token = /\?y=([a-f0-9]{32})/.exec(mails.find((m) => m.to === 'moi@example.vn')!.text)![1];
    const stored = (await s.database.query('SELECT verdict_token_hash FROM feedback_items WHERE id = $1', [fresh.item.id])).rows[0].verdict_token_hash as string;
    assert.match(stored, /^[0-9a-f]{64}$/);
    assert.notEqual(stored.slice(0, 32), token, 'the token itself is not stored');
    // Forged: the old unkeyed derivation, or an HMAC under another secret, for an item that has a keyed link.
    assert.equal((await verdict(legacyVerdictToken(fresh.item.id))).statusCode, 404);
    assert.equal((await verdict(verdictToken('a-guessed-secret-a-guessed-secret', fresh.item.id))).statusCode, 404);
    assert.equal((await s.database.query('SELECT sender_verdict FROM feedback_items WHERE id = $1', [fresh.item.id])).rows[0].sender_verdict, null);
    // An old item: answered before keyed links (no stored hash); the unkeyed link it received still works, once.
    const old = await answered('cu@example.vn');
    assert.equal((await s.database.query('SELECT verdict_token_hash FROM feedback_items WHERE id = $1', [old.item.id])).rows[0].verdict_token_hash, null);
    const v = await verdict(legacyVerdictToken(old.item.id), 'satisfied');
    assert.equal(v.statusCode, 200, v.body);
    assert.equal(v.json().code, old.item.code);
    assert.equal((await verdict(legacyVerdictToken(old.item.id), 'unsatisfied')).statusCode, 409);
    // The keyed link works; a second verdict is refused.
    assert.equal((await verdict(token, 'satisfied')).statusCode, 200);
    assert.equal((await verdict(token, 'unsatisfied')).statusCode, 409);
    // The migration stores the hash of the unkeyed token of items answered before it: found by the index, keyed items untouched.
    const backfill = readFileSync(join(MIGRATIONS_DIR, '0016_notify_links.sql'), 'utf8').split('--> statement-breakpoint').find((x) => x.includes('UPDATE "feedback_items"'))!;
    const older = await answered('cu2@example.vn');
    await s.database.query(backfill);
    const hashOf = async (id: string) => (await s.database.query('SELECT verdict_token_hash FROM feedback_items WHERE id = $1', [id])).rows[0].verdict_token_hash;
    assert.equal(await hashOf(older.item.id), tokenHash(legacyVerdictToken(older.item.id)));
    assert.equal(await hashOf(fresh.item.id), stored);
    assert.equal((await verdict(legacyVerdictToken(older.item.id))).statusCode, 200);
    // The generated secret is kept in the settings table: another process (or a restart) derives the same links.
    const row = (await s.database.query('SELECT value FROM settings WHERE key = $1', [LINK_SECRET_SETTING])).rows[0].value as { secret: string };
    assert.ok(row.secret.length >= 32);
    assert.equal(verdictToken(row.secret, fresh.item.id), token);
    assert.equal(await linkSecret(s.database, 'configured-secret-configured-secret'), 'configured-secret-configured-secret', 'LINK_SECRET wins when set');
  });

  test('mailboxes: administrators only, passwords never returned, bad input refused, audited', async () => {
    const body = { unitId, label: 'Hộp thư Chủ tịch', host: 'imap.example.vn', port: 993, username: 'chutich', password: 'bi-mat-123' };
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/feedback-mailboxes', headers: { cookie: c.lanhdao }, payload: body })).statusCode, 403);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/feedback-mailboxes', headers: { cookie: c.admin }, payload: { ...body, port: 0 } })).statusCode, 400);
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/feedback-mailboxes', headers: { cookie: c.admin }, payload: body });
    assert.equal(created.statusCode, 201, created.body);
    assert.ok(!created.body.includes('bi-mat-123'));
    const list = await s.app.inject({ url: '/api/v1/feedback-mailboxes', headers: { cookie: c.admin } });
    assert.ok(!list.body.includes('bi-mat-123'));
    const audit = await s.auditFor(created.json().id);
    assert.equal(audit[0].action, 'feedback.mailbox.create');
    assert.ok(!JSON.stringify(audit[0].after).includes('bi-mat-123'));
    const off = await s.app.inject({ method: 'PUT', url: `/api/v1/feedback-mailboxes/${created.json().id}`, headers: { cookie: c.admin }, payload: { version: 1, enabled: false } });
    assert.equal(off.json().enabled, false);
  });

  test('figures for the dashboard and the PAR live figure agree with the rows', async () => {
    // Items received on 24 January 2025 are due in February: not overdue at the end of January, overdue at the end of February.
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM feedback_items WHERE status <> 'merged' AND received_at >= '2025-01-01T00:00:00+07:00' AND received_at < '2025-02-01T00:00:00+07:00'`);
    const jan = await feedbackFigures(s.database.db, { unitIds: [unitId], from: '2025-01-01', to: '2025-01-31' }, new Date('2025-03-01T00:00:00+07:00'));
    assert.equal(jan.received, rows[0].n);
    assert.ok(jan.received > 0);
    assert.deepEqual({ ...jan, received: 0 }, { received: 0, answered: 0, answeredOnTime: 0, openOverdue: 0, unsatisfied: 0, onTimeRate: null });
    const janFeb = await feedbackFigures(s.database.db, { unitIds: [unitId], from: '2025-01-01', to: '2025-02-28' }, new Date('2025-03-01T00:00:00+07:00'));
    assert.equal(janFeb.received, rows[0].n);
    assert.equal(janFeb.openOverdue, janFeb.received);
    assert.equal(janFeb.onTimeRate, 0);
    const none = await feedbackFigures(s.database.db, { unitIds: [unitId], from: '2020-01-01', to: '2020-01-31' });
    assert.deepEqual(none, { received: 0, answered: 0, answeredOnTime: 0, openOverdue: 0, unsatisfied: 0, onTimeRate: null });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const now = await feedbackFigures(s.database.db, { unitIds: [unitId], from: today, to: today });
    assert.ok(now.answered >= 2);
    assert.equal(now.answeredOnTime, now.answered);
    const live = await computeLiveFigure('feedback.on_time_rate', { db: s.database.db, rootUnitId: unitId, from: today, to: today });
    assert.equal(live.status, 'available');
    assert.equal(live.value, now.onTimeRate === null ? null : Math.round(now.onTimeRate * 10000) / 100);
  });
});
