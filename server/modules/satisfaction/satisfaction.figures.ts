/** Aggregates of satisfaction ratings for dashboards and PAR live figures. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { subtreeIds } from '../accounts/context.ts';
import { registerLiveFigureProvider } from '../reform/par/live-figures.ts';
import { SATISFIED_FROM } from './satisfaction.kinds.ts';

export interface FigureQuery {
  /** Units whose ratings count; each covers its subtree. Absent = every unit. An empty list counts nothing. */
  unitIds?: string[];
  /** First and last civil dates (Asia/Ho_Chi_Minh, 'YYYY-MM-DD'), both included. */
  from: string;
  to: string;
}

export interface SatisfactionFigures {
  ratings: number;
  satisfied: number;
  /** satisfied ÷ ratings, a fraction 0…1; null when there is no rating. */
  rate: number | null;
}

/** `col` within [from 00:00, to+1 00:00) in Vietnam time. */
export function periodFilter(col: SQL, from: string, to: string): SQL {
  return sql`${col} >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND ${col} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
}

/** `col IN (subtrees of unitIds)`, or TRUE when unitIds is absent. */
export async function unitFilter(db: Db, col: SQL, unitIds: string[] | undefined): Promise<SQL> {
  if (!unitIds) return sql`TRUE`;
  const ids = await subtreeIds(db, unitIds);
  if (ids.length === 0) return sql`FALSE`;
  return sql`${col} IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`;
}

/**
 * Satisfaction figures of the units (reception unit of the rated dossier, subtrees included) over a period
 * (date of the rating).
 *
 *   rate = satisfied ÷ ratings, where satisfied = ratings whose OVERALL score is 4 (Hài lòng) or 5 (Rất hài lòng)
 *   on the 1–5 scale; null when ratings = 0.
 */
export async function satisfactionFigures(db: Db, q: FigureQuery): Promise<SatisfactionFigures> {
  const where = sql`${await unitFilter(db, sql`unit_id`, q.unitIds)} AND ${periodFilter(sql`rated_at`, q.from, q.to)}`;
  const res = (await db.execute(sql`SELECT count(*)::int AS ratings, count(*) FILTER (WHERE score_overall >= ${SATISFIED_FROM})::int AS satisfied
    FROM satisfaction_ratings WHERE ${where}`)) as unknown as { rows: Array<{ ratings: number; satisfied: number }> };
  const { ratings, satisfied } = res.rows[0];
  return { ratings, satisfied, rate: ratings === 0 ? null : satisfied / ratings };
}

registerLiveFigureProvider({
  key: 'satisfaction.rate',
  source: 'satisfaction',
  unit: 'percent',
  label: { vi: 'Tỷ lệ hài lòng của người dân, tổ chức', en: 'Satisfaction of citizens and businesses', fr: 'Satisfaction des usagers' },
  compute: async (q) => {
    const f = await satisfactionFigures(q.db, { unitIds: [q.rootUnitId], from: q.from, to: q.to });
    return f.rate === null ? null : Math.round(f.rate * 10000) / 100;
  },
});
