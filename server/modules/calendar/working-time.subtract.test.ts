/**
 * `subtractWorkingTime`: the moment N working days or hours before a due moment — the latest day for the apology
 * letter ("no later than 1 working day before the due date", 61/2018 Art. 19; QĐ 88/2025/QĐ-UBND Lai Châu).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addWorkingTime, normalizeStart, subtractWorkingTime, type WorkDuration } from './working-time.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';
import { isCalendarError } from './errors.ts';
import { fmt, vn } from './test-helpers.ts';

const cal = buildDefaultWorkCalendar(2024, 2027, { cutoff: '16:00' });
const days = (value: number) => ({ value, unit: 'working_day' as const });
const hours = (value: number) => ({ value, unit: 'working_hour' as const });
const before = (end: string, d: WorkDuration) => fmt(subtractWorkingTime(cal, vn(end), d));

describe('subtractWorkingTime: worked examples', () => {
  it('apology for a dossier due Wed 5/2/2025 09:00 → no later than Tue 4/2 09:00', () => {
    assert.equal(before('2025-02-05 09:00', days(1)), '2025-02-04 09:00');
  });
  it('due Mon 3/2/2025 09:00, right after Tết 2025 → Fri 24/1 09:00 (Tết 27–31/1 and two weekends skipped)', () => {
    assert.equal(before('2025-02-03 09:00', days(1)), '2025-01-24 09:00');
  });
  it('due at an opening (Thu 26/2/2026 07:30 = end of Wed) → Wed 25/2 07:30 (= end of Tue)', () => {
    assert.equal(before('2026-02-26 07:30', days(1)), '2026-02-25 07:30');
  });
  it('the make-up Saturday 26/4/2025 counts: due Mon 28/4 10:00 → Sat 26/4 10:00', () => {
    assert.equal(before('2025-04-28 10:00', days(1)), '2025-04-26 10:00');
  });
  it('half days: Wed 12/3/2025 14:45 − ½ → 09:00; Mon 17/3 08:15 − ½ → Fri 14/3 14:00', () => {
    assert.equal(before('2025-03-12 14:45', days(0.5)), '2025-03-12 09:00');
    assert.equal(before('2025-03-17 08:15', days(0.5)), '2025-03-14 14:00');
  });
  it('hours: Thu 13/3/2025 10:30 − 8 h → Wed 10:00', () => {
    assert.equal(before('2025-03-13 10:30', hours(8)), '2025-03-12 10:00');
  });
  it('an end on a day off is read as the next opening: Sat 15/3/2025 12:00 − 1 day → Fri 14/3 07:30', () => {
    assert.equal(before('2025-03-15 12:00', days(1)), '2025-03-14 07:30');
  });
  it('zero gives the next working moment of the end', () => {
    assert.equal(before('2025-03-12 12:00', days(0)), '2025-03-12 13:30');
  });
  it('refuses a negative or fractional duration and a result before the calendar', () => {
    assert.throws(() => subtractWorkingTime(cal, vn('2025-03-12 09:00'), days(-1)), (e) => isCalendarError(e, 'INVALID_DURATION'));
    assert.throws(() => subtractWorkingTime(cal, vn('2025-03-12 09:00'), days(0.3)), (e) => isCalendarError(e, 'INVALID_DURATION'));
    assert.throws(() => subtractWorkingTime(cal, vn('2024-01-03 09:00'), days(5)), (e) => isCalendarError(e, 'OUT_OF_RANGE'));
    assert.throws(() => subtractWorkingTime(cal, new Date(Number.NaN), days(1)), (e) => isCalendarError(e, 'INVALID_DATE'));
  });
});

describe('subtractWorkingTime: properties', () => {
  const startArb = fc.integer({ min: vn('2024-03-01 00:00').getTime(), max: vn('2026-12-31 23:59').getTime() }).map((ms) => new Date(ms));
  const durationArb: fc.Arbitrary<WorkDuration> = fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((k) => days(k / 2)),
    fc.integer({ min: 0, max: 30 * 450 }).map((m) => hours(m / 60)),
  );
  it('undoes addWorkingTime: subtract(add(s, d), d) = the normalised start', () => {
    fc.assert(
      fc.property(startArb, durationArb, (s, d) => {
        assert.equal(subtractWorkingTime(cal, addWorkingTime(cal, s, d), d).getTime(), normalizeStart(cal, s).getTime());
      }),
      { numRuns: 400 },
    );
  });
  it('is undone by addWorkingTime from an intermediate moment: add(subtract(x, d), d) = x for a working moment x', () => {
    fc.assert(
      fc.property(startArb, durationArb, (s, d) => {
        const x = normalizeStart(cal, s, { applyCutoff: false });
        assert.equal(addWorkingTime(cal, subtractWorkingTime(cal, x, d), d, { applyCutoff: false }).getTime(), x.getTime());
      }),
      { numRuns: 400 },
    );
  });
});
