import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, fieldsOf, type Call } from '../test-helpers.ts';

describe('inspections and follow-up', () => {
  let s: TestServer;
  let call: Call;
  let cchc: string, thanhtra: string, lanhdao: string;
  let province: string, tienYen: string, haiLang: string;
  let plan: { id: string; version: number };
  let insp: { id: string; version: number };
  let lateRec: { id: string; version: number };

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [cchc, thanhtra, lanhdao] = await Promise.all(['cchc', 'thanhtra', 'lanhdao'].map((u) => s.login(u)));
    [province, tienYen, haiLang] = await Promise.all(['Tỉnh Quảng Ninh', 'Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
  });
  after(() => s.close());

  test('the inspector adopts the yearly plan (one per unit and year: 409); a reform officer may not (403)', async () => {
    const res = await call('POST', '/api/v1/inspection-plans', thanhtra, { unitId: province, year: 2019, title: 'Kế hoạch kiểm tra CCHC năm 2019', decisionRef: '12/KH-UBND', approvedOn: '2019-01-20' });
    assert.equal(res.statusCode, 201, res.body);
    plan = res.json();
    assert.equal((await s.auditFor(plan.id))[0].action, 'inspection.plan.create');
    const twice = await call('POST', '/api/v1/inspection-plans', thanhtra, { unitId: province, year: 2019, title: 'Trùng' });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().detail, 'Đơn vị đã có kế hoạch kiểm tra năm 2019');
    assert.equal((await call('POST', '/api/v1/inspection-plans', cchc, { unitId: tienYen, year: 2026, title: 'x' })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/inspection-plans', undefined, { unitId: tienYen, year: 2026, title: 'x' })).statusCode, 401);
    const stale = await call('PATCH', `/api/v1/inspection-plans/${plan.id}`, thanhtra, { version: 2, notes: 'x' });
    assert.equal(stale.statusCode, 409);
  });

  test('records an integrated inspection of a commune with its team; 400 on bad dates, targets and plans', async () => {
    const body = { planId: plan.id, unitId: province, kind: 'integrated', targetUnitId: tienYen, title: 'Kiểm tra CCHC tại UBND xã Tiên Yên', startOn: '2019-08-11', endOn: '2019-08-12', team: [{ name: 'Vũ Quang Huy', role: 'head', position: 'Thanh tra viên' }, { name: 'Lê Thu', role: 'member' }] };
    const res = await call('POST', '/api/v1/inspections', thanhtra, body);
    assert.equal(res.statusCode, 201, res.body);
    insp = res.json();
    assert.deepEqual([res.json().targetUnitName, res.json().team.length, res.json().status], ['Xã Tiên Yên', 2, 'planned']);
    assert.equal((await s.auditFor(insp.id))[0].action, 'inspection.create');
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/inspections', thanhtra, { ...body, endOn: '2019-08-01' })), ['endOn']);
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/inspections', thanhtra, { ...body, targetUnitId: province })), ['targetUnitId']);
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/inspections', thanhtra, { ...body, startOn: '2020-02-01', endOn: null })), ['planId']);
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/inspections', thanhtra, { ...body, kind: 'random', team: [{ name: 'x', role: 'boss' }] })), ['kind', 'team.0.role']);
    assert.equal((await call('POST', '/api/v1/inspections', cchc, body)).statusCode, 403);
  });

  test('findings and conclusion with the version read (409 when stale)', async () => {
    const res = await call('PATCH', `/api/v1/inspections/${insp.id}`, thanhtra, { version: 1, findings: 'Chưa số hoá đầy đủ kết quả', status: 'concluded', conclusionRef: '95/TB-SNV', concludedOn: '2019-08-25' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'concluded');
    assert.equal((await call('PATCH', `/api/v1/inspections/${insp.id}`, thanhtra, { version: 1, findings: 'x' })).statusCode, 409);
    assert.equal((await call('PATCH', '/api/v1/inspections/00000000-0000-4000-8000-000000000000', thanhtra, { version: 1 })).statusCode, 404);
  });

  test('recommendations with a responsible unit and deadline; the commune sees them, overdue ones flagged', async () => {
    const add = (content: string, deadline: string, responsibleUnitId = tienYen) => call('POST', `/api/v1/inspections/${insp.id}/recommendations`, thanhtra, { content, responsibleUnitId, deadline });
    const r1 = await add('Số hoá 100% kết quả giải quyết còn tồn', '2019-10-15');
    assert.equal(r1.statusCode, 201, r1.body);
    lateRec = r1.json();
    assert.equal(r1.json().overdue, true);
    assert.equal((await s.auditFor(lateRec.id))[0].action, 'inspection.recommendation.create');
    assert.equal((await add('Mở hòm thư góp ý hằng tuần', '2099-01-31')).json().overdue, false);
    assert.deepEqual(fieldsOf(await add('Đơn vị không tồn tại', '2099-01-31', '00000000-0000-4000-8000-000000000000')), ['responsibleUnitId']);
    assert.deepEqual(fieldsOf(await add('', '2099-02-30')), ['content', 'deadline']);
    const detail = await call('GET', `/api/v1/inspections/${insp.id}`, cchc);
    assert.equal(detail.statusCode, 200);
    assert.deepEqual(detail.json().recommendations, { total: 2, open: 2, overdue: 1 });
    const overdue = (await call('GET', `/api/v1/inspection-recommendations?overdue=true&responsibleUnitId=${tienYen}&pageSize=500`, cchc)).json().items.map((r: { inspectionId: string; id: string }) => r.id);
    assert.ok(overdue.includes(lateRec.id));
    assert.equal(detail.json().recommendationList.filter((r: { id: string }) => overdue.includes(r.id)).length, 1, 'the other one is not overdue');
  });

  test('the commune reports follow-up (audited); a leader may read but not report (403)', async () => {
    const f = await call('POST', `/api/v1/inspection-recommendations/${lateRec.id}/follow-ups`, cchc, { note: 'Đã số hoá 70%', evidenceUrl: 'https://tienyen.quangninh.gov.vn/bc/so-hoa.pdf' });
    assert.equal(f.statusCode, 201, f.body);
    assert.equal(f.json().followUps.length, 1);
    assert.equal(f.json().followUps[0].reportedBy, 'Phạm Thị Lan');
    assert.equal((await s.auditFor(lateRec.id))[0].action, 'inspection.recommendation.follow_up');
    assert.equal((await call('POST', `/api/v1/inspection-recommendations/${lateRec.id}/follow-ups`, lanhdao, { note: 'x' })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/inspection-recommendations/00000000-0000-4000-8000-000000000000/follow-ups', cchc, { note: 'x' })).statusCode, 404);
  });

  test('only the inspector closes, with evidence (400 without), versioned (409); then no more follow-up (422)', async () => {
    const url = `/api/v1/inspection-recommendations/${lateRec.id}/close`;
    assert.equal((await call('POST', url, cchc, { version: 1, evidence: 'x' })).statusCode, 403);
    assert.deepEqual(fieldsOf(await call('POST', url, thanhtra, { version: 1 })), ['evidence']);
    assert.equal((await call('POST', url, thanhtra, { version: 7, evidence: 'x' })).statusCode, 409);
    const ok = await call('POST', url, thanhtra, { version: 1, evidence: 'Biên bản kiểm tra lại ngày 20/11: đã số hoá 100%', closedOn: '2019-11-20' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().status, ok.json().overdue], ['closed', false]);
    assert.equal((await s.auditFor(lateRec.id))[0].action, 'inspection.recommendation.close');
    assert.equal((await call('POST', `/api/v1/inspection-recommendations/${lateRec.id}/follow-ups`, cchc, { note: 'x' })).statusCode, 422);
  });

  test('another commune’s inspection is 403 to the commune; counts by kind and year with open and overdue', async () => {
    const other = await call('POST', '/api/v1/inspections', thanhtra, { planId: plan.id, unitId: province, kind: 'surprise', targetUnitId: haiLang, title: 'Kiểm tra đột xuất Hải Lạng', startOn: '2019-09-17' });
    assert.equal(other.statusCode, 201);
    await call('POST', `/api/v1/inspections/${other.json().id}/recommendations`, thanhtra, { content: 'Đeo thẻ công chức', responsibleUnitId: haiLang, deadline: '2021-01-01' });
    assert.equal((await call('GET', `/api/v1/inspections/${other.json().id}`, cchc)).statusCode, 403);
    const seen = (await call('GET', '/api/v1/inspections?year=2019', cchc)).json().items.map((i: { id: string }) => i.id);
    assert.deepEqual(seen, [insp.id], 'the commune sees inspections of itself only');
    const stats = await call('GET', `/api/v1/inspections/stats?unitId=${province}&from=2019-01-01&to=2019-12-31`, thanhtra);
    assert.equal(stats.statusCode, 200, stats.body);
    assert.deepEqual(stats.json().byYear, [{ year: 2019, integrated: 1, surprise: 1 }]);
    assert.deepEqual(stats.json().recommendations, { total: 3, open: 2, overdue: 1, closed: 1 });
    assert.equal((await call('GET', `/api/v1/inspections/stats?unitId=${province}`, cchc)).statusCode, 403);
    const plans = await call('GET', '/api/v1/inspection-plans?year=2019', thanhtra);
    assert.deepEqual(plans.json().find((p: { id: string }) => p.id === plan.id).inspections, { integrated: 1, surprise: 1 });
  });
});
