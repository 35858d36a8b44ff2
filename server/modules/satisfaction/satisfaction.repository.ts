/**
 * Reads of the satisfaction module. The dossier read is a narrow, read-only projection of the dossier table
 * (code, status, units, applicant's digits): the dossier module's public service needs an official's context
 * and logs the opening, which a public kiosk has neither of.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface RatableDossier {
  id: string;
  code: string;
  status: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  receptionUnitId: string;
  competentUnitId: string;
  returningUnitId: string;
  receivedBy: string | null;
  applicantName: string;
  applicantPhone: string | null;
  applicantIdNumber: string | null;
  applicantEmail: string | null;
  returnedAt: Date | null;
  unitName: string;
}

const SELECT = sql`SELECT d.id, d.code, d.status, d.procedure_id AS "procedureId", d.procedure_code AS "procedureCode",
    d.procedure_name AS "procedureName", d.reception_unit_id AS "receptionUnitId", d.competent_unit_id AS "competentUnitId",
    d.returning_unit_id AS "returningUnitId", d.received_by AS "receivedBy", d.applicant_name AS "applicantName",
    d.applicant_phone AS "applicantPhone", d.applicant_id_number AS "applicantIdNumber", d.applicant_email AS "applicantEmail",
    d.returned_at AS "returnedAt", u.name AS "unitName"
  FROM dossiers d JOIN units u ON u.id = d.reception_unit_id`;

const toRow = (r: RatableDossier | undefined) => (r ? { ...r, returnedAt: r.returnedAt ? new Date(r.returnedAt) : null } : undefined);

export async function findDossierByCode(db: Db, code: string): Promise<RatableDossier | undefined> {
  const res = (await db.execute(sql`${SELECT} WHERE d.code = ${code}`)) as unknown as { rows: RatableDossier[] };
  return toRow(res.rows[0]);
}

export async function findDossierById(db: Db, id: string): Promise<RatableDossier | undefined> {
  const res = (await db.execute(sql`${SELECT} WHERE d.id = ${id}::uuid`)) as unknown as { rows: RatableDossier[] };
  return toRow(res.rows[0]);
}

/**
 * Whether the signed-in citizen `userId` is the applicant of the dossier: they submitted it through the portal,
 * or their electronic identity's ID number is the applicant's. (Portal tables, read-only.)
 */
export async function isCitizensDossier(db: Db, userId: string, d: RatableDossier): Promise<boolean> {
  const res = (await db.execute(sql`SELECT
      EXISTS (SELECT 1 FROM portal_submissions s WHERE s.user_id = ${userId}::uuid AND s.dossier_id = ${d.id}::uuid)
      OR EXISTS (SELECT 1 FROM portal_identities i WHERE i.user_id = ${userId}::uuid AND i.id_number IS NOT NULL AND i.id_number = ${d.applicantIdNumber ?? ''}) AS own`)) as unknown as { rows: Array<{ own: boolean }> };
  return res.rows[0]?.own === true;
}

/**
 * Returned dossiers with a contact, not invited by SMS/e-mail yet (no invitation, or one only printed or shown at the
 * counter) and not rated (for the invitation job).
 */
export async function findDossiersToInvite(db: Db, since: Date, limit = 100): Promise<string[]> {
  const res = (await db.execute(sql`SELECT d.id FROM dossiers d
    WHERE d.status = 'returned' AND d.returned_at >= ${since.toISOString()}::timestamptz
      AND (d.applicant_phone IS NOT NULL OR d.applicant_email IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM satisfaction_invites i WHERE i.dossier_id = d.id AND i.sent_channels IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM satisfaction_ratings r WHERE r.dossier_id = d.id)
    ORDER BY d.returned_at LIMIT ${limit}`)) as unknown as { rows: Array<{ id: string }> };
  return res.rows.map((r) => r.id);
}
