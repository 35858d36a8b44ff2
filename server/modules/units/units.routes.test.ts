import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('units API', () => {
  let s: TestServer;
  let admin: string;
  let communeAdmin: string;
  let counter: string;
  let tienYen: string;
  let haiLang: string;
  before(async () => {
    s = await startTestServer();
    [admin, communeAdmin, counter] = await Promise.all([s.login('admin'), s.login('quantri.tienyen'), s.login('motcua')]);
    tienYen = await s.unitId('Xã Tiên Yên');
    haiLang = await s.unitId('Xã Hải Lạng');
  });
  after(() => s.close());

  describe('GET /api/v1/units', () => {
    test('shows the district and its communes as of 30 June 2025', async () => {
      const res = await s.app.inject({ url: '/api/v1/units?asOf=2025-06-30', headers: { cookie: counter } });
      assert.equal(res.statusCode, 200);
      const names = res.json().map((u: { name: string }) => u.name);
      assert.ok(names.includes('Huyện Tiên Yên'));
      assert.ok(names.includes('Xã Hà Lâu'));
      assert.ok(!names.includes('Xã Điền Xá') || res.json().find((u: { name: string; validTo: string }) => u.name === 'Xã Điền Xá').validTo === '2025-06-30');
    });

    test('shows the new communes directly under the province from 1 July 2025, and no district', async () => {
      const res = await s.app.inject({ url: '/api/v1/units?asOf=2025-07-01', headers: { cookie: counter } });
      const units = res.json() as Array<{ name: string; kind: string; parentId: string | null }>;
      assert.ok(!units.some((u) => u.kind === 'district'));
      const province = units.find((u) => u.kind === 'province')!;
      const communes = units.filter((u) => u.kind === 'commune').map((u) => [u.name, u.parentId]);
      assert.deepEqual(communes.map((c) => c[1]), Array(communes.length).fill(province ? (await s.unitId('Tỉnh Quảng Ninh')) : null));
      assert.deepEqual(communes.map((c) => c[0]).sort(), ['Xã Điền Xá', 'Xã Đông Ngũ', 'Xã Hải Lạng', 'Xã Tiên Yên'].sort());
    });

    test('search is accent-insensitive and results are in Vietnamese order', async () => {
      const res = await s.app.inject({ url: '/api/v1/units?all=true&q=dong%20ngu', headers: { cookie: counter } });
      const names = res.json().map((u: { name: string }) => u.name);
      assert.ok(names.includes('Xã Đông Ngũ'));
      const all = (await s.app.inject({ url: '/api/v1/units?asOf=2025-06-30&kind=commune', headers: { cookie: counter } })).json().map((u: { name: string }) => u.name);
      // Đ sorts after D, and 'Đông' before 'Đồng' (tones are secondary).
      assert.deepEqual(all, ['Xã Đại Dực', 'Xã Điền Xá', 'Xã Đông Hải', 'Xã Đông Ngũ', 'Xã Đồng Rui', 'Xã Hà Lâu', 'Xã Hải Lạng', 'Xã Phong Dụ', 'Xã Tiên Lãng', 'Xã Yên Than']);
    });

    test('refuses a malformed date with the field named', async () => {
      const res = await s.app.inject({ url: '/api/v1/units?asOf=2025-02-30', headers: { cookie: counter } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].field, 'asOf');
    });

    test('returns 401 without a session', async () => {
      const res = await s.app.inject({ url: '/api/v1/units' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'UNAUTHENTICATED');
    });

    test('returns 403 to a citizen', async () => {
      const res = await s.app.inject({ url: '/api/v1/units', headers: { cookie: await s.login('congdan') } });
      assert.equal(res.statusCode, 403);
    });
  });

  test('GET /api/v1/unit-kinds lists the kinds with Vietnamese labels; 401 without a session', async () => {
    const res = await s.app.inject({ url: '/api/v1/unit-kinds', headers: { cookie: counter } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().find((k: { kind: string }) => k.kind === 'special_zone').vi, 'Đặc khu');
    assert.equal((await s.app.inject({ url: '/api/v1/unit-kinds' })).statusCode, 401);
  });

  describe('GET /api/v1/units/:id', () => {
    test('gives the lineage: the new commune lists the communes it absorbed', async () => {
      const res = await s.app.inject({ url: `/api/v1/units/${tienYen}`, headers: { cookie: counter } });
      assert.equal(res.statusCode, 200);
      const preds = res.json().predecessors.map((p: { name: string }) => p.name).sort();
      assert.deepEqual(preds, ['Huyện Tiên Yên', 'Thị trấn Tiên Yên', 'Xã Phong Dụ', 'Xã Yên Than'].sort());
      assert.ok(res.json().children.some((c: { name: string }) => c.name === 'Trung tâm Phục vụ hành chính công xã Tiên Yên'));
    });

    test('returns 404 for an unknown id', async () => {
      const res = await s.app.inject({ url: '/api/v1/units/00000000-0000-4000-8000-000000000000', headers: { cookie: counter } });
      assert.equal(res.statusCode, 404);
    });
  });

  describe('POST /api/v1/units', () => {
    test('a commune administrator creates a village in their commune; the audit row is written', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: communeAdmin }, payload: { name: 'Thôn Mới', kind: 'village', parentId: tienYen, validFrom: '2026-01-01' } });
      assert.equal(res.statusCode, 201, res.body);
      const audit = await s.auditFor(res.json().id);
      assert.equal(audit[0].action, 'unit.create');
      assert.equal(audit[0].actor_id, await s.userId('quantri.tienyen'));
    });

    test('returns 403 when the parent is another commune', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: communeAdmin }, payload: { name: 'Thôn Lạ', kind: 'village', parentId: haiLang, validFrom: '2026-01-01' } });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().detail, 'Tài khoản của bạn chưa được giao quyền cập nhật danh mục đơn vị tại đơn vị này');
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM units WHERE name = 'Thôn Lạ'`);
      assert.equal(rows[0].n, 0);
    });

    test('returns 403 to a counter officer (no units.write)', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: counter }, payload: { name: 'Thôn X', kind: 'village', parentId: tienYen, validFrom: '2026-01-01' } });
      assert.equal(res.statusCode, 403);
    });

    test('returns 400 naming each bad field', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: '  ', kind: 'village', parentId: 'nope', validFrom: '2026-13-01' } });
      assert.equal(res.statusCode, 400);
      const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
      assert.deepEqual(fields, ['name', 'parentId', 'validFrom']);
    });

    test('refuses a village valid before its commune existed (rule violation, 422), naming the commune', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: 'Thôn Cũ', kind: 'village', parentId: tienYen, validFrom: '2020-01-01' } });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'RULE_VIOLATED');
      assert.equal(res.json().detail, 'Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên (Xã Tiên Yên)');
    });

    test('refuses a kind that cannot sit under the parent, naming both kinds in Vietnamese by default, in English or French on request', async () => {
      const payload = { name: 'Tỉnh trong xã', kind: 'province', parentId: tienYen, validFrom: '2026-01-01' };
      const vi = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload });
      assert.equal(vi.statusCode, 422);
      assert.equal(vi.json().title, 'Thao tác trái quy định');
      assert.equal(vi.json().detail, 'Đơn vị loại “Tỉnh, thành phố trực thuộc TW” không thể trực thuộc đơn vị loại “Xã”');
      const en = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, 'accept-language': 'en' }, payload });
      assert.equal(en.json().detail, 'a unit of kind “Province” cannot sit under a unit of kind “Commune”');
      const fr = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, 'accept-language': 'fr' }, payload });
      assert.equal(fr.json().detail, 'une unité de type « Province » ne peut relever d’une unité de type « Commune »');
      const root = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: 'Thôn mồ côi', kind: 'village', parentId: null, validFrom: '2026-01-01' } });
      assert.equal(root.statusCode, 422);
      assert.equal(root.json().detail, 'Đơn vị loại “Thôn, bản” phải trực thuộc một đơn vị cấp trên');
    });

    test('the same Idempotency-Key creates once and replays the first response', async () => {
      const payload = { name: 'Thôn Một Lần', kind: 'village', parentId: tienYen, validFrom: '2026-01-01' };
      const headers = { cookie: admin, 'idempotency-key': 'create-thon-mot-lan-1' };
      const a = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
      const b = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(a.json().id, b.json().id);
      const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM units WHERE name = 'Thôn Một Lần'`);
      assert.equal(rows[0].n, 1);
      const c = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: { ...payload, name: 'Thôn Khác' } });
      assert.equal(c.statusCode, 422);
      assert.equal(c.json().code, 'IDEMPOTENCY_MISMATCH');
    });
  });

  describe('PATCH /api/v1/units/:id', () => {
    test('corrects a name with the current version, audits before/after, and refuses a stale version with 409', async () => {
      const created = (await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: 'Thôn Sai Tên', kind: 'village', parentId: tienYen, validFrom: '2026-01-01' } })).json();
      const ok = await s.app.inject({ method: 'PATCH', url: `/api/v1/units/${created.id}`, headers: { cookie: communeAdmin }, payload: { version: 1, name: 'Thôn Đúng Tên' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, 2);
      const audit = await s.auditFor(created.id);
      assert.equal(audit[0].action, 'unit.update');
      assert.equal((audit[0].before as { name: string }).name, 'Thôn Sai Tên');
      assert.equal((audit[0].after as { name: string }).name, 'Thôn Đúng Tên');
      const stale = await s.app.inject({ method: 'PATCH', url: `/api/v1/units/${created.id}`, headers: { cookie: communeAdmin }, payload: { version: 1, name: 'Thôn Ghi Đè' } });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().detail, 'Đơn vị Thôn Đúng Tên vừa được người khác cập nhật (phiên bản 2, bạn đang xem 1); hãy tải lại');
    });

    test('returns 403 on another commune and 404 on an unknown unit', async () => {
      const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/units/${haiLang}`, headers: { cookie: communeAdmin }, payload: { version: 1, name: 'Đổi tên trái phép' } });
      assert.equal(res.statusCode, 403);
      const missing = await s.app.inject({ method: 'PATCH', url: '/api/v1/units/00000000-0000-4000-8000-000000000000', headers: { cookie: admin }, payload: { version: 1, name: 'X' } });
      assert.equal(missing.statusCode, 404);
    });
  });

  describe('POST /api/v1/units/:id/predecessors', () => {
    test('records a lineage link once, then 409', async () => {
      const a = (await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: 'Thôn A', kind: 'village', parentId: tienYen, validFrom: '2026-01-01', validTo: '2026-06-30' } })).json();
      const b = (await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: 'Thôn AB', kind: 'village', parentId: tienYen, validFrom: '2026-07-01' } })).json();
      const body = { predecessorId: a.id, kind: 'merge', effectiveDate: '2026-07-01', decisionRef: 'NQ 01/2026' };
      const res = await s.app.inject({ method: 'POST', url: `/api/v1/units/${b.id}/predecessors`, headers: { cookie: admin }, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      const again = await s.app.inject({ method: 'POST', url: `/api/v1/units/${b.id}/predecessors`, headers: { cookie: admin }, payload: body });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().detail, 'Quan hệ kế thừa này đã được ghi nhận: Thôn AB kế thừa Thôn A');
      assert.equal((await s.auditFor(b.id))[0].action, 'unit.lineage.add');
    });

    test('returns 403 to a commune administrator linking a unit of another commune', async () => {
      const res = await s.app.inject({ method: 'POST', url: `/api/v1/units/${tienYen}/predecessors`, headers: { cookie: communeAdmin }, payload: { predecessorId: haiLang, kind: 'merge', effectiveDate: '2026-07-01' } });
      assert.equal(res.statusCode, 403);
    });
  });
});
