/**
 * PAR assessments: the locality self-assesses each criterion with evidence and submits; the province appraises
 * (adjusts scores with comments), enters the survey results and publishes; results, classes and ranks are
 * computed from the rows (par.results.ts).
 *
 * Who may do what: self-assessment needs `reform.write` on the assessed unit; appraisal, survey and publication
 * need `reform.appraise` on the framework's province. Reading an assessment needs `reform.read` on the unit or on
 * the province; rankings and trends show only totals, which provinces publish, to any reform reader.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppraisalBody, CreateAssessmentBody, EvidenceBody, ListAssessmentsQuery, SelfScoreBody, SurveyBody } from '../../../../contracts/reform.ts';
import type { Database, Db, Tx } from '../../../db/client.ts';
import { forbidden, notFound, ruleViolated } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { canReadDocument } from '../steering/steering.service.ts';
import { andAll, can, invalidField, invalidFields, isInSubtree, iso, requireAnyUnit, requireUnitExists, staleVersion, unitNames, conflictOnDuplicate } from '../shared.ts';
import { fillEach } from '../../../platform/errors.ts';
import { REFORM_REFUSALS as R } from '../reform.messages.ts';
import { toCenti } from './par.compute.ts';
import { computeLiveFigure, isKnownFigure, type LiveFigureValue } from './live-figures.ts';
import { findAssessment, findCriteria, findCriterion, findEvidence, findFrameworks, findScore, type AssessmentRow, type CriterionRow, type ScoreRow } from './par.repository.ts';
import { frameworksWithUnits, loadFrameworkResults, loadResults, presentAssessmentSummary, presentCriterion, presentFrameworks } from './par.results.ts';
import { parAssessments, parEvidence, parFrameworks, parScores } from './par.schema.ts';
import { getFrameworkRow } from './par.service.ts';

const M = {
  overMax: (max: number) => ({ vi: `Điểm không được vượt quá điểm tối đa ${max}`, en: `The score cannot exceed the maximum ${max}`, fr: `La note ne peut dépasser le maximum ${max}` }),
  commentNeeded: { vi: 'Cần ghi rõ lý do khi điều chỉnh điểm tự đánh giá', en: 'Say why when changing the self-assessed score', fr: 'Indiquez pourquoi la note auto-évaluée est modifiée' },
  urlNeeded: { vi: 'Cần nhập đường dẫn', en: 'A link is required', fr: 'Un lien est requis' },
  docNeeded: { vi: 'Cần chọn văn bản', en: 'Choose a document', fr: 'Choisissez un document' },
  docMissing: { vi: 'Văn bản không tồn tại', en: 'This document does not exist', fr: "Ce document n'existe pas" },
  figureNeeded: { vi: 'Cần chọn số liệu', en: 'Choose a figure', fr: 'Choisissez un chiffre' },
  figureUnknown: { vi: 'Khoá số liệu không có trong motcua', en: 'Unknown live figure key', fr: 'Clé de chiffre inconnue' },
  notSurvey: { vi: 'Tiêu chí này không chấm bằng điều tra xã hội học', en: 'This criterion is not scored by the survey', fr: "Ce critère n'est pas noté par l'enquête" },
  nameOrUnit: { vi: 'Cần chọn đơn vị hoặc nhập tên địa phương', en: 'Give a unit or a locality name', fr: 'Indiquez une unité ou un nom de localité' },
} as const;

const canRead = async (ctx: Context, a: AssessmentRow) => (await can(ctx, 'reform.read', a.unitId)) || (await can(ctx, 'reform.read', a.provinceUnitId));

async function getAssessmentRow(db: Db, id: string): Promise<AssessmentRow> {
  const a = await findAssessment(db, id);
  if (!a) throw notFound('PAR assessment');
  return a;
}

async function summaryOf(db: Db, assessmentId: string) {
  const a = await getAssessmentRow(db, assessmentId);
  const f = await getFrameworkRow(db, a.frameworkId);
  const res = await loadFrameworkResults(db, f);
  return presentAssessmentSummary(res.results.find((r) => r.row.id === a.id)!, f, res.results.length);
}

/** Assessments the caller may read (own units, or all of a province they cover), with totals and ranks. */
export async function listAssessments(db: Db, ctx: Context, q: z.infer<typeof ListAssessmentsQuery>) {
  const fconds: Array<SQL | undefined> = [q.frameworkId ? eq(parFrameworks.id, q.frameworkId) : undefined, q.year ? eq(parFrameworks.year, q.year) : undefined];
  const frameworks = await findFrameworks(db, andAll(fconds));
  const results = await loadResults(db, frameworks);
  const out = [];
  for (const f of frameworks) {
    const fr = results.get(f.id)!;
    for (const r of fr.results) {
      if (q.unitId && r.row.unitId !== q.unitId) continue;
      if (!(await canRead(ctx, r.row))) continue;
      out.push(presentAssessmentSummary(r, f, fr.results.length));
    }
  }
  return out;
}

/**
 * Opens an assessment under an issued framework. A locality opens its own self-assessment (`reform.write` on
 * the unit); the province (`reform.appraise`) may open any, and alone records a published result or a locality
 * known only by name (a peer in the province's ranking, possibly illustrative).
 */
export async function createAssessment(database: Database, ctx: Context, frameworkId: string, input: z.infer<typeof CreateAssessmentBody>) {
  const db = database.db;
  const f = await getFrameworkRow(db, frameworkId);
  const unit = input.unitId ? await requireUnitExists(db, input.unitId, 'unitId') : undefined;
  const byProvinceOnly = input.publishedScore !== undefined || !unit || input.illustrative === true;
  if (byProvinceOnly) await ctx.requireUnit('reform.appraise', f.provinceUnitId);
  else await requireAnyUnit(ctx, [['reform.write', unit.id], ['reform.appraise', f.provinceUnitId]]);
  if (!unit && !input.localityName) throw invalidField('localityName', 'required', M.nameOrUnit);
  if (f.status !== 'published') throw ruleViolated(R.frameworkNotIssued);
  if (unit && !(await isInSubtree(db, f.provinceUnitId, unit.id))) throw ruleViolated(R.unitOutsideProvince);
  if (input.publishedScore !== undefined && toCenti(input.publishedScore) > toCenti(f.maxPoints)) throw invalidField('publishedScore', 'too_big', M.overMax(f.maxPoints));
  const localityName = input.localityName ?? unit!.name;
  const published = input.publishedScore !== undefined;
  const row = await database
    .transaction(async (tx) => {
      const [a] = await tx.db
        .insert(parAssessments)
        .values({
          frameworkId,
          provinceUnitId: f.provinceUnitId,
          unitId: unit?.id ?? null,
          localityName,
          illustrative: input.illustrative ?? false,
          status: published ? 'published' : 'draft',
          publishedScore: input.publishedScore ?? null,
          publishedAt: published ? new Date() : null,
          publishedBy: published ? ctx.actor.userId : null,
          notes: input.notes ?? null,
        })
        .returning();
      await recordAudit(tx, ctx.actor, { action: published ? 'par.result.record' : 'par.assessment.open', subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId ?? a.provinceUnitId, after: a });
      return a;
    })
    .catch((e) => conflictOnDuplicate(e, R.assessedAlready));
  return summaryOf(db, row.id);
}

const presentScore = (s: ScoreRow) => ({
  id: s.id,
  criterionId: s.criterionId,
  selfScore: s.selfScore,
  selfComment: s.selfComment,
  appraisedScore: s.appraisedScore,
  appraisalComment: s.appraisalComment,
  surveyScore: s.surveyScore,
  surveyRespondents: s.surveyRespondents,
  version: s.version,
});

/** The whole assessment: tree with scores, evidence, live figures, node totals, final, class and rank. */
export async function getAssessment(db: Db, ctx: Context, id: string) {
  const a = await getAssessmentRow(db, id);
  if (!(await canRead(ctx, a))) throw forbidden(R.cannotReadAssessment);
  const f = await getFrameworkRow(db, a.frameworkId);
  const res = await loadFrameworkResults(db, f);
  const mine = res.results.find((r) => r.row.id === a.id)!;
  const [frameworkView] = await presentFrameworks(db, [f]);
  const evidence = await findEvidence(db, a.id);
  const scores = new Map(res.scores.filter((s) => s.assessmentId === a.id).map((s) => [s.criterionId, s]));
  const period = { from: `${f.year}-01-01`, to: `${f.year}-12-31` };
  const figures = new Map<string, LiveFigureValue>();
  if (a.unitId) {
    for (const key of new Set(res.criteria.map((c) => c.liveFigureKey).filter((k): k is string => !!k))) {
      figures.set(key, await computeLiveFigure(key, { db, rootUnitId: a.unitId, ...period }));
    }
  }
  const nodes = res.criteria.map((c) => {
    const t = mine.totals.nodes.get(c.id) ?? { selfPoints: 0, finalPoints: 0 };
    const s = scores.get(c.id);
    return {
      ...presentCriterion(c),
      selfPoints: t.selfPoints,
      finalPoints: t.finalPoints,
      score: s ? presentScore(s) : null,
      evidence: evidence
        .filter((e) => e.criterionId === c.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind as 'document' | 'link' | 'figure',
          title: e.title,
          url: e.url,
          documentId: e.documentId,
          documentLabel: e.documentNumber ? `${e.documentNumber} — ${e.documentSummary ?? ''}`.trim() : null,
          figureKey: e.figureKey,
          figureValue: e.figureValue,
          figurePeriod: e.figurePeriod,
          createdAt: iso(e.createdAt)!,
        })),
      liveFigure: c.liveFigureKey ? (figures.get(c.liveFigureKey) ?? null) : null,
    };
  });
  return {
    ...presentAssessmentSummary(mine, f, res.results.length),
    framework: frameworkView,
    nodes,
    can: {
      selfAssess: a.status === 'draft' && !!a.unitId && (await can(ctx, 'reform.write', a.unitId)),
      appraise: a.status !== 'published' && (await can(ctx, 'reform.appraise', a.provinceUnitId)),
    },
  };
}

/** Loads a leaf criterion of the assessment's framework; NOT_FOUND when it belongs elsewhere. */
async function leafOf(db: Db, a: AssessmentRow, criterionId: string): Promise<CriterionRow> {
  const c = await findCriterion(db, criterionId);
  if (!c || c.frameworkId !== a.frameworkId) throw notFound('criterion');
  const children = (await findCriteria(db, a.frameworkId)).filter((x) => x.parentId === c.id);
  if (children.length) throw ruleViolated(R.leafOnly);
  return c;
}

/** Inserts or updates the score row with an optimistic check (0 = "no score yet"). */
async function upsertScore(tx: Tx, a: AssessmentRow, c: CriterionRow, sent: number, existing: ScoreRow | undefined, values: Partial<typeof parScores.$inferInsert>): Promise<ScoreRow> {
  if (!existing) {
    if (sent !== 0) throw staleVersion('score', 0, sent);
    const [row] = await tx.db.insert(parScores).values({ assessmentId: a.id, criterionId: c.id, unitId: a.unitId, ...values }).returning();
    return row;
  }
  if (sent !== existing.version) throw staleVersion('score', existing.version, sent);
  const [row] = await tx.db
    .update(parScores)
    .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
    .where(and(eq(parScores.id, existing.id), eq(parScores.version, sent)))
    .returning();
  if (!row) throw staleVersion('score', existing.version, sent);
  return row;
}

/** The locality scores one criterion (while its assessment is a draft). */
export async function setSelfScore(database: Database, ctx: Context, assessmentId: string, criterionId: string, input: z.infer<typeof SelfScoreBody>) {
  const db = database.db;
  const a = await getAssessmentRow(db, assessmentId);
  if (!a.unitId) throw ruleViolated(R.recordedResult);
  await ctx.requireUnit('reform.write', a.unitId);
  const c = await leafOf(db, a, criterionId);
  if (c.method !== 'self') throw ruleViolated(R.surveyScoredByProvince);
  if (a.status !== 'draft') throw ruleViolated(R.selfSubmitted);
  if (toCenti(input.score) > toCenti(c.maxPoints)) throw invalidField('score', 'too_big', M.overMax(c.maxPoints));
  const existing = await findScore(db, a.id, c.id);
  return database.transaction(async (tx) => {
    const row = await upsertScore(tx, a, c, input.version, existing, { selfScore: input.score, selfComment: input.comment ?? null, selfBy: ctx.actor.userId, selfAt: new Date() });
    await recordAudit(tx, ctx.actor, { action: 'par.score.self', subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId, before: existing ?? null, after: row });
    return presentScore(row);
  });
}

/** Attaches evidence to a criterion: a steering document, a link, or a live figure snapshotted now. */
export async function addEvidence(database: Database, ctx: Context, assessmentId: string, criterionId: string, input: z.infer<typeof EvidenceBody>) {
  const db = database.db;
  const a = await getAssessmentRow(db, assessmentId);
  if (!a.unitId) throw ruleViolated(R.recordedResult);
  await ctx.requireUnit('reform.write', a.unitId);
  const c = await leafOf(db, a, criterionId);
  if (a.status === 'published') throw ruleViolated(R.resultPublished);
  const f = await getFrameworkRow(db, a.frameworkId);
  let values: typeof parEvidence.$inferInsert;
  const base = { assessmentId: a.id, criterionId: c.id, unitId: a.unitId, kind: input.kind, createdBy: ctx.actor.userId };
  if (input.kind === 'link') {
    if (!input.url) throw invalidField('url', 'required', M.urlNeeded);
    values = { ...base, title: input.title ?? input.url, url: input.url };
  } else if (input.kind === 'document') {
    if (!input.documentId) throw invalidField('documentId', 'required', M.docNeeded);
    // A document the caller may not read is treated as absent (its number and summary would be copied here).
    const d = await canReadDocument(db, ctx, input.documentId);
    if (!d) throw invalidField('documentId', 'not_found', M.docMissing);
    values = { ...base, title: input.title ?? `${d.number} — ${d.summary}`.slice(0, 500), documentId: d.id, url: d.fileUrl };
  } else {
    const key = input.figureKey ?? c.liveFigureKey;
    if (!key) throw invalidField('figureKey', 'required', M.figureNeeded);
    if (!isKnownFigure(key)) throw invalidField('figureKey', 'unknown', M.figureUnknown);
    const fig = await computeLiveFigure(key, { db, rootUnitId: a.unitId, from: `${f.year}-01-01`, to: `${f.year}-12-31` });
    if (fig.status !== 'available') throw ruleViolated(fillEach(R.figureUnavailable, { figure: { ...fig.label, en: key } }));
    values = { ...base, title: input.title ?? fig.label.vi, figureKey: key, figureValue: fig.value, figurePeriod: `${fig.period!.from}/${fig.period!.to}` };
  }
  return database.transaction(async (tx) => {
    const [row] = await tx.db.insert(parEvidence).values(values).returning();
    await recordAudit(tx, ctx.actor, { action: 'par.evidence.add', subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId, after: row });
    return { id: row.id, kind: row.kind as 'document' | 'link' | 'figure', title: row.title, url: row.url, documentId: row.documentId, documentLabel: null, figureKey: row.figureKey, figureValue: row.figureValue, figurePeriod: row.figurePeriod, createdAt: iso(row.createdAt)! };
  });
}

/** The locality submits its self-assessment for appraisal. */
export async function submitAssessment(database: Database, ctx: Context, id: string, version: number) {
  const a = await getAssessmentRow(database.db, id);
  if (!a.unitId) throw ruleViolated(R.recordedResult);
  await ctx.requireUnit('reform.write', a.unitId);
  if (a.status !== 'draft') throw ruleViolated(R.onlyDraftSubmitted);
  await transition(database, ctx, a, version, { status: 'submitted', submittedAt: new Date(), submittedBy: ctx.actor.userId }, 'par.assessment.submit');
  return summaryOf(database.db, id);
}

/** The province adjusts one self-assessed score, saying why when it differs. */
export async function appraiseScore(database: Database, ctx: Context, assessmentId: string, criterionId: string, input: z.infer<typeof AppraisalBody>) {
  const db = database.db;
  const a = await getAssessmentRow(db, assessmentId);
  await ctx.requireUnit('reform.appraise', a.provinceUnitId);
  const c = await leafOf(db, a, criterionId);
  if (c.method !== 'self') throw ruleViolated(R.surveyNotAppraised);
  if (a.status !== 'submitted') throw ruleViolated(R.appraisalWindow);
  if (toCenti(input.score) > toCenti(c.maxPoints)) throw invalidField('score', 'too_big', M.overMax(c.maxPoints));
  const existing = await findScore(db, a.id, c.id);
  const self = existing?.selfScore ?? null;
  if ((self === null || toCenti(self) !== toCenti(input.score)) && !input.comment) throw invalidField('comment', 'required', M.commentNeeded);
  return database.transaction(async (tx) => {
    const row = await upsertScore(tx, a, c, input.version, existing, { appraisedScore: input.score, appraisalComment: input.comment ?? null, appraisedBy: ctx.actor.userId, appraisedAt: new Date() });
    await recordAudit(tx, ctx.actor, { action: 'par.score.appraise', subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId ?? a.provinceUnitId, before: existing ?? null, after: row });
    return presentScore(row);
  });
}

/** The province enters the sociological survey's points for the survey criteria (any time before publication). */
export async function enterSurvey(database: Database, ctx: Context, assessmentId: string, input: z.infer<typeof SurveyBody>) {
  const db = database.db;
  const a = await getAssessmentRow(db, assessmentId);
  await ctx.requireUnit('reform.appraise', a.provinceUnitId);
  if (a.status === 'published') throw ruleViolated(R.resultPublished);
  const criteria = new Map((await findCriteria(db, a.frameworkId)).map((c) => [c.id, c]));
  const fieldErrors = [];
  for (const [i, r] of input.results.entries()) {
    const c = criteria.get(r.criterionId);
    if (!c || c.method !== 'survey' || [...criteria.values()].some((x) => x.parentId === c.id)) fieldErrors.push({ field: `results.${i}.criterionId`, code: 'not_survey', message: M.notSurvey });
    else if (toCenti(r.score) > toCenti(c.maxPoints)) fieldErrors.push({ field: `results.${i}.score`, code: 'too_big', message: M.overMax(c.maxPoints) });
  }
  if (fieldErrors.length) throw invalidFields(fieldErrors);
  await database.transaction(async (tx) => {
    const [bumped] = await tx.db
      .update(parAssessments)
      .set({ version: a.version + 1, updatedAt: new Date() })
      .where(and(eq(parAssessments.id, a.id), eq(parAssessments.version, input.version)))
      .returning();
    if (!bumped) throw staleVersion('assessment', a.version, input.version);
    for (const r of input.results) {
      const values = { surveyScore: r.score, surveyRespondents: r.respondents ?? null, surveyNote: r.note ?? null };
      await tx.db
        .insert(parScores)
        .values({ assessmentId: a.id, criterionId: r.criterionId, unitId: a.unitId, ...values })
        .onConflictDoUpdate({ target: [parScores.assessmentId, parScores.criterionId], set: { ...values, version: sql`${parScores.version} + 1`, updatedAt: new Date() } });
    }
    await recordAudit(tx, ctx.actor, { action: 'par.survey.enter', subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId ?? a.provinceUnitId, after: input.results });
  });
  return summaryOf(db, a.id);
}

/** The province publishes the result: the computed final points are frozen as the published score. */
export async function publishAssessment(database: Database, ctx: Context, id: string, version: number) {
  const db = database.db;
  const a = await getAssessmentRow(db, id);
  await ctx.requireUnit('reform.appraise', a.provinceUnitId);
  if (a.status !== 'submitted') throw ruleViolated(R.onlySubmittedPublished);
  const f = await getFrameworkRow(db, a.frameworkId);
  const res = await loadFrameworkResults(db, f);
  const final = res.results.find((r) => r.row.id === a.id)!.totals.finalPoints;
  await transition(database, ctx, a, version, { status: 'published', publishedScore: final, publishedAt: new Date(), publishedBy: ctx.actor.userId }, 'par.assessment.publish');
  return summaryOf(db, id);
}

async function transition(database: Database, ctx: Context, a: AssessmentRow, version: number, set: Partial<typeof parAssessments.$inferInsert>, action: string) {
  if (version !== a.version) throw staleVersion('assessment', a.version, version);
  await database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(parAssessments)
      .set({ ...set, version: a.version + 1, updatedAt: new Date() })
      .where(and(eq(parAssessments.id, a.id), eq(parAssessments.version, version)))
      .returning();
    if (!row) throw staleVersion('assessment', a.version, version);
    await recordAudit(tx, ctx.actor, { action, subjectType: 'par_assessment', subjectId: a.id, unitId: a.unitId ?? a.provinceUnitId, before: a, after: row });
  });
}

/**
 * The ranking of a framework's localities by index (ties share a rank by the framework's tie rule).
 * `provisional` is true while any result is not yet published.
 */
export async function ranking(db: Db, frameworkId: string) {
  const f = await getFrameworkRow(db, frameworkId);
  const res = await loadFrameworkResults(db, f);
  const [framework] = await presentFrameworks(db, [f]);
  return {
    framework,
    tieRule: framework.tieRule,
    provisional: res.results.some((r) => r.row.status !== 'published'),
    rows: res.results.map((r) => ({
      assessmentId: r.row.id,
      unitId: r.row.unitId,
      localityName: r.row.localityName,
      illustrative: r.row.illustrative,
      status: r.row.status as 'draft' | 'submitted' | 'published',
      finalPoints: r.totals.finalPoints,
      index: r.totals.index,
      rank: r.rank,
      tied: r.tied,
      classification: r.classification,
      source: r.totals.source,
    })),
  };
}

/** The unit and, through the lineage, every unit it continues (a new commune → the district it replaced …). */
async function withPredecessors(db: Db, unitId: string): Promise<string[]> {
  const res = (await db.execute(sql`
    WITH RECURSIVE p(id) AS (SELECT ${unitId}::uuid UNION SELECT l.predecessor_id FROM unit_lineage l JOIN p ON l.successor_id = p.id)
    SELECT id FROM p`)) as unknown as { rows: Array<{ id: string }> };
  return res.rows.map((r) => r.id);
}

/**
 * A unit's results year by year (score, index, rank of N, class). With predecessors (default), the results of
 * the units it continues are included under their own names — e.g. a new commune shows the district it replaced.
 * Results not yet published are shown to readers of the unit only.
 */
export async function trend(db: Db, ctx: Context, unitId: string, includePredecessors = true) {
  await requireUnitExists(db, unitId, 'unitId');
  await ctx.requireUnit('reform.read', unitId);
  return { unitId, points: await trendPoints(db, unitId, includePredecessors) };
}

/** The trend's points without the access check (the summary checks its own permission). */
export async function trendPoints(db: Db, unitId: string, includePredecessors = true) {
  const ids = includePredecessors ? await withPredecessors(db, unitId) : [unitId];
  const frameworks = await frameworksWithUnits(db, ids);
  const results = await loadResults(db, frameworks);
  const names = await unitNames(db, ids);
  const points = [];
  for (const f of frameworks) {
    const fr = results.get(f.id)!;
    for (const r of fr.results) {
      if (!r.row.unitId || !ids.includes(r.row.unitId)) continue;
      if (r.row.status !== 'published' && r.row.unitId !== unitId) continue;
      points.push({
        year: f.year,
        frameworkId: f.id,
        frameworkName: f.name,
        unitId: r.row.unitId,
        localityName: names.get(r.row.unitId) ?? r.row.localityName,
        status: r.row.status as 'draft' | 'submitted' | 'published',
        finalPoints: r.totals.finalPoints,
        index: r.totals.index,
        rank: r.rank,
        of: fr.results.length,
        classification: r.classification,
      });
    }
  }
  points.sort((a, b) => a.year - b.year || a.localityName.localeCompare(b.localityName, 'vi'));
  return points;
}
