import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { todayVn } from '../../platform/clock.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { getProcedureVersionById, getProcedureVersionInForce } from './index.ts';
import { DEMO_COMMUNE_PROCEDURE_COUNT } from './demo-catalogue.ts';
import { procedureBody, seedCatalogue } from './test-helpers.ts';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe('procedure catalogue API', () => {
  let s: TestServer;
  let cchc: string;
  let admin: string;
  let counter: string;
  let leader: string;
  let tienYen: string;
  let haiLang: string;
  const count = async (sql: string, values: unknown[] = []) => Number((await s.database.query(sql, values)).rows[0].n);
  const byCode = async (code: string) => (await s.database.query('SELECT id FROM procedures WHERE code = $1', [code])).rows[0].id as string;

  before(async () => {
    s = await startTestServer();
    const ids = await seedCatalogue(s);
    tienYen = ids.get('n_tien_yen')!;
    haiLang = ids.get('n_hai_lang')!;
    [cchc, admin, counter, leader] = await Promise.all([s.login('cchc'), s.login('admin'), s.login('motcua'), s.login('lanhdao')]);
  });
  after(() => s.close());

  describe('GET /api/v1/procedures (public catalogue)', () => {
    test('finds "Đăng ký khai sinh" from "dang ky khai sinh" without signing in, exact start first', async () => {
      const res = await s.app.inject({ url: '/api/v1/procedures?q=dang%20ky%20khai%20sinh' });
      assert.equal(res.statusCode, 200);
      const names = res.json().items.map((i: { name: string }) => i.name);
      assert.equal(names[0], 'Đăng ký khai sinh');
      assert.ok(names.every((n: string) => n.startsWith('Đăng ký khai sinh')));
      assert.equal(res.json().total, names.length);
    });

    test('finds a procedure by its national code and by upper-case accented words', async () => {
      const byCodeRes = await s.app.inject({ url: '/api/v1/procedures?q=1.001193' });
      assert.deepEqual(byCodeRes.json().items.map((i: { name: string }) => i.name), ['Đăng ký khai sinh']);
      const upper = await s.app.inject({ url: `/api/v1/procedures?q=${encodeURIComponent('GIẤY PHÉP XÂY DỰNG')}` });
      assert.ok(upper.json().items.some((i: { code: string }) => i.code === 'TY-XD-01'));
    });

    test('filters by field, level and implementing unit', async () => {
      const civil = (await s.app.inject({ url: '/api/v1/procedures?field=civil_status&limit=200' })).json();
      assert.ok(civil.total >= 10);
      assert.ok(civil.items.every((i: { field: string }) => i.field === 'civil_status'));
      const province = (await s.app.inject({ url: '/api/v1/procedures?level=province' })).json();
      assert.equal(province.total, 4);
      const commune = (await s.app.inject({ url: `/api/v1/procedures?unitId=${tienYen}&limit=200` })).json();
      assert.ok(commune.total >= 40, `${commune.total} commune procedures`);
      assert.equal(commune.total, DEMO_COMMUNE_PROCEDURE_COUNT - 1, 'one was merged away in the 2025 review');
      assert.equal((await s.app.inject({ url: `/api/v1/procedures?unitId=${haiLang}` })).json().total, 0);
    });

    test('pages with limit and offset', async () => {
      const p1 = (await s.app.inject({ url: '/api/v1/procedures?limit=5' })).json();
      const p2 = (await s.app.inject({ url: '/api/v1/procedures?limit=5&offset=5' })).json();
      assert.equal(p1.items.length, 5);
      assert.equal(p1.total, p2.total);
      assert.equal(new Set([...p1.items, ...p2.items].map((i: { id: string }) => i.id)).size, 10);
      const far = (await s.app.inject({ url: '/api/v1/procedures?limit=5&offset=5000' })).json();
      assert.deepEqual(far, { total: p1.total, items: [] });
    });

    test('shows the catalogue as of a date: district procedures before 1 July 2025, abolished after', async () => {
      const before2025 = (await s.app.inject({ url: '/api/v1/procedures?asOf=2025-06-30' })).json();
      assert.deepEqual(before2025.items.map((i: { authorityLevel: string }) => i.authorityLevel), ['district', 'district']);
      const after2025 = (await s.app.inject({ url: '/api/v1/procedures?asOf=2025-07-01&level=district&status=all' })).json();
      assert.deepEqual(after2025.items.map((i: { status: string }) => i.status), ['abolished', 'abolished']);
    });

    test('returns 400 naming the bad parameter', async () => {
      const res = await s.app.inject({ url: '/api/v1/procedures?field=nope&asOf=2025-02-30' });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field).sort(), ['asOf', 'field']);
    });

    test('publishes the closed lists with labels', async () => {
      const res = await s.app.inject({ url: '/api/v1/procedures/meta' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().fields.civil_status.vi, 'Hộ tịch');
    });
  });

  describe('GET /api/v1/procedures/:id and its versions', () => {
    test('shows documents, time, fees, forms, steps and unit names, publicly', async () => {
      const res = await s.app.inject({ url: `/api/v1/procedures/${await byCode('TY-HKD-01')}` });
      assert.equal(res.statusCode, 200);
      const p = res.json();
      assert.equal(p.name, 'Đăng ký thành lập hộ kinh doanh');
      assert.equal(p.ownerUnit.name, 'Xã Tiên Yên');
      assert.deepEqual(p.implementingUnits, [{ id: tienYen, name: 'Xã Tiên Yên' }]);
      assert.equal(p.documents[0].templateFile, 'Giay-de-nghi-dang-ky-HKD.docx');
      assert.equal(p.steps.reduce((a: number, x: { sharePercent: number }) => a + x.sharePercent, 0), 100);
      assert.equal(p.inForce, true);
      assert.equal(p.isDemo, true);
      // The 2025 review: a document dropped from 1 Nov 2025 and the fee halved from 1 Jan 2026.
      assert.equal(p.fees[0].amount, 50_000);
      assert.equal(p.documents.length, 3);
    });

    test('shows an earlier version for an earlier date', async () => {
      const id = await byCode('TY-HKD-01');
      const old = (await s.app.inject({ url: `/api/v1/procedures/${id}?asOf=2025-08-01` })).json();
      assert.equal(old.versionNo, 1);
      assert.equal(old.fees[0].amount, 100_000);
      assert.equal(old.documents.length, 4);
    });

    test('lists the history newest first with the fields each version changed', async () => {
      const res = await s.app.inject({ url: `/api/v1/procedures/${await byCode('TY-HKD-01')}/versions` });
      assert.equal(res.statusCode, 200);
      const list = res.json();
      assert.deepEqual(list.map((x: { versionNo: number }) => x.versionNo), [3, 2, 1]);
      assert.deepEqual(list[0].changedFields, ['fees']);
      assert.deepEqual(list[1].changedFields, ['documents']);
      assert.equal(list[0].source, 'proposal');
      assert.equal(list[0].inForce, true);
      const one = await s.app.inject({ url: `/api/v1/procedures/${await byCode('TY-HKD-01')}/versions/2` });
      assert.equal(one.json().versionNo, 2);
      assert.equal((await s.app.inject({ url: `/api/v1/procedures/${await byCode('TY-HKD-01')}/versions/99` })).statusCode, 404);
    });

    test('returns 404 for an unknown procedure and 400 for a malformed id', async () => {
      assert.equal((await s.app.inject({ url: `/api/v1/procedures/${NO_SUCH}` })).statusCode, 404);
      assert.equal((await s.app.inject({ url: `/api/v1/procedures/${NO_SUCH}/versions` })).statusCode, 404);
      const bad = await s.app.inject({ url: '/api/v1/procedures/not-a-uuid' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'id');
    });
  });

  describe('getProcedureVersionInForce (for dossiers)', () => {
    test('returns the version in force at a moment, by its Vietnamese date', async () => {
      const id = await byCode('TY-HT-01');
      const v1 = await getProcedureVersionInForce(s.database.db, id, new Date('2025-09-14T16:59:59Z')); // 23:59:59 on 14 Sept in Vietnam
      const v2 = await getProcedureVersionInForce(s.database.db, id, new Date('2025-09-14T17:00:00Z')); // 00:00 on 15 Sept in Vietnam
      assert.equal(v1.versionNo, 1);
      assert.equal(v2.versionNo, 2);
      assert.deepEqual(await getProcedureVersionById(s.database.db, v1.id), v1);
    });

    test('throws NOT_FOUND before the procedure applied or for an unknown id', async () => {
      const id = await byCode('TY-HT-01');
      await assert.rejects(getProcedureVersionInForce(s.database.db, id, new Date('2025-06-30T10:00:00Z')), { code: 'NOT_FOUND' });
      await assert.rejects(getProcedureVersionInForce(s.database.db, NO_SUCH, new Date()), { code: 'NOT_FOUND' });
    });
  });

  describe('POST /api/v1/procedures', () => {
    test('a reform officer creates a procedure in her commune; version 1 and the audit row are written', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc }, payload: procedureBody(tienYen, 'T-NEW-1') });
      assert.equal(res.statusCode, 201, res.body);
      const p = res.json();
      assert.equal(p.versionNo, 1);
      assert.equal(p.version, 1);
      assert.equal(p.source, 'create');
      assert.equal(await count('SELECT count(*) AS n FROM procedure_versions WHERE procedure_id = $1', [p.id]), 1);
      const audit = await s.auditFor(p.id);
      assert.equal(audit[0].action, 'procedure.create');
      assert.equal(audit[0].actor_id, await s.userId('cchc'));
      assert.equal(audit[0].unit_id, tienYen);
    });

    test('replays a retried creation with the same Idempotency-Key', async () => {
      const headers = { cookie: cchc, 'idempotency-key': 'create-T-NEW-2-abc' };
      const a = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers, payload: procedureBody(tienYen, 'T-NEW-2') });
      const b = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers, payload: procedureBody(tienYen, 'T-NEW-2') });
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(a.json().id, b.json().id);
      assert.equal(await count(`SELECT count(*) AS n FROM procedures WHERE code = 'T-NEW-2'`), 1);
    });

    test('returns 400 naming each bad field', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/procedures',
        headers: { cookie: cchc },
        payload: procedureBody(tienYen, 'bad code!', { name: ' ', processingTime: { value: 1.3, unit: 'working_day' }, steps: [{ kind: 'receive', role: 'counter_officer', unitKind: 'service_center', sharePercent: 50 }], fees: [{ name: 'Lệ phí', amount: 10.5 }], nationalCode: '1001193' }),
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field).sort(), ['code', 'fees.0.amount', 'name', 'nationalCode', 'processingTime.value', 'steps']);
    });

    test('returns 400 when an implementing unit does not exist', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc }, payload: procedureBody(tienYen, 'T-NEW-3', { implementingUnitIds: [NO_SUCH] }) });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].field, 'implementingUnitIds');
    });

    test('returns 401 without a session', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: procedureBody(tienYen, 'T-ANON') });
      assert.equal(res.statusCode, 401);
    });

    test('returns 403 to a counter officer and to a leader (they do not edit the catalogue)', async () => {
      for (const cookie of [counter, leader]) {
        const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie }, payload: procedureBody(tienYen, 'T-FORBIDDEN') });
        assert.equal(res.statusCode, 403);
      }
    });

    test("returns 403 when a commune's reform officer writes into another commune's catalogue; nothing is written", async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc }, payload: procedureBody(haiLang, 'T-HL-1') });
      assert.equal(res.statusCode, 403);
      assert.equal(await count(`SELECT count(*) AS n FROM procedures WHERE code = 'T-HL-1'`), 0);
      const ok = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: admin }, payload: procedureBody(haiLang, 'T-HL-1') });
      assert.equal(ok.statusCode, 201, 'an administrator may');
    });

    test('returns 409 when the code is taken in the catalogue, saying so in Vietnamese by default and in English on request', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc }, payload: procedureBody(tienYen, 'TY-HT-01') });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Mã thủ tục TY-HT-01 đã có trong danh mục của đơn vị');
      const en = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc, 'accept-language': 'en' }, payload: procedureBody(tienYen, 'TY-HT-01') });
      assert.equal(en.statusCode, 409);
      assert.equal(en.json().detail, 'code TY-HT-01 is taken in this catalogue');
    });
  });

  describe('PATCH /api/v1/procedures/:id', () => {
    const create = async (code: string, over: Record<string, unknown> = {}) => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { cookie: cchc }, payload: procedureBody(tienYen, code, { effectiveFrom: '2025-07-01', ...over }) });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; version: number };
    };

    test('a change becomes a new version from today; the old one stays; the audit row has before and after', async () => {
      const p = await create('T-EDIT-1');
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, processingTime: { value: 3, unit: 'working_day' }, changeNote: 'Giảm thời gian' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().versionNo, 2);
      assert.equal(res.json().effectiveFrom, todayVn());
      assert.equal(res.json().version, 2);
      assert.equal(res.json().changeNote, 'Giảm thời gian');
      const v1 = (await s.app.inject({ url: `/api/v1/procedures/${p.id}/versions/1` })).json();
      assert.deepEqual(v1.processingTime, { value: 5, unit: 'working_day' });
      const audit = await s.auditFor(p.id);
      assert.equal(audit[0].action, 'procedure.version');
      assert.deepEqual((audit[0].before as { processingTime: unknown }).processingTime, { value: 5, unit: 'working_day' });
      assert.deepEqual((audit[0].after as { processingTime: unknown }).processingTime, { value: 3, unit: 'working_day' });
      const history = (await s.app.inject({ url: `/api/v1/procedures/${p.id}/versions` })).json();
      assert.deepEqual(history[0].changedFields, ['processingTime']);
    });

    test('returns 409 on a stale version and writes nothing', async () => {
      const p = await create('T-EDIT-2');
      await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, name: 'Tên mới' } });
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, name: 'Tên khác' } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Thủ tục T-EDIT-2 vừa được người khác cập nhật (phiên bản 2, bạn đang xem phiên bản 1); vui lòng tải lại');
      assert.equal(await count('SELECT count(*) AS n FROM procedure_versions WHERE procedure_id = $1', [p.id]), 2);
    });

    test('a change that changes nothing records nothing', async () => {
      const p = await create('T-EDIT-3');
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, name: 'Xác nhận đơn đề nghị cấp thẻ thử nghiệm' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().version, 1);
      assert.equal(await count('SELECT count(*) AS n FROM procedure_versions WHERE procedure_id = $1', [p.id]), 1);
    });

    test('a future change is scheduled and an earlier change is carried into it (rebase)', async () => {
      const p = await create('T-EDIT-4');
      const future = `${Number(todayVn().slice(0, 4)) + 1}-03-01`;
      const f = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, effectiveFrom: future, fees: [{ name: 'Lệ phí', amount: 0 }] } });
      assert.equal(f.statusCode, 200, f.body);
      const now = (await s.app.inject({ url: `/api/v1/procedures/${p.id}` })).json();
      assert.equal(now.versionNo, 1, 'today the first version is still in force');
      assert.deepEqual(now.scheduled, [{ versionNo: 2, effectiveFrom: future, source: 'edit' }]);
      // Today's correction of the name, while the fee cut waits for its date.
      const fix = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 2, name: 'Tên đã sửa' } });
      assert.equal(fix.statusCode, 200, fix.body);
      assert.equal(fix.json().versionNo, 3);
      assert.equal(fix.json().version, 4, 'version 4 re-applies the scheduled fee cut on top of the correction');
      const later = (await s.app.inject({ url: `/api/v1/procedures/${p.id}?asOf=${future}` })).json();
      assert.equal(later.versionNo, 4);
      assert.equal(later.source, 'rebase');
      assert.equal(later.name, 'Tên đã sửa');
      assert.equal(later.fees[0].amount, 0);
    });

    test('returns 422 for a change dated before the first version', async () => {
      const p = await create('T-EDIT-5');
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, effectiveFrom: '2020-01-01', name: 'X' } });
      assert.equal(res.statusCode, 422);
    });

    test('returns 400 naming the bad field', async () => {
      const p = await create('T-EDIT-6');
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${p.id}`, headers: { cookie: cchc }, payload: { version: 1, onlineLevel: 'sometimes' } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].field, 'onlineLevel');
    });

    test("returns 403 on the province's procedure for a commune officer, 403 for a counter officer, 401 anonymous, 404 unknown", async () => {
      const provincial = await byCode('QN-LLTP-01');
      assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${provincial}`, headers: { cookie: cchc }, payload: { version: 1, name: 'X' } })).statusCode, 403);
      assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${provincial}`, headers: { cookie: counter }, payload: { version: 1, name: 'X' } })).statusCode, 403);
      assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${provincial}`, payload: { version: 1, name: 'X' } })).statusCode, 401);
      assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${NO_SUCH}`, headers: { cookie: cchc }, payload: { version: 1, name: 'X' } })).statusCode, 404);
      const ok = await s.app.inject({ method: 'PATCH', url: `/api/v1/procedures/${provincial}`, headers: { cookie: admin }, payload: { version: 1, resultDigitised: false } });
      assert.equal(ok.statusCode, 200, 'the administrator edits any catalogue');
    });
  });
});
