import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { todayVn } from '../../platform/clock.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { parseProcedureWorkbook, writeProcedureWorkbook } from './procedures.excel.ts';
import { makeUnitResolver } from './procedures.import.ts';
import { allVersionsInForce, unitNames } from './procedures.repository.ts';
import { XLSX_TYPE } from './procedures.routes.ts';
import { pickContent } from './procedures.versions.ts';
import { seedCatalogue } from './test-helpers.ts';

describe('Excel import and export', () => {
  let s: TestServer;
  let cchc: string;
  let tienYen: string;
  let haiLang: string;
  const count = async (sql: string) => Number((await s.database.query(sql)).rows[0].n);
  const snapshot = async () => ({
    procedures: await count('SELECT count(*) AS n FROM procedures'),
    versions: await count('SELECT count(*) AS n FROM procedure_versions'),
    audit: await count('SELECT count(*) AS n FROM audit_log'),
  });
  const importFile = (buf: Buffer, unitId: string, cookie = cchc, extra = '') =>
    s.app.inject({ method: 'POST', url: `/api/v1/procedures/import?ownerUnitId=${unitId}${extra}`, headers: { cookie, 'content-type': XLSX_TYPE }, payload: buf });
  const exportFile = async (query: string) => {
    const res = await s.app.inject({ url: `/api/v1/procedures/export?${query}`, headers: { cookie: cchc } });
    assert.equal(res.statusCode, 200, res.body);
    return res.rawPayload;
  };
  /** Opens a workbook, lets `edit` change it, and returns the new file. */
  const editWorkbook = async (buf: Buffer, edit: (wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    edit(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const rowOf = (wb: ExcelJS.Workbook, code: string) => {
    let found = 0;
    wb.getWorksheet('ThuTuc')!.eachRow((r, n) => {
      if (r.getCell('A').value === code) found = n;
    });
    return found;
  };

  before(async () => {
    s = await startTestServer();
    const ids = await seedCatalogue(s);
    tienYen = ids.get('n_tien_yen')!;
    haiLang = ids.get('n_hai_lang')!;
    cchc = await s.login('cchc');
  });
  after(() => s.close());

  test('round trip: the catalogue written to a workbook reads back identical', async () => {
    const rows = await allVersionsInForce(s.database.db, { asOf: todayVn(), status: 'all' });
    assert.ok(rows.length >= 50);
    const names = await unitNames(s.database.db, rows.flatMap((r) => r.implementingUnitIds));
    const source = rows.map((r) => ({ code: r.code, effectiveFrom: r.effectiveFrom, changeNote: null, content: pickContent(r as never) }));
    const buf = await writeProcedureWorkbook(source, (id) => names.get(id) ?? '');
    const back = await parseProcedureWorkbook(buf, await makeUnitResolver(s.database.db), todayVn());
    assert.deepEqual(back.errors, []);
    assert.deepEqual(
      back.rows.map(({ row: _row, ...r }) => r),
      source,
    );
  });

  test('exports an .xlsx file to a signed-in user; 401 without a session', async () => {
    const res = await s.app.inject({ url: `/api/v1/procedures/export?ownerUnitId=${tienYen}`, headers: { cookie: cchc } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], XLSX_TYPE);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="thu-tuc-hanh-chinh-/);
    assert.equal((await s.app.inject({ url: '/api/v1/procedures/export' })).statusCode, 401);
  });

  test('re-importing the exported catalogue changes nothing', async () => {
    const buf = await exportFile(`ownerUnitId=${tienYen}`);
    const before = await snapshot();
    const res = await importFile(buf, tienYen);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 0);
    assert.equal(res.json().versioned, 0);
    assert.ok(res.json().unchanged >= 50);
    assert.deepEqual(await snapshot(), before);
  });

  test('a changed row becomes a new version and a new code a new procedure; dry run stores nothing', async () => {
    const buf = await editWorkbook(await exportFile(`ownerUnitId=${tienYen}&q=${encodeURIComponent('đăng ký kết hôn')}`), (wb) => {
      const ws = wb.getWorksheet('ThuTuc')!;
      const r = rowOf(wb, 'TY-HT-02');
      ws.getCell(`L${r}`).value = 1;
      ws.getCell(`T${r}`).value = todayVn();
      ws.getCell(`U${r}`).value = 'Thêm 1 ngày xác minh';
      const n = ws.rowCount + 1;
      ws.getRow(n).values = ['TY-NEW-01', '', '', 'Xác nhận hộ gia đình làm nông nghiệp', '', '', 'Nông nghiệp', 'Xã', 'Xã Tiên Yên', 'Luật Trồng trọt', '', '5', 'ngày làm việc', '', '', 'partial', 'Giấy xác nhận', '', 'active', '01/01/2026', ''];
      const docs = wb.getWorksheet('ThanhPhanHoSo')!;
      docs.getRow(docs.rowCount + 1).values = ['TY-NEW-01', 1, 'Đơn đề nghị xác nhận', 'Bản chính', 1, 'Don.docx', ''];
      const fees = wb.getWorksheet('PhiLePhi')!;
      fees.getRow(fees.rowCount + 1).values = ['TY-NEW-01', 'Lệ phí xác nhận', '1.000', ''];
    });
    const before = await snapshot();
    const dry = await importFile(buf, tienYen, cchc, '&dryRun=true');
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual([dry.json().dryRun, dry.json().created, dry.json().versioned], [true, 1, 1]);
    assert.deepEqual(await snapshot(), before);

    const res = await importFile(buf, tienYen);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().created, res.json().versioned], [1, 1]);
    const versioned = res.json().rows.find((r: { code: string }) => r.code === 'TY-HT-02');
    const detail = (await s.app.inject({ url: `/api/v1/procedures/${versioned.procedureId}` })).json();
    assert.deepEqual(detail.processingTime, { value: 1, unit: 'working_day' });
    assert.equal(detail.changeNote, 'Thêm 1 ngày xác minh');
    assert.equal(detail.source, 'import');
    const created = res.json().rows.find((r: { code: string }) => r.code === 'TY-NEW-01');
    const newOne = (await s.app.inject({ url: `/api/v1/procedures/${created.procedureId}` })).json();
    assert.equal(newOne.field, 'agriculture');
    assert.equal(newOne.fees[0].amount, 1000);
    assert.equal(newOne.effectiveFrom, '2026-01-01');
    const after = await snapshot();
    assert.deepEqual([after.procedures - before.procedures, after.versions - before.versions, after.audit - before.audit], [1, 2, 2]);
    assert.equal((await s.auditFor(created.procedureId))[0].action, 'procedure.create');
  });

  test('bad rows are reported with sheet, row and column, and nothing is imported, not even the good rows', async () => {
    let at = { n: 0, fees: 0, steps: 0 };
    const buf = await editWorkbook(await exportFile(`ownerUnitId=${tienYen}&q=${encodeURIComponent('khai tử')}`), (wb) => {
      const ws = wb.getWorksheet('ThuTuc')!;
      const n = ws.rowCount + 1;
      // A good new row, then bad ones.
      ws.getRow(n).values = ['TY-GOOD-01', '', '', 'Thủ tục hợp lệ', '', '', 'other', 'commune', tienYen, '', '', 2, 'working_day', '', '', 'none', 'Văn bản', '', 'active', '', ''];
      ws.getRow(n + 1).values = ['TY-BAD-01', '1.23', '', 'Thủ tục lỗi', '', '', 'Thiên văn', 'commune', 'Xã Không Có', '', '', 'ba', 'working_day', '', '', 'none', 'Văn bản', '', 'active', '31/02/2026', ''];
      ws.getRow(n + 2).values = ['TY-GOOD-01', '', '', 'Trùng mã', '', '', 'other', 'commune', tienYen, '', '', 2, 'working_day', '', '', 'none', '', '', 'active', '', ''];
      const fees = wb.getWorksheet('PhiLePhi')!;
      fees.getRow(fees.rowCount + 1).values = ['TY-GOOD-01', 'Phí', '10.5', ''];
      const steps = wb.getWorksheet('QuyTrinh')!;
      steps.getRow(steps.rowCount + 1).values = ['TY-NOPE', 'receive', '', 'counter_officer', 'service_center', 100];
      at = { n, fees: fees.rowCount, steps: steps.rowCount };
    });
    const { n, fees, steps } = at;
    const before = await snapshot();
    const res = await importFile(buf, tienYen);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, 'VALIDATION_FAILED');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    assert.deepEqual(fields, [`ThuTuc!B${n + 1}`, `ThuTuc!G${n + 1}`, `ThuTuc!I${n + 1}`, `ThuTuc!L${n + 1}`, `ThuTuc!T${n + 1}`, `ThuTuc!A${n + 2}`, `ThuTuc!Q${n + 2}`, `PhiLePhi!C${fees}`, `QuyTrinh!A${steps}`]);
    assert.match(res.json().errors[2].message, /Xã Không Có/);
    assert.match(res.json().errors[3].message, /dòng \d+, cột L \(Thời hạn giải quyết\)/);
    assert.deepEqual(await snapshot(), before);
    assert.equal(await count(`SELECT count(*) AS n FROM procedures WHERE code = 'TY-GOOD-01'`), 0);
  });

  test('answers in English when asked', async () => {
    const buf = await editWorkbook(await exportFile(`ownerUnitId=${tienYen}&q=${encodeURIComponent('khai tử')}`), (wb) => {
      wb.getWorksheet('ThuTuc')!.getCell('L2').value = 'x';
    });
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/procedures/import?ownerUnitId=${tienYen}`, headers: { cookie: cchc, 'content-type': XLSX_TYPE, 'accept-language': 'en' }, payload: buf });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].message, 'ThuTuc row 2, column L (Thời hạn giải quyết): must be a number');
  });

  test('refuses a file that is not a workbook (400), a JSON body (415), other roles and units (403), anonymous (401)', async () => {
    const junk = await importFile(Buffer.from('not an excel file'), tienYen);
    assert.equal(junk.statusCode, 400);
    assert.equal(junk.json().errors[0].field, 'file');
    const json = await s.app.inject({ method: 'POST', url: `/api/v1/procedures/import?ownerUnitId=${tienYen}`, headers: { cookie: cchc }, payload: { rows: [] } });
    assert.equal(json.statusCode, 415);
    const buf = await exportFile(`ownerUnitId=${tienYen}`);
    assert.equal((await importFile(buf, tienYen, await s.login('motcua'))).statusCode, 403);
    assert.equal((await importFile(buf, haiLang)).statusCode, 403);
    assert.equal((await s.app.inject({ method: 'POST', url: `/api/v1/procedures/import?ownerUnitId=${tienYen}`, headers: { 'content-type': XLSX_TYPE }, payload: buf })).statusCode, 401);
    const missing = await s.app.inject({ method: 'POST', url: '/api/v1/procedures/import', headers: { cookie: cchc, 'content-type': XLSX_TYPE }, payload: buf });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors[0].field, 'ownerUnitId');
  });
});
