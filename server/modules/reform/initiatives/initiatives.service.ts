/**
 * Emulation: models, initiatives and working solutions a unit registers; the unit's emulation council evaluates
 * and recognises them (or not); and whether they are applied in practice. Writes need `reform.write` on the unit.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateInitiativeBody, EvaluateInitiativeBody, ListInitiativesQuery, UpdateInitiativeBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { notFound, ruleViolated } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { REFORM_REFUSALS as R } from '../reform.messages.ts';
import { andAll, invalidField, inScope, inYear, requireUnitExists, staleVersion, subtreeOf, unitNames, type Page } from '../shared.ts';
import { reformInitiatives } from './initiatives.schema.ts';

type Row = typeof reformInitiatives.$inferSelect;

const M = {
  decisionNeeded: { vi: 'Cần số quyết định công nhận', en: 'The recognition decision is required', fr: 'La décision de reconnaissance est requise' },
  appliedFrom: { vi: 'Cần ngày bắt đầu áp dụng', en: 'Give the date it was first applied', fr: "Indiquez la date de mise en application" },
} as const;

async function present(db: Db, rows: Row[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: names.get(r.unitId) ?? '',
    kind: r.kind as 'model' | 'initiative' | 'solution',
    title: r.title,
    authors: r.authors,
    field: r.field,
    description: r.description,
    registeredOn: r.registeredOn,
    status: r.status as 'registered' | 'recognised' | 'not_recognised',
    evaluatedOn: r.evaluatedOn,
    evaluationScore: r.evaluationScore,
    evaluationNote: r.evaluationNote,
    recognitionRef: r.recognitionRef,
    recognitionLevel: r.recognitionLevel,
    applied: r.applied,
    appliedFrom: r.appliedFrom,
    applicationNote: r.applicationNote,
    isDemo: r.isDemo,
    version: r.version,
  }));
}
export type InitiativeView = Awaited<ReturnType<typeof present>>[number];

export async function listInitiatives(db: Db, ctx: Context, q: z.infer<typeof ListInitiativesQuery>): Promise<Page<InitiativeView>> {
  const scope = await ctx.scope('reform.read');
  const where = andAll([
    inScope(scope, reformInitiatives.unitId),
    q.unitId ? sql`${reformInitiatives.unitId} IN ${subtreeOf(q.unitId)}` : undefined,
    q.kind ? eq(reformInitiatives.kind, q.kind) : undefined,
    q.status ? eq(reformInitiatives.status, q.status) : undefined,
    q.applied ? eq(reformInitiatives.applied, q.applied === 'true') : undefined,
    inYear(reformInitiatives.registeredOn, q.year),
  ]);
  const rows = await db.select().from(reformInitiatives).where(where).orderBy(desc(reformInitiatives.registeredOn), reformInitiatives.title).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(reformInitiatives).where(where);
  return { items: await present(db, rows), total: n, page: q.page, pageSize: q.pageSize };
}

async function getRow(db: Db, id: string): Promise<Row> {
  const [r] = await db.select().from(reformInitiatives).where(eq(reformInitiatives.id, id));
  if (!r) throw notFound('initiative');
  return r;
}

export async function getInitiative(db: Db, ctx: Context, id: string): Promise<InitiativeView> {
  const r = await getRow(db, id);
  await ctx.requireUnit('reform.read', r.unitId);
  return (await present(db, [r]))[0];
}

export async function createInitiative(database: Database, ctx: Context, input: z.infer<typeof CreateInitiativeBody>): Promise<InitiativeView> {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('reform.write', input.unitId);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db.insert(reformInitiatives).values({ ...input, field: input.field ?? null }).returning();
    await recordAudit(tx, ctx.actor, { action: 'reform.initiative.register', subjectType: 'reform_initiative', subjectId: r.id, unitId: r.unitId, after: r });
    return r;
  });
  return (await present(database.db, [row]))[0];
}

async function change(database: Database, ctx: Context, r: Row, version: number, set: Partial<typeof reformInitiatives.$inferInsert>, action: string): Promise<InitiativeView> {
  if (version !== r.version) throw staleVersion('initiative', r.version, version);
  const row = await database.transaction(async (tx) => {
    const [n] = await tx.db.update(reformInitiatives).set({ ...set, version: r.version + 1, updatedAt: new Date() }).where(and(eq(reformInitiatives.id, r.id), eq(reformInitiatives.version, version))).returning();
    if (!n) throw staleVersion('initiative', r.version, version);
    await recordAudit(tx, ctx.actor, { action, subjectType: 'reform_initiative', subjectId: r.id, unitId: r.unitId, before: r, after: n });
    return n;
  });
  return (await present(database.db, [row]))[0];
}

/** Corrects an initiative, or records that it is applied in practice (from a date). */
export async function updateInitiative(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateInitiativeBody>): Promise<InitiativeView> {
  const r = await getRow(database.db, id);
  await ctx.requireUnit('reform.write', r.unitId);
  const { version, ...changes } = input;
  if (changes.applied === true && !(changes.appliedFrom ?? r.appliedFrom)) throw invalidField('appliedFrom', 'required', M.appliedFrom);
  if (changes.applied === false) changes.appliedFrom = null;
  return change(database, ctx, r, version, changes, changes.applied !== undefined && changes.applied !== r.applied ? 'reform.initiative.apply' : 'reform.initiative.update');
}

/** The emulation council's evaluation: recognised (with the decision) or not. Done once. */
export async function evaluateInitiative(database: Database, ctx: Context, id: string, input: z.infer<typeof EvaluateInitiativeBody>): Promise<InitiativeView> {
  const r = await getRow(database.db, id);
  await ctx.requireUnit('reform.write', r.unitId);
  if (r.status !== 'registered') throw ruleViolated(R.initiativeEvaluated);
  if (input.evaluatedOn < r.registeredOn) throw ruleViolated(R.evaluationBeforeRegistration);
  if (input.result === 'recognised' && !input.decisionRef) throw invalidField('decisionRef', 'required', M.decisionNeeded);
  return change(
    database,
    ctx,
    r,
    input.version,
    { status: input.result, evaluatedOn: input.evaluatedOn, evaluationScore: input.score ?? null, evaluationNote: input.note ?? null, recognitionRef: input.decisionRef ?? null, recognitionLevel: input.level ?? null },
    'reform.initiative.evaluate',
  );
}
