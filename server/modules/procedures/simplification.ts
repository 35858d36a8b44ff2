/**
 * The simplification report of a yearly review (báo cáo kết quả rà soát, đơn giản hóa TTHC), computed from rows:
 * the versions in force on the plan's baseline date ("before") and the same contents with the plan's approved
 * proposals applied ("after"). docs/procedures-simplification.md explains the same formulas for people.
 *
 * For each procedure p reviewed in the plan:
 *   T(p)  statutory processing time at the counter, in working days:
 *           working_day → value;  working_hour → value / 8  (8 working hours = 1 working day, deadlines.md §2);
 *           day (calendar) → value × 5 / 7  (five working days in a week of seven).
 *   D(p)  number of required documents (items of the dossier, not copies).
 *   F(p)  sum of fees and charges in đồng.
 *   C(p)  compliance cost in đồng = F(p) + T(p) × V, where V = value of one working day of the applicant's time
 *         (query parameter `timeValuePerDay`, default DEFAULT_TIME_VALUE_PER_DAY).
 *   An abolished (or merged-away) procedure weighs 0 on every measure after: its whole burden is removed.
 *
 * For each measure X ∈ {T, D, F, C}:
 *   before = Σ_p X(p_before),  after = Σ_p X(p_after),  reduction = before − after,
 *   percent = 100 × reduction / before, rounded to 2 decimals (null when before = 0).
 *
 * Counts: reviewed = procedures in the plan (listed, or with a proposal); simplified = procedures with at least one
 * approved proposal; abolished = procedures not abolished before and abolished after.
 * The article's target ("cut 30–50 % every year") is met on a measure when its percent ≥ 30.
 */
import type { ProposalChangeDto } from '../../../contracts/procedures.ts';
import { applyProposalChange, durationInWorkingDays, type ProcedureContent } from './procedures.versions.ts';

/**
 * Default value of one working day of an applicant's time, in đồng [R]: about a monthly income of 6.6 million đồng
 * over 22 working days. Configurable per report; state the value used whenever the figure is published.
 */
export const DEFAULT_TIME_VALUE_PER_DAY = 300_000;
export const TARGET = { minPercent: 30, maxPercent: 50 } as const;

export const FORMULAS: Record<string, string> = {
  T: 'T(p) = statutory time at the counter in working days (working_hour ÷ 8; calendar day × 5 ÷ 7)',
  D: 'D(p) = number of required documents (items, not copies)',
  F: 'F(p) = Σ fees and charges of p, in đồng',
  C: 'C(p) = F(p) + T(p) × V, V = timeValuePerDay (đồng per working day of the applicant)',
  abolished: 'an abolished or merged-away procedure counts 0 on every measure after',
  before: 'before = Σ over reviewed procedures of the version in force on the baseline date',
  after: 'after = Σ over reviewed procedures of that version with the approved proposals of the plan applied in effective-date order',
  percent: 'percent = 100 × (before − after) ÷ before, 2 decimals; null when before = 0',
  target: `target met when percent ≥ ${TARGET.minPercent} (the article: "cut ${TARGET.minPercent}–${TARGET.maxPercent} % every year")`,
};

export interface Burden {
  time: number;
  documents: number;
  fees: number;
  cost: number;
}

/** The burden of one procedure version on an applicant. */
export function burdenOf(c: ProcedureContent, timeValuePerDay: number): Burden {
  if (c.status === 'abolished') return { time: 0, documents: 0, fees: 0, cost: 0 };
  const time = durationInWorkingDays(c.processingTime);
  const fees = c.fees.reduce((a, f) => a + f.amount, 0);
  return { time, documents: c.documents.length, fees, cost: fees + time * timeValuePerDay };
}

export interface ReviewedProcedure {
  procedureId: string;
  code: string;
  name: string;
  baseVersionNo: number;
  base: ProcedureContent;
  /** Approved changes in the order they take effect. */
  approved: ProposalChangeDto[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const measure = (before: number, after: number) => ({
  before: round2(before),
  after: round2(after),
  reduction: round2(before - after),
  percent: before > 0 ? round2((100 * (before - after)) / before) : null,
});

/** Computes the report's figures from the reviewed procedures (pure; see the formulas at the top of this file). */
export function computeSimplification(items: ReviewedProcedure[], timeValuePerDay: number = DEFAULT_TIME_VALUE_PER_DAY) {
  const sum = { tb: 0, ta: 0, db: 0, da: 0, fb: 0, fa: 0, cb: 0, ca: 0 };
  let simplified = 0;
  let abolished = 0;
  const rows = items.map((it) => {
    const after = it.approved.reduce(applyProposalChange, it.base);
    const b = burdenOf(it.base, timeValuePerDay);
    const a = burdenOf(after, timeValuePerDay);
    sum.tb += b.time;
    sum.ta += a.time;
    sum.db += b.documents;
    sum.da += a.documents;
    sum.fb += b.fees;
    sum.fa += a.fees;
    sum.cb += b.cost;
    sum.ca += a.cost;
    if (it.approved.length > 0) simplified++;
    const wasAbolished = it.base.status !== 'abolished' && after.status === 'abolished';
    if (wasAbolished) abolished++;
    return {
      procedureId: it.procedureId,
      code: it.code,
      name: it.name,
      baseVersionNo: it.baseVersionNo,
      approvedProposals: it.approved.length,
      timeBefore: round2(b.time),
      timeAfter: round2(a.time),
      documentsBefore: b.documents,
      documentsAfter: a.documents,
      feesBefore: b.fees,
      feesAfter: a.fees,
      costBefore: round2(b.cost),
      costAfter: round2(a.cost),
      abolished: wasAbolished,
    };
  });
  const time = measure(sum.tb, sum.ta);
  const complianceCost = measure(sum.cb, sum.ca);
  return {
    timeValuePerDay,
    reviewedCount: items.length,
    simplifiedCount: simplified,
    abolishedCount: abolished,
    time,
    documents: measure(sum.db, sum.da),
    fees: measure(sum.fb, sum.fa),
    complianceCost,
    target: { ...TARGET, timeMet: (time.percent ?? 0) >= TARGET.minPercent, complianceCostMet: (complianceCost.percent ?? 0) >= TARGET.minPercent },
    formulas: FORMULAS,
    rows,
  };
}
