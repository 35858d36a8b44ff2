import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { startDossierServer, type DossierTestServer } from './test-helpers.ts';

type Detail = {
  id: string;
  code: string;
  version: number;
  status: string;
  portalStatus: number;
  dueAt: string | null;
  appointmentAt: string | null;
  steps: Array<{ seq: number; kind: string; state: string; assignee: { id: string } | null }>;
  currentStep: { seq: number; kind: string; state: string } | null;
  appointments: Array<{ reason: string; appointmentAt: string; lateStepSeq: number | null }>;
  timeline: Array<{ kind: string; outcome: string | null }>;
  clock: Array<{ kind: string; minutes: number }>;
  supplements: Array<{ phase: string; receivedAt: string | null; policy: string | null }>;
  allowedActions: string[];
  resultKind: string | null;
  classification: { finished: boolean; outcome: string | null; standing: string | null };
  apologyIssued: boolean;
};

describe('dossiers API', () => {
  let s: DossierTestServer;
  let procId: string;
  let docCount: number;
  let c: Record<string, string>;
  const applicant = { kind: 'individual', name: 'Nguyễn Văn Thử', idNumber: '022090001234', phone: '0912345678', email: 'thu@example.vn', address: 'Thôn Yên Trung, xã Tiên Yên' };

  before(async () => {
    s = await startDossierServer();
    c = s.cookies;
    procId = await s.procedure('TY-HT-06');
    const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId: procId } });
    assert.equal(cl.statusCode, 200, cl.body);
    docCount = cl.json().documents.length;
  });
  after(() => s.close());

  const payload = (extra: Record<string, unknown> = {}) => ({ procedureId: procId, applicant, documents: Array.from({ length: docCount }, (_, index) => ({ index, received: true })), ...extra });
  const receive = async (extra: Record<string, unknown> = {}): Promise<Detail> => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload(extra) });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().dossier;
  };
  const act = (id: string, action: string, cookie: string, body: Record<string, unknown>) => s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/${action}`, headers: { cookie }, payload: body });
  const ok = async (id: string, action: string, cookie: string, body: Record<string, unknown>): Promise<Detail> => {
    const r = await act(id, action, cookie, body);
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    return r.json();
  };
  /** A dossier whose appraisal step was accepted by the specialist. */
  const inProcess = async () => {
    const d = await receive();
    return ok(d.id, 'accept', c.chuyenvien, { version: d.version });
  };

  describe('POST /api/v1/dossiers (receipt)', () => {
    test('receives a complete dossier: code, units, steps, clock, appointment, timeline, audit row and notification job', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload() });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.equal(body.outcome, 'received');
      const d = body.dossier;
      assert.match(d.code, /^XTY-\d{6}-\d{4}$/);
      assert.equal(d.status, 'received');
      assert.equal(d.portalStatus, 2);
      assert.equal(d.ruleSet, 'nd118_2025');
      assert.equal(d.channel, 'counter');
      // The officer's grant is on the commune: the default reception point is its service centre, numbering under the commune.
      assert.equal(d.receptionUnit.name, 'Trung tâm Phục vụ hành chính công xã Tiên Yên');
      assert.equal(d.competentUnit.name, 'Xã Tiên Yên');
      assert.deepEqual(d.steps.map((x: { kind: string; state: string }) => `${x.kind}:${x.state}`), ['receive:done', 'appraise:handed', 'sign:pending', 'return:pending']);
      assert.ok(d.steps.every((x: { dueAt: string }) => x.dueAt));
      assert.equal(d.clock[0].kind, 'running');
      assert.equal(d.appointments[0].reason, 'initial');
      assert.equal(d.appointmentAt, d.dueAt);
      assert.deepEqual(d.timeline.map((e: { kind: string }) => e.kind), ['received', 'handoff']);
      const [audit] = await s.auditFor(d.id);
      assert.equal(audit.action, 'dossier.receive');
      // The code is known only inside the receipt's statement: the audit row carries it, and the chain still verifies.
      assert.equal((audit.after as { code: string }).code, d.code);
      assert.equal((await verifyAuditChain(s.database.db)).ok, true);
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dossiers.notify' AND data->>'dossierId' = $1`, [d.id]);
      assert.equal(rows[0].n, 1);
    });

    test('codes are allocated per agency and day in sequence, never twice', async () => {
      const a = await receive();
      const b = await receive();
      const [pa, sa] = [a.code.slice(0, -5), Number(a.code.slice(-4))];
      assert.equal(b.code.slice(0, -5), pa);
      assert.equal(Number(b.code.slice(-4)), sa + 1);
    });

    test('refuses an incomplete dossier with the written list of what is missing, and creates no dossier', async () => {
      const count = async () => (await s.database.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
      const n0 = await count();
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload({ documents: [{ index: 0, received: true }] }) });
      assert.equal(res.statusCode, 201, res.body);
      const g = res.json();
      assert.equal(g.outcome, 'guidance');
      assert.equal(g.guidance.missing.length, docCount - 1);
      assert.match(g.guidance.text, /chưa đầy đủ/);
      assert.equal(await count(), n0);
      assert.equal((await s.auditFor(g.guidance.id))[0].action, 'dossier.guidance');
    });

    test('the same Idempotency-Key receives once and replays the first response', async () => {
      const headers = { cookie: c.motcua, 'idempotency-key': 'receipt-test-key-0001' };
      const a = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem' }) });
      const b = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem' }) });
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(a.json().dossier.code, b.json().dossier.code);
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM dossiers WHERE note = 'idem'`);
      assert.equal(rows[0].n, 1);
    });

    test('a receipt that committed but never stored its answer (the process died) is answered from its dossier on retry', async () => {
      const headers = { cookie: c.motcua, 'idempotency-key': 'receipt-test-key-crash' };
      const a = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem-crash' }) });
      assert.equal(a.statusCode, 201, a.body);
      // The receipt's own statement recorded the dossier on the key.
      const key = async () => (await s.database.query(`SELECT status, resource_id FROM idempotency_keys WHERE key = 'receipt-test-key-crash'`)).rows[0];
      assert.equal((await key()).resource_id, a.json().dossier.id);
      // As if the process had died between the receipt's commit and storing the answer.
      await s.database.query(`UPDATE idempotency_keys SET status = 0, response = '{}' WHERE key = 'receipt-test-key-crash'`);
      const b = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem-crash' }) });
      assert.equal(b.statusCode, 201, b.body);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(b.json().dossier.code, a.json().dossier.code);
      assert.equal((await key()).status, 201);
      assert.equal((await s.database.query(`SELECT count(*)::int AS n FROM dossiers WHERE note = 'idem-crash'`)).rows[0].n, 1);
    });

    test('a key left pending without a dossier: 409 while it may still run, claimed again after two minutes', async () => {
      const headers = { cookie: c.motcua, 'idempotency-key': 'receipt-test-key-lost' };
      const a = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem-lost' }) });
      assert.equal(a.statusCode, 201, a.body);
      // As if the attempt had died before its statement committed: pending, no dossier on the key.
      await s.database.query(`UPDATE idempotency_keys SET status = 0, response = '{}', resource_id = NULL WHERE key = 'receipt-test-key-lost'`);
      const early = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem-lost' }) });
      assert.equal(early.statusCode, 409);
      await s.database.query(`UPDATE idempotency_keys SET created_at = now() - interval '3 minutes' WHERE key = 'receipt-test-key-lost'`);
      const late = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: payload({ note: 'idem-lost' }) });
      assert.equal(late.statusCode, 201, late.body);
      assert.equal(late.headers['idempotent-replayed'], undefined);
      const { rows } = await s.database.query(`SELECT status, resource_id FROM idempotency_keys WHERE key = 'receipt-test-key-lost'`);
      assert.deepEqual(rows[0], { status: 201, resource_id: late.json().dossier.id });
    });

    test('the checklist names the default reception point and the points the officer may choose', async () => {
      const cl = (await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId: procId } })).json();
      const centre = await s.unitId('Trung tâm Phục vụ hành chính công xã Tiên Yên');
      assert.equal(cl.receptionUnitId, centre);
      assert.deepEqual(cl.receptionPoints.map((p: { name: string }) => p.name), ['Trung tâm Phục vụ hành chính công xã Tiên Yên', 'Xã Tiên Yên']);
      const other = (await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId: procId, receptionUnitId: await s.unitId('Xã Tiên Yên') } })).json();
      assert.equal(other.receptionUnitId, await s.unitId('Xã Tiên Yên'));
    });

    test('an explicit reception point is kept: the commune itself, when the counter sits there', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload({ receptionUnitId: await s.unitId('Xã Tiên Yên') }) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().dossier.receptionUnit.name, 'Xã Tiên Yên');
      assert.match(res.json().dossier.code, /^XTY-\d{6}-\d{4}$/);
    });

    test('returns 401 without a session, 403 to a specialist (no dossiers.receive) and to a counter officer of another commune', async () => {
      assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: payload() })).statusCode, 401);
      assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.chuyenvien }, payload: payload() })).statusCode, 403);
      const tienYen = await s.unitId('Xã Tiên Yên');
      const other = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c['motcua.hailang'] }, payload: payload({ receptionUnitId: tienYen }) });
      assert.equal(other.statusCode, 403);
    });

    test('returns 400 naming bad fields, and 404 for an unknown procedure', async () => {
      const bad = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload({ applicant: { ...applicant, phone: '12', name: ' ' } }) });
      assert.equal(bad.statusCode, 400);
      const fields = bad.json().errors.map((e: { field: string }) => e.field).sort();
      assert.deepEqual(fields, ['applicant.name', 'applicant.phone']);
      const unknown = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: payload({ procedureId: '00000000-0000-4000-8000-000000000000' }) });
      assert.equal(unknown.statusCode, 404);
    });
  });

  describe('GET /api/v1/dossiers/:id', () => {
    test('shows the dossier with the actions the caller may take, and logs the opening for the applicant', async () => {
      const d = await receive();
      const res = await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: c.chuyenvien } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().allowedActions.includes('accept'));
      assert.ok(!res.json().allowedActions.includes('return-result'));
      const { rows } = await s.database.query('SELECT user_name FROM dossier_access_log WHERE dossier_id = $1', [d.id]);
      assert.deepEqual(rows.map((r) => r.user_name), ['Trần Văn Bình']);
    });

    test('returns 404 to an official of another commune, for an unknown id, and 403 to a citizen', async () => {
      const d = await receive();
      assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 404);
      assert.equal((await s.app.inject({ url: '/api/v1/dossiers/00000000-0000-4000-8000-000000000000', headers: { cookie: c.motcua } })).statusCode, 404);
      assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: c.congdan } })).statusCode, 403);
    });
  });

  describe('transitions', () => {
    test('the whole path: accept → complete → approve → return, with the control slip and an audit row per step', async () => {
      const d0 = await receive();
      const d1 = await ok(d0.id, 'accept', c.chuyenvien, { version: d0.version });
      assert.equal(d1.status, 'in_process');
      assert.equal(d1.portalStatus, 4);
      const d2 = await ok(d1.id, 'complete', c.chuyenvien, { version: d1.version });
      assert.equal(d2.currentStep?.kind, 'sign');
      assert.equal(d2.currentStep?.state, 'handed');
      const d3 = await ok(d2.id, 'approve', c.lanhdao, { version: d2.version });
      assert.equal(d3.status, 'result_ready');
      assert.equal(d3.portalStatus, 9);
      assert.equal(d3.currentStep?.kind, 'return');
      const d4 = await ok(d3.id, 'return-result', c.motcua, { version: d3.version, method: 'counter', receivedBy: 'Nguyễn Văn Thử' });
      assert.equal(d4.status, 'returned');
      assert.equal(d4.portalStatus, 10);
      assert.deepEqual(d4.classification, { finished: true, outcome: 'early', standing: null });
      assert.ok(d4.steps.every((x) => x.state === 'done'));
      const actions = (await s.auditFor(d0.id)).map((a) => a.action).reverse();
      assert.deepEqual(actions, ['dossier.receive', 'dossier.accept', 'dossier.complete', 'dossier.approve', 'dossier.return-result']);
      const slip = await s.app.inject({ url: `/api/v1/dossiers/${d0.id}/control-slip`, headers: { cookie: c.lanhdao } });
      assert.equal(slip.statusCode, 200);
      const rows = slip.json().rows as Array<{ fromUser: { name: string } | null; toUser: { name: string } | null; outcome: string | null; note: string }>;
      assert.equal(rows.length, 4);
      assert.equal(rows[1].fromUser?.name, 'Nguyễn Thị Hoa');
      assert.equal(rows[1].toUser?.name, 'Trần Văn Bình');
      assert.equal(rows[1].outcome, 'early');
      assert.equal(rows[2].toUser?.name, 'Lê Minh Đức');
      assert.ok(rows.every((r) => r.note === 'Đã xử lý' || r.note === 'Đã tiếp nhận'));
    });

    test('accept: 403 to the wrong role, 409 on a stale version, 422 when already accepted; nothing written on refusal', async () => {
      const d = await receive();
      const wrongRole = await act(d.id, 'accept', c.motcua, { version: d.version });
      assert.equal(wrongRole.statusCode, 403);
      const stale = await act(d.id, 'accept', c.chuyenvien, { version: d.version + 1 });
      assert.equal(stale.statusCode, 409);
      assert.equal((await s.auditFor(d.id)).length, 1);
      const d1 = await ok(d.id, 'accept', c.chuyenvien, { version: d.version });
      const again = await act(d.id, 'accept', c.chuyenvien, { version: d1.version });
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().code, 'RULE_VIOLATED');
      const other = await act(d.id, 'complete', c['motcua.hailang'], { version: d1.version });
      assert.equal(other.statusCode, 404);
    });

    test('a refusal says which rule, in Vietnamese by default and in English or French when asked', async () => {
      const d = await receive();
      const say = async (action: string, cookie: string, body: Record<string, unknown>, lang?: string) => {
        const r = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/${action}`, headers: { cookie, ...(lang ? { 'accept-language': lang } : {}) }, payload: body });
        return { status: r.statusCode, title: r.json().title as string, detail: r.json().detail as string, language: r.headers['content-language'] };
      };
      assert.deepEqual(await say('return-result', c.motcua, { version: d.version, method: 'counter', receivedBy: 'Nguyễn Văn Thử' }), { status: 422, title: 'Thao tác trái quy định', detail: 'Hồ sơ chưa có kết quả', language: 'vi' });
      assert.deepEqual(await say('return-result', c.motcua, { version: d.version, method: 'counter', receivedBy: 'Nguyễn Văn Thử' }, 'en-GB,en;q=0.8'), { status: 422, title: 'This breaks a rule', detail: 'the result is not ready', language: 'en' });
      assert.equal((await say('return-result', c.motcua, { version: d.version, method: 'counter', receivedBy: 'Nguyễn Văn Thử' }, 'fr')).detail, 'le résultat n’est pas prêt');
      const stale = await say('accept', c.chuyenvien, { version: d.version + 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.detail, `Hồ sơ ${d.code} vừa được người khác cập nhật (phiên bản ${d.version}, bạn đang xem ${d.version + 1}); hãy tải lại`);
      const role = await say('accept', c.motcua, { version: d.version });
      assert.equal(role.status, 403);
      assert.equal(role.detail, 'Chỉ cán bộ giữ vai trò của bước này tại đơn vị xử lý bước mới tiếp nhận được');
    });

    test('two officials acting on the same version: the second gets 409', async () => {
      const d = await inProcess();
      const [a, b] = await Promise.all([act(d.id, 'complete', c.chuyenvien, { version: d.version }), act(d.id, 'request-supplement', c.chuyenvien, { version: d.version, reason: 'Thiếu', items: ['Bản sao CCCD'] })]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    });

    test('complete: 403 to a leader on an appraisal step (no dossiers.process), 422 before acceptance', async () => {
      const d = await receive();
      assert.equal((await act(d.id, 'complete', c.chuyenvien, { version: d.version })).statusCode, 422);
      const d1 = await ok(d.id, 'accept', c.chuyenvien, { version: d.version });
      assert.equal((await act(d1.id, 'complete', c.lanhdao, { version: d1.version })).statusCode, 403);
    });

    test('approve: 403 to a specialist, 422 on an appraisal step', async () => {
      const d = await inProcess();
      assert.equal((await act(d.id, 'approve', c.lanhdao, { version: d.version })).statusCode, 422);
      const d2 = await ok(d.id, 'complete', c.chuyenvien, { version: d.version });
      assert.equal((await act(d2.id, 'approve', c.chuyenvien, { version: d2.version })).statusCode, 403);
    });

    test('result-ready applies to the last processing step only', async () => {
      const d = await inProcess();
      assert.equal((await act(d.id, 'result-ready', c.chuyenvien, { version: d.version })).statusCode, 422);
    });

    test('send-back: the leader returns the dossier to the appraisal step, which is handed again', async () => {
      const d = await inProcess();
      const d2 = await ok(d.id, 'complete', c.chuyenvien, { version: d.version });
      assert.equal((await act(d2.id, 'send-back', c.motcua, { version: d2.version, reason: 'x' })).statusCode, 403);
      const d3 = await ok(d2.id, 'send-back', c.lanhdao, { version: d2.version, reason: 'Cần xác minh thêm nơi cư trú' });
      assert.equal(d3.currentStep?.kind, 'appraise');
      assert.equal(d3.currentStep?.state, 'handed');
      assert.equal(d3.steps.find((x) => x.kind === 'sign')?.state, 'pending');
      assert.equal(d3.timeline.at(-1)?.kind, 'sent_back');
      const d4 = await ok(d3.id, 'accept', c.chuyenvien, { version: d3.version });
      assert.equal(d4.currentStep?.state, 'active');
    });

    test('supplement: the clock pauses (status 5), the counter receives it and the appointment moves with history', async () => {
      const d = await inProcess();
      const p = await ok(d.id, 'request-supplement', c.chuyenvien, { version: d.version, reason: 'Bản sao chưa chứng thực', items: ['Bản sao giấy khai sinh có chứng thực'] });
      assert.equal(p.status, 'awaiting_supplement');
      assert.equal(p.portalStatus, 5);
      assert.equal(p.clock.at(-1)?.kind, 'paused_supplement');
      assert.equal(p.dueAt, null);
      assert.equal(p.supplements[0].phase, 'processing');
      assert.equal((await act(p.id, 'supplement-received', c.chuyenvien, { version: p.version })).statusCode, 403);
      assert.equal((await act(p.id, 'complete', c.chuyenvien, { version: p.version })).statusCode, 422);
      const r = await ok(p.id, 'supplement-received', c.motcua, { version: p.version });
      assert.equal(r.status, 'in_process');
      assert.equal(r.clock.at(-1)?.kind, 'running');
      assert.equal(r.supplements[0].policy, 'shift');
      assert.ok(r.supplements[0].receivedAt);
      assert.ok(r.dueAt && r.dueAt >= d.dueAt!);
      assert.equal((await s.auditFor(d.id))[0].action, 'dossier.supplement-received');
    });

    test('a supplement asked at reception restarts the full time when it is brought (default policy for the reception phase)', async () => {
      const d = await receive();
      const p = await ok(d.id, 'request-supplement', c.motcua, { version: d.version, reason: 'Thiếu tờ khai', items: ['Tờ khai có chữ ký'] });
      assert.equal(p.supplements[0].phase, 'reception');
      const r = await ok(p.id, 'supplement-received', c.motcua, { version: p.version });
      assert.equal(r.status, 'received');
      assert.equal(r.clock.at(-1)?.kind, 'reset');
      assert.equal(r.supplements[0].policy, 'reset');
    });

    test('suspend for another agency and resume', async () => {
      const d = await inProcess();
      assert.equal((await act(d.id, 'suspend', c.motcua, { version: d.version, reason: 'x' })).statusCode, 403);
      const p = await ok(d.id, 'suspend', c.chuyenvien, { version: d.version, reason: 'Chờ xác minh của Công an xã', agency: 'Công an xã Tiên Yên' });
      assert.equal(p.status, 'suspended');
      assert.equal(p.portalStatus, 4);
      assert.equal(p.clock.at(-1)?.kind, 'paused_other_agency');
      const r = await ok(p.id, 'resume', c.chuyenvien, { version: p.version });
      assert.equal(r.status, 'in_process');
      assert.equal((await act(r.id, 'resume', c.chuyenvien, { version: r.version })).statusCode, 422);
    });

    test('extend with a legal basis: only a leader; the appointment moves with reason extension', async () => {
      const d = await inProcess();
      const body = { version: d.version, workingDays: 2, legalBasis: 'Điều 17 Nghị định 118/2025/NĐ-CP', reason: 'Cần xác minh tại địa phương khác' };
      assert.equal((await act(d.id, 'extend', c.chuyenvien, body)).statusCode, 403);
      const e = await ok(d.id, 'extend', c.lanhdao, body);
      assert.equal(e.clock.at(-1)?.kind, 'extended');
      assert.equal(e.clock.at(-1)?.minutes, 2 * 450);
      assert.equal(e.appointments.at(-1)?.reason, 'extension');
      assert.ok(e.dueAt! > d.dueAt!);
    });

    test('apology and new appointment: once only, the late step recorded, the statutory due moment unchanged', async () => {
      const d = await inProcess();
      const newAt = new Date(new Date(d.dueAt!).getTime() + 3 * 86_400_000).toISOString();
      assert.equal((await act(d.id, 'apologize', c.chuyenvien, { version: d.version, reason: 'x', newAppointmentAt: newAt })).statusCode, 403);
      const tooEarly = await act(d.id, 'apologize', c.lanhdao, { version: d.version, reason: 'x', newAppointmentAt: d.dueAt });
      assert.equal(tooEarly.statusCode, 422);
      const a = await ok(d.id, 'apologize', c.lanhdao, { version: d.version, reason: 'Chờ kết quả xác minh', newAppointmentAt: newAt });
      assert.equal(a.apologyIssued, true);
      assert.equal(a.appointmentAt, newAt);
      assert.equal(a.dueAt, d.dueAt);
      assert.equal(a.appointments.at(-1)?.reason, 'apology');
      assert.equal(a.appointments.at(-1)?.lateStepSeq, 2);
      const again = await act(d.id, 'apologize', c.lanhdao, { version: a.version, reason: 'y', newAppointmentAt: new Date(new Date(newAt).getTime() + 86_400_000).toISOString() });
      assert.equal(again.statusCode, 422);
    });

    test('refuse on the merits: the refusal letter is the result (status 9), returned at the counter', async () => {
      const d = await inProcess();
      const r = await ok(d.id, 'refuse', c.chuyenvien, { version: d.version, reasons: ['Không đủ điều kiện đăng ký lại khai sinh'] });
      assert.equal(r.status, 'result_ready');
      assert.equal(r.resultKind, 'refusal');
      assert.equal(r.currentStep?.kind, 'return');
      const n = await ok(r.id, 'not-collected', c.motcua, { version: r.version });
      assert.equal(n.timeline.at(-1)?.kind, 'not_collected');
      const ret = await ok(n.id, 'return-result', c.motcua, { version: n.version, method: 'post' });
      assert.equal(ret.status, 'returned');
    });

    test('return-result: 403 to a specialist, 404 to another commune, 422 before the result is ready', async () => {
      const d = await inProcess();
      assert.equal((await act(d.id, 'return-result', c.motcua, { version: d.version, method: 'counter' })).statusCode, 422);
      const d2 = await ok(d.id, 'complete', c.chuyenvien, { version: d.version });
      const d3 = await ok(d2.id, 'approve', c.lanhdao, { version: d2.version });
      assert.equal((await act(d3.id, 'return-result', c.chuyenvien, { version: d3.version, method: 'counter' })).statusCode, 403);
      assert.equal((await act(d3.id, 'return-result', c['motcua.hailang'], { version: d3.version, method: 'counter' })).statusCode, 404);
    });

    test('withdraw (status 7) by the counter; cancel (status 8) only by a leader; nothing after the end', async () => {
      const a = await inProcess();
      const w = await ok(a.id, 'withdraw', c.motcua, { version: a.version, reason: 'Công dân có đơn xin rút' });
      assert.equal(w.status, 'withdrawn');
      assert.equal(w.portalStatus, 7);
      assert.equal(w.clock.at(-1)?.kind, 'stopped');
      assert.deepEqual(w.allowedActions, []);
      assert.equal((await act(w.id, 'accept', c.chuyenvien, { version: w.version })).statusCode, 422);
      const b = await receive();
      assert.equal((await act(b.id, 'cancel', c.motcua, { version: b.version, reason: 'x' })).statusCode, 403);
      const x = await ok(b.id, 'cancel', c.lanhdao, { version: b.version, reason: 'Thủ tục bị bãi bỏ' });
      assert.equal(x.status, 'cancelled');
      assert.equal(x.portalStatus, 8);
    });
  });

  describe('queues, search and reassignment', () => {
    test('each official sees their queues: to receive for the specialist, to return for the counter', async () => {
      const d = await receive();
      const toReceive = await s.app.inject({ url: '/api/v1/dossiers?queue=to_receive&limit=200', headers: { cookie: c.chuyenvien } });
      assert.equal(toReceive.statusCode, 200);
      assert.ok(toReceive.json().items.some((x: { id: string }) => x.id === d.id));
      const counterSees = await s.app.inject({ url: '/api/v1/dossiers?queue=to_receive&limit=200', headers: { cookie: c.motcua } });
      assert.ok(!counterSees.json().items.some((x: { id: string }) => x.id === d.id));
      const d1 = await ok(d.id, 'accept', c.chuyenvien, { version: d.version });
      const d2 = await ok(d1.id, 'complete', c.chuyenvien, { version: d1.version });
      await ok(d2.id, 'approve', c.lanhdao, { version: d2.version });
      const toReturn = await s.app.inject({ url: '/api/v1/dossiers?queue=to_return&limit=200', headers: { cookie: c.motcua } });
      assert.ok(toReturn.json().items.some((x: { id: string }) => x.id === d.id));
      const other = await s.app.inject({ url: '/api/v1/dossiers?queue=to_return&limit=200', headers: { cookie: c['motcua.hailang'] } });
      assert.equal(other.json().total, 0);
      const counts = await s.app.inject({ url: '/api/v1/dossiers/queue-counts', headers: { cookie: c.motcua } });
      assert.equal(counts.statusCode, 200);
      assert.ok(counts.json().to_return >= 1);
    });

    test('search is accent-insensitive on the applicant and the code', async () => {
      const d = await receive({ applicant: { ...applicant, name: 'Đặng Thị Ánh Tuyết' } });
      const res = await s.app.inject({ url: '/api/v1/dossiers?q=dang%20thi%20anh', headers: { cookie: c.motcua } });
      assert.ok(res.json().items.some((x: { id: string }) => x.id === d.id));
      const byCode = await s.app.inject({ url: `/api/v1/dossiers?q=${encodeURIComponent(d.code.toLowerCase())}`, headers: { cookie: c.motcua } });
      assert.equal(byCode.json().items[0].id, d.id);
    });

    test('reassign with preview writes nothing; applying moves the step to the other specialist', async () => {
      const { rows } = await s.database.query(`INSERT INTO users (username, full_name, password_hash) VALUES ('chuyenvien2', 'Phạm Văn Hai', NULL) RETURNING id`);
      const other = rows[0].id as string;
      await s.database.query(`INSERT INTO role_grants (user_id, role, unit_id, valid_from) VALUES ($1, 'specialist', $2, '2025-07-01')`, [other, await s.unitId('Xã Tiên Yên')]);
      const a = await inProcess();
      const b = await inProcess();
      const me = await s.userId('chuyenvien');
      const preview = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/reassign', headers: { cookie: c.lanhdao }, payload: { dossierIds: [a.id, b.id], toUserId: other, preview: true } });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().changes.length, 2);
      assert.equal(preview.json().changes[0].from.id, me);
      const still = await s.app.inject({ url: `/api/v1/dossiers/${a.id}`, headers: { cookie: c.lanhdao } });
      assert.equal(still.json().currentStep.assignee.id, me);
      assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/reassign', headers: { cookie: c.chuyenvien }, payload: { dossierIds: [a.id], toUserId: other } })).statusCode, 403);
      const applied = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/reassign', headers: { cookie: c.lanhdao }, payload: { dossierIds: [a.id, b.id], toUserId: other, reason: 'Nghỉ phép' } });
      assert.equal(applied.json().changes.length, 2);
      const moved = await s.app.inject({ url: `/api/v1/dossiers/${a.id}`, headers: { cookie: c.lanhdao } });
      assert.equal(moved.json().currentStep.assignee.id, other);
      assert.equal((await s.auditFor(a.id))[0].action, 'dossier.reassign');
      const toLeader = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/reassign', headers: { cookie: c.lanhdao }, payload: { dossierIds: [a.id], toUserId: await s.userId('lanhdao'), preview: true } });
      assert.equal(toLeader.json().changes.length, 0);
      assert.match(toLeader.json().skipped[0].reason, /specialist/);
    });

    test('candidates: the officials holding the next step\'s role on its unit (designation), or the current one (reassignment)', async () => {
      const d = await receive();
      const next = await s.app.inject({ url: `/api/v1/dossiers/${d.id}/candidates`, headers: { cookie: c.motcua } });
      assert.equal(next.statusCode, 200, next.body);
      const body = next.json();
      // Receipt completed step 1: the current step is appraisal; the next one is the leader's signature.
      assert.equal(body.step.seq, d.currentStep!.seq + 1);
      assert.equal(body.step.role, 'unit_leader');
      const ids = body.officials.map((o: { id: string }) => o.id);
      assert.ok(ids.includes(await s.userId('lanhdao')), next.body);
      assert.ok(!ids.includes(await s.userId('chuyenvien')));
      const cur = await s.app.inject({ url: `/api/v1/dossiers/${d.id}/candidates?step=current`, headers: { cookie: c.lanhdao } });
      assert.equal(cur.json().step.role, 'specialist');
      assert.ok(cur.json().officials.map((o: { id: string }) => o.id).includes(await s.userId('chuyenvien')));
      // Designating a candidate works; designating a non-candidate is refused by the same rule.
      const accepted = await ok(d.id, 'accept', c.chuyenvien, { version: d.version });
      const refused = await act(d.id, 'complete', c.chuyenvien, { version: accepted.version, nextAssigneeId: await s.userId('motcua') });
      assert.equal(refused.statusCode, 400, refused.body);
      const handed = await ok(d.id, 'complete', c.chuyenvien, { version: accepted.version, nextAssigneeId: await s.userId('lanhdao') });
      assert.equal(handed.steps.find((x) => x.seq === body.step.seq)!.assignee!.id, await s.userId('lanhdao'));
      // Another commune's official does not see the dossier; nobody signed out does.
      assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}/candidates`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 404);
      assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}/candidates` })).statusCode, 401);
      assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}/candidates?step=later`, headers: { cookie: c.motcua } })).statusCode, 400);
    });
  });

  describe('statistics', () => {
    test('the on-time rate of the period counts open overdue dossiers', async () => {
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const res = await s.app.inject({ url: `/api/v1/dossiers/stats?from=2026-01-01&to=${today}`, headers: { cookie: c.lanhdao } });
      assert.equal(res.statusCode, 200, res.body);
      const st = res.json();
      assert.ok(st.counts.received > 10);
      assert.match(st.formula, /open overdue/);
      assert.equal((await s.app.inject({ url: '/api/v1/dossiers/stats?from=2026-01-01&to=2026-02-30', headers: { cookie: c.lanhdao } })).statusCode, 400);
    });
  });

  describe('public tracking POST /api/v1/tracking', () => {
    test('code + last 4 digits of the phone or the ID number: status, timeline, explanation and who opened the dossier', async () => {
      const d = await receive();
      await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: c.chuyenvien } });
      const byPhone = await s.app.inject({ method: 'POST', url: '/api/v1/tracking', payload: { code: d.code, digits: '5678' } });
      assert.equal(byPhone.statusCode, 200, byPhone.body);
      const t = byPhone.json();
      assert.equal(t.status, 'received');
      assert.equal(t.portalStatus, 2);
      assert.equal(t.currentStep.unitName, 'Xã Tiên Yên');
      assert.ok(t.explanation.some((l: string) => /Hạn/.test(l)));
      assert.deepEqual(t.accessLog.map((a: { officialName: string }) => a.officialName), ['Trần Văn Bình']);
      assert.ok(!JSON.stringify(t).includes('Nguyễn Văn Thử'));
      assert.ok(!JSON.stringify(t).includes('0912345678'));
      const byId = await s.app.inject({ method: 'POST', url: '/api/v1/tracking', payload: { code: d.code.toLowerCase(), digits: '1234', lang: 'en' } });
      assert.equal(byId.statusCode, 200);
      assert.equal(byId.json().statusLabel, 'Received');
    });

    test('wrong digits give the same 404 as an unknown code', async () => {
      const d = await receive();
      const wrong = await s.app.inject({ method: 'POST', url: '/api/v1/tracking', payload: { code: d.code, digits: '0000' } });
      const unknown = await s.app.inject({ method: 'POST', url: '/api/v1/tracking', payload: { code: 'XTY-000101-9999', digits: '5678' } });
      assert.equal(wrong.statusCode, 404);
      assert.equal(unknown.statusCode, 404);
      assert.equal(wrong.json().title, unknown.json().title);
      assert.equal(wrong.json().detail, unknown.json().detail);
    });

    test('is rate-limited per client', async () => {
      let last = 0;
      for (let i = 0; i < 35; i++) last = (await s.app.inject({ method: 'POST', url: '/api/v1/tracking', remoteAddress: '10.9.8.7', payload: { code: 'XTY-000101-9999', digits: '0000' } })).statusCode;
      assert.equal(last, 429);
    });
  });

  describe('settings', () => {
    test('a global administrator changes the code pattern; the next code follows it', async () => {
      const got = await s.app.inject({ url: '/api/v1/dossier-settings', headers: { cookie: c.admin } });
      assert.equal(got.statusCode, 200);
      const g = { json: () => got.json() as Record<string, unknown> };
      const put = await s.app.inject({ method: 'PUT', url: '/api/v1/dossier-settings', headers: { cookie: c.admin }, payload: { ...g.json(), codePattern: '{agency}-{yyyyMMdd}-{seq5}' } });
      assert.equal(put.statusCode, 200, put.body);
      const d = await receive();
      assert.match(d.code, /^XTY-\d{8}-\d{5}$/);
      const stale = await s.app.inject({ method: 'PUT', url: '/api/v1/dossier-settings', headers: { cookie: c.admin }, payload: { ...g.json() } });
      assert.equal(stale.statusCode, 409);
      const back = await s.app.inject({ method: 'PUT', url: '/api/v1/dossier-settings', headers: { cookie: c.admin }, payload: { ...g.json(), version: put.json().version } });
      assert.equal(back.statusCode, 200);
      assert.equal((await s.app.inject({ url: '/api/v1/dossier-settings', headers: { cookie: c.motcua } })).statusCode, 403);
    });
  });
});
