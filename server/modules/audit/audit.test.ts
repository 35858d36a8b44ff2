import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { auditLink, auditRowDigest, canonicalJson, hashAuditRow, recordAudit, systemActor, verifyAuditChain } from './audit.service.ts';

describe('audit log', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
    const parentId = await s.unitId('Xã Tiên Yên');
    for (const name of ['Thôn Một', 'Thôn Hai', 'Thôn Ba']) {
      await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name, kind: 'village', parentId, validFrom: '2026-01-01' } });
    }
  });
  after(() => s.close());

  test('canonical JSON does not depend on key order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  test('the chain verifies after real writes', async () => {
    const r = await verifyAuditChain(s.database.db);
    assert.equal(r.ok, true);
    assert.ok(r.checked >= 5);
  });

  test('UPDATE and DELETE on the audit log are refused by the database', async () => {
    await assert.rejects(s.database.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`), /append-only/);
    await assert.rejects(s.database.query('DELETE FROM audit_log WHERE seq = 1'), /append-only/);
  });

  test('GET /api/v1/audit filters by action, pages with beforeSeq; 403 for a counter officer; 401 anonymous', async () => {
    const res = await s.app.inject({ url: '/api/v1/audit?action=unit.create&limit=2', headers: { cookie: admin } });
    assert.equal(res.statusCode, 200);
    const page1 = res.json();
    assert.equal(page1.length, 2);
    assert.ok(page1.every((r: { action: string }) => r.action === 'unit.create'));
    const page2 = (await s.app.inject({ url: `/api/v1/audit?action=unit.create&beforeSeq=${page1[1].seq}`, headers: { cookie: admin } })).json();
    assert.ok(page2.length >= 1 && page2[0].seq < page1[1].seq);
    assert.equal((await s.app.inject({ url: '/api/v1/audit', headers: { cookie: await s.login('motcua') } })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/audit' })).statusCode, 401);
    assert.equal((await s.app.inject({ url: '/api/v1/audit?limit=9999', headers: { cookie: admin } })).json().errors[0].field, 'limit');
  });

  test('a unit leader sees the audit rows of their commune only, and cannot verify the whole chain', async () => {
    const leader = await s.login('lanhdao');
    const rows: Array<{ unitId: string }> = (await s.app.inject({ url: '/api/v1/audit?action=unit.create', headers: { cookie: leader } })).json();
    // Exactly the creations of Xã Tiên Yên and the units under it (its centre, offices, villages carried by the merger).
    const { rows: mine } = await s.database.query(
      `WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE id = $1 UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
       SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.create' AND unit_id IN (SELECT id FROM t)`,
      [await s.unitId('Xã Tiên Yên')],
    );
    assert.ok(rows.length >= 2, 'the commune and its service centre at least');
    assert.equal(rows.length, mine[0].n);
    const all = (await s.app.inject({ url: '/api/v1/audit?action=unit.create&limit=200', headers: { cookie: admin } })).json();
    assert.ok(all.length > rows.length, 'an administrator sees the other communes’ creations too');
    const other = await s.app.inject({ url: `/api/v1/audit?unitId=${await s.unitId('Xã Hải Lạng')}`, headers: { cookie: leader } });
    assert.equal(other.statusCode, 403);
    const verify = await s.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: leader } });
    assert.equal(verify.statusCode, 403);
    assert.equal(verify.json().detail, 'Chỉ người có quyền xem nhật ký trên toàn hệ thống mới kiểm tra được chuỗi băm');
    const verifyEn = await s.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: leader, 'accept-language': 'en' } });
    assert.equal(verifyEn.json().detail, 'verifying the whole chain needs installation-wide audit rights');
    assert.equal(other.json().detail, 'Tài khoản của bạn chưa được giao quyền xem nhật ký hệ thống tại đơn vị này');
    assert.equal((await s.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: admin } })).json().ok, true);
  });

  test('the database links each row (v2): one INSERT, seq/prev_hash/hash filled by the trigger, digest recomputable here', async () => {
    await s.database.transaction((tx) => recordAudit(tx, systemActor('test'), { action: 'test.v2', subjectType: 'test', after: { tên: 'Thôn Một', n: 1 } }));
    const { rows } = await s.database.query(`SELECT * FROM audit_log WHERE action = 'test.v2'`);
    const r = rows[0];
    assert.equal(r.hash_v, 2);
    const digest = auditRowDigest({ id: r.id as string, at: r.at as Date, actorId: null, actorLabel: 'test', action: 'test.v2', subjectType: 'test', subjectId: null, unitId: null, requestId: null, before: null, after: { n: 1, tên: 'Thôn Một' } });
    assert.equal(r.row_digest, digest);
    assert.equal(r.hash, auditLink(r.prev_hash as string, r.seq as number, digest));
    const { rows: head } = await s.database.query('SELECT last_seq, last_hash FROM audit_head');
    assert.ok((head[0].last_seq as number) >= (r.seq as number));
  });

  test('an INSERT without a digest, or with a malformed one, is refused; nothing is written', async () => {
    const before = (await s.database.query('SELECT last_seq FROM audit_head')).rows[0].last_seq;
    await assert.rejects(s.database.query(`INSERT INTO audit_log (id, at, action, subject_type) VALUES (gen_random_uuid(), now(), 'x', 'y')`), /row_digest/);
    await assert.rejects(s.database.query(`INSERT INTO audit_log (id, at, action, subject_type, row_digest) VALUES (gen_random_uuid(), now(), 'x', 'y', 'abc')`), /row_digest/);
    assert.equal((await s.database.query('SELECT last_seq FROM audit_head')).rows[0].last_seq, before);
  });

  test('a chain that starts with rows of the first format (v1, before migration 0014) and goes on in v2 verifies; a forged digest is found', async () => {
    const q = s.database.query;
    // Rebuild the chain as an installation upgraded from v1 would have it: two v1 rows at the start.
    await q('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      const { rows } = await q('SELECT * FROM audit_log ORDER BY seq');
      let prev = '0'.repeat(64);
      for (const r of rows) {
        const row = { seq: r.seq as number, id: r.id as string, at: r.at as Date, actorId: r.actor_id as string | null, actorLabel: r.actor_label as string | null, action: r.action as string, subjectType: r.subject_type as string, subjectId: r.subject_id as string | null, unitId: r.unit_id as string | null, requestId: r.request_id as string | null, before: r.before, after: r.after };
        const v1 = row.seq <= 2;
        const hash = v1 ? hashAuditRow(prev, row) : auditLink(prev, row.seq, auditRowDigest(row));
        await q('UPDATE audit_log SET hash_v = $2, row_digest = $3, prev_hash = $4, hash = $5 WHERE seq = $1', [row.seq, v1 ? 1 : 2, v1 ? null : auditRowDigest(row), prev, hash]);
        prev = hash;
      }
      await q('UPDATE audit_head SET last_hash = $1', [prev]);
    } finally {
      await q('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
    await s.database.transaction((tx) => recordAudit(tx, systemActor('test'), { action: 'test.after_upgrade', subjectType: 'test' }));
    const ok = await verifyAuditChain(s.database.db);
    assert.equal(ok.ok, true, JSON.stringify(ok));
    assert.equal((await q(`SELECT hash_v FROM audit_log WHERE seq = 1`)).rows[0].hash_v, 1);
    // Edit a v2 row's content and its stored digest together: the recomputed digest still differs.
    await q('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      const { rows } = await q(`SELECT seq, row_digest FROM audit_log WHERE action = 'test.after_upgrade'`);
      await q(`UPDATE audit_log SET action = 'test.forged', row_digest = $2 WHERE seq = $1`, [rows[0].seq, 'f'.repeat(64)]);
      assert.deepEqual((await verifyAuditChain(s.database.db)).problem, { seq: rows[0].seq, reason: 'hash_mismatch' });
      await q(`UPDATE audit_log SET action = 'test.after_upgrade', row_digest = $2 WHERE seq = $1`, [rows[0].seq, rows[0].row_digest]);
      assert.equal((await verifyAuditChain(s.database.db)).ok, true);
    } finally {
      await q('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  });

  test('concurrent writers on separate connections keep one linear chain', async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => s.database.transaction((tx) => recordAudit(tx, systemActor(`w${i}`), { action: 'test.concurrent', subjectType: 'test', after: { i } }))));
    const { rows } = await s.database.query(`SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM audit_log WHERE action = 'test.concurrent'`);
    assert.deepEqual(rows[0], { n: 24, d: 24 });
    assert.equal((await verifyAuditChain(s.database.db)).ok, true);
  });
  test('verify detects an edited row and a deleted row made behind the trigger’s back', async () => {
    const q = s.database.query;
    await q('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      const { rows } = await q(`SELECT seq, after FROM audit_log WHERE action = 'unit.create' ORDER BY seq LIMIT 1`);
      const seq = rows[0].seq as number;
      await q(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"Thôn Giả"') WHERE seq = $1`, [seq]);
      const edited = await verifyAuditChain(s.database.db);
      assert.deepEqual(edited.problem, { seq, reason: 'hash_mismatch' });
      await q(`UPDATE audit_log SET after = $2 WHERE seq = $1`, [seq, JSON.stringify(rows[0].after)]);
      assert.equal((await verifyAuditChain(s.database.db)).ok, true);
      await q('DELETE FROM audit_log WHERE seq = $1', [seq]);
      const deleted = await verifyAuditChain(s.database.db);
      assert.deepEqual(deleted.problem, { seq, reason: 'gap' });
    } finally {
      await q('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  });
});
