/**
 * Use cases of the leaders' dashboard: the figures of a unit's subtree and period with their monthly trend, the
 * comparison of its sub-units and the per-procedure table; the dossiers behind any number (drill-down).
 * Read-only; figures come from the read model (figures.ts), never from a scan of all dossiers.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { feedbackFigures } from '../feedback/index.ts';
import { satisfactionFigures } from '../satisfaction/index.ts';
import type { Dashboard, DashboardQuery, DrillMeasure, DrillQuery, UnitsMode } from '../../../contracts/dashboard.ts';
import { addCounters, asOfFor, countersByUnit, FORMULAS, figuresOf, openRelation, rollupByProcedure, rollupByUnitAndMonth, uuidList, zeroCounters, type Counters } from './figures.ts';
import { resolveSelection, type Selection } from './selection.ts';

export interface DashboardDeps {
  database: Database;
}

type Query = z.infer<typeof DashboardQuery>;

function checkPeriod(q: { from: string; to: string }) {
  if (q.to < q.from) {
    throw new AppError('VALIDATION_FAILED', { detail: 'to before from', fields: [{ field: 'to', code: 'before_from', message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' } }] });
  }
  if (Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) > 20) {
    throw new AppError('VALIDATION_FAILED', { detail: 'period longer than 20 years', fields: [{ field: 'from', code: 'too_long', message: { vi: 'Khoảng thời gian quá dài (tối đa 20 năm)', en: 'Period too long (20 years at most)', fr: 'Période trop longue (20 ans au plus)' } }] });
  }
}

/** Sums the per-unit counters into the root's total and each compared sub-unit. */
export function groupCounters(sel: Selection, perUnit: Map<string, Counters>) {
  let total = zeroCounters();
  const byChild = new Map<string, Counters>(sel.children.map((c) => [c.id, zeroCounters()]));
  for (const [unitId, c] of perUnit) {
    total = addCounters(total, c);
    const g = sel.groupOf.get(unitId);
    if (g) byChild.set(g, addCounters(byChild.get(g)!, c));
  }
  return { total, byChild };
}

/** Satisfaction and feedback figures of the satisfaction and feedback modules, or why they are not available. */
async function serviceQuality(db: Db, unitIds: string[], from: string, to: string, now: Date): Promise<Pick<Dashboard, 'satisfaction' | 'feedback'>> {
  const [s, f] = await Promise.allSettled([satisfactionFigures(db, { unitIds, from, to }), feedbackFigures(db, { unitIds, from, to }, now)]);
  return {
    satisfaction: s.status === 'fulfilled' ? { status: 'available', ...s.value } : { status: 'not_available', reason: String((s.reason as Error)?.message ?? s.reason) },
    feedback: f.status === 'fulfilled' ? { status: 'available', ...f.value } : { status: 'not_available', reason: String((f.reason as Error)?.message ?? f.reason) },
  };
}

/** Months 'YYYY-MM' from `from` to `to`. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > 400) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** The whole dashboard of a unit (default: the caller's) and period. */
export async function getDashboard(deps: DashboardDeps, ctx: Context, q: Query, now = new Date()): Promise<Dashboard> {
  checkPeriod(q);
  const db = deps.database.db;
  const sel = await resolveSelection(db, ctx, q);
  const { asOf } = asOfFor(q.to, now);
  const both = rollupByUnitAndMonth(db, sel.unitIds, q.from, q.to);
  const [perUnit, months, procedures, quality] = await Promise.all([
    countersByUnit(db, sel.unitIds, q.from, q.to, q.units, now, both.then((b) => b.byUnit)),
    both.then((b) => b.byMonth),
    rollupByProcedure(db, sel.unitIds, q.from, q.to),
    serviceQuality(db, sel.unitIds, q.from, q.to, now),
  ]);
  const { total, byChild } = groupCounters(sel, perUnit);
  return {
    unit: { id: sel.root.id, name: sel.root.name },
    from: q.from,
    to: q.to,
    units: q.units,
    asOf: asOf.toISOString(),
    figures: figuresOf(total),
    ...quality,
    trend: monthsOf(q.from, q.to).map((month) => {
      const f = figuresOf(months.get(month) ?? zeroCounters());
      return { month, received: f.received, receivedOnline: f.receivedOnline, finished: f.finished, early: f.early, onTime: f.onTime, late: f.late, onTimeRateFinishedOnly: f.onTimeRateFinishedOnly };
    }),
    comparison: sel.children.map((c) => ({ unitId: c.id, name: c.name, figures: figuresOf(byChild.get(c.id)!) })),
    procedures,
    formulas: FORMULAS,
  };
}

/** Figures of a unit's subtree only (live figures of the PAR module, reports, the 766 index). */
export async function unitFigures(db: Db, unitIds: string[], from: string, to: string, mode: UnitsMode, now = new Date()) {
  let total = zeroCounters();
  for (const c of (await countersByUnit(db, unitIds, from, to, mode, now)).values()) total = addCounters(total, c);
  return total;
}

/** The condition on dashboard_facts `f` selecting the dossiers behind a rollup measure. */
function factCondition(measure: Exclude<DrillMeasure, 'open_on_track' | 'open_due_soon' | 'open_overdue'>, ids: SQL, from: string, to: string): SQL {
  const received = sql`f.unit_id = ANY(${ids}) AND f.received_day BETWEEN ${from}::date AND ${to}::date`;
  const ended = sql`f.end_unit_id = ANY(${ids}) AND f.end_day BETWEEN ${from}::date AND ${to}::date`;
  switch (measure) {
    case 'received':
      return received;
    case 'received_counter':
      return sql`${received} AND f.channel = 'counter'`;
    case 'received_online':
      return sql`${received} AND f.channel = 'online'`;
    case 'received_post':
      return sql`${received} AND f.channel = 'post'`;
    case 'finished':
      return sql`${ended} AND f.end_kind = 'finished'`;
    case 'early':
    case 'on_time':
    case 'late':
      return sql`${ended} AND f.end_kind = 'finished' AND f.outcome = ${measure}`;
    case 'apart':
      return sql`${ended} AND f.end_kind = 'apart'`;
    case 'digitised':
      return sql`f.reception_unit_id = ANY(${ids}) AND f.received_day BETWEEN ${from}::date AND ${to}::date AND f.digitised`;
    case 'returned':
      return sql`f.returned_unit_id = ANY(${ids}) AND f.returned_day BETWEEN ${from}::date AND ${to}::date`;
    case 'results_digitised':
      return sql`f.returned_unit_id = ANY(${ids}) AND f.returned_day BETWEEN ${from}::date AND ${to}::date AND f.result_digitised`;
  }
}

/** The ids relation (column `id`) behind a measure. */
export function drillRelation(measure: DrillMeasure, unitIds: readonly string[], from: string, to: string, mode: UnitsMode, now: Date): SQL {
  const ids = uuidList(unitIds);
  if (measure === 'open_on_track' || measure === 'open_due_soon' || measure === 'open_overdue') {
    const { start, end, asOf } = asOfFor(to, now, from);
    return sql`(SELECT o.id FROM ${openRelation(unitIds, start, end, asOf, mode)} o WHERE o.standing = ${measure.slice(5)})`;
  }
  const ended = ['finished', 'early', 'on_time', 'late', 'apart'].includes(measure);
  if (!ended) return sql`(SELECT f.dossier_id AS id FROM dashboard_facts f WHERE ${factCondition(measure, ids, from, to)})`;
  // Ended after asOf (a period running past now): still open for the dossier module, so not listed as ended.
  const { asOf } = asOfFor(to, now);
  return sql`(SELECT f.dossier_id AS id FROM dashboard_facts f JOIN dossiers d ON d.id = f.dossier_id
    WHERE ${factCondition(measure, ids, from, to)} AND d.finished_at <= ${asOf.toISOString()}::timestamptz)`;
}

/** The dossiers behind one number of the dashboard, newest first, one page at a time. */
export async function drillDown(deps: DashboardDeps, ctx: Context, q: z.infer<typeof DrillQuery>, now = new Date()) {
  checkPeriod(q);
  const db = deps.database.db;
  const sel = await resolveSelection(db, ctx, q);
  return drillPage(db, sel, q, now);
}

export async function drillPage(db: Db, sel: Selection, q: { from: string; to: string; units: UnitsMode; measure: DrillMeasure; limit: number; offset: number }, now: Date) {
  const rel = drillRelation(q.measure, sel.unitIds, q.from, q.to, q.units, now);
  const res = (await db.execute(sql`SELECT d.id, d.code, d.procedure_name, d.applicant_name, d.channel, d.status, d.competent_unit_id,
        d.received_at, d.due_at, d.finished_at, d.outcome, count(*) OVER () AS total
      FROM ${rel} r JOIN dossiers d ON d.id = r.id
      ORDER BY d.received_at DESC, d.code LIMIT ${q.limit} OFFSET ${q.offset}`)) as unknown as { rows: Array<Record<string, unknown>> };
  let total = res.rows.length ? Number(res.rows[0].total) : 0;
  if (!res.rows.length && q.offset > 0) total = Number(((await db.execute(sql`SELECT count(*)::int AS c FROM ${rel} r`)) as unknown as { rows: Array<{ c: number }> }).rows[0].c);
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return {
    total,
    items: res.rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      procedureName: String(r.procedure_name),
      applicantName: String(r.applicant_name),
      channel: String(r.channel),
      status: String(r.status),
      unitName: sel.units.get(String(r.competent_unit_id))?.name ?? '',
      receivedAt: iso(r.received_at)!,
      dueAt: iso(r.due_at),
      finishedAt: iso(r.finished_at),
      outcome: r.outcome === null ? null : String(r.outcome),
    })),
  };
}
