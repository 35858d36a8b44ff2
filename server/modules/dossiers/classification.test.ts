import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { onTimeRate, outcomeOf, standingOf, type ClassifiableDossier } from './classification.ts';
import { classifyForPeriod } from './dossiers.service.ts';
import { vn } from './test-helpers.ts';

describe('classification', () => {
  test('finished dossiers compare civil dates: before the due date early, on it on time, after it late', () => {
    assert.equal(outcomeOf('2026-02-23', '2026-02-24'), 'early');
    assert.equal(outcomeOf('2026-02-24', '2026-02-24'), 'on_time');
    assert.equal(outcomeOf('2026-02-25', '2026-02-24'), 'late');
  });

  test('more than one supplement request makes a dossier late whatever its end (national portal rule)', () => {
    assert.equal(outcomeOf('2026-02-20', '2026-02-24', 2), 'late');
    assert.equal(outcomeOf('2026-02-20', '2026-02-24', 1), 'early');
  });

  test('open dossiers: overdue past the due moment, due soon within 24 h, else on track; paused ones by remaining time', () => {
    const now = vn('2026-03-02T09:00');
    assert.equal(standingOf(now, vn('2026-03-02T08:59'), -1, true), 'overdue');
    assert.equal(standingOf(now, vn('2026-03-03T08:00'), 400, true), 'due_soon');
    assert.equal(standingOf(now, vn('2026-03-05T08:00'), 2000, true), 'on_track');
    assert.equal(standingOf(now, null, 300, false), 'on_track');
    assert.equal(standingOf(now, vn('2026-02-27T08:00'), -120, false), 'overdue');
  });

  test('the on-time rate counts open overdue dossiers against the unit', () => {
    const fixture: ClassifiableDossier[] = [
      ...Array(3).fill({ state: 'finished', outcome: 'early' }),
      ...Array(2).fill({ state: 'finished', outcome: 'on_time' }),
      { state: 'finished', outcome: 'late' },
      ...Array(2).fill({ state: 'open', standing: 'overdue' }),
      { state: 'open', standing: 'on_track' },
      { state: 'open', standing: 'due_soon' },
      { state: 'apart' },
    ];
    const r = onTimeRate(fixture);
    assert.equal(r.finishedEarly + r.finishedOnTime + r.finishedLate, 6);
    assert.equal(r.openOverdue, 2);
    assert.equal(r.apart, 1);
    assert.equal(r.rate, 5 / 8);
    // The peers' formula hides the two overdue dossiers still open.
    assert.equal(r.rateFinishedOnly, 5 / 6);
  });

  test('no finished and no overdue dossier: no rate rather than a fake 100 %', () => {
    assert.equal(onTimeRate([{ state: 'open', standing: 'on_track' }]).rate, null);
  });

  test('a dossier finished after the period end is judged open at the period end', () => {
    const end = vn('2026-03-01T00:00');
    const d = { status: 'returned', finishedAt: vn('2026-03-05T10:00'), outcome: 'late', dueAt: vn('2026-02-27T10:00'), remainingMinutes: -500, clockRunning: false };
    assert.deepEqual(classifyForPeriod(d, end), { state: 'open', standing: 'overdue' });
    assert.deepEqual(classifyForPeriod(d, vn('2026-03-31T00:00')), { state: 'finished', outcome: 'late' });
    assert.deepEqual(classifyForPeriod({ ...d, status: 'withdrawn', outcome: null }, vn('2026-03-31T00:00')), { state: 'apart' });
  });
});
