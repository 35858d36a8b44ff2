/**
 * Entry points of the dossier module for online filing (the citizen portal, server/modules/portal/). An online
 * application waits for the counter's check outside this module (portal code 1, "Mới đăng ký"); when the counter
 * accepts it, it becomes an ordinary dossier with channel `online` — the same receipt, clock, steps and slips as a
 * counter dossier — and the applicant's uploaded files become its digitised documents, all in ONE transaction.
 * Afterwards the applicant acts on their dossier online (withdraw, answer a supplement request) through a context
 * limited to that dossier's reception point, so the state machine's own guards and audit apply unchanged.
 */
import type { z } from 'zod';
import type { ReasonBody, ReceiveDossierBody } from '../../../contracts/dossiers.ts';
import { eq } from 'drizzle-orm';
import { AppError, ruleViolated } from '../../platform/errors.ts';
import type { Tx } from '../../db/client.ts';
import type { FileStore } from '../../platform/files.ts';
import type { Context, Scope } from '../accounts/context.ts';
import type { Permission } from '../accounts/permissions.ts';
import { joinTransaction } from './documents/access.ts';
import { uploadDocumentFile, type DossierFileDto } from './documents/scans.service.ts';
import { receiveDossier } from './dossiers.receive.ts';
import { findDossierById } from './dossiers.repository.ts';
import { dossierDocuments } from './dossiers.schema.ts';
import { policyScopes, type DossierDeps } from './dossiers.service.ts';
import { supplementReceived, withdraw } from './dossiers.transitions.ts';
import { DOSSIER_DENIALS, DOSSIER_REFUSALS } from './dossiers.messages.ts';

/** A file the applicant attached online, already checked and kept in the content-addressed store. */
export interface OnlineFile {
  /** Position of the required document in the procedure version's list. */
  index: number;
  sha256: string;
  fileName: string | null;
}

/**
 * The counter accepts an online application: receives the dossier (channel `online`, every listed document
 * received) and attaches each uploaded file to its checklist line as a digitised scan, in one transaction with
 * the receipt's and the files' audit rows, and the caller's `within` writes. `ctx` is the counter officer's (dossiers.receive at the reception point).
 * @throws as receiveDossier (FORBIDDEN, RULE_VIOLATED, VALIDATION_FAILED…); RULE_VIOLATED when a required
 *   document is missing (an online dossier is never accepted incomplete: the counter refuses it instead).
 */
export async function receiveOnlineDossier(
  deps: DossierDeps & { store: FileStore; maxBytes: number },
  ctx: Context,
  input: z.infer<typeof ReceiveDossierBody>,
  files: OnlineFile[],
  now = new Date(),
  /** The caller's own writes (its application row, its audit), in the same transaction. */
  within?: (tx: Tx, dossierId: string, code: string) => Promise<void>,
) {
  // Warm every scope the receipt and the scans read, so nothing queries outside the transaction (PGlite has one connection).
  await Promise.all([policyScopes(ctx), ctx.scope('dossiers.receive'), ctx.scope('dossiers.process')]);
  const bytes = new Map<string, Uint8Array>();
  for (const f of files) if (!bytes.has(f.sha256)) bytes.set(f.sha256, await deps.store.get(f.sha256));
  return deps.database.transaction(async (tx) => {
    const database = joinTransaction(deps.database, tx);
    const result = await receiveDossier({ database, queue: deps.queue }, ctx, { ...input, channel: 'online' }, { now });
    if (result.outcome !== 'received') throw ruleViolated(DOSSIER_REFUSALS.onlineLacksDocument, { missing: input.documents.filter((d) => !d.received).length });
    const attached: DossierFileDto[] = [];
    for (const f of files) {
      const doc = result.dossier.documents.find((d) => d.index === f.index);
      if (!doc) continue;
      const r = await uploadDocumentFile({ database, store: deps.store, maxBytes: deps.maxBytes }, ctx, result.dossier.id, doc.id, async () => ({ bytes: bytes.get(f.sha256)!, fileName: f.fileName }), {}, now);
      attached.push(r.file);
    }
    if (within) await within(tx, result.dossier.id, result.dossier.code);
    return { dossier: result.dossier, files: attached };
  });
}

/**
 * The context in which the applicant acts on THEIR dossier online: the applicant as actor (audit), with the
 * reception point's receive/read rights on this one dossier only. The caller (the portal) must have established
 * that `ctx`'s user is the dossier's applicant.
 */
export function applicantActing(ctx: Context, receptionUnitId: string): Context {
  const only: Scope = { all: false, ids: new Set([receptionUnitId]), covers: (u) => u === receptionUnitId };
  const none: Scope = { all: false, ids: new Set(), covers: () => false };
  const granted: ReadonlySet<Permission> = new Set<Permission>(['dossiers.read', 'dossiers.receive']);
  return {
    ...ctx,
    scope: async (p) => (granted.has(p) ? only : none),
    requireUnit: async (p, u) => {
      if (!(granted.has(p) && u === receptionUnitId)) throw new AppError('FORBIDDEN', { detail: DOSSIER_REFUSALS.onlineNotGranted, params: { permission: p, unit: u ?? '' } });
    },
  };
}

async function receptionOf(deps: DossierDeps, id: string): Promise<string | null> {
  return (await findDossierById(deps.database.db, id))?.receptionUnitId ?? null;
}

/** The applicant withdraws their dossier online (status 7), through the ordinary transition. */
export async function withdrawByApplicant(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ReasonBody>, now = new Date()) {
  const unit = await receptionOf(deps, id);
  return withdraw(deps, unit ? applicantActing(ctx, unit) : ctx, id, body, { now });
}

/**
 * The applicant answers a supplement request online: each new file becomes a digitised scan of its checklist line,
 * then the supplement is recorded received — the clock resumes per the ledger's policy (shift or reset).
 * Files and transition are separate transactions: a refused transition (stale version, not awaiting) leaves the
 * scans attached, which the counter sees and which do no harm.
 */
export async function answerSupplementByApplicant(deps: DossierDeps & { store: FileStore; maxBytes: number }, ctx: Context, id: string, body: { version: number; note?: string | null }, files: OnlineFile[], now = new Date()) {
  const unit = await receptionOf(deps, id);
  const acting = unit ? applicantActing(ctx, unit) : ctx;
  const d = await findDossierById(deps.database.db, id);
  if (d && d.status !== 'awaiting_supplement') throw ruleViolated(DOSSIER_DENIALS.noSupplementAwaited, { status: d.status });
  const lines = d ? await deps.database.db.select({ id: dossierDocuments.id, idx: dossierDocuments.idx }).from(dossierDocuments).where(eq(dossierDocuments.dossierId, id)) : [];
  for (const f of files) {
    const doc = lines.find((l) => l.idx === f.index);
    if (!doc) continue;
    const bytes = await deps.store.get(f.sha256);
    await uploadDocumentFile({ database: deps.database, store: deps.store, maxBytes: deps.maxBytes }, acting, id, doc.id, async () => ({ bytes, fileName: f.fileName }), {}, now);
  }
  return supplementReceived(deps, acting, id, { version: body.version, note: body.note ?? null }, { now });
}
