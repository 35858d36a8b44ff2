import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeSessions, diffWorkCalendars, sessionsDiffer } from './calendar-diff.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';

const base = buildDefaultWorkCalendar(2026, 2027, { cutoff: '16:00' });

describe('diffWorkCalendars', () => {
  it('an identical rebuild has no change', () => {
    assert.deepEqual(diffWorkCalendars(base, buildDefaultWorkCalendar(2026, 2027, { cutoff: '16:00' })), []);
    assert.equal(sessionsDiffer(base, buildDefaultWorkCalendar(2026, 2027, { cutoff: '16:00' })), false);
  });
  it('an extra day off is the one changed date', () => {
    const changed = buildDefaultWorkCalendar(2026, 2027, {
      cutoff: '16:00',
      extraEntries: [{ date: '2026-08-31', kind: 'announced_day_off', reason: { vi: 'Nghỉ thêm', en: 'Extra', fr: 'Extra' }, source: 'test', confirmed: false }],
    });
    assert.deepEqual(diffWorkCalendars(base, changed), [
      { date: '2026-08-31', before: { working: true, kind: null, reason: null }, after: { working: false, kind: 'announced_day_off', reason: 'Nghỉ thêm' } },
    ]);
  });
  it('compares only the common years', () => {
    assert.deepEqual(diffWorkCalendars(base, buildDefaultWorkCalendar(2027, 2028, { cutoff: '16:00' })), []);
  });
  it('a new cut-off changes the sessions, not the dates', () => {
    const later = buildDefaultWorkCalendar(2026, 2027, { cutoff: '16:30' });
    assert.deepEqual(diffWorkCalendars(base, later), []);
    assert.equal(sessionsDiffer(base, later), true);
    assert.deepEqual(describeSessions(later), ['all-year 07:30–11:30, 13:30–17:00 (cut-off 16:30)']);
  });
});
