/**
 * Property tests of the working-time engine (fast-check). Run counts are chosen to keep the whole calendar
 * suite under a few seconds; the seed is printed by fast-check on failure for replay.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_SESSIONS,
  addWorkingTime,
  buildWorkCalendar,
  isWorkingDay,
  isWorkingMoment,
  workingTimeBetween,
  type SessionSet,
  type WorkDuration,
} from './working-time.ts';
import { DEFAULT_HOLIDAY_RULES, generateYearCalendar } from './holiday-rules.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { referenceAddMinutes, vn } from './test-helpers.ts';
import { VN_OFFSET_MS } from './civil-date.ts';

const entries = [2024, 2025, 2026, 2027].flatMap((y) => generateYearCalendar(DEFAULT_HOLIDAY_RULES, y, OFFICIAL_SCHEDULES[y]));
const offDates = new Set(entries.filter((e) => e.kind !== 'makeup_working_day').map((e) => e.date));
const CUTOFF = '16:00';
const cal = buildWorkCalendar({ fromYear: 2024, toYear: 2027, entries, cutoff: CUTOFF });
const SEASONS: SessionSet[] = [
  { name: 'summer', from: '04-15', to: '10-14', sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] },
  { name: 'winter', from: '10-15', to: '04-14', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '16:45' }] },
];
const seasonal = buildWorkCalendar({ fromYear: 2024, toYear: 2027, entries, sessionSets: SEASONS });

// Starts anywhere (nights, weekends, holidays, make-up Saturdays) from 2024 to the end of 2026, so that 30
// working days later is still inside the calendar; millisecond resolution on purpose.
const startArb = fc.integer({ min: vn('2024-01-01 00:00').getTime(), max: vn('2026-12-31 23:59').getTime() }).map((ms) => new Date(ms));
const halfDaysArb = fc.integer({ min: 0, max: 60 }).map((k) => k / 2); // 0 … 30 working days by halves
const minutesArb = fc.integer({ min: 0, max: 30 * 450 });
const durationArb: fc.Arbitrary<WorkDuration> = fc.oneof(
  halfDaysArb.map((value) => ({ value, unit: 'working_day' as const })),
  minutesArb.map((m) => ({ value: m / 60, unit: 'working_hour' as const })),
);
const RUNS = { numRuns: 400 };
const vnIso = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

describe('properties (fast-check)', () => {
  it('the due moment is a working moment: inside a session of a working day, never a listed day off', () => {
    fc.assert(
      fc.property(startArb, durationArb, (s, d) => {
        for (const c of [cal, seasonal]) {
          const due = addWorkingTime(c, s, d);
          assert.ok(isWorkingMoment(c, due), `${due.toISOString()} is not a working moment`);
          assert.ok(isWorkingDay(c, vnIso(due)));
          assert.ok(!offDates.has(vnIso(due)) || entries.some((e) => e.date === vnIso(due) && e.kind === 'makeup_working_day'));
          assert.ok(due.getTime() >= s.getTime());
        }
      }),
      RUNS,
    );
  });

  it('workingTimeBetween inverts addWorkingTime exactly', () => {
    fc.assert(
      fc.property(startArb, halfDaysArb, minutesArb, (s, n, m) => {
        for (const c of [cal, seasonal]) {
          assert.equal(workingTimeBetween(c, s, addWorkingTime(c, s, { value: n, unit: 'working_day' })).workingDays, n);
          assert.equal(workingTimeBetween(c, s, addWorkingTime(c, s, { value: m / 60, unit: 'working_hour' })).minutes, m);
        }
      }),
      RUNS,
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(startArb, startArb, durationArb, (a, b, d) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        for (const c of [cal, seasonal]) assert.ok(addWorkingTime(c, s1, d) <= addWorkingTime(c, s2, d));
      }),
      RUNS,
    );
  });

  it('is monotonic in the duration (days and hours)', () => {
    fc.assert(
      fc.property(startArb, halfDaysArb, halfDaysArb, minutesArb, minutesArb, (s, x, y, p, q) => {
        const [d1, d2] = x <= y ? [x, y] : [y, x];
        const [m1, m2] = p <= q ? [p, q] : [q, p];
        for (const c of [cal, seasonal]) {
          assert.ok(addWorkingTime(c, s, { value: d1, unit: 'working_day' }) <= addWorkingTime(c, s, { value: d2, unit: 'working_day' }));
          assert.ok(addWorkingTime(c, s, { value: m1 / 60, unit: 'working_hour' }) <= addWorkingTime(c, s, { value: m2 / 60, unit: 'working_hour' }));
        }
      }),
      RUNS,
    );
  });

  it('half-day arithmetic is exact: ½ + ½ = 1, and a + b = (a then b) when chained without cut-off', () => {
    fc.assert(
      fc.property(startArb, halfDaysArb, halfDaysArb, (s, a, b) => {
        const half = { value: 0.5, unit: 'working_day' as const };
        const twice = addWorkingTime(cal, addWorkingTime(cal, s, half), half, { applyCutoff: false });
        assert.equal(twice.getTime(), addWorkingTime(cal, s, { value: 1, unit: 'working_day' }).getTime());
        const chained = addWorkingTime(cal, addWorkingTime(cal, s, { value: a, unit: 'working_day' }), { value: b, unit: 'working_day' }, { applyCutoff: false });
        assert.equal(chained.getTime(), addWorkingTime(cal, s, { value: a + b, unit: 'working_day' }).getTime());
      }),
      RUNS,
    );
  });

  it('agrees with a naive day-by-day reference built from the raw entries (hours and days)', () => {
    fc.assert(
      fc.property(startArb, minutesArb, halfDaysArb, (s, m, n) => {
        const ref = referenceAddMinutes(entries, DEFAULT_SESSIONS, s.getTime(), m, CUTOFF);
        assert.equal(addWorkingTime(cal, s, { value: m / 60, unit: 'working_hour' }).getTime(), ref);
        // With one session set every day is 450 minutes long, so N days = N × 450 minutes.
        const refDays = referenceAddMinutes(entries, DEFAULT_SESSIONS, s.getTime(), n * 450, CUTOFF);
        assert.equal(addWorkingTime(cal, s, { value: n, unit: 'working_day' }).getTime(), refDays);
      }),
      RUNS,
    );
  });
});
