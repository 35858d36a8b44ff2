import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { todayVn } from '../../platform/clock.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { procedureBody, seedCatalogue } from './test-helpers.ts';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
/** Next year: proposals are approved for dates that have not passed. */
const Y = Number(todayVn().slice(0, 4)) + 1;

describe('yearly review and simplification report API', () => {
  let s: TestServer;
  let cchc: string;
  let leader: string;
  let counter: string;
  let inspector: string;
  let admin: string;
  let tienYen: string;
  let haiLang: string;
  let plan: { id: string; version: number };
  const fixture: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const post = (url: string, cookie: string | undefined, payload: unknown) => s.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload: payload as object });
  const patch = (url: string, cookie: string, payload: unknown) => s.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: payload as object });
  const count = async (sql: string, values: unknown[] = []) => Number((await s.database.query(sql, values)).rows[0].n);

  before(async () => {
    s = await startTestServer();
    const ids = await seedCatalogue(s);
    tienYen = ids.get('n_tien_yen')!;
    haiLang = ids.get('n_hai_lang')!;
    [cchc, leader, counter, inspector, admin] = await Promise.all([s.login('cchc'), s.login('lanhdao'), s.login('motcua'), s.login('thanhtra'), s.login('admin')]);
    // The hand-computed fixture of simplification.test.ts, through the API.
    const doc = (name: string) => ({ name, form: 'original', count: 1 });
    const bodies = {
      A: procedureBody(tienYen, 'FX-A', { name: 'Thủ tục A', effectiveFrom: `${Y - 1}-01-01`, processingTime: { value: 10, unit: 'working_day' }, documents: ['a1', 'a2', 'a3', 'a4'].map(doc), fees: [{ name: 'Lệ phí', amount: 100_000 }] }),
      B: procedureBody(tienYen, 'FX-B', { name: 'Thủ tục B', effectiveFrom: `${Y - 1}-01-01`, processingTime: { value: 16, unit: 'working_hour' }, documents: ['b1', 'b2'].map(doc), fees: [] }),
      C: procedureBody(tienYen, 'FX-C', { name: 'Thủ tục C', effectiveFrom: `${Y - 1}-01-01`, processingTime: { value: 14, unit: 'day' }, documents: ['c1', 'c2', 'c3'].map(doc), fees: [{ name: 'Phí', amount: 50_000 }] }),
    };
    for (const k of ['A', 'B', 'C'] as const) {
      const res = await post('/api/v1/procedures', cchc, bodies[k]);
      assert.equal(res.statusCode, 201, res.body);
      fixture[k] = res.json().id;
    }
  });
  after(() => s.close());

  describe('review plans', () => {
    test('a reform officer opens the plan of her commune for a year; the audit row is written', async () => {
      const res = await post('/api/v1/procedure-reviews', cchc, { unitId: tienYen, year: Y, title: `Kế hoạch rà soát TTHC năm ${Y}`, procedureIds: [fixture.B] });
      assert.equal(res.statusCode, 201, res.body);
      plan = res.json();
      assert.equal(res.json().baselineDate, `${Y}-01-01`);
      assert.equal(res.json().unitName, 'Xã Tiên Yên');
      assert.equal((await s.auditFor(plan.id))[0].action, 'procedure_review.create');
    });

    test('returns 409 for a second plan of the same unit and year', async () => {
      const res = await post('/api/v1/procedure-reviews', cchc, { unitId: tienYen, year: 2026, title: 'Trùng' });
      assert.equal(res.statusCode, 409);
    });

    test('returns 400 naming bad fields, 401 anonymous, 403 to a leader, 403 for another commune', async () => {
      const bad = await post('/api/v1/procedure-reviews', cchc, { unitId: tienYen, year: 1990, title: '' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field).sort(), ['title', 'year']);
      assert.equal((await post('/api/v1/procedure-reviews', undefined, { unitId: tienYen, year: Y + 1, title: 'x' })).statusCode, 401);
      assert.equal((await post('/api/v1/procedure-reviews', leader, { unitId: tienYen, year: Y + 1, title: 'x' })).statusCode, 403);
      assert.equal((await post('/api/v1/procedure-reviews', cchc, { unitId: haiLang, year: Y, title: 'x' })).statusCode, 403);
      assert.equal(await count('SELECT count(*) AS n FROM procedure_review_plans WHERE unit_id = $1', [haiLang]), 0);
    });

    test('lists plans to leaders, reform officers and the provincial inspector, not to a counter officer', async () => {
      for (const cookie of [cchc, leader, inspector]) {
        const res = await s.app.inject({ url: `/api/v1/procedure-reviews?unitId=${tienYen}`, headers: { cookie } });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json().map((p: { year: number }) => p.year), [Y, 2026, 2025]);
      }
      assert.equal((await s.app.inject({ url: '/api/v1/procedure-reviews', headers: { cookie: counter } })).statusCode, 403);
      assert.equal((await s.app.inject({ url: `/api/v1/procedure-reviews?unitId=${haiLang}`, headers: { cookie: cchc } })).statusCode, 403);
    });

    test('shows a plan with its proposals; 404 for an unknown plan', async () => {
      const seeded = (await s.app.inject({ url: `/api/v1/procedure-reviews?unitId=${tienYen}&year=2025`, headers: { cookie: cchc } })).json()[0];
      const res = await s.app.inject({ url: `/api/v1/procedure-reviews/${seeded.id}`, headers: { cookie: cchc } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().proposals.length, 9);
      assert.equal((await s.app.inject({ url: `/api/v1/procedure-reviews/${NO_SUCH}`, headers: { cookie: cchc } })).statusCode, 404);
    });

    test('edits a plan with its version; 409 when stale', async () => {
      const res = await patch(`/api/v1/procedure-reviews/${plan.id}`, cchc, { version: plan.version, note: 'Theo Kế hoạch của UBND tỉnh' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().version, plan.version + 1);
      assert.equal((await patch(`/api/v1/procedure-reviews/${plan.id}`, cchc, { version: plan.version, note: 'x' })).statusCode, 409);
      plan = res.json();
    });
  });

  describe('proposals and decisions', () => {
    const proposal = (procedureId: string, change: object, effectiveDate = `${Y}-02-01`) => ({ procedureId, change, rationale: 'Khai thác dữ liệu dân cư', effectiveDate });
    const decide = (id: string, cookie: string, body: object) => post(`/api/v1/procedure-proposals/${id}/decision`, cookie, body);

    test('the fixture: propose, approve; the cut is scheduled and applies on its date', async () => {
      const made: Array<{ id: string; version: number }> = [];
      for (const [pid, change] of [
        [fixture.A, { kind: 'cut_time', processingTime: { value: 6, unit: 'working_day' } }],
        [fixture.A, { kind: 'drop_document', documentName: 'a4' }],
        [fixture.C, { kind: 'abolish' }],
      ] as const) {
        const res = await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(pid, change));
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().status, 'proposed');
        made.push(res.json());
      }
      const planNow = (await s.app.inject({ url: `/api/v1/procedure-reviews/${plan.id}`, headers: { cookie: cchc } })).json();
      assert.deepEqual(new Set(planNow.procedureIds), new Set([fixture.A, fixture.B, fixture.C]), 'a proposal adds its procedure to the plan');
      for (const p of made) {
        const res = await decide(p.id, leader, { version: p.version, decision: 'approved', note: 'Đồng ý' });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().status, 'approved');
        assert.equal(res.json().decidedBy, await s.userId('lanhdao'));
        assert.ok(res.json().resultVersionNo > 1);
        const audit = await s.auditFor(p.id);
        assert.equal(audit[0].action, 'procedure_proposal.approve');
      }
      const a = (await s.app.inject({ url: `/api/v1/procedures/${fixture.A}` })).json();
      assert.deepEqual(a.processingTime, { value: 10, unit: 'working_day' }, 'not yet in force today');
      assert.deepEqual(a.scheduled.map((x: { effectiveFrom: string }) => x.effectiveFrom), [`${Y}-02-01`]);
      const aLater = (await s.app.inject({ url: `/api/v1/procedures/${fixture.A}?asOf=${Y}-02-01` })).json();
      assert.deepEqual(aLater.processingTime, { value: 6, unit: 'working_day' });
      assert.equal(aLater.documents.length, 3);
      assert.equal(aLater.source, 'proposal');
      const procAudit = await s.auditFor(fixture.A);
      assert.equal(procAudit[0].action, 'procedure.version');
      const c = (await s.app.inject({ url: `/api/v1/procedures/${fixture.C}?asOf=${Y}-02-01` })).json();
      assert.equal(c.status, 'abolished');
    });

    test('the simplification report matches the hand-computed figures', async () => {
      const res = await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${tienYen}&year=${Y}&timeValuePerDay=100000`, headers: { cookie: leader } });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.planId, plan.id);
      assert.deepEqual([r.reviewedCount, r.simplifiedCount, r.abolishedCount], [3, 2, 1]);
      assert.deepEqual(r.time, { before: 22, after: 8, reduction: 14, percent: 63.64 });
      assert.deepEqual(r.documents, { before: 9, after: 5, reduction: 4, percent: 44.44 });
      assert.deepEqual(r.fees, { before: 150_000, after: 100_000, reduction: 50_000, percent: 33.33 });
      assert.deepEqual(r.complianceCost, { before: 2_350_000, after: 900_000, reduction: 1_450_000, percent: 61.7 });
      assert.equal(r.proposals.byStatus.approved, 3);
      assert.ok(r.formulas.C.includes('timeValuePerDay'));
    });

    test('the seeded 2025 review reaches the 30 % target on time', async () => {
      const r = (await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${tienYen}&year=2025`, headers: { cookie: inspector } })).json();
      assert.equal(r.reviewedCount, 8);
      assert.equal(r.simplifiedCount, 6);
      assert.ok(r.time.percent >= 30, `${r.time.percent}`);
      assert.equal(r.target.timeMet, true);
    });

    test('a report without a plan is all zeros; 403 to a counter officer and for another commune', async () => {
      const r = await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${tienYen}&year=2030`, headers: { cookie: cchc } });
      assert.equal(r.statusCode, 200);
      assert.deepEqual([r.json().planId, r.json().reviewedCount, r.json().time.percent], [null, 0, null]);
      assert.equal((await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${tienYen}&year=2025`, headers: { cookie: counter } })).statusCode, 403);
      assert.equal((await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${haiLang}&year=2025`, headers: { cookie: cchc } })).statusCode, 403);
      const bad = await s.app.inject({ url: `/api/v1/procedure-reports/simplification?unitId=${tienYen}`, headers: { cookie: cchc } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'year');
    });

    test('refuses a change that does not apply (400 with the field) or does not simplify (422)', async () => {
      const noDoc = await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.B, { kind: 'drop_document', documentName: 'không có' }));
      assert.equal(noDoc.statusCode, 400);
      assert.equal(noDoc.json().errors[0].field, 'change.documentName');
      const longer = await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.B, { kind: 'cut_time', processingTime: { value: 5, unit: 'working_day' } }));
      assert.equal(longer.statusCode, 422);
      assert.equal(longer.json().detail, 'Thời hạn giải quyết đề xuất không được dài hơn thời hạn hiện hành');
      const badKind = await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.B, { kind: 'teleport' }));
      assert.equal(badKind.statusCode, 400);
      assert.equal(badKind.json().errors[0].field, 'change.kind');
      const unknownProc = await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(NO_SUCH, { kind: 'abolish' }));
      assert.equal(unknownProc.statusCode, 400);
      assert.equal(unknownProc.json().errors[0].field, 'procedureId');
    });

    test('returns 404 for an unknown plan or proposal, 403 to a leader proposing, 403 on a provincial procedure', async () => {
      assert.equal((await post(`/api/v1/procedure-reviews/${NO_SUCH}/proposals`, cchc, proposal(fixture.B, { kind: 'abolish' }))).statusCode, 404);
      assert.equal((await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, leader, proposal(fixture.B, { kind: 'abolish' }))).statusCode, 403);
      const provincial = (await s.database.query(`SELECT id FROM procedures WHERE code = 'QN-LLTP-01'`)).rows[0].id as string;
      assert.equal((await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(provincial, { kind: 'abolish' }))).statusCode, 403);
      assert.equal((await decide(NO_SUCH, leader, { version: 1, decision: 'approved' })).statusCode, 404);
      assert.equal((await patch(`/api/v1/procedure-proposals/${NO_SUCH}`, cchc, { version: 1, rationale: 'x' })).statusCode, 404);
    });

    test('only a leader decides: 403 to the reform officer, 409 when stale, 422 when the date has passed or it was decided', async () => {
      const p = (await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.B, { kind: 'move_online', onlineLevel: 'full' }))).json();
      assert.equal((await decide(p.id, cchc, { version: p.version, decision: 'approved' })).statusCode, 403);
      assert.equal((await decide(p.id, counter, { version: p.version, decision: 'approved' })).statusCode, 403);
      assert.equal((await decide(p.id, leader, { version: p.version + 1, decision: 'approved' })).statusCode, 409);
      const past = await decide(p.id, leader, { version: p.version, decision: 'approved', effectiveDate: '2020-01-01' });
      assert.equal(past.statusCode, 422);
      assert.equal(past.json().code, 'RULE_VIOLATED');
      assert.equal(past.json().detail, 'Ngày có hiệu lực 01/01/2020 đã qua; vui lòng phê duyệt với ngày có hiệu lực mới');
      const pastEn = await s.app.inject({ method: 'POST', url: `/api/v1/procedure-proposals/${p.id}/decision`, headers: { cookie: leader, 'accept-language': 'en' }, payload: { version: p.version, decision: 'approved', effectiveDate: '2020-01-01' } });
      assert.equal(pastEn.json().detail, 'the effective date (01/01/2020) has passed; approve with a new effectiveDate');
      const rejected = await decide(p.id, leader, { version: p.version, decision: 'rejected', note: 'Chưa đủ hạ tầng' });
      assert.equal(rejected.statusCode, 200);
      assert.equal(rejected.json().status, 'rejected');
      assert.equal(rejected.json().resultVersionNo, null);
      const again = await decide(p.id, leader, { version: rejected.json().version, decision: 'approved' });
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().detail, 'Đề xuất đã có quyết định không phê duyệt, không thể sửa hoặc quyết định lại');
      const b = (await s.app.inject({ url: `/api/v1/procedures/${fixture.B}/versions` })).json();
      assert.equal(b.length, 1, 'a rejection writes no version');
    });

    test('a proposer edits and withdraws an undecided proposal; a withdrawn one cannot be decided', async () => {
      const p = (await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.B, { kind: 'cut_time', processingTime: { value: 8, unit: 'working_hour' } }))).json();
      const edited = await patch(`/api/v1/procedure-proposals/${p.id}`, cchc, { version: p.version, rationale: 'Lý do mới', effectiveDate: `${Y}-03-01` });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().effectiveDate, `${Y}-03-01`);
      assert.equal((await patch(`/api/v1/procedure-proposals/${p.id}`, cchc, { version: p.version, rationale: 'x' })).statusCode, 409);
      assert.equal((await patch(`/api/v1/procedure-proposals/${p.id}`, leader, { version: edited.json().version, status: 'withdrawn' })).statusCode, 403);
      const withdrawn = await patch(`/api/v1/procedure-proposals/${p.id}`, cchc, { version: edited.json().version, status: 'withdrawn' });
      assert.equal(withdrawn.json().status, 'withdrawn');
      assert.equal((await s.auditFor(p.id))[0].action, 'procedure_proposal.withdraw');
      assert.equal((await decide(p.id, leader, { version: withdrawn.json().version, decision: 'approved' })).statusCode, 422);
    });

    test("a leader of another commune cannot decide this commune's proposal; an administrator can", async () => {
      const acct = await post('/api/v1/accounts', admin, { username: 'lanhdao.hailang', fullName: 'Lãnh đạo Hải Lạng', password: 'motcua2026x', mustChangePassword: false, grants: [{ role: 'unit_leader', unitId: haiLang }] });
      assert.equal(acct.statusCode, 201, acct.body);
      const otherLeader = await s.login('lanhdao.hailang', 'motcua2026x');
      const p = (await post(`/api/v1/procedure-reviews/${plan.id}/proposals`, cchc, proposal(fixture.A, { kind: 'drop_document', documentName: 'a3' }, `${Y}-04-01`))).json();
      assert.equal((await decide(p.id, otherLeader, { version: p.version, decision: 'approved' })).statusCode, 403);
      const ok = await decide(p.id, admin, { version: p.version, decision: 'approved' });
      assert.equal(ok.statusCode, 200, ok.body);
      const a = (await s.app.inject({ url: `/api/v1/procedures/${fixture.A}?asOf=${Y}-04-01` })).json();
      assert.deepEqual(a.documents.map((d: { name: string }) => d.name), ['a1', 'a2'], 'both approved document cuts apply from April');
    });
  });
});
