/**
 * The yearly review (rà soát, đánh giá thủ tục hành chính): a plan per unit and year, proposals per procedure, a
 * leader's decision, and the simplification report. An approved proposal becomes a new version of its procedure
 * effective on the proposal's date (recorded at once, in force on that date: see procedures.versions.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateProposalBody, CreateReviewPlanBody, DecideProposalBody, ListReviewPlansQuery, SimplificationReportQuery, UpdateProposalBody, UpdateReviewPlanBody } from '../../../contracts/procedures.ts';
import type { Database, Db } from '../../db/client.ts';
import { displayDate, todayVn } from '../../platform/clock.ts';
import { AppError, conflict, notFound, ruleViolated } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPlan, findPlanByUnitYear, findPlans, findProcedure, findProposal, findProposalsOfPlan, findVersions, findVersionsOf, lockProcedure, unitNames, type PlanRow, type ProposalRow } from './procedures.repository.ts';
import { PROCEDURE_REFUSALS as R, proposalClosed } from './procedures.messages.ts';
import { procedureProposals, procedureReviewPlans } from './procedures.schema.ts';
import { appendVersion } from './procedures.service.ts';
import { applyProposalChange, byEffective, checkProposalChange, inForceOn, pickContent, sameContent } from './procedures.versions.ts';
import { computeSimplification, DEFAULT_TIME_VALUE_PER_DAY, type ReviewedProcedure } from './simplification.ts';

const presentPlan = (p: PlanRow, unitName: string) => ({
  id: p.id,
  unitId: p.unitId,
  unitName,
  year: p.year,
  title: p.title,
  note: p.note,
  baselineDate: p.baselineDate,
  status: p.status as 'open' | 'closed',
  procedureIds: p.procedureIds,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});

async function presentProposals(db: Db, rows: ProposalRow[]) {
  const versions = await findVersionsOf(db, [...new Set(rows.map((r) => r.procedureId))]);
  return rows.map((r) => {
    const latest = [...(versions.get(r.procedureId) ?? [])].sort(byEffective).at(-1);
    return presentProposal(r, latest?.name ?? '', latest?.code ?? '');
  });
}

const presentProposal = (r: ProposalRow, procedureName: string, procedureCode: string) => ({
  id: r.id,
  planId: r.planId,
  procedureId: r.procedureId,
  procedureName,
  procedureCode,
  unitId: r.unitId,
  kind: r.change.kind,
  change: r.change,
  rationale: r.rationale,
  effectiveDate: r.effectiveDate,
  status: r.status as 'proposed' | 'approved' | 'rejected' | 'withdrawn',
  baseVersionNo: r.baseVersionNo,
  resultVersionNo: r.resultVersionNo,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  decisionNote: r.decisionNote,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

const fieldError = (field: string, vi: string, en: string, fr: string) => new AppError('VALIDATION_FAILED', { detail: en, fields: [{ field, code: 'not_found', message: { vi, en, fr } }] });

async function checkProceduresExist(db: Db, ids: string[]) {
  for (const id of ids) if (!(await findProcedure(db, id))) throw fieldError('procedureIds', `Không có thủ tục ${id}`, `No procedure ${id}`, `Aucune procédure ${id}`);
}

/** Review plans in the caller's units (reform.read), newest year first. */
export async function listPlans(db: Db, ctx: Context, q: z.infer<typeof ListReviewPlansQuery>) {
  const scope = await ctx.scope('reform.read');
  if (q.unitId) await ctx.requireUnit('reform.read', q.unitId);
  const rows = await findPlans(db, { unitIds: scope.all ? 'all' : [...scope.ids], unitId: q.unitId, year: q.year });
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((r) => presentPlan(r, names.get(r.unitId) ?? ''));
}

/** A plan with its proposals. Throws NOT_FOUND, FORBIDDEN outside the caller's units. */
export async function getPlan(db: Db, ctx: Context, id: string) {
  const plan = await findPlan(db, id);
  if (!plan) throw notFound('review plan');
  await ctx.requireUnit('reform.read', plan.unitId);
  const names = await unitNames(db, [plan.unitId]);
  return { ...presentPlan(plan, names.get(plan.unitId) ?? ''), proposals: await presentProposals(db, await findProposalsOfPlan(db, id)) };
}

/** Opens the review plan of a unit for a year (one per unit and year: CONFLICT otherwise). */
export async function createPlan(database: Database, ctx: Context, input: z.infer<typeof CreateReviewPlanBody>) {
  await ctx.requireUnit('procedures.write', input.unitId);
  const procedureIds = [...new Set(input.procedureIds)];
  await checkProceduresExist(database.db, procedureIds);
  const baselineDate = input.baselineDate ?? `${input.year}-01-01`;
  const row = await database.transaction(async (tx) => {
    if (await findPlanByUnitYear(tx.db, input.unitId, input.year)) throw conflict(R.reviewPlanExists, { year: input.year });
    const [r] = await tx.db
      .insert(procedureReviewPlans)
      .values({ unitId: input.unitId, year: input.year, title: input.title, note: input.note, baselineDate, procedureIds, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'procedure_review.create', subjectType: 'procedure_review', subjectId: r.id, unitId: r.unitId, after: presentPlan(r, '') });
    return r;
  });
  const names = await unitNames(database.db, [row.unitId]);
  return presentPlan(row, names.get(row.unitId) ?? '');
}

/** Edits a plan (title, note, procedures under review, open/closed). Send the version you read. */
export async function updatePlan(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateReviewPlanBody>) {
  const current = await findPlan(database.db, id);
  if (!current) throw notFound('review plan');
  await ctx.requireUnit('procedures.write', current.unitId);
  const { version, ...changes } = input;
  if (changes.procedureIds) {
    changes.procedureIds = [...new Set(changes.procedureIds)];
    await checkProceduresExist(database.db, changes.procedureIds);
    const withProposals = new Set((await findProposalsOfPlan(database.db, id)).map((p) => p.procedureId));
    const dropped = [...withProposals].filter((p) => !changes.procedureIds!.includes(p));
    if (dropped.length) throw ruleViolated(R.procedureHasProposals, { procedureId: dropped[0] });
  }
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db
      .update(procedureReviewPlans)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(procedureReviewPlans.id, id), eq(procedureReviewPlans.version, version)))
      .returning();
    if (!r) throw conflict(R.staleReviewPlan, { current: current.version, sent: version });
    await recordAudit(tx, ctx.actor, { action: 'procedure_review.update', subjectType: 'procedure_review', subjectId: id, unitId: r.unitId, before: presentPlan(current, ''), after: presentPlan(r, '') });
    return r;
  });
  const names = await unitNames(database.db, [row.unitId]);
  return presentPlan(row, names.get(row.unitId) ?? '');
}

/** Checks a proposal's change against the version in force on its date; checks a merge target exists. */
async function checkChange(db: Db, procedureId: string, change: z.infer<typeof CreateProposalBody>['change'], effectiveDate: string) {
  const versions = await findVersions(db, procedureId);
  const base = inForceOn(versions, effectiveDate);
  if (!base) throw ruleViolated(R.notYetOnEffectiveDate, { date: displayDate(effectiveDate) });
  checkProposalChange(pickContent(base as never), change, procedureId);
  if (change.kind === 'merge' && !(await findProcedure(db, change.intoProcedureId))) {
    throw fieldError('change.intoProcedureId', 'Không có thủ tục hợp nhất vào', 'No procedure to merge into', 'Aucune procédure cible');
  }
}

/** Proposes a simplification of a procedure in an open plan. The caller edits both the plan's unit and the procedure. */
export async function createProposal(database: Database, ctx: Context, planId: string, input: z.infer<typeof CreateProposalBody>) {
  const plan = await findPlan(database.db, planId);
  if (!plan) throw notFound('review plan');
  await ctx.requireUnit('procedures.write', plan.unitId);
  const proc = await findProcedure(database.db, input.procedureId);
  if (!proc) throw fieldError('procedureId', 'Không có thủ tục này', 'No such procedure', 'Aucune procédure de ce type');
  await ctx.requireUnit('procedures.write', proc.ownerUnitId);
  if (plan.status !== 'open') throw ruleViolated(R.reviewPlanClosed);
  await checkChange(database.db, proc.id, input.change, input.effectiveDate);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db
      .insert(procedureProposals)
      .values({ planId, procedureId: proc.id, unitId: plan.unitId, kind: input.change.kind, change: input.change, rationale: input.rationale, effectiveDate: input.effectiveDate, baseVersionNo: proc.version, createdBy: ctx.actor.userId })
      .returning();
    if (!plan.procedureIds.includes(proc.id)) {
      await tx.db.update(procedureReviewPlans).set({ procedureIds: [...plan.procedureIds, proc.id], updatedAt: new Date() }).where(eq(procedureReviewPlans.id, planId));
    }
    await recordAudit(tx, ctx.actor, { action: 'procedure_proposal.create', subjectType: 'procedure_proposal', subjectId: r.id, unitId: plan.unitId, after: r });
    return r;
  });
  return (await presentProposals(database.db, [row]))[0];
}

/** Edits or withdraws a proposal not yet decided. Send the version you read. */
export async function updateProposal(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateProposalBody>) {
  const current = await findProposal(database.db, id);
  if (!current) throw notFound('proposal');
  await ctx.requireUnit('procedures.write', current.unitId);
  if (current.status !== 'proposed') throw ruleViolated(proposalClosed(current.status));
  const { version, ...changes } = input;
  const change = changes.change ?? current.change;
  const effectiveDate = changes.effectiveDate ?? current.effectiveDate;
  if (changes.status !== 'withdrawn' && (changes.change || changes.effectiveDate)) await checkChange(database.db, current.procedureId, change, effectiveDate);
  const proc = (await findProcedure(database.db, current.procedureId))!;
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db
      .update(procedureProposals)
      .set({ change, kind: change.kind, effectiveDate, rationale: changes.rationale ?? current.rationale, status: changes.status ?? current.status, baseVersionNo: changes.change ? proc.version : current.baseVersionNo, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(procedureProposals.id, id), eq(procedureProposals.version, version)))
      .returning();
    if (!r) throw conflict(R.staleProposal, { current: current.version, sent: version });
    await recordAudit(tx, ctx.actor, { action: changes.status === 'withdrawn' ? 'procedure_proposal.withdraw' : 'procedure_proposal.update', subjectType: 'procedure_proposal', subjectId: id, unitId: r.unitId, before: current, after: r });
    return r;
  });
  return (await presentProposals(database.db, [row]))[0];
}

/**
 * A leader's decision (procedures.approve on the plan's unit and on the procedure's). Approval records the new
 * version of the procedure effective on the proposal's date (or the date given here), which may not be in the
 * past; rejection records only the decision.
 */
export async function decideProposal(database: Database, ctx: Context, id: string, input: z.infer<typeof DecideProposalBody>) {
  const current = await findProposal(database.db, id);
  if (!current) throw notFound('proposal');
  await ctx.requireUnit('procedures.approve', current.unitId);
  const proc0 = await findProcedure(database.db, current.procedureId);
  await ctx.requireUnit('procedures.approve', proc0!.ownerUnitId);
  if (current.version !== input.version) throw conflict(R.staleProposal, { current: current.version, sent: input.version });
  if (current.status !== 'proposed') throw ruleViolated(proposalClosed(current.status));
  const effectiveDate = input.effectiveDate ?? current.effectiveDate;
  const today = todayVn();
  if (input.decision === 'approved' && effectiveDate < today) {
    throw ruleViolated(R.effectiveDatePassed, { date: displayDate(effectiveDate) });
  }
  const row = await database.transaction(async (tx) => {
    let resultVersionNo: number | null = null;
    if (input.decision === 'approved') {
      const proc = (await lockProcedure(tx.db, current.procedureId))!;
      const versions = await findVersions(tx.db, proc.id);
      const base = inForceOn(versions, effectiveDate);
      if (!base) throw ruleViolated(R.notYetOnEffectiveDate, { date: displayDate(effectiveDate) });
      const baseContent = pickContent(base as never);
      checkProposalChange(baseContent, current.change, proc.id);
      const content = applyProposalChange(baseContent, current.change);
      if (!sameContent(content, baseContent)) {
        const { version, rebased } = await appendVersion(tx, proc, proc.version, { effectiveFrom: effectiveDate, content, op: { kind: 'proposal', proposalId: id, change: current.change }, proposalId: id, changeNote: current.rationale }, ctx.actor.userId);
        resultVersionNo = version.versionNo;
        await recordAudit(tx, ctx.actor, { action: 'procedure.version', subjectType: 'procedure', subjectId: proc.id, unitId: proc.ownerUnitId, after: { versionNo: version.versionNo, effectiveFrom: effectiveDate, source: 'proposal', proposalId: id, change: current.change, rebased: rebased.map((r) => r.versionNo) } });
      }
    }
    const [r] = await tx.db
      .update(procedureProposals)
      .set({ status: input.decision, decidedBy: ctx.actor.userId, decidedAt: new Date(), decisionNote: input.note, effectiveDate, resultVersionNo, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(procedureProposals.id, id), eq(procedureProposals.version, input.version)))
      .returning();
    if (!r) throw conflict(R.proposalChanged);
    await recordAudit(tx, ctx.actor, { action: `procedure_proposal.${input.decision === 'approved' ? 'approve' : 'reject'}`, subjectType: 'procedure_proposal', subjectId: id, unitId: r.unitId, before: { status: current.status, version: current.version }, after: { status: r.status, effectiveDate, resultVersionNo, note: input.note } });
    return r;
  });
  return (await presentProposals(database.db, [row]))[0];
}

/**
 * The simplification report of a unit's review plan for a year (reform.read on the unit); formulas in
 * simplification.ts. Without a plan the figures are zero and `planId` is null.
 */
export async function simplificationReport(db: Db, ctx: Context, q: z.infer<typeof SimplificationReportQuery>) {
  await ctx.requireUnit('reform.read', q.unitId);
  const names = await unitNames(db, [q.unitId]);
  const plan = await findPlanByUnitYear(db, q.unitId, q.year);
  const timeValuePerDay = q.timeValuePerDay ?? DEFAULT_TIME_VALUE_PER_DAY;
  const proposals = plan ? await findProposalsOfPlan(db, plan.id) : [];
  const ids = plan ? [...new Set([...plan.procedureIds, ...proposals.map((p) => p.procedureId)])] : [];
  const versionsOf = await findVersionsOf(db, ids);
  const items: ReviewedProcedure[] = [];
  for (const pid of ids) {
    const versions = versionsOf.get(pid) ?? [];
    if (versions.length === 0) continue;
    const base = inForceOn(versions, plan!.baselineDate) ?? [...versions].sort(byEffective)[0];
    const approved = proposals
      .filter((p) => p.procedureId === pid && p.status === 'approved')
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0)))
      .map((p) => p.change);
    items.push({ procedureId: pid, code: base.code, name: base.name, baseVersionNo: base.versionNo, base: pickContent(base as never), approved });
  }
  const figures = computeSimplification(items, timeValuePerDay);
  const count = (key: (p: ProposalRow) => string) => proposals.reduce<Record<string, number>>((acc, p) => ({ ...acc, [key(p)]: (acc[key(p)] ?? 0) + 1 }), {});
  return {
    unitId: q.unitId,
    unitName: names.get(q.unitId) ?? '',
    year: q.year,
    planId: plan?.id ?? null,
    baselineDate: plan?.baselineDate ?? null,
    ...figures,
    proposals: { total: proposals.length, byStatus: count((p) => p.status), byKind: count((p) => p.kind) },
  };
}
