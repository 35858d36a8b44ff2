/**
 * Worked examples of the working-time engine, each computed by hand in the comments.
 *
 * Default sessions: morning 07:30–11:30 (240 min) and afternoon 13:30–17:00 (210 min): a working day is
 * 450 minutes; half a day is 225 minutes. Positions are minutes of session time since the day's opening:
 * 07:30 → 0, 11:30 = 13:30 → 240, 17:00 → 450 (= next working day 07:30).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWorkingTime,
  addWorkingTimeMs,
  buildWorkCalendar,
  isWorkingDay,
  isWorkingMoment,
  nextWorkingMoment,
  normalizeStart,
  workingTimeBetween,
  type WorkCalendar,
} from './working-time.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';
import { DEFAULT_HOLIDAY_RULES, generateYearCalendar } from './holiday-rules.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { fmt, vn } from './test-helpers.ts';

const days = (value: number) => ({ value, unit: 'working_day' as const });
const hours = (value: number) => ({ value, unit: 'working_hour' as const });
const due = (cal: WorkCalendar, start: string, d: { value: number; unit: 'working_day' | 'working_hour' }) => fmt(addWorkingTime(cal, vn(start), d));

/** Announced schedules, 16:00 receipt cut-off. */
const cal = buildDefaultWorkCalendar(2024, 2027, { cutoff: '16:00' });
/** Rules only (no yearly notice), with Art. 111(3) compensation. */
const rulesOnly = buildDefaultWorkCalendar(2024, 2027, { schedules: {}, cutoff: '16:00' });
/** Rules only, without compensation: what the research note computed. */
const rulesNoCompensation = buildDefaultWorkCalendar(2024, 2027, {
  schedules: {},
  rules: DEFAULT_HOLIDAY_RULES.map((r) => ({ ...r, compensateOnWeeklyRest: false })),
  cutoff: '16:00',
});

describe('receipt cut-off (16:00)', () => {
  // Wed 2025-03-12 is an ordinary working day; so are Thu 13 and Fri 14; Sat 15, Sun 16 are weekly rest.
  it('15:59 counts the same day: +1 day → Thu 15:59', () => {
    assert.equal(due(cal, '2025-03-12 15:59', days(1)), '2025-03-13 15:59');
  });
  it('exactly 16:00 is not after the cut-off: +1 day → Thu 16:00', () => {
    assert.equal(due(cal, '2025-03-12 16:00', days(1)), '2025-03-13 16:00');
  });
  it('16:00:01 is after it: counted from Thu 07:30, +1 day → Fri 07:30', () => {
    assert.equal(fmt(normalizeStart(cal, vn('2025-03-12 16:00:01'))), '2025-03-13 07:30');
    assert.equal(due(cal, '2025-03-12 16:00:01', days(1)), '2025-03-14 07:30');
  });
  it('Friday 16:10 → counted from Monday 07:30; +3 days → Thursday 07:30', () => {
    // Mon 17 (1), Tue 18 (2), Wed 19 (3): all of Wednesday is used, reported as Thu 20 07:30.
    assert.equal(due(cal, '2025-03-14 16:10', days(3)), '2025-03-20 07:30');
  });
  it('without a cut-off, Friday 16:10 counts Friday: +3 days → Wednesday 16:10', () => {
    assert.equal(due(buildDefaultWorkCalendar(2025, 2025), '2025-03-14 16:10', days(3)), '2025-03-19 16:10');
  });
  it('applyCutoff: false treats the start as an intermediate moment (step budgets)', () => {
    assert.equal(fmt(addWorkingTime(cal, vn('2025-03-12 16:30'), days(1), { applyCutoff: false })), '2025-03-13 16:30');
  });
});

describe('eve of Tết 2025: received Fri 2025-01-24 09:00, 3 working days', () => {
  it('announced schedule (off Mon 27/1 – Fri 31/1): Mon 3/2, Tue 4/2, Wed 5/2 → 2025-02-05 09:00', () => {
    assert.equal(due(cal, '2025-01-24 09:00', days(3)), '2025-02-05 09:00');
  });
  it('rules without compensation (as the research note did): off Tue 28 – Sat 1/2; Mon 27/1, Mon 3/2, Tue 4/2 → 2025-02-04', () => {
    assert.equal(due(rulesNoCompensation, '2025-01-24 09:00', days(3)), '2025-02-04 09:00');
  });
  it('rules WITH Art. 111(3): Sat 1/2 gives Mon 3/2 off; Mon 27/1, Tue 4/2, Wed 5/2 → 2025-02-05 (the note missed this)', () => {
    assert.equal(due(rulesOnly, '2025-01-24 09:00', days(3)), '2025-02-05 09:00');
  });
  it('received after the cut-off that Friday: counted from Mon 3/2 07:30 → due Thu 6/2 07:30', () => {
    assert.equal(due(cal, '2025-01-24 16:30', days(3)), '2025-02-06 07:30');
  });
  it('received on a Tết day: counted from the first working morning after Tết', () => {
    assert.equal(fmt(normalizeStart(cal, vn('2025-01-29 10:00'))), '2025-02-03 07:30');
  });
});

describe('make-up working Saturday 26/4/2025 (swapped with Fri 2/5)', () => {
  it('is a working day; 2/5 is not', () => {
    assert.equal(isWorkingDay(cal, '2025-04-26'), true);
    assert.equal(isWorkingDay(cal, '2025-05-02'), false);
    assert.equal(isWorkingDay(rulesOnly, '2025-04-26'), false);
    assert.equal(isWorkingDay(rulesOnly, '2025-05-02'), true);
  });
  it('Fri 25/4 10:00 + 1 day → Sat 26/4 10:00 with the schedule, Mon 28/4 10:00 without', () => {
    assert.equal(due(cal, '2025-04-25 10:00', days(1)), '2025-04-26 10:00');
    assert.equal(due(rulesOnly, '2025-04-25 10:00', days(1)), '2025-04-28 10:00');
  });
  it('received on the make-up Saturday 09:00, +3 days: Mon 28 (1), Tue 29 (2), then 30/4, 1/5, 2/5, weekend off → Mon 5/5 09:00', () => {
    assert.equal(due(cal, '2025-04-26 09:00', days(3)), '2025-05-05 09:00');
  });
  it('a normal Saturday is not a working day: received Sat 2025-03-15 → Monday 07:30', () => {
    assert.equal(fmt(normalizeStart(cal, vn('2025-03-15 09:00'))), '2025-03-17 07:30');
  });
});

describe('late change of the schedule', () => {
  // Tue 2026-08-25 10:00 + 5 days with the rules (2/9 Wed, 3/9 Thu off): Wed 26 (1), Thu 27 (2), Fri 28 (3),
  // Mon 31 (4), Tue 1/9 (5) → Tue 1/9 10:00. A later notice giving Mon 31/8 off: Tue 1/9 is (4), 2/9 and 3/9 off,
  // Fri 4/9 is (5) → Fri 4/9 10:00.
  it('rebuilding with one extra day off moves the due date later', () => {
    const before = due(cal, '2026-08-25 10:00', days(5));
    const entries = [2026, 2027].flatMap((y) => generateYearCalendar(DEFAULT_HOLIDAY_RULES, y, OFFICIAL_SCHEDULES[y]));
    entries.push({
      date: '2026-08-31',
      kind: 'announced_day_off',
      reason: { vi: 'Nghỉ thêm (giả định)', en: 'Extra day off (hypothetical)', fr: 'Jour de repos supplémentaire (hypothétique)' },
      source: 'test',
      confirmed: false,
    });
    const changed = buildWorkCalendar({ fromYear: 2026, toYear: 2027, entries, cutoff: '16:00' });
    assert.equal(before, '2026-09-01 10:00');
    assert.equal(due(changed, '2026-08-25 10:00', days(5)), '2026-09-04 10:00');
    // The original calendar is immutable: a dossier computed before the change keeps its date.
    assert.equal(due(cal, '2026-08-25 10:00', days(5)), '2026-09-01 10:00');
  });
});

describe('normalisation of the receipt moment', () => {
  it('before opening → 07:30', () => assert.equal(fmt(normalizeStart(cal, vn('2025-03-12 06:45'))), '2025-03-12 07:30'));
  it('exactly at opening stays', () => assert.equal(fmt(normalizeStart(cal, vn('2025-03-12 07:30'))), '2025-03-12 07:30'));
  it('lunch 12:15 → 13:30', () => assert.equal(fmt(normalizeStart(cal, vn('2025-03-12 12:15'))), '2025-03-12 13:30'));
  it('exactly 11:30 is lunch → 13:30', () => assert.equal(fmt(normalizeStart(cal, vn('2025-03-12 11:30'))), '2025-03-12 13:30'));
  it('after closing 17:00 → next day 07:30 (even without cut-off)', () => {
    const noCut = buildDefaultWorkCalendar(2025, 2025);
    assert.equal(fmt(normalizeStart(noCut, vn('2025-03-12 17:00'))), '2025-03-13 07:30');
    assert.equal(fmt(normalizeStart(noCut, vn('2025-03-12 16:59'))), '2025-03-12 16:59');
  });
  it('nextWorkingMoment ignores the cut-off but skips breaks and days off', () => {
    assert.equal(fmt(nextWorkingMoment(cal, vn('2025-03-12 16:30'))), '2025-03-12 16:30');
    assert.equal(fmt(nextWorkingMoment(cal, vn('2025-03-12 12:00'))), '2025-03-12 13:30');
    assert.equal(fmt(nextWorkingMoment(cal, vn('2025-03-15 12:00'))), '2025-03-17 07:30');
  });
  it('isWorkingMoment: session start inclusive, end exclusive', () => {
    assert.equal(isWorkingMoment(cal, vn('2025-03-12 07:30')), true);
    assert.equal(isWorkingMoment(cal, vn('2025-03-12 11:29')), true);
    assert.equal(isWorkingMoment(cal, vn('2025-03-12 11:30')), false);
    assert.equal(isWorkingMoment(cal, vn('2025-03-12 17:00')), false);
    assert.equal(isWorkingMoment(cal, vn('2025-03-15 09:00')), false);
  });
  it('is independent of the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a local-time getter would land on another date
      assert.equal(due(cal, '2025-01-24 09:00', days(3)), '2025-02-05 09:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('lunch-time receipt', () => {
  it('Wed 12:15 + 4 h: 13:30–17:00 uses 210 min, 30 min left → Thu 08:00', () => {
    assert.equal(due(cal, '2025-03-12 12:15', hours(4)), '2025-03-13 08:00');
  });
  it('Wed 12:15 + 1 day → Thu 13:30', () => {
    assert.equal(due(cal, '2025-03-12 12:15', days(1)), '2025-03-13 13:30');
  });
});

describe('half working days', () => {
  it('09:00 (position 90) + ½ day (225) = 315 → afternoon +75 → 14:45 same day', () => {
    assert.equal(due(cal, '2025-03-12 09:00', days(0.5)), '2025-03-12 14:45');
  });
  it('11:00 (210) + ½ = 435 → 13:30 + 195 = 16:45 (after the cut-off, which only applies to receipts)', () => {
    assert.equal(due(cal, '2025-03-12 11:00', days(0.5)), '2025-03-12 16:45');
  });
  it('14:00 (270) + ½ = 495 > 450 → next day position 45 → Thu 08:15', () => {
    assert.equal(due(cal, '2025-03-12 14:00', days(0.5)), '2025-03-13 08:15');
  });
  it('09:00 + 1½ → Thu 14:45; Fri 09:00 + ½ → Fri 14:45; Fri 14:00 + ½ → Mon 08:15', () => {
    assert.equal(due(cal, '2025-03-12 09:00', days(1.5)), '2025-03-13 14:45');
    assert.equal(due(cal, '2025-03-14 09:00', days(0.5)), '2025-03-14 14:45');
    assert.equal(due(cal, '2025-03-14 14:00', days(0.5)), '2025-03-17 08:15');
  });
  it('opening + ½ → 07:30 + 225 min = 11:15; + 1 → next opening', () => {
    assert.equal(due(cal, '2025-03-12 07:30', days(0.5)), '2025-03-12 11:15');
    assert.equal(due(cal, '2025-03-12 07:30', days(1)), '2025-03-13 07:30');
  });
  it('zero duration returns the normalised start', () => {
    assert.equal(due(cal, '2025-03-12 12:00', days(0)), '2025-03-12 13:30');
    assert.equal(due(cal, '2025-03-12 16:30', hours(0)), '2025-03-13 07:30');
  });
});

describe('working-hour durations', () => {
  it('10:00 (150) + 8 h (480) = 630 = 450 + 180 → Thu 10:30', () => {
    assert.equal(due(cal, '2025-03-12 10:00', hours(8)), '2025-03-13 10:30');
  });
  it('11:00 + 1.5 h: 30 min to 11:30, 60 min from 13:30 → 14:30', () => {
    assert.equal(due(cal, '2025-03-12 11:00', hours(1.5)), '2025-03-12 14:30');
  });
  it('10:00 + 1.5 h → 11:30 is the end of the morning, reported as 13:30', () => {
    assert.equal(due(cal, '2025-03-12 10:00', hours(1.5)), '2025-03-12 13:30');
  });
  it('7.5 h = exactly one working day with the default sessions', () => {
    assert.equal(due(cal, '2025-03-12 09:10', hours(7.5)), due(cal, '2025-03-12 09:10', days(1)));
  });
  it('hours skip Tết: Fri 2025-01-24 15:00 + 3 h → 2 h Friday (to 17:00), 1 h Mon 3/2 → 08:30', () => {
    assert.equal(due(cal, '2025-01-24 15:00', hours(3)), '2025-02-03 08:30');
    // Exactly 2 h ends at Friday's closing, which is reported as the next opening.
    assert.equal(due(cal, '2025-01-24 15:00', hours(2)), '2025-02-03 07:30');
  });
  it('keeps seconds of the receipt', () => {
    assert.equal(due(cal, '2025-03-12 09:00:30', hours(1)), '2025-03-12 10:00:30.000');
  });
});

describe('workingTimeBetween (inverse of add)', () => {
  it('Mon 07:30 → Tue 07:30 = 450 min = 1 day', () => {
    assert.deepEqual(workingTimeBetween(cal, vn('2025-03-10 07:30'), vn('2025-03-11 07:30')), { minutes: 450, workingDays: 1 });
  });
  it('Fri 2025-01-24 09:00 → Wed 2025-02-05 09:00 over Tết = 3 days', () => {
    assert.deepEqual(workingTimeBetween(cal, vn('2025-01-24 09:00'), vn('2025-02-05 09:00')), { minutes: 1350, workingDays: 3 });
  });
  it('the end point is elapsed time: Wed 10:00 → Wed 12:30 counts until 11:30 (90 min = 0.2 day)', () => {
    assert.deepEqual(workingTimeBetween(cal, vn('2025-03-12 10:00'), vn('2025-03-12 12:30')), { minutes: 90, workingDays: 0.2 });
  });
  it('is negative when b is before a', () => {
    assert.deepEqual(workingTimeBetween(cal, vn('2025-03-13 07:30'), vn('2025-03-12 07:30')), { minutes: -450, workingDays: -1 });
  });
  it('the receipt side applies the cut-off (so that it inverts addWorkingTime)', () => {
    assert.deepEqual(workingTimeBetween(cal, vn('2025-03-12 16:30'), vn('2025-03-14 07:30')), { minutes: 450, workingDays: 1 });
    assert.deepEqual(workingTimeBetween(cal, vn('2025-03-12 16:30'), vn('2025-03-14 07:30'), { applyCutoff: false }), { minutes: 480, workingDays: 1.066667 }); // 1 + 30/450, rounded to 1e-6
  });
});

describe('seasonal office hours', () => {
  // Summer 15/4–14/10: 07:00–11:30, 13:30–17:00 (480 min). Winter 15/10–14/4: 07:30–11:30, 13:30–17:00 (450 min).
  const seasonal = buildDefaultWorkCalendar(2025, 2026, {
    sessionSets: [
      { name: 'summer', from: '04-15', to: '10-14', sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] },
      { name: 'winter', from: '10-15', to: '04-14', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] },
    ],
  });
  it('uses the season of each day', () => {
    assert.equal(fmt(normalizeStart(seasonal, vn('2025-04-14 07:10'))), '2025-04-14 07:30');
    assert.equal(fmt(normalizeStart(seasonal, vn('2025-04-15 07:10'))), '2025-04-15 07:10');
  });
  it('a day is a day across the season change: Mon 14/4 11:15 (225/450 = ½) + 1 → Tue 15/4 at 240/480 = 11:00', () => {
    assert.equal(due(seasonal, '2025-04-14 11:15', days(1)), '2025-04-15 11:00');
    assert.deepEqual(workingTimeBetween(seasonal, vn('2025-04-14 11:15'), vn('2025-04-15 11:00')), { minutes: 465, workingDays: 1 });
  });
  it('hours are plain session minutes across the change: 11:15 + 7.5 h → 225 min Monday + 225 min Tuesday = 10:45', () => {
    assert.equal(due(seasonal, '2025-04-14 11:15', hours(7.5)), '2025-04-15 10:45');
  });
  it('a wrapping winter range covers New Year', () => {
    assert.equal(fmt(normalizeStart(seasonal, vn('2026-01-05 07:10'))), '2026-01-05 07:30');
  });
});

describe('number-based core', () => {
  it('addWorkingTimeMs agrees with addWorkingTime', () => {
    const start = vn('2025-01-24 09:00').getTime();
    assert.equal(addWorkingTimeMs(cal, start, 3, 'working_day'), addWorkingTime(cal, vn('2025-01-24 09:00'), days(3)).getTime());
  });
});
