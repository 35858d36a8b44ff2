import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, fieldsOf, type Call } from '../test-helpers.ts';

describe('steering documents and reform plan tasks', () => {
  let s: TestServer;
  let call: Call;
  let admin: string, cchc: string, lanhdao: string, motcua: string;
  let province: string, tienYen: string, haiLang: string, tyOffice: string;
  let doc: { id: string; version: number };

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [admin, cchc, lanhdao, motcua] = await Promise.all(['admin', 'cchc', 'lanhdao', 'motcua'].map((u) => s.login(u)));
    [province, tienYen, haiLang] = await Promise.all(['Tỉnh Quảng Ninh', 'Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
    tyOffice = (await s.database.query(`SELECT id FROM units WHERE name = 'Văn phòng HĐND và UBND' AND parent_id = $1`, [tienYen])).rows[0].id as string;
  });
  after(() => s.close());

  describe('documents', () => {
    test('the reform officer registers a plan of the commune; audited', async () => {
      const res = await call('POST', '/api/v1/reform-documents', cchc, { unitId: tienYen, kind: 'plan', number: '12/KH-UBND', issuedOn: '2026-01-10', issuer: 'UBND xã Tiên Yên', summary: 'Kế hoạch cải cách hành chính năm 2026', fileUrl: 'https://tienyen.quangninh.gov.vn/vb/12-kh-ubnd.pdf' });
      assert.equal(res.statusCode, 201, res.body);
      doc = res.json();
      assert.equal(res.json().unitName, 'Xã Tiên Yên');
      const audit = await s.auditFor(doc.id);
      assert.equal(audit[0].action, 'reform.document.create');
      assert.equal(audit[0].unit_id, tienYen);
    });

    test('the same number on the same date is a duplicate (409)', async () => {
      const res = await call('POST', '/api/v1/reform-documents', cchc, { unitId: tienYen, kind: 'plan', number: '12/KH-UBND', issuedOn: '2026-01-10', issuer: 'UBND xã Tiên Yên', summary: 'Trùng' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Văn bản số 12/KH-UBND ngày 10/01/2026 đã được đăng ký');
    });

    test('400 naming each bad field; 401; 403 on another commune and to a leader (read only)', async () => {
      const bad = await call('POST', '/api/v1/reform-documents', cchc, { unitId: tienYen, kind: 'memo', number: '', issuedOn: '2026-02-30', issuer: 'x', summary: 'x', fileUrl: 'ftp://x' });
      assert.deepEqual(fieldsOf(bad), ['fileUrl', 'issuedOn', 'kind', 'number']);
      const body = { unitId: haiLang, kind: 'plan', number: '1/KH', issuedOn: '2026-01-01', issuer: 'UBND xã Hải Lạng', summary: 'x' };
      assert.equal((await call('POST', '/api/v1/reform-documents', undefined, body)).statusCode, 401);
      assert.equal((await call('POST', '/api/v1/reform-documents', cchc, body)).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/reform-documents', lanhdao, { ...body, unitId: tienYen })).statusCode, 403);
      assert.deepEqual(fieldsOf(await call('POST', '/api/v1/reform-documents', cchc, { ...body, unitId: '00000000-0000-4000-8000-000000000000' })), ['unitId']);
    });

    test('lists what the caller may read, with accent-insensitive search; another commune’s document is 403; unknown 404', async () => {
      const other = await call('POST', '/api/v1/reform-documents', admin, { unitId: haiLang, kind: 'directive', number: '02/CT-UBND', issuedOn: '2026-02-01', issuer: 'UBND xã Hải Lạng', summary: 'Chỉ thị về kỷ luật hành chính' });
      assert.equal(other.statusCode, 201);
      const list = await call('GET', '/api/v1/reform-documents?q=ke%20hoach%20cai%20cach&year=2026', lanhdao);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().items.map((d: { number: string }) => d.number), ['12/KH-UBND', '05/KH-UBND'], 'its own plan, and the province’s plan that assigns it tasks; not Hải Lạng’s');
      const all = (await call('GET', '/api/v1/reform-documents?year=2026&pageSize=500', admin)).json().items.map((d: { id: string }) => d.id);
      assert.ok(all.includes(doc.id) && all.includes(other.json().id));
      assert.equal((await call('GET', `/api/v1/reform-documents/${other.json().id}`, cchc)).statusCode, 403);
      assert.equal((await call('GET', '/api/v1/reform-documents/00000000-0000-4000-8000-000000000000', cchc)).statusCode, 404);
      assert.equal((await call('GET', '/api/v1/reform-documents', motcua)).statusCode, 403);
    });

    test('PATCH with the version read; a stale version is 409', async () => {
      const ok = await call('PATCH', `/api/v1/reform-documents/${doc.id}`, cchc, { version: 1, signer: 'Chủ tịch UBND xã' });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().version, 2);
      assert.equal((await call('PATCH', `/api/v1/reform-documents/${doc.id}`, cchc, { version: 1, summary: 'Ghi đè' })).statusCode, 409);
      assert.equal((await s.auditFor(doc.id))[0].action, 'reform.document.update');
    });
  });

  describe('tasks', () => {
    let late: { id: string; version: number };

    test('a task under the document goes to a unit of the commune; overdue when its deadline has passed', async () => {
      const res = await call('POST', '/api/v1/reform-tasks', cchc, { documentId: doc.id, assigneeUnitId: tyOffice, title: 'Rà soát, công khai thủ tục hành chính', deadline: '2020-06-30' });
      assert.equal(res.statusCode, 201, res.body);
      late = res.json();
      assert.equal(res.json().unitId, tienYen, 'the task belongs to the document’s unit');
      assert.equal(res.json().documentNumber, '12/KH-UBND');
      assert.equal(res.json().overdue, true);
      assert.ok(res.json().daysOverdue > 365);
      assert.equal((await s.auditFor(late.id))[0].action, 'reform.task.create');
      const list = await call('GET', `/api/v1/reform-tasks?overdue=true&documentId=${doc.id}`, cchc);
      assert.deepEqual(list.json().items.map((t: { id: string }) => t.id), [late.id]);
      assert.equal((await call('GET', `/api/v1/reform-documents/${doc.id}`, cchc)).json().taskCount, 1);
    });

    test('refuses an assignee outside the commune (400), a missing owner (400), another commune’s owner (403)', async () => {
      assert.deepEqual(fieldsOf(await call('POST', '/api/v1/reform-tasks', cchc, { documentId: doc.id, assigneeUnitId: haiLang, title: 'x', deadline: '2026-12-31' })), ['assigneeUnitId']);
      assert.deepEqual(fieldsOf(await call('POST', '/api/v1/reform-tasks', cchc, { assigneeUnitId: tyOffice, title: 'x', deadline: '2026-12-31' })), ['unitId']);
      assert.equal((await call('POST', '/api/v1/reform-tasks', cchc, { unitId: haiLang, assigneeUnitId: haiLang, title: 'x', deadline: '2026-12-31' })).statusCode, 403);
      assert.deepEqual(fieldsOf(await call('POST', '/api/v1/reform-tasks', cchc, { unitId: tienYen, assigneeUnitId: tyOffice, title: '', deadline: '31/12/2026' })), ['deadline', 'title']);
    });

    test('progress reports: versioned (409), done completes it late; then closed (422); audited', async () => {
      const r1 = await call('POST', `/api/v1/reform-tasks/${late.id}/reports`, cchc, { version: 1, progress: 50, note: 'Đã rà soát 50% thủ tục' });
      assert.equal(r1.statusCode, 201, r1.body);
      assert.deepEqual([r1.json().status, r1.json().progress, r1.json().reports.length], ['in_progress', 50, 1]);
      assert.equal(r1.json().reports[0].reportedBy, 'Phạm Thị Lan');
      assert.equal((await call('POST', `/api/v1/reform-tasks/${late.id}/reports`, cchc, { version: 1, progress: 60, note: 'x' })).statusCode, 409);
      const done = await call('POST', `/api/v1/reform-tasks/${late.id}/reports`, cchc, { version: 2, progress: 100, done: true, reportedOn: '2020-07-15', note: 'Hoàn thành' });
      assert.equal(done.statusCode, 201);
      assert.deepEqual([done.json().status, done.json().overdue, done.json().completedLate, done.json().completedOn], ['done', false, true, '2020-07-15']);
      assert.equal((await s.auditFor(late.id))[0].action, 'reform.task.report');
      assert.equal((await call('POST', `/api/v1/reform-tasks/${late.id}/reports`, cchc, { version: 3, progress: 100, note: 'x' })).statusCode, 422);
      assert.equal((await call('GET', `/api/v1/reform-tasks?overdue=true&documentId=${doc.id}`, cchc)).json().total, 0);
    });

    test('a task from the province: the commune sees it and reports, but may not change it (403); unknown 404', async () => {
      const t = await call('POST', '/api/v1/reform-tasks', admin, { unitId: province, assigneeUnitId: tienYen, title: 'Số hoá 100% hồ sơ', deadline: '2026-12-31' });
      assert.equal(t.statusCode, 201, t.body);
      const mine = await call('GET', `/api/v1/reform-tasks?assigneeUnitId=${tienYen}&pageSize=500`, cchc);
      assert.ok(mine.json().items.some((x: { id: string }) => x.id === t.json().id));
      assert.equal((await call('POST', `/api/v1/reform-tasks/${t.json().id}/reports`, cchc, { version: 1, progress: 30, note: 'Đang số hoá' })).statusCode, 201);
      assert.equal((await call('PATCH', `/api/v1/reform-tasks/${t.json().id}`, cchc, { version: 2, deadline: '2027-06-30' })).statusCode, 403);
      const resched = await call('PATCH', `/api/v1/reform-tasks/${t.json().id}`, admin, { version: 2, deadline: '2027-06-30' });
      assert.equal(resched.statusCode, 200);
      assert.equal((await call('PATCH', `/api/v1/reform-tasks/${t.json().id}`, admin, { version: 2, status: 'cancelled' })).statusCode, 409);
      assert.equal((await call('GET', '/api/v1/reform-tasks/00000000-0000-4000-8000-000000000000', cchc)).statusCode, 404);
      const hl = await call('POST', '/api/v1/reform-tasks', admin, { unitId: province, assigneeUnitId: haiLang, title: 'Việc của Hải Lạng', deadline: '2026-12-31' });
      assert.equal((await call('GET', `/api/v1/reform-tasks/${hl.json().id}`, cchc)).statusCode, 403);
    });
  });
});
