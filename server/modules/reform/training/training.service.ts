/**
 * Officials' training: classes a unit organises (topic, dates, organiser, level of the trainees), their
 * attendance lists (imported from Excel, all or nothing), and officials sent to external courses.
 * Trainees of a class = those on its attendance list not marked absent, or the reported headcount when no list
 * was imported. Writes need `reform.write` on the organising (or sending) unit; reads `reform.read`.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateClassBody, CreateExternalBody, ImportAttendanceQuery, ListClassesQuery, ListExternalQuery, UpdateClassBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { REFORM_REFUSALS as R } from '../reform.messages.ts';
import { andAll, invalidField, invalidFields, inScope, inYear, MSG, requireUnitExists, staleVersion, subtreeOf, unitNames, type Page } from '../shared.ts';
import { cellErrorsToFields, parseAttendanceWorkbook, writeAttendanceWorkbook } from './training.excel.ts';
import { attendanceCounts, findAttendance, findClass, findClasses, findExternal, trainingTotals, type ClassRow, type ExternalRow } from './training.repository.ts';
import { trainingAttendance, trainingClasses, trainingExternal } from './training.schema.ts';

type Level = 'province' | 'district' | 'commune' | 'village' | 'mixed';

async function presentClasses(db: Db, rows: ClassRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  const counts = await attendanceCounts(db, rows.map((r) => r.id));
  return rows.map((c) => {
    const a = counts.get(c.id) ?? { rows: 0, attended: 0 };
    return {
      id: c.id,
      unitId: c.unitId,
      unitName: names.get(c.unitId) ?? '',
      title: c.title,
      organiser: c.organiser,
      level: c.level as Level,
      startOn: c.startOn,
      endOn: c.endOn,
      location: c.location,
      reportedParticipants: c.reportedParticipants,
      attendanceCount: a.rows,
      trainees: a.rows > 0 ? a.attended : (c.reportedParticipants ?? 0),
      isDemo: c.isDemo,
      version: c.version,
    };
  });
}
export type ClassView = Awaited<ReturnType<typeof presentClasses>>[number];

export async function listClasses(db: Db, ctx: Context, q: z.infer<typeof ListClassesQuery>): Promise<Page<ClassView>> {
  const scope = await ctx.scope('reform.read');
  const where = andAll([inScope(scope, trainingClasses.unitId), q.unitId ? sql`${trainingClasses.unitId} IN ${subtreeOf(q.unitId)}` : undefined, q.level ? eq(trainingClasses.level, q.level) : undefined, inYear(trainingClasses.startOn, q.year)]);
  const { rows, total } = await findClasses(db, where, q.page, q.pageSize);
  return { items: await presentClasses(db, rows), total, page: q.page, pageSize: q.pageSize };
}

async function readableClass(db: Db, ctx: Context, id: string): Promise<ClassRow> {
  const c = await findClass(db, id);
  if (!c) throw notFound('training class');
  await ctx.requireUnit('reform.read', c.unitId);
  return c;
}

export async function getClass(db: Db, ctx: Context, id: string) {
  const c = await readableClass(db, ctx, id);
  const [view] = await presentClasses(db, [c]);
  const attendance = await findAttendance(db, id);
  return { ...view, attendance: attendance.map((a) => ({ id: a.id, rowNo: a.rowNo, fullName: a.fullName, position: a.position, workUnit: a.workUnit, birthYear: a.birthYear, result: a.result as 'passed' | 'failed' | 'absent' | null })) };
}

export async function createClass(database: Database, ctx: Context, input: z.infer<typeof CreateClassBody>): Promise<ClassView> {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('reform.write', input.unitId);
  if (input.endOn < input.startOn) throw invalidField('endOn', 'before_start', MSG.endBeforeStart);
  const row = await database.transaction(async (tx) => {
    const [c] = await tx.db.insert(trainingClasses).values({ ...input, location: input.location ?? null, reportedParticipants: input.reportedParticipants ?? null }).returning();
    await recordAudit(tx, ctx.actor, { action: 'training.class.create', subjectType: 'training_class', subjectId: c.id, unitId: c.unitId, after: c });
    return c;
  });
  return (await presentClasses(database.db, [row]))[0];
}

export async function updateClass(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateClassBody>): Promise<ClassView> {
  const c = await findClass(database.db, id);
  if (!c) throw notFound('training class');
  await ctx.requireUnit('reform.write', c.unitId);
  const { version, ...changes } = input;
  if (version !== c.version) throw staleVersion('class', c.version, version);
  if ((changes.endOn ?? c.endOn) < (changes.startOn ?? c.startOn)) throw invalidField('endOn', 'before_start', MSG.endBeforeStart);
  const row = await database.transaction(async (tx) => {
    const [n] = await tx.db.update(trainingClasses).set({ ...changes, version: c.version + 1, updatedAt: new Date() }).where(and(eq(trainingClasses.id, id), eq(trainingClasses.version, version))).returning();
    if (!n) throw staleVersion('class', c.version, version);
    await recordAudit(tx, ctx.actor, { action: 'training.class.update', subjectType: 'training_class', subjectId: id, unitId: c.unitId, before: c, after: n });
    return n;
  });
  return (await presentClasses(database.db, [row]))[0];
}

/**
 * Imports a class's attendance list from Excel. All or nothing: any bad row refuses the file (400, one field per
 * bad cell `DiemDanh!B7`). A class that already has a list keeps it unless `replace=true` (409 otherwise). The
 * class's `version` must be the one read (409 otherwise); the import bumps it.
 */
export async function importAttendance(database: Database, ctx: Context, classId: string, q: z.infer<typeof ImportAttendanceQuery>, buffer: Buffer) {
  const db = database.db;
  const c = await findClass(db, classId);
  if (!c) throw notFound('training class');
  await ctx.requireUnit('reform.write', c.unitId);
  if (q.version !== c.version) throw staleVersion('class', c.version, q.version);
  const existing = (await attendanceCounts(db, [classId])).get(classId)?.rows ?? 0;
  if (existing > 0 && q.replace !== 'true') throw conflict(R.attendanceExists, { count: existing });
  const parsed = await parseAttendanceWorkbook(buffer, Number(todayVn().slice(0, 4)));
  if (parsed.errors.length) throw invalidFields(cellErrorsToFields(parsed.errors), `${parsed.errors.length} error(s) in the attendance list; nothing was imported`);
  if (q.dryRun === 'true') return { dryRun: true, imported: parsed.rows.length, replaced: existing, class: null };
  await database.transaction(async (tx) => {
    const [bumped] = await tx.db.update(trainingClasses).set({ version: c.version + 1, updatedAt: new Date() }).where(and(eq(trainingClasses.id, classId), eq(trainingClasses.version, q.version))).returning();
    if (!bumped) throw staleVersion('class', c.version, q.version);
    if (existing > 0) await tx.db.delete(trainingAttendance).where(eq(trainingAttendance.classId, classId));
    for (let i = 0; i < parsed.rows.length; i += 500) {
      await tx.db.insert(trainingAttendance).values(parsed.rows.slice(i, i + 500).map((r) => ({ ...r, classId, unitId: c.unitId })));
    }
    await recordAudit(tx, ctx.actor, { action: 'training.attendance.import', subjectType: 'training_class', subjectId: classId, unitId: c.unitId, before: { rows: existing }, after: { rows: parsed.rows.length } });
  });
  return { dryRun: false, imported: parsed.rows.length, replaced: existing, class: (await presentClasses(db, [(await findClass(db, classId))!]))[0] };
}

/** The attendance template, or a class's list in the same layout. */
export async function attendanceWorkbook(db: Db, ctx: Context, classId: string | null): Promise<Buffer> {
  if (!classId) return writeAttendanceWorkbook([]);
  await readableClass(db, ctx, classId);
  return writeAttendanceWorkbook(await findAttendance(db, classId) as never);
}

// ---- External courses ------------------------------------------------------------------------------------------

async function presentExternal(db: Db, rows: ExternalRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((e) => ({ id: e.id, unitId: e.unitId, unitName: names.get(e.unitId) ?? '', fullName: e.fullName, position: e.position, course: e.course, organiser: e.organiser, location: e.location as 'in_province' | 'out_of_province', startOn: e.startOn, endOn: e.endOn, decisionRef: e.decisionRef, isDemo: e.isDemo, version: e.version }));
}

export async function listExternal(db: Db, ctx: Context, q: z.infer<typeof ListExternalQuery>) {
  const scope = await ctx.scope('reform.read');
  const where = andAll([inScope(scope, trainingExternal.unitId), q.unitId ? sql`${trainingExternal.unitId} IN ${subtreeOf(q.unitId)}` : undefined, inYear(trainingExternal.startOn, q.year)]);
  const { rows, total } = await findExternal(db, where, q.page, q.pageSize);
  return { items: await presentExternal(db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function createExternal(database: Database, ctx: Context, input: z.infer<typeof CreateExternalBody>) {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('reform.write', input.unitId);
  if (input.endOn && input.endOn < input.startOn) throw invalidField('endOn', 'before_start', MSG.endBeforeStart);
  const row = await database.transaction(async (tx) => {
    const [e] = await tx.db.insert(trainingExternal).values({ ...input, position: input.position ?? null, endOn: input.endOn ?? null, decisionRef: input.decisionRef ?? null }).returning();
    await recordAudit(tx, ctx.actor, { action: 'training.external.create', subjectType: 'training_external', subjectId: e.id, unitId: e.unitId, after: e });
    return e;
  });
  return (await presentExternal(database.db, [row]))[0];
}

/** Classes, trainees and officials sent, for a unit's subtree and period. */
export async function trainingStats(db: Db, ctx: Context, q: { unitId: string; from?: string; to?: string }) {
  await requireUnitExists(db, q.unitId, 'unitId');
  await ctx.requireUnit('reform.read', q.unitId);
  return { unitId: q.unitId, ...(await trainingTotals(db, q.unitId, q.from ?? '1900-01-01', q.to ?? '2999-12-31')) };
}
