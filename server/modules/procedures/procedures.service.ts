import type { z } from 'zod';
import type { CreateProcedureBody, ListProceduresQuery, ProcedureContentDto, UpdateProcedureBody } from '../../../contracts/procedures.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { displayDate, todayVn } from '../../platform/clock.ts';
import { AppError, conflict, notFound, ruleViolated } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  bumpProcedureVersion,
  findProcedure,
  findProceduresByCodes,
  findVersionById,
  findVersionInForce,
  findVersions,
  insertProcedure,
  insertVersions,
  lockProcedure,
  searchVersions,
  unitNames,
  type ProcedureRow,
  type VersionRow,
} from './procedures.repository.ts';
import { PROCEDURE_REFUSALS as R } from './procedures.messages.ts';
import type { VersionOp } from './procedures.schema.ts';
import { applyPatch, byEffective, changedFields, inForceOn, pickContent, planRebase, sameContent, scheduledAfter, type ProcedureContent } from './procedures.versions.ts';

/** A version as the API shows it. */
export function presentVersion(r: VersionRow) {
  return {
    ...pickContent(r as unknown as Record<string, unknown>),
    id: r.id,
    procedureId: r.procedureId,
    versionNo: r.versionNo,
    effectiveFrom: r.effectiveFrom,
    changeNote: r.changeNote,
    source: r.op.kind,
    proposalId: r.proposalId,
    createdAt: r.createdAt.toISOString(),
  } as ProcedureContent & { id: string; procedureId: string; versionNo: number; effectiveFrom: string; changeNote: string | null; source: string; proposalId: string | null; createdAt: string };
}
export type ProcedureVersion = ReturnType<typeof presentVersion>;

function presentSummary(r: VersionRow & { isDemo: boolean }) {
  return {
    id: r.procedureId,
    code: r.code,
    ownerUnitId: r.ownerUnitId,
    versionNo: r.versionNo,
    effectiveFrom: r.effectiveFrom,
    nationalCode: r.nationalCode,
    nationalCodeUnconfirmed: r.nationalCodeUnconfirmed,
    name: r.name,
    field: r.field as ProcedureContent['field'],
    authorityLevel: r.authorityLevel as ProcedureContent['authorityLevel'],
    implementingUnitIds: r.implementingUnitIds,
    processingTime: r.processingTime,
    processingTimeOnline: r.processingTimeOnline ?? null,
    onlineLevel: r.onlineLevel as ProcedureContent['onlineLevel'],
    status: r.status as ProcedureContent['status'],
    documentCount: r.documents.length,
    feeTotal: r.fees.reduce((a, f) => a + f.amount, 0),
    isDemo: r.isDemo,
  };
}

/** The public catalogue: versions in force on `asOf` (today by default) matching the filters, one page. */
export async function searchProcedures(db: Db, q: z.infer<typeof ListProceduresQuery>) {
  const { total, rows } = await searchVersions(db, { ...q, asOf: q.asOf ?? todayVn() });
  return { total, items: rows.map(presentSummary) };
}

async function presentDetail(db: Db, proc: ProcedureRow, shown: VersionRow, versions: VersionRow[], today: string) {
  const names = await unitNames(db, [proc.ownerUnitId, ...shown.implementingUnitIds]);
  return {
    ...presentVersion(shown),
    id: proc.id,
    versionId: shown.id,
    code: proc.code,
    ownerUnit: { id: proc.ownerUnitId, name: names.get(proc.ownerUnitId) ?? '' },
    implementingUnits: shown.implementingUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    isDemo: proc.isDemo,
    version: proc.version,
    inForce: shown.effectiveFrom <= today && inForceOn(versions, today)?.id === shown.id,
    scheduled: scheduledAfter(versions, today).map((s) => ({ versionNo: s.versionNo, effectiveFrom: s.effectiveFrom, source: s.op.kind })),
  };
}
export type ProcedureDetail = Awaited<ReturnType<typeof presentDetail>>;

/**
 * A procedure as in force on `asOf` (today by default) with its units and the versions scheduled after today.
 * A procedure whose first version starts later is shown in that first version. Throws NOT_FOUND.
 */
export async function getProcedure(db: Db, id: string, asOf?: string): Promise<ProcedureDetail> {
  const proc = await findProcedure(db, id);
  if (!proc) throw notFound('procedure');
  const versions = await findVersions(db, id);
  const date = asOf ?? todayVn();
  const shown = inForceOn(versions, date) ?? [...versions].sort(byEffective)[0];
  return presentDetail(db, proc, shown, versions, todayVn());
}

/** The history: every version with what it changed against the previous number. Throws NOT_FOUND. */
export async function listVersions(db: Db, id: string) {
  const proc = await findProcedure(db, id);
  if (!proc) throw notFound('procedure');
  const versions = await findVersions(db, id);
  const current = inForceOn(versions, todayVn());
  return versions
    .map((r, i) => ({
      id: r.id,
      versionNo: r.versionNo,
      effectiveFrom: r.effectiveFrom,
      source: r.op.kind,
      changeNote: r.changeNote,
      proposalId: r.proposalId,
      createdAt: r.createdAt.toISOString(),
      inForce: current?.id === r.id,
      changedFields: i === 0 ? [] : changedFields(pickContent(versions[i - 1] as never), pickContent(r as never)),
    }))
    .reverse();
}

/** One version by number. Throws NOT_FOUND. */
export async function getVersion(db: Db, id: string, versionNo: number): Promise<ProcedureVersion> {
  const row = (await findVersions(db, id)).find((r) => r.versionNo === versionNo);
  if (!row) throw notFound('procedure version');
  return presentVersion(row);
}

/**
 * The version of a procedure in force at a moment (its Vietnamese calendar date), for the dossier module: a
 * dossier stores the returned `id` at receipt and reads that version ever after (`getProcedureVersionById`).
 * Throws NOT_FOUND when the procedure does not exist or did not yet apply then. The caller decides what a
 * `suspended` or `abolished` status means for it (a dossier cannot be received under either).
 */
export async function getProcedureVersionInForce(db: Db, procedureId: string, at: Date): Promise<ProcedureVersion> {
  const row = await findVersionInForce(db, procedureId, todayVn(at));
  if (!row) throw notFound('procedure version in force');
  return presentVersion(row);
}

/** A version by its id (what a dossier keeps). Throws NOT_FOUND. */
export async function getProcedureVersionById(db: Db, versionId: string): Promise<ProcedureVersion> {
  const row = await findVersionById(db, versionId);
  if (!row) throw notFound('procedure version');
  return presentVersion(row);
}

const fieldError = (field: string, code: string, vi: string, en: string, fr: string) =>
  new AppError('VALIDATION_FAILED', { detail: en, fields: [{ field, code, message: { vi, en, fr } }] });

/** Throws VALIDATION_FAILED on `implementingUnitIds` when a unit does not exist. */
export async function checkUnitsExist(db: Db, ids: string[], field = 'implementingUnitIds'): Promise<void> {
  const names = await unitNames(db, ids);
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length) throw fieldError(field, 'not_found', `Không có đơn vị ${missing.join(', ')}`, `No unit ${missing.join(', ')}`, `Aucune unité ${missing.join(', ')}`);
}

const versionValues = (proc: ProcedureRow, no: number, effectiveFrom: string, content: ProcedureContent, op: VersionOp, extra: { changeNote?: string | null; proposalId?: string | null; createdBy: string | null }) => ({
  ...content,
  procedureId: proc.id,
  ownerUnitId: proc.ownerUnitId,
  code: proc.code,
  versionNo: no,
  effectiveFrom,
  op,
  changeNote: extra.changeNote ?? null,
  proposalId: extra.proposalId ?? null,
  createdBy: extra.createdBy,
});

export interface NewVersion {
  effectiveFrom: string;
  content: ProcedureContent;
  op: VersionOp;
  changeNote?: string | null;
  proposalId?: string | null;
}

/**
 * Appends a version inside `tx` (the procedure row must be locked by the caller), re-applies the versions scheduled
 * after it (see procedures.versions.ts), and moves the lock counter. Throws CONFLICT when `expectedVersion` is stale.
 */
export async function appendVersion(tx: Tx, proc: ProcedureRow, expectedVersion: number, n: NewVersion, createdBy: string | null): Promise<{ version: VersionRow; rebased: VersionRow[] }> {
  if (proc.version !== expectedVersion) throw conflict(R.staleProcedure, { code: proc.code, current: proc.version, sent: expectedVersion });
  const existing = await findVersions(tx.db, proc.id);
  const head = Math.max(...existing.map((r) => r.versionNo));
  const [inserted] = await insertVersions(tx.db, [versionValues(proc, head + 1, n.effectiveFrom, n.content, n.op, { ...n, createdBy })]);
  const all = [...existing, inserted].map((r) => ({ versionNo: r.versionNo, effectiveFrom: r.effectiveFrom, op: r.op, content: pickContent(r as never) }));
  const plan = planRebase(all, n.effectiveFrom);
  const rebased = await insertVersions(
    tx.db,
    plan.map((p, i) => versionValues(proc, head + 2 + i, p.effectiveFrom, p.content, { kind: 'rebase', of: p.of }, { changeNote: `Re-applied over version ${head + 1}`, createdBy })),
  );
  const last = head + 1 + rebased.length;
  if (!(await bumpProcedureVersion(tx.db, proc.id, expectedVersion, last))) throw conflict(R.procedureChanged, { code: proc.code });
  proc.version = last;
  return { version: inserted, rebased };
}

/** Creates the procedure row and its version 1 inside `tx` (no checks: callers check rights and units). */
export async function insertNewProcedure(
  tx: Tx,
  input: { ownerUnitId: string; code: string; isDemo?: boolean; effectiveFrom: string; content: ProcedureContent; op: VersionOp; changeNote?: string | null },
  createdBy: string | null,
): Promise<{ procedure: ProcedureRow; version: VersionRow }> {
  const [dup] = await findProceduresByCodes(tx.db, input.ownerUnitId, [input.code]);
  if (dup) throw conflict(R.codeTaken, { code: input.code });
  const proc = await insertProcedure(tx.db, { ownerUnitId: input.ownerUnitId, code: input.code, isDemo: input.isDemo ?? false, version: 1 });
  const [version] = await insertVersions(tx.db, [versionValues(proc, 1, input.effectiveFrom, input.content, input.op, { changeNote: input.changeNote, createdBy })]);
  return { procedure: proc, version };
}

/** Creates a procedure in a catalogue the caller edits (procedures.write on the owner unit). */
export async function createProcedure(database: Database, ctx: Context, input: z.infer<typeof CreateProcedureBody>): Promise<ProcedureDetail> {
  await ctx.requireUnit('procedures.write', input.ownerUnitId);
  const { ownerUnitId, code, effectiveFrom, changeNote, ...rest } = input;
  const content = pickContent(rest as never);
  await checkUnitsExist(database.db, content.implementingUnitIds);
  const created = await database.transaction(async (tx) => {
    const r = await insertNewProcedure(tx, { ownerUnitId, code, effectiveFrom, content, op: { kind: 'create' }, changeNote }, ctx.actor.userId);
    await recordAudit(tx, ctx.actor, { action: 'procedure.create', subjectType: 'procedure', subjectId: r.procedure.id, unitId: ownerUnitId, after: { code, versionNo: 1, effectiveFrom, ...content } });
    return r;
  });
  return presentDetail(database.db, created.procedure, created.version, [created.version], todayVn());
}

/**
 * Changes a procedure: the fields sent are applied to the version in force on `effectiveFrom` (default today) and
 * the result is a new version from that date; versions scheduled later are re-applied on top. Send the `version`
 * you read (409 when stale). A change that changes nothing records nothing.
 */
export async function updateProcedure(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateProcedureBody>): Promise<ProcedureDetail> {
  const current = await findProcedure(database.db, id);
  if (!current) throw notFound('procedure');
  await ctx.requireUnit('procedures.write', current.ownerUnitId);
  const { version, effectiveFrom: from, changeNote, ...fields } = input;
  const effectiveFrom = from ?? todayVn();
  if (fields.implementingUnitIds) await checkUnitsExist(database.db, fields.implementingUnitIds);
  const result = await database.transaction(async (tx) => {
    const proc = (await lockProcedure(tx.db, id))!;
    if (proc.version !== version) throw conflict(R.staleProcedure, { code: proc.code, current: proc.version, sent: version });
    const versions = await findVersions(tx.db, id);
    const base = inForceOn(versions, effectiveFrom);
    if (!base) throw ruleViolated(R.beforeProcedureExisted, { date: displayDate(effectiveFrom) });
    const baseContent = pickContent(base as never);
    const content = applyPatch(baseContent, fields as Partial<ProcedureContentDto>);
    if (sameContent(content, baseContent)) return { proc, shown: base, versions };
    const { version: row, rebased } = await appendVersion(tx, proc, version, { effectiveFrom, content, op: { kind: 'edit', fields: fields as Partial<ProcedureContentDto> }, changeNote }, ctx.actor.userId);
    const changed = changedFields(baseContent, content);
    await recordAudit(tx, ctx.actor, {
      action: 'procedure.version',
      subjectType: 'procedure',
      subjectId: id,
      unitId: proc.ownerUnitId,
      before: { versionNo: base.versionNo, ...Object.fromEntries(changed.map((k) => [k, baseContent[k]])) },
      after: { versionNo: row.versionNo, effectiveFrom, rebased: rebased.map((r) => r.versionNo), ...Object.fromEntries(changed.map((k) => [k, content[k]])) },
    });
    return { proc, shown: row, versions: [...versions, row, ...rebased] };
  });
  return presentDetail(database.db, result.proc, result.shown, result.versions, todayVn());
}
