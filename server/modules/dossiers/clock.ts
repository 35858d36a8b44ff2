/**
 * The clock ledger (sổ thời gian) of a dossier, and everything derived from it. Pure: a calendar and the ledger in,
 * numbers and instants out; no database, no `Date.now()`.
 *
 * The ledger is an append-only list of entries; each entry starts a segment that lasts until the next entry:
 *
 * | kind                 | effect                                                                              |
 * | -------------------- | ----------------------------------------------------------------------------------- |
 * | `running` (first)    | the receipt: the clock starts, `minutes` = the statutory budget in working minutes   |
 * | `running` (later)    | the clock resumes after a pause (not a receipt: no cut-off)                         |
 * | `paused_supplement`  | the clock stops while the applicant supplements the dossier                         |
 * | `paused_other_agency`| the clock stops while another agency answers                                         |
 * | `extended`           | `minutes` are added to the budget (extension with a legal basis); running unchanged |
 * | `reset`              | the full statutory time restarts (`minutes` = the new budget): a new receipt          |
 * | `stopped`            | the clock ends (result ready, withdrawal, cancellation)                              |
 *
 * Derived, with C(t) = working minutes the clock ran from the last reset (or the receipt) to t, and
 * B = budget of the last reset (or of the receipt) + extensions after it:
 * - **due moment** = the instant at which C reaches B. While paused before reaching B it is unknown (null): the
 *   "due if resumed now" is `now + (B − C)`. After a stop before B, it is `stop + (B − C)` (where it would have
 *   fallen), so that an early dossier still has a due moment to compare with.
 * - **remaining** = B − C(now), negative when overdue.
 * - **step due moments**: the instant C reaches the step's cumulative share of B (same rule).
 * - Working time comes from the calendar engine (`workingTimeBetween`, `addWorkingTime`), so weekends, holidays,
 *   compensatory days and make-up Saturdays are all honoured. A receipt (first entry, reset) applies the calendar's
 *   receipt cut-off; a resumption does not (the pause is shifted out, deadlines.md §2.2).
 */
import {
  addCalendarDays,
  addWorkingTimeMs,
  normalizeStart,
  subtractWorkingTimeMs,
  workingTimeBetween,
  type WorkCalendar,
} from '../calendar/index.ts';
import type { ClockKind } from './dossiers.kinds.ts';
import { todayVn } from '../../platform/clock.ts';

export interface ClockEntry {
  kind: ClockKind;
  at: Date;
  /** See the table in the module doc. */
  minutes: number;
}

export interface ClockState {
  /** Budget B in working minutes (statutory of the last reset or receipt, plus later extensions). */
  budgetMinutes: number;
  /** Working minutes consumed as of `asOf`. */
  consumedMinutes: number;
  /** B − consumed; negative when overdue. */
  remainingMinutes: number;
  running: boolean;
  /** Clock ended (`stopped`). */
  stopped: boolean;
  stoppedAt: Date | null;
  /** Kind of the pause in force, if paused. */
  pausedKind: ClockKind | null;
  pausedSince: Date | null;
  /** Due moment (see module doc); null while paused before it was reached. */
  dueAt: Date | null;
}


/** Working minutes from a to b (≥ 0); `receipt` applies the calendar's receipt cut-off to `a`. */
export function workingMinutes(cal: WorkCalendar, a: Date, b: Date, receipt: boolean): number {
  if (b.getTime() <= a.getTime()) return 0;
  return Math.max(0, Math.round(workingTimeBetween(cal, a, b, { applyCutoff: receipt }).minutes));
}

/** The instant `minutes` of working time after `start` (before it when negative). */
export function addWorkingMinutes(cal: WorkCalendar, start: Date, minutes: number, receipt: boolean): Date {
  const m = Math.round(minutes);
  if (m >= 0) return new Date(addWorkingTimeMs(cal, start.getTime(), m / 60, 'working_hour', receipt));
  const from = receipt ? normalizeStart(cal, start).getTime() : start.getTime();
  return new Date(subtractWorkingTimeMs(cal, from, -m / 60, 'working_hour'));
}

/** A statutory time limit as procedures store it. `value` 0 = on the spot / same day. */
export interface StatutoryTime {
  value: number;
  unit: 'working_day' | 'working_hour' | 'day' | string;
}

/**
 * The statutory due moment of a receipt at `start` and the budget in working minutes it represents.
 * - working days: `addWorkingTime` (same position N working days later); budget = working minutes in between;
 * - working hours: value × 60 minutes;
 * - calendar days: N calendar days, pushed off a non-working day; budget = working minutes in between (pauses are
 *   then shifted in working time, the usual practice);
 * - 0 (same day): the close of the receipt's working day (after the cut-off: of the next working day).
 */
export function statutoryDue(cal: WorkCalendar, start: Date, time: StatutoryTime): { due: Date; budgetMinutes: number } {
  let due: Date;
  if (time.value === 0) {
    const s = normalizeStart(cal, start);
    // The opening of the working day of `s`, then one working day later = that day's close.
    const vnMidnight = new Date(Math.floor((s.getTime() + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000);
    const opening = normalizeStart(cal, vnMidnight, { applyCutoff: false });
    due = new Date(addWorkingTimeMs(cal, opening.getTime(), 1, 'working_day', false));
  } else if (time.unit === 'working_hour') {
    due = new Date(addWorkingTimeMs(cal, start.getTime(), time.value, 'working_hour', true));
  } else if (time.unit === 'day') {
    due = addCalendarDays(cal, start, time.value);
  } else {
    due = new Date(addWorkingTimeMs(cal, start.getTime(), time.value, 'working_day', true));
  }
  return { due, budgetMinutes: workingMinutes(cal, start, due, true) };
}

/** Working minutes in `days` working days counted from `from` (not a receipt), for extensions. */
export function minutesOfWorkingDays(cal: WorkCalendar, from: Date, days: number): number {
  const end = new Date(addWorkingTimeMs(cal, from.getTime(), days, 'working_day', false));
  return workingMinutes(cal, from, end, false);
}

interface Run {
  start: Date;
  receipt: boolean;
}

/** Only the entries since the last reset matter for the budget and the consumption. */
function sinceLastReset(entries: readonly ClockEntry[]): ClockEntry[] {
  let k = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i].kind === 'reset') k = i;
  return entries.slice(k);
}

/**
 * Walks the ledger and calls `onRun` for every closed running segment; returns the state at the end.
 * @throws Error when the ledger is empty or does not start with `running`.
 */
function walk(cal: WorkCalendar, entries: readonly ClockEntry[], onRun?: (run: Run, end: Date, consumedBefore: number, minutes: number) => boolean) {
  if (entries.length === 0 || entries[0].kind !== 'running') throw new Error('clock ledger must start with a running entry');
  const list = sinceLastReset(entries);
  let budget = list[0].minutes;
  let consumed = 0;
  let run: Run | null = { start: list[0].at, receipt: true };
  // Nothing counts before the receipt's normalised start (a receipt after the cut-off counts from the next
  // morning, even if the dossier was paused and resumed in between).
  const floor = normalizeStart(cal, list[0].at).getTime();
  let stoppedAt: Date | null = null;
  let pausedKind: ClockKind | null = null;
  let pausedSince: Date | null = null;
  let found = false;
  const close = (at: Date) => {
    if (!run) return;
    const m = workingMinutes(cal, run.start, at, run.receipt);
    if (!found && onRun) found = onRun(run, at, consumed, m);
    consumed += m;
    run = null;
  };
  for (let i = 1; i < list.length; i++) {
    const e = list[i];
    switch (e.kind) {
      case 'running':
        if (!run && !stoppedAt) {
          run = { start: e.at.getTime() < floor ? new Date(floor) : e.at, receipt: false };
          pausedKind = null;
          pausedSince = null;
        }
        break;
      case 'paused_supplement':
      case 'paused_other_agency':
        close(e.at);
        if (!pausedKind) {
          pausedKind = e.kind;
          pausedSince = e.at;
        }
        break;
      case 'extended':
        budget += e.minutes;
        break;
      case 'stopped':
        close(e.at);
        stoppedAt = e.at;
        break;
      case 'reset':
        // Unreachable: sinceLastReset starts at the last reset.
        break;
    }
  }
  return { budget, consumed, run: run as Run | null, stoppedAt, pausedKind, pausedSince, found };
}

/** The last reset (or the receipt) restarts the ledger: normalise a `reset` head into a receipt-like `running`. */
function normalised(entries: readonly ClockEntry[]): ClockEntry[] {
  const list = sinceLastReset(entries);
  if (list[0].kind === 'reset') return [{ kind: 'running', at: list[0].at, minutes: list[0].minutes }, ...list.slice(1)];
  return list;
}

/**
 * The instant at which the clock reaches `target` working minutes (since the last reset), or null when it is
 * paused or stopped before reaching it (for a stop, see `deriveClock`'s rule for the due moment).
 */
export function momentAtConsumed(cal: WorkCalendar, entries: readonly ClockEntry[], target: number): Date | null {
  const list = normalised(entries);
  let moment: Date | null = null;
  const st = walk(cal, list, (run, _end, before, minutes) => {
    if (before + minutes >= target) {
      moment = addWorkingMinutes(cal, run.start, target - before, run.receipt);
      return true;
    }
    return false;
  });
  if (moment) return moment;
  if (st.run) return addWorkingMinutes(cal, st.run.start, target - st.consumed, st.run.receipt);
  if (st.stoppedAt) return addWorkingMinutes(cal, st.stoppedAt, target - st.consumed, false);
  return null;
}

/**
 * Derives the clock's state at `asOf` (which must not be before the last entry).
 * @throws Error on an empty ledger; CalendarError when an instant lies outside the calendar.
 */
export function deriveClock(cal: WorkCalendar, entries: readonly ClockEntry[], asOf: Date): ClockState {
  const list = normalised(entries);
  const st = walk(cal, list);
  let consumed = st.consumed;
  if (st.run) consumed += workingMinutes(cal, st.run.start, asOf, st.run.receipt);
  const budget = st.budget;
  const dueAt = momentAtConsumed(cal, list, budget);
  return {
    budgetMinutes: budget,
    consumedMinutes: consumed,
    remainingMinutes: budget - consumed,
    running: st.run !== null,
    stopped: st.stoppedAt !== null,
    stoppedAt: st.stoppedAt,
    pausedKind: st.run ? null : st.pausedKind,
    pausedSince: st.run ? null : st.pausedSince,
    dueAt,
  };
}


/**
 * The civil date a due moment belongs to. A due moment at a day's opening (07:30 Monday) is the same position as
 * the previous working day's close (17:00 Friday), so it belongs to that day: we take the date of the working minute
 * just before the due moment.
 */
export function dueDateOf(cal: WorkCalendar, due: Date): string {
  return todayVn(new Date(subtractWorkingTimeMs(cal, due.getTime(), 1 / 60, 'working_hour')));
}

/**
 * Where the budget of each step ends on the dossier clock: shares in percent of the budget, cumulated, rounded
 * to whole minutes; the last step ends exactly at the budget.
 */
export function stepBudgets(budgetMinutes: number, sharesPercent: readonly number[]): Array<{ budget: number; cumulative: number }> {
  const total = sharesPercent.reduce((a, s) => a + s, 0) || 1;
  const out: Array<{ budget: number; cumulative: number }> = [];
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < sharesPercent.length; i++) {
    acc += sharesPercent[i];
    const cumulative = i === sharesPercent.length - 1 ? budgetMinutes : Math.round((budgetMinutes * acc) / total);
    out.push({ budget: cumulative - prev, cumulative });
    prev = cumulative;
  }
  return out;
}

/**
 * Latest moment to issue the apology and new appointment: one working day before the due moment
 * (61/2018; QĐ 88/2025/QĐ-UBND Lai Châu under 118/2025).
 */
export function apologyDeadline(cal: WorkCalendar, due: Date): Date {
  return new Date(subtractWorkingTimeMs(cal, due.getTime(), 1, 'working_day'));
}
