import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, count, fieldsOf, upload, workbook, type Call } from '../test-helpers.ts';

const HEAD = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Năm sinh', 'Kết quả'];

describe('training: classes, attendance import, external courses', () => {
  let s: TestServer;
  let call: Call;
  let admin: string, cchc: string, lanhdao: string;
  let tienYen: string, haiLang: string;
  let cls: { id: string; version: number };
  const lines = () => count(s, 'SELECT count(*) AS n FROM training_attendance WHERE class_id = $1', [cls.id]);
  const importUrl = (q: string) => `/api/v1/training/classes/${cls.id}/attendance?${q}`;

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [admin, cchc, lanhdao] = await Promise.all(['admin', 'cchc', 'lanhdao'].map((u) => s.login(u)));
    [tienYen, haiLang] = await Promise.all(['Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
  });
  after(() => s.close());

  test('records a class (audited); trainees = the reported headcount while there is no list; 400; 403; 401', async () => {
    const body = { unitId: tienYen, title: 'Kỹ năng số hoá hồ sơ', organiser: 'UBND xã Tiên Yên', level: 'commune', startOn: '2026-05-12', endOn: '2026-05-13', reportedParticipants: 40 };
    const res = await call('POST', '/api/v1/training/classes', cchc, body);
    assert.equal(res.statusCode, 201, res.body);
    cls = res.json();
    assert.deepEqual([res.json().trainees, res.json().attendanceCount], [40, 0]);
    assert.equal((await s.auditFor(cls.id))[0].action, 'training.class.create');
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/training/classes', cchc, { ...body, endOn: '2026-05-01' })), ['endOn']);
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/training/classes', cchc, { ...body, level: 'nation', reportedParticipants: -1 })), ['level', 'reportedParticipants']);
    assert.equal((await call('POST', '/api/v1/training/classes', cchc, { ...body, unitId: haiLang })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/training/classes', lanhdao, body)).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/training/classes', undefined, body)).statusCode, 401);
  });

  test('imports the attendance list from Excel: the list replaces the headcount, absentees are not trainees; audited', async () => {
    const file = await workbook({
      DiemDanh: [
        HEAD,
        [1, 'Nguyễn Văn An', 'Công chức', 'UBND xã Tiên Yên', 1985, 'Đạt'],
        [2, 'Trần Thị Bình', 'Viên chức', 'Trung tâm PVHCC', '1990', 'đạt'],
        [3, 'Lê Minh Cường', '', 'Thôn Khe Tâm', '', ''],
        [4, 'Hoàng Thị Dung', 'Công chức', 'UBND xã Tiên Yên', 1979, 'Không đạt'],
        [5, 'Vũ Văn Em', 'Công chức', 'UBND xã Tiên Yên', 1988, 'Vắng'],
      ],
    });
    const res = await upload(s, importUrl('version=1'), cchc, file);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().imported, res.json().replaced, res.json().class.trainees, res.json().class.attendanceCount, res.json().class.version], [5, 0, 4, 5, 2]);
    assert.equal((await s.auditFor(cls.id))[0].action, 'training.attendance.import');
    const detail = await call('GET', `/api/v1/training/classes/${cls.id}`, lanhdao);
    assert.deepEqual(detail.json().attendance.map((a: { fullName: string; result: string | null; birthYear: number | null }) => [a.fullName, a.result, a.birthYear]), [
      ['Nguyễn Văn An', 'passed', 1985],
      ['Trần Thị Bình', 'passed', 1990],
      ['Lê Minh Cường', null, null],
      ['Hoàng Thị Dung', 'failed', 1979],
      ['Vũ Văn Em', 'absent', 1988],
    ]);
    cls = { ...cls, version: 2 };
  });

  test('a list with bad rows is refused whole, one error per bad cell; the existing list stays as it was', async () => {
    const file = await workbook({
      DiemDanh: [
        HEAD,
        [1, 'Nguyễn Văn An', 'Công chức', 'UBND xã Tiên Yên', 1985, 'Đạt'],
        [2, '', 'Công chức', 'UBND xã Tiên Yên', 1985, 'Đạt'],
        [3, 'Trần Văn Bình', 'Công chức', 'UBND xã Tiên Yên', 'năm 85', 'Đạt'],
        [4, 'Lê Thị Cúc', 'Công chức', 'UBND xã Tiên Yên', 1999, 'Giỏi'],
        [5, 'Nguyễn Văn An', 'Công chức', 'UBND xã Tiên Yên', 1985, ''],
        [6, 'Phạm Văn Đông', 'Công chức', 'UBND xã Tiên Yên', 1992, 'Đạt'],
      ],
    });
    const res = await upload(s, importUrl('version=2&replace=true'), cchc, file);
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(fieldsOf(res), ['DiemDanh!B3', 'DiemDanh!B6', 'DiemDanh!E4', 'DiemDanh!F5']);
    assert.match(res.json().errors.find((e: { field: string }) => e.field === 'DiemDanh!B6').message, /dòng 2/);
    assert.equal(await lines(), 5, 'nothing half-imported, nothing deleted');
    const v = await call('GET', `/api/v1/training/classes/${cls.id}`, cchc);
    assert.equal(v.json().version, 2);
  });

  test('an existing list is replaced only on request (409), with the version read (409 when stale)', async () => {
    const file = await workbook({ Sheet1: [HEAD, [1, 'Đỗ Văn Giang', 'Công chức', 'UBND xã Tiên Yên', 1991, 'Đạt'], [2, 'Bùi Thị Hạnh', 'Công chức', 'UBND xã Tiên Yên', 1993, 'Đạt']] });
    const kept = await upload(s, importUrl('version=2'), cchc, file);
    assert.equal(kept.statusCode, 409);
    assert.equal(kept.json().detail, 'Lớp đã có danh sách học viên (5 người); chọn thay thế nếu muốn nhập danh sách mới');
    const stale = await upload(s, importUrl('version=1&replace=true'), cchc, file);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().detail, 'Lớp bồi dưỡng vừa được người khác cập nhật (phiên bản 2, bạn đang xem phiên bản 1); vui lòng tải lại');
    const dry = await upload(s, importUrl('version=2&replace=true&dryRun=true'), cchc, file);
    assert.deepEqual(dry.json(), { dryRun: true, imported: 2, replaced: 5, class: null });
    assert.equal(await lines(), 5);
    const ok = await upload(s, importUrl('version=2&replace=true'), cchc, file);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().replaced, ok.json().class.trainees], [5, 2]);
    assert.equal(await lines(), 2);
  });

  test('import refused to another commune (403), without a session (401), for an unknown class (404), for a non-Excel file (400)', async () => {
    const file = await workbook({ DiemDanh: [HEAD, [1, 'A', '', '', '', '']] });
    const other = await call('POST', '/api/v1/training/classes', admin, { unitId: haiLang, title: 'Lớp Hải Lạng', organiser: 'UBND xã Hải Lạng', level: 'commune', startOn: '2026-05-12', endOn: '2026-05-12' });
    assert.equal((await upload(s, `/api/v1/training/classes/${other.json().id}/attendance?version=1`, cchc, file)).statusCode, 403);
    assert.equal((await upload(s, importUrl('version=3&replace=true'), undefined, file)).statusCode, 401);
    assert.equal((await upload(s, '/api/v1/training/classes/00000000-0000-4000-8000-000000000000/attendance?version=1', cchc, file)).statusCode, 404);
    assert.deepEqual(fieldsOf(await upload(s, importUrl('version=3&replace=true'), cchc, Buffer.from('PK-not-really'))), ['file']);
    assert.equal((await call('GET', `/api/v1/training/classes/${other.json().id}`, cchc)).statusCode, 403);
    const tpl = await s.app.inject({ url: '/api/v1/training/attendance-template.xlsx', headers: { cookie: cchc } });
    assert.equal(tpl.statusCode, 200);
    const own = await s.app.inject({ url: `/api/v1/training/classes/${cls.id}/attendance.xlsx`, headers: { cookie: cchc } });
    const back = await upload(s, importUrl('version=3&replace=true&dryRun=true'), cchc, own.rawPayload);
    assert.equal(back.json().imported, 2, 'the exported list imports back');
  });

  test('officials sent to external courses; the stats add classes, trainees and officials sent', async () => {
    const ext = await call('POST', '/api/v1/training/external', cchc, { unitId: tienYen, fullName: 'Phạm Thị Lan', position: 'Công chức Văn phòng', course: 'Bồi dưỡng quản lý nhà nước ngạch chuyên viên', organiser: 'Trường Chính trị Nguyễn Văn Cừ', location: 'in_province', startOn: '2026-06-01', endOn: '2026-06-30' });
    assert.equal(ext.statusCode, 201, ext.body);
    assert.equal((await s.auditFor(ext.json().id))[0].action, 'training.external.create');
    assert.deepEqual(fieldsOf(await call('POST', '/api/v1/training/external', cchc, { unitId: tienYen, fullName: 'x', course: 'x', organiser: 'x', location: 'abroad', startOn: '2026-06-01' })), ['location']);
    const stats = await call('GET', `/api/v1/training/stats?unitId=${tienYen}&from=2026-01-01&to=2026-12-31`, lanhdao);
    assert.deepEqual({ ...stats.json(), unitId: undefined }, { unitId: undefined, classes: 1, trainees: 2, sentToCourses: 1 });
    assert.ok((await call('GET', '/api/v1/training/external?year=2026', cchc)).json().items.some((x: { id: string }) => x.id === ext.json().id));
    const patch = await call('PATCH', `/api/v1/training/classes/${cls.id}`, cchc, { version: 1, location: 'x' });
    assert.equal(patch.statusCode, 409);
  });
});
