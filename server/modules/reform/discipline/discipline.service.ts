/**
 * Discipline records (confidential). Only `discipline.read` lists or opens them, within its unit scope, and every
 * read — a list as well as a single record — writes an audit row naming the records seen (ids only). Audit rows
 * of this module never carry names or reasons: the audit log is readable by more people than the records.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateDisciplineBody, ListDisciplineQuery, UpdateDisciplineBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { andAll, inScope, inYear, requireUnitExists, staleVersion, subtreeOf, unitNames, type Page } from '../shared.ts';
import { disciplineRecords } from './discipline.schema.ts';

type Row = typeof disciplineRecords.$inferSelect;

/** What the audit log may say about a record. */
const redacted = (r: Row) => ({ id: r.id, unitId: r.unitId, level: r.level, sanction: r.sanction, decidedOn: r.decidedOn, version: r.version });

async function present(db: Db, rows: Row[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: names.get(r.unitId) ?? '',
    fullName: r.fullName,
    position: r.position,
    level: r.level as 'province' | 'district' | 'commune' | 'village' | 'mixed',
    sanction: r.sanction as 'reprimand' | 'warning' | 'salary_downgrade' | 'demotion' | 'removal' | 'dismissal',
    decidedOn: r.decidedOn,
    decisionRef: r.decisionRef,
    reason: r.reason,
    isDemo: r.isDemo,
    version: r.version,
  }));
}
export type DisciplineView = Awaited<ReturnType<typeof present>>[number];

/** Lists records in the caller's discipline scope; audited (`discipline.list`, with the ids returned). */
export async function listDiscipline(database: Database, ctx: Context, q: z.infer<typeof ListDisciplineQuery>): Promise<Page<DisciplineView>> {
  const scope = await ctx.scope('discipline.read');
  const where = andAll([
    inScope(scope, disciplineRecords.unitId),
    q.unitId ? sql`${disciplineRecords.unitId} IN ${subtreeOf(q.unitId)}` : undefined,
    q.level ? eq(disciplineRecords.level, q.level) : undefined,
    inYear(disciplineRecords.decidedOn, q.year),
  ]);
  return database.transaction(async (tx) => {
    const rows = await tx.db.select().from(disciplineRecords).where(where).orderBy(desc(disciplineRecords.decidedOn), disciplineRecords.fullName).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const [{ n }] = await tx.db.select({ n: count() }).from(disciplineRecords).where(where);
    await recordAudit(tx, ctx.actor, { action: 'discipline.list', subjectType: 'discipline_record', unitId: q.unitId ?? null, after: { filter: { unitId: q.unitId ?? null, year: q.year ?? null, level: q.level ?? null, page: q.page }, ids: rows.map((r) => r.id), total: n } });
    return { items: await present(tx.db, rows), total: n, page: q.page, pageSize: q.pageSize };
  });
}

/** One record; audited (`discipline.read`). 404 for an unknown id, 403 outside the caller's scope. */
export async function getDiscipline(database: Database, ctx: Context, id: string): Promise<DisciplineView> {
  const [r] = await database.db.select().from(disciplineRecords).where(eq(disciplineRecords.id, id));
  if (!r) throw notFound('discipline record');
  await ctx.requireUnit('discipline.read', r.unitId);
  return database.transaction(async (tx) => {
    await recordAudit(tx, ctx.actor, { action: 'discipline.read', subjectType: 'discipline_record', subjectId: r.id, unitId: r.unitId });
    return (await present(tx.db, [r]))[0];
  });
}

export async function createDiscipline(database: Database, ctx: Context, input: z.infer<typeof CreateDisciplineBody>): Promise<DisciplineView> {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('discipline.write', input.unitId);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db.insert(disciplineRecords).values({ ...input, position: input.position ?? null, reason: input.reason ?? null }).returning();
    await recordAudit(tx, ctx.actor, { action: 'discipline.create', subjectType: 'discipline_record', subjectId: r.id, unitId: r.unitId, after: redacted(r) });
    return r;
  });
  return (await present(database.db, [row]))[0];
}

export async function updateDiscipline(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateDisciplineBody>): Promise<DisciplineView> {
  const [r] = await database.db.select().from(disciplineRecords).where(eq(disciplineRecords.id, id));
  if (!r) throw notFound('discipline record');
  await ctx.requireUnit('discipline.write', r.unitId);
  const { version, ...changes } = input;
  if (version !== r.version) throw staleVersion('disciplineRecord', r.version, version);
  const row = await database.transaction(async (tx) => {
    const [n] = await tx.db.update(disciplineRecords).set({ ...changes, version: r.version + 1, updatedAt: new Date() }).where(and(eq(disciplineRecords.id, id), eq(disciplineRecords.version, version))).returning();
    if (!n) throw staleVersion('disciplineRecord', r.version, version);
    await recordAudit(tx, ctx.actor, { action: 'discipline.update', subjectType: 'discipline_record', subjectId: id, unitId: r.unitId, before: redacted(r), after: { ...redacted(n), changed: Object.keys(changes) } });
    return n;
  });
  return (await present(database.db, [row]))[0];
}

/** Aggregate counts (no names) for the summary: sanctions by level and by form. */
export async function disciplineCounts(db: Db, rootUnitId: string, from: string, to: string) {
  const rows = (await db.execute(sql`
    SELECT level, sanction, count(*)::int AS n FROM discipline_records
    WHERE unit_id IN ${subtreeOf(rootUnitId)} AND decided_on BETWEEN ${from} AND ${to}
    GROUP BY level, sanction`)) as unknown as { rows: Array<{ level: string; sanction: string; n: number }> };
  const byLevel: Record<string, number> = {};
  const bySanction: Record<string, number> = {};
  let total = 0;
  for (const r of rows.rows) {
    byLevel[r.level] = (byLevel[r.level] ?? 0) + Number(r.n);
    bySanction[r.sanction] = (bySanction[r.sanction] ?? 0) + Number(r.n);
    total += Number(r.n);
  }
  return { total, byLevel, bySanction };
}
