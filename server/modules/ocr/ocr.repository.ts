/** Reads of the OCR assist module. No decisions here; the service passes the caller's scope. */
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dossiers } from '../dossiers/dossiers.schema.ts';

/**
 * Dossiers of one applicant ID number under one procedure, in the given statuses, newest first. `unitIds` null =
 * every unit; otherwise a dossier counts when its reception point, competent authority or returning point is one
 * of them (as the dossier list does).
 */
export async function findDossiersOfApplicant(db: Db, q: { procedureId: string; idNumber: string; statuses: readonly string[]; unitIds: string[] | null; limit: number }) {
  const conds: SQL[] = [eq(dossiers.procedureId, q.procedureId), eq(dossiers.applicantIdNumber, q.idNumber), inArray(dossiers.status, [...q.statuses])];
  if (q.unitIds) {
    if (q.unitIds.length === 0) return [];
    conds.push(or(inArray(dossiers.receptionUnitId, q.unitIds), inArray(dossiers.competentUnitId, q.unitIds), inArray(dossiers.returningUnitId, q.unitIds))!);
  }
  return db
    .select({ id: dossiers.id, code: dossiers.code, receivedAt: dossiers.receivedAt, status: dossiers.status, applicantName: dossiers.applicantName })
    .from(dossiers)
    .where(and(...conds))
    .orderBy(desc(dossiers.receivedAt), sql`${dossiers.code}`)
    .limit(q.limit);
}
