/**
 * The PAR index arithmetic, pure. Points are carried as integer hundredths so that sums of two-decimal scores
 * are exact (0.1 + 0.2 is 0.3 here); the index is rounded half-up to two decimals, as results are published.
 *
 *   leaf final   = appraised ?? self ?? 0          (method "self": the province's figure replaces the locality's
 *                                                   where it adjusted one, otherwise the self-assessed score stands)
 *                = survey ?? 0                     (method "survey")
 *   node total   = Σ totals of its children        (a leaf: its final; an area: the sum of its criteria)
 *   final points = Σ area totals                   (or the published score, when the province published one)
 *   index        = final points ÷ framework maximum × 100
 *   class        = the band with the greatest minIndex ≤ index (bands are data of the framework)
 *   rank         = among the framework's localities by index, descending; equal indices (to the hundredth)
 *                  share a rank — "competition" 1-2-2-4 or "dense" 1-2-2-3 (the framework's tie rule).
 */

export type Method = 'self' | 'survey';
export type TieRule = 'competition' | 'dense';

export interface CriterionInput {
  id: string;
  parentId: string | null;
  maxPoints: number;
  method: Method;
}

export interface ScoreInput {
  criterionId: string;
  selfScore: number | null;
  appraisedScore: number | null;
  surveyScore: number | null;
}

export interface Band<L = unknown> {
  code: string;
  minIndex: number;
  label: L;
}

export interface NodeTotals {
  /** Σ self-assessed scores below (survey leaves count 0 here). */
  selfPoints: number;
  /** Σ final scores below. */
  finalPoints: number;
}

export interface AssessmentTotals {
  nodes: Map<string, NodeTotals>;
  /** Σ self-assessed scores of the "self" leaves. */
  selfPoints: number;
  /** Σ (appraised ?? self) over the "self" leaves: the points after the province's appraisal. */
  appraisedPoints: number;
  /** Σ survey scores of the "survey" leaves. */
  surveyPoints: number;
  finalPoints: number;
  index: number;
  source: 'computed' | 'published';
}

/** Integer hundredths of a two-decimal number. */
export const toCenti = (x: number): number => Math.round(x * 100);
export const fromCenti = (c: number): number => c / 100;

/** Index in % (two decimals, half-up) of `finalPoints` out of `maxPoints`; 0 when the maximum is 0. */
export function indexOf(finalPoints: number, maxPoints: number): number {
  const maxC = toCenti(maxPoints);
  if (maxC <= 0) return 0;
  // finalC × 100 / maxC in hundredths of a percent, rounded half-up with integers only.
  const num = toCenti(finalPoints) * 100 * 100;
  const q = Math.floor((2 * num + maxC) / (2 * maxC));
  return q / 100;
}

/** The leaf's final score by the rule above, in hundredths. */
function leafFinalC(c: CriterionInput, s: ScoreInput | undefined): number {
  if (!s) return 0;
  if (c.method === 'survey') return toCenti(s.surveyScore ?? 0);
  return toCenti(s.appraisedScore ?? s.selfScore ?? 0);
}

/**
 * Totals of one assessment: per node, per area and overall, then the index. `publishedScore`, when given,
 * is the final (the province's published figure wins over the recomputation, e.g. for years before motcua).
 */
export function computeAssessment(criteria: CriterionInput[], scores: ScoreInput[], maxPoints: number, publishedScore: number | null = null): AssessmentTotals {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const children = new Map<string | null, CriterionInput[]>();
  for (const c of criteria) {
    const parent = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const scoreOf = new Map(scores.map((s) => [s.criterionId, s]));
  const nodesC = new Map<string, { self: number; final: number }>();
  let selfC = 0;
  let appraisedC = 0;
  let surveyC = 0;

  const visit = (c: CriterionInput): { self: number; final: number } => {
    const kids = children.get(c.id) ?? [];
    let out: { self: number; final: number };
    if (kids.length === 0) {
      const s = scoreOf.get(c.id);
      const final = leafFinalC(c, s);
      const self = c.method === 'self' ? toCenti(s?.selfScore ?? 0) : 0;
      if (c.method === 'self') {
        selfC += self;
        appraisedC += final;
      } else surveyC += final;
      out = { self, final };
    } else {
      out = kids.map(visit).reduce((a, b) => ({ self: a.self + b.self, final: a.final + b.final }), { self: 0, final: 0 });
    }
    nodesC.set(c.id, out);
    return out;
  };
  const roots = children.get(null) ?? [];
  const finalC = roots.map(visit).reduce((a, b) => a + b.final, 0);

  const nodes = new Map<string, NodeTotals>();
  for (const [id, v] of nodesC) nodes.set(id, { selfPoints: fromCenti(v.self), finalPoints: fromCenti(v.final) });
  const final = publishedScore !== null ? fromCenti(toCenti(publishedScore)) : fromCenti(finalC);
  return {
    nodes,
    selfPoints: fromCenti(selfC),
    appraisedPoints: fromCenti(appraisedC),
    surveyPoints: fromCenti(surveyC),
    finalPoints: final,
    index: indexOf(final, maxPoints),
    source: publishedScore !== null ? 'published' : 'computed',
  };
}

/** The band of an index: the one with the greatest threshold not above it; null when below every band. */
export function classify<L>(index: number, bands: Band<L>[]): Band<L> | null {
  const sorted = [...bands].sort((a, b) => b.minIndex - a.minIndex);
  return sorted.find((b) => toCenti(index) >= toCenti(b.minIndex)) ?? null;
}

export interface RankEntry {
  id: string;
  index: number;
}

/**
 * Ranks entries by index, descending. Indices equal to the hundredth share a rank. `competition`: rank =
 * 1 + number of entries with a strictly greater index (1, 2, 2, 4). `dense`: rank = 1 + number of distinct
 * greater indices (1, 2, 2, 3). Returns id → { rank, tied }.
 */
export function rankEntries(entries: RankEntry[], rule: TieRule = 'competition'): Map<string, { rank: number; tied: boolean }> {
  const values = entries.map((e) => toCenti(e.index));
  const distinct = [...new Set(values)].sort((a, b) => b - a);
  const count = new Map<number, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  const out = new Map<string, { rank: number; tied: boolean }>();
  for (const e of entries) {
    const v = toCenti(e.index);
    const rank = rule === 'dense' ? distinct.indexOf(v) + 1 : 1 + values.filter((x) => x > v).length;
    out.set(e.id, { rank, tied: (count.get(v) ?? 0) > 1 });
  }
  return out;
}

export interface TreeProblem {
  criterionId: string | null;
  code: string | null;
  problem: 'children_sum' | 'areas_sum';
  expected: number;
  actual: number;
}

/**
 * Checks a tree is consistent: each node with children has children summing to its maximum, and the areas sum
 * to the framework's maximum. An empty tree (a results-only year) is consistent.
 */
export function checkTree(criteria: Array<CriterionInput & { code: string }>, maxPoints: number): TreeProblem[] {
  if (criteria.length === 0) return [];
  const problems: TreeProblem[] = [];
  const kids = new Map<string | null, Array<CriterionInput & { code: string }>>();
  for (const c of criteria) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  for (const c of criteria) {
    const k = kids.get(c.id);
    if (!k?.length) continue;
    const sum = k.reduce((a, b) => a + toCenti(b.maxPoints), 0);
    if (sum !== toCenti(c.maxPoints)) problems.push({ criterionId: c.id, code: c.code, problem: 'children_sum', expected: c.maxPoints, actual: fromCenti(sum) });
  }
  const areas = (kids.get(null) ?? []).reduce((a, b) => a + toCenti(b.maxPoints), 0);
  if (areas !== toCenti(maxPoints)) problems.push({ criterionId: null, code: null, problem: 'areas_sum', expected: maxPoints, actual: fromCenti(areas) });
  return problems;
}
