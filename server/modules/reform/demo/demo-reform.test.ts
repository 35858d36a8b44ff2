import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { caller, fieldsOf, type Call } from '../test-helpers.ts';
import { DEMO_PERIOD, DEMO_TOTALS, seedDemoReform, TIEN_YEN_PAR } from './demo-reform.ts';

describe('the demo reform data reproduce the article’s figures, computed from the rows', () => {
  let s: TestServer;
  let call: Call;
  let thanhtra: string, cchc: string;
  let district: string, tienYen: string;

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database);
    call = caller(s);
    [thanhtra, cchc] = await Promise.all([s.login('thanhtra'), s.login('cchc')]);
    [district, tienYen] = await Promise.all([s.unitId('Huyện Tiên Yên'), s.unitId('Xã Tiên Yên')]);
  });
  after(() => s.close());

  test('seeding is idempotent and audited', async () => {
    assert.equal((await seedDemoReform(s.database)).seeded, false);
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'seed.demo.reform'`);
    assert.equal(rows[0].n, 1);
  });

  test('Huyện Tiên Yên 2021 – June 2025: 200+ documents, 19 initiatives applied, 17 integrated + 80 surprise inspections, 272 classes, 9,330 trainees, 900+ sent, 55 disciplined (37 district, 18 commune)', async () => {
    const res = await call('GET', `/api/v1/reform/summary?unitId=${district}&from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`, thanhtra);
    assert.equal(res.statusCode, 200, res.body);
    const x = res.json();
    assert.equal(x.documents.issued, DEMO_TOTALS.documents);
    assert.ok(x.documents.issued > 200);
    assert.equal(x.initiatives.applied, 19);
    assert.deepEqual([x.inspections.integrated, x.inspections.surprise], [17, 80]);
    assert.deepEqual([x.training.classes, x.training.trainees], [272, 9330]);
    assert.ok(x.training.sentToCourses > 900);
    assert.deepEqual([x.discipline.total, x.discipline.byLevel.district, x.discipline.byLevel.commune], [55, 37, 18]);
    assert.equal(x.eId.eIdLinked, 0, 'no official is linked to an e-ID in the demo');
  });

  test('the PAR history: 2021 89.53 (8/13), 2023 87.45 (5/13), 2024 92.62 (3/13, excellent)', async () => {
    const res = await call('GET', `/api/v1/par/trend?unitId=${district}`, thanhtra);
    assert.equal(res.statusCode, 200, res.body);
    const got = res.json().points.map((p: { year: number; finalPoints: number; rank: number; of: number; classification: { code: string } }) => ({ year: p.year, score: p.finalPoints, rank: p.rank, of: p.of, cls: p.classification.code }));
    assert.deepEqual(got, TIEN_YEN_PAR.map((p) => ({ year: p.year, score: p.score, rank: p.rank, of: p.of, cls: p.year === 2024 ? 'excellent' : 'good' })));
  });

  test('the 2024 ranking lists 13 localities; the 12 peers are marked illustrative; ties among peers share a rank', async () => {
    const [f] = (await call('GET', '/api/v1/par/frameworks?year=2024&targetLevel=district', thanhtra)).json();
    const r = (await call('GET', `/api/v1/par/frameworks/${f.id}/ranking`, cchc)).json();
    assert.equal(r.rows.length, 13);
    assert.equal(r.provisional, false);
    assert.deepEqual(r.rows.filter((x: { illustrative: boolean }) => !x.illustrative).map((x: { localityName: string; rank: number }) => [x.localityName, x.rank]), [['Huyện Tiên Yên', 3]]);
    const tied = r.rows.filter((x: { tied: boolean }) => x.tied);
    assert.deepEqual(tied.map((x: { rank: number }) => x.rank), [9, 9]);
    assert.equal(r.rows.at(-1).rank, 13);
  });

  test('the new commune’s trend shows the district it continues, then its own 2025 self-assessment in progress', async () => {
    const res = await call('GET', `/api/v1/par/trend?unitId=${tienYen}`, cchc);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().points.map((p: { year: number; localityName: string; status: string }) => [p.year, p.localityName, p.status]), [
      [2021, 'Huyện Tiên Yên', 'published'],
      [2023, 'Huyện Tiên Yên', 'published'],
      [2024, 'Huyện Tiên Yên', 'published'],
      [2025, 'Xã Tiên Yên', 'draft'],
    ]);
    const only = await call('GET', `/api/v1/par/trend?unitId=${tienYen}&includePredecessors=false`, cchc);
    assert.equal(only.json().points.length, 1);
  });

  test('e-ID coverage is computed from accounts: the commune’s official accounts, and those used in 30 days', async () => {
    const res = await call('GET', `/api/v1/reform/summary?unitId=${tienYen}`, cchc);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().eId.officialAccounts, 5, 'quantri.tienyen, motcua, chuyenvien, lanhdao, cchc');
    assert.ok(res.json().eId.activeLast30Days >= 1, 'cchc signed in');
    assert.equal(res.json().eId.coverage, 0);
    assert.match(res.json().eId.note, /e-ID/);
    // An administrator links chuyenvien's ID number for e-ID sign-in: 1 of 5 official accounts, 20 %.
    await s.database.query(`INSERT INTO portal_official_ids (user_id, id_number) VALUES ($1, '022090011111')`, [await s.userId('chuyenvien')]);
    const linked = await call('GET', `/api/v1/reform/summary?unitId=${tienYen}`, cchc);
    assert.deepEqual([linked.json().eId.eIdLinked, linked.json().eId.coverage], [1, 20]);
  });

  test('the summary is scoped: 403 for the commune officer on the district, 401, 400 on a bad unit', async () => {
    assert.equal((await call('GET', `/api/v1/reform/summary?unitId=${district}`, cchc)).statusCode, 403);
    assert.equal((await call('GET', `/api/v1/reform/summary?unitId=${district}`)).statusCode, 401);
    assert.deepEqual(fieldsOf(await call('GET', '/api/v1/reform/summary?unitId=00000000-0000-4000-8000-000000000000', thanhtra)), ['unitId']);
    assert.deepEqual(fieldsOf(await call('GET', `/api/v1/reform/summary?unitId=${district}&from=2021-13-01`, thanhtra)), ['from']);
  });

  test('the 2025 commune ranking from criterion scores: Xã Tiên Yên is still self-assessing (85.50, 4th of 4)', async () => {
    const [f] = (await call('GET', '/api/v1/par/frameworks?year=2025', cchc)).json();
    const r = (await call('GET', `/api/v1/par/frameworks/${f.id}/ranking`, cchc)).json();
    assert.deepEqual(r.rows.map((x: { localityName: string; finalPoints: number; rank: number }) => [x.localityName, x.finalPoints, x.rank]), [
      ['Xã Đông Ngũ', 92.75, 1],
      ['Xã Hải Lạng', 91, 2],
      ['Xã Điền Xá', 88.4, 3],
      ['Xã Tiên Yên', 85.5, 4],
    ]);
    const list = await call('GET', `/api/v1/reform-tasks?assigneeUnitId=${tienYen}`, cchc);
    assert.equal(list.json().total, 3);
    const meta = await call('GET', '/api/v1/reform/meta', cchc);
    assert.equal(meta.json().sanctions.reprimand.vi, 'Khiển trách');
  });
});
