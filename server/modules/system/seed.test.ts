import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('first start without demo data (SEED=none)', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ SEED: 'none', ADMIN_PASSWORD: 'quan-tri-2026' });
  });
  after(() => s.close());

  test('only the administrator exists; no demo unit; the admin can sign in and create the province', async () => {
    const { rows } = await s.database.query('SELECT username FROM users');
    assert.deepEqual(rows.map((r) => r.username), ['admin']);
    assert.equal((await s.database.query('SELECT count(*)::int AS n FROM units')).rows[0].n, 0);
    const cookie = await s.login('admin', 'quan-tri-2026');
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie }, payload: { name: 'Tỉnh Lạng Sơn', kind: 'province', parentId: null, adminCode: '20', validFrom: '2025-07-01' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().isDemo, false);
  });

  test('seeding again does nothing', async () => {
    const { seed } = await import('./seed.ts');
    assert.deepEqual(await seed(s.database, 'demo'), { seeded: false });
    assert.equal((await s.database.query('SELECT count(*)::int AS n FROM users')).rows[0].n, 1);
  });
});
