/**
 * The reform programme in figures, computed from the rows of a unit's subtree over a period — the figures the
 * provincial press reports (documents issued, initiatives applied, integrated and surprise inspections, classes
 * and trainees, officials sent to courses, sanctions by level, e-ID coverage, PAR index trend). Nothing here is
 * stored or typed in: every number is a count or a sum of rows. Default period: the last five calendar years.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SummaryQuery } from '../../../../contracts/reform.ts';
import type { Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import type { Context } from '../../accounts/context.ts';
import { disciplineCounts } from '../discipline/discipline.service.ts';
import { inspectionCounts } from '../inspections/inspections.repository.ts';
import { trendPoints } from '../par/par.assessments.ts';
import { requireUnitExists, subtreeOf } from '../shared.ts';
import { trainingTotals } from '../training/training.repository.ts';
import { eIdFigures } from './eid.ts';

type Rows<T> = { rows: T[] };

export async function reformSummary(db: Db, ctx: Context, q: z.infer<typeof SummaryQuery>) {
  const unit = await requireUnitExists(db, q.unitId, 'unitId');
  await ctx.requireUnit('dashboard.read', q.unitId);
  const today = todayVn();
  const from = q.from ?? `${Number(today.slice(0, 4)) - 4}-01-01`;
  const to = q.to ?? today;
  const tree = subtreeOf(q.unitId);

  const docs = (await db.execute(sql`
    SELECT kind, extract(year FROM issued_on)::int AS year, count(*)::int AS n FROM reform_documents
    WHERE unit_id IN ${tree} AND issued_on BETWEEN ${from} AND ${to} GROUP BY 1, 2`)) as unknown as Rows<{ kind: string; year: number; n: number }>;
  const byKind: Record<string, number> = {};
  const byYear: Record<string, number> = {};
  for (const r of docs.rows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + Number(r.n);
    byYear[String(r.year)] = (byYear[String(r.year)] ?? 0) + Number(r.n);
  }

  const tasks = (await db.execute(sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE status = 'done')::int AS done,
           count(*) FILTER (WHERE status IN ('not_started', 'in_progress'))::int AS open,
           count(*) FILTER (WHERE status IN ('not_started', 'in_progress') AND deadline < ${today})::int AS overdue
    FROM reform_tasks WHERE unit_id IN ${tree} AND deadline BETWEEN ${from} AND ${to}`)) as unknown as Rows<Record<string, number>>;

  const initiatives = (await db.execute(sql`
    SELECT count(*) FILTER (WHERE registered_on BETWEEN ${from} AND ${to})::int AS registered,
           count(*) FILTER (WHERE status = 'recognised' AND evaluated_on BETWEEN ${from} AND ${to})::int AS recognised,
           count(*) FILTER (WHERE applied AND coalesce(applied_from, registered_on) BETWEEN ${from} AND ${to})::int AS applied
    FROM reform_initiatives WHERE unit_id IN ${tree}`)) as unknown as Rows<Record<string, number>>;

  const insp = await inspectionCounts(db, q.unitId, from, to, today);
  const training = await trainingTotals(db, q.unitId, from, to);
  const discipline = await disciplineCounts(db, q.unitId, from, to);
  const eId = await eIdFigures(db, q.unitId);
  const [fromYear, toYear] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  const parTrend = (await trendPoints(db, q.unitId, true)).filter((p) => p.year >= fromYear && p.year <= toYear && p.status === 'published');

  const t = tasks.rows[0] ?? {};
  const i = initiatives.rows[0] ?? {};
  return {
    unitId: unit.id,
    unitName: unit.name,
    period: { from, to },
    documents: { issued: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, byYear },
    tasks: { total: Number(t.total ?? 0), done: Number(t.done ?? 0), open: Number(t.open ?? 0), overdue: Number(t.overdue ?? 0) },
    initiatives: { registered: Number(i.registered ?? 0), recognised: Number(i.recognised ?? 0), applied: Number(i.applied ?? 0) },
    inspections: { integrated: insp.integrated, surprise: insp.surprise, byYear: insp.byYear, recommendationsOpen: insp.recommendations.open, recommendationsOverdue: insp.recommendations.overdue },
    training,
    discipline,
    eId,
    parTrend,
  };
}
