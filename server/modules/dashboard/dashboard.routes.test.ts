import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { computeLiveFigure } from '../reform/par/live-figures.ts';
import { REPORT_JOB, runReport } from './reports.ts';
import { insertDossier, transferDossier } from './test-helpers.ts';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * Fixture (hand-computed figures below):
 *   former Thị trấn Tiên Yên (until 30/6/2025, under Huyện Tiên Yên; merged into Xã Tiên Yên):
 *     D1 received 03/03 counter, result ready 05/03 early
 *     D2 received 04/03 online, finished 10/03 late, returned 11/03 with a digitised result
 *     D3 received 20/03 counter, still open, due 25/03; moved to Xã Tiên Yên on 01/07 (re-organisation)
 *   former Xã Hải Lạng: D4 received 10/03 online, finished 12/03 on time
 *   Xã Tiên Yên (from 1/7/2025): D5 received 04/08 counter at its Phòng Kinh tế, finished 06/08 early;
 *     D6 received 01/09 online, withdrawn 02/09; D7 received 28/11 counter, open, due 01/12 10:00 (due soon at
 *     the end of November); D8 received 01/11 counter, open, due 15/12 (on track); D9 received 01/10 online,
 *     waiting for a supplement (clock stopped) with −30 minutes left (overdue).
 */
describe('dashboard API', () => {
  let s: TestServer;
  let cookie: Record<string, string>;
  const u: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const get = (url: string, who: string | null = 'lanhdao') => s.app.inject({ method: 'GET', url, headers: who ? { cookie: cookie[who] } : {} });

  before(async () => {
    s = await startTestServer();
    cookie = {};
    for (const name of ['lanhdao', 'thanhtra', 'motcua', 'cchc', 'admin']) cookie[name] = await s.login(name);
    const unit = async (name: string, current: boolean) =>
      String((await s.database.query(`SELECT id FROM units WHERE name = $1 AND (valid_to IS NULL) = $2 ORDER BY valid_from LIMIT 1`, [name, current])).rows[0].id);
    u.province = await unit('Tỉnh Quảng Ninh', true);
    u.district = await unit('Huyện Tiên Yên', false);
    u.ttOld = await unit('Thị trấn Tiên Yên', false);
    u.hlOld = await unit('Xã Hải Lạng', false);
    u.ty = await unit('Xã Tiên Yên', true);
    u.hl = await unit('Xã Hải Lạng', true);
    u.tyKt = String((await s.database.query(`SELECT id FROM units WHERE parent_id = $1 AND name = 'Phòng Kinh tế'`, [u.ty])).rows[0].id);
    const db = s.database;
    ids.D1 = await insertDossier(db, { code: 'D1', competent: u.ttOld, status: 'result_ready', receivedAt: vn('2025-03-03T08:00'), finishedAt: vn('2025-03-05T15:00'), outcome: 'early', dueAt: vn('2025-03-06T17:00'), remaining: 600, docs: [[true, true, true]] });
    ids.D2 = await insertDossier(db, { code: 'D2', competent: u.ttOld, channel: 'online', status: 'returned', receivedAt: vn('2025-03-04T09:00'), finishedAt: vn('2025-03-10T10:00'), outcome: 'late', returnedAt: vn('2025-03-11T09:00'), resultSha: 'b'.repeat(64), dueAt: vn('2025-03-07T17:00'), remaining: -480, docs: [[true, true, false]] });
    ids.D3 = await insertDossier(db, { code: 'D3', competent: u.ttOld, status: 'in_process', receivedAt: vn('2025-03-20T08:00'), dueAt: vn('2025-03-25T17:00'), remaining: -2000 });
    ids.D4 = await insertDossier(db, { code: 'D4', competent: u.hlOld, channel: 'online', status: 'result_ready', receivedAt: vn('2025-03-10T08:00'), finishedAt: vn('2025-03-12T16:00'), outcome: 'on_time', dueAt: vn('2025-03-12T17:00'), remaining: 60 });
    ids.D5 = await insertDossier(db, { code: 'D5', competent: u.tyKt, reception: u.ty, status: 'result_ready', receivedAt: vn('2025-08-04T08:00'), finishedAt: vn('2025-08-06T10:00'), outcome: 'early', dueAt: vn('2025-08-07T17:00'), remaining: 900, budget: 1440 });
    ids.D6 = await insertDossier(db, { code: 'D6', competent: u.ty, channel: 'online', status: 'withdrawn', receivedAt: vn('2025-09-01T08:00'), finishedAt: vn('2025-09-02T08:00'), dueAt: vn('2025-09-04T17:00'), remaining: 1000 });
    ids.D7 = await insertDossier(db, { code: 'D7', competent: u.ty, status: 'in_process', receivedAt: vn('2025-11-28T08:00'), dueAt: vn('2025-12-01T10:00'), remaining: 200 });
    ids.D8 = await insertDossier(db, { code: 'D8', competent: u.ty, status: 'in_process', receivedAt: vn('2025-11-01T08:00'), dueAt: vn('2025-12-15T17:00'), remaining: 5000 });
    ids.D9 = await insertDossier(db, { code: 'D9', competent: u.ty, channel: 'online', status: 'awaiting_supplement', receivedAt: vn('2025-10-01T08:00'), dueAt: null, running: false, remaining: -30 });
  });
  after(() => s.close());

  test('past "then" figures do not change when re-organisation moves an open dossier; "today" maps them onto the successor', async () => {
    const march = `/api/v1/dashboard?unitId=${u.province}&from=2025-03-01&to=2025-03-31&units=then`;
    const beforeMove = await get(march, 'thanhtra');
    assert.equal(beforeMove.statusCode, 200, beforeMove.body);
    await transferDossier(s.database, ids.D3, u.ty, vn('2025-07-01T07:00'));
    const afterMove = await get(march, 'thanhtra');
    assert.deepEqual(afterMove.json().figures, beforeMove.json().figures);
    assert.deepEqual(afterMove.json().comparison, beforeMove.json().comparison);
    const district = afterMove.json().comparison.find((c: { unitId: string }) => c.unitId === u.district);
    // Huyện Tiên Yên in March 2025: received D1–D4; finished D1 early, D2 late, D4 on time; D3 open overdue at 31/3.
    assert.deepEqual(
      { received: district.figures.received, early: district.figures.early, onTime: district.figures.onTime, late: district.figures.late, openOverdue: district.figures.openOverdue, onTimeRate: district.figures.onTimeRate },
      { received: 4, early: 1, onTime: 1, late: 1, openOverdue: 1, onTimeRate: 0.5 },
    );
    // The new communes did not exist in March: not compared "as then".
    assert.equal(afterMove.json().comparison.some((c: { unitId: string }) => c.unitId === u.ty), false);

    const today = (await get(`/api/v1/dashboard?unitId=${u.province}&from=2025-03-01&to=2025-03-31&units=today`, 'thanhtra')).json();
    const ty = today.comparison.find((c: { unitId: string }) => c.unitId === u.ty);
    const hl = today.comparison.find((c: { unitId: string }) => c.unitId === u.hl);
    assert.deepEqual([ty.figures.received, ty.figures.finished, ty.figures.openOverdue], [3, 2, 1]);
    assert.deepEqual([hl.figures.received, hl.figures.finished], [1, 1]);
    assert.equal(today.comparison.some((c: { unitId: string }) => c.unitId === u.district), false);
  });

  test('figures of a commune with its sub-units match the hand count; the drill-down lists the dossiers behind each', async () => {
    const res = await get(`/api/v1/dashboard?unitId=${u.ty}&from=2025-07-01&to=2025-11-30`);
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    const f = d.figures;
    assert.deepEqual(
      [f.received, f.receivedCounter, f.receivedOnline, f.finished, f.early, f.onTime, f.late, f.apart, f.openOnTrack, f.openDueSoon, f.openOverdue],
      [5, 3, 2, 1, 1, 0, 0, 1, 1, 1, 2],
    );
    assert.equal(f.onTimeRate, 1 / 3);
    assert.equal(f.onTimeRateFinishedOnly, 1);
    assert.equal(f.onlineRate, 2 / 5);
    assert.equal(f.avgUsedMinutes, 1440 - 900);
    assert.equal(d.asOf, vn('2025-12-01T00:00'));
    assert.deepEqual(d.trend.map((t: { month: string; received: number }) => [t.month, t.received]), [['2025-07', 0], ['2025-08', 1], ['2025-09', 1], ['2025-10', 1], ['2025-11', 2]]);
    const kt = d.comparison.find((c: { unitId: string }) => c.unitId === u.tyKt);
    assert.equal(kt.figures.finished, 1);
    assert.equal(d.satisfaction.status, 'available');
    assert.equal(d.feedback.status, 'available');
    assert.equal(d.procedures[0].received, 5);

    const codes = async (measure: string) => {
      const r = await get(`/api/v1/dashboard/dossiers?unitId=${u.ty}&from=2025-07-01&to=2025-11-30&measure=${measure}`);
      assert.equal(r.statusCode, 200, r.body);
      return { total: r.json().total, codes: r.json().items.map((i: { code: string }) => i.code).sort() };
    };
    assert.deepEqual(await codes('open_overdue'), { total: 2, codes: ['D3', 'D9'] });
    assert.deepEqual(await codes('open_due_soon'), { total: 1, codes: ['D7'] });
    assert.deepEqual(await codes('received_online'), { total: 2, codes: ['D6', 'D9'] });
    assert.deepEqual(await codes('early'), { total: 1, codes: ['D5'] });
    assert.deepEqual(await codes('apart'), { total: 1, codes: ['D6'] });
    const paged = await get(`/api/v1/dashboard/dossiers?unitId=${u.ty}&from=2025-07-01&to=2025-11-30&measure=received&limit=2&offset=4`);
    assert.deepEqual([paged.json().total, paged.json().items.length], [5, 1]);
  });

  test('a year "as then" counts only the new commune; "today" adds the former communes merged into it', async () => {
    const then = (await get(`/api/v1/dashboard?unitId=${u.ty}&from=2025-01-01&to=2025-12-31&units=then`)).json();
    const today = (await get(`/api/v1/dashboard?unitId=${u.ty}&from=2025-01-01&to=2025-12-31&units=today`)).json();
    assert.deepEqual([then.figures.received, then.figures.finished], [5, 1]);
    assert.deepEqual([today.figures.received, today.figures.finished, today.figures.late], [8, 3, 1]);
    assert.deepEqual([today.figures.digitisation.returned, today.figures.digitisation.resultsDigitised], [1, 1]);
  });

  test('refuses bad input, anonymous callers, officials without dashboard.read and other units', async () => {
    const q = `from=2025-01-01&to=2025-12-31`;
    assert.equal((await get(`/api/v1/dashboard?${q}`, null)).statusCode, 401);
    assert.equal((await get(`/api/v1/dashboard?${q}`, 'motcua')).statusCode, 403);
    const other = await get(`/api/v1/dashboard?unitId=${u.province}&${q}`);
    assert.equal(other.statusCode, 403);
    assert.equal((await get(`/api/v1/dashboard/dossiers?unitId=${u.hl}&${q}&measure=received`)).statusCode, 403);
    const bad = await get(`/api/v1/dashboard?from=2025-02-30&to=2025-12-31`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
    const reversed = await get(`/api/v1/dashboard?from=2025-12-01&to=2025-01-01`);
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().errors[0].field, 'to');
    assert.equal((await get(`/api/v1/dashboard?${q}&units=yesterday`)).statusCode, 400);
    assert.equal((await get(`/api/v1/dashboard/dossiers?${q}&measure=everything`)).statusCode, 400);
    assert.equal((await get(`/api/v1/dashboard?unitId=00000000-0000-4000-8000-000000000000&${q}`, 'admin')).statusCode, 404);
  });

  test('the default unit is the caller’s own', async () => {
    const r = await get(`/api/v1/dashboard?from=2025-07-01&to=2025-11-30`);
    assert.equal(r.json().unit.id, u.ty);
  });

  test('every table exports to Excel with the numbers shown', async () => {
    const base = `unitId=${u.ty}&from=2025-07-01&to=2025-11-30`;
    const d = (await get(`/api/v1/dashboard?${base}`)).json();
    const read = async (url: string) => {
      const r = await get(url);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const fig = await read(`/api/v1/dashboard/export.xlsx?${base}&table=figures`);
    const value = (label: string) => (fig.getSheetValues().find((row) => Array.isArray(row) && row[1] === label) as unknown[] | undefined)?.[2];
    assert.equal(value('Hồ sơ tiếp nhận'), d.figures.received);
    assert.equal(value('Đang xử lý: quá hạn'), d.figures.openOverdue);
    assert.equal(value('Tỷ lệ trước hạn, đúng hạn'), d.figures.onTimeRate);
    const cmp = await read(`/api/v1/dashboard/export.xlsx?${base}&table=comparison`);
    assert.equal(cmp.getRow(cmp.rowCount).getCell(2).value, d.figures.received);
    const trend = await read(`/api/v1/dashboard/export.xlsx?${base}&table=trend`);
    assert.deepEqual([trend.getRow(6).getCell(1).value, trend.getRow(6).getCell(2).value], ['11/2025', 2]);
    await read(`/api/v1/dashboard/export.xlsx?${base}&table=procedures`);
    const list = await read(`/api/v1/dashboard/export.xlsx?${base}&table=dossiers&measure=open_overdue`);
    assert.equal(list.name, 'Đang xử lý quá hạn');
    assert.deepEqual([list.getRow(2).getCell(2).value, list.getRow(3).getCell(2).value].sort(), ['D3', 'D9']);
    assert.equal((await get(`/api/v1/dashboard/export.xlsx?${base}&table=dossiers`)).statusCode, 400);
  });

  test('a report is queued (audited, job sent), generated in the background and downloaded by its requester only', async () => {
    const post = (format: string, who = 'lanhdao', unitId = u.ty) =>
      s.app.inject({ method: 'POST', url: '/api/v1/dashboard/reports', headers: { cookie: cookie[who] }, payload: { unitId, from: '2025-01-01', to: '2025-12-31', units: 'today', format } });
    assert.equal((await post('xlsx', 'lanhdao', u.province)).statusCode, 403);
    assert.equal((await post('docx')).statusCode, 400);
    assert.equal((await s.database.query(`SELECT count(*)::int AS c FROM dashboard_reports`)).rows[0].c, 0);
    const res = await post('xlsx');
    assert.equal(res.statusCode, 202, res.body);
    const rep = res.json();
    assert.equal(rep.status, 'queued');
    assert.equal(rep.downloadUrl, null);
    const audit = await s.auditFor(rep.id);
    assert.equal(audit[0].action, 'dashboard.report.request');
    const job = await s.database.query(`SELECT data FROM pgboss.job WHERE name = $1`, [REPORT_JOB]);
    assert.deepEqual(job.rows.map((r) => r.data), [{ reportId: rep.id }]);
    const early = await get(`/api/v1/dashboard/reports/${rep.id}/file`);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().detail, 'Báo cáo đang chờ lập; vui lòng tải về sau ít phút');
    const earlyEn = await s.app.inject({ url: `/api/v1/dashboard/reports/${rep.id}/file`, headers: { cookie: cookie.lanhdao, 'accept-language': 'en' } });
    assert.equal(earlyEn.json().detail, 'the report is queued; download it in a few minutes');

    await runReport(s.database, rep.id);
    const ready = (await get(`/api/v1/dashboard/reports/${rep.id}`)).json();
    assert.equal(ready.status, 'ready');
    const file = await get(ready.downloadUrl);
    assert.equal(file.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 4), ['Tổng hợp', 'So sánh đơn vị', 'Theo tháng', 'Theo thủ tục']);
    const total = wb.worksheets[0].getSheetValues().find((row) => Array.isArray(row) && row[1] === 'Hồ sơ tiếp nhận');
    assert.equal((total as unknown[])[2], 8);
    assert.equal((await get(`/api/v1/dashboard/reports/${rep.id}`, 'thanhtra')).statusCode, 404);
    assert.equal((await get(`/api/v1/dashboard/reports`)).json().items.length, 1);

    const pdf = (await post('pdf')).json();
    await runReport(s.database, pdf.id);
    const bytes = (await get(`/api/v1/dashboard/reports/${pdf.id}/file`)).rawPayload;
    const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
    writeFileSync(join(dir, 'r.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /XÃ TIÊN YÊN/);
    assert.match(text, /Kỳ báo cáo: từ ngày 01\/01\/2025 đến ngày 31\/12\/2025/);
    assert.match(text, /Hồ sơ tiếp nhận\s+8/);
  });

  test('the Decision 766 index ranks the sub-units; the public scoreboard needs no sign-in', async () => {
    const r = await get(`/api/v1/dashboard/index766?unitId=${u.province}&from=2025-03-01&to=2025-03-31&units=today`, 'thanhtra');
    assert.equal(r.statusCode, 200, r.body);
    const idx = r.json();
    assert.equal(idx.version.code, '766-dvcqg-2022');
    const g2 = (x: { groups: Array<{ code: string; indicators: Array<{ code: string; points: number | null; status: string }> }> }) => x.groups.find((g) => g.code === '2')!.indicators.find((i) => i.code === '2.1')!;
    const hl = idx.ranking.find((x: { unitId: string }) => x.unitId === u.hl);
    const ty = idx.ranking.find((x: { unitId: string }) => x.unitId === u.ty);
    assert.equal(g2(hl).points, 20);
    assert.equal(g2(ty).points, 6.67);
    assert.equal(idx.total.groups.find((g: { code: string }) => g.code === '1').indicators[0].status, 'not_available');
    const pub = await get(`/api/v1/public/index766?period=2025-Q1&unitId=${u.province}`, null);
    assert.equal(pub.statusCode, 200, pub.body);
    assert.equal(pub.json().from, '2025-01-01');
    assert.equal(pub.json().to, '2025-03-31');
    assert.equal((await get(`/api/v1/public/index766?period=2025-13`, null)).statusCode, 400);
  });

  test('registers the PAR live figures of the dossiers', async () => {
    const q = { db: s.database.db, rootUnitId: u.ty, from: '2025-07-01', to: '2025-11-30' };
    const onTime = await computeLiveFigure('dossiers.on_time_rate', q);
    assert.deepEqual([onTime.status, onTime.value], ['available', 33.33]);
    assert.equal((await computeLiveFigure('dossiers.online_rate', q)).value, 40);
  });
});
