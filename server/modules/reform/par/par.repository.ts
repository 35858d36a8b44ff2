import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reformDocuments } from '../steering/steering.schema.ts';
import { parAssessments, parCriteria, parEvidence, parFrameworks, parScores } from './par.schema.ts';

export type FrameworkRow = typeof parFrameworks.$inferSelect;
export type CriterionRow = typeof parCriteria.$inferSelect;
export type AssessmentRow = typeof parAssessments.$inferSelect;
export type ScoreRow = typeof parScores.$inferSelect;
export type EvidenceRow = typeof parEvidence.$inferSelect & { documentNumber: string | null; documentSummary: string | null };

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(parFrameworks).where(eq(parFrameworks.id, id));
  return row;
}

export async function findFrameworkByYear(db: Db, provinceUnitId: string, year: number, targetLevel: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(parFrameworks).where(and(eq(parFrameworks.provinceUnitId, provinceUnitId), eq(parFrameworks.year, year), eq(parFrameworks.targetLevel, targetLevel)));
  return row;
}

export async function findFrameworks(db: Db, where: SQL | undefined): Promise<FrameworkRow[]> {
  return db.select().from(parFrameworks).where(where).orderBy(asc(parFrameworks.year), asc(parFrameworks.targetLevel));
}

/** Natural order of criterion codes: 1 < 1.1 < 1.1.2 < 1.2 < 2 < 10. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

/** The tree of a framework in reading order (depth first, by code). */
export async function findCriteria(db: Db, frameworkId: string): Promise<CriterionRow[]> {
  const rows = await db.select().from(parCriteria).where(eq(parCriteria.frameworkId, frameworkId));
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

export async function findCriteriaOf(db: Db, frameworkIds: string[]): Promise<CriterionRow[]> {
  if (frameworkIds.length === 0) return [];
  const rows = await db.select().from(parCriteria).where(inArray(parCriteria.frameworkId, frameworkIds));
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

export async function findCriterion(db: Db, id: string): Promise<CriterionRow | undefined> {
  const [row] = await db.select().from(parCriteria).where(eq(parCriteria.id, id));
  return row;
}

export async function countCriteria(db: Db, frameworkIds: string[]): Promise<Map<string, number>> {
  if (frameworkIds.length === 0) return new Map();
  const rows = await db.select({ id: parCriteria.frameworkId, n: count() }).from(parCriteria).where(inArray(parCriteria.frameworkId, frameworkIds)).groupBy(parCriteria.frameworkId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(parAssessments).where(eq(parAssessments.id, id));
  return row;
}

export async function findAssessments(db: Db, where: SQL | undefined): Promise<AssessmentRow[]> {
  return db.select().from(parAssessments).where(where);
}

export async function findScores(db: Db, assessmentIds: string[]): Promise<ScoreRow[]> {
  if (assessmentIds.length === 0) return [];
  return db.select().from(parScores).where(inArray(parScores.assessmentId, assessmentIds));
}

export async function findScore(db: Db, assessmentId: string, criterionId: string): Promise<ScoreRow | undefined> {
  const [row] = await db.select().from(parScores).where(and(eq(parScores.assessmentId, assessmentId), eq(parScores.criterionId, criterionId)));
  return row;
}

export async function findEvidence(db: Db, assessmentId: string): Promise<EvidenceRow[]> {
  return db
    .select({
      id: parEvidence.id,
      assessmentId: parEvidence.assessmentId,
      criterionId: parEvidence.criterionId,
      unitId: parEvidence.unitId,
      kind: parEvidence.kind,
      title: parEvidence.title,
      url: parEvidence.url,
      documentId: parEvidence.documentId,
      figureKey: parEvidence.figureKey,
      figureValue: parEvidence.figureValue,
      figurePeriod: parEvidence.figurePeriod,
      createdBy: parEvidence.createdBy,
      createdAt: parEvidence.createdAt,
      documentNumber: reformDocuments.number,
      documentSummary: reformDocuments.summary,
    })
    .from(parEvidence)
    .leftJoin(reformDocuments, eq(reformDocuments.id, parEvidence.documentId))
    .where(eq(parEvidence.assessmentId, assessmentId))
    .orderBy(parEvidence.createdAt);
}
