/**
 * Digitisation at receipt and after (số hóa hồ sơ, kết quả): scans of the required documents and result files
 * stored content-addressed (platform/files.ts), one `dossier_files` row per file and dossier, the checklist line
 * marked digitised through the dossier module's `markDocumentDigitised`, and reuse of an applicant's earlier
 * digitised documents and results by their later dossiers without a new upload.
 *
 * Every write runs in one transaction with its audit rows: `dossier.file.upload` or `dossier.file.reuse` (ours)
 * and `dossier.document.digitise` / `dossier.result.digitise` (the dossier module's, joined to our transaction).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';
import { notFound, ruleViolated } from '../../../platform/errors.ts';
import type { FileStore } from '../../../platform/files.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { markDocumentDigitised, markResultDigitised } from '../dossiers.documents.ts';
import type { DossierStatus } from '../dossiers.kinds.ts';
import { findDossierById, type DocumentRow, type DossierRow } from '../dossiers.repository.ts';
import { dossierDocuments, dossiers } from '../dossiers.schema.ts';
import { joinTransaction, loadReadable, requireDigitiser } from './access.ts';
import { dossierFiles, type DossierFileRow } from './scans.schema.ts';
import { DOSSIER_REFUSALS } from '../dossiers.messages.ts';

export interface ScanDeps {
  database: Database;
  store: FileStore;
  /** Largest accepted file in bytes. */
  maxBytes: number;
}

/** A file read from the request, not yet checked (type and size are checked by the store before it writes). */
export interface Upload {
  bytes: Uint8Array;
  fileName: string | null;
}

/** Scans are refused once the dossier was withdrawn or stopped. */
const CLOSED: readonly DossierStatus[] = ['withdrawn', 'cancelled'];
/** A result file is accepted from the signing step on (the result may be uploaded before it is marked ready). */
const WITH_RESULT: readonly DossierStatus[] = ['in_process', 'result_ready', 'returned'];

export const presentFile = (f: DossierFileRow) => ({
  id: f.id,
  dossierId: f.dossierId,
  documentId: f.documentId,
  isResult: f.isResult,
  sha256: f.sha256,
  mediaType: f.mediaType,
  sizeBytes: f.sizeBytes,
  fileName: f.fileName,
  digitised: f.digitised,
  reusedFromId: f.reusedFromId,
  uploadedBy: f.uploadedBy,
  uploadedAt: f.uploadedAt.toISOString(),
});
export type DossierFileDto = ReturnType<typeof presentFile>;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The client's file name for display: NFC, without control characters or path separators, at most 255 characters. */
const cleanName = (name: string | null) => (name ? [...name.normalize('NFC')].map((ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch)).join('').slice(0, 255) : null);

async function dossierOr404(db: Db, id: string): Promise<DossierRow> {
  const d = await findDossierById(db, id);
  if (!d) throw notFound('dossier');
  return d;
}

async function documentOr404(db: Db, dossierId: string, documentId: string): Promise<DocumentRow> {
  const [doc] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)));
  if (!doc) throw notFound('document');
  return doc;
}

/** The dossier and its checklist line, if the caller may digitise it now. */
async function documentTarget(deps: ScanDeps, ctx: Context, dossierId: string, documentId: string) {
  const d = await dossierOr404(deps.database.db, dossierId);
  const doc = await documentOr404(deps.database.db, dossierId, documentId);
  await requireDigitiser(ctx, d);
  if (CLOSED.includes(d.status as DossierStatus)) throw ruleViolated(DOSSIER_REFUSALS.closedNoMoreScans, { status: d.status });
  if (!doc.received) throw ruleViolated(DOSSIER_REFUSALS.documentNotReceived);
  return { d, doc };
}

async function findSlot(db: Db, dossierId: string, documentId: string | null, isResult: boolean, sha256: string): Promise<DossierFileRow | undefined> {
  const rows = await db.select().from(dossierFiles).where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.isResult, isResult), eq(dossierFiles.sha256, sha256)));
  return rows.find((r) => r.documentId === documentId);
}

export interface StoredResult {
  /** False when the same bytes were already attached to the same document (or result): nothing was written. */
  created: boolean;
  file: DossierFileDto;
}

/**
 * Stores a scan of a received required document and, unless `markDigitised` is false (a page of a document
 * scanned page by page), marks the document digitised with it (its earlier pages too).
 * `read` is called only after the guards pass, so a refused caller's upload is never read nor stored.
 * @throws NOT_FOUND (dossier, document), FORBIDDEN (not a counter officer of the reception point nor a
 *   specialist of the competent authority), RULE_VIOLATED (dossier withdrawn or stopped, document not received),
 *   UNSUPPORTED_MEDIA_TYPE / PAYLOAD_TOO_LARGE / VALIDATION_FAILED (empty) from the store: nothing stored, no row.
 */
export async function uploadDocumentFile(deps: ScanDeps, ctx: Context, dossierId: string, documentId: string, read: () => Promise<Upload>, opts: { markDigitised?: boolean } = {}, now = new Date()): Promise<StoredResult> {
  const { d, doc } = await documentTarget(deps, ctx, dossierId, documentId);
  return storeFile(deps, ctx, d, { documentId: doc.id, isResult: false, markDigitised: opts.markDigitised ?? true }, await read(), now);
}

/**
 * Stores a result file (is_result) and records it as the dossier's digitised result (`markResultDigitised`), so
 * the applicant's later dossiers can reuse it.
 * @throws as uploadDocumentFile; RULE_VIOLATED before processing started.
 */
export async function uploadResultFile(deps: ScanDeps, ctx: Context, dossierId: string, read: () => Promise<Upload>, now = new Date()): Promise<StoredResult> {
  const d = await dossierOr404(deps.database.db, dossierId);
  await requireDigitiser(ctx, d);
  if (!WITH_RESULT.includes(d.status as DossierStatus)) throw ruleViolated(DOSSIER_REFUSALS.resultWhileProcessing, { status: d.status });
  return storeFile(deps, ctx, d, { documentId: null, isResult: true, markDigitised: true }, await read(), now);
}

async function storeFile(deps: ScanDeps, ctx: Context, d: DossierRow, slot: { documentId: string | null; isResult: boolean; markDigitised: boolean }, upload: Upload, now: Date): Promise<StoredResult> {
  const sha256 = sha256Of(upload.bytes);
  const existing = await findSlot(deps.database.db, d.id, slot.documentId, slot.isResult, sha256);
  if (existing) return { created: false, file: presentFile(existing) };
  // The store checks type (magic bytes) and size before it writes anything: a refused file leaves no trace.
  // Only a database failure after this point could leave an unreferenced file; content addressing makes that
  // harmless (the same bytes are reused by the next upload).
  const stored = await deps.store.put(upload.bytes, { maxBytes: deps.maxBytes, field: 'file' });
  const fileName = cleanName(upload.fileName);
  const file = await deps.database.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(dossierFiles)
      .values({ dossierId: d.id, unitId: d.competentUnitId, documentId: slot.documentId, isResult: slot.isResult, sha256: stored.sha256, mediaType: stored.mediaType, sizeBytes: stored.size, fileName, digitised: slot.markDigitised, uploadedBy: ctx.actor.userId, uploadedAt: now })
      .returning();
    const meta = { sha256: stored.sha256, fileName, mimeType: stored.mediaType, sizeBytes: stored.size };
    const inTx = joinTransaction(deps.database, tx);
    if (slot.isResult) await markResultDigitised(inTx, ctx, d.id, meta);
    else if (slot.markDigitised && slot.documentId) {
      await tx.db.update(dossierFiles).set({ digitised: true }).where(and(eq(dossierFiles.dossierId, d.id), eq(dossierFiles.documentId, slot.documentId)));
      await markDocumentDigitised(inTx, ctx, d.id, slot.documentId, meta, now);
    }
    await recordAudit(tx, ctx.actor, {
      action: 'dossier.file.upload',
      subjectType: 'dossier',
      subjectId: d.id,
      unitId: d.competentUnitId,
      after: { fileId: row.id, documentId: slot.documentId, isResult: slot.isResult, sha256: stored.sha256, mediaType: stored.mediaType, sizeBytes: stored.size, fileName, digitised: slot.markDigitised },
    });
    return row;
  });
  return { created: true, file: presentFile(file) };
}

/**
 * Confirms a document digitised once all its pages are uploaded: its files become reusable and the checklist line
 * is marked with the latest file (audited by `markDocumentDigitised`, in the same transaction).
 * @throws NOT_FOUND, FORBIDDEN, RULE_VIOLATED (no file uploaded for this document yet).
 */
export async function confirmDocumentDigitised(deps: ScanDeps, ctx: Context, dossierId: string, documentId: string, now = new Date()) {
  const { d, doc } = await documentTarget(deps, ctx, dossierId, documentId);
  const [latest] = await deps.database.db.select().from(dossierFiles).where(and(eq(dossierFiles.dossierId, d.id), eq(dossierFiles.documentId, doc.id))).orderBy(desc(dossierFiles.uploadedAt)).limit(1);
  if (!latest) throw ruleViolated(DOSSIER_REFUSALS.scanFirst);
  await deps.database.transaction(async (tx) => {
    await tx.db.update(dossierFiles).set({ digitised: true }).where(and(eq(dossierFiles.dossierId, d.id), eq(dossierFiles.documentId, doc.id)));
    await markDocumentDigitised(joinTransaction(deps.database, tx), ctx, d.id, doc.id, { sha256: latest.sha256, fileName: latest.fileName, mimeType: latest.mediaType, sizeBytes: latest.sizeBytes }, now);
  });
  return listDossierFiles(deps, ctx, dossierId);
}

/**
 * The dossier's checklist with each document's files, and its result files.
 * `digitised` (dossier level) = every received document that needs a scan is digitised, and there is at least one
 * (the same rule as the dossier detail's flag).
 * @throws NOT_FOUND outside the caller's read scope.
 */
export async function listDossierFiles(deps: Pick<ScanDeps, 'database'>, ctx: Context, dossierId: string) {
  const d = await loadReadable(deps.database, ctx, dossierId);
  const db = deps.database.db;
  const [docs, files] = await Promise.all([
    db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, d.id)).orderBy(dossierDocuments.idx),
    db.select().from(dossierFiles).where(eq(dossierFiles.dossierId, d.id)).orderBy(dossierFiles.uploadedAt),
  ]);
  const toScan = docs.filter((x) => x.received && x.scanRequired);
  return {
    dossierId: d.id,
    code: d.code,
    digitised: toScan.length > 0 && toScan.every((x) => x.digitised),
    documents: docs.map((x) => ({
      id: x.id,
      index: x.idx,
      name: x.name,
      form: x.form,
      received: x.received,
      scanRequired: x.scanRequired,
      digitised: x.digitised,
      fileSha256: x.fileSha256,
      files: files.filter((f) => f.documentId === x.id).map(presentFile),
    })),
    results: files.filter((f) => f.isResult).map(presentFile),
  };
}

/**
 * One stored file of a dossier, with its bytes, for download.
 * @throws NOT_FOUND outside the caller's read scope, or when the file is not this dossier's.
 */
export async function readDossierFile(deps: Pick<ScanDeps, 'database' | 'store'>, ctx: Context, dossierId: string, fileId: string) {
  await loadReadable(deps.database, ctx, dossierId);
  const [f] = await deps.database.db.select().from(dossierFiles).where(and(eq(dossierFiles.id, fileId), eq(dossierFiles.dossierId, dossierId)));
  if (!f) throw notFound('file');
  return { file: presentFile(f), bytes: await deps.store.get(f.sha256) };
}

export interface ReusableDocument {
  fileId: string;
  dossierId: string;
  dossierCode: string;
  procedureName: string;
  isResult: boolean;
  /** The checklist line's name, or null for a result. */
  documentName: string | null;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  fileName: string | null;
  uploadedAt: string;
}

/**
 * Earlier digitised documents and results of an applicant (by ID number: CCCD, passport, business registration),
 * newest first, one per distinct content (the original upload, not a later reuse of it). No scope check: callers check that the caller serves this applicant
 * now (see listReusableFor); the list carries names and dates, the bytes stay behind their dossier's scope until
 * a file is attached to a new dossier.
 */
export async function findReusableDocuments(db: Db, applicantIdNumber: string): Promise<ReusableDocument[]> {
  const id = applicantIdNumber.trim();
  if (!id) return [];
  const rows = await db
    .select({ f: dossierFiles, code: dossiers.code, procedureName: dossiers.procedureName, documentName: dossierDocuments.name })
    .from(dossierFiles)
    .innerJoin(dossiers, eq(dossiers.id, dossierFiles.dossierId))
    .leftJoin(dossierDocuments, eq(dossierDocuments.id, dossierFiles.documentId))
    .where(and(eq(dossiers.applicantIdNumber, id), eq(dossierFiles.digitised, true)))
    // One row per content: the original upload rather than a later reuse of it, else the newest.
    .orderBy(sql`${dossierFiles.reusedFromId} IS NOT NULL`, desc(dossierFiles.uploadedAt), desc(dossierFiles.id));
  const seen = new Set<string>();
  const out: ReusableDocument[] = [];
  for (const r of rows) {
    if (seen.has(r.f.sha256)) continue;
    seen.add(r.f.sha256);
    out.push({ fileId: r.f.id, dossierId: r.f.dossierId, dossierCode: r.code, procedureName: r.procedureName, isResult: r.f.isResult, documentName: r.documentName, sha256: r.f.sha256, mediaType: r.f.mediaType, sizeBytes: r.f.sizeBytes, fileName: r.f.fileName, uploadedAt: r.f.uploadedAt.toISOString() });
  }
  return out.sort((a, b) => (a.uploadedAt < b.uploadedAt ? 1 : a.uploadedAt > b.uploadedAt ? -1 : 0));
}

/**
 * What the official digitising `dossierId` may reuse: the applicant's earlier digitised documents and results
 * (other dossiers only), each flagged when its content is already attached here.
 * @throws NOT_FOUND, FORBIDDEN (same rule as uploading).
 */
export async function listReusableFor(deps: Pick<ScanDeps, 'database'>, ctx: Context, dossierId: string) {
  const d = await dossierOr404(deps.database.db, dossierId);
  await requireDigitiser(ctx, d);
  if (!d.applicantIdNumber) return [];
  const [list, own] = await Promise.all([findReusableDocuments(deps.database.db, d.applicantIdNumber), deps.database.db.select({ sha256: dossierFiles.sha256 }).from(dossierFiles).where(eq(dossierFiles.dossierId, d.id))]);
  const attached = new Set(own.map((r) => r.sha256));
  return list.filter((x) => x.dossierId !== d.id).map((x) => ({ ...x, attached: attached.has(x.sha256) }));
}

/**
 * Attaches an earlier digitised file of the same applicant to a required document of this dossier without a new
 * upload (DuocTaiSuDung): a new row pointing at the same content, `reused_from_id` set, the document marked
 * digitised. Audited `dossier.file.reuse` with the source dossier.
 * @throws NOT_FOUND (dossier, document, or a file that is not a digitised file of this applicant), FORBIDDEN,
 *   RULE_VIOLATED (as uploading).
 */
export async function reuseFile(deps: ScanDeps, ctx: Context, dossierId: string, documentId: string, sourceFileId: string, now = new Date()): Promise<StoredResult> {
  const { d, doc } = await documentTarget(deps, ctx, dossierId, documentId);
  const [src] = await deps.database.db
    .select({ f: dossierFiles, applicantIdNumber: dossiers.applicantIdNumber, code: dossiers.code })
    .from(dossierFiles)
    .innerJoin(dossiers, eq(dossiers.id, dossierFiles.dossierId))
    .where(eq(dossierFiles.id, sourceFileId));
  // Another applicant's file answers like an unknown one: the id proves nothing about its owner.
  if (!src || !src.f.digitised || !d.applicantIdNumber || src.applicantIdNumber !== d.applicantIdNumber || !deps.store.has(src.f.sha256)) throw notFound('file');
  const existing = await findSlot(deps.database.db, d.id, doc.id, false, src.f.sha256);
  if (existing) return { created: false, file: presentFile(existing) };
  const file = await deps.database.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(dossierFiles)
      .values({ dossierId: d.id, unitId: d.competentUnitId, documentId: doc.id, isResult: false, sha256: src.f.sha256, mediaType: src.f.mediaType, sizeBytes: src.f.sizeBytes, fileName: src.f.fileName, digitised: true, reusedFromId: src.f.id, uploadedBy: ctx.actor.userId, uploadedAt: now })
      .returning();
    await markDocumentDigitised(joinTransaction(deps.database, tx), ctx, d.id, doc.id, { sha256: src.f.sha256, fileName: src.f.fileName, mimeType: src.f.mediaType, sizeBytes: src.f.sizeBytes }, now);
    await recordAudit(tx, ctx.actor, {
      action: 'dossier.file.reuse',
      subjectType: 'dossier',
      subjectId: d.id,
      unitId: d.competentUnitId,
      after: { fileId: row.id, documentId: doc.id, sha256: src.f.sha256, reusedFrom: { fileId: src.f.id, dossierId: src.f.dossierId, code: src.code, isResult: src.f.isResult } },
    });
    return row;
  });
  return { created: true, file: presentFile(file) };
}
