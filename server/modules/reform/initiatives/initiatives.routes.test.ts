import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, fieldsOf, type Call } from '../test-helpers.ts';

describe('initiatives: registration, evaluation, recognition, application', () => {
  let s: TestServer;
  let call: Call;
  let admin: string, cchc: string, lanhdao: string;
  let tienYen: string, haiLang: string;
  let it: { id: string; version: number };

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [admin, cchc, lanhdao] = await Promise.all(['admin', 'cchc', 'lanhdao'].map((u) => s.login(u)));
    [tienYen, haiLang] = await Promise.all(['Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
  });
  after(() => s.close());

  test('registers a working solution (audited); 400 fields; 401; 403 for another commune and for a leader', async () => {
    const body = { unitId: tienYen, kind: 'solution', title: 'Tra cứu thủ tục bằng mã QR tại thôn', authors: 'Phạm Thị Lan', description: 'Dán mã QR dẫn tới thủ tục tại nhà văn hoá thôn', registeredOn: '2026-04-10' };
    const res = await call('POST', '/api/v1/initiatives', cchc, body);
    assert.equal(res.statusCode, 201, res.body);
    it = res.json();
    assert.deepEqual([res.json().status, res.json().applied], ['registered', false]);
    assert.equal((await s.auditFor(it.id))[0].action, 'reform.initiative.register');
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/initiatives', cchc, { ...body, kind: 'idea', registeredOn: 'hôm nay' })), ['kind', 'registeredOn']);
    assert.equal((await call('POST', '/api/v1/initiatives', undefined, body)).statusCode, 401);
    assert.equal((await call('POST', '/api/v1/initiatives', cchc, { ...body, unitId: haiLang })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/initiatives', lanhdao, body)).statusCode, 403);
  });

  test('evaluation: recognition needs its decision (400); versioned (409); done once (422)', async () => {
    const url = `/api/v1/initiatives/${it.id}/evaluation`;
    assert.deepEqual(fieldsOf(await call('POST', url, cchc, { version: 1, result: 'recognised', evaluatedOn: '2026-06-01' })), ['decisionRef']);
    assert.equal((await call('POST', url, cchc, { version: 3, result: 'recognised', evaluatedOn: '2026-06-01', decisionRef: '45/QĐ-UBND' })).statusCode, 409);
    assert.equal((await call('POST', url, cchc, { version: 1, result: 'recognised', evaluatedOn: '2026-01-01', decisionRef: '45/QĐ-UBND' })).statusCode, 422, 'before its registration');
    const ok = await call('POST', url, cchc, { version: 1, result: 'recognised', evaluatedOn: '2026-06-01', score: 88.5, decisionRef: '45/QĐ-UBND', level: 'unit' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().status, ok.json().evaluationScore, ok.json().recognitionRef], ['recognised', 88.5, '45/QĐ-UBND']);
    assert.equal((await s.auditFor(it.id))[0].action, 'reform.initiative.evaluate');
    assert.equal((await call('POST', url, cchc, { version: 2, result: 'not_recognised', evaluatedOn: '2026-06-02' })).statusCode, 422);
  });

  test('applied in practice from a date (400 without it); listed by applied=true', async () => {
    assert.deepEqual(fieldsOf(await call('PATCH', `/api/v1/initiatives/${it.id}`, cchc, { version: 2, applied: true })), ['appliedFrom']);
    const ok = await call('PATCH', `/api/v1/initiatives/${it.id}`, cchc, { version: 2, applied: true, appliedFrom: '2026-07-01', applicationNote: 'Áp dụng tại 12 thôn' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await s.auditFor(it.id))[0].action, 'reform.initiative.apply');
    const list = await call('GET', `/api/v1/initiatives?applied=true&unitId=${tienYen}`, lanhdao);
    assert.deepEqual(list.json().items.map((x: { title: string }) => x.title), ['Tra cứu thủ tục bằng mã QR tại thôn'], 'the demo’s registration of 2026 is not applied yet');
  });

  test('another commune’s initiative is 403; unknown 404', async () => {
    const other = await call('POST', '/api/v1/initiatives', admin, { unitId: haiLang, kind: 'model', title: 'Cà phê doanh nhân', authors: 'Đặng Thu Hà', description: 'x', registeredOn: '2026-03-01' });
    assert.equal((await call('GET', `/api/v1/initiatives/${other.json().id}`, cchc)).statusCode, 403);
    assert.equal((await call('PATCH', `/api/v1/initiatives/${other.json().id}`, cchc, { version: 1, title: 'x' })).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/initiatives/00000000-0000-4000-8000-000000000000', cchc)).statusCode, 404);
    const visible = (await call('GET', '/api/v1/initiatives?pageSize=500', cchc)).json().items.map((x: { id: string; unitName: string }) => x.unitName);
    assert.ok(visible.length >= 1 && visible.every((n: string) => n === 'Xã Tiên Yên'), 'only the commune’s own');
  });
});
