/**
 * Reform inspections: the yearly plan of the inspecting unit, integrated and surprise inspections of the
 * agencies, communes and counters below it, findings, and recommendations each with a responsible unit and a
 * deadline, followed up (by the responsible unit) until the inspecting unit closes them with evidence.
 * Writes need `inspections.write` on the inspecting unit; follow-up reports also accept `reform.write` on the
 * responsible unit. Reads need `reform.read` on the inspecting, inspected or responsible unit.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CloseRecommendationBody, CreateInspectionBody, CreatePlanBody, CreateRecommendationBody, FollowUpBody, InspectionStatsQuery, ListInspectionsQuery, ListRecommendationsQuery, UpdateInspectionBody, UpdatePlanBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import { notFound, ruleViolated } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { REFORM_REFUSALS as R } from '../reform.messages.ts';
import { andAll, conflictOnDuplicate, daysBetween, invalidField, inScope, isInSubtree, MSG, requireAnyUnit, requireUnitExists, staleVersion, unitNames, userNames, type Page } from '../shared.ts';
import { findFollowUps, findInspection, findInspections, findPlan, findPlans, findRecommendation, findRecommendations, inspectionCounts, planCounts, recommendationCounts, type InspectionRow, type PlanRow, type RecommendationRow } from './inspections.repository.ts';
import { inspectionFollowUps, inspectionPlans, inspectionRecommendations, inspections } from './inspections.schema.ts';

const M = {
  planOther: { vi: 'Kế hoạch không thuộc đơn vị kiểm tra hoặc khác năm', en: 'The plan belongs to another unit or year', fr: "Le plan relève d'une autre unité ou année" },
} as const;

// ---- Plans -----------------------------------------------------------------------------------------------------

async function presentPlans(db: Db, rows: PlanRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  const counts = await planCounts(db, rows.map((r) => r.id));
  return rows.map((p) => ({ id: p.id, unitId: p.unitId, unitName: names.get(p.unitId) ?? '', year: p.year, title: p.title, decisionRef: p.decisionRef, approvedOn: p.approvedOn, notes: p.notes, inspections: counts.get(p.id) ?? { integrated: 0, surprise: 0 }, isDemo: p.isDemo, version: p.version }));
}

export async function listPlans(db: Db, ctx: Context, q: { unitId?: string; year?: number }) {
  const scope = await ctx.scope('reform.read');
  return presentPlans(db, await findPlans(db, andAll([inScope(scope, inspectionPlans.unitId), q.unitId ? eq(inspectionPlans.unitId, q.unitId) : undefined, q.year ? eq(inspectionPlans.year, q.year) : undefined])));
}

export async function createPlan(database: Database, ctx: Context, input: z.infer<typeof CreatePlanBody>) {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('inspections.write', input.unitId);
  const row = await database
    .transaction(async (tx) => {
      const [p] = await tx.db.insert(inspectionPlans).values({ unitId: input.unitId, year: input.year, title: input.title, decisionRef: input.decisionRef ?? null, approvedOn: input.approvedOn ?? null, notes: input.notes ?? null }).returning();
      await recordAudit(tx, ctx.actor, { action: 'inspection.plan.create', subjectType: 'inspection_plan', subjectId: p.id, unitId: p.unitId, after: p });
      return p;
    })
    .catch((e) => conflictOnDuplicate(e, R.inspectionPlanExists, { year: input.year }));
  return (await presentPlans(database.db, [row]))[0];
}

export async function updatePlan(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdatePlanBody>) {
  const p = await findPlan(database.db, id);
  if (!p) throw notFound('inspection plan');
  await ctx.requireUnit('inspections.write', p.unitId);
  const { version, ...changes } = input;
  if (version !== p.version) throw staleVersion('plan', p.version, version);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db.update(inspectionPlans).set({ ...changes, version: p.version + 1, updatedAt: new Date() }).where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, version))).returning();
    if (!r) throw staleVersion('plan', p.version, version);
    await recordAudit(tx, ctx.actor, { action: 'inspection.plan.update', subjectType: 'inspection_plan', subjectId: id, unitId: p.unitId, before: p, after: r });
    return r;
  });
  return (await presentPlans(database.db, [row]))[0];
}

// ---- Inspections -----------------------------------------------------------------------------------------------

async function presentInspections(db: Db, rows: InspectionRow[]) {
  const names = await unitNames(db, rows.flatMap((r) => [r.unitId, r.targetUnitId]));
  const counts = await recommendationCounts(db, rows.map((r) => r.id));
  return rows.map((i) => ({
    id: i.id,
    planId: i.planId,
    unitId: i.unitId,
    unitName: names.get(i.unitId) ?? '',
    kind: i.kind as 'integrated' | 'surprise',
    targetUnitId: i.targetUnitId,
    targetUnitName: names.get(i.targetUnitId) ?? '',
    title: i.title,
    decisionRef: i.decisionRef,
    startOn: i.startOn,
    endOn: i.endOn,
    team: i.team,
    findings: i.findings,
    status: i.status as 'planned' | 'in_progress' | 'concluded',
    conclusionRef: i.conclusionRef,
    concludedOn: i.concludedOn,
    recommendations: counts.get(i.id) ?? { total: 0, open: 0, overdue: 0 },
    isDemo: i.isDemo,
    version: i.version,
  }));
}

export async function listInspections(db: Db, ctx: Context, q: z.infer<typeof ListInspectionsQuery>): Promise<Page<Awaited<ReturnType<typeof presentInspections>>[number]>> {
  const scope = await ctx.scope('reform.read');
  const where = andAll([
    scope.all ? undefined : or(inScope(scope, inspections.unitId), inScope(scope, inspections.targetUnitId)),
    q.unitId ? eq(inspections.unitId, q.unitId) : undefined,
    q.targetUnitId ? eq(inspections.targetUnitId, q.targetUnitId) : undefined,
    q.kind ? eq(inspections.kind, q.kind) : undefined,
    q.planId ? eq(inspections.planId, q.planId) : undefined,
    q.year ? sql`${inspections.startOn} BETWEEN ${`${q.year}-01-01`} AND ${`${q.year}-12-31`}` : undefined,
  ]);
  const { rows, total } = await findInspections(db, where, q.page, q.pageSize);
  return { items: await presentInspections(db, rows), total, page: q.page, pageSize: q.pageSize };
}

async function presentRecommendations(db: Db, rows: RecommendationRow[]) {
  const names = await unitNames(db, rows.map((r) => r.responsibleUnitId));
  const titles = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.inspectionId))) titles.set(id, (await findInspection(db, id))?.title ?? '');
  const followUps = await findFollowUps(db, rows.map((r) => r.id));
  const reporters = await userNames(db, followUps.map((f) => f.reportedBy));
  const today = todayVn();
  return rows.map((r) => {
    const overdue = r.status === 'open' && r.deadline < today;
    return {
      id: r.id,
      inspectionId: r.inspectionId,
      inspectionTitle: titles.get(r.inspectionId) ?? '',
      unitId: r.unitId,
      responsibleUnitId: r.responsibleUnitId,
      responsibleUnitName: names.get(r.responsibleUnitId) ?? '',
      content: r.content,
      deadline: r.deadline,
      status: r.status as 'open' | 'closed',
      closedOn: r.closedOn,
      closingEvidence: r.closingEvidence,
      closingEvidenceUrl: r.closingEvidenceUrl,
      overdue,
      daysOverdue: overdue ? daysBetween(r.deadline, today) : 0,
      followUps: followUps
        .filter((f) => f.recommendationId === r.id)
        .map((f) => ({ id: f.id, reportedOn: f.reportedOn, note: f.note, evidenceUrl: f.evidenceUrl, reportedBy: f.reportedBy ? (reporters.get(f.reportedBy) ?? null) : null, createdAt: f.createdAt.toISOString() })),
      isDemo: r.isDemo,
      version: r.version,
    };
  });
}

async function readableInspection(db: Db, ctx: Context, id: string): Promise<InspectionRow> {
  const i = await findInspection(db, id);
  if (!i) throw notFound('inspection');
  await requireAnyUnit(ctx, [['reform.read', i.unitId], ['reform.read', i.targetUnitId]]);
  return i;
}

export async function getInspection(db: Db, ctx: Context, id: string) {
  const i = await readableInspection(db, ctx, id);
  const [view] = await presentInspections(db, [i]);
  const { rows } = await findRecommendations(db, eq(inspectionRecommendations.inspectionId, id), 1, 500);
  return { ...view, recommendationList: await presentRecommendations(db, rows) };
}

export async function createInspection(database: Database, ctx: Context, input: z.infer<typeof CreateInspectionBody>) {
  const db = database.db;
  await requireUnitExists(db, input.unitId, 'unitId');
  await ctx.requireUnit('inspections.write', input.unitId);
  await requireUnitExists(db, input.targetUnitId, 'targetUnitId');
  if (input.targetUnitId === input.unitId || !(await isInSubtree(db, input.unitId, input.targetUnitId))) throw invalidField('targetUnitId', 'not_in_subtree', MSG.notInSubtree);
  if (input.endOn && input.endOn < input.startOn) throw invalidField('endOn', 'before_start', MSG.endBeforeStart);
  if (input.planId) {
    const p = await findPlan(db, input.planId);
    if (!p || p.unitId !== input.unitId || String(p.year) !== input.startOn.slice(0, 4)) throw invalidField('planId', 'other_plan', M.planOther);
  }
  const row = await database.transaction(async (tx) => {
    const [i] = await tx.db
      .insert(inspections)
      .values({ planId: input.planId ?? null, unitId: input.unitId, kind: input.kind, targetUnitId: input.targetUnitId, title: input.title, decisionRef: input.decisionRef ?? null, startOn: input.startOn, endOn: input.endOn ?? null, team: input.team })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'inspection.create', subjectType: 'inspection', subjectId: i.id, unitId: i.unitId, after: i });
    return i;
  });
  return getInspection(db, ctx, row.id);
}

/** Records the team, dates, findings and conclusion of an inspection. */
export async function updateInspection(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateInspectionBody>) {
  const db = database.db;
  const i = await findInspection(db, id);
  if (!i) throw notFound('inspection');
  await ctx.requireUnit('inspections.write', i.unitId);
  const { version, ...changes } = input;
  if (version !== i.version) throw staleVersion('inspection', i.version, version);
  const start = changes.startOn ?? i.startOn;
  const end = changes.endOn === undefined ? i.endOn : changes.endOn;
  if (end && end < start) throw invalidField('endOn', 'before_start', MSG.endBeforeStart);
  await database.transaction(async (tx) => {
    const [r] = await tx.db.update(inspections).set({ ...changes, version: i.version + 1, updatedAt: new Date() }).where(and(eq(inspections.id, id), eq(inspections.version, version))).returning();
    if (!r) throw staleVersion('inspection', i.version, version);
    await recordAudit(tx, ctx.actor, { action: 'inspection.update', subjectType: 'inspection', subjectId: id, unitId: i.unitId, before: i, after: r });
  });
  return getInspection(db, ctx, id);
}

// ---- Recommendations and follow-up -----------------------------------------------------------------------------

export async function addRecommendation(database: Database, ctx: Context, inspectionId: string, input: z.infer<typeof CreateRecommendationBody>) {
  const db = database.db;
  const i = await findInspection(db, inspectionId);
  if (!i) throw notFound('inspection');
  await ctx.requireUnit('inspections.write', i.unitId);
  await requireUnitExists(db, input.responsibleUnitId, 'responsibleUnitId');
  if (!(await isInSubtree(db, i.unitId, input.responsibleUnitId))) throw invalidField('responsibleUnitId', 'not_in_subtree', MSG.notInSubtree);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db.insert(inspectionRecommendations).values({ inspectionId, unitId: i.unitId, responsibleUnitId: input.responsibleUnitId, content: input.content, deadline: input.deadline }).returning();
    await recordAudit(tx, ctx.actor, { action: 'inspection.recommendation.create', subjectType: 'inspection_recommendation', subjectId: r.id, unitId: i.unitId, after: r });
    return r;
  });
  return (await presentRecommendations(db, [row]))[0];
}

/** Recommendations the caller issued or must act on, oldest deadline first. */
export async function listRecommendations(db: Db, ctx: Context, q: z.infer<typeof ListRecommendationsQuery>) {
  const scope = await ctx.scope('reform.read');
  const today = todayVn();
  const where = andAll([
    scope.all ? undefined : or(inScope(scope, inspectionRecommendations.unitId), inScope(scope, inspectionRecommendations.responsibleUnitId)),
    q.unitId ? eq(inspectionRecommendations.unitId, q.unitId) : undefined,
    q.responsibleUnitId ? eq(inspectionRecommendations.responsibleUnitId, q.responsibleUnitId) : undefined,
    q.status ? eq(inspectionRecommendations.status, q.status) : undefined,
    q.overdue === 'true' ? sql`${inspectionRecommendations.status} = 'open' AND ${inspectionRecommendations.deadline} < ${today}` : undefined,
  ]);
  const { rows, total } = await findRecommendations(db, where, q.page, q.pageSize);
  return { items: await presentRecommendations(db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** The responsible unit (or the inspecting unit) reports what was done on an open recommendation. */
export async function addFollowUp(database: Database, ctx: Context, recommendationId: string, input: z.infer<typeof FollowUpBody>) {
  const db = database.db;
  const r = await findRecommendation(db, recommendationId);
  if (!r) throw notFound('recommendation');
  await requireAnyUnit(ctx, [['reform.write', r.responsibleUnitId], ['inspections.write', r.unitId]]);
  if (r.status !== 'open') throw ruleViolated(R.recommendationClosed);
  await database.transaction(async (tx) => {
    const [f] = await tx.db.insert(inspectionFollowUps).values({ recommendationId, unitId: r.responsibleUnitId, reportedOn: input.reportedOn ?? todayVn(), note: input.note, evidenceUrl: input.evidenceUrl ?? null, reportedBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx.actor, { action: 'inspection.recommendation.follow_up', subjectType: 'inspection_recommendation', subjectId: recommendationId, unitId: r.responsibleUnitId, after: f });
  });
  return (await presentRecommendations(db, [(await findRecommendation(db, recommendationId))!]))[0];
}

/** The inspecting unit closes a recommendation, with the evidence that it was carried out. */
export async function closeRecommendation(database: Database, ctx: Context, recommendationId: string, input: z.infer<typeof CloseRecommendationBody>) {
  const db = database.db;
  const r = await findRecommendation(db, recommendationId);
  if (!r) throw notFound('recommendation');
  await ctx.requireUnit('inspections.write', r.unitId);
  if (input.version !== r.version) throw staleVersion('recommendation', r.version, input.version);
  if (r.status !== 'open') throw ruleViolated(R.recommendationClosedAlready);
  const row = await database.transaction(async (tx) => {
    const [c] = await tx.db
      .update(inspectionRecommendations)
      .set({ status: 'closed', closedOn: input.closedOn ?? todayVn(), closingEvidence: input.evidence, closingEvidenceUrl: input.evidenceUrl ?? null, closedBy: ctx.actor.userId, version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(inspectionRecommendations.id, recommendationId), eq(inspectionRecommendations.version, input.version)))
      .returning();
    if (!c) throw staleVersion('recommendation', r.version, input.version);
    await recordAudit(tx, ctx.actor, { action: 'inspection.recommendation.close', subjectType: 'inspection_recommendation', subjectId: recommendationId, unitId: r.unitId, before: r, after: c });
    return c;
  });
  return (await presentRecommendations(db, [row]))[0];
}

/** Counts by kind and year, open and overdue recommendations, for a unit's subtree. */
export async function inspectionStats(db: Db, ctx: Context, q: z.infer<typeof InspectionStatsQuery>) {
  await requireUnitExists(db, q.unitId, 'unitId');
  await ctx.requireUnit('reform.read', q.unitId);
  return { unitId: q.unitId, ...(await inspectionCounts(db, q.unitId, q.from ?? '1900-01-01', q.to ?? '2999-12-31')) };
}

