/**
 * The clock ledger with hand-computed deadlines. Calendar: the built-in national one (office hours 07:30–11:30 and
 * 13:30–17:00 = 450 working minutes a day, receipt cut-off 16:00). Tết 2026 for civil servants: Saturday 14 to
 * Sunday 22 February 2026 off (Thông báo 9441/TB-BNV). 2025: Saturday 26 April is a make-up working day, 30 April
 * to 4 May off.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultCalendar } from './calendar-adapter.ts';
import { addWorkingMinutes, apologyDeadline, deriveClock, dueDateOf, momentAtConsumed, statutoryDue, stepBudgets, type ClockEntry } from './clock.ts';
import { vn } from './test-helpers.ts';

const cal = defaultCalendar();
const DAY = 450;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const at = (local: string) => vn(local).toISOString();

describe('statutory due moment', () => {
  test('5 working days from Tuesday 10 Feb 2026 09:00 skip the whole Tết block: due Tuesday 24 Feb 09:00', () => {
    const { due, budgetMinutes } = statutoryDue(cal, vn('2026-02-10T09:00'), { value: 5, unit: 'working_day' });
    assert.equal(due.toISOString(), at('2026-02-24T09:00'));
    assert.equal(budgetMinutes, 5 * DAY);
  });

  test('a receipt after the 16:00 cut-off counts from the next morning; the due moment at an opening belongs to the day before', () => {
    const { due } = statutoryDue(cal, vn('2026-02-10T16:30'), { value: 5, unit: 'working_day' });
    assert.equal(due.toISOString(), at('2026-02-25T07:30'));
    assert.equal(dueDateOf(cal, due), '2026-02-24');
  });

  test('the make-up Saturday 26 April 2025 counts: 3 working days from Friday 25 April 10:00 → Tuesday 29 April 10:00', () => {
    assert.equal(statutoryDue(cal, vn('2025-04-25T10:00'), { value: 3, unit: 'working_day' }).due.toISOString(), at('2025-04-29T10:00'));
  });

  test('same-day procedures are due at the close of the day of receipt (after the cut-off: of the next working day)', () => {
    const a = statutoryDue(cal, vn('2026-02-13T09:00'), { value: 0, unit: 'working_day' });
    assert.equal(dueDateOf(cal, a.due), '2026-02-13');
    assert.equal(a.budgetMinutes, 150 + 210); // 09:00–11:30 and 13:30–17:00
    const b = statutoryDue(cal, vn('2026-02-13T16:10'), { value: 0, unit: 'working_day' });
    assert.equal(dueDateOf(cal, b.due), '2026-02-23');
  });
});

describe('clock ledger', () => {
  const start = vn('2026-02-10T09:00');
  const budget = 5 * DAY;
  const base: ClockEntry[] = [{ kind: 'running', at: start, minutes: budget }];

  test('running: the due moment is the statutory one and time remaining shrinks with working time only', () => {
    const st = deriveClock(cal, base, vn('2026-02-16T10:00'));
    assert.equal(iso(st.dueAt), at('2026-02-24T09:00'));
    // Monday 16 Feb is in Tết: consumed = Tue 09:00 → Fri 13 Feb 17:00 = 3 days + 360 min (09:00–11:30, 13:30–17:00).
    assert.equal(st.consumedMinutes, 3 * DAY + 360);
    assert.equal(st.remainingMinutes, budget - 3 * DAY - 360);
    assert.equal(st.running, true);
  });

  test('pause for a supplement across Tết, resume: the due moment moves by the working time of the pause', () => {
    // Consumed before the pause: Tue 09:00 → Thu 10:00 = 2 days + 1 h = 960 min; 1290 min left.
    // Resumed Mon 23 Feb 14:00: 180 (rest of Monday) + 450 + 450 + 210 → Thursday 26 February 11:00.
    const ledger: ClockEntry[] = [...base, { kind: 'paused_supplement', at: vn('2026-02-12T10:00'), minutes: 0 }];
    const paused = deriveClock(cal, ledger, vn('2026-02-20T10:00'));
    assert.equal(paused.running, false);
    assert.equal(paused.dueAt, null);
    assert.equal(paused.remainingMinutes, 1290);
    assert.equal(paused.pausedKind, 'paused_supplement');
    const resumed = deriveClock(cal, [...ledger, { kind: 'running', at: vn('2026-02-23T14:00'), minutes: 0 }], vn('2026-02-23T14:00'));
    assert.equal(iso(resumed.dueAt), at('2026-02-26T11:00'));
    assert.equal(resumed.remainingMinutes, 1290);
  });

  test('reset on resubmission restarts the full time: Monday 23 Feb 14:00 + 5 working days → Monday 2 March 14:00', () => {
    const ledger: ClockEntry[] = [...base, { kind: 'paused_supplement', at: vn('2026-02-12T10:00'), minutes: 0 }, { kind: 'reset', at: vn('2026-02-23T14:00'), minutes: budget }];
    const st = deriveClock(cal, ledger, vn('2026-02-23T14:00'));
    assert.equal(iso(st.dueAt), at('2026-03-02T14:00'));
    assert.equal(st.remainingMinutes, budget);
  });

  test('pause for another agency over Tết and resume on Tuesday 24 Feb 08:00 → due Wednesday 25 Feb 10:30', () => {
    // Consumed Tue 09:00 → Fri 16:00 = 1350 + 300 = 1650; 600 left; Tue 08:00: 210 + 210 = 420; Wed 07:30 + 180 = 10:30.
    const ledger: ClockEntry[] = [...base, { kind: 'paused_other_agency', at: vn('2026-02-13T16:00'), minutes: 0 }, { kind: 'running', at: vn('2026-02-24T08:00'), minutes: 0 }];
    assert.equal(iso(deriveClock(cal, ledger, vn('2026-02-24T08:00')).dueAt), at('2026-02-25T10:30'));
  });

  test('an extension of 2 working days with legal basis adds its minutes: due Thursday 26 Feb 09:00', () => {
    const ledger: ClockEntry[] = [...base, { kind: 'extended', at: vn('2026-02-12T10:00'), minutes: 2 * DAY }];
    const st = deriveClock(cal, ledger, vn('2026-02-12T10:00'));
    assert.equal(iso(st.dueAt), at('2026-02-26T09:00'));
    assert.equal(st.budgetMinutes, 7 * DAY);
  });

  test('overdue: remaining turns negative after the due moment; a stop freezes it', () => {
    const late = deriveClock(cal, base, vn('2026-02-25T09:00'));
    assert.equal(late.remainingMinutes, -DAY);
    const stopped = deriveClock(cal, [...base, { kind: 'stopped', at: vn('2026-02-25T09:00'), minutes: 0 }], vn('2026-03-10T09:00'));
    assert.equal(stopped.remainingMinutes, -DAY);
    assert.equal(stopped.stopped, true);
    assert.equal(iso(stopped.dueAt), at('2026-02-24T09:00'));
  });

  test('a dossier stopped early keeps the due moment where it would have fallen', () => {
    const st = deriveClock(cal, [...base, { kind: 'stopped', at: vn('2026-02-11T09:00'), minutes: 0 }], vn('2026-03-01T09:00'));
    assert.equal(iso(st.dueAt), at('2026-02-24T09:00'));
  });

  test('a pause after the due moment keeps the (past) due moment and a negative remainder', () => {
    const st = deriveClock(cal, [...base, { kind: 'paused_supplement', at: vn('2026-02-25T09:00'), minutes: 0 }], vn('2026-03-01T09:00'));
    assert.equal(iso(st.dueAt), at('2026-02-24T09:00'));
    assert.equal(st.remainingMinutes, -DAY);
  });

  test('step due moments come from their cumulative share: the appraisal (10 % + 60 %) is due Friday 13 Feb 14:45', () => {
    const b = stepBudgets(budget, [10, 60, 20, 10]);
    assert.deepEqual(b.map((x) => x.cumulative), [225, 1575, 2025, 2250]);
    assert.equal(iso(momentAtConsumed(cal, base, b[1].cumulative)), at('2026-02-13T14:45'));
  });

  test('the apology is due one working day before the due moment', () => {
    assert.equal(apologyDeadline(cal, vn('2026-02-24T09:00')).toISOString(), at('2026-02-23T09:00'));
  });

  test('property: pausing and resuming at once changes nothing; a pause never brings the due moment forward', () => {
    const from = vn('2026-01-05T08:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 30 }), fc.integer({ min: 0, max: 60 * 24 * 20 }), fc.integer({ min: 1, max: 20 }), (offsetMin, pauseMin, days) => {
        const s = new Date(from);
        const ledger: ClockEntry[] = [{ kind: 'running', at: s, minutes: days * DAY }];
        const plain = deriveClock(cal, ledger, s).dueAt!;
        const p = new Date(from + offsetMin * 60_000);
        const zero = deriveClock(cal, [...ledger, { kind: 'paused_supplement', at: p, minutes: 0 }, { kind: 'running', at: p, minutes: 0 }], p).dueAt!;
        assert.equal(zero.getTime(), plain.getTime());
        const r = new Date(p.getTime() + pauseMin * 60_000);
        const later = deriveClock(cal, [...ledger, { kind: 'paused_supplement', at: p, minutes: 0 }, { kind: 'running', at: r, minutes: 0 }], r).dueAt!;
        assert.ok(later.getTime() >= plain.getTime());
      }),
      { numRuns: 200 },
    );
  });

  test('a pause and resumption before a late receipt is counted change nothing (receipt 16:30, after the cut-off)', () => {
    const late: ClockEntry[] = [{ kind: 'running', at: vn('2026-02-10T16:30'), minutes: budget }];
    const plain = deriveClock(cal, late, vn('2026-02-10T16:31')).dueAt;
    const paused = deriveClock(cal, [...late, { kind: 'paused_supplement', at: vn('2026-02-10T16:35'), minutes: 0 }, { kind: 'running', at: vn('2026-02-10T16:40'), minutes: 0 }], vn('2026-02-10T16:41')).dueAt;
    assert.equal(iso(paused), iso(plain));
    assert.equal(iso(plain), at('2026-02-25T07:30'));
  });

  test('addWorkingMinutes goes backwards for negative minutes', () => {
    assert.equal(addWorkingMinutes(cal, vn('2026-02-23T08:30'), -120, false).toISOString(), at('2026-02-13T16:00'));
  });
});
