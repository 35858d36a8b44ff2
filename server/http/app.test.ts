import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../test-support/server.ts';

describe('HTTP edge', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ BODY_LIMIT: '65536' });
  });
  after(() => s.close());

  test('GET /api/health names the database engine', async () => {
    const res = await s.app.inject({ url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  test('the OpenAPI document lists the module routes and the docs page is served', async () => {
    const doc = (await s.app.inject({ url: '/api/openapi.json' })).json();
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/api/v1/units', '/api/v1/accounts', '/api/v1/audit', '/api/v1/auth/login']) assert.ok(doc.paths[p], `missing ${p}`);
    const page = await s.app.inject({ url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
  });

  test('/metrics exposes Prometheus text with request durations', async () => {
    await s.app.inject({ url: '/api/health' });
    const res = await s.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /motcua_http_request_duration_seconds_bucket\{[^}]*route="\/api\/health"/);
  });

  test('malformed JSON gets a problem+json 400 in Vietnamese by default and nothing is written', async () => {
    const before = (await s.database.query('SELECT count(*)::int AS n FROM units')).rows[0].n;
    const cookie = await s.login('admin');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie, 'content-type': 'application/json' }, payload: '{"name": "Xã A", ' });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, 'MALFORMED_BODY');
    assert.match(body.title, /JSON sai cú pháp/);
    assert.ok(body.requestId);
    assert.equal((await s.database.query('SELECT count(*)::int AS n FROM units')).rows[0].n, before);
  });

  test('a body over the limit is refused with 413, in English when asked', async () => {
    const cookie = await s.login('admin');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' }, payload: JSON.stringify({ name: 'x'.repeat(70_000) }) });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'PAYLOAD_TOO_LARGE');
    assert.match(res.json().title, /too large/);
  });

  test('unknown fields are refused and named, in French when asked', async () => {
    const cookie = await s.login('admin');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie, 'accept-language': 'fr' }, payload: { name: 'Xã Thử', kind: 'commune', parentId: null, validFrom: '2025-07-01', colour: 'red' } });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.title, 'Données invalides');
    assert.ok(body.errors.some((e: { field: string }) => e.field === 'colour'));
  });

  test('our own validation messages and string lengths are worded in the caller’s language', async () => {
    const cookie = await s.login('admin');
    const payload = { username: 'ab', fullName: '', password: 'chiconchuthoi', grants: [] };
    const vi = (await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie }, payload })).json();
    const byField = (b: { errors: Array<{ field: string; message: string }> }, f: string) => b.errors.find((e) => e.field === f)?.message;
    assert.equal(byField(vi, 'password'), 'Mật khẩu phải có cả chữ và số');
    assert.equal(byField(vi, 'fullName'), 'Không được để trống');
    assert.equal(byField(vi, 'username'), 'Cần ít nhất 3 ký tự');
    const fr = (await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, 'accept-language': 'fr' }, payload })).json();
    assert.equal(byField(fr, 'password'), 'Doit contenir une lettre et un chiffre');
    const en = (await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, 'accept-language': 'en' }, payload })).json();
    assert.equal(byField(en, 'password'), 'must contain a letter and a digit');
  });

  test('an unknown API path is a problem+json 404, and the server keeps serving', async () => {
    const res = await s.app.inject({ url: '/api/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'NOT_FOUND');
    assert.equal((await s.app.inject({ url: '/api/health' })).statusCode, 200);
  });

  test('text input is stored in NFC whatever form it arrives in', async () => {
    const cookie = await s.login('admin');
    const parentId = await s.unitId('Xã Tiên Yên');
    const decomposed = 'Thôn Khe Lục mới'.normalize('NFD');
    assert.notEqual(decomposed, decomposed.normalize('NFC'));
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie }, payload: { name: decomposed, kind: 'village', parentId, validFrom: '2026-01-01' } });
    assert.equal(res.statusCode, 201, res.body);
    const { rows } = await s.database.query('SELECT name FROM units WHERE id = $1', [res.json().id]);
    assert.equal(rows[0].name, 'Thôn Khe Lục mới'.normalize('NFC'));
  });

  test('every /api/v1 route declares its access rule', async () => {
    const { buildApp } = await import('./app.ts');
    const { loadConfig } = await import('../config.ts');
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: s.database, queue: null, logger: false });
    await assert.rejects(async () => {
      app.get('/api/v1/undeclared', async () => 'x');
      await app.ready();
    }, /declares no valid access/);
  });
});
