/**
 * Steering documents (văn bản chỉ đạo) and the reform plan tasks they assign. A document belongs to its issuing
 * unit; a task to its assigning unit and is carried out by an assignee unit in that unit's subtree, which
 * reports progress until done. Overdue = neither done nor cancelled and the deadline (Vietnam date) has passed.
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateDocumentBody, CreateTaskBody, ListDocumentsQuery, ListTasksQuery, TaskReportBody, UpdateDocumentBody, UpdateTaskBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { displayDate, todayVn } from '../../../platform/clock.ts';
import { forbidden, notFound, ruleViolated } from '../../../platform/errors.ts';
import { searchNorm } from '../../../platform/text.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { REFORM_REFUSALS as R } from '../reform.messages.ts';
import { andAll, conflictOnDuplicate, daysBetween, invalidField, inScope, inYear, isInSubtree, MSG, requireAnyUnit, requireUnitExists, staleVersion, subtreeOf, unitNames, userNames, type Page } from '../shared.ts';
import { documentNumbers, findDocument, findDocuments, findTask, findTaskReports, findTasks, taskCounts, type DocumentRow, type TaskRow } from './steering.repository.ts';
import { reformDocuments, reformTaskReports, reformTasks } from './steering.schema.ts';

const M = {
  unitNeeded: { vi: 'Cần chọn đơn vị giao nhiệm vụ (hoặc văn bản giao)', en: 'Give the assigning unit (or the assigning document)', fr: "Indiquez l'unité (ou le document) qui attribue la tâche" },
  unitMismatch: { vi: 'Nhiệm vụ thuộc đơn vị ban hành văn bản', en: 'A task belongs to the unit that issued its document', fr: "Une tâche relève de l'unité émettrice du document" },
  docMissing: { vi: 'Văn bản không tồn tại', en: 'This document does not exist', fr: "Ce document n'existe pas" },
} as const;

// ---- Documents -------------------------------------------------------------------------------------------------

async function presentDocuments(db: Db, rows: DocumentRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unitId));
  const counts = await taskCounts(db, rows.map((r) => r.id));
  return rows.map((d) => ({
    id: d.id,
    unitId: d.unitId,
    unitName: names.get(d.unitId) ?? '',
    kind: d.kind as z.infer<typeof CreateDocumentBody>['kind'],
    number: d.number,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    signer: d.signer,
    summary: d.summary,
    fileUrl: d.fileUrl,
    taskCount: counts.get(d.id) ?? 0,
    isDemo: d.isDemo,
    version: d.version,
  }));
}
export type DocumentView = Awaited<ReturnType<typeof presentDocuments>>[number];

/** Readable documents: issued by a unit in the caller's scope, or assigning a task to one. */
async function documentVisibility(ctx: Context): Promise<SQL | undefined> {
  const scope = await ctx.scope('reform.read');
  if (scope.all) return undefined;
  const mine = inScope(scope, reformDocuments.unitId);
  const assigned = inScope(scope, reformTasks.assigneeUnitId);
  return or(mine, sql`EXISTS (SELECT 1 FROM ${reformTasks} WHERE ${reformTasks.documentId} = ${reformDocuments.id} AND ${assigned!})`);
}

export async function listDocuments(db: Db, ctx: Context, q: z.infer<typeof ListDocumentsQuery>): Promise<Page<DocumentView>> {
  const like = q.q ? `%${searchNorm(q.q).replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = andAll([
    await documentVisibility(ctx),
    q.unitId ? sql`${reformDocuments.unitId} IN ${subtreeOf(q.unitId)}` : undefined,
    q.kind ? eq(reformDocuments.kind, q.kind) : undefined,
    inYear(reformDocuments.issuedOn, q.year),
    like ? or(sql`search_norm(${reformDocuments.number}) LIKE ${like}`, sql`search_norm(${reformDocuments.summary}) LIKE ${like}`) : undefined,
  ]);
  const { rows, total } = await findDocuments(db, where, q.page, q.pageSize);
  return { items: await presentDocuments(db, rows), total, page: q.page, pageSize: q.pageSize };
}

async function readableDocument(db: Db, ctx: Context, id: string): Promise<DocumentRow> {
  const d = await findDocument(db, id);
  if (!d) throw notFound('document');
  const where = await documentVisibility(ctx);
  if (where) {
    const { total } = await findDocuments(db, and(eq(reformDocuments.id, id), where), 1, 1);
    if (total === 0) throw forbidden(R.cannotReadDocument);
  }
  return d;
}

/** Whether the caller may read a document (the issuing unit's readers, or readers of a unit it assigns a task to). */
export async function canReadDocument(db: Db, ctx: Context, id: string): Promise<DocumentRow | undefined> {
  return readableDocument(db, ctx, id).catch(() => undefined);
}

export async function getDocument(db: Db, ctx: Context, id: string) {
  const d = await readableDocument(db, ctx, id);
  const [view] = await presentDocuments(db, [d]);
  const { rows } = await findTasks(db, eq(reformTasks.documentId, id), 1, 500);
  return { ...view, tasks: await presentTasks(db, rows) };
}

export async function createDocument(database: Database, ctx: Context, input: z.infer<typeof CreateDocumentBody>): Promise<DocumentView> {
  await requireUnitExists(database.db, input.unitId, 'unitId');
  await ctx.requireUnit('reform.write', input.unitId);
  const row = await database
    .transaction(async (tx) => {
      const [d] = await tx.db.insert(reformDocuments).values({ ...input, signer: input.signer ?? null, fileUrl: input.fileUrl ?? null }).returning();
      await recordAudit(tx, ctx.actor, { action: 'reform.document.create', subjectType: 'reform_document', subjectId: d.id, unitId: d.unitId, after: d });
      return d;
    })
    .catch((e) => conflictOnDuplicate(e, R.documentRegistered, { number: input.number, date: displayDate(input.issuedOn) }));
  return (await presentDocuments(database.db, [row]))[0];
}

export async function updateDocument(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateDocumentBody>): Promise<DocumentView> {
  const d = await findDocument(database.db, id);
  if (!d) throw notFound('document');
  await ctx.requireUnit('reform.write', d.unitId);
  const { version, ...changes } = input;
  if (version !== d.version) throw staleVersion('document', d.version, version);
  const row = await database
    .transaction(async (tx) => {
      const [r] = await tx.db.update(reformDocuments).set({ ...changes, version: d.version + 1, updatedAt: new Date() }).where(and(eq(reformDocuments.id, id), eq(reformDocuments.version, version))).returning();
      if (!r) throw staleVersion('document', d.version, version);
      await recordAudit(tx, ctx.actor, { action: 'reform.document.update', subjectType: 'reform_document', subjectId: id, unitId: d.unitId, before: d, after: r });
      return r;
    })
    .catch((e) => conflictOnDuplicate(e, R.documentDuplicate));
  return (await presentDocuments(database.db, [row]))[0];
}

// ---- Tasks -----------------------------------------------------------------------------------------------------

const OPEN = ['not_started', 'in_progress'];

export function taskTimeliness(t: Pick<TaskRow, 'status' | 'deadline' | 'completedOn'>, today = todayVn()) {
  const overdue = OPEN.includes(t.status) && t.deadline < today;
  return { overdue, daysOverdue: overdue ? daysBetween(t.deadline, today) : 0, completedLate: t.status === 'done' && !!t.completedOn && t.completedOn > t.deadline };
}

async function presentTasks(db: Db, rows: TaskRow[]) {
  const names = await unitNames(db, rows.flatMap((r) => [r.unitId, r.assigneeUnitId]));
  const numbers = await documentNumbers(db, rows.map((r) => r.documentId).filter((x): x is string => !!x));
  const today = todayVn();
  return rows.map((t) => ({
    id: t.id,
    unitId: t.unitId,
    unitName: names.get(t.unitId) ?? '',
    documentId: t.documentId,
    documentNumber: t.documentId ? (numbers.get(t.documentId) ?? null) : null,
    assigneeUnitId: t.assigneeUnitId,
    assigneeUnitName: names.get(t.assigneeUnitId) ?? '',
    title: t.title,
    description: t.description,
    deadline: t.deadline,
    status: t.status as 'not_started' | 'in_progress' | 'done' | 'cancelled',
    progress: t.progress,
    completedOn: t.completedOn,
    ...taskTimeliness(t, today),
    isDemo: t.isDemo,
    version: t.version,
  }));
}
export type TaskView = Awaited<ReturnType<typeof presentTasks>>[number];

/** Tasks the caller assigns or carries out (reform.read on either unit). */
export async function listTasks(db: Db, ctx: Context, q: z.infer<typeof ListTasksQuery>): Promise<Page<TaskView>> {
  const scope = await ctx.scope('reform.read');
  const today = todayVn();
  const where = andAll([
    scope.all ? undefined : or(inScope(scope, reformTasks.unitId), inScope(scope, reformTasks.assigneeUnitId)),
    q.unitId ? eq(reformTasks.unitId, q.unitId) : undefined,
    q.assigneeUnitId ? eq(reformTasks.assigneeUnitId, q.assigneeUnitId) : undefined,
    q.documentId ? eq(reformTasks.documentId, q.documentId) : undefined,
    q.status ? eq(reformTasks.status, q.status) : undefined,
    q.overdue === 'true' ? sql`${reformTasks.status} IN ('not_started', 'in_progress') AND ${reformTasks.deadline} < ${today}` : undefined,
  ]);
  const { rows, total } = await findTasks(db, where, q.page, q.pageSize);
  return { items: await presentTasks(db, rows), total, page: q.page, pageSize: q.pageSize };
}

async function readableTask(db: Db, ctx: Context, id: string): Promise<TaskRow> {
  const t = await findTask(db, id);
  if (!t) throw notFound('task');
  await requireAnyUnit(ctx, [['reform.read', t.unitId], ['reform.read', t.assigneeUnitId]]);
  return t;
}

export async function getTask(db: Db, ctx: Context, id: string) {
  const t = await readableTask(db, ctx, id);
  const [view] = await presentTasks(db, [t]);
  const reports = await findTaskReports(db, id);
  const names = await userNames(db, reports.map((r) => r.reportedBy));
  return {
    ...view,
    reports: reports.map((r) => ({ id: r.id, reportedOn: r.reportedOn, progress: r.progress, status: r.status as TaskView['status'], note: r.note, evidenceUrl: r.evidenceUrl, reportedBy: r.reportedBy ? (names.get(r.reportedBy) ?? null) : null, createdAt: r.createdAt.toISOString() })),
  };
}

async function checkAssignee(db: Db, ownerUnitId: string, assigneeUnitId: string) {
  await requireUnitExists(db, assigneeUnitId, 'assigneeUnitId');
  if (!(await isInSubtree(db, ownerUnitId, assigneeUnitId))) throw invalidField('assigneeUnitId', 'not_in_subtree', MSG.notInSubtree);
}

/** Assigns a task (to a unit in the assigning unit's subtree), optionally under a steering document. */
export async function createTask(database: Database, ctx: Context, input: z.infer<typeof CreateTaskBody>): Promise<TaskView> {
  const db = database.db;
  let unitId = input.unitId;
  if (input.documentId) {
    const d = await findDocument(db, input.documentId);
    if (!d) throw invalidField('documentId', 'not_found', M.docMissing);
    if (unitId && unitId !== d.unitId) throw invalidField('unitId', 'mismatch', M.unitMismatch);
    unitId = d.unitId;
  }
  if (!unitId) throw invalidField('unitId', 'required', M.unitNeeded);
  await requireUnitExists(db, unitId, 'unitId');
  await ctx.requireUnit('reform.write', unitId);
  await checkAssignee(db, unitId, input.assigneeUnitId);
  const ownerUnitId = unitId;
  const row = await database.transaction(async (tx) => {
    const [t] = await tx.db.insert(reformTasks).values({ unitId: ownerUnitId, documentId: input.documentId ?? null, assigneeUnitId: input.assigneeUnitId, title: input.title, description: input.description ?? null, deadline: input.deadline }).returning();
    await recordAudit(tx, ctx.actor, { action: 'reform.task.create', subjectType: 'reform_task', subjectId: t.id, unitId: t.unitId, after: t });
    return t;
  });
  return (await presentTasks(db, [row]))[0];
}

/** The assigning unit corrects, re-assigns, reschedules or cancels a task. */
export async function updateTask(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateTaskBody>): Promise<TaskView> {
  const db = database.db;
  const t = await findTask(db, id);
  if (!t) throw notFound('task');
  await ctx.requireUnit('reform.write', t.unitId);
  const { version, ...changes } = input;
  if (version !== t.version) throw staleVersion('task', t.version, version);
  if (t.status === 'done') throw ruleViolated(R.taskDone);
  if (changes.assigneeUnitId) await checkAssignee(db, t.unitId, changes.assigneeUnitId);
  const row = await database.transaction(async (tx) => {
    const [r] = await tx.db.update(reformTasks).set({ ...changes, version: t.version + 1, updatedAt: new Date() }).where(and(eq(reformTasks.id, id), eq(reformTasks.version, version))).returning();
    if (!r) throw staleVersion('task', t.version, version);
    await recordAudit(tx, ctx.actor, { action: changes.status === 'cancelled' ? 'reform.task.cancel' : 'reform.task.update', subjectType: 'reform_task', subjectId: id, unitId: t.unitId, before: t, after: r });
    return r;
  });
  return (await presentTasks(db, [row]))[0];
}

/** The assignee (or the assigning unit) reports progress; `done` completes the task on the report's date. */
export async function reportTask(database: Database, ctx: Context, id: string, input: z.infer<typeof TaskReportBody>) {
  const db = database.db;
  const t = await findTask(db, id);
  if (!t) throw notFound('task');
  await requireAnyUnit(ctx, [['reform.write', t.assigneeUnitId], ['reform.write', t.unitId]]);
  if (input.version !== t.version) throw staleVersion('task', t.version, input.version);
  if (!OPEN.includes(t.status)) throw ruleViolated(R.taskClosed);
  const reportedOn = input.reportedOn ?? todayVn();
  const status = input.done ? 'done' : 'in_progress';
  const progress = input.done ? 100 : input.progress;
  await database.transaction(async (tx) => {
    const [r] = await tx.db
      .update(reformTasks)
      .set({ status, progress, completedOn: input.done ? reportedOn : null, version: t.version + 1, updatedAt: new Date() })
      .where(and(eq(reformTasks.id, id), eq(reformTasks.version, input.version)))
      .returning();
    if (!r) throw staleVersion('task', t.version, input.version);
    const [rep] = await tx.db.insert(reformTaskReports).values({ taskId: id, unitId: t.assigneeUnitId, reportedOn, progress, status, note: input.note, evidenceUrl: input.evidenceUrl ?? null, reportedBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx.actor, { action: 'reform.task.report', subjectType: 'reform_task', subjectId: id, unitId: t.assigneeUnitId, before: t, after: { task: r, report: rep } });
  });
  return getTask(db, ctx, id);
}

