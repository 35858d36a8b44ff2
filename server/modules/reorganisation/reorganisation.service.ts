/**
 * Re-organisation plans (phương án sắp xếp đơn vị): entered as a draft, previewed (what moves where, with counts
 * and conflicts), executed atomically at once or by a job at the effective date, and rolled back while nothing new
 * was written on the successors. Administrators only (`units.reorganise` on every unit the plan touches); every
 * step audited.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExecuteBody, PlanBody, PlanBodyDto, PreviewDto, RollbackBody, UpdatePlanBody } from '../../../contracts/reorganisation.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { AppError, conflict, forbidden, notFound, ruleViolated } from '../../platform/errors.ts';
import type { Queue } from '../../platform/queue.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit, systemActor, type Actor } from '../audit/audit.service.ts';
import { units } from '../units/units.schema.ts';
import { ChangeLog, undoChanges } from './changelog.ts';
import { compilePlan, type CompiledPlan, type L } from './compile.ts';
import { PARTICIPANTS, type Collected, type ExecContext } from './participants/index.ts';
import { REORGANISATION_REFUSALS as R, withList } from './reorganisation.messages.ts';
import { reorganisationChanges, reorganisationPlans, reorganisationRoutes } from './reorganisation.schema.ts';

export const EXECUTE_JOB = 'reorganisation.execute';
type PlanRow = typeof reorganisationPlans.$inferSelect;
type Stored = { newUnits: PlanBodyDto['newUnits']; operations: PlanBodyDto['operations'] };

const bodyOf = (p: PlanRow): PlanBodyDto => {
  const s = p.operations as Stored;
  return { title: p.title, decisionRef: p.decisionRef, decisionDate: p.decisionDate, effectiveDate: p.effectiveDate, newUnits: s.newUnits, operations: s.operations, resolutions: p.resolutions };
};

function present(p: PlanRow, rollbackBlockers?: L[]) {
  const b = bodyOf(p);
  return {
    id: p.id,
    title: p.title,
    decisionRef: p.decisionRef,
    decisionDate: p.decisionDate,
    effectiveDate: p.effectiveDate,
    status: p.status as 'draft' | 'scheduled' | 'executed' | 'rolled_back' | 'failed',
    newUnits: b.newUnits,
    operations: b.operations,
    resolutions: p.resolutions,
    preview: (p.preview as PreviewDto | null) ?? null,
    result: (p.result as Record<string, number> | null) ?? null,
    failure: p.failure,
    executedAt: p.executedAt?.toISOString() ?? null,
    rolledBackAt: p.rolledBackAt?.toISOString() ?? null,
    ...(rollbackBlockers ? { rollbackBlockers } : {}),
    createdAt: p.createdAt.toISOString(),
    version: p.version,
  };
}
export type Plan = ReturnType<typeof present>;

/** Every existing unit the plan touches: the caller must hold `units.reorganise` on each. */
function touchedUnits(b: PlanBodyDto): string[] {
  const ids = new Set<string>();
  const add = (x: string | undefined) => x && !x.startsWith('#') && ids.add(x);
  for (const n of b.newUnits) add(n.parent);
  for (const op of b.operations) {
    if (op.kind === 'merge') {
      op.sources.forEach(add);
      add(op.target);
    } else if (op.kind === 'split') {
      add(op.source);
      op.parts.forEach(add);
    } else if (op.kind === 'rename') add(op.source);
    else if (op.kind === 'move') {
      add(op.source);
      add(op.parent);
    } else if (op.kind === 'abolish') {
      add(op.source);
      add(op.successor);
    } else {
      add(op.source);
      op.successors?.forEach(add);
      op.routes?.forEach((r) => {
        add(r.from);
        add(r.to);
      });
    }
  }
  return [...ids];
}

async function requireRights(ctx: Context, b: PlanBodyDto) {
  const scope = await ctx.scope('units.reorganise');
  if (scope.all) return;
  const outside = touchedUnits(b).filter((u) => !scope.covers(u));
  if (outside.length || !ctx.principal || scope.ids.size === 0) throw forbidden(R.noRight);
}

async function loadPlan(db: Db, id: string, lock = false): Promise<PlanRow> {
  const q = db.select().from(reorganisationPlans).where(eq(reorganisationPlans.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('reorganisation plan');
  return row;
}

const staleVersion = (row: PlanRow, v: number) => conflict(R.stalePlan, { current: row.version, sent: v });

export async function listPlans(db: Db, ctx: Context): Promise<Plan[]> {
  await ctx.scope('units.reorganise');
  const rows = await db.select().from(reorganisationPlans).orderBy(desc(reorganisationPlans.effectiveDate), desc(reorganisationPlans.createdAt));
  const out: Plan[] = [];
  for (const r of rows) {
    try {
      await requireRights(ctx, bodyOf(r));
      out.push(present(r));
    } catch {
      /* not the caller's */
    }
  }
  return out;
}

export async function getPlan(db: Db, ctx: Context, id: string): Promise<Plan> {
  const row = await loadPlan(db, id);
  await requireRights(ctx, bodyOf(row)).catch(() => {
    throw notFound('reorganisation plan');
  });
  return present(row, row.status === 'executed' ? await rollbackBlockers(db, row) : undefined);
}

/** Checks unit ids exist (a clear 400 on the field rather than a failed preview). */
async function checkExisting(db: Db, b: PlanBodyDto) {
  const ids = touchedUnits(b);
  if (ids.length === 0) return;
  const found = new Set((await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((u) => u.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `unknown units ${missing.join(', ')}`,
      fields: [{ field: 'operations', code: 'not_found', message: { vi: `Không có đơn vị ${missing.join(', ')}`, en: `No unit ${missing.join(', ')}`, fr: `Aucune unité ${missing.join(', ')}` } }],
    });
  }
}

export async function createPlan(database: Database, ctx: Context, input: z.infer<typeof PlanBody>): Promise<Plan> {
  await checkExisting(database.db, input);
  await requireRights(ctx, input);
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(reorganisationPlans)
      .values({ title: input.title, decisionRef: input.decisionRef, decisionDate: input.decisionDate ?? null, effectiveDate: input.effectiveDate, operations: { newUnits: input.newUnits, operations: input.operations }, resolutions: input.resolutions, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.create', subjectType: 'reorganisation_plan', subjectId: row.id, after: present(row) });
    return present(row);
  });
}

export async function updatePlan(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdatePlanBody>): Promise<Plan> {
  const current = await loadPlan(database.db, id);
  await requireRights(ctx, bodyOf(current));
  await checkExisting(database.db, input);
  await requireRights(ctx, input);
  if (current.status !== 'draft' && current.status !== 'failed') throw ruleViolated(R.notEditable, { status: current.status });
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(reorganisationPlans)
      .set({ title: input.title, decisionRef: input.decisionRef, decisionDate: input.decisionDate ?? null, effectiveDate: input.effectiveDate, operations: { newUnits: input.newUnits, operations: input.operations }, resolutions: input.resolutions, preview: null, status: 'draft', failure: null, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(reorganisationPlans.id, id), eq(reorganisationPlans.version, input.version)))
      .returning();
    if (!row) throw staleVersion(current, input.version);
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.update', subjectType: 'reorganisation_plan', subjectId: id, before: present(current), after: present(row) });
    return present(row);
  });
}

/** Compiles the plan and lets every participant collect what it would move (no write). */
async function computePreview(db: Db, body: PlanBodyDto): Promise<{ plan: CompiledPlan; collected: Collected<never>[]; preview: PreviewDto }> {
  const plan = compilePlan(body, await db.select().from(units));
  const collected: Collected<never>[] = [];
  if (plan.errors.length === 0) for (const p of PARTICIPANTS) collected.push(await p.collect(db, plan));
  const predecessors = new Map<string, string[]>();
  for (const l of plan.lineage) predecessors.set(l.to, [...(predecessors.get(l.to) ?? []), plan.nameOf(l.from)]);
  const preview: PreviewDto = {
    computedAt: new Date().toISOString(),
    participants: collected.map((c, i) => ({ participant: PARTICIPANTS[i].key, label: PARTICIPANTS[i].label, count: c.count, items: c.items, conflicts: c.conflicts })),
    errors: plan.errors.map((message) => ({ message })),
    unresolved: collected.reduce((a, c) => a + c.conflicts.filter((x) => !x.resolution).length, 0),
    tree: plan.newUnits.map((s) => ({ ref: s.ref, name: s.name, kind: s.kind, parent: s.parent ? plan.nameOf(s.parent) : null, predecessors: predecessors.get(s.ref) ?? [] })),
  };
  return { plan, collected, preview };
}

/** Computes and stores the preview of a draft (or failed) plan. */
export async function previewPlan(database: Database, ctx: Context, id: string): Promise<Plan> {
  const row = await loadPlan(database.db, id);
  await requireRights(ctx, bodyOf(row));
  const { preview } = await computePreview(database.db, bodyOf(row));
  if (row.status !== 'draft' && row.status !== 'failed' && row.status !== 'scheduled') return present({ ...row, preview });
  return database.transaction(async (tx) => {
    const [saved] = await tx.db.update(reorganisationPlans).set({ preview, updatedAt: new Date() }).where(eq(reorganisationPlans.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.preview', subjectType: 'reorganisation_plan', subjectId: id, after: { counts: Object.fromEntries(preview.participants.map((p) => [p.participant, p.count])), errors: preview.errors.length, unresolved: preview.unresolved } });
    return present(saved);
  });
}

function refuseIfNotRunnable(preview: PreviewDto) {
  if (preview.errors.length) {
    throw new AppError('RULE_VIOLATED', { detail: withList(R.cannotRun, 'errors', preview.errors.map((e) => e.message)), fields: preview.errors.map((e) => ({ field: 'operations', code: 'structure', message: e.message })) });
  }
  const open = preview.participants.flatMap((p) => p.conflicts.filter((c) => !c.resolution));
  if (open.length) {
    throw new AppError('RULE_VIOLATED', { detail: R.unresolved, params: { count: open.length }, fields: open.map((c) => ({ field: `resolutions.${c.key}`, code: 'unresolved', message: c.message })) });
  }
}

/**
 * Runs a plan inside `tx`: compiles it against the units as they are, lets each participant collect and execute
 * (the same lists), records the undo log, and marks the plan executed. Throws (and writes nothing) on structural
 * errors or unresolved conflicts.
 */
export async function runPlan(tx: Tx, planId: string, actor: Actor, now = new Date()): Promise<{ plan: PlanRow; ids: Map<string, string> }> {
  const row = await loadPlan(tx.db, planId, true);
  if (row.status !== 'draft' && row.status !== 'scheduled' && row.status !== 'failed') throw ruleViolated(R.notExecutable, { status: row.status });
  const { plan, collected, preview } = await computePreview(tx.db, bodyOf(row));
  refuseIfNotRunnable(preview);
  const ids = new Map<string, string>();
  const x: ExecContext = {
    tx,
    plan,
    planId,
    ids,
    resolve: (r) => {
      if (!r.startsWith('#')) return r;
      const id = ids.get(r);
      if (!id) throw new Error(`unit ${r} not created yet`);
      return id;
    },
    actor,
    log: new ChangeLog(tx, planId),
    now,
  };
  const result: Record<string, number> = {};
  for (const [i, p] of PARTICIPANTS.entries()) result[p.key] = await p.execute(x, collected[i]);
  const [saved] = await tx.db
    .update(reorganisationPlans)
    .set({ status: 'executed', preview, result, executedAt: now, executedBy: actor.userId, failure: null, version: row.version + 1, updatedAt: now })
    .where(eq(reorganisationPlans.id, planId))
    .returning();
  await recordAudit(tx, actor, { action: 'reorganisation.plan.execute', subjectType: 'reorganisation_plan', subjectId: planId, after: { result, newUnits: Object.fromEntries(ids), decisionRef: row.decisionRef, effectiveDate: row.effectiveDate } });
  return { plan: saved, ids };
}

/** Executes at once, or schedules the execution at the effective date (00:00 Vietnam time) as a job. */
export async function executePlan(database: Database, queue: Queue | null, ctx: Context, id: string, input: z.infer<typeof ExecuteBody>): Promise<Plan> {
  const current = await loadPlan(database.db, id);
  await requireRights(ctx, bodyOf(current));
  if (current.version !== input.version) throw staleVersion(current, input.version);
  if (input.when === 'now') {
    const { plan } = await database.transaction(async (tx) => {
      const locked = await loadPlan(tx.db, id, true);
      if (locked.version !== input.version) throw staleVersion(locked, input.version);
      return runPlan(tx, id, ctx.actor);
    });
    return present(plan, []);
  }
  if (!queue) throw ruleViolated(R.noJobs);
  // Refuse now what would fail at the date (structure, conflicts); the job re-checks then.
  const { preview } = await computePreview(database.db, bodyOf(current));
  refuseIfNotRunnable(preview);
  return database.transaction(async (tx) => {
    const locked = await loadPlan(tx.db, id, true);
    if (locked.version !== input.version) throw staleVersion(locked, input.version);
    if (locked.status !== 'draft' && locked.status !== 'failed') throw ruleViolated(R.notSchedulable, { status: locked.status });
    const startAfter = new Date(`${locked.effectiveDate}T00:00:00+07:00`);
    const jobId = await queue.send(tx, EXECUTE_JOB, { planId: id, version: locked.version + 1 }, { startAfter, singletonKey: `reorganisation:${id}` });
    const [saved] = await tx.db.update(reorganisationPlans).set({ status: 'scheduled', preview, jobId, version: locked.version + 1, updatedAt: new Date() }).where(eq(reorganisationPlans.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.schedule', subjectType: 'reorganisation_plan', subjectId: id, after: { startAfter: startAfter.toISOString(), jobId } });
    return present(saved);
  });
}

/** Puts a scheduled plan back to draft (its job, when it runs, finds the plan no longer scheduled and stops). */
export async function unschedulePlan(database: Database, ctx: Context, id: string, version: number): Promise<Plan> {
  const current = await loadPlan(database.db, id);
  await requireRights(ctx, bodyOf(current));
  return database.transaction(async (tx) => {
    const locked = await loadPlan(tx.db, id, true);
    if (locked.version !== version) throw staleVersion(locked, version);
    if (locked.status !== 'scheduled') throw ruleViolated(R.notScheduled);
    const [saved] = await tx.db.update(reorganisationPlans).set({ status: 'draft', jobId: null, version: locked.version + 1, updatedAt: new Date() }).where(eq(reorganisationPlans.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.unschedule', subjectType: 'reorganisation_plan', subjectId: id, before: { jobId: locked.jobId } });
    return present(saved);
  });
}

/** The job at the effective date: runs the plan if still scheduled; a refusal marks it failed (audited). */
export async function runScheduledPlan(database: Database, planId: string): Promise<void> {
  const actor = systemActor('reorganisation.job');
  try {
    await database.transaction(async (tx) => {
      const row = await loadPlan(tx.db, planId, true);
      if (row.status !== 'scheduled') return;
      await runPlan(tx, planId, actor);
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await database.transaction(async (tx) => {
      await tx.db.update(reorganisationPlans).set({ status: 'failed', failure: e.message, updatedAt: new Date(), version: sql`${reorganisationPlans.version} + 1` }).where(eq(reorganisationPlans.id, planId));
      await recordAudit(tx, actor, { action: 'reorganisation.plan.fail', subjectType: 'reorganisation_plan', subjectId: planId, after: { failure: e.message } });
    });
  }
}

/** Units that continue the ended ones: those the plan created, and the existing units its routes point to. */
async function successorIds(db: Db, planId: string): Promise<string[]> {
  const created = await db.select({ id: reorganisationChanges.rowId }).from(reorganisationChanges).where(and(eq(reorganisationChanges.planId, planId), eq(reorganisationChanges.tableName, 'units'), eq(reorganisationChanges.action, 'insert')));
  const routed = await db.select({ id: reorganisationRoutes.toUnitId }).from(reorganisationRoutes).where(eq(reorganisationRoutes.planId, planId));
  return [...new Set([...created.map((r) => r.id), ...routed.map((r) => r.id)])];
}

/**
 * What forbids a rollback: anything new written on a successor since the execution — a dossier received there or a
 * moved dossier processed further, a role granted there or a re-issued grant used to sign in, a procedure changed in
 * its catalogue, feedback received, a unit created under it, a task or recommendation addressed to it.
 */
export async function rollbackBlockers(db: Db, row: PlanRow): Promise<L[]> {
  if (row.status !== 'executed' || !row.executedAt) return [];
  const succ = await successorIds(db, row.id);
  const out: L[] = [];
  for (const p of PARTICIPANTS) if (p.blockers) out.push(...(await p.blockers(db, row.id, row.executedAt, succ)));
  return out;
}

export async function rollbackPlan(database: Database, ctx: Context, id: string, input: z.infer<typeof RollbackBody>): Promise<Plan> {
  const current = await loadPlan(database.db, id);
  await requireRights(ctx, bodyOf(current));
  return database.transaction(async (tx) => {
    const row = await loadPlan(tx.db, id, true);
    if (row.version !== input.version) throw staleVersion(row, input.version);
    if (row.status !== 'executed') throw ruleViolated(R.notExecuted, { status: row.status });
    const blockers = await rollbackBlockers(tx.db, row);
    if (blockers.length) {
      throw conflict(withList(R.rollbackBlocked, 'blockers', blockers.slice(0, 10)), { count: blockers.length });
    }
    const undone = await undoChanges(tx, id);
    for (const p of [...PARTICIPANTS].reverse()) if (p.afterUndo) await p.afterUndo(tx, id, ctx.actor);
    await tx.db.delete(reorganisationChanges).where(eq(reorganisationChanges.planId, id));
    const [saved] = await tx.db.update(reorganisationPlans).set({ status: 'rolled_back', rolledBackAt: new Date(), rolledBackBy: ctx.actor.userId, version: row.version + 1, updatedAt: new Date() }).where(eq(reorganisationPlans.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'reorganisation.plan.rollback', subjectType: 'reorganisation_plan', subjectId: id, before: { result: row.result }, after: { reason: input.reason, rowsRestored: undone } });
    return present(saved);
  });
}
