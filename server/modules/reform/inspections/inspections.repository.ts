import { count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import { subtreeOf } from '../shared.ts';
import { inspectionFollowUps, inspectionPlans, inspectionRecommendations, inspections } from './inspections.schema.ts';

export type PlanRow = typeof inspectionPlans.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type RecommendationRow = typeof inspectionRecommendations.$inferSelect;
export type FollowUpRow = typeof inspectionFollowUps.$inferSelect;

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  return row;
}
export async function findPlans(db: Db, where: SQL | undefined): Promise<PlanRow[]> {
  return db.select().from(inspectionPlans).where(where).orderBy(desc(inspectionPlans.year));
}
export async function planCounts(db: Db, planIds: string[]): Promise<Map<string, { integrated: number; surprise: number }>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.select({ id: inspections.planId, kind: inspections.kind, n: count() }).from(inspections).where(inArray(inspections.planId, planIds)).groupBy(inspections.planId, inspections.kind);
  const out = new Map<string, { integrated: number; surprise: number }>();
  for (const r of rows) {
    const e = out.get(r.id!) ?? { integrated: 0, surprise: 0 };
    if (r.kind === 'integrated') e.integrated = r.n;
    else e.surprise = r.n;
    out.set(r.id!, e);
  }
  return out;
}

export async function findInspection(db: Db, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  return row;
}
export async function findInspections(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: InspectionRow[]; total: number }> {
  const rows = await db.select().from(inspections).where(where).orderBy(desc(inspections.startOn), inspections.title).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(inspections).where(where);
  return { rows, total: n };
}

/** Per inspection: recommendations in total, open, and open past their deadline. */
export async function recommendationCounts(db: Db, inspectionIds: string[]): Promise<Map<string, { total: number; open: number; overdue: number }>> {
  if (inspectionIds.length === 0) return new Map();
  const today = todayVn();
  const rows = await db
    .select({
      id: inspectionRecommendations.inspectionId,
      total: count(),
      open: sql<number>`count(*) FILTER (WHERE ${inspectionRecommendations.status} = 'open')`.mapWith(Number),
      overdue: sql<number>`count(*) FILTER (WHERE ${inspectionRecommendations.status} = 'open' AND ${inspectionRecommendations.deadline} < ${today})`.mapWith(Number),
    })
    .from(inspectionRecommendations)
    .where(inArray(inspectionRecommendations.inspectionId, inspectionIds))
    .groupBy(inspectionRecommendations.inspectionId);
  return new Map(rows.map((r) => [r.id, { total: r.total, open: r.open, overdue: r.overdue }]));
}

export async function findRecommendation(db: Db, id: string): Promise<RecommendationRow | undefined> {
  const [row] = await db.select().from(inspectionRecommendations).where(eq(inspectionRecommendations.id, id));
  return row;
}
export async function findRecommendations(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: RecommendationRow[]; total: number }> {
  const rows = await db.select().from(inspectionRecommendations).where(where).orderBy(inspectionRecommendations.deadline, inspectionRecommendations.createdAt).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(inspectionRecommendations).where(where);
  return { rows, total: n };
}
export async function findFollowUps(db: Db, recommendationIds: string[]): Promise<FollowUpRow[]> {
  if (recommendationIds.length === 0) return [];
  return db.select().from(inspectionFollowUps).where(inArray(inspectionFollowUps.recommendationId, recommendationIds)).orderBy(inspectionFollowUps.reportedOn, inspectionFollowUps.createdAt);
}

export interface InspectionCounts {
  byYear: Array<{ year: number; integrated: number; surprise: number }>;
  integrated: number;
  surprise: number;
  recommendations: { total: number; open: number; overdue: number; closed: number };
}

/** Inspections carried out by a unit's subtree (by start date) and the state of their recommendations. */
export async function inspectionCounts(db: Db, rootUnitId: string, from: string, to: string, today = todayVn()): Promise<InspectionCounts> {
  const res = (await db.execute(sql`
    SELECT extract(year FROM start_on)::int AS year, kind, count(*)::int AS n
    FROM inspections WHERE unit_id IN ${subtreeOf(rootUnitId)} AND start_on BETWEEN ${from} AND ${to}
    GROUP BY 1, 2 ORDER BY 1`)) as unknown as { rows: Array<{ year: number; kind: string; n: number }> };
  const years = new Map<number, { year: number; integrated: number; surprise: number }>();
  for (const r of res.rows) {
    const e = years.get(Number(r.year)) ?? { year: Number(r.year), integrated: 0, surprise: 0 };
    if (r.kind === 'integrated') e.integrated += Number(r.n);
    else if (r.kind === 'surprise') e.surprise += Number(r.n);
    years.set(e.year, e);
  }
  const byYear = [...years.values()].sort((a, b) => a.year - b.year);
  const recs = (await db.execute(sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE r.status = 'open')::int AS open,
           count(*) FILTER (WHERE r.status = 'open' AND r.deadline < ${today})::int AS overdue,
           count(*) FILTER (WHERE r.status = 'closed')::int AS closed
    FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id
    WHERE i.unit_id IN ${subtreeOf(rootUnitId)} AND i.start_on BETWEEN ${from} AND ${to}`)) as unknown as { rows: Array<Record<string, number>> };
  const rr = recs.rows[0] ?? {};
  return {
    byYear,
    integrated: byYear.reduce((a, b) => a + b.integrated, 0),
    surprise: byYear.reduce((a, b) => a + b.surprise, 0),
    recommendations: { total: Number(rr.total ?? 0), open: Number(rr.open ?? 0), overdue: Number(rr.overdue ?? 0), closed: Number(rr.closed ?? 0) },
  };
}
