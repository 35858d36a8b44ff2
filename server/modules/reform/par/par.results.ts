/**
 * Results computed from the rows: each assessment's totals, class and rank within its framework. Nothing
 * computed is stored, except the published score the province freezes when it publishes a result.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Lang3, ParTieRule } from '../reform.kinds.ts';
import { unitNames } from '../shared.ts';
import { classify, computeAssessment, rankEntries, toCenti, type AssessmentTotals, type Band } from './par.compute.ts';
import { findAssessments, findCriteriaOf, findFrameworks, findScores, type AssessmentRow, type CriterionRow, type FrameworkRow, type ScoreRow } from './par.repository.ts';
import { parAssessments, parFrameworks } from './par.schema.ts';

export interface AssessmentResult {
  row: AssessmentRow;
  totals: AssessmentTotals;
  classification: { code: string; label: Lang3 } | null;
  rank: number;
  tied: boolean;
}

export interface FrameworkResults {
  framework: FrameworkRow;
  criteria: CriterionRow[];
  scores: ScoreRow[];
  results: AssessmentResult[];
}

const criterionInputs = (criteria: CriterionRow[]) => criteria.map((c) => ({ id: c.id, parentId: c.parentId, maxPoints: c.maxPoints, method: c.method as 'self' | 'survey' }));

/** Computes every assessment of the given frameworks (a handful of queries whatever their number). */
export async function loadResults(db: Db, frameworks: FrameworkRow[]): Promise<Map<string, FrameworkResults>> {
  const ids = frameworks.map((f) => f.id);
  const out = new Map<string, FrameworkResults>();
  if (ids.length === 0) return out;
  const [criteria, assessments] = await Promise.all([findCriteriaOf(db, ids), findAssessments(db, inArray(parAssessments.frameworkId, ids))]);
  const scores = await findScores(db, assessments.map((a) => a.id));
  for (const f of frameworks) {
    const fc = criteria.filter((c) => c.frameworkId === f.id);
    const inputs = criterionInputs(fc);
    const fa = assessments.filter((a) => a.frameworkId === f.id);
    const fs = scores.filter((s) => fa.some((a) => a.id === s.assessmentId));
    const computed = fa.map((a) => ({ row: a, totals: computeAssessment(inputs, fs.filter((s) => s.assessmentId === a.id), f.maxPoints, a.publishedScore) }));
    const ranks = rankEntries(computed.map((c) => ({ id: c.row.id, index: c.totals.index })), f.tieRule as ParTieRule);
    const results = computed.map((c) => {
      const band = classify(c.totals.index, f.bands);
      const r = ranks.get(c.row.id)!;
      return { ...c, classification: band ? { code: band.code, label: band.label } : null, rank: r.rank, tied: r.tied };
    });
    results.sort((a, b) => a.rank - b.rank || a.row.localityName.localeCompare(b.row.localityName, 'vi'));
    out.set(f.id, { framework: f, criteria: fc, scores: fs, results });
  }
  return out;
}

export async function loadFrameworkResults(db: Db, framework: FrameworkRow): Promise<FrameworkResults> {
  return (await loadResults(db, [framework])).get(framework.id)!;
}

/** The framework as the API shows it (province name, tree maximum, number of criteria). */
export async function presentFrameworks(db: Db, rows: FrameworkRow[]) {
  const names = await unitNames(db, rows.map((r) => r.provinceUnitId));
  const criteria = await findCriteriaOf(db, rows.map((r) => r.id));
  return rows.map((f) => {
    const areas = criteria.filter((c) => c.frameworkId === f.id && c.parentId === null);
    return {
      id: f.id,
      provinceUnitId: f.provinceUnitId,
      provinceName: names.get(f.provinceUnitId) ?? '',
      year: f.year,
      targetLevel: f.targetLevel as 'department' | 'district' | 'commune',
      name: f.name,
      decisionRef: f.decisionRef,
      maxPoints: f.maxPoints,
      treeMaxPoints: areas.reduce((a, c) => a + toCenti(c.maxPoints), 0) / 100,
      criteriaCount: criteria.filter((c) => c.frameworkId === f.id).length,
      bands: [...f.bands].sort((a, b) => b.minIndex - a.minIndex),
      tieRule: f.tieRule as ParTieRule,
      status: f.status as 'draft' | 'published',
      notes: f.notes,
      isDemo: f.isDemo,
      version: f.version,
    };
  });
}
export type FrameworkView = Awaited<ReturnType<typeof presentFrameworks>>[number];

export const presentCriterion = (c: CriterionRow) => ({
  id: c.id,
  frameworkId: c.frameworkId,
  parentId: c.parentId,
  code: c.code,
  level: c.level as 'area' | 'criterion' | 'sub_criterion',
  title: c.title,
  maxPoints: c.maxPoints,
  guidance: c.guidance,
  method: c.method as 'self' | 'survey',
  liveFigureKey: c.liveFigureKey,
  position: c.position,
  version: c.version,
});

export function presentTotals(r: AssessmentResult, framework: FrameworkRow, of: number) {
  return {
    selfPoints: r.totals.selfPoints,
    appraisedPoints: r.totals.appraisedPoints,
    surveyPoints: r.totals.surveyPoints,
    finalPoints: r.totals.finalPoints,
    maxPoints: framework.maxPoints,
    index: r.totals.index,
    classification: r.classification,
    source: r.totals.source,
    rank: r.rank,
    of,
  };
}

export function presentAssessmentSummary(r: AssessmentResult, framework: FrameworkRow, of: number) {
  const a = r.row;
  return {
    id: a.id,
    frameworkId: a.frameworkId,
    year: framework.year,
    provinceUnitId: a.provinceUnitId,
    unitId: a.unitId,
    localityName: a.localityName,
    illustrative: a.illustrative,
    status: a.status as 'draft' | 'submitted' | 'published',
    notes: a.notes,
    isDemo: a.isDemo,
    version: a.version,
    totals: presentTotals(r, framework, of),
  };
}

/** Frameworks whose results include one of these units (for the trend). */
export async function frameworksWithUnits(db: Db, unitIds: string[]): Promise<FrameworkRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.selectDistinct({ id: parAssessments.frameworkId }).from(parAssessments).where(inArray(parAssessments.unitId, unitIds));
  if (rows.length === 0) return [];
  return findFrameworks(db, inArray(parFrameworks.id, rows.map((r) => r.id)));
}

export const frameworkIdIs = (id: string) => eq(parFrameworks.id, id);
export type { Band };
