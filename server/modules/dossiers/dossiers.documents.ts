/**
 * What the documents engineer's code (server/modules/dossiers/documents/: PDF slips, scan upload) calls: one
 * function returning everything a slip shows, and the digitisation markers. They check scope like every use case.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getProcedureVersionById } from '../procedures/index.ts';
import { calendarFor } from './calendar-adapter.ts';
import { apologyDeadline } from './clock.ts';
import { explainExpected } from './dossiers.tracking.ts';
import { canRead } from './dossiers.policy.ts';
import { findDossierById, findUnits, findUserNames, loadFull } from './dossiers.repository.ts';
import { dossierDocuments, dossiers } from './dossiers.schema.ts';
import { getControlSlip, policyScopes, type DossierDeps } from './dossiers.service.ts';
import { RULE_SETS, type RuleSet } from './dossiers.kinds.ts';
import { DOSSIER_REFUSALS } from './dossiers.messages.ts';

/**
 * Everything the printed slips show (receipt and appointment slip, control slip, supplement request, refusal,
 * apology and new appointment): the dossier, applicant, procedure (name, code, fees, result), units with their
 * names, documents received, appointments, supplements, the control-slip rows, the latest apology, and the
 * rule set (choose the form set from it: 'nd61_2018' → TT 01/2018 forms, 'nd118_2025' → TT 03/2025 forms).
 * Does not log an access (printing is not reading by a new person). Throws NOT_FOUND outside the caller's units.
 */
export async function getDossierForSlip(deps: DossierDeps, ctx: Context, id: string) {
  const db = deps.database.db;
  const row = await findDossierById(db, id);
  if (!row) throw notFound('dossier');
  const [full, scopes] = await Promise.all([loadFull(db, row), policyScopes(ctx)]);
  if (!canRead(scopes, row, full.steps)) throw notFound('dossier');
  const [version, units, users, cal, slip] = await Promise.all([
    getProcedureVersionById(db, row.procedureVersionId),
    findUnits(db, [row.receptionUnitId, row.competentUnitId, row.returningUnitId, ...full.steps.map((s) => s.unitId), ...full.appointments.map((a) => a.lateUnitId).filter((x): x is string => !!x)]),
    findUserNames(db, [row.receivedBy, ...full.steps.map((s) => s.assigneeId)]),
    calendarFor(db, row.competentUnitId, { version: row.calendarVersion }),
    getControlSlip(deps, ctx, id),
  ]);
  const unit = (uid: string) => ({ id: uid, name: units.get(uid)?.name ?? '', code: units.get(uid)?.code ?? null });
  const apology = [...full.appointments].reverse().find((a) => a.reason === 'apology') ?? null;
  const openSupplement = [...full.supplements].reverse().find((s) => s.receivedAt === null) ?? null;
  return {
    id: row.id,
    code: row.code,
    ruleSet: row.ruleSet as RuleSet,
    ruleSetLabel: RULE_SETS[row.ruleSet as RuleSet]?.vi ?? row.ruleSet,
    status: row.status,
    channel: row.channel,
    receivedAt: row.receivedAt,
    receivedBy: row.receivedBy ? { id: row.receivedBy, name: users.get(row.receivedBy) ?? '' } : null,
    appointmentAt: row.appointmentAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    applicant: { kind: row.applicantKind, name: row.applicantName, idNumber: row.applicantIdNumber, phone: row.applicantPhone, email: row.applicantEmail, address: row.applicantAddress, representative: row.applicantRepresentative },
    summary: row.summary,
    procedure: { id: row.procedureId, versionId: row.procedureVersionId, code: row.procedureCode, nationalCode: version.nationalCode, name: row.procedureName, field: version.field, processingTime: row.statutoryTime, fees: version.fees, resultType: version.resultType, legalBases: version.legalBases },
    receptionUnit: unit(row.receptionUnitId),
    competentUnit: unit(row.competentUnitId),
    returningUnit: unit(row.returningUnitId),
    documents: full.documents.map((d) => ({ id: d.id, index: d.idx, name: d.name, form: d.form, count: d.count, copies: d.copies, received: d.received, digitised: d.digitised, scanRequired: d.scanRequired })),
    appointments: full.appointments.map((a) => ({ reason: a.reason, previousAt: a.previousAt, appointmentAt: a.appointmentAt, decidedAt: a.decidedAt, note: a.note })),
    supplements: full.supplements.map((s) => ({ seq: s.seq, phase: s.phase, requestedAt: s.requestedAt, reason: s.reason, items: s.items, receivedAt: s.receivedAt })),
    openSupplement: openSupplement ? { requestedAt: openSupplement.requestedAt, reason: openSupplement.reason, items: openSupplement.items } : null,
    refusal: row.resultKind === 'refusal' ? { reasons: row.resultNote ?? '', at: row.finishedAt } : null,
    apology: apology
      ? { issuedAt: apology.decidedAt, reason: apology.note, previousAppointmentAt: apology.previousAt, newAppointmentAt: apology.appointmentAt, lateStepSeq: apology.lateStepSeq, lateUnit: apology.lateUnitId ? unit(apology.lateUnitId) : null, latestAllowed: row.dueAt ? apologyDeadline(cal.work, row.dueAt) : null }
      : null,
    controlSlip: slip.rows,
    /** The expected date explained in words (Vietnamese), as on the tracking page. */
    explanation: explainExpected(cal.work, full, 'vi', new Date()),
    /** Path of the public tracking page for the QR code: prefix PUBLIC_URL. */
    trackingPath: `/tra-cuu?ma=${encodeURIComponent(row.code)}`,
  };
}
export type DossierSlip = Awaited<ReturnType<typeof getDossierForSlip>>;

export interface DigitisedFile {
  sha256: string;
  fileName?: string | null;
  mimeType?: string | null;
  sizeBytes?: number | null;
  pages?: number | null;
}

/** The caller must be able to receive at the reception point or process at the competent authority. */
async function requireDigitiser(ctx: Context, d: { receptionUnitId: string; competentUnitId: string }) {
  const [receive, process] = await Promise.all([ctx.scope('dossiers.receive'), ctx.scope('dossiers.process')]);
  if (!receive.covers(d.receptionUnitId) && !process.covers(d.competentUnitId)) throw new AppError('FORBIDDEN', { detail: DOSSIER_REFUSALS.digitisingNeedsRole });
}

/**
 * Marks a received document digitised with the stored file's sha-256 (content-addressed store). Audited.
 * @throws NOT_FOUND (dossier or document), FORBIDDEN, VALIDATION_FAILED (bad hash), RULE_VIOLATED (document not received).
 */
export async function markDocumentDigitised(database: Database, ctx: Context, dossierId: string, documentId: string, file: DigitisedFile, now = new Date()) {
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new AppError('VALIDATION_FAILED', { detail: 'sha256 must be 64 hex digits', fields: [{ field: 'sha256', code: 'invalid', message: { vi: 'Mã băm không hợp lệ', en: 'Invalid hash', fr: 'Empreinte invalide' } }] });
  const d = await findDossierById(database.db, dossierId);
  if (!d) throw notFound('dossier');
  const [doc] = await database.db.select().from(dossierDocuments).where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)));
  if (!doc) throw notFound('document');
  await requireDigitiser(ctx, d);
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(dossierDocuments)
      .set({ digitised: true, fileSha256: file.sha256, fileName: file.fileName ?? null, mimeType: file.mimeType ?? null, sizeBytes: file.sizeBytes ?? null, pages: file.pages ?? null, digitisedAt: now, digitisedBy: ctx.actor.userId })
      .where(eq(dossierDocuments.id, documentId))
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'dossier.document.digitise', subjectType: 'dossier', subjectId: dossierId, unitId: d.competentUnitId, before: { documentId, sha256: doc.fileSha256 }, after: { documentId, sha256: file.sha256, fileName: file.fileName ?? null } });
    return row;
  });
}

/** Records the digitised result (for reuse by later dossiers of the same applicant). Audited. */
export async function markResultDigitised(database: Database, ctx: Context, dossierId: string, file: DigitisedFile) {
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new AppError('VALIDATION_FAILED', { detail: 'sha256 must be 64 hex digits', fields: [{ field: 'sha256', code: 'invalid', message: { vi: 'Mã băm không hợp lệ', en: 'Invalid hash', fr: 'Empreinte invalide' } }] });
  const d = await findDossierById(database.db, dossierId);
  if (!d) throw notFound('dossier');
  await requireDigitiser(ctx, d);
  await database.transaction(async (tx) => {
    await tx.db.update(dossiers).set({ resultFileSha256: file.sha256 }).where(eq(dossiers.id, dossierId));
    await recordAudit(tx, ctx.actor, { action: 'dossier.result.digitise', subjectType: 'dossier', subjectId: dossierId, unitId: d.competentUnitId, before: { sha256: d.resultFileSha256 }, after: { sha256: file.sha256 } });
  });
}

/** Digitised results of earlier dossiers of the same applicant (by ID number), newest first, for reuse. */
export async function findReusableResults(database: Database, ctx: Context, idNumber: string) {
  const read = await ctx.scope('dossiers.read');
  const rows = await database.db
    .select({ id: dossiers.id, code: dossiers.code, procedureName: dossiers.procedureName, sha256: dossiers.resultFileSha256, finishedAt: dossiers.finishedAt, competentUnitId: dossiers.competentUnitId, receptionUnitId: dossiers.receptionUnitId })
    .from(dossiers)
    .where(and(eq(dossiers.applicantIdNumber, idNumber), eq(dossiers.resultKind, 'granted')));
  return rows.filter((r) => r.sha256 && (read.covers(r.competentUnitId) || read.covers(r.receptionUnitId))).sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0));
}
