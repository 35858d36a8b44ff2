/** Aggregates of feedback items for dashboards and PAR live figures (766 indicator 5.2). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { registerLiveFigureProvider } from '../reform/par/live-figures.ts';
import { periodFilter, unitFilter, type FigureQuery } from '../satisfaction/satisfaction.figures.ts';

export type { FigureQuery };

export interface FeedbackFigures {
  /** Items received in the period (merged duplicates excluded: they count once, as the item they joined). */
  received: number;
  /** Of those, answered (or refused with reasons) by the end of the period. */
  answered: number;
  /** Of the answered, answered no later than the answer due moment (working-day calendar of the unit). */
  answeredOnTime: number;
  /** Of those received, not answered by the end of the period while their answer due moment has passed. */
  openOverdue: number;
  /** Of the answered, those whose sender disliked the answer (766 indicator 5.3). */
  unsatisfied: number;
  /** answeredOnTime ÷ (answered + openOverdue), a fraction 0…1; null when the denominator is 0. */
  onTimeRate: number | null;
}

/**
 * Feedback figures of the units (handling unit, subtrees included) for items received between `from` and `to`
 * (civil dates in Vietnam, both included). "End of the period" = the end of `to`, or now if earlier.
 *
 *   on-time rate = answered on time ÷ (answered + open overdue)
 *
 * Items still open and not yet due are left out of the rate (not yet decided), like the dossiers' on-time rate,
 * so an unanswered overdue item lowers it as soon as it is late (766 indicator 5.2 counts open items by
 * "(period end, or today) − start ≤ limit").
 */
export async function feedbackFigures(db: Db, q: FigureQuery, now = new Date()): Promise<FeedbackFigures> {
  const endOfTo = new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000);
  const asOf = endOfTo < now ? endOfTo : now;
  const where = sql`status <> 'merged' AND ${await unitFilter(db, sql`unit_id`, q.unitIds)} AND ${periodFilter(sql`received_at`, q.from, q.to)}`;
  const res = (await db.execute(sql`SELECT
      count(*)::int AS received,
      count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at < ${asOf.toISOString()}::timestamptz)::int AS answered,
      count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at < ${asOf.toISOString()}::timestamptz AND answered_at <= answer_due_at)::int AS "answeredOnTime",
      count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at < ${asOf.toISOString()}::timestamptz AND sender_verdict = 'unsatisfied')::int AS unsatisfied,
      count(*) FILTER (WHERE (answered_at IS NULL OR answered_at >= ${asOf.toISOString()}::timestamptz) AND answer_due_at < ${asOf.toISOString()}::timestamptz)::int AS "openOverdue"
    FROM feedback_items WHERE ${where}`)) as unknown as { rows: Array<Omit<FeedbackFigures, 'onTimeRate'>> };
  const r = res.rows[0];
  const denominator = r.answered + r.openOverdue;
  return { ...r, onTimeRate: denominator === 0 ? null : r.answeredOnTime / denominator };
}

registerLiveFigureProvider({
  key: 'feedback.on_time_rate',
  source: 'feedback',
  unit: 'percent',
  label: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time', fr: 'Réclamations traitées à temps' },
  compute: async (q) => {
    const f = await feedbackFigures(q.db, { unitIds: [q.rootUnitId], from: q.from, to: q.to });
    return f.onTimeRate === null ? null : Math.round(f.onTimeRate * 10000) / 100;
  },
});
