import { count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { andAll, subtreeOf } from '../shared.ts';
import { trainingAttendance, trainingClasses, trainingExternal } from './training.schema.ts';

export type ClassRow = typeof trainingClasses.$inferSelect;
export type AttendanceRow = typeof trainingAttendance.$inferSelect;
export type ExternalRow = typeof trainingExternal.$inferSelect;

export async function findClass(db: Db, id: string): Promise<ClassRow | undefined> {
  const [row] = await db.select().from(trainingClasses).where(eq(trainingClasses.id, id));
  return row;
}

export async function findClasses(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: ClassRow[]; total: number }> {
  const rows = await db.select().from(trainingClasses).where(where).orderBy(desc(trainingClasses.startOn), trainingClasses.title).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(trainingClasses).where(where);
  return { rows, total: n };
}

/** Per class: lines of its attendance list, and those who attended (every line not marked absent). */
export async function attendanceCounts(db: Db, classIds: string[]): Promise<Map<string, { rows: number; attended: number }>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .select({ classId: trainingAttendance.classId, rows: count(), attended: sql<number>`count(*) FILTER (WHERE ${trainingAttendance.result} IS DISTINCT FROM 'absent')`.mapWith(Number) })
    .from(trainingAttendance)
    .where(inArray(trainingAttendance.classId, classIds))
    .groupBy(trainingAttendance.classId);
  return new Map(rows.map((r) => [r.classId, { rows: r.rows, attended: r.attended }]));
}

export async function findAttendance(db: Db, classId: string): Promise<AttendanceRow[]> {
  return db.select().from(trainingAttendance).where(eq(trainingAttendance.classId, classId)).orderBy(trainingAttendance.rowNo);
}

export async function findExternal(db: Db, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: ExternalRow[]; total: number }> {
  const rows = await db.select().from(trainingExternal).where(where).orderBy(desc(trainingExternal.startOn), trainingExternal.fullName).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(trainingExternal).where(where);
  return { rows, total: n };
}

export interface TrainingTotals {
  classes: number;
  /** Σ per class: those who attended when an attendance list exists, else the reported headcount. */
  trainees: number;
  /** Officials sent to external courses. */
  sentToCourses: number;
}

/** Training figures of a unit's subtree for classes starting (and courses starting) between two dates. */
export async function trainingTotals(db: Db, rootUnitId: string, from: string, to: string): Promise<TrainingTotals> {
  const res = (await db.execute(sql`
    SELECT count(*)::int AS classes,
           coalesce(sum(CASE WHEN coalesce(a.rows, 0) > 0 THEN a.attended ELSE coalesce(c.reported_participants, 0) END), 0)::int AS trainees
    FROM training_classes c
    LEFT JOIN (SELECT class_id, count(*) AS rows, count(*) FILTER (WHERE result IS DISTINCT FROM 'absent') AS attended
               FROM training_attendance GROUP BY class_id) a ON a.class_id = c.id
    WHERE c.unit_id IN ${subtreeOf(rootUnitId)} AND c.start_on BETWEEN ${from} AND ${to}`)) as unknown as { rows: Array<{ classes: number; trainees: number }> };
  const [{ n }] = await db
    .select({ n: count() })
    .from(trainingExternal)
    .where(andAll([sql`${trainingExternal.unitId} IN ${subtreeOf(rootUnitId)}`, sql`${trainingExternal.startOn} BETWEEN ${from} AND ${to}`]));
  return { classes: Number(res.rows[0]?.classes ?? 0), trainees: Number(res.rows[0]?.trainees ?? 0), sentToCourses: n };
}

