/** Calendar-day limits: N days at the same time of day, a due date on a non-working day pushed to the next working day. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarDays, computeCalendarDays } from './calendar-days.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';
import { isCalendarError } from './errors.ts';
import { explainCalendarDayDeadline } from './explain.ts';
import { isWorkingMoment } from './working-time.ts';
import { fmt, vn } from './test-helpers.ts';

const cal = buildDefaultWorkCalendar(2024, 2027, { cutoff: '16:00' });
const due = (start: string, n: number, skipListedDaysOff = false) => fmt(addCalendarDays(cal, vn(start), n, { skipListedDaysOff }));

describe('addCalendarDays', () => {
  it('Mon 10/3/2025 09:00 + 4 days → Fri 14/3 09:00', () => assert.equal(due('2025-03-10 09:00', 4), '2025-03-14 09:00'));
  it('+ 5 days lands on Saturday → pushed to Mon 17/3 09:00', () => {
    const r = computeCalendarDays(cal, vn('2025-03-10 09:00'), 5);
    assert.equal(fmt(r.due), '2025-03-17 09:00');
    assert.equal(r.pushedFrom, '2025-03-15');
  });
  it('received after the cut-off: Fri 14/3 16:10 counts from Mon 17/3 07:30; + 2 → Wed 19/3 07:30', () => {
    assert.equal(due('2025-03-14 16:10', 2), '2025-03-19 07:30');
  });
  it('eve of Tết 2025: Fri 24/1 09:00 + 8 days → Sat 1/2, pushed to Mon 3/2 09:00', () => {
    assert.equal(due('2025-01-24 09:00', 8), '2025-02-03 09:00');
  });
  it('with Tết not counted: + 8 days → 25, 26, (27–31 skipped), 1/2, 2/2, 3/2, 4/2, 5/2, 6/2 → Thu 6/2 09:00', () => {
    const r = computeCalendarDays(cal, vn('2025-01-24 09:00'), 8, { skipListedDaysOff: true });
    assert.equal(fmt(r.due), '2025-02-06 09:00');
    assert.deepEqual(r.skipped, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
  });
  it('0 days gives the normalised start', () => assert.equal(due('2025-03-15 10:00', 0), '2025-03-17 07:30'));
  it('the result is always a working moment', () => {
    for (let n = 0; n < 60; n++) assert.ok(isWorkingMoment(cal, addCalendarDays(cal, vn('2025-12-20 15:59'), n)));
  });
  it('refuses fractional, negative and absurd limits', () => {
    for (const n of [1.5, -1, Number.NaN, 100_000]) {
      assert.throws(() => addCalendarDays(cal, vn('2025-03-10 09:00'), n), (e) => isCalendarError(e, 'INVALID_DURATION'));
    }
  });
  it('refuses a result outside the calendar', () => {
    assert.throws(() => addCalendarDays(cal, vn('2027-12-20 09:00'), 30), (e) => isCalendarError(e, 'OUT_OF_RANGE'));
  });
});

describe('explainCalendarDayDeadline', () => {
  it('says the due date was pushed off the day off, in Vietnamese', () => {
    const { due: d, steps } = explainCalendarDayDeadline(cal, vn('2025-01-24 09:00'), 8, 'vi');
    assert.equal(fmt(d), '2025-02-03 09:00');
    assert.deepEqual(steps, [
      'Tiếp nhận lúc 09:00 Thứ Sáu 24/01/2025, trong giờ làm việc: bắt đầu tính ngay.',
      'Thời hạn giải quyết: 8 ngày (tính theo ngày dương lịch).',
      'Ngày hết hạn Thứ Bảy 01/02/2025 là ngày nghỉ (nghỉ hằng tuần) → chuyển sang ngày làm việc tiếp theo.',
      'Hạn trả kết quả: 09:00 Thứ Hai 03/02/2025.',
    ]);
  });
  it('lists the holidays not counted, in English', () => {
    const { steps } = explainCalendarDayDeadline(cal, vn('2025-01-24 09:00'), 8, 'en', { skipListedDaysOff: true });
    assert.deepEqual(steps.slice(1), [
      'Time limit: 8 calendar days, public holidays not counted.',
      'Days off not counted — Lunar New Year (Tết): 27/01–31/01/2025.',
      'Due: Thursday 06/02/2025 09:00.',
    ]);
  });
});
