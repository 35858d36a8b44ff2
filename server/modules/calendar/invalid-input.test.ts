import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWorkingTime,
  addWorkingTimeMs,
  buildWorkCalendar,
  isWorkingDay,
  normalizeStart,
  workingTimeBetween,
  type WorkDuration,
} from './working-time.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';
import { CalendarError, isCalendarError, type CalendarErrorCode } from './errors.ts';
import type { CalendarEntry } from './holiday-rules.ts';
import { vn } from './test-helpers.ts';

const cal = buildDefaultWorkCalendar(2020, 2035);
const start = vn('2025-03-12 09:00');

/** Asserts that `fn` throws a CalendarError with this code (and not any other error). */
function throwsCode(fn: () => unknown, code: CalendarErrorCode, messagePart?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof CalendarError, `expected CalendarError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (messagePart) assert.match(e.message, messagePart);
    return true;
  });
}

describe('invalid durations → INVALID_DURATION', () => {
  const bad: [string, unknown][] = [
    ['negative days', { value: -1, unit: 'working_day' }],
    ['negative hours', { value: -0.5, unit: 'working_hour' }],
    ['NaN', { value: Number.NaN, unit: 'working_day' }],
    ['Infinity', { value: Number.POSITIVE_INFINITY, unit: 'working_day' }],
    ['-Infinity hours', { value: Number.NEGATIVE_INFINITY, unit: 'working_hour' }],
    ['a quarter day', { value: 0.25, unit: 'working_day' }],
    ['1.1 days', { value: 1.1, unit: 'working_day' }],
    ['hours finer than a minute', { value: 1.01, unit: 'working_hour' }],
    ['a string value', { value: '3', unit: 'working_day' }],
    ['unknown unit', { value: 3, unit: 'calendar_day' }],
    ['null', null],
  ];
  for (const [name, d] of bad) {
    it(name, () => throwsCode(() => addWorkingTime(cal, start, d as WorkDuration), 'INVALID_DURATION'));
  }
  it('the details carry the offending value', () => {
    try {
      addWorkingTime(cal, start, { value: -2, unit: 'working_day' });
      assert.fail('no error');
    } catch (e) {
      assert.ok(isCalendarError(e, 'INVALID_DURATION'));
      assert.deepEqual(e.details, { value: -2, unit: 'working_day' });
    }
  });
  it('the number core validates too', () => {
    throwsCode(() => addWorkingTimeMs(cal, start.getTime(), Number.NaN, 'working_hour'), 'INVALID_DURATION');
    throwsCode(() => addWorkingTimeMs(cal, Number.NaN, 1, 'working_hour'), 'INVALID_DATE');
  });
});

describe('malformed dates → INVALID_DATE', () => {
  it('invalid Date objects and non-dates', () => {
    throwsCode(() => addWorkingTime(cal, new Date('not a date'), { value: 1, unit: 'working_day' }), 'INVALID_DATE');
    throwsCode(() => addWorkingTime(cal, '2025-03-12' as unknown as Date, { value: 1, unit: 'working_day' }), 'INVALID_DATE');
    throwsCode(() => normalizeStart(cal, new Date(Number.NaN)), 'INVALID_DATE');
    throwsCode(() => workingTimeBetween(cal, start, new Date('x')), 'INVALID_DATE');
  });
  it('malformed or impossible ISO dates', () => {
    for (const s of ['2025-02-29', '2025-13-01', '2025-1-1', '12/03/2025', '', '2025-03-12T00:00']) {
      throwsCode(() => isWorkingDay(cal, s), 'INVALID_DATE');
    }
  });
});

describe('out of range → OUT_OF_RANGE', () => {
  it('a start before or after the calendar', () => {
    throwsCode(() => addWorkingTime(cal, vn('2019-12-31 09:00'), { value: 1, unit: 'working_day' }), 'OUT_OF_RANGE', /2020-01-01/);
    throwsCode(() => addWorkingTime(cal, vn('2036-01-01 09:00'), { value: 1, unit: 'working_day' }), 'OUT_OF_RANGE');
    throwsCode(() => isWorkingDay(cal, '2036-01-02'), 'OUT_OF_RANGE');
  });
  it('a result beyond the last working day, in days and in hours', () => {
    throwsCode(() => addWorkingTime(cal, vn('2035-12-20 09:00'), { value: 30, unit: 'working_day' }), 'OUT_OF_RANGE');
    throwsCode(() => addWorkingTime(cal, vn('2035-12-20 09:00'), { value: 300, unit: 'working_hour' }), 'OUT_OF_RANGE');
    throwsCode(() => addWorkingTime(cal, start, { value: 1e9, unit: 'working_day' }), 'OUT_OF_RANGE');
  });
  it('a receipt after the last working moment', () => {
    throwsCode(() => normalizeStart(cal, vn('2035-12-31 18:00')), 'OUT_OF_RANGE');
  });
  it('the midnight edge is read in Vietnam time: 2019-12-31T17:00Z is 2020-01-01 00:00 in Vietnam', () => {
    assert.doesNotThrow(() => normalizeStart(cal, new Date('2019-12-31T17:00:00Z')));
    throwsCode(() => normalizeStart(cal, new Date('2019-12-31T16:59:59.999Z')), 'OUT_OF_RANGE');
  });
});

describe('calendar construction', () => {
  const everyDayOff = (year: number): CalendarEntry[] => {
    const out: CalendarEntry[] = [];
    for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += 86_400_000) {
      out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'announced_day_off', reason: { vi: 'x', en: 'x', fr: 'x' }, source: 'x', confirmed: true });
    }
    return out;
  };
  it('refuses a year without any working day (every date off) → NO_WORKING_DAY naming the year', () => {
    try {
      buildWorkCalendar({ fromYear: 2025, toYear: 2027, entries: everyDayOff(2026) });
      assert.fail('no error');
    } catch (e) {
      assert.ok(isCalendarError(e, 'NO_WORKING_DAY'));
      assert.equal(e.details.year, 2026);
    }
  });
  it('refuses seven weekly days off', () => {
    throwsCode(() => buildWorkCalendar({ fromYear: 2025, toYear: 2025, entries: [], weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] }), 'NO_WORKING_DAY');
  });
  it('…but one make-up working day is enough to make the year valid', () => {
    const entries = everyDayOff(2026).filter((e) => e.date !== '2026-06-06');
    entries.push({ date: '2026-06-06', kind: 'makeup_working_day', reason: { vi: 'x', en: 'x', fr: 'x' }, source: 'x', confirmed: true });
    assert.doesNotThrow(() => buildWorkCalendar({ fromYear: 2026, toYear: 2026, entries }));
  });
  it('refuses bad configurations → INVALID_CONFIG', () => {
    const base = { fromYear: 2025, toYear: 2025, entries: [] };
    throwsCode(() => buildWorkCalendar({ ...base, fromYear: 2026 }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, weeklyDaysOff: [7] }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, cutoff: '4pm' }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, sessionSets: [{ name: 'x', sessions: [] }] }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, sessionSets: [{ name: 'x', sessions: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }] }), 'INVALID_CONFIG', /overlap/);
    throwsCode(() => buildWorkCalendar({ ...base, sessionSets: [{ name: 'x', sessions: [{ start: '12:00', end: '08:00' }] }] }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, sessionSets: [{ name: 's', from: '04-15', to: '10-14', sessions: [{ start: '08:00', end: '12:00' }] }] }), 'INVALID_CONFIG', /No session set covers/);
    const r = { vi: 'x', en: 'x', fr: 'x' };
    throwsCode(
      () =>
        buildWorkCalendar({
          ...base,
          entries: [
            { date: '2025-03-08', kind: 'makeup_working_day', reason: r, source: 'x', confirmed: true },
            { date: '2025-03-08', kind: 'announced_day_off', reason: r, source: 'x', confirmed: true },
          ],
        }),
      'INVALID_CONFIG',
      /both/,
    );
    throwsCode(() => buildWorkCalendar({ ...base, entries: [{ date: '2025-03-08', kind: 'nope' as never, reason: r, source: 'x', confirmed: true }] }), 'INVALID_CONFIG');
    throwsCode(() => buildWorkCalendar({ ...base, entries: [{ date: '2025-3-8', kind: 'holiday', reason: r, source: 'x', confirmed: true }] }), 'INVALID_DATE');
  });
});

describe('a week with no working day', () => {
  it('generating a year with every weekday a rest day terminates, and building it gives NO_WORKING_DAY', async () => {
    const { DEFAULT_HOLIDAY_RULES, generateYearCalendar } = await import('./holiday-rules.ts');
    const all = [0, 1, 2, 3, 4, 5, 6];
    const entries = generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2026, undefined, { weeklyRestDays: all });
    assert.ok(!entries.some((e) => e.kind === 'compensatory'));
    throwsCode(() => buildWorkCalendar({ fromYear: 2026, toYear: 2026, entries, weeklyDaysOff: all }), 'NO_WORKING_DAY');
  });
});
