import { count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reformDocuments, reformTaskReports, reformTasks } from './steering.schema.ts';

export type DocumentRow = typeof reformDocuments.$inferSelect;
export type TaskRow = typeof reformTasks.$inferSelect;
export type TaskReportRow = typeof reformTaskReports.$inferSelect;

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(reformDocuments).where(eq(reformDocuments.id, id));
  return row;
}

export async function findDocuments(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: DocumentRow[]; total: number }> {
  const rows = await db.select().from(reformDocuments).where(where).orderBy(desc(reformDocuments.issuedOn), desc(reformDocuments.createdAt)).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(reformDocuments).where(where);
  return { rows, total: n };
}

export async function taskCounts(db: Db, documentIds: string[]): Promise<Map<string, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db.select({ id: reformTasks.documentId, n: count() }).from(reformTasks).where(inArray(reformTasks.documentId, documentIds)).groupBy(reformTasks.documentId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(reformTasks).where(eq(reformTasks.id, id));
  return row;
}

export async function findTasks(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: TaskRow[]; total: number }> {
  const rows = await db.select().from(reformTasks).where(where).orderBy(reformTasks.deadline, reformTasks.title).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(reformTasks).where(where);
  return { rows, total: n };
}

export async function findTaskReports(db: Db, taskId: string): Promise<TaskReportRow[]> {
  return db.select().from(reformTaskReports).where(eq(reformTaskReports.taskId, taskId)).orderBy(desc(reformTaskReports.reportedOn), desc(reformTaskReports.createdAt));
}

export async function documentNumbers(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: reformDocuments.id, number: reformDocuments.number }).from(reformDocuments).where(inArray(reformDocuments.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}
