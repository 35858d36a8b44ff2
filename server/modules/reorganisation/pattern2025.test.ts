/**
 * The 2025 pattern on generated data: a district of 10 communes and thousands of dossiers (some open on 1 July
 * 2025) becomes 4 communes under the province and the district level ends. Nothing is lost: every dossier, role
 * grant and feedback item is reachable under a successor, codes and appointments are unchanged, and the figures of
 * past years (the leaders' dashboard, both "units as then" and "units today", and the dossier module's getStats)
 * are identical before and after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeContext, type Context } from '../accounts/context.ts';
import { permissionsOf, type Grant } from '../accounts/permissions.ts';
import { getDashboard } from '../dashboard/index.ts';
import { getStats } from '../dossiers/index.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { dossierUnitsAsThen, mapUnitsToday } from './index.ts';
import { count, grant, insertDossiers, insertFeedback, mkUnit } from './test-helpers.ts';

const scale = Number(process.env.REORG_PATTERN_SCALE ?? 1);
const COMMUNES = 10;
const PER_COMMUNE = 450 * scale;
const OPEN_PER_COMMUNE = 35 * scale;
const AT_CENTRE = 600 * scale;
const OPEN_AT_CENTRE = 60 * scale;
const PERIODS: Array<[string, string]> = [['2023-01-01', '2023-12-31'], ['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-06-30']];

describe('the 2025 pattern on generated data (abolish a level, merge its communes)', () => {
  let s: TestServer;
  let admin: string;
  let ctx: Context;
  let province: string;
  let district: string;
  let centre: string;
  const communes: string[] = [];
  let figuresBefore: string;
  let dossiersBefore: string;
  let openIds: string[];
  const groups = [[0, 1, 2], [3, 4], [5, 6, 7], [8, 9]];

  /** Dashboard and getStats figures for the province, each past period, both unit settings (asOf dropped). */
  const figures = async () => {
    const out: unknown[] = [];
    for (const [from, to] of PERIODS) {
      for (const units of ['then', 'today'] as const) {
        const d = await getDashboard({ database: s.database }, ctx, { unitId: province, from, to, units });
        out.push({ from, units, figures: d.figures, trend: d.trend, procedures: d.procedures });
        if (units === 'then') out.push({ from, comparison: d.comparison });
      }
      const st = await getStats({ database: s.database, queue: null }, ctx, { unitId: province, from, to });
      out.push({ from, stats: st.counts, rate: st.onTimeRate });
    }
    return JSON.stringify(out);
  };
  const dossierList = async () => JSON.stringify((await s.database.query(`SELECT code, appointment_at, received_at, status FROM dossiers WHERE code LIKE 'P25-%' ORDER BY code`)).rows);

  before(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
    const grants: Grant[] = [{ id: 'g', role: 'admin', unitId: null }];
    ctx = makeContext(s.database.db, { userId: null, label: 'test', requestId: null }, { userId: 'test', username: 'test', fullName: 'test', grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
    province = await s.unitId('Tỉnh Quảng Ninh');
    district = await mkUnit(s, 'Huyện Mẫu Hai Không', 'district', province);
    centre = await mkUnit(s, 'Trung tâm HCC huyện Mẫu', 'service_center', district);
    await mkUnit(s, 'Phòng Nội vụ huyện Mẫu', 'specialised_office', district);
    for (let i = 0; i < COMMUNES; i++) {
      const c = await mkUnit(s, `Xã Mẫu ${String(i).padStart(2, '0')}`, 'commune', district);
      communes.push(c);
      await mkUnit(s, `Thôn Mẫu ${i}`, 'village', c);
      await insertDossiers(s, { prefix: `P25-C${i}`, unitId: c, n: PER_COMMUNE, open: OPEN_PER_COMMUNE, from: '2023-01-01T08:00:00+07', to: '2025-06-28T08:00:00+07' });
      await insertFeedback(s, { prefix: `P25F-${i}`, unitId: c, n: 20, open: 6 });
      await grant(s, `p25.cv${i}`, 'specialist', c);
      await grant(s, `p25.mc${i}`, 'counter_officer', c);
    }
    await insertDossiers(s, { prefix: 'P25-D', unitId: centre, n: AT_CENTRE, open: OPEN_AT_CENTRE, from: '2023-01-01T08:00:00+07', to: '2025-06-28T08:00:00+07' });
    await grant(s, 'p25.lanhdao.huyen', 'unit_leader', district);
    openIds = (await s.database.query(`SELECT id FROM dossiers WHERE code LIKE 'P25-%' AND status = 'in_process' ORDER BY code`)).rows.map((r) => String(r.id));
    figuresBefore = await figures();
    dossiersBefore = await dossierList();
  });
  after(() => s.close());

  test('preview, execute: counts equal; nothing lost; codes, appointments and past figures unchanged', async (t) => {
    const total = COMMUNES * PER_COMMUNE + AT_CENTRE;
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'P25-%'`), total);
    const body = {
      title: 'Sắp xếp đơn vị hành chính 2025 (dữ liệu sinh)',
      decisionRef: 'NQ 203/2025/QH15; NQ 9999/NQ-UBTVQH15',
      effectiveDate: '2025-07-01',
      newUnits: groups.map((_, g) => ({ ref: `#moi${g}`, name: `Xã Mới ${g}`, kind: 'commune', parent: province })),
      operations: [
        ...groups.map((g, i) => ({ kind: 'merge', sources: g.map((k) => communes[k]), target: `#moi${i}` })),
        { kind: 'abolish_level', source: district, successors: groups.map((_, i) => `#moi${i}`), primary: '#moi0' },
      ],
    };
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/reorganisation-plans', headers: { cookie: admin }, payload: body });
    assert.equal(created.statusCode, 201, created.body);
    const t0 = performance.now();
    const preview = await s.app.inject({ method: 'POST', url: `/api/v1/reorganisation-plans/${created.json().id}/preview`, headers: { cookie: admin } });
    const t1 = performance.now();
    assert.equal(preview.statusCode, 200, preview.body);
    const p = preview.json();
    const counts = Object.fromEntries(p.preview.participants.map((x: { participant: string; count: number }) => [x.participant, x.count]));
    assert.equal(counts.dossiers, openIds.length);
    assert.equal(openIds.length, COMMUNES * OPEN_PER_COMMUNE + OPEN_AT_CENTRE);
    assert.equal(counts.grants, COMMUNES * 2 + 1);
    assert.equal(counts.feedback, COMMUNES * 6);
    const t2 = performance.now();
    const exec = await s.app.inject({ method: 'POST', url: `/api/v1/reorganisation-plans/${p.id}/execute`, headers: { cookie: admin }, payload: { version: p.version, when: 'now' } });
    assert.equal(exec.statusCode, 200, exec.body);
    t.diagnostic(`${total} dossiers, ${openIds.length} open: preview ${Math.round(t1 - t0)} ms, execute ${Math.round(performance.now() - t2)} ms (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
    assert.deepEqual(exec.json().result, counts, 'what executed is what the preview counted');

    const newIds = await Promise.all(groups.map((_, g) => s.unitId(`Xã Mới ${g}`)));
    const successors = new Set(newIds);
    // Every dossier is still there with its code, receipt, status and appointment.
    assert.equal(await dossierList(), dossiersBefore);
    // Every dossier is reachable under a successor: open ones sit there; the others map there through the lineage.
    const units = (await s.database.query(`SELECT id, competent_unit_id, status FROM dossiers WHERE code LIKE 'P25-%'`)).rows;
    const map = await mapUnitsToday(s.database.db, new Set(units.map((u) => String(u.competent_unit_id))));
    for (const u of units) {
      if (u.status === 'in_process') assert.ok(successors.has(String(u.competent_unit_id)), 'an open dossier sits at a successor');
      assert.ok(successors.has(map.get(String(u.competent_unit_id))!), 'every dossier maps to a successor');
    }
    // Open dossiers of merged communes went to the commune formed from theirs; the centre's to the primary successor.
    const byGroup = (await s.database.query(`SELECT t.from_competent_unit_id AS f, t.to_competent_unit_id AS t FROM dossier_unit_transfers t WHERE t.plan_id = $1`, [p.id])).rows;
    assert.equal(byGroup.length, openIds.length);
    for (const r of byGroup) {
      const k = communes.indexOf(String(r.f));
      const expected = k >= 0 ? newIds[groups.findIndex((g) => g.includes(k))] : newIds[0];
      assert.equal(r.t, expected);
    }
    // "As then": at a moment before the date, a moved dossier still had its former units.
    const then = await dossierUnitsAsThen(s.database.db, openIds.slice(0, 50), new Date('2025-06-30T12:00:00+07:00'));
    for (const [, u] of then) assert.ok(!successors.has(u.competentUnitId));
    // Every role grant continues on a successor from the effective date; the old ones ended the day before.
    const gs = (await s.database.query(`SELECT u.username, g.unit_id, g.valid_from, g.valid_to FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username LIKE 'p25.%'`)).rows;
    const usernames = new Set(gs.map((g) => String(g.username)));
    assert.equal(usernames.size, COMMUNES * 2 + 1);
    for (const name of usernames) {
      const mine = gs.filter((g) => g.username === name);
      assert.ok(mine.some((g) => successors.has(String(g.unit_id)) && g.valid_from === '2025-07-01' && g.valid_to === null), `${name} has a grant on a successor`);
      assert.ok(mine.filter((g) => !successors.has(String(g.unit_id))).every((g) => g.valid_to === '2025-06-30'));
    }
    // Every feedback item is reachable under a successor.
    const fb = (await s.database.query(`SELECT unit_id, status FROM feedback_items WHERE code LIKE 'P25F-%'`)).rows;
    const fbMap = await mapUnitsToday(s.database.db, new Set(fb.map((f) => String(f.unit_id))));
    assert.equal(fb.length, COMMUNES * 20);
    for (const f of fb) {
      if (f.status === 'new') assert.ok(successors.has(String(f.unit_id)));
      assert.ok(successors.has(fbMap.get(String(f.unit_id))!));
    }
    // Past figures: identical, whether the units are shown as they were then or as today.
    const now = JSON.parse(await figures()) as unknown[];
    const was = JSON.parse(figuresBefore) as unknown[];
    assert.equal(now.length, was.length);
    // Every entry in full, per unit too: for the period ending on the eve of the effective date the open standings
    // are taken at its exclusive end (1 July 00:00), the very moment of the transfer, and still count under the
    // units the dossiers had then.
    now.forEach((x, i) => assert.deepEqual(x, was[i], `figures entry ${i}`));
    assert.equal(await count(s, `SELECT count(*) AS n FROM units WHERE id = $1 AND valid_to = '2025-06-30'`, [district]), 1);
  });
});
