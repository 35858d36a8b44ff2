/**
 * Classification of dossiers (trước hạn / đúng hạn / quá hạn; trong hạn / sắp đến hạn / quá hạn) and the on-time
 * rate. Pure functions on plain values; the due moment and its civil date come from the clock ledger (clock.ts).
 *
 * Formulas (also in docs/dossiers.md):
 *
 *   Finished dossier (status 9 result ready or 10 returned, refusals on the merits included), end = time of status 9:
 *     early    ⇔ date(end) <  dueDate
 *     on time  ⇔ date(end) =  dueDate
 *     late     ⇔ date(end) >  dueDate, or more than one supplement request (the national portal counts it late)
 *   Dates are Vietnam civil dates, as in the provincial report forms 06a/07a (dossier-lifecycle.md §12.2);
 *   `dueDate` is the date of the statutory due moment derived from the clock ledger (pauses shifted out,
 *   extensions with legal basis added). An apology's new appointment does NOT move it: a re-set appointment does
 *   not make a late dossier on time (§11.2).
 *
 *   Open dossier at the instant `asOf`:
 *     overdue  ⇔ due moment < asOf, or (clock paused) remaining working minutes < 0
 *     due soon ⇔ not overdue and due moment − asOf ≤ 24 h
 *     on track ⇔ otherwise (a paused dossier with time left is on track)
 *
 *   Withdrawn (7) and stopped (8) dossiers are counted apart ("trả lại / xin rút") and enter neither term.
 *
 *   on-time rate = (finished early + finished on time) ÷ (finished + open overdue)
 *
 *   Open overdue dossiers are counted AGAINST the unit: peers dividing by finished dossiers only
 *   ((early + on time) ÷ finished, OpenCPS) reward a unit for sitting on late dossiers. That figure is also returned
 *   (`rateFinishedOnly`) so the two can be compared, labelled.
 */
import type { Outcome, Standing } from './dossiers.kinds.ts';

export const DUE_SOON_MS = 24 * 3_600_000;

/** Outcome of a finished dossier or step: compares civil dates (see module doc). */
export function outcomeOf(endDate: string, dueDate: string, supplementRequests = 0): Outcome {
  if (supplementRequests > 1) return 'late';
  if (endDate < dueDate) return 'early';
  if (endDate === dueDate) return 'on_time';
  return 'late';
}

/** Standing of an open dossier at `asOf` (see module doc). */
export function standingOf(asOf: Date, dueAt: Date | null, remainingMinutes: number, running: boolean): Standing {
  if (!running || dueAt === null) {
    if (remainingMinutes < 0) return 'overdue';
    return 'on_track';
  }
  const left = dueAt.getTime() - asOf.getTime();
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_MS) return 'due_soon';
  return 'on_track';
}

/** What classification needs of one dossier. */
export interface ClassifiableDossier {
  /** 'finished' (9/10), 'open', or 'apart' (withdrawn, stopped). */
  state: 'finished' | 'open' | 'apart';
  /** Outcome of a finished dossier. */
  outcome?: Outcome | null;
  /** Standing of an open dossier as of the period end. */
  standing?: Standing | null;
}

export interface RateResult {
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  openOnTrack: number;
  openDueSoon: number;
  openOverdue: number;
  apart: number;
  /** (early + on time) ÷ (finished + open overdue); null when that denominator is 0. */
  rate: number | null;
  /** (early + on time) ÷ finished; null when nothing finished. */
  rateFinishedOnly: number | null;
}

export const ON_TIME_RATE_FORMULA = 'on-time rate = (finished early + finished on time) ÷ (finished + open overdue)';

/** Counts the buckets and computes both rates. */
export function onTimeRate(list: readonly ClassifiableDossier[]): RateResult {
  const r: RateResult = { finishedEarly: 0, finishedOnTime: 0, finishedLate: 0, openOnTrack: 0, openDueSoon: 0, openOverdue: 0, apart: 0, rate: null, rateFinishedOnly: null };
  for (const d of list) {
    if (d.state === 'apart') r.apart++;
    else if (d.state === 'finished') {
      if (d.outcome === 'early') r.finishedEarly++;
      else if (d.outcome === 'on_time') r.finishedOnTime++;
      else r.finishedLate++;
    } else if (d.standing === 'overdue') r.openOverdue++;
    else if (d.standing === 'due_soon') r.openDueSoon++;
    else r.openOnTrack++;
  }
  const good = r.finishedEarly + r.finishedOnTime;
  const finished = good + r.finishedLate;
  r.rate = finished + r.openOverdue === 0 ? null : good / (finished + r.openOverdue);
  r.rateFinishedOnly = finished === 0 ? null : good / finished;
  return r;
}
