import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { caller, count, fieldsOf, upload, workbook, type Call } from '../test-helpers.ts';

const HEAD = ['Mã', 'Nội dung', 'Điểm tối đa', 'Phương pháp', 'Số liệu tự động', 'Hướng dẫn chấm điểm'];
const BAND_HEAD = ['Mã xếp loại', 'Từ chỉ số', 'Tên (vi)', 'Tên (en)', 'Tên (fr)'];
/** The worked fixture (20 points) as a sheet. */
const GOOD = [
  HEAD,
  ['1', 'Công tác chỉ đạo, điều hành', 10, '', '', ''],
  ['1.1', 'Kế hoạch CCHC', 4, 'Tự đánh giá', 'training.trainees', 'Đủ: 4 điểm'],
  ['1.2', 'Kiểm tra CCHC', 6, '', '', ''],
  ['1.2.1', 'Tỷ lệ đơn vị được kiểm tra', '3', '', '', ''],
  ['1.2.2', 'Xử lý sau kiểm tra', '3,0', '', '', ''],
  ['2', 'Tác động (điều tra XHH)', 10, '', '', ''],
  ['2.1', 'Hài lòng của người dân', 10, 'Điều tra xã hội học', '', ''],
];

describe('Excel import of a PAR criteria tree', () => {
  let s: TestServer;
  let call: Call;
  let thanhtra: string, cchc: string;
  let province: string;
  const url = (year: number, extra = '') => `/api/v1/par/frameworks/import?provinceUnitId=${province}&year=${year}&targetLevel=commune&name=${encodeURIComponent(`Bộ chỉ số ${year}`)}&maxPoints=20${extra}`;
  const criteriaRows = () => count(s, 'SELECT count(*) AS n FROM par_criteria');

  before(async () => {
    s = await startTestServer();
    call = caller(s);
    [thanhtra, cchc] = await Promise.all([s.login('thanhtra'), s.login('cchc')]);
    province = await s.unitId('Tỉnh Quảng Ninh');
  });
  after(() => s.close());

  test('imports the tree and the province’s own bands as a draft framework; audited', async () => {
    const file = await workbook({ TieuChi: GOOD, XepLoai: [BAND_HEAD, ['excellent', 95, 'Xuất sắc', 'Excellent', ''], ['good', 85, 'Tốt', '', ''], ['other', 0, 'Còn lại', '', '']] });
    const res = await upload(s, url(2031), thanhtra, file);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual({ ...(res.json() as object), frameworkId: undefined }, { dryRun: false, frameworkId: undefined, criteria: 7, bands: 3 });
    const fw = (await call('GET', `/api/v1/par/frameworks/${res.json().frameworkId}`, cchc)).json();
    assert.equal(fw.status, 'draft');
    assert.deepEqual(fw.criteria.map((c: { code: string; level: string; maxPoints: number; method: string }) => [c.code, c.level, c.maxPoints, c.method]), [
      ['1', 'area', 10, 'self'],
      ['1.1', 'criterion', 4, 'self'],
      ['1.2', 'criterion', 6, 'self'],
      ['1.2.1', 'sub_criterion', 3, 'self'],
      ['1.2.2', 'sub_criterion', 3, 'self'],
      ['2', 'area', 10, 'self'],
      ['2.1', 'criterion', 10, 'survey'],
    ]);
    assert.equal(fw.criteria[1].liveFigureKey, 'training.trainees');
    assert.deepEqual(fw.bands.map((b: { code: string; minIndex: number; label: { fr: string } }) => [b.code, b.minIndex, b.label.fr]), [['excellent', 95, 'Xuất sắc'], ['good', 85, 'Tốt'], ['other', 0, 'Còn lại']]);
    assert.equal((await s.auditFor(fw.id))[0].action, 'par.framework.import');
    const again = await upload(s, url(2031), thanhtra, file);
    assert.equal(again.statusCode, 409, 'the year exists');
  });

  test('a workbook with bad rows is refused whole: one error per bad cell, nothing half-imported', async () => {
    const before = await criteriaRows();
    const file = await workbook({
      TieuChi: [
        HEAD,
        ['1', 'Chỉ đạo', 10, '', '', ''],
        ['1.1', '', 4, '', '', ''],
        ['1.2', 'Điểm sai', 'sáu', '', '', ''],
        ['1.1', 'Trùng mã', 1, '', '', ''],
        ['3.1', 'Không có mục cha', 1, '', '', ''],
        ['2', 'Phương pháp lạ', 10, 'phỏng vấn', '', ''],
        ['2.1', 'Số liệu lạ', 10, '', 'dossiers.magic', ''],
        ['x.y', 'Mã sai', 1, '', '', ''],
      ],
    });
    const res = await upload(s, url(2032), thanhtra, file);
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(fieldsOf(res), ['TieuChi!A5', 'TieuChi!A6', 'TieuChi!A9', 'TieuChi!B3', 'TieuChi!C4', 'TieuChi!D7', 'TieuChi!E8'].sort());
    assert.match(res.json().errors.find((e: { field: string }) => e.field === 'TieuChi!A6').message, /mục cha/);
    const en = await s.app.inject({ method: 'POST', url: url(2032), headers: { cookie: thanhtra, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'accept-language': 'en' }, payload: file });
    assert.match(en.json().errors.find((e: { field: string }) => e.field === 'TieuChi!C4').message, /row 4, column C \(Điểm tối đa\): must be a non-negative number/);
    assert.equal(await count(s, 'SELECT count(*) AS n FROM par_frameworks WHERE year = 2032'), 0);
    assert.equal(await criteriaRows(), before);
  });

  test('sums are checked: children must add up to their parent and the areas to the maximum', async () => {
    const rows = GOOD.map((r) => [...r]);
    rows[5][2] = 2.5; // 1.2.2: 3 + 2.5 ≠ 6
    const res = await upload(s, url(2033), thanhtra, await workbook({ TieuChi: rows }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(fieldsOf(res), ['TieuChi!C4']);
    const areas = await upload(s, url(2033).replace('maxPoints=20', 'maxPoints=100'), thanhtra, await workbook({ TieuChi: GOOD }));
    assert.deepEqual(fieldsOf(areas), ['TieuChi!C2']);
    assert.match(areas.json().errors[0].message, /20.*100/);
  });

  test('wrong headers, a file that is not Excel, a JSON body', async () => {
    const wrong = await upload(s, url(2034), thanhtra, await workbook({ TieuChi: [['Mã', 'Tên', 'Điểm tối đa', 'Phương pháp', 'Số liệu tự động', 'Hướng dẫn chấm điểm'], ['1', 'x', 20, '', '', '']] }));
    assert.deepEqual(fieldsOf(wrong), ['TieuChi!B1']);
    const junk = await upload(s, url(2034), thanhtra, Buffer.from('not a workbook'));
    assert.deepEqual(fieldsOf(junk), ['file']);
    const json = await s.app.inject({ method: 'POST', url: url(2034), headers: { cookie: thanhtra }, payload: { a: 1 } });
    assert.equal(json.statusCode, 415);
  });

  test('dryRun checks without writing; 401 without a session, 403 to a commune reform officer', async () => {
    const file = await workbook({ TieuChi: GOOD });
    const dry = await upload(s, url(2035, '&dryRun=true'), thanhtra, file);
    assert.deepEqual(dry.json(), { dryRun: true, frameworkId: null, criteria: 7, bands: 5 });
    assert.equal(await count(s, 'SELECT count(*) AS n FROM par_frameworks WHERE year = 2035'), 0);
    assert.equal((await upload(s, url(2035), undefined, file)).statusCode, 401);
    assert.equal((await upload(s, url(2035), cchc, file)).statusCode, 403);
  });

  test('export then import as next year gives the same tree', async () => {
    const [fw] = (await call('GET', '/api/v1/par/frameworks?year=2031', thanhtra)).json();
    const xlsx = await s.app.inject({ url: `/api/v1/par/frameworks/${fw.id}/export`, headers: { cookie: thanhtra } });
    assert.equal(xlsx.statusCode, 200);
    const res = await upload(s, url(2036), thanhtra, xlsx.rawPayload);
    assert.equal(res.statusCode, 200, res.body);
    const next = (await call('GET', `/api/v1/par/frameworks/${res.json().frameworkId}`, thanhtra)).json();
    const shape = (f: { criteria: Array<{ code: string; title: string; maxPoints: number; method: string; liveFigureKey: string | null; guidance: string | null }> }) => f.criteria.map((c) => [c.code, c.title, c.maxPoints, c.method, c.liveFigureKey, c.guidance]);
    assert.deepEqual(shape(next), shape((await call('GET', `/api/v1/par/frameworks/${fw.id}`, thanhtra)).json()));
    assert.equal(next.bands.length, 3);
    const template = await s.app.inject({ url: '/api/v1/par/frameworks/template.xlsx', headers: { cookie: cchc } });
    assert.equal(template.statusCode, 200);
    assert.match(String(template.headers['content-type']), /spreadsheetml/);
  });
});
