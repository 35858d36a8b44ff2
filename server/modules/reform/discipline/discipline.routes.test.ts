import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, count, fieldsOf, type Call } from '../test-helpers.ts';

describe('discipline records (confidential)', () => {
  let s: TestServer;
  let call: Call;
  let admin: string, communeAdmin: string, cchc: string, lanhdao: string, thanhtra: string;
  let tienYen: string, haiLang: string;
  let tyRecord: { id: string; version: number };
  let hlRecord: { id: string };
  const disciplineAudits = () => count(s, `SELECT count(*) AS n FROM audit_log WHERE action LIKE 'discipline.%'`);
  const body = () => ({ unitId: tienYen, fullName: 'Nguyễn Văn Bí Mật', position: 'Công chức địa chính', level: 'commune', sanction: 'reprimand', decidedOn: '2026-03-15', decisionRef: '15/QĐ-UBND', reason: 'Chậm giải quyết hồ sơ đất đai' });

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [admin, communeAdmin, cchc, lanhdao, thanhtra] = await Promise.all(['admin', 'quantri.tienyen', 'cchc', 'lanhdao', 'thanhtra'].map((u) => s.login(u)));
    [tienYen, haiLang] = await Promise.all(['Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
  });
  after(() => s.close());

  test('an authorised administrator records a sanction; the audit row carries no name and no reason', async () => {
    const res = await call('POST', '/api/v1/discipline-records', admin, body());
    assert.equal(res.statusCode, 201, res.body);
    tyRecord = res.json();
    const [audit] = await s.auditFor(tyRecord.id);
    assert.equal(audit.action, 'discipline.create');
    assert.doesNotMatch(JSON.stringify(audit.after), /Bí Mật|đất đai/);
    assert.equal((audit.after as { sanction: string }).sanction, 'reprimand');
    hlRecord = (await call('POST', '/api/v1/discipline-records', admin, { ...body(), unitId: haiLang, fullName: 'Trần Văn Khác', level: 'commune' })).json();
  });

  test('400 naming each bad field; 401 without a session', async () => {
    const bad = await call('POST', '/api/v1/discipline-records', admin, { ...body(), sanction: 'fine', decidedOn: '15/03/2026', decisionRef: '' });
    assert.deepEqual(fieldsOf(bad), ['decidedOn', 'decisionRef', 'sanction']);
    assert.equal((await call('POST', '/api/v1/discipline-records', undefined, body())).statusCode, 401);
  });

  test('unauthorised roles get 403 on list, record and write — reform officer, leader, inspector — and no record is read', async () => {
    const audits = await disciplineAudits();
    for (const cookie of [cchc, lanhdao, thanhtra]) {
      assert.equal((await call('GET', '/api/v1/discipline-records', cookie)).statusCode, 403);
      const one = await call('GET', `/api/v1/discipline-records/${tyRecord.id}`, cookie);
      assert.equal(one.statusCode, 403);
      assert.doesNotMatch(one.body, /Bí Mật/);
      assert.equal((await call('POST', '/api/v1/discipline-records', cookie, body())).statusCode, 403);
    }
    assert.equal(await disciplineAudits(), audits, 'a refused read is not a read');
  });

  test('an authorised read of one record writes an audit row (who, which record, which unit)', async () => {
    const res = await call('GET', `/api/v1/discipline-records/${tyRecord.id}`, admin);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().fullName, 'Nguyễn Văn Bí Mật');
    const [audit] = await s.auditFor(tyRecord.id);
    assert.equal(audit.action, 'discipline.read');
    assert.equal(audit.actor_id, await s.userId('admin'));
    assert.equal(audit.unit_id, tienYen);
  });

  test('an authorised list is audited with the ids it returned', async () => {
    const before = await disciplineAudits();
    const res = await call('GET', '/api/v1/discipline-records?year=2026', admin);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().total, 2);
    assert.equal(await disciplineAudits(), before + 1);
    const { rows } = await s.database.query(`SELECT actor_id, after FROM audit_log WHERE action = 'discipline.list' ORDER BY seq DESC LIMIT 1`);
    assert.equal(rows[0].actor_id, await s.userId('admin'));
    assert.deepEqual([...(rows[0].after as { ids: string[] }).ids].sort(), [tyRecord.id, hlRecord.id].sort());
  });

  test('a commune administrator sees only the commune’s records; another commune’s record is 403; unknown 404 (not audited)', async () => {
    const list = await call('GET', '/api/v1/discipline-records', communeAdmin);
    assert.deepEqual(list.json().items.map((r: { id: string }) => r.id), [tyRecord.id]);
    assert.equal((await call('GET', `/api/v1/discipline-records/${hlRecord.id}`, communeAdmin)).statusCode, 403);
    const audits = await disciplineAudits();
    assert.equal((await call('GET', '/api/v1/discipline-records/00000000-0000-4000-8000-000000000000', admin)).statusCode, 404);
    assert.equal(await disciplineAudits(), audits);
  });

  test('corrections are versioned (409 when stale) and audited without personal data', async () => {
    const ok = await call('PATCH', `/api/v1/discipline-records/${tyRecord.id}`, admin, { version: 1, sanction: 'warning', reason: 'Tái phạm' });
    assert.equal(ok.statusCode, 200, ok.body);
    const [audit] = await s.auditFor(tyRecord.id);
    assert.equal(audit.action, 'discipline.update');
    assert.doesNotMatch(JSON.stringify(audit), /Tái phạm|Bí Mật/);
    assert.equal((await call('PATCH', `/api/v1/discipline-records/${tyRecord.id}`, admin, { version: 1, sanction: 'demotion' })).statusCode, 409);
    assert.equal((await call('PATCH', `/api/v1/discipline-records/${hlRecord.id}`, communeAdmin, { version: 1, sanction: 'demotion' })).statusCode, 403);
  });
});
