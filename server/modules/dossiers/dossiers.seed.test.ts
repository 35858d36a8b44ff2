import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { seedDemoDossiers } from './dossiers.seed.ts';
import { startDossierServer, type DossierTestServer } from './test-helpers.ts';

describe('seedDemoDossiers', () => {
  let s: DossierTestServer;
  let made: number;
  before(async () => {
    s = await startDossierServer();
    made = await seedDemoDossiers(s.database);
  });
  after(() => s.close());

  test('creates about thirty demo dossiers in every state, across 2025 and 2026', async () => {
    assert.ok(made >= 28, `made ${made}`);
    const { rows } = await s.database.query(`SELECT status, outcome, rule_set, received_at, finished_at FROM dossiers WHERE is_demo`);
    const statuses = new Set(rows.map((r) => r.status));
    for (const st of ['returned', 'result_ready', 'in_process', 'awaiting_supplement', 'suspended', 'withdrawn']) assert.ok(statuses.has(st), `has ${st}`);
    const outcomes = new Set(rows.map((r) => r.outcome).filter(Boolean));
    for (const o of ['early', 'on_time', 'late']) assert.ok(outcomes.has(o), `has ${o}`);
    assert.ok(rows.some((r) => r.rule_set === 'nd61_2018'));
    assert.ok(rows.some((r) => r.rule_set === 'nd118_2025'));
    const cut = new Date('2025-07-01T00:00:00+07:00');
    assert.ok(rows.some((r) => new Date(r.received_at as string) < cut && r.finished_at && new Date(r.finished_at as string) > cut), 'a dossier open across 1 July 2025');
  });

  test('the open demo dossiers include overdue ones, and the statistics count them', async () => {
    const res = await s.app.inject({ url: '/api/v1/dossiers?queue=overdue', headers: { cookie: s.cookies.lanhdao } });
    assert.ok(res.json().total >= 2);
    const st = await s.app.inject({ url: '/api/v1/dossiers/stats?from=2025-01-01&to=2026-12-31', headers: { cookie: s.cookies.lanhdao } });
    assert.ok(st.json().counts.openOverdue >= 2);
    assert.ok(st.json().onTimeRate < st.json().onTimeRateFinishedOnly);
  });

  test('an apology was issued for a late dossier, and the audit chain is intact', async () => {
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM dossier_appointments WHERE reason = 'apology'`);
    assert.ok(Number(rows[0].n) >= 1);
    assert.equal((await verifyAuditChain(s.database.db)).ok, true);
  });

  test('runs once', async () => {
    assert.equal(await seedDemoDossiers(s.database), 0);
  });
});
