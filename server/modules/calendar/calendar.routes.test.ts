import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { calendarBuildCount } from './calendar.builder.ts';
import { getWorkCalendarFor, onCalendarChanged, seedCalendar, type CalendarChangedEvent } from './calendar.service.ts';
import { XLSX_MIME, readScheduleWorkbook, scheduleWorkbook } from './calendar.xlsx.ts';
import { addWorkingTime } from './working-time.ts';
import { fmt, vn } from './test-helpers.ts';

/** Fixture: the installation seed does not call seedCalendar yet, so the tests store the default calendar themselves. */
async function startCalendarServer(): Promise<TestServer> {
  const s = await startTestServer();
  await s.database.transaction((tx) => seedCalendar(tx));
  return s;
}

describe('calendar API', () => {
  let s: TestServer;
  let admin: string;
  let communeAdmin: string;
  let counter: string;
  let citizen: string;
  let tienYen: string;
  let tienYenCenter: string;
  let haiLang: string;
  const events: CalendarChangedEvent[] = [];
  let unsubscribe: () => void;

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, cookie?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    s.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (sql: string) => Number((await s.database.query(sql)).rows[0].n);
  /** What a refused change must leave untouched. */
  const stored = async () => ({
    versions: await count('SELECT count(*)::int AS n FROM calendar_versions'),
    layers: await count('SELECT coalesce(sum(version), 0)::int AS n FROM calendars'),
    days: await count('SELECT count(*)::int AS n FROM calendar_schedule_days'),
    settings: await count('SELECT count(*)::int AS n FROM calendar_settings'),
    rules: await count('SELECT count(*)::int AS n FROM calendar_holiday_rules'),
    audit: await count(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'calendar.%'`),
  });
  const lastAudit = async () => {
    const { rows } = await s.database.query(`SELECT action, actor_id, unit_id, subject_id, before, after FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY seq DESC LIMIT 1`);
    return rows[0] as { action: string; actor_id: string | null; unit_id: string | null; subject_id: string; before: unknown; after: { explanation: { calendarVersion: number; changedDates: string[]; changedDateCount: number } } };
  };
  const currentVersion = async () => count('SELECT max(number)::int AS n FROM calendar_versions');
  const deadline = (unitId: string, start: string, value: number, unit = 'working_day', extra: Record<string, unknown> = {}, lang = 'vi') =>
    call('POST', '/api/v1/calendar/deadline', counter, { unitId, start, duration: { value, unit }, ...extra }, { 'accept-language': lang });

  before(async () => {
    s = await startCalendarServer();
    [admin, communeAdmin, counter, citizen] = await Promise.all([s.login('admin'), s.login('quantri.tienyen'), s.login('motcua'), s.login('congdan')]);
    tienYen = await s.unitId('Xã Tiên Yên');
    tienYenCenter = await s.unitId('Trung tâm Phục vụ hành chính công xã Tiên Yên');
    haiLang = await s.unitId('Xã Hải Lạng');
    unsubscribe = onCalendarChanged((e) => {
      events.push(e);
    });
  });
  after(async () => {
    unsubscribe();
    await s.close();
  });

  describe('seed', () => {
    test('stores version 1 once, with its audit row; a second call does nothing', async () => {
      assert.equal(await s.database.transaction((tx) => seedCalendar(tx)), false);
      assert.equal(await currentVersion(), 1);
      assert.equal(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.seed'`), 1);
      assert.equal(await count('SELECT count(*)::int AS n FROM calendar_holiday_rules'), 7);
    });
  });

  describe('GET /api/v1/calendar/years/:year', () => {
    test('2026: holidays, the Tết block, the compensatory Monday after Hùng Kings on Sunday, and 250 working days', async () => {
      const res = await call('GET', '/api/v1/calendar/years/2026', counter);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.calendarVersion, 1);
      assert.equal(body.workingDayCount, 250);
      const byDate = new Map(body.days.map((d: { date: string }) => [d.date, d]));
      assert.deepEqual(
        ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => (byDate.get(d) as { kind: string }).kind),
        Array(5).fill('holiday'),
      );
      assert.match((byDate.get('2026-02-16') as { source: string }).source, /9441\/TB-BNV/);
      assert.equal((byDate.get('2026-04-26') as { reason: string }).reason, 'Giỗ Tổ Hùng Vương');
      assert.equal((byDate.get('2026-04-27') as { kind: string }).kind, 'compensatory');
      // National Day's adjacent day 2026 is not verified: flagged.
      assert.equal((byDate.get('2026-09-03') as { confirmed: boolean }).confirmed, false);
      assert.deepEqual(body.weeklyDaysOff, [6, 0]);
      assert.equal(body.cutoff, '16:00');
    });

    test('2025: the make-up Saturday and the swapped Friday carry their entry id and source; reasons in the request language', async () => {
      const res = await call('GET', '/api/v1/calendar/years/2025', counter, undefined, { 'accept-language': 'en' });
      const days = res.json().days as Array<{ date: string; kind: string; reason: string; entryId: string | null; layerUnitId: string | null }>;
      const sat = days.find((d) => d.date === '2025-04-26')!;
      assert.equal(sat.kind, 'makeup_working_day');
      assert.ok(sat.entryId);
      assert.equal(sat.layerUnitId, null);
      assert.equal(sat.reason, 'Make-up working day for Friday 02/05/2025');
      assert.equal(days.find((d) => d.date === '2025-05-02')!.kind, 'announced_day_off');
      const fr = await call('GET', '/api/v1/calendar/years/2025', counter, undefined, { 'accept-language': 'fr' });
      assert.equal(fr.json().days.find((d: { date: string }) => d.date === '2025-01-29').reason, 'Nouvel An lunaire (Tết)');
    });

    test('a commune without its own settings shows the national calendar it inherits', async () => {
      const res = await call('GET', `/api/v1/calendar/years/2026?unitId=${tienYen}`, counter);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().settingsFrom.unitId, null);
      assert.equal(res.json().workingDayCount, 250);
    });

    test('returns 400 naming the field for a malformed year or unit id, and for an unknown unit', async () => {
      const a = await call('GET', '/api/v1/calendar/years/abc', counter);
      assert.equal(a.statusCode, 400);
      assert.equal(a.json().errors[0].field, 'year');
      const b = await call('GET', '/api/v1/calendar/years/2026?unitId=nope', counter);
      assert.equal(b.statusCode, 400);
      assert.equal(b.json().errors[0].field, 'unitId');
      const c = await call('GET', '/api/v1/calendar/years/2026?unitId=00000000-0000-4000-8000-000000000000', counter);
      assert.equal(c.statusCode, 400);
      assert.deepEqual(c.json().errors[0], { field: 'unitId', code: 'not_found', message: 'Đơn vị không tồn tại' });
    });

    test('returns 422 DEADLINE_RULE for a year outside the calendar', async () => {
      const res = await call('GET', '/api/v1/calendar/years/2100', counter, undefined, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'DEADLINE_RULE');
      assert.equal(res.json().errors[0].field, 'year');
      assert.match(res.json().errors[0].message, /outside the working calendar \(2013–2050\)/);
      assert.equal(res.json().detail, 'The date is outside the working calendar (2013–2050).');
      const vi = await call('GET', '/api/v1/calendar/years/2100', counter);
      assert.equal(vi.json().detail, 'Ngày nằm ngoài phạm vi của lịch làm việc (2013–2050).');
    });

    test('returns 401 without a session and 403 to a citizen', async () => {
      assert.equal((await call('GET', '/api/v1/calendar/years/2026')).statusCode, 401);
      assert.equal((await call('GET', '/api/v1/calendar/years/2026', citizen)).statusCode, 403);
    });
  });

  describe('POST /api/v1/calendar/deadline — worked examples', () => {
    test('received just before the 16:00 cut-off (Wed 15:59): counted at once, 1 working day → Thu 15:59', async () => {
      const res = await deadline(tienYen, '2025-03-12T15:59:00+07:00', 1);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().dueLocal, '2025-03-13 15:59');
      assert.equal(res.json().due, '2025-03-13T08:59:00.000Z');
      assert.match(res.json().steps[0], /trong giờ làm việc: bắt đầu tính ngay/);
      assert.equal(res.json().calendarVersion, 1);
    });

    test('received just after it (Wed 16:10): counted from Thu 07:30, 1 working day → Fri 07:30 (= end of Thursday)', async () => {
      const res = await deadline(tienYen, '2025-03-12T16:10:00+07:00', 1);
      assert.equal(res.json().dueLocal, '2025-03-14 07:30');
      assert.equal(res.json().steps[0], 'Tiếp nhận lúc 16:10 Thứ Tư 12/03/2025, sau giờ chốt nhận hồ sơ 16:00 → tính từ 07:30 Thứ Năm 13/03/2025.');
    });

    test('eve of Tết 2026 (Fri 13/2 16:10, 3 working days): Tết skipped → Thu 26/2 07:30, explained', async () => {
      const res = await deadline(tienYen, '2026-02-13T16:10:00+07:00', 3);
      assert.equal(res.json().dueLocal, '2026-02-26 07:30');
      assert.deepEqual(res.json().steps, [
        'Tiếp nhận lúc 16:10 Thứ Sáu 13/02/2026, sau giờ chốt nhận hồ sơ 16:00 → tính từ 07:30 Thứ Hai 23/02/2026.',
        'Thời hạn giải quyết: 3 ngày làm việc.',
        'Ngày nghỉ không tính — Tết Âm lịch: 16/02–20/02/2026.',
        'Không tính 4 ngày nghỉ hằng tuần.',
        'Hạn trả kết quả: 07:30 Thứ Năm 26/02/2026 (tương đương hết giờ làm việc 17:00 Thứ Tư 25/02/2026).',
      ]);
    });

    test('eve of Tết 2025 (Fri 24/1 09:00, 3 working days) → Wed 5/2 09:00, in English', async () => {
      const res = await deadline(tienYen, '2025-01-24T09:00:00+07:00', 3, 'working_day', {}, 'en');
      assert.equal(res.json().dueLocal, '2025-02-05 09:00');
      assert.ok(res.json().steps.includes('Days off not counted — Lunar New Year (Tết): 27/01–31/01/2025.'));
    });

    test('received on the make-up Saturday 26/4/2025 09:00, 3 working days → Mon 5/5 09:00; the make-up day is counted', async () => {
      const res = await deadline(tienYen, '2025-04-26T09:00:00+07:00', 3);
      assert.equal(res.json().dueLocal, '2025-05-05 09:00');
      assert.ok(res.json().steps.some((st: string) => st.startsWith('Có tính ngày làm bù Thứ Bảy 26/04/2025')));
    });

    test('working hours and calendar days', async () => {
      assert.equal((await deadline(tienYen, '2025-03-12T10:00:00+07:00', 8, 'working_hour')).json().dueLocal, '2025-03-13 10:30');
      const days = await deadline(tienYen, '2025-03-10T09:00:00+07:00', 5, 'day');
      assert.equal(days.json().dueLocal, '2025-03-17 09:00');
      assert.match(days.json().steps.join(' '), /là ngày nghỉ/);
      const skipping = await deadline(tienYen, '2025-01-24T09:00:00+07:00', 8, 'day', { skipListedDaysOff: true });
      assert.equal(skipping.json().dueLocal, '2025-02-06 09:00');
    });

    test('repeated computations reuse the built calendar (no build per call)', async () => {
      await deadline(tienYen, '2025-03-12T09:00:00+07:00', 2);
      const builds = calendarBuildCount();
      for (let i = 0; i < 5; i++) assert.equal((await deadline(haiLang, '2025-03-12T09:00:00+07:00', i)).statusCode, 200);
      assert.equal(calendarBuildCount(), builds);
    });

    test('returns 422 DEADLINE_RULE naming duration.value for a negative or quarter-day duration, in the request language', async () => {
      const neg = await deadline(tienYen, '2025-03-12T09:00:00+07:00', -1, 'working_day', {}, 'fr');
      assert.equal(neg.statusCode, 422);
      assert.equal(neg.json().code, 'DEADLINE_RULE');
      assert.equal(neg.json().errors[0].field, 'duration.value');
      assert.match(neg.json().errors[0].message, /^Délai invalide \(-1\)/);
      assert.equal(neg.json().detail, neg.json().errors[0].message);
      const quarter = await deadline(tienYen, '2025-03-12T09:00:00+07:00', 0.25);
      assert.equal(quarter.statusCode, 422);
      assert.equal(quarter.json().errors[0].field, 'duration.value');
    });

    test('returns 400 naming start for a malformed or impossible date, and unitId for an unknown unit', async () => {
      for (const start of ['2025-02-30T09:00:00+07:00', 'yesterday', '2025-03-12T09:00:00']) {
        const res = await deadline(tienYen, start, 1);
        assert.equal(res.statusCode, 400, start);
        assert.equal(res.json().errors[0].field, 'start');
      }
      const unknown = await deadline('00000000-0000-4000-8000-000000000000', '2025-03-12T09:00:00+07:00', 1);
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'unitId');
      const unit = await call('POST', '/api/v1/calendar/deadline', counter, { unitId: tienYen, start: '2025-03-12T09:00:00+07:00', duration: { value: 1, unit: 'week' } });
      assert.equal(unit.json().errors[0].field, 'duration.unit');
    });

    test('returns 422 naming start for a receipt outside the calendar years, and 400 for an unknown calendar version', async () => {
      const res = await deadline(tienYen, '2060-03-12T09:00:00+07:00', 1);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].field, 'start');
      const v = await deadline(tienYen, '2025-03-12T09:00:00+07:00', 1, 'working_day', { calendarVersion: 999 });
      assert.equal(v.statusCode, 400);
      assert.equal(v.json().errors[0].field, 'calendarVersion');
    });

    test('returns 401 without a session', async () => {
      const res = await call('POST', '/api/v1/calendar/deadline', undefined, { unitId: tienYen, start: '2025-03-12T09:00:00+07:00', duration: { value: 1, unit: 'working_day' } });
      assert.equal(res.statusCode, 401);
    });
  });

  describe('a late change of the schedule (versioning)', () => {
    test('an extra national day off: the old version keeps its deadline, the new one moves it, the hook fires, the audit explains', async () => {
      // Tue 25/8/2026 10:00 + 5 working days: Wed 26, Thu 27, Fri 28, Mon 31, Tue 1/9 → Tue 1/9 10:00 (2/9, 3/9 off).
      const v1 = await currentVersion();
      const beforeChange = await deadline(tienYen, '2026-08-25T10:00:00+07:00', 5);
      assert.equal(beforeChange.json().dueLocal, '2026-09-01 10:00');
      const changedAt = new Date();
      events.length = 0;

      const add = await call('POST', '/api/v1/calendar/years/2026/entries', admin, {
        date: '2026-08-31',
        kind: 'day_off',
        reason: { vi: 'Nghỉ thêm dịp Quốc khánh (giả định)', en: 'Extra National Day break (hypothetical)' },
        source: 'Thông báo giả định số 1/TB-TEST',
        changeReason: 'Thông báo bổ sung lịch nghỉ Quốc khánh 2026',
      });
      assert.equal(add.statusCode, 201, add.body);
      assert.equal(add.json().calendarVersion, v1 + 1);
      assert.deepEqual(add.json().changedDates, ['2026-08-31']);
      assert.equal(add.json().entry.reason.fr, 'Nghỉ thêm dịp Quốc khánh (giả định)');

      // New version: Tue 1/9 (4), 2/9 and 3/9 off, Fri 4/9 (5) → Fri 4/9 10:00.
      const now = await deadline(tienYen, '2026-08-25T10:00:00+07:00', 5);
      assert.equal(now.json().dueLocal, '2026-09-04 10:00');
      assert.equal(now.json().calendarVersion, v1 + 1);
      assert.ok(now.json().steps.includes('Ngày nghỉ không tính — Nghỉ thêm dịp Quốc khánh (giả định): 31/08/2026.'));
      // The version used before the change still gives the stored deadline.
      const old = await deadline(tienYen, '2026-08-25T10:00:00+07:00', 5, 'working_day', { calendarVersion: v1 });
      assert.equal(old.json().dueLocal, '2026-09-01 10:00');
      assert.equal(old.json().calendarVersion, v1);
      // getWorkCalendarFor by instant: the version in force when the dossier was received.
      const atReceipt = await getWorkCalendarFor(s.database.db, tienYen, changedAt);
      assert.equal(atReceipt.version.number, v1);
      assert.equal(fmt(addWorkingTime(atReceipt.work, vn('2026-08-25 10:00'), { value: 5, unit: 'working_day' })), '2026-09-01 10:00');

      assert.equal(events.length, 1);
      assert.equal(events[0].version, v1 + 1);
      assert.equal(events[0].previousVersion, v1);
      assert.equal(events[0].unitId, null);
      assert.deepEqual(events[0].changedDates, ['2026-08-31']);
      assert.equal(events[0].recomputeOpenDeadlines, false);
      assert.equal(events[0].action, 'entry.add');

      const audit = await lastAudit();
      assert.equal(audit.action, 'calendar.entry.add');
      assert.equal(audit.actor_id, await s.userId('admin'));
      assert.equal(audit.unit_id, null);
      assert.equal(audit.after.explanation.calendarVersion, v1 + 1);
      assert.deepEqual(audit.after.explanation.changedDates, ['2026-08-31']);
      const version = (await s.database.query('SELECT reason, changes FROM calendar_versions WHERE number = $1', [v1 + 1])).rows[0] as { reason: string; changes: { details: Array<{ date: string; before: { working: boolean }; after: { working: boolean; kind: string } }> } };
      assert.equal(version.reason, 'Thông báo bổ sung lịch nghỉ Quốc khánh 2026');
      assert.deepEqual(version.changes.details[0], { date: '2026-08-31', before: { working: true, kind: null, reason: null }, after: { working: false, kind: 'announced_day_off', reason: 'Nghỉ thêm dịp Quốc khánh (giả định)' } });
    });
  });

  describe('POST /api/v1/calendar/years/:year/entries', () => {
    test('returns 409 when the date already has an entry in that calendar, saying which in Vietnamese by default and in English on request; nothing stored', async () => {
      const was = await stored();
      const body = { date: '2026-08-31', kind: 'makeup_working_day', reason: { vi: 'x' }, source: 'x' };
      const res = await call('POST', '/api/v1/calendar/years/2026/entries', admin, body);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Ngày 31/08/2026 đã được ghi là ngày nghỉ trong lịch này; hãy xoá mục đó trước khi thêm mới');
      const en = await call('POST', '/api/v1/calendar/years/2026/entries', admin, body, { 'accept-language': 'en' });
      assert.equal(en.statusCode, 409);
      assert.equal(en.json().detail, '31/08/2026 already has an entry in this calendar (day off); remove it first');
      assert.deepEqual(await stored(), was);
    });

    test('returns 400 naming date when it is not in the year of the path, and 422 for a year outside the calendar', async () => {
      const a = await call('POST', '/api/v1/calendar/years/2026/entries', admin, { date: '2025-12-31', kind: 'day_off', reason: { vi: 'x' }, source: 'x' });
      assert.equal(a.statusCode, 400);
      assert.equal(a.json().errors[0].field, 'date');
      const b = await call('POST', '/api/v1/calendar/years/2051/entries', admin, { date: '2051-01-02', kind: 'day_off', reason: { vi: 'x' }, source: 'x' });
      assert.equal(b.statusCode, 422);
      assert.equal(b.json().code, 'DEADLINE_RULE');
      assert.equal(b.json().errors[0].field, 'date');
      const c = await call('POST', '/api/v1/calendar/years/2026/entries', admin, { date: '2026-13-01', kind: 'holiday', reason: {}, source: '' });
      assert.equal(c.statusCode, 400);
      assert.deepEqual(c.json().errors.map((e: { field: string }) => e.field).sort(), ['date', 'kind', 'reason.vi', 'source']);
    });

    test('returns 403 to a counter officer, and to a commune administrator writing the national or another commune\'s calendar', async () => {
      const was = await stored();
      const payload = { date: '2026-10-05', kind: 'day_off', reason: { vi: 'Nghỉ' }, source: 'QĐ' };
      assert.equal((await call('POST', '/api/v1/calendar/years/2026/entries', counter, { ...payload, unitId: tienYen })).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/calendar/years/2026/entries', communeAdmin, payload)).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/calendar/years/2026/entries', communeAdmin, { ...payload, unitId: haiLang })).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/calendar/years/2026/entries', undefined, payload)).statusCode, 401);
      assert.deepEqual(await stored(), was);
    });

    test('a commune administrator adds a local day off to their commune: it applies below it, not elsewhere', async () => {
      const res = await call('POST', '/api/v1/calendar/years/2026/entries', communeAdmin, { unitId: tienYen, version: 0, date: '2026-10-05', kind: 'day_off', reason: { vi: 'Nghỉ do bão (giả định)' }, source: 'QĐ giả định của UBND xã' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().version, 1);
      const center = (await call('GET', `/api/v1/calendar/years/2026?unitId=${tienYenCenter}`, counter)).json();
      const day = center.days.find((d: { date: string }) => d.date === '2026-10-05');
      assert.equal(day.kind, 'announced_day_off');
      assert.equal(day.layerUnitId, tienYen);
      const other = (await call('GET', `/api/v1/calendar/years/2026?unitId=${haiLang}`, counter)).json();
      assert.ok(!other.days.some((d: { date: string }) => d.date === '2026-10-05'));
      assert.equal(other.workingDayCount, center.workingDayCount + 1);
      const audit = await lastAudit();
      assert.equal(audit.unit_id, tienYen);
      assert.equal(audit.actor_id, await s.userId('quantri.tienyen'));
      assert.equal(events.at(-1)!.unitId, tienYen);
    });

    test('the same Idempotency-Key adds once and replays the first response', async () => {
      const headers = { 'idempotency-key': 'calendar-entry-2027-makeup-1' };
      const payload = { date: '2027-02-20', kind: 'makeup_working_day', reason: { vi: 'Làm bù (giả định)' }, source: 'TB giả định' };
      const a = await call('POST', '/api/v1/calendar/years/2027/entries', admin, payload, headers);
      const b = await call('POST', '/api/v1/calendar/years/2027/entries', admin, payload, headers);
      assert.equal(a.statusCode, 201, a.body);
      assert.equal(b.statusCode, 201);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(a.json().entry.id, b.json().entry.id);
      assert.equal(await count(`SELECT count(*)::int AS n FROM calendar_schedule_days WHERE date = '2027-02-20'`), 1);
    });

    test('returns 409 for a stale layer version', async () => {
      const res = await call('POST', '/api/v1/calendar/years/2026/entries', communeAdmin, { unitId: tienYen, version: 0, date: '2026-10-06', kind: 'day_off', reason: { vi: 'x' }, source: 'x' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Lịch làm việc của đơn vị vừa được người khác cập nhật (phiên bản 1, bạn đang xem 0); hãy tải lại');
    });
  });

  describe('DELETE /api/v1/calendar/years/:year/entries/:id', () => {
    const entryOn = async (date: string) => (await s.database.query('SELECT id FROM calendar_schedule_days WHERE date = $1 AND to_version IS NULL', [date])).rows[0].id as string;

    test('returns 404 for an unknown entry or the wrong year, 403 to a counter officer and to another commune, 409 when stale', async () => {
      const id = await entryOn('2026-10-05');
      assert.equal((await call('DELETE', '/api/v1/calendar/years/2026/entries/00000000-0000-4000-8000-000000000000', admin)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/v1/calendar/years/2025/entries/${id}`, admin)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/v1/calendar/years/2026/entries/${id}`, counter)).statusCode, 403);
      const hl = await s.login('motcua.hailang');
      assert.equal((await call('DELETE', `/api/v1/calendar/years/2026/entries/${id}`, hl)).statusCode, 403);
      assert.equal((await call('DELETE', `/api/v1/calendar/years/2026/entries/${id}?version=7`, communeAdmin)).statusCode, 409);
    });

    test('removes the entry, which stays in the history; the date is a working day again', async () => {
      const id = await entryOn('2026-10-05');
      const res = await call('DELETE', `/api/v1/calendar/years/2026/entries/${id}?version=1&changeReason=${encodeURIComponent('Huỷ nghỉ do bão')}`, communeAdmin);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().changedDates, ['2026-10-05']);
      const row = (await s.database.query('SELECT to_version FROM calendar_schedule_days WHERE id = $1', [id])).rows[0];
      assert.equal(row.to_version, res.json().calendarVersion);
      assert.equal((await lastAudit()).action, 'calendar.entry.remove');
      assert.equal((await call('DELETE', `/api/v1/calendar/years/2026/entries/${id}`, communeAdmin)).statusCode, 404);
    });
  });

  describe('GET/PUT /api/v1/calendar/settings', () => {
    const summerWinter = {
      sessionSets: [
        { name: 'summer', from: '04-15', to: '10-14', sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] },
        { name: 'winter', from: '10-15', to: '04-14', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] },
      ],
      weeklyDaysOff: [6, 0],
      cutoff: '15:00',
      recomputeOpenDeadlines: true,
    };

    test('the national settings are the defaults (cut-off 16:00, changes keep open deadlines)', async () => {
      const res = await call('GET', '/api/v1/calendar/settings', counter);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().own, true);
      assert.equal(res.json().settings.cutoff, '16:00');
      assert.equal(res.json().settings.recomputeOpenDeadlines, false);
      assert.deepEqual(res.json().settings.sessionSets[0].sessions, [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]);
    });

    test('a commune without its own settings inherits the national ones', async () => {
      const res = await call('GET', `/api/v1/calendar/settings?unitId=${haiLang}`, counter);
      assert.equal(res.json().own, false);
      assert.deepEqual(res.json().inheritedFrom, { unitId: null, name: 'Lịch chung toàn quốc' });
      assert.equal(res.json().version, 0);
    });

    test('returns 403 to a counter officer, and to a commune administrator for another commune or the national calendar; nothing stored', async () => {
      const was = await stored();
      assert.equal((await call('PUT', '/api/v1/calendar/settings', counter, { unitId: tienYen, version: 1, changeReason: 'x', settings: summerWinter })).statusCode, 403);
      assert.equal((await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: haiLang, version: 0, changeReason: 'x', settings: summerWinter })).statusCode, 403);
      const national = await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: null, version: 1, changeReason: 'x', settings: summerWinter });
      assert.equal(national.statusCode, 403);
      assert.equal(national.json().detail, 'Chỉ quản trị viên toàn hệ thống mới được thay đổi lịch làm việc chung toàn quốc');
      assert.equal((await call('PUT', '/api/v1/calendar/settings', undefined, { unitId: null, version: 1, changeReason: 'x', settings: summerWinter })).statusCode, 401);
      assert.deepEqual(await stored(), was);
    });

    test('returns 400 naming the bad fields, and for an unknown unit', async () => {
      const res = await call('PUT', '/api/v1/calendar/settings', admin, { unitId: tienYen, version: 1, changeReason: '', settings: { ...summerWinter, cutoff: '25:00', sessionSets: [] } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field).sort(), ['changeReason', 'settings.cutoff', 'settings.sessionSets']);
      const unknown = await call('PUT', '/api/v1/calendar/settings', admin, { unitId: '00000000-0000-4000-8000-000000000000', version: 0, changeReason: 'x', settings: summerWinter });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'unitId');
    });

    test('returns 422 for overlapping sessions and for a week without working day; nothing stored', async () => {
      const was = await stored();
      const overlap = await call('PUT', '/api/v1/calendar/settings', communeAdmin, {
        unitId: tienYen,
        version: 2,
        changeReason: 'x',
        settings: { ...summerWinter, sessionSets: [{ name: 'x', sessions: [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }] }] },
      });
      assert.equal(overlap.statusCode, 422);
      assert.equal(overlap.json().code, 'DEADLINE_RULE');
      assert.equal(overlap.json().errors[0].field, 'settings.sessionSets');
      const noWork = await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: tienYen, version: 2, changeReason: 'x', settings: { ...summerWinter, weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] } }, { 'accept-language': 'en' });
      assert.equal(noWork.statusCode, 422);
      assert.equal(noWork.json().errors[0].field, 'settings.weeklyDaysOff');
      assert.equal(noWork.json().errors[0].code, 'no_working_day');
      assert.match(noWork.json().errors[0].message, /leave the year 2013 without a single working day/);
      assert.deepEqual(await stored(), was);
    });

    test('refuses to drop the national settings (422)', async () => {
      const res = await call('PUT', '/api/v1/calendar/settings', admin, { unitId: null, version: 1, changeReason: 'x', settings: null });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'RULE_VIOLATED');
      assert.equal(res.json().detail, 'Lịch làm việc chung toàn quốc phải có cấu hình giờ làm việc; không thể bỏ cấu hình này');
    });

    test("a commune administrator sets their commune's summer/winter hours and a 15:00 cut-off; units below inherit them; 409 when stale", async () => {
      const res = await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: tienYen, version: 2, changeReason: 'QĐ giờ làm việc mùa hè, mùa đông', settings: summerWinter });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().sessionsChanged, true);
      assert.deepEqual(res.json().changedDates, []);
      const view = (await call('GET', `/api/v1/calendar/settings?unitId=${tienYenCenter}`, counter)).json();
      assert.equal(view.own, false);
      assert.equal(view.inheritedFrom.unitId, tienYen);
      assert.equal(view.settings.cutoff, '15:00');
      // 15:30 is after the commune's cut-off but before the national one.
      assert.equal((await deadline(tienYenCenter, '2025-03-12T15:30:00+07:00', 1)).json().dueLocal, '2025-03-14 07:30');
      assert.equal((await deadline(haiLang, '2025-03-12T15:30:00+07:00', 1)).json().dueLocal, '2025-03-13 15:30');
      // Summer hours start at 07:00.
      assert.equal((await deadline(tienYen, '2025-06-11T06:50:00+07:00', 0)).json().dueLocal, '2025-06-11 07:00');
      const audit = await lastAudit();
      assert.equal(audit.action, 'calendar.settings.update');
      assert.equal((audit.before as { settings: unknown }).settings, null);
      assert.equal(events.at(-1)!.recomputeOpenDeadlines, true);
      assert.equal(events.at(-1)!.sessionsChanged, true);
      const stale = await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: tienYen, version: 2, changeReason: 'x', settings: summerWinter });
      assert.equal(stale.statusCode, 409);
    });

    test('null drops the own settings: the commune inherits again', async () => {
      const res = await call('PUT', '/api/v1/calendar/settings', communeAdmin, { unitId: tienYen, version: 3, changeReason: 'Trở lại giờ chung', settings: null });
      assert.equal(res.statusCode, 200, res.body);
      const view = (await call('GET', `/api/v1/calendar/settings?unitId=${tienYen}`, counter)).json();
      assert.equal(view.own, false);
      assert.equal(view.settings.cutoff, '16:00');
      assert.equal(view.version, 4);
    });
  });

  describe('POST /api/v1/calendar/years/:year/import', () => {
    const day = (date: string, vi = 'Nghỉ (giả định)') => ({ date, reason: { vi }, source: 'Thông báo giả định 2027' });

    test('imports a year as JSON (days off, make-up days, a rule override) with its audit row', async () => {
      const res = await call('POST', '/api/v1/calendar/years/2027/import', admin, {
        changeReason: 'Thông báo lịch nghỉ năm 2027 (giả định)',
        daysOff: [day('2027-02-12', 'Nghỉ hoán đổi dịp Tết (giả định)')],
        makeUpWorkingDays: [day('2027-02-20', 'Làm bù (giả định)')],
        ruleOverrides: { 'national-day': { extraDays: 'before', source: 'Thông báo giả định 2027', confirmed: false } },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().daysOff, 1);
      assert.equal(res.json().makeUpWorkingDays, 1);
      assert.equal(res.json().ruleOverrides, 1);
      // National Day 2027 (Thu 2/9): adjacent day moves from Fri 3/9 to Wed 1/9.
      assert.deepEqual(res.json().changedDates, ['2027-02-12', '2027-09-01', '2027-09-03']);
      const y = (await call('GET', '/api/v1/calendar/years/2027', counter)).json();
      assert.equal(y.days.find((d: { date: string }) => d.date === '2027-02-20').kind, 'makeup_working_day');
      const audit = await lastAudit();
      assert.equal(audit.action, 'calendar.import');
      assert.equal(audit.after.explanation.changedDateCount, 3);
    });

    test('reports every bad row at once (400, field per row) and stores nothing', async () => {
      const was = await stored();
      const res = await call('POST', '/api/v1/calendar/years/2027/import', admin, {
        changeReason: 'x',
        daysOff: [day('2027-03-01'), day('2026-03-02'), day('2027-03-01')],
        makeUpWorkingDays: [day('2027-03-06')],
        ruleOverrides: { 'no-such-rule': { source: 'x', confirmed: true } },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort(), [
        'daysOff.1.date:not_in_year',
        'daysOff.2.date:duplicate',
        'ruleOverrides.no-such-rule:unknown_rule',
      ]);
      const malformed = await call('POST', '/api/v1/calendar/years/2027/import', admin, { changeReason: 'x', daysOff: [day('2027-02-30')] });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().errors[0].field, 'daysOff.0.date');
      assert.deepEqual(await stored(), was);
    });

    test('refuses a schedule that leaves 2027 with no working day (422) and stores nothing', async () => {
      const was = await stored();
      const weekdays: string[] = [];
      for (let d = new Date('2027-01-01T00:00:00Z'); d.getUTCFullYear() === 2027; d.setUTCDate(d.getUTCDate() + 1)) {
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) weekdays.push(d.toISOString().slice(0, 10));
      }
      const res = await call('POST', '/api/v1/calendar/years/2027/import', admin, { changeReason: 'x', daysOff: weekdays.map((d) => day(d)) }, { 'accept-language': 'vi' });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'DEADLINE_RULE');
      assert.deepEqual(res.json().errors[0], { field: 'daysOff', code: 'no_working_day', message: 'Thay đổi này làm năm 2027 không còn ngày làm việc nào; không thể tính thời hạn.' });
      assert.deepEqual(await stored(), was);
      assert.equal((await call('GET', '/api/v1/calendar/years/2027', counter)).json().days.find((d: { date: string }) => d.date === '2027-02-12').kind, 'announced_day_off');
    });

    test('returns 403 to a counter officer and 401 without a session', async () => {
      assert.equal((await call('POST', '/api/v1/calendar/years/2027/import', counter, { changeReason: 'x', unitId: tienYen })).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/calendar/years/2027/import', undefined, { changeReason: 'x' })).statusCode, 401);
    });

    test('imports an Excel workbook for a commune, and exports the year as the same workbook', async () => {
      const book = await scheduleWorkbook([
        { date: '2027-04-30', kind: 'day_off', reason: { vi: 'Nghỉ lễ địa phương (giả định)', en: 'Local day off', fr: 'Jour local' }, source: 'QĐ giả định UBND xã', confirmed: false, swapWith: null },
      ]);
      const res = await call('POST', `/api/v1/calendar/years/2027/import.xlsx?unitId=${tienYen}&changeReason=${encodeURIComponent('Nhập lịch xã từ Excel')}`, communeAdmin, book, { 'content-type': XLSX_MIME });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().daysOff, 1);
      const exported = await call('GET', `/api/v1/calendar/years/2027/schedule.xlsx?unitId=${tienYen}`, counter);
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.headers['content-type'], XLSX_MIME);
      const { rows, errors } = await readScheduleWorkbook(exported.rawPayload);
      assert.deepEqual(errors, []);
      assert.deepEqual(rows.map((r) => [r.date, r.kind]), [['2027-02-12', 'day_off'], ['2027-02-20', 'makeup_working_day'], ['2027-04-30', 'day_off']]);
    });

    test('the Excel routes: 403 to a counter officer, 415 for a body that is not a workbook, 401 without a session, 400 for a bad year', async () => {
      const book = await scheduleWorkbook([]);
      assert.equal((await call('POST', `/api/v1/calendar/years/2027/import.xlsx?unitId=${tienYen}&changeReason=x`, counter, book, { 'content-type': XLSX_MIME })).statusCode, 403);
      const json = await call('POST', '/api/v1/calendar/years/2027/import.xlsx?changeReason=x', admin, { daysOff: [] });
      assert.equal(json.statusCode, 415);
      assert.equal((await call('POST', '/api/v1/calendar/years/2027/import.xlsx?changeReason=x', undefined, book, { 'content-type': XLSX_MIME })).statusCode, 401);
      assert.equal((await call('GET', '/api/v1/calendar/years/2027/schedule.xlsx')).statusCode, 401);
      assert.equal((await call('GET', '/api/v1/calendar/years/20x7/schedule.xlsx', counter)).statusCode, 400);
    });

    test('reports Excel row errors by spreadsheet row and column', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('x');
      ws.addRow(['Ngày', 'Loại', 'Lý do', '', '', 'Văn bản', 'Xác nhận']);
      ws.addRow(['31/02/2027', 'nghỉ', 'Lý do', '', '', 'QĐ', 'có']);
      ws.addRow(['2027-05-03', 'nghỉ phép', '', '', '', 'QĐ', 'có']);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await call('POST', `/api/v1/calendar/years/2027/import.xlsx?changeReason=x`, admin, buf, { 'content-type': XLSX_MIME });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['rows.2.date', 'rows.3.kind', 'rows.3.reason.vi']);
    });
  });

  describe('GET/PUT /api/v1/calendar/rules', () => {
    test('lists the statutory rules with their layer', async () => {
      const res = await call('GET', '/api/v1/calendar/rules', counter);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().rules.map((r: { id: string }) => r.id).sort(), ['hung-kings', 'labour-day', 'lunar-new-year', 'national-day', 'national-day-lc2012', 'new-year', 'victory-day']);
      assert.ok(res.json().rules.every((r: { layerUnitId: string | null }) => r.layerUnitId === null));
    });

    test('refuses to remove a rule the yearly schedules still place (422, nothing stored), and a stale version (409)', async () => {
      const current = (await call('GET', '/api/v1/calendar/rules', admin)).json();
      const was = await stored();
      const rules = current.rules.filter((r: { id: string }) => r.id !== 'national-day').map(({ layerUnitId: _, ...r }: { layerUnitId: unknown }) => r);
      const res = await call('PUT', '/api/v1/calendar/rules', admin, { unitId: null, version: current.version, changeReason: 'x', rules });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].field, 'rules');
      const stale = await call('PUT', '/api/v1/calendar/rules', admin, { unitId: null, version: current.version - 1, changeReason: 'x', rules });
      assert.equal(stale.statusCode, 409);
      assert.equal((await call('PUT', '/api/v1/calendar/rules', communeAdmin, { unitId: null, version: current.version, changeReason: 'x', rules })).statusCode, 403);
      assert.deepEqual(await stored(), was);
    });

    test('adds a rule (a proposed cultural day, unconfirmed): its dates become days off', async () => {
      const current = (await call('GET', '/api/v1/calendar/rules', admin)).json();
      const rules = current.rules.map(({ layerUnitId: _, ...r }: { layerUnitId: unknown }) => r);
      rules.push({ id: 'culture-day', names: { vi: 'Ngày Văn hoá Việt Nam (đề xuất)' }, kind: 'solar', month: 11, day: 24, dayCount: 1, compensateOnWeeklyRest: true, validFromYear: 2026, source: 'Đề xuất, chưa có văn bản', confirmed: false });
      const res = await call('PUT', '/api/v1/calendar/rules', admin, { unitId: null, version: current.version, changeReason: 'Thử nghiệm ngày 24/11', rules });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().changedDates.includes('2026-11-24'));
      const y = (await call('GET', '/api/v1/calendar/years/2026', counter, undefined, { 'accept-language': 'en' })).json();
      const d = y.days.find((x: { date: string }) => x.date === '2026-11-24');
      assert.equal(d.confirmed, false);
      assert.equal(d.reason, 'Ngày Văn hoá Việt Nam (đề xuất)');
      assert.equal((await lastAudit()).action, 'calendar.rules.update');
    });
  });

  describe('GET /api/v1/calendar/versions', () => {
    test('lists versions newest first with actor, reason and changed dates; per unit, only its layers and the national one', async () => {
      const res = await call('GET', '/api/v1/calendar/versions', counter);
      assert.equal(res.statusCode, 200);
      const all = res.json() as Array<{ number: number; action: string; unitId: string | null; actorLabel: string }>;
      assert.deepEqual(all.map((v) => v.number), [...all.map((v) => v.number)].sort((a, b) => b - a));
      assert.equal(all.at(-1)!.action, 'seed');
      const hl = (await call('GET', `/api/v1/calendar/versions?unitId=${haiLang}`, counter)).json() as typeof all;
      assert.ok(hl.every((v) => v.unitId === null));
      const ty = (await call('GET', `/api/v1/calendar/versions?unitId=${tienYenCenter}`, counter)).json() as typeof all;
      assert.ok(ty.some((v) => v.unitId === tienYen && v.actorLabel === 'quantri.tienyen'));
      assert.equal((await call('GET', '/api/v1/calendar/versions?limit=0', counter)).json().errors[0].field, 'limit');
      assert.equal((await call('GET', '/api/v1/calendar/versions')).statusCode, 401);
    });
  });

  describe('GET /api/v1/calendar/lunar', () => {
    test('solar → lunar: 17/2/2026 is mùng 1 Tết Bính Ngọ', async () => {
      const res = await call('GET', '/api/v1/calendar/lunar?date=2026-02-17', counter);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { solar: '2026-02-17', weekday: 2, lunar: { day: 1, month: 1, year: 2026, leap: false }, yearName: 'Bính Ngọ', text: 'mùng 1 tháng Giêng năm Bính Ngọ' });
    });

    test("lunar → solar: Hùng Kings' day 2025 (10/3 Ất Tỵ) is 7/4/2025", async () => {
      const res = await call('GET', '/api/v1/calendar/lunar?lunarDay=10&lunarMonth=3&lunarYear=2025', counter, undefined, { 'accept-language': 'en' });
      assert.equal(res.json().solar, '2025-04-07');
      assert.equal(res.json().text, 'day 10 of lunar month 3, year Ất Tỵ');
    });

    test('returns 422 naming the field for a lunar date that does not exist, 400 for ambiguous input, 401 without session', async () => {
      const res = await call('GET', '/api/v1/calendar/lunar?lunarDay=1&lunarMonth=4&lunarYear=2025&leap=true', counter);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].field, 'lunarDay');
      assert.equal(res.json().errors[0].code, 'invalid_lunar_date');
      const both = await call('GET', '/api/v1/calendar/lunar?date=2026-02-17&lunarDay=1&lunarMonth=1&lunarYear=2026', counter);
      assert.equal(both.statusCode, 400);
      assert.equal(both.json().errors[0].field, 'date');
      assert.equal((await call('GET', '/api/v1/calendar/lunar?date=2026-02-17')).statusCode, 401);
    });
  });
});
