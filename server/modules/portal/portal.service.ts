/**
 * Online applications of the citizen portal (hồ sơ nộp trực tuyến): draft → documents uploaded or reused → submitted
 * (portal code 1, waiting for the counter) → accepted (an ordinary dossier, channel `online`) or refused; withdrawal;
 * answers to supplement requests; fees with a VietQR code for the reception unit's account. A citizen sees and acts
 * only on their own applications (403 otherwise); the counter acts on those of its units (dossiers.receive).
 * Every write: one transaction with its audit row.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { BanksObject, QRPay } from 'vietnam-qr-pay';
import type { z } from 'zod';
import type { ActionBody, APPLICATION_STATUSES, CreateApplicationBody, PaymentAccountBody, ReasonBody, ReuseBody } from '../../../contracts/portal.ts';
import type { Database, Db } from '../../db/client.ts';
import { AppError, conflict, notFound, ruleViolated } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files.ts';
import type { Queue } from '../../platform/queue.ts';
import { searchNorm } from '../../platform/text.ts';
import type { Context } from '../accounts/context.ts';
import { roleGrants, users } from '../accounts/accounts.schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { answerSupplementByApplicant, applicantActing, DOSSIER_STATUSES, EVENT_KINDS, getDossierDetail, receiveOnlineDossier, withdrawByApplicant, type DossierStatus, type OnlineFile } from '../dossiers/index.ts';
import { dossiers } from '../dossiers/dossiers.schema.ts';
import { findReusableDocuments, listDossierFiles } from '../dossiers/documents/index.ts';
import { getProcedureVersionById, getProcedureVersionInForce, searchProcedures, type ProcedureVersion } from '../procedures/index.ts';
import { units } from '../units/units.schema.ts';
import { REFUSAL_NOTICE_JOB, type RefusalNoticeData } from './portal.jobs.ts';
import { PORTAL_REFUSALS } from './portal.messages.ts';
import { portalIdentities, portalOfficialIds, portalPaymentAccounts, portalSubmissionFiles, portalSubmissions } from './portal.schema.ts';

export interface PortalDeps {
  database: Database;
  queue: Queue | null;
  store: FileStore;
  maxBytes: number;
}

type Row = typeof portalSubmissions.$inferSelect;
type FileRow = typeof portalSubmissionFiles.$inferSelect;
type ApplicantJson = { kind: 'individual'; name: string; idNumber: string | null; phone: string | null; email: string | null; address: string | null; representative: null };

const OPEN: readonly DossierStatus[] = ['received', 'in_process', 'awaiting_supplement', 'suspended'];
const msg = (vi: string, en: string, fr: string) => ({ vi, en, fr });
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
/** Documents only shown at the counter (bản chính để đối chiếu) need no upload online. */
const uploadRequired = (form: string) => form !== 'presented';
const feeTotal = (v: Pick<ProcedureVersion, 'fees'>) => v.fees.reduce((a, f) => a + f.amount, 0);

/** The caller's identity (the latest linked one), for pre-filling and for the ID number (CCCD). */
async function identityOf(db: Db, userId: string) {
  const [id] = await db.select().from(portalIdentities).where(eq(portalIdentities.userId, userId)).orderBy(desc(portalIdentities.lastSignInAt)).limit(1);
  return id ?? null;
}

export async function getMe(db: Db, ctx: Context) {
  const userId = ctx.actor.userId!;
  const [[user], id] = await Promise.all([db.select().from(users).where(eq(users.id, userId)), identityOf(db, userId)]);
  if (!user) throw notFound('account');
  return { userId, fullName: id?.fullName ?? user.fullName, idNumber: id?.idNumber ?? null, phone: id?.phone ?? user.phone, email: id?.email ?? user.email, eIdVerified: !!id };
}

async function unitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function presentProcedure(v: ProcedureVersion, names: Map<string, string>) {
  return {
    id: v.procedureId,
    code: (v as { code?: string }).code ?? v.nationalCode ?? '',
    name: v.name,
    onlineLevel: v.onlineLevel as 'full' | 'partial',
    processingTime: v.processingTimeOnline ?? v.processingTime,
    documents: v.documents.map((d, index) => ({ index, name: d.name, form: d.form, count: d.count, uploadRequired: uploadRequired(d.form) })),
    fees: v.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
    feeTotal: feeTotal(v),
    receptionUnits: v.implementingUnitIds.filter((u) => names.has(u)).map((u) => ({ id: u, name: names.get(u)! })),
  };
}

/** Procedures that can be filed online (full or partial), by accent-insensitive name or code. */
export async function listOnlineProcedures(db: Db, q: string | undefined) {
  const [full, partial] = await Promise.all([searchProcedures(db, { q, onlineLevel: 'full', status: 'active', limit: 100, offset: 0 }), searchProcedures(db, { q, onlineLevel: 'partial', status: 'active', limit: 100, offset: 0 })]);
  const now = new Date();
  const versions = await Promise.all([...full.items, ...partial.items].map((p) => getProcedureVersionInForce(db, p.id, now)));
  const names = await unitNames(db, versions.flatMap((v) => v.implementingUnitIds));
  return versions.map((v) => presentProcedure(v, names)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function getOnlineProcedure(db: Db, procedureId: string) {
  const v = await getProcedureVersionInForce(db, procedureId, new Date());
  if (v.onlineLevel === 'none' || v.status !== 'active') throw notFound('online procedure');
  return presentProcedure(v, await unitNames(db, v.implementingUnitIds));
}

/** The application, if it is the caller's own. @throws NOT_FOUND, FORBIDDEN (another person's). */
async function loadOwn(db: Db, ctx: Context, id: string): Promise<Row> {
  const [row] = await db.select().from(portalSubmissions).where(eq(portalSubmissions.id, id));
  if (!row) throw notFound('application');
  if (row.userId !== ctx.actor.userId) throw new AppError('FORBIDDEN', { detail: PORTAL_REFUSALS.anotherPersonsApplication });
  return row;
}

/** The application, if the caller receives dossiers at its reception point. @throws NOT_FOUND, FORBIDDEN */
async function loadForCounter(db: Db, ctx: Context, id: string): Promise<Row> {
  const [row] = await db.select().from(portalSubmissions).where(eq(portalSubmissions.id, id));
  if (!row) throw notFound('application');
  await ctx.requireUnit('dossiers.receive', row.receptionUnitId);
  return row;
}

const checkVersion = (row: Row, version: number) => {
  if (row.version !== version) throw conflict(PORTAL_REFUSALS.staleApplication, { current: row.version, sent: version });
};

/** Starts a draft application for an online procedure; the applicant's ID number comes from the identity. */
export async function createApplication(deps: PortalDeps, ctx: Context, body: z.infer<typeof CreateApplicationBody>, now = new Date()) {
  const db = deps.database.db;
  const v = await getProcedureVersionInForce(db, body.procedureId, now);
  if (v.onlineLevel === 'none' || v.status !== 'active') throw ruleViolated(PORTAL_REFUSALS.notFiledOnline);
  if (!v.implementingUnitIds.includes(body.receptionUnitId)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'the unit does not receive this procedure', fields: [{ field: 'receptionUnitId', code: 'not_implementing', message: msg('Đơn vị này không tiếp nhận thủ tục này', 'This unit does not receive this procedure', "Cette unité ne reçoit pas cette démarche") }] });
  }
  const me = await getMe(db, ctx);
  const applicant: ApplicantJson = { kind: 'individual', name: body.applicant.name, idNumber: me.idNumber, phone: body.applicant.phone, email: body.applicant.email, address: body.applicant.address, representative: null };
  const row = await deps.database.transaction(async (tx) => {
    const [r] = await tx.db
      .insert(portalSubmissions)
      .values({ userId: ctx.actor.userId!, procedureId: v.procedureId, procedureVersionId: v.id, procedureName: v.name, receptionUnitId: body.receptionUnitId, applicant, summary: body.summary, status: 'draft', feeAmount: feeTotal(v), eIdVerified: me.eIdVerified, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'portal.application.create', subjectType: 'portal_application', subjectId: r.id, unitId: body.receptionUnitId, after: { procedureVersionId: v.id, receptionUnitId: body.receptionUnitId, feeAmount: r.feeAmount } });
    return r;
  });
  return presentApplication(deps, ctx, row);
}

/** While the dossier waits for a supplement the applicant may upload again; otherwise only drafts take files. */
async function uploadMode(db: Db, row: Row): Promise<'draft' | 'supplement'> {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'accepted' && row.dossierId) {
    const [d] = await db.select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.id, row.dossierId));
    if (d?.status === 'awaiting_supplement') return 'supplement';
  }
  throw ruleViolated(PORTAL_REFUSALS.filesOnlyDraftOrSupplement);
}

async function documentCount(db: Db, row: Row) {
  return (await getProcedureVersionById(db, row.procedureVersionId)).documents.length;
}

const indexError = () => new AppError('VALIDATION_FAILED', { detail: 'no such required document', fields: [{ field: 'index', code: 'out_of_range', message: msg('Không có thành phần hồ sơ này', 'No such required document', 'Pièce inconnue') }] });

/**
 * Attaches an uploaded file to a required document (replacing an earlier one). `read` runs only after the guards,
 * and the store checks the real type (magic bytes) and the size before it writes: a refused file leaves no byte and no row.
 * @throws NOT_FOUND, FORBIDDEN, RULE_VIOLATED, VALIDATION_FAILED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function uploadApplicationFile(deps: PortalDeps, ctx: Context, id: string, index: number, read: () => Promise<{ bytes: Uint8Array; fileName: string | null }>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadOwn(db, ctx, id);
  await uploadMode(db, row);
  if (index >= (await documentCount(db, row))) throw indexError();
  const upload = await read();
  const stored = await deps.store.put(upload.bytes, { maxBytes: deps.maxBytes, field: 'file' });
  const fileName = upload.fileName ? [...upload.fileName.normalize('NFC')].map((ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch)).join('').slice(0, 255) : null;
  await deps.database.transaction(async (tx) => {
    const [old] = await tx.db.delete(portalSubmissionFiles).where(and(eq(portalSubmissionFiles.submissionId, row.id), eq(portalSubmissionFiles.documentIndex, index))).returning();
    const [f] = await tx.db.insert(portalSubmissionFiles).values({ submissionId: row.id, documentIndex: index, sha256: stored.sha256, mediaType: stored.mediaType, sizeBytes: stored.size, fileName, uploadedAt: now }).returning();
    await recordAudit(tx, ctx.actor, { action: 'portal.application.file', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, before: old ? { sha256: old.sha256 } : null, after: { fileId: f.id, index, sha256: stored.sha256, mediaType: stored.mediaType, sizeBytes: stored.size, fileName } });
  });
  return getApplication(deps, ctx, id);
}

/** My earlier digitised documents and results (by the ID number of my electronic identity). */
export async function listReusable(db: Db, ctx: Context) {
  const me = await getMe(db, ctx);
  if (!me.idNumber) return [];
  return (await findReusableDocuments(db, me.idNumber)).map((r) => ({ fileId: r.fileId, dossierCode: r.dossierCode, procedureName: r.procedureName, isResult: r.isResult, documentName: r.documentName, fileName: r.fileName, mediaType: r.mediaType, sizeBytes: r.sizeBytes, uploadedAt: r.uploadedAt }));
}

/** Attaches one of my earlier digitised files instead of an upload (DuocTaiSuDung). @throws NOT_FOUND for a file not mine. */
export async function reuseIntoApplication(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ReuseBody>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadOwn(db, ctx, id);
  if ((await uploadMode(db, row)) !== 'draft') throw ruleViolated(PORTAL_REFUSALS.reuseOnlyDraft);
  if (body.index >= (await documentCount(db, row))) throw indexError();
  const me = await getMe(db, ctx);
  const src = me.idNumber ? (await findReusableDocuments(db, me.idNumber)).find((r) => r.fileId === body.fileId) : undefined;
  if (!src || !deps.store.has(src.sha256)) throw notFound('file');
  await deps.database.transaction(async (tx) => {
    await tx.db.delete(portalSubmissionFiles).where(and(eq(portalSubmissionFiles.submissionId, row.id), eq(portalSubmissionFiles.documentIndex, body.index)));
    const [f] = await tx.db.insert(portalSubmissionFiles).values({ submissionId: row.id, documentIndex: body.index, sha256: src.sha256, mediaType: src.mediaType, sizeBytes: src.sizeBytes, fileName: src.fileName, reusedFromFileId: src.fileId, uploadedAt: now }).returning();
    await recordAudit(tx, ctx.actor, { action: 'portal.application.reuse', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, after: { fileId: f.id, index: body.index, reusedFrom: { fileId: src.fileId, dossierCode: src.dossierCode } } });
  });
  return getApplication(deps, ctx, id);
}

/** Submits a complete draft: it now waits for the counter's check. @throws RULE_VIOLATED naming missing documents. */
export async function submitApplication(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ActionBody>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadOwn(db, ctx, id);
  checkVersion(row, body.version);
  if (row.status !== 'draft') throw ruleViolated(PORTAL_REFUSALS.onlyDraftSubmitted);
  const [v, files] = await Promise.all([getProcedureVersionById(db, row.procedureVersionId), db.select().from(portalSubmissionFiles).where(eq(portalSubmissionFiles.submissionId, row.id))]);
  const have = new Set(files.map((f) => f.documentIndex));
  const missing = v.documents.map((d, index) => ({ index, d })).filter(({ index, d }) => uploadRequired(d.form) && !have.has(index));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `missing documents: ${missing.map((m) => m.index).join(', ')}`,
      fields: missing.map(({ index, d }) => ({ field: `documents.${index}`, code: 'missing', message: msg(`Chưa tải lên: ${d.name}`, `Not uploaded yet: ${d.name}`, `Pas encore téléversé : ${d.name}`) })),
    });
  }
  await deps.database.transaction(async (tx) => {
    const up = await tx.db.update(portalSubmissions).set({ status: 'submitted', submittedAt: now, version: row.version + 1, updatedAt: now }).where(and(eq(portalSubmissions.id, row.id), eq(portalSubmissions.version, row.version))).returning({ id: portalSubmissions.id });
    if (!up.length) throw conflict(PORTAL_REFUSALS.applicationChangedMeanwhile);
    await recordAudit(tx, ctx.actor, { action: 'portal.application.submit', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, before: { status: row.status }, after: { status: 'submitted', files: files.length } });
  });
  return getApplication(deps, ctx, id);
}

/** Withdraws my application: before acceptance it simply ends; afterwards the dossier's withdrawal transition (status 7). */
export async function withdrawApplication(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ReasonBody>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadOwn(db, ctx, id);
  if (row.status === 'accepted' && row.dossierId) {
    await withdrawByApplicant(deps, ctx, row.dossierId, { version: body.version, reason: body.reason, note: body.note ?? null }, now);
    return getApplication(deps, ctx, id);
  }
  checkVersion(row, body.version);
  if (row.status !== 'draft' && row.status !== 'submitted') throw ruleViolated(PORTAL_REFUSALS.applicationClosed);
  await deps.database.transaction(async (tx) => {
    const up = await tx.db.update(portalSubmissions).set({ status: 'withdrawn', decidedAt: now, refusalReason: body.reason, version: row.version + 1, updatedAt: now }).where(and(eq(portalSubmissions.id, row.id), eq(portalSubmissions.version, row.version))).returning({ id: portalSubmissions.id });
    if (!up.length) throw conflict(PORTAL_REFUSALS.applicationChangedMeanwhile);
    await recordAudit(tx, ctx.actor, { action: 'portal.application.withdraw', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, before: { status: row.status }, after: { status: 'withdrawn', reason: body.reason } });
  });
  return getApplication(deps, ctx, id);
}

/** Answers the supplement request with the files uploaded since it was made; the clock resumes per the ledger. */
export async function answerSupplement(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ActionBody>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadOwn(db, ctx, id);
  if (row.status !== 'accepted' || !row.dossierId) throw ruleViolated(PORTAL_REFUSALS.noSupplementAwaited);
  const detail = await getDossierDetail(deps, applicantActing(ctx, row.receptionUnitId), row.dossierId, { recordAccess: false, now });
  const open = detail.supplements.filter((s) => !s.receivedAt).pop();
  const since = open ? new Date(open.requestedAt) : now;
  const files = (await db.select().from(portalSubmissionFiles).where(eq(portalSubmissionFiles.submissionId, row.id))).filter((f) => f.uploadedAt.getTime() >= since.getTime());
  const online: OnlineFile[] = files.map((f) => ({ index: f.documentIndex, sha256: f.sha256, fileName: f.fileName }));
  await answerSupplementByApplicant(deps, ctx, row.dossierId, { version: body.version, note: body.note ?? null }, online, now);
  return getApplication(deps, ctx, id);
}

/** My applications, newest first, with their dossier's status once accepted. */
export async function listApplications(deps: PortalDeps, ctx: Context) {
  const db = deps.database.db;
  const rows = await db.select().from(portalSubmissions).where(eq(portalSubmissions.userId, ctx.actor.userId!)).orderBy(desc(portalSubmissions.createdAt));
  return presentSummaries(db, rows, ctx.lang);
}

async function presentSummaries(db: Db, rows: Row[], lang: Context['lang']) {
  const dossierIds = rows.map((r) => r.dossierId).filter((x): x is string => !!x);
  const [ds, names] = await Promise.all([
    dossierIds.length ? db.select({ id: dossiers.id, code: dossiers.code, status: dossiers.status, appointmentAt: dossiers.appointmentAt }).from(dossiers).where(inArray(dossiers.id, dossierIds)) : Promise.resolve([]),
    unitNames(db, rows.map((r) => r.receptionUnitId)),
  ]);
  const byId = new Map(ds.map((d) => [d.id, d]));
  return rows.map((r) => summaryOf(r, r.dossierId ? byId.get(r.dossierId) : undefined, names, lang));
}

function summaryOf(r: Row, d: { code: string; status: string; appointmentAt: Date | null } | undefined, names: Map<string, string>, lang: Context['lang']) {
  const st = d ? DOSSIER_STATUSES[d.status as DossierStatus] : undefined;
  return {
    id: r.id,
    status: r.status as (typeof APPLICATION_STATUSES)[number],
    procedureId: r.procedureId,
    procedureName: r.procedureName,
    receptionUnitId: r.receptionUnitId,
    receptionUnitName: names.get(r.receptionUnitId) ?? null,
    applicantName: String((r.applicant as ApplicantJson).name),
    submittedAt: iso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
    refusalReason: r.refusalReason,
    dossierId: r.dossierId,
    dossierCode: d?.code ?? null,
    dossierStatus: d?.status ?? null,
    dossierStatusLabel: st ? st[lang] : null,
    appointmentAt: iso(d?.appointmentAt),
    feeAmount: r.feeAmount,
    paid: r.paidAt !== null,
    version: r.version,
  };
}

/** The account the reception unit (or the nearest unit above it) receives fees on. */
async function paymentAccountFor(db: Db, unitId: string) {
  let id: string | null = unitId;
  for (let depth = 0; id && depth < 8; depth++) {
    const [acc] = await db.select().from(portalPaymentAccounts).where(eq(portalPaymentAccounts.unitId, id));
    if (acc) return acc;
    const [u] = await db.select({ parentId: units.parentId }).from(units).where(eq(units.id, id));
    id = u?.parentId ?? null;
  }
  return null;
}

/** Transfer note of the payment: ASCII (banking apps drop accents), the dossier code or the application's short id. */
const purposeOf = (r: Row, code: string | null) => `LE PHI ${code ?? r.id.slice(0, 8).toUpperCase()}`.slice(0, 50);

async function paymentOf(db: Db, r: Row, code: string | null) {
  if (r.feeAmount <= 0) return { amount: 0, status: 'none' as const, paidAt: null, bankName: null, accountNumber: null, accountName: null, qrContent: null, qrSvg: null, purpose: null };
  const acc = await paymentAccountFor(db, r.receptionUnitId);
  const purpose = purposeOf(r, code);
  let qrContent: string | null = null;
  let qrSvg: string | null = null;
  if (acc && !r.paidAt) {
    qrContent = QRPay.initVietQR({ bankBin: acc.bankBin, bankNumber: acc.accountNumber, amount: String(r.feeAmount), purpose }).build();
    qrSvg = await QRCode.toString(qrContent, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }
  return { amount: r.feeAmount, status: r.paidAt ? ('paid' as const) : ('awaiting' as const), paidAt: iso(r.paidAt), bankName: acc?.bankName ?? null, accountNumber: acc?.accountNumber ?? null, accountName: acc?.accountName ?? null, qrContent, qrSvg, purpose };
}

async function presentApplication(deps: PortalDeps, ctx: Context, r: Row) {
  const db = deps.database.db;
  const [v, files, [summary]] = await Promise.all([getProcedureVersionById(db, r.procedureVersionId), db.select().from(portalSubmissionFiles).where(eq(portalSubmissionFiles.submissionId, r.id)), presentSummaries(db, [r], ctx.lang)]);
  const byIndex = new Map<number, FileRow>(files.map((f) => [f.documentIndex, f]));
  let dossier = null;
  if (r.dossierId) {
    const acting = applicantActing(ctx, r.receptionUnitId);
    const [d, scans] = await Promise.all([getDossierDetail(deps, acting, r.dossierId, { recordAccess: false }), listDossierFiles(deps, acting, r.dossierId)]);
    dossier = {
      version: d.version,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      clockRunning: d.clockRunning,
      timeline: d.timeline.map((e) => ({ at: e.at, kind: e.kind, label: EVENT_KINDS[e.kind][ctx.lang], note: e.kind === 'supplement_requested' || e.kind === 'withdrawn' || e.kind === 'refused' || e.kind === 'result_ready' ? e.note : null })),
      supplements: d.supplements.map((s) => ({ requestedAt: s.requestedAt, reason: s.reason, items: s.items, receivedAt: s.receivedAt })),
      files: [...scans.documents.flatMap((x) => x.files.filter((f) => f.digitised).map((f) => ({ id: f.id, documentName: x.name, isResult: false, fileName: f.fileName, mediaType: f.mediaType }))), ...scans.results.map((f) => ({ id: f.id, documentName: null, isResult: true, fileName: f.fileName, mediaType: f.mediaType }))],
      canWithdraw: OPEN.includes(d.status as DossierStatus),
      awaitingSupplement: d.status === 'awaiting_supplement',
    };
  }
  return {
    ...summary,
    applicant: r.applicant,
    summary: r.summary,
    documents: v.documents.map((d, index) => {
      const f = byIndex.get(index);
      return { index, name: d.name, form: d.form, uploadRequired: uploadRequired(d.form), file: f ? { id: f.id, index, sha256: f.sha256, mediaType: f.mediaType, sizeBytes: f.sizeBytes, fileName: f.fileName, reused: f.reusedFromFileId !== null } : null };
    }),
    payment: await paymentOf(db, r, summary.dossierCode),
    dossier,
  };
}

export async function getApplication(deps: PortalDeps, ctx: Context, id: string) {
  return presentApplication(deps, ctx, await loadOwn(deps.database.db, ctx, id));
}

/** The dossier of my accepted application (for slips and files). */
export async function ownDossier(deps: PortalDeps, ctx: Context, id: string) {
  const row = await loadOwn(deps.database.db, ctx, id);
  if (!row.dossierId) throw notFound('dossier');
  return { dossierId: row.dossierId, acting: applicantActing(ctx, row.receptionUnitId) };
}

// ---- The counter ----

/** Applications submitted to the caller's units and waiting for the check, and accepted ones whose fee is still due. */
export async function listInbox(deps: PortalDeps, ctx: Context) {
  const db = deps.database.db;
  const scope = await ctx.scope('dossiers.receive');
  if (!scope.all && scope.ids.size === 0) return [];
  const rows = await db
    .select()
    .from(portalSubmissions)
    .where(and(or(eq(portalSubmissions.status, 'submitted'), and(eq(portalSubmissions.status, 'accepted'), isNull(portalSubmissions.paidAt))), scope.all ? undefined : inArray(portalSubmissions.receptionUnitId, [...scope.ids])))
    .orderBy(portalSubmissions.submittedAt);
  const shown = await Promise.all(rows.filter((r) => r.status === 'submitted' || r.feeAmount > 0).map((r) => presentForCounter(deps, ctx, r)));
  // A fee stops being due when the dossier was withdrawn or stopped.
  return shown.filter((a) => a.status === 'submitted' || !['withdrawn', 'cancelled'].includes(a.dossierStatus ?? ''));
}

async function presentForCounter(deps: PortalDeps, ctx: Context, r: Row) {
  const db = deps.database.db;
  const [v, files, [summary]] = await Promise.all([getProcedureVersionById(db, r.procedureVersionId), db.select().from(portalSubmissionFiles).where(eq(portalSubmissionFiles.submissionId, r.id)), presentSummaries(db, [r], ctx.lang)]);
  const byIndex = new Map<number, FileRow>(files.map((f) => [f.documentIndex, f]));
  return {
    ...summary,
    applicant: r.applicant,
    summary: r.summary,
    documents: v.documents.map((d, index) => {
      const f = byIndex.get(index);
      return { index, name: d.name, form: d.form, uploadRequired: uploadRequired(d.form), file: f ? { id: f.id, index, sha256: f.sha256, mediaType: f.mediaType, sizeBytes: f.sizeBytes, fileName: f.fileName, reused: f.reusedFromFileId !== null } : null };
    }),
    payment: await paymentOf(db, r, summary.dossierCode),
    dossier: null,
  };
}

/**
 * The counter accepts a submitted application: the dossier is received (channel online) with the uploaded files as
 * its digitised documents, and the application records it — one transaction, audited.
 */
export async function acceptApplication(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ActionBody>, now = new Date()) {
  const db = deps.database.db;
  const row = await loadForCounter(db, ctx, id);
  checkVersion(row, body.version);
  if (row.status !== 'submitted') throw ruleViolated(PORTAL_REFUSALS.onlySubmittedAccepted);
  const [v, files] = await Promise.all([getProcedureVersionById(db, row.procedureVersionId), db.select().from(portalSubmissionFiles).where(eq(portalSubmissionFiles.submissionId, row.id))]);
  const a = row.applicant as ApplicantJson;
  await ctx.scope('dossiers.receive');
  await receiveOnlineDossier(
    deps,
    ctx,
    {
      procedureId: row.procedureId,
      applicant: { kind: 'individual', name: a.name, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address, representative: null },
      channel: 'online',
      documents: v.documents.map((_d, index) => ({ index, received: true })),
      receptionUnitId: row.receptionUnitId,
      summary: row.summary,
      note: body.note ?? null,
    },
    files.map((f) => ({ index: f.documentIndex, sha256: f.sha256, fileName: f.fileName })),
    now,
    async (tx, dossierId, code) => {
      const up = await tx.db.update(portalSubmissions).set({ status: 'accepted', dossierId, decidedAt: now, decidedBy: ctx.actor.userId, version: row.version + 1, updatedAt: now }).where(and(eq(portalSubmissions.id, row.id), eq(portalSubmissions.version, row.version))).returning({ id: portalSubmissions.id });
      if (!up.length) throw conflict(PORTAL_REFUSALS.applicationChangedMeanwhile);
      await recordAudit(tx, ctx.actor, { action: 'portal.application.accept', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, before: { status: row.status }, after: { status: 'accepted', dossierId, code } });
    },
  );
  const [after] = await db.select().from(portalSubmissions).where(eq(portalSubmissions.id, id));
  return presentForCounter(deps, ctx, after);
}

/**
 * The counter refuses a submitted application (not receivable; portal code 3) with a reason the applicant reads on
 * the portal and receives by e-mail and SMS (job `portal.notify-refusal`, queued in the same transaction).
 */
export async function refuseApplication(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ReasonBody>, now = new Date()) {
  const row = await loadForCounter(deps.database.db, ctx, id);
  checkVersion(row, body.version);
  if (row.status !== 'submitted') throw ruleViolated(PORTAL_REFUSALS.onlySubmittedRefused);
  const [after] = await deps.database.transaction(async (tx) => {
    const up = await tx.db.update(portalSubmissions).set({ status: 'refused', refusalReason: body.reason, decidedAt: now, decidedBy: ctx.actor.userId, version: row.version + 1, updatedAt: now }).where(and(eq(portalSubmissions.id, row.id), eq(portalSubmissions.version, row.version))).returning();
    if (!up.length) throw conflict(PORTAL_REFUSALS.applicationChangedMeanwhile);
    await recordAudit(tx, ctx.actor, { action: 'portal.application.refuse', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, before: { status: row.status }, after: { status: 'refused', reason: body.reason } });
    // The applicant is told (e-mail, SMS) by a job queued in this transaction: a rolled-back refusal sends nothing.
    if (deps.queue) await deps.queue.send(tx, REFUSAL_NOTICE_JOB, { submissionId: row.id, key: `refused:${row.id}:${up[0].version}` } satisfies RefusalNoticeData);
    return up;
  });
  return presentForCounter(deps, ctx, after);
}

/** The counter records that the fee was received (on the unit's account, by transfer or cash). Audited. */
export async function markPaid(deps: PortalDeps, ctx: Context, id: string, body: z.infer<typeof ActionBody>, now = new Date()) {
  const row = await loadForCounter(deps.database.db, ctx, id);
  checkVersion(row, body.version);
  if (row.feeAmount <= 0) throw ruleViolated(PORTAL_REFUSALS.noFee);
  if (row.paidAt) throw ruleViolated(PORTAL_REFUSALS.feeAlreadyReceived);
  if (row.status !== 'submitted' && row.status !== 'accepted') throw ruleViolated(PORTAL_REFUSALS.feeOnlyOpenApplication);
  const [after] = await deps.database.transaction(async (tx) => {
    const up = await tx.db.update(portalSubmissions).set({ paidAt: now, paidBy: ctx.actor.userId, version: row.version + 1, updatedAt: now }).where(and(eq(portalSubmissions.id, row.id), eq(portalSubmissions.version, row.version))).returning();
    if (!up.length) throw conflict(PORTAL_REFUSALS.applicationChangedMeanwhile);
    await recordAudit(tx, ctx.actor, { action: 'portal.payment.received', subjectType: 'portal_application', subjectId: row.id, unitId: row.receptionUnitId, after: { amount: row.feeAmount, dossierId: row.dossierId, note: body.note ?? null } });
    return up;
  });
  return presentForCounter(deps, ctx, after);
}

/** An uploaded file of an application, for the counter checking it. @throws NOT_FOUND, FORBIDDEN */
export async function readApplicationFileForCounter(deps: PortalDeps, ctx: Context, id: string, index: number) {
  const row = await loadForCounter(deps.database.db, ctx, id);
  const [f] = await deps.database.db.select().from(portalSubmissionFiles).where(and(eq(portalSubmissionFiles.submissionId, row.id), eq(portalSubmissionFiles.documentIndex, index)));
  if (!f) throw notFound('file');
  return { file: f, bytes: await deps.store.get(f.sha256) };
}

/**
 * The online application behind a dossier and its fee, for the dossier's detail page (whoever may read the dossier).
 * Null for a dossier not filed through the portal. @throws NOT_FOUND when the caller may not read the dossier.
 */
export async function applicationOfDossier(deps: PortalDeps, ctx: Context, dossierId: string) {
  await getDossierDetail(deps, ctx, dossierId, { recordAccess: false });
  const [row] = await deps.database.db.select().from(portalSubmissions).where(eq(portalSubmissions.dossierId, dossierId));
  if (!row) return { application: null };
  const receive = await ctx.scope('dossiers.receive');
  return { application: { id: row.id, feeAmount: row.feeAmount, paid: row.paidAt !== null, paidAt: iso(row.paidAt), version: row.version, eIdVerified: row.eIdVerified, canMarkPaid: row.feeAmount > 0 && !row.paidAt && receive.covers(row.receptionUnitId) } };
}

// ---- Officials signing in through the identity provider (OIDC_ALLOW_OFFICIALS) ----

/**
 * Records (or clears, with null) the ID number by which an official's account is linked at their first sign-in
 * through the provider. Takes effect only while OIDC_ALLOW_OFFICIALS is on. Audited.
 * @throws NOT_FOUND (account), VALIDATION_FAILED (a citizen account), CONFLICT (number used by another account)
 */
export async function setOfficialIdNumber(database: Database, ctx: Context, userId: string, idNumber: string | null) {
  const db = database.db;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('account');
  const grants = await db.select({ role: roleGrants.role, unitId: roleGrants.unitId }).from(roleGrants).where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  const official = grants.filter((g) => g.role !== 'citizen');
  if (official.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'not an official account', fields: [{ field: 'userId', code: 'not_official', message: msg('Không phải tài khoản cán bộ', 'Not an official’s account', "Ce n'est pas un compte d'agent") }] });
  const scope = await ctx.scope('accounts.write');
  if (!official.every((g) => scope.covers(g.unitId) || scope.all)) throw new AppError('FORBIDDEN', { detail: PORTAL_REFUSALS.rolesOutsideYourUnits });
  return database.transaction(async (tx) => {
    const [old] = await tx.db.select().from(portalOfficialIds).where(eq(portalOfficialIds.userId, userId));
    if (idNumber) {
      const [taken] = await tx.db.select().from(portalOfficialIds).where(eq(portalOfficialIds.idNumber, idNumber));
      if (taken && taken.userId !== userId) throw conflict(PORTAL_REFUSALS.idNumberTaken);
      if (old) await tx.db.update(portalOfficialIds).set({ idNumber }).where(eq(portalOfficialIds.userId, userId));
      else await tx.db.insert(portalOfficialIds).values({ userId, idNumber });
    } else if (old) await tx.db.delete(portalOfficialIds).where(eq(portalOfficialIds.userId, userId));
    await recordAudit(tx, ctx.actor, { action: 'portal.official_id.set', subjectType: 'user', subjectId: userId, before: old ? { idNumber: old.idNumber } : null, after: { idNumber } });
    return { userId, idNumber };
  });
}

// ---- Payment accounts ----

const bankNameOf = (bin: string) => Object.values(BanksObject).find((b) => b.bin === bin)?.shortName ?? null;

/** Banks that take VietQR transfers, by short name. */
export function vietQrBanks() {
  return Object.values(BanksObject)
    .filter((b) => b.vietQRStatus === 1 && b.bin)
    .map((b) => ({ bin: b.bin, name: `${b.shortName} — ${b.name}` }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function listPaymentAccounts(db: Db, ctx: Context) {
  const scope = await ctx.scope('units.write');
  const rows = await db.select().from(portalPaymentAccounts);
  const visible = rows.filter((r) => scope.covers(r.unitId));
  const names = await unitNames(db, visible.map((r) => r.unitId));
  return visible.map((r) => ({ unitId: r.unitId, unitName: names.get(r.unitId) ?? null, bankBin: r.bankBin, bankName: r.bankName, accountNumber: r.accountNumber, accountName: r.accountName, version: r.version }));
}

/** Sets a unit's fee account (version 0 = create). @throws VALIDATION_FAILED for an unknown bank code, CONFLICT for a stale version. */
export async function putPaymentAccount(database: Database, ctx: Context, unitId: string, body: z.infer<typeof PaymentAccountBody>) {
  await ctx.requireUnit('units.write', unitId);
  const bankName = bankNameOf(body.bankBin);
  if (!bankName) throw new AppError('VALIDATION_FAILED', { detail: 'unknown bank code', fields: [{ field: 'bankBin', code: 'unknown_bank', message: msg('Mã ngân hàng (BIN) không có trong danh sách VietQR', 'This bank code (BIN) is not a VietQR bank', "Ce code banque (BIN) n'est pas une banque VietQR") }] });
  const accountName = searchNorm(body.accountName).toUpperCase().replace(/[^A-Z0-9 ]/g, '').trim() || body.accountName;
  return database.transaction(async (tx) => {
    const [old] = await tx.db.select().from(portalPaymentAccounts).where(eq(portalPaymentAccounts.unitId, unitId));
    if ((old?.version ?? 0) !== body.version) throw conflict(PORTAL_REFUSALS.stalePaymentAccount, { current: old?.version ?? 0, sent: body.version });
    const values = { bankBin: body.bankBin, bankName, accountNumber: body.accountNumber, accountName, updatedAt: new Date() };
    const [row] = old
      ? await tx.db.update(portalPaymentAccounts).set({ ...values, version: old.version + 1 }).where(eq(portalPaymentAccounts.unitId, unitId)).returning()
      : await tx.db.insert(portalPaymentAccounts).values({ unitId, ...values }).returning();
    await recordAudit(tx, ctx.actor, { action: 'portal.payment_account.put', subjectType: 'unit', subjectId: unitId, unitId, before: old ? { bankBin: old.bankBin, accountNumber: old.accountNumber, accountName: old.accountName } : null, after: { bankBin: row.bankBin, accountNumber: row.accountNumber, accountName: row.accountName } });
    const [u] = await tx.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    return { unitId, unitName: u?.name ?? null, bankBin: row.bankBin, bankName: row.bankName, accountNumber: row.accountNumber, accountName: row.accountName, version: row.version };
  });
}

/** Demo fee accounts for the demo communes' units (made-up numbers at real VietQR banks). Skips units that have one. */
export async function seedDemoPaymentAccounts(db: Db): Promise<number> {
  const communes = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.kind, 'commune'));
  let made = 0;
  for (const [i, u] of communes.entries()) {
    const [has] = await db.select({ unitId: portalPaymentAccounts.unitId }).from(portalPaymentAccounts).where(eq(portalPaymentAccounts.unitId, u.id));
    if (has) continue;
    const digits = createHash('sha256').update(u.id).digest().readUInt32BE(0).toString().padStart(10, '0').slice(0, 10);
    const bank = i % 2 === 0 ? BanksObject.vietinbank : BanksObject.agribank;
    await db.insert(portalPaymentAccounts).values({ unitId: u.id, bankBin: bank.bin, bankName: bank.shortName, accountNumber: `1${digits}`, accountName: searchNorm(`UBND ${u.name}`).toUpperCase().replace(/[^A-Z0-9 ]/g, '').slice(0, 100) });
    made++;
  }
  return made;
}
