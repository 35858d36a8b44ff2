import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { runScheduledPlan } from './reorganisation.service.ts';
import { count, grant, insertDossiers, insertFeedback, mkUnit } from './test-helpers.ts';

type Plan = { id: string; status: string; version: number; result: Record<string, number> | null; preview: { participants: Array<{ participant: string; count: number; conflicts: Array<{ key: string; options: Array<{ value: string }>; resolution: string | null }> }>; errors: unknown[]; unresolved: number; tree: Array<{ name: string; predecessors: string[] }> } | null; rollbackBlockers?: string[] };

describe('re-organisation plans API', () => {
  let s: TestServer;
  let admin: string;
  let province: string;
  const url = '/api/v1/reorganisation-plans';

  before(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
    province = await s.unitId('Tỉnh Quảng Ninh');
  });
  after(() => s.close());

  const post = (path: string, payload: unknown, cookie = admin) => s.app.inject({ method: 'POST', url: path, headers: { cookie }, payload: payload as object });
  const create = async (payload: object): Promise<Plan> => {
    const res = await post(url, { title: 'Phương án thử', decisionRef: 'NQ 1/2026/UBTVQH15', effectiveDate: '2026-01-01', newUnits: [], ...payload });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const preview = async (p: Plan): Promise<Plan> => {
    const res = await post(`${url}/${p.id}/preview`, {});
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const execute = async (p: Plan) => post(`${url}/${p.id}/execute`, { version: p.version, when: 'now' });
  const counts = (p: Plan) => Object.fromEntries(p.preview!.participants.map((x) => [x.participant, x.count]));
  /** A district with two communes (each with a village), under the province. */
  const district = async (tag: string) => {
    const d = await mkUnit(s, `Huyện ${tag}`, 'district', province);
    const a = await mkUnit(s, `Xã ${tag} A`, 'commune', d);
    const b = await mkUnit(s, `Xã ${tag} B`, 'commune', d);
    const va = await mkUnit(s, `Thôn ${tag} A1`, 'village', a);
    const vb = await mkUnit(s, `Thôn ${tag} B1`, 'village', b);
    return { d, a, b, va, vb };
  };

  test('merge into a new commune: preview counts equal what executes; dossiers keep code and appointment; grants re-issued; audited', async () => {
    const t = await district('Hợp');
    await insertDossiers(s, { prefix: 'MERGE-A', unitId: t.a, n: 12, open: 5, from: '2025-01-01', to: '2025-12-01' });
    await insertDossiers(s, { prefix: 'MERGE-B', unitId: t.b, n: 8, open: 3, from: '2025-01-01', to: '2025-12-01' });
    await insertFeedback(s, { prefix: 'PAKN-HOP', unitId: t.b, n: 4, open: 2 });
    await grant(s, 'cv.hop.a', 'specialist', t.a);
    await s.database.query(
      `INSERT INTO portal_submissions (user_id, procedure_id, procedure_version_id, procedure_name, reception_unit_id, applicant, status, submitted_at)
       SELECT u.id, v.procedure_id, v.id, v.name, $1, '{}'::jsonb, x.status, now() FROM users u, procedure_versions v, (VALUES ('submitted'), ('refused')) AS x(status)
       WHERE u.username = 'congdan' AND v.code = 'TY-HT-04' AND v.version_no = 1`,
      [t.a],
    );
    const before = (await s.database.query(`SELECT code, appointment_at FROM dossiers WHERE code LIKE 'MERGE-%' AND status = 'in_process' ORDER BY code`)).rows;
    const plan = await create({
      newUnits: [{ ref: '#hop', name: 'Xã Hợp Nhất', kind: 'commune', parent: province }],
      operations: [{ kind: 'merge', sources: [t.a, t.b], target: '#hop' }],
    });
    assert.equal(plan.status, 'draft');
    const p = await preview(plan);
    assert.deepEqual(p.preview!.errors, []);
    const c = counts(p);
    assert.equal(c.dossiers, 8);
    assert.equal(c.grants, 1);
    assert.equal(c.feedback, 2);
    assert.equal(c.portal_submissions, 1, 'the submitted online application moves; the refused one stays');
    assert.equal(c.units, 1 + 2 + 2 + 2, 'the new commune, 2 carried villages, 2 ended communes and 2 ended villages');
    assert.deepEqual(p.preview!.tree.find((u) => u.name === 'Xã Hợp Nhất')!.predecessors.sort(), ['Xã Hợp A', 'Xã Hợp B']);
    const res = await execute(p);
    assert.equal(res.statusCode, 200, res.body);
    const done: Plan = res.json();
    assert.equal(done.status, 'executed');
    assert.deepEqual(done.result, c, 'what executed is what the preview counted');
    const hop = await s.unitId('Xã Hợp Nhất');
    assert.deepEqual((await s.database.query('SELECT valid_from FROM units WHERE id = $1', [hop])).rows[0].valid_from, '2026-01-01');
    assert.equal((await s.database.query('SELECT valid_to FROM units WHERE id = $1', [t.a])).rows[0].valid_to, '2025-12-31');
    assert.equal(await count(s, `SELECT count(*) AS n FROM unit_lineage WHERE successor_id = $1 AND kind = 'merge' AND decision_ref = 'NQ 1/2026/UBTVQH15'`, [hop]), 2);
    assert.equal(await count(s, `SELECT count(*) AS n FROM units WHERE parent_id = $1 AND name IN ('Thôn Hợp A1', 'Thôn Hợp B1') AND valid_from = '2026-01-01'`, [hop]), 2);
    const after = (await s.database.query(`SELECT code, appointment_at, competent_unit_id, reception_unit_id, returning_unit_id FROM dossiers WHERE code LIKE 'MERGE-%' AND status = 'in_process' ORDER BY code`)).rows;
    assert.deepEqual(after.map((r) => [r.code, String(r.appointment_at)]), before.map((r) => [r.code, String(r.appointment_at)]));
    assert.ok(after.every((r) => r.competent_unit_id === hop && r.reception_unit_id === hop && r.returning_unit_id === hop));
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'MERGE-%' AND status = 'returned' AND competent_unit_id = $1`, [hop]), 0, 'finished dossiers stay where they were');
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code LIKE 'MERGE-%' AND e.kind = 'transferred' AND e.to_unit_id = $1`, [hop]), 8);
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossier_steps st JOIN dossiers d ON d.id = st.dossier_id WHERE d.code LIKE 'MERGE-%' AND st.state = 'active' AND st.unit_id = $1`, [hop]), 8);
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossier_unit_transfers WHERE plan_id = $1`, [plan.id]), 8);
    const grants = (await s.database.query(`SELECT g.unit_id, g.valid_from, g.valid_to FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'cv.hop.a' ORDER BY g.valid_from`)).rows;
    assert.deepEqual(grants.map((g) => [g.unit_id, g.valid_from, g.valid_to]), [[t.a, '2015-01-01', '2025-12-31'], [hop, '2026-01-01', null]]);
    assert.equal(await count(s, `SELECT count(*) AS n FROM feedback_items WHERE code LIKE 'PAKN-HOP-%' AND unit_id = $1`, [hop]), 2);
    assert.equal(await count(s, `SELECT count(*) AS n FROM portal_submissions WHERE reception_unit_id = $1 AND status = 'submitted'`, [hop]), 1);
    const audit = await s.auditFor(plan.id);
    assert.ok(audit.some((a) => a.action === 'reorganisation.plan.execute'));
    assert.ok(audit.some((a) => a.action === 'reorganisation.plan.preview'));
    assert.ok(audit.some((a) => a.action === 'reorganisation.dossiers.transfer'));
    assert.equal((await s.auditFor(hop))[0].action, 'unit.create');
    assert.equal((await s.auditFor(t.a))[0].action, 'unit.end');
    // The timeline of a moved dossier shows the transfer through the dossier API.
    const moved = after[0];
    const { rows: [d] } = await s.database.query('SELECT id FROM dossiers WHERE code = $1', [String(moved.code)]);
    const detail = await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: admin } });
    assert.equal(detail.statusCode, 200, detail.body);
    assert.ok(detail.json().timeline.some((e: { kind: string }) => e.kind === 'transferred'));
    assert.equal(detail.json().code, moved.code);
  });

  test('split, rename, move and abolish: lineage, routes and the new rows', async () => {
    const t = await district('Tách');
    const extra = await mkUnit(s, 'Xã Tách C', 'commune', t.d);
    const other = await mkUnit(s, 'Huyện Khác', 'district', province);
    await insertDossiers(s, { prefix: 'SPLIT', unitId: t.a, n: 3, open: 3, from: '2025-06-01', to: '2025-12-01' });
    await insertDossiers(s, { prefix: 'ABOL', unitId: extra, n: 2, open: 2, from: '2025-06-01', to: '2025-12-01' });
    const plan = await create({
      newUnits: [
        { ref: '#bac', name: 'Xã Tách Bắc', kind: 'commune', parent: t.d },
        { ref: '#nam', name: 'Xã Tách Nam', kind: 'commune', parent: t.d },
      ],
      operations: [
        { kind: 'split', source: t.a, parts: ['#bac', '#nam'], primary: '#nam' },
        { kind: 'rename', source: t.b, name: 'Xã Tách Mới', adminCode: '12345' },
        { kind: 'abolish', source: extra, successor: '#bac' },
        { kind: 'move', source: other, parent: province },
      ],
    });
    const p = await preview(plan);
    const errs = p.preview!.errors as Array<{ message: { en: string } }>;
    assert.equal(errs.length, 1, JSON.stringify(errs));
    assert.match(errs[0].message.en, /already under this parent/);
    // Fix: move the other district under … itself is not allowed; drop the move and execute.
    const fixed = await s.app.inject({ method: 'PUT', url: `${url}/${plan.id}`, headers: { cookie: admin }, payload: { title: 'Phương án thử', decisionRef: 'NQ 2/2026', effectiveDate: '2026-01-01', newUnits: [{ ref: '#bac', name: 'Xã Tách Bắc', kind: 'commune', parent: t.d }, { ref: '#nam', name: 'Xã Tách Nam', kind: 'commune', parent: t.d }], operations: [{ kind: 'split', source: t.a, parts: ['#bac', '#nam'], primary: '#nam' }, { kind: 'rename', source: t.b, name: 'Xã Tách Mới', adminCode: '12345' }, { kind: 'abolish', source: extra, successor: '#bac' }], version: plan.version } });
    assert.equal(fixed.statusCode, 200, fixed.body);
    const p2 = await preview(fixed.json());
    assert.deepEqual(p2.preview!.errors, []);
    const res = await execute(p2);
    assert.equal(res.statusCode, 200, res.body);
    const [bac, nam, renamed] = await Promise.all([s.unitId('Xã Tách Bắc'), s.unitId('Xã Tách Nam'), s.unitId('Xã Tách Mới')]);
    const links = (await s.database.query(`SELECT predecessor_id, successor_id, kind FROM unit_lineage WHERE decision_ref = 'NQ 2/2026' ORDER BY kind`)).rows;
    const has = (p: string, su: string, k: string) => links.some((l) => l.predecessor_id === p && l.successor_id === su && l.kind === k);
    assert.ok(has(t.a, bac, 'split') && has(t.a, nam, 'split'));
    assert.ok(has(t.b, renamed, 'rename'));
    assert.ok(has(extra, bac, 'abolish'));
    assert.equal((await s.database.query('SELECT admin_code, parent_id FROM units WHERE id = $1', [renamed])).rows[0].admin_code, '12345');
    assert.equal(await count(s, `SELECT count(*) AS n FROM units WHERE parent_id = $1 AND name = 'Thôn Tách B1'`, [renamed]), 1, 'the village is carried under the renamed commune');
    assert.equal(await count(s, `SELECT count(*) AS n FROM units WHERE parent_id = $1 AND name = 'Thôn Tách A1'`, [nam]), 1, 'a split carries sub-units to the primary part');
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'SPLIT-%' AND competent_unit_id = $1`, [nam]), 3, 'open work of a split goes to the primary part');
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'ABOL-%' AND competent_unit_id = $1`, [bac]), 2);
    // move on its own
    const lone = await mkUnit(s, 'Xã Chuyển', 'commune', t.d);
    const mv = await create({ decisionRef: 'NQ 3/2026', operations: [{ kind: 'move', source: lone, parent: province }] });
    const mvDone = await execute(await preview(mv));
    assert.equal(mvDone.statusCode, 200, mvDone.body);
    const moved = (await s.database.query(`SELECT u.id, u.parent_id FROM units u JOIN unit_lineage l ON l.successor_id = u.id WHERE l.predecessor_id = $1 AND l.kind = 'move'`, [lone])).rows;
    assert.deepEqual(moved.map((r) => r.parent_id), [province]);
  });

  test('abolish a level: territorial children attach to the level above, its offices end with it, routes override', async () => {
    const t = await district('Bỏ');
    const office = await mkUnit(s, 'Phòng Tư pháp huyện Bỏ', 'specialised_office', t.d);
    const centre = await mkUnit(s, 'Trung tâm HCC huyện Bỏ', 'service_center', t.d);
    const target = await mkUnit(s, 'Trung tâm PVHCC tỉnh (thử)', 'service_center', province);
    await insertDossiers(s, { prefix: 'LVL-C', unitId: centre, n: 4, open: 4, from: '2025-06-01', to: '2025-12-01' });
    await insertDossiers(s, { prefix: 'LVL-O', unitId: office, n: 2, open: 2, from: '2025-06-01', to: '2025-12-01' });
    const plan = await create({ decisionRef: 'NQ 4/2026', operations: [{ kind: 'abolish_level', source: t.d, routes: [{ from: centre, to: target }] }] });
    const res = await execute(await preview(plan));
    assert.equal(res.statusCode, 200, res.body);
    const aNew = (await s.database.query(`SELECT u.parent_id FROM units u JOIN unit_lineage l ON l.successor_id = u.id WHERE l.predecessor_id = $1`, [t.a])).rows;
    assert.deepEqual(aNew.map((r) => r.parent_id), [province], 'the commune now sits under the province');
    assert.equal(await count(s, `SELECT count(*) AS n FROM unit_lineage WHERE predecessor_id = $1 AND successor_id = $2 AND kind = 'abolish'`, [t.d, province]), 1, 'duties to the level above by default');
    assert.equal((await s.database.query('SELECT valid_to FROM units WHERE id = $1', [office])).rows[0].valid_to, '2025-12-31');
    assert.equal(await count(s, `SELECT count(*) AS n FROM unit_lineage WHERE predecessor_id = $1`, [office]), 0, 'an office ends with its level');
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'LVL-C-%' AND competent_unit_id = $1`, [target]), 4);
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossiers WHERE code LIKE 'LVL-O-%' AND competent_unit_id = $1`, [province]), 2);
  });

  test('conflicts: two merged communes with the same procedure code are refused until resolved', async () => {
    const t = await district('Trùng');
    const copyProc = async (owner: string) => {
      const { rows } = await s.database.query(`INSERT INTO procedures (owner_unit_id, code, version) VALUES ($1, 'XA-CT-01', 1) RETURNING id`, [owner]);
      await s.database.query(
        `INSERT INTO procedure_versions (procedure_id, owner_unit_id, version_no, effective_from, code, national_code, national_code_unconfirmed, name, field, authority_level, implementing_unit_ids, legal_bases, decision_ref, processing_time, processing_time_online, steps, documents, fees, online_level, result_type, result_digitised, status, op)
         SELECT $1, $2, 1, '2020-01-01', 'XA-CT-01', national_code, national_code_unconfirmed, name, field, authority_level, ARRAY[$2::uuid], legal_bases, decision_ref, processing_time, processing_time_online, steps, documents, fees, online_level, result_type, result_digitised, status, '{"kind":"seed"}'::jsonb
         FROM procedure_versions WHERE code = 'TY-HT-04' ORDER BY version_no LIMIT 1`,
        [rows[0].id, owner],
      );
      return rows[0].id as string;
    };
    const pa = await copyProc(t.a);
    const pb = await copyProc(t.b);
    const body = { decisionRef: 'NQ 5/2026', newUnits: [{ ref: '#mot', name: 'Xã Trùng Một', kind: 'commune', parent: t.d }], operations: [{ kind: 'merge', sources: [t.a, t.b], target: '#mot' }] };
    const plan = await create(body);
    const p = await preview(plan);
    const procs = p.preview!.participants.find((x) => x.participant === 'procedures')!;
    assert.equal(procs.conflicts.length, 1);
    assert.equal(p.preview!.unresolved, 1);
    const conflict = procs.conflicts[0];
    assert.deepEqual(conflict.options.map((o) => o.value).sort(), [`keep:${pa}`, `keep:${pb}`].sort());
    const refused = await execute(p);
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().detail, 'Còn 1 xung đột chưa chọn cách xử lý');
    assert.ok(refused.json().errors.some((e: { field: string }) => e.field === `resolutions.${conflict.key}`));
    assert.equal(await count(s, `SELECT count(*) AS n FROM units WHERE name = 'Xã Trùng Một'`), 0, 'nothing written');
    assert.equal((await s.database.query('SELECT status FROM reorganisation_plans WHERE id = $1', [plan.id])).rows[0].status, 'draft');
    const resolved = await s.app.inject({ method: 'PUT', url: `${url}/${plan.id}`, headers: { cookie: admin }, payload: { title: 'Phương án thử', effectiveDate: '2026-01-01', ...body, resolutions: { [conflict.key]: `keep:${pb}` }, version: p.version } });
    assert.equal(resolved.statusCode, 200, resolved.body);
    const p2 = await preview(resolved.json());
    assert.equal(p2.preview!.unresolved, 0);
    const res = await execute(p2);
    assert.equal(res.statusCode, 200, res.body);
    const mot = await s.unitId('Xã Trùng Một');
    assert.equal((await s.database.query('SELECT owner_unit_id FROM procedures WHERE id = $1', [pb])).rows[0].owner_unit_id, mot);
    assert.equal((await s.database.query('SELECT owner_unit_id FROM procedures WHERE id = $1', [pa])).rows[0].owner_unit_id, t.a, 'the procedure not kept stays with its former owner');
    const v = (await s.database.query(`SELECT implementing_unit_ids, effective_from FROM procedure_versions WHERE procedure_id = $1 ORDER BY version_no DESC LIMIT 1`, [pb])).rows[0];
    assert.deepEqual([v.implementing_unit_ids, v.effective_from], [[mot], '2026-01-01'], 'a new version names the successor as implementing unit');
    // Rolled back: the catalogue is as it was (owner, versions, lock counter).
    const done: Plan = res.json();
    const rb = await post(`${url}/${plan.id}/rollback`, { version: done.version, reason: 'Thử hoàn tác danh mục' });
    assert.equal(rb.statusCode, 200, rb.body);
    const after = (await s.database.query('SELECT owner_unit_id, version, (SELECT max(version_no) FROM procedure_versions v WHERE v.procedure_id = p.id) AS head FROM procedures p WHERE id = $1', [pb])).rows[0];
    assert.deepEqual([after.owner_unit_id, after.version, after.head], [t.b, 1, 1]);
    assert.equal(await count(s, `SELECT count(*) AS n FROM procedure_versions WHERE procedure_id = $1 AND owner_unit_id = $2`, [pb, t.b]), 1);
  });

  test('rollback restores everything while nothing new was written; refused once a successor has new work', async () => {
    const t = await district('Lùi');
    await insertDossiers(s, { prefix: 'ROLL', unitId: t.a, n: 6, open: 4, from: '2025-06-01', to: '2025-12-01' });
    await grant(s, 'cv.lui', 'counter_officer', t.b);
    await insertFeedback(s, { prefix: 'PAKN-LUI', unitId: t.b, n: 3, open: 2 });
    const snapshot = async () => JSON.stringify((await s.database.query(`SELECT code, reception_unit_id, competent_unit_id, returning_unit_id, appointment_at FROM dossiers WHERE code LIKE 'ROLL-%' ORDER BY code`)).rows);
    const before = await snapshot();
    const unitsBefore = await count(s, 'SELECT count(*) AS n FROM units');
    const plan = await create({ decisionRef: 'NQ 6/2026', newUnits: [{ ref: '#lui', name: 'Xã Lùi Lại', kind: 'commune', parent: t.d }], operations: [{ kind: 'merge', sources: [t.a, t.b], target: '#lui' }] });
    const done: Plan = (await execute(await preview(plan))).json();
    assert.equal(done.status, 'executed');
    assert.notEqual(await snapshot(), before);
    const got = await s.app.inject({ url: `${url}/${plan.id}`, headers: { cookie: admin } });
    assert.deepEqual(got.json().rollbackBlockers, []);
    const rb = await post(`${url}/${plan.id}/rollback`, { version: done.version, reason: 'Nhập nhầm phương án' });
    assert.equal(rb.statusCode, 200, rb.body);
    assert.equal(rb.json().status, 'rolled_back');
    assert.equal(await snapshot(), before, 'dossiers back at their units');
    assert.equal(await count(s, 'SELECT count(*) AS n FROM units'), unitsBefore, 'new units deleted');
    assert.equal((await s.database.query('SELECT valid_to FROM units WHERE id = $1', [t.a])).rows[0].valid_to, null);
    assert.equal(await count(s, `SELECT count(*) AS n FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'cv.lui' AND g.valid_to IS NULL AND g.unit_id = $1`, [t.b]), 1);
    assert.equal(await count(s, `SELECT count(*) AS n FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'cv.lui'`), 1);
    assert.equal(await count(s, `SELECT count(*) AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code LIKE 'ROLL-%' AND e.kind = 'transfer_reverted'`), 4);
    assert.equal(await count(s, `SELECT count(*) AS n FROM unit_lineage WHERE decision_ref = 'NQ 6/2026'`), 0);
    assert.equal(await count(s, `SELECT count(*) AS n FROM feedback_items WHERE code LIKE 'PAKN-LUI-%' AND unit_id = $1`, [t.b]), 3);
    assert.ok((await s.auditFor(plan.id)).some((a) => a.action === 'reorganisation.plan.rollback'));
    const again = await post(`${url}/${plan.id}/rollback`, { version: rb.json().version, reason: 'lần hai' });
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().detail, 'Chỉ hoàn tác được phương án đã thực hiện', 'the refusal in Vietnamese by default');
    const againEn = await s.app.inject({ method: 'POST', url: `${url}/${plan.id}/rollback`, headers: { cookie: admin, 'accept-language': 'en' }, payload: { version: rb.json().version, reason: 'lần hai' } });
    assert.equal(againEn.json().detail, 'only an executed plan can be rolled back', 'and in English on request');

    // Execute a second plan, then write new work on the successor: the rollback is refused.
    const plan2 = await create({ decisionRef: 'NQ 7/2026', newUnits: [{ ref: '#lui2', name: 'Xã Lùi Hai', kind: 'commune', parent: t.d }], operations: [{ kind: 'merge', sources: [t.a, t.b], target: '#lui2' }] });
    const done2: Plan = (await execute(await preview(plan2))).json();
    assert.equal(done2.status, 'executed', JSON.stringify(done2));
    const lui2 = await s.unitId('Xã Lùi Hai');
    await insertDossiers(s, { prefix: 'NEWWORK', unitId: lui2, n: 1, open: 1, from: '2026-01-05', to: '2026-01-06' });
    const blocked = await s.app.inject({ url: `${url}/${plan2.id}`, headers: { cookie: admin } });
    assert.ok(blocked.json().rollbackBlockers.some((b: { en: string; vi: string }) => /NEWWORK-000001 received at a successor/.test(b.en) && b.vi.startsWith('Hồ sơ NEWWORK-000001')));
    const refused = await post(`${url}/${plan2.id}/rollback`, { version: done2.version, reason: 'thử' });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().detail, /^Không hoàn tác được: từ khi thực hiện, đơn vị kế thừa đã phát sinh công việc mới \(1\): Hồ sơ NEWWORK-000001/);
    assert.equal((await s.database.query('SELECT status FROM reorganisation_plans WHERE id = $1', [plan2.id])).rows[0].status, 'executed');
  });

  test('scheduled at the effective date: the job executes it; a plan that became impossible fails (audited)', async () => {
    const t = await district('Hẹn');
    const plan = await create({ decisionRef: 'NQ 8/2026', newUnits: [{ ref: '#hen', name: 'Xã Hẹn Giờ', kind: 'commune', parent: province }], operations: [{ kind: 'merge', sources: [t.a, t.b], target: '#hen' }] });
    const res = await post(`${url}/${plan.id}/execute`, { version: plan.version, when: 'effective_date' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'scheduled');
    assert.equal(await count(s, `SELECT count(*) AS n FROM pgboss.job WHERE name = 'reorganisation.execute' AND data->>'planId' = $1 AND start_after = '2025-12-31T17:00:00Z'::timestamptz`, [plan.id]), 1);
    await runScheduledPlan(s.database, plan.id);
    assert.equal((await s.database.query('SELECT status FROM reorganisation_plans WHERE id = $1', [plan.id])).rows[0].status, 'executed');
    // A second plan on the same (now ended) communes cannot run at its date: it fails, nothing is written.
    const late = await s.database.query(`INSERT INTO reorganisation_plans (title, decision_ref, effective_date, status, operations) VALUES ('Phương án không thể chạy', 'NQ 9/2026', '2026-01-01', 'scheduled', $1) RETURNING id`, [JSON.stringify({ newUnits: [], operations: [{ kind: 'abolish', source: t.a, successor: province }] })]);
    const lateId = String(late.rows[0].id);
    await runScheduledPlan(s.database, lateId);
    const row = (await s.database.query('SELECT status, failure FROM reorganisation_plans WHERE id = $1', [lateId])).rows[0];
    assert.equal(row.status, 'failed');
    assert.match(String(row.failure), /not in operation/);
    assert.equal((await s.auditFor(lateId))[0].action, 'reorganisation.plan.fail');
  });

  describe('access and validation', () => {
    test('401 without a session, 403 to a counter officer and to a commune administrator outside their commune', async () => {
      assert.equal((await s.app.inject({ url })).statusCode, 401);
      assert.equal((await s.app.inject({ url, headers: { cookie: await s.login('motcua') } })).statusCode, 403);
      const communeAdmin = await s.login('quantri.tienyen');
      const [haiLang, dienXa]: string[] = [await s.unitId('Xã Hải Lạng'), await s.unitId('Xã Điền Xá')];
      const res = await post(url, { title: 'x', decisionRef: 'y', effectiveDate: '2026-01-01', operations: [{ kind: 'merge', sources: [haiLang], target: dienXa }] }, communeAdmin);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().detail, 'Bạn không có quyền sắp xếp các đơn vị mà phương án này liên quan');
      assert.equal(await count(s, `SELECT count(*) AS n FROM reorganisation_plans WHERE title = 'x'`), 0);
    });

    test('a commune administrator re-organises the villages of their own commune', async () => {
      const communeAdmin = await s.login('quantri.tienyen');
      const tienYen = await s.unitId('Xã Tiên Yên');
      const v1 = await mkUnit(s, 'Thôn Gộp Một', 'village', tienYen, '2025-07-01');
      const v2 = await mkUnit(s, 'Thôn Gộp Hai', 'village', tienYen, '2025-07-01');
      const res = await post(url, { title: 'Sáp nhập thôn', decisionRef: 'NQ 10/2026/HĐND', effectiveDate: '2026-03-01', newUnits: [{ ref: '#thon', name: 'Thôn Gộp', kind: 'village', parent: tienYen }], operations: [{ kind: 'merge', sources: [v1, v2], target: '#thon' }] }, communeAdmin);
      assert.equal(res.statusCode, 201, res.body);
      const list = await s.app.inject({ url, headers: { cookie: communeAdmin } });
      assert.deepEqual(list.json().map((p: { title: string }) => p.title), ['Sáp nhập thôn'], 'a commune administrator sees only the plans on their units');
    });

    test('400 naming bad fields, 404 unknown plan, 409 stale version; nothing stored', async () => {
      const before = await count(s, 'SELECT count(*) AS n FROM reorganisation_plans');
      const bad = await post(url, { title: '', decisionRef: 'x', effectiveDate: '2026-02-30', operations: [{ kind: 'explode', source: 'x' }] });
      assert.equal(bad.statusCode, 400);
      const fields = bad.json().errors.map((e: { field: string }) => e.field);
      for (const f of ['title', 'effectiveDate']) assert.ok(fields.includes(f), `${f} in ${fields}`);
      const unknownUnit = await post(url, { title: 'x', decisionRef: 'x', effectiveDate: '2026-02-01', operations: [{ kind: 'abolish', source: '00000000-0000-4000-8000-000000000000', successor: province }] });
      assert.equal(unknownUnit.statusCode, 400, unknownUnit.body);
      assert.equal(await count(s, 'SELECT count(*) AS n FROM reorganisation_plans'), before);
      assert.equal((await s.app.inject({ url: `${url}/00000000-0000-4000-8000-000000000000`, headers: { cookie: admin } })).statusCode, 404);
      const t = await district('Cũ');
      const plan = await create({ decisionRef: 'NQ 11/2026', operations: [{ kind: 'abolish', source: t.a, successor: t.b }] });
      const stale = await post(`${url}/${plan.id}/execute`, { version: plan.version + 5, when: 'now' });
      assert.equal(stale.statusCode, 409);
      assert.equal((await s.database.query('SELECT valid_to FROM units WHERE id = $1', [t.a])).rows[0].valid_to, null);
    });
  });
});
