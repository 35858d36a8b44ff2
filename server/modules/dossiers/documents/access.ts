/**
 * Guards shared by the slips and the scans: who may read a dossier (the dossier module's own policy), who may
 * digitise, and a way to run the dossier module's audited writers inside the caller's transaction.
 */
import type { Database, Tx } from '../../../db/client.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { canRead } from '../dossiers.policy.ts';
import { findDossierById, findStepsOf, type DossierRow } from '../dossiers.repository.ts';
import { policyScopes } from '../dossiers.service.ts';
import { DOSSIER_REFUSALS } from '../dossiers.messages.ts';

/**
 * The dossier, if the caller may read it (any of its three units or one of its steps' units lies in their
 * dossiers.read scope, as everywhere in the dossier module).
 * @throws NOT_FOUND when it does not exist or lies outside every unit the caller may read.
 */
export async function loadReadable(database: Database, ctx: Context, dossierId: string): Promise<DossierRow> {
  const row = await findDossierById(database.db, dossierId);
  if (!row) throw notFound('dossier');
  const [steps, scopes] = await Promise.all([findStepsOf(database.db, [dossierId]), policyScopes(ctx)]);
  if (!canRead(scopes, row, steps)) throw notFound('dossier');
  return row;
}

/**
 * Digitising (uploading scans, attaching a reused file) needs dossiers.receive at the reception point or
 * dossiers.process at the competent authority: the same rule as the dossier module's `markDocumentDigitised`.
 * Also warms the context's scope cache for both permissions, so that code running later inside a transaction
 * never queries outside it (PGlite has one connection: that would wait forever).
 * @throws FORBIDDEN
 */
export async function requireDigitiser(ctx: Context, d: Pick<DossierRow, 'receptionUnitId' | 'competentUnitId'>): Promise<void> {
  const [receive, process] = await Promise.all([ctx.scope('dossiers.receive'), ctx.scope('dossiers.process')]);
  if (!receive.covers(d.receptionUnitId) && !process.covers(d.competentUnitId)) {
    throw new AppError('FORBIDDEN', { detail: DOSSIER_REFUSALS.digitisingNeedsRole });
  }
}

/**
 * A `Database` whose queries and transactions run inside `tx`: lets a use case call the dossier module's audited
 * writers (which open their own transaction) as part of its own, so the file row, the digitised mark and both audit
 * rows commit or roll back together.
 */
export function joinTransaction(database: Database, tx: Tx): Database {
  return { ...database, db: tx.db, query: tx.query, transaction: <T>(fn: (t: Tx) => Promise<T>) => fn(tx) };
}

/** A read-everything context for a caller authenticated otherwise (the applicant's code + digits). Never for writes. */
export function applicantContext(actor: Context['actor']): Context {
  const all = { all: true, ids: new Set<string>(), covers: () => true };
  return { actor, principal: null, lang: 'vi', scope: async () => all, requireUnit: async () => undefined };
}
