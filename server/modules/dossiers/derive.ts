/**
 * The caches a dossier row keeps of its clock ledger (due moment, its date, remaining minutes, running) and the
 * due moment of each open step, recomputed after every clock event. Pure.
 */
import type { WorkCalendar } from '../calendar/index.ts';
import { outcomeOf } from './classification.ts';
import { deriveClock, dueDateOf, momentAtConsumed, type ClockEntry, type ClockState } from './clock.ts';
import type { Outcome } from './dossiers.kinds.ts';
import { todayVn } from '../../platform/clock.ts';

export interface Derived {
  clock: ClockState;
  dueAt: Date | null;
  dueDate: string | null;
  remainingMinutes: number;
  clockRunning: boolean;
}

/** The dossier's derived values at `now`. */
export function deriveDossier(cal: WorkCalendar, entries: readonly ClockEntry[], now: Date): Derived {
  const clock = deriveClock(cal, entries, clock0(entries, now));
  return { clock, dueAt: clock.dueAt, dueDate: clock.dueAt ? dueDateOf(cal, clock.dueAt) : null, remainingMinutes: clock.remainingMinutes, clockRunning: clock.running };
}

/** `asOf` must not precede the last entry (seeds and tests may pass times in the past). */
function clock0(entries: readonly ClockEntry[], now: Date): Date {
  const last = entries[entries.length - 1];
  return last && last.at.getTime() > now.getTime() ? last.at : now;
}

/**
 * Due moment of a step: when the dossier clock reaches the step's cumulative share of the current budget
 * (extensions are spread over the steps in proportion). Null while paused before it.
 */
export function stepDue(cal: WorkCalendar, entries: readonly ClockEntry[], cumulativeMinutes: number, baseBudget: number, currentBudget: number): Date | null {
  const target = baseBudget > 0 ? Math.round((cumulativeMinutes * currentBudget) / baseBudget) : 0;
  return momentAtConsumed(cal, entries, target);
}

/** Early / on time / late of something finished at `end` and due at `due` (civil dates; see classification.ts). */
export function outcomeAt(cal: WorkCalendar, end: Date, due: Date | null, supplementRequests = 0): Outcome {
  if (!due) return 'on_time';
  return outcomeOf(todayVn(end), dueDateOf(cal, due), supplementRequests);
}
