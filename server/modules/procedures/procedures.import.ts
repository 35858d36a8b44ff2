/**
 * Excel import and export of a unit's catalogue (layout in procedures.excel.ts and docs/procedures-excel.md).
 * Import is all-or-nothing: every row and cell is checked first, every error is reported with its sheet, row and
 * column, and only a clean workbook is written, in one transaction.
 */
import type { z } from 'zod';
import type { ExportProceduresQuery } from '../../../contracts/procedures.ts';
import type { Database, Db } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { searchNorm } from '../../platform/text.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cellErrorsToFields, parseProcedureWorkbook, writeProcedureWorkbook, type CellError, type UnitResolver } from './procedures.excel.ts';
import { allUnitsBrief, allVersionsInForce, findProceduresByCodes, findVersionsOf, lockProcedure, unitNames } from './procedures.repository.ts';
import { appendVersion, insertNewProcedure } from './procedures.service.ts';
import { changedFields, inForceOn, pickContent, type ProcedureContent } from './procedures.versions.ts';

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Resolves a unit cell line: a UUID anywhere on the line, else an e-ID code, administrative code or unique exact name. */
export async function makeUnitResolver(db: Db): Promise<UnitResolver> {
  const all = await allUnitsBrief(db);
  const byId = new Set(all.map((u) => u.id));
  return (text) => {
    const m = UUID_RE.exec(text);
    if (m) {
      const id = m[0].toLowerCase();
      return byId.has(id) ? { id } : { error: { vi: `không có đơn vị ${id}`, en: `no unit ${id}`, fr: `aucune unité ${id}` } };
    }
    const n = searchNorm(text).trim();
    const hits = all.filter((u) => u.code === text || u.adminCode === text || searchNorm(u.name) === n);
    // A name shared by a closed unit and its successor means the one still valid.
    const open = hits.filter((u) => u.validTo === null);
    const pick = hits.length === 1 ? hits : open.length === 1 ? open : hits;
    if (pick.length === 1) return { id: pick[0].id };
    if (pick.length === 0) return { error: { vi: `không tìm thấy đơn vị "${text}"`, en: `no unit "${text}"`, fr: `aucune unité « ${text} »` } };
    return { error: { vi: `nhiều đơn vị tên "${text}"; ghi mã hoặc id`, en: `several units are named "${text}"; give a code or id`, fr: `plusieurs unités « ${text} » ; indiquez un code ou un id` } };
  };
}

/** Exports the versions in force on `asOf` (today by default) matching the filter as an .xlsx buffer. */
export async function exportProcedures(db: Db, q: z.infer<typeof ExportProceduresQuery>): Promise<Buffer> {
  const rows = await allVersionsInForce(db, { ...q, asOf: q.asOf ?? todayVn() });
  const names = await unitNames(db, rows.flatMap((r) => r.implementingUnitIds));
  return writeProcedureWorkbook(
    rows.map((r) => ({ code: r.code, effectiveFrom: r.effectiveFrom, changeNote: null, content: pickContent(r as never) })),
    (id) => names.get(id) ?? '',
  );
}

export interface ImportOutcome {
  dryRun: boolean;
  created: number;
  versioned: number;
  unchanged: number;
  rows: Array<{ row: number; code: string; outcome: 'created' | 'versioned' | 'unchanged'; procedureId: string | null; versionNo: number | null }>;
}

const tooMany = (errors: CellError[]) => errors.slice(0, 500);

/**
 * Imports a workbook into the catalogue of `ownerUnitId`: a new code creates a procedure; a known code whose row
 * differs from the version in force on the row's date becomes a new version from that date; an identical row
 * changes nothing. Throws VALIDATION_FAILED listing every bad cell as `Sheet!C12`; nothing is written then.
 */
export async function importProcedures(database: Database, ctx: Context, ownerUnitId: string, buffer: Buffer, dryRun: boolean): Promise<ImportOutcome> {
  await ctx.requireUnit('procedures.write', ownerUnitId);
  const today = todayVn();
  const parsed = await parseProcedureWorkbook(buffer, await makeUnitResolver(database.db), today);
  if (parsed.errors.length) {
    throw new AppError('VALIDATION_FAILED', { detail: `${parsed.errors.length} invalid cell(s); nothing imported`, fields: cellErrorsToFields(tooMany(parsed.errors)) });
  }
  if (parsed.rows.length === 0) {
    throw new AppError('VALIDATION_FAILED', { detail: 'the workbook has no procedure row', fields: [{ field: 'ThuTuc!A2', code: 'empty', message: { vi: 'Sheet ThuTuc không có dòng nào', en: 'Sheet ThuTuc has no row', fr: "La feuille ThuTuc n'a aucune ligne" } }] });
  }

  return database.transaction(async (tx) => {
    // Everything is read and decided inside the transaction, so a concurrent edit cannot slip between check and write.
    const existing = new Map((await findProceduresByCodes(tx.db, ownerUnitId, parsed.rows.map((r) => r.code))).map((p) => [p.code, p]));
    const versionsOf = await findVersionsOf(tx.db, [...existing.values()].map((p) => p.id));
    const errors: CellError[] = [];
    const plan = parsed.rows.map((r) => {
      const proc = existing.get(r.code);
      if (!proc) return { r, kind: 'created' as const };
      const versions = versionsOf.get(proc.id) ?? [];
      const base = inForceOn(versions, r.effectiveFrom);
      if (!base) {
        errors.push({ sheet: 'ThuTuc', row: r.row, col: 'T', header: 'Ngày hiệu lực', message: { vi: 'trước ngày hiệu lực của phiên bản đầu tiên', en: 'before the first version of the procedure', fr: 'antérieure à la première version' } });
        return { r, kind: 'unchanged' as const };
      }
      const baseContent = pickContent(base as never);
      const changed = changedFields(baseContent, r.content);
      return changed.length === 0 ? { r, kind: 'unchanged' as const, proc, base } : { r, kind: 'versioned' as const, proc, baseContent, changed };
    });
    if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: `${errors.length} invalid cell(s); nothing imported`, fields: cellErrorsToFields(errors) });

    const outcome: ImportOutcome = { dryRun, created: 0, versioned: 0, unchanged: 0, rows: [] };
    for (const p of plan) {
      if (p.kind === 'unchanged') {
        outcome.unchanged++;
        outcome.rows.push({ row: p.r.row, code: p.r.code, outcome: 'unchanged', procedureId: p.proc?.id ?? null, versionNo: p.base?.versionNo ?? null });
        continue;
      }
      if (dryRun) {
        outcome[p.kind]++;
        outcome.rows.push({ row: p.r.row, code: p.r.code, outcome: p.kind, procedureId: p.kind === 'versioned' ? p.proc.id : null, versionNo: null });
        continue;
      }
      if (p.kind === 'created') {
        const { procedure } = await insertNewProcedure(tx, { ownerUnitId, code: p.r.code, effectiveFrom: p.r.effectiveFrom, content: p.r.content, op: { kind: 'import', fields: p.r.content }, changeNote: p.r.changeNote }, ctx.actor.userId);
        await recordAudit(tx, ctx.actor, { action: 'procedure.create', subjectType: 'procedure', subjectId: procedure.id, unitId: ownerUnitId, after: { code: p.r.code, versionNo: 1, effectiveFrom: p.r.effectiveFrom, source: 'import', row: p.r.row, ...p.r.content } });
        outcome.created++;
        outcome.rows.push({ row: p.r.row, code: p.r.code, outcome: 'created', procedureId: procedure.id, versionNo: 1 });
      } else {
        const proc = (await lockProcedure(tx.db, p.proc.id))!;
        const fields = Object.fromEntries(p.changed.map((k) => [k, p.r.content[k]])) as Partial<ProcedureContent>;
        const { version, rebased } = await appendVersion(tx, proc, proc.version, { effectiveFrom: p.r.effectiveFrom, content: p.r.content, op: { kind: 'import', fields }, changeNote: p.r.changeNote }, ctx.actor.userId);
        await recordAudit(tx, ctx.actor, {
          action: 'procedure.version',
          subjectType: 'procedure',
          subjectId: proc.id,
          unitId: ownerUnitId,
          before: { versionNo: p.proc.version, ...Object.fromEntries(p.changed.map((k) => [k, p.baseContent[k]])) },
          after: { versionNo: version.versionNo, effectiveFrom: p.r.effectiveFrom, source: 'import', row: p.r.row, rebased: rebased.map((x) => x.versionNo), ...fields },
        });
        outcome.versioned++;
        outcome.rows.push({ row: p.r.row, code: p.r.code, outcome: 'versioned', procedureId: proc.id, versionNo: version.versionNo });
      }
    }
    return outcome;
  });
}
