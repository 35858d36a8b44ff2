import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { makeContext, subtreeIds } from '../accounts/context.ts';
import { permissionsOf } from '../accounts/permissions.ts';
import { getStats } from '../dossiers/index.ts';
import { dayWeights, generateDossiers } from './generate.ts';
import { figuresOf, totalCounters } from './figures.ts';

describe('dossier generator', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  test('Tết and Sundays are quiet, the weeks before Tết busy', () => {
    const w = new Map(dayWeights('2025-01-01', '2025-02-28').map((x) => [x.day, x.w]));
    // Tết Ất Tỵ: 29 January 2025.
    assert.ok(w.get('2025-01-29')! < 0.1 * w.get('2025-01-15')!);
    assert.ok(w.get('2025-01-19')! < 0.05 * w.get('2025-01-20')!); // a Sunday vs a Monday
    assert.ok(w.get('2025-01-20')! > w.get('2025-02-17')!); // the rush before Tết vs an ordinary Monday after it
  });

  test('creates the dossiers asked for, on units valid on their receipt date, with a consistent read model', async () => {
    const r = await generateDossiers(s.database, { dossiers: 400, years: 2, end: '2026-06-30', log: () => {} });
    assert.equal(r.inserted, 400);
    const { rows } = await s.database.query(`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE u.valid_from > d.received_at::date OR u.valid_to < (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS invalid,
        count(DISTINCT d.channel)::int AS channels, count(*) FILTER (WHERE d.outcome = 'late')::int AS late
      FROM dossiers d JOIN units u ON u.id = d.competent_unit_id WHERE d.is_demo`);
    assert.equal(rows[0].n, 400);
    assert.equal(rows[0].invalid, 0);
    assert.ok(Number(rows[0].late) > 0);
    const facts = await s.database.query(`SELECT count(*)::int AS n FROM dashboard_facts`);
    assert.equal(facts.rows[0].n, 400);
    const audit = await s.database.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dashboard.generate'`);
    assert.equal(audit.rows[0].n, 1);
    // The rebuilt rollups agree with the dossier module's raw computation.
    const province = String((await s.database.query(`SELECT id FROM units WHERE parent_id IS NULL LIMIT 1`)).rows[0].id);
    const admin = (await s.database.query(`SELECT id FROM users WHERE username = 'admin'`)).rows[0].id as string;
    const grants = [{ id: 'g', role: 'admin' as const, unitId: null }];
    const ctx = makeContext(s.database.db, { userId: admin, label: 'admin', requestId: null }, { userId: admin, username: 'admin', fullName: 'admin', grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
    const now = new Date('2026-07-01T00:00:00+07:00');
    const raw = await getStats({ database: s.database, queue: null }, ctx, { unitId: province, from: '2025-01-01', to: '2025-12-31' }, now);
    const mine = figuresOf(await totalCounters(s.database.db, await subtreeIds(s.database.db, [province]), '2025-01-01', '2025-12-31', 'then', now));
    assert.deepEqual([mine.received, mine.early, mine.onTime, mine.late, mine.openOverdue], [raw.counts.received, raw.counts.finishedEarly, raw.counts.finishedOnTime, raw.counts.finishedLate, raw.counts.openOverdue]);
  });
});
