/**
 * Pure rules of procedure versions: which version is in force on a date, how a change (an edit, an import row, an
 * approved proposal) turns one content into the next, and how later-dated versions are re-applied when a change
 * is inserted before them. No database here; the service feeds rows in and writes what comes out.
 *
 * Model. Versions are numbered 1, 2, 3 … in the order they are recorded and never updated. Each carries the date
 * from which it applies (`effectiveFrom`). The version in force on a date D is the one with the greatest
 * (effectiveFrom, versionNo) among those with effectiveFrom ≤ D. So an approved cut recorded today with an
 * effective date of 1 July is "scheduled": the catalogue shows the old content until 30 June and the new one from
 * 1 July, without any job having to run ("applied on read").
 *
 * Rebase. When a change is recorded with a date earlier than an already scheduled version (a typo fixed today
 * while a cut waits for 1 July), the scheduled version was computed from the old content and would silently drop
 * today's fix on 1 July. So every scheduled date after the new change is recomputed: the operations recorded for
 * that date (kept in `op` on each row) are re-applied, in order, on top of the content in force just before that
 * date, and the result is appended as a `rebase` version with the same effective date. Operations are "sets"
 * (set a time, remove a document by name, set a fee), so re-applying them is safe.
 */
import type { ProcedureContentDto, ProposalChangeDto } from '../../../contracts/procedures.ts';
import { AppError, ruleViolated } from '../../platform/errors.ts';
import { ONLINE_RANK } from './procedures.kinds.ts';
import { PROCEDURE_REFUSALS as R } from './procedures.messages.ts';
import type { VersionOp } from './procedures.schema.ts';

export type ProcedureContent = ProcedureContentDto;

/** The content fields, in a stable order (also the order of the Excel columns that hold them). */
export const CONTENT_KEYS = [
  'nationalCode',
  'nationalCodeUnconfirmed',
  'name',
  'nameEn',
  'nameFr',
  'field',
  'authorityLevel',
  'implementingUnitIds',
  'legalBases',
  'decisionRef',
  'processingTime',
  'processingTimeOnline',
  'steps',
  'documents',
  'fees',
  'onlineLevel',
  'resultType',
  'resultDigitised',
  'status',
] as const satisfies ReadonlyArray<keyof ProcedureContent>;

/** The minimum a version row needs for these rules. */
export interface VersionLike {
  versionNo: number;
  effectiveFrom: string;
  op: VersionOp;
  content: ProcedureContent;
}

/** Picks the content fields out of a row (drops ids, dates, search text …). */
export function pickContent(row: Record<string, unknown>): ProcedureContent {
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) out[k] = row[k] ?? (k === 'nationalCodeUnconfirmed' || k === 'resultDigitised' ? false : null);
  return out as unknown as ProcedureContent;
}

/** Stable JSON for comparisons (object keys sorted). */
function stable(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Top-level content fields whose values differ. */
export type ContentKey = (typeof CONTENT_KEYS)[number];
export function changedFields(a: ProcedureContent, b: ProcedureContent): ContentKey[] {
  return CONTENT_KEYS.filter((k) => stable(a[k]) !== stable(b[k]));
}

export const sameContent = (a: ProcedureContent, b: ProcedureContent) => changedFields(a, b).length === 0;

/** Orders versions by (effectiveFrom, versionNo). */
export const byEffective = <T extends { effectiveFrom: string; versionNo: number }>(a: T, b: T) =>
  a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.versionNo - b.versionNo;

/** The version in force on `date` ('YYYY-MM-DD'), or undefined when the procedure did not yet apply. */
export function inForceOn<T extends { effectiveFrom: string; versionNo: number }>(versions: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) if (v.effectiveFrom <= date && (!best || byEffective(v, best) > 0)) best = v;
  return best;
}

/** Versions recorded with an effective date after `date` and that will be in force on their date. */
export function scheduledAfter<T extends { effectiveFrom: string; versionNo: number }>(versions: readonly T[], date: string): T[] {
  const dates = [...new Set(versions.filter((v) => v.effectiveFrom > date).map((v) => v.effectiveFrom))].sort();
  return dates.map((d) => inForceOn(versions, d)!);
}

/** Applies a field patch (only the fields present change). */
export function applyPatch(content: ProcedureContent, fields: Partial<ProcedureContent>): ProcedureContent {
  const out = { ...content } as Record<string, unknown>;
  for (const k of CONTENT_KEYS) if (fields[k] !== undefined) out[k] = structuredClone(fields[k]);
  return out as unknown as ProcedureContent;
}

const invalidChange = (field: string, vi: string, en: string, fr: string) =>
  new AppError('VALIDATION_FAILED', { detail: en, fields: [{ field, code: 'not_applicable', message: { vi, en, fr } }] });

/** Working days of a duration, for comparisons (8 working hours = 1 working day; 7 calendar days ≈ 5 working days). */
export function durationInWorkingDays(d: { value: number; unit: string }): number {
  if (d.unit === 'working_hour') return d.value / 8;
  if (d.unit === 'day') return (d.value * 5) / 7;
  return d.value;
}

/**
 * Checks that a proposal's change applies to `content` and really simplifies it; throws VALIDATION_FAILED naming
 * the field, or RULE_VIOLATED when the change would not be a simplification.
 */
export function checkProposalChange(content: ProcedureContent, change: ProposalChangeDto, procedureId: string): void {
  switch (change.kind) {
    case 'cut_time': {
      if (durationInWorkingDays(change.processingTime) > durationInWorkingDays(content.processingTime)) {
        throw ruleViolated(R.longerTime);
      }
      const currentOnline = content.processingTimeOnline ?? content.processingTime;
      if (change.processingTimeOnline && durationInWorkingDays(change.processingTimeOnline) > durationInWorkingDays(currentOnline)) {
        throw ruleViolated(R.longerOnlineTime);
      }
      return;
    }
    case 'drop_document':
      if (!content.documents.some((d) => d.name === change.documentName)) {
        throw invalidChange('change.documentName', 'Thủ tục không có thành phần hồ sơ này', 'The procedure has no document of that name', "La procédure n'a pas de pièce de ce nom");
      }
      return;
    case 'cut_fee': {
      const fee = content.fees.find((f) => f.name === change.feeName);
      if (!fee) throw invalidChange('change.feeName', 'Thủ tục không có khoản phí này', 'The procedure has no fee of that name', "La procédure n'a pas de droit de ce nom");
      if (change.amount > fee.amount) throw ruleViolated(R.higherFee);
      return;
    }
    case 'move_online':
      if (ONLINE_RANK[change.onlineLevel] <= ONLINE_RANK[content.onlineLevel]) throw ruleViolated(R.alreadyOnline);
      return;
    case 'merge':
      if (change.intoProcedureId === procedureId) throw ruleViolated(R.mergeIntoItself);
      if (content.status === 'abolished') throw ruleViolated(R.alreadyAbolished);
      return;
    case 'abolish':
      if (content.status === 'abolished') throw ruleViolated(R.alreadyAbolished);
      return;
  }
}

/** The content after an approved proposal. Idempotent: applying it twice gives the same content. */
export function applyProposalChange(content: ProcedureContent, change: ProposalChangeDto): ProcedureContent {
  const c = structuredClone(content);
  switch (change.kind) {
    case 'cut_time':
      c.processingTime = { ...change.processingTime };
      if (change.processingTimeOnline !== undefined) c.processingTimeOnline = change.processingTimeOnline ? { ...change.processingTimeOnline } : null;
      else if (c.processingTimeOnline && durationInWorkingDays(c.processingTimeOnline) > durationInWorkingDays(c.processingTime)) {
        // Online is never slower than the counter: a cut below the online time brings the online time down too.
        c.processingTimeOnline = { ...c.processingTime };
      }
      return c;
    case 'drop_document':
      c.documents = c.documents.filter((d) => d.name !== change.documentName);
      return c;
    case 'cut_fee':
      c.fees = c.fees.map((f) => (f.name === change.feeName ? { ...f, amount: change.amount } : f));
      return c;
    case 'move_online':
      if (ONLINE_RANK[change.onlineLevel] > ONLINE_RANK[c.onlineLevel]) c.onlineLevel = change.onlineLevel;
      return c;
    case 'merge':
    case 'abolish':
      c.status = 'abolished';
      return c;
  }
}

/** Re-applies one recorded operation on a new base. `create`/`seed`/`rebase` rows carry no operation to replay. */
export function replayOp(base: ProcedureContent, op: VersionOp): ProcedureContent {
  switch (op.kind) {
    case 'edit':
    case 'import':
      return applyPatch(base, op.fields);
    case 'proposal':
      return applyProposalChange(base, op.change);
    default:
      return base;
  }
}

/**
 * After a version dated `insertedFrom` is added to `versions`, computes the versions to append so that every
 * later effective date still carries its own changes on top of the new one. Returns them in order, each with the
 * version numbers whose operations it replays; they get version numbers after the current maximum.
 */
export function planRebase(versions: readonly VersionLike[], insertedFrom: string): Array<{ effectiveFrom: string; content: ProcedureContent; of: number[] }> {
  const working: VersionLike[] = [...versions];
  let nextNo = Math.max(...versions.map((v) => v.versionNo)) + 1;
  const out: Array<{ effectiveFrom: string; content: ProcedureContent; of: number[] }> = [];
  const dates = [...new Set(versions.filter((v) => v.effectiveFrom > insertedFrom).map((v) => v.effectiveFrom))].sort();
  for (const d of dates) {
    const before = inForceOn(
      working.filter((v) => v.effectiveFrom < d),
      d,
    );
    const originals = versions.filter((v) => v.effectiveFrom === d && v.op.kind !== 'rebase').sort(byEffective);
    if (!before || originals.length === 0) continue;
    let content = before.content;
    for (const o of originals) content = replayOp(content, o.op);
    const current = inForceOn(working, d)!;
    if (sameContent(content, current.content)) continue;
    const v: VersionLike = { versionNo: nextNo++, effectiveFrom: d, op: { kind: 'rebase', of: originals.map((o) => o.versionNo) }, content };
    working.push(v);
    out.push({ effectiveFrom: d, content, of: originals.map((o) => o.versionNo) });
  }
  return out;
}
