/**
 * Printing a slip: load what it shows through the dossier module (`getDossierForSlip`, which checks the caller's
 * read scope), render it (slips.ts), and record the print in the audit log (`dossier.slip.print`, with the PDF's
 * SHA-256 so a paper slip can later be matched to the print).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit, systemActor } from '../../audit/audit.service.ts';
import { issueInvite } from '../../satisfaction/satisfaction.service.ts';
import { getDossierForSlip, type DossierSlip } from '../dossiers.documents.ts';
import type { Outcome, RuleSet } from '../dossiers.kinds.ts';
import { ruleSetOf } from '../dossiers.receive.ts';
import { findDossierByCode, findDossierById, findSubtreeValidOn, findUnits, findUserNames, loadFull, type UnitInfo } from '../dossiers.repository.ts';
import { dossierGuidance } from '../dossiers.schema.ts';
import type { DossierDeps } from '../dossiers.service.ts';
import { applicantContext } from './access.ts';
import {
  formLabel,
  formSetOf,
  renderApologySlip,
  renderControlSlip,
  renderGuidanceSlip,
  renderReceiptSlip,
  renderRefusalSlip,
  renderReturnSlip,
  renderSupplementSlip,
  type ControlRow,
  type DossierSlipKind,
  type Issuer,
  type RatingInvitation,
  type SlipKind,
} from './slips.ts';

export interface PrintOptions {
  /** Origin of the public site (PUBLIC_URL, or the request's origin) for the QR code of the receipt slip. */
  baseUrl: string;
  /** Which supplement request to print (its `seq`); default: the latest. */
  supplementSeq?: number;
  now?: Date;
}

export interface PrintedSlip {
  pdf: Buffer;
  fileName: string;
  kind: SlipKind;
  /** "Mẫu số 01 – Thông tư số 03/2025/TT-VPCP". */
  form: string;
}

/** The public tracking URL of a dossier, as encoded in the receipt slip's QR code. */
export function trackingUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

const FILE_NAMES: Record<SlipKind, string> = {
  receipt: 'giay-tiep-nhan',
  control: 'phieu-kiem-soat',
  supplement: 'phieu-yeu-cau-bo-sung',
  refusal: 'phieu-tu-choi',
  apology: 'phieu-xin-loi',
  guidance: 'phieu-huong-dan',
  return: 'phieu-tra-ket-qua',
};

const TERRITORIAL = new Set(['province', 'district', 'commune', 'ward', 'township', 'special_zone']);
const PLACE_PREFIX = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u;
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const peoplesCommittee = (u: Pick<UnitInfo, 'name'>) => `Ủy ban nhân dân ${lowerFirst(u.name)}`;

/** How a unit is named in sentences: a territorial unit by its People's Committee, an agency by its name. */
const authorityName = (u: Pick<UnitInfo, 'name' | 'kind'> | undefined, fallback: string) => (u ? (TERRITORIAL.has(u.kind) ? peoplesCommittee(u) : u.name) : fallback);

/**
 * The issuing body of a slip. As the one-stop unit (`one_stop`: receipt, control, supplement, guidance slips), a
 * territorial unit (xã, phường, tỉnh…) issues through its Public Administration Service Centre valid on the date
 * when it has one, else under the form set's name for the one-stop unit, below its People's Committee. As the
 * competent authority (`authority`: refusal, apology), a territorial unit issues as its People's Committee. An
 * agency (centre, department, office) issues under its own name, below its parent's People's Committee.
 */
export async function issuerOf(db: Db, unitId: string, ruleSet: string, at: Date, role: 'one_stop' | 'authority' = 'one_stop'): Promise<Issuer> {
  const set = formSetOf(ruleSet);
  const u = (await findUnits(db, [unitId])).get(unitId);
  if (!u) return { parent: '', name: set.oneStop, place: '' };
  const parent = u.parentId ? (await findUnits(db, [u.parentId])).get(u.parentId) : undefined;
  const territorial = TERRITORIAL.has(u.kind) ? u : parent && TERRITORIAL.has(parent.kind) ? parent : undefined;
  const place = (territorial ?? u).name.replace(PLACE_PREFIX, '');
  if (TERRITORIAL.has(u.kind)) {
    if (role === 'authority') return { parent: '', name: peoplesCommittee(u), place };
    const centre = (await findSubtreeValidOn(db, u.id, todayVn(at))).find((x) => x.parentId === u.id && x.kind === 'service_center');
    return { parent: peoplesCommittee(u), name: centre?.name ?? set.oneStop, place };
  }
  return { parent: parent ? authorityName(parent, parent.name) : '', name: u.name, place };
}

const noSlip = (detail: string) => new AppError('NOT_FOUND', { detail, params: { what: 'slip' } });

/**
 * The control slip's rows (from the dossier module's `controlSlip`) with the due moment of the step that handed
 * over, which the row's result (early / on time / late) is judged against, and each side named by its role: the
 * one-stop unit for a counter officer's step, the authority otherwise. The receipt row comes from the applicant.
 * The sending step is not part of the rows: it is found from the hand-off events, which are in the same order.
 */
async function controlRows(db: Db, slip: DossierSlip, oneStopName: string): Promise<ControlRow[]> {
  const row = await findDossierById(db, slip.id);
  const full = row ? await loadFull(db, row) : null;
  const steps = full?.steps ?? [];
  const handoffs = (full?.events ?? []).filter((e) => e.kind === 'handoff' || e.kind === 'sent_back');
  const live = steps.filter((s) => s.state !== 'skipped');
  const units = await findUnits(db, slip.controlSlip.flatMap((r) => [r.fromUnit?.id ?? '', r.toUnit?.id ?? '']));
  const unitName = (ref: { id: string; name: string } | null, role: string | undefined) => {
    if (!ref) return '';
    const u = units.get(ref.id);
    if (role === 'counter_officer' && ref.id === slip.receptionUnit.id) return oneStopName;
    return authorityName(u, ref.name);
  };
  const who = (ref: { id: string; name: string } | null, user: { name: string } | null, role: string | undefined) => [unitName(ref, role), user?.name].filter(Boolean).join('\n');
  let k = 0;
  return slip.controlSlip.map((r) => {
    let due: Date | null = null;
    let fromRole: string | undefined;
    if (r.fromUnit) {
      const e = handoffs[k++];
      if (e && e.stepSeq !== null && e.stepSeq === r.stepSeq) {
        const to = e.stepSeq;
        const from = e.kind === 'sent_back' ? live.find((s) => s.seq > to) : [...live].reverse().find((s) => s.seq < to);
        due = from?.dueAt ?? null;
        fromRole = from?.role;
      }
    }
    const toRole = steps.find((s) => s.seq === r.stepSeq)?.role;
    return {
      from: r.fromUnit ? who(r.fromUnit, r.fromUser, fromRole) : `Người nộp hồ sơ\n${slip.applicant.name}`,
      to: who(r.toUnit, r.toUser, toRole),
      at: new Date(r.at),
      due,
      outcome: (r.outcome as Outcome | null) ?? null,
      note: r.note,
    };
  });
}

/** Reasons of a refusal as entered (the refusal event keeps the list; the dossier keeps them joined by "; "). */
async function refusalReasons(db: Db, slip: DossierSlip): Promise<string[]> {
  const row = await findDossierById(db, slip.id);
  const full = row ? await loadFull(db, row) : null;
  const ev = [...(full?.events ?? [])].reverse().find((e) => e.kind === 'refused');
  const listed = (ev?.detail as { reasons?: unknown } | null)?.reasons;
  if (Array.isArray(listed) && listed.every((x) => typeof x === 'string')) return listed as string[];
  return (slip.refusal?.reasons ?? '').split('; ').filter(Boolean);
}

/** How the result was returned, from the latest `result_returned` event: moment, method, who collected it, who handed it over. */
async function returnOf(db: Db, slip: DossierSlip) {
  const row = await findDossierById(db, slip.id);
  const full = row ? await loadFull(db, row) : null;
  const ev = [...(full?.events ?? [])].reverse().find((e) => e.kind === 'result_returned');
  const method = (ev?.detail as { method?: unknown } | null)?.method;
  return {
    at: slip.returnedAt ?? ev?.at ?? new Date(),
    method: typeof method === 'string' ? method : null,
    receivedBy: ev?.note?.startsWith('Người nhận: ') ? ev.note.slice('Người nhận: '.length) : null,
    officialName: ev?.actorName ?? null,
  };
}

/**
 * The rating invitation of a returned dossier, issued through the satisfaction module (`issueInvite`: the dossier's
 * one link `/danh-gia?t=…`, audited `satisfaction.invite`, the same link on a reprint, on the counter's "invite to
 * rate" button and in the SMS/e-mail invitation). Null when the dossier was already rated.
 * @throws FORBIDDEN when the caller may not issue invitations at the returning unit (dossiers.receive).
 */
async function ratingInvitation(deps: DossierDeps, ctx: Context, dossierId: string, baseUrl: string, now: Date): Promise<RatingInvitation | null> {
  try {
    const invite = await issueInvite(deps.database, ctx, dossierId, baseUrl, now);
    return { url: invite.url, expiresAt: new Date(invite.expiresAt) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return null; // one rating per dossier: already given
    throw err;
  }
}

async function audited(deps: DossierDeps, ctx: Context, slip: { kind: SlipKind; ruleSet: string; subjectType: string; subjectId: string; unitId: string; code: string | null }, pdf: Buffer) {
  const form = formLabel(slip.ruleSet, slip.kind);
  await deps.database.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: 'dossier.slip.print',
      subjectType: slip.subjectType,
      subjectId: slip.subjectId,
      unitId: slip.unitId,
      after: { slip: slip.kind, code: slip.code, form, ruleSet: slip.ruleSet, sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.length },
    }),
  );
  return form;
}

/**
 * Prints one slip of a dossier as PDF and records the print (audit `dossier.slip.print`). The return slip also
 * issues the dossier's rating invitation for its QR code (see `ratingInvitation`).
 * @throws NOT_FOUND when the dossier is outside the caller's read scope, or when the slip does not apply (no
 *   supplement request, no refusal, no apology recorded, result not returned).
 * @throws FORBIDDEN the return slip, to a caller who may not issue rating invitations at the returning unit.
 */
export async function printDossierSlip(deps: DossierDeps, ctx: Context, dossierId: string, kind: DossierSlipKind, opts: PrintOptions): Promise<PrintedSlip> {
  const slip = await getDossierForSlip(deps, ctx, dossierId);
  const db = deps.database.db;
  const now = opts.now ?? new Date();
  let pdf: Buffer;
  const oneStop = () => issuerOf(db, slip.receptionUnit.id, slip.ruleSet, slip.receivedAt);
  const authority = (at: Date) => issuerOf(db, slip.competentUnit.id, slip.ruleSet, at, 'authority');
  switch (kind) {
    case 'receipt':
      pdf = await renderReceiptSlip({ slip, issuer: await oneStop(), trackingUrl: trackingUrl(opts.baseUrl, slip.code) });
      break;
    case 'control': {
      const issuer = await oneStop();
      pdf = await renderControlSlip({ slip, issuer, authorityName: (await authority(now)).name, rows: await controlRows(db, slip, issuer.name), printedAt: now });
      break;
    }
    case 'supplement': {
      const s = opts.supplementSeq === undefined ? slip.supplements.at(-1) : slip.supplements.find((x) => x.seq === opts.supplementSeq);
      if (!s) throw noSlip('no such supplement request on this dossier');
      pdf = await renderSupplementSlip({ slip, issuer: await oneStop(), supplement: s, guideName: ctx.principal?.fullName ?? null });
      break;
    }
    case 'refusal': {
      if (!slip.refusal) throw noSlip('the dossier was not refused');
      const at = slip.refusal.at ?? now;
      pdf = await renderRefusalSlip({ slip, issuer: await authority(at), receptionName: (await oneStop()).name, reasons: await refusalReasons(db, slip), at });
      break;
    }
    case 'apology': {
      const a = slip.apology;
      if (!a) throw noSlip('no apology and new appointment recorded');
      const lateStep = a.lateStepSeq ? `bước ${a.lateStepSeq}${a.lateUnit?.name ? ` – ${a.lateUnit.name}` : ''}` : null;
      pdf = await renderApologySlip({ slip, issuer: await authority(a.issuedAt), receptionName: (await oneStop()).name, apology: a, lateStep });
      break;
    }
    case 'return': {
      if (slip.status !== 'returned') throw noSlip('the result was not returned');
      const rating = await ratingInvitation(deps, ctx, slip.id, opts.baseUrl, now);
      pdf = await renderReturnSlip({ slip, issuer: await oneStop(), returned: await returnOf(db, slip), rating });
      break;
    }
  }
  const form = await audited(deps, ctx, { kind, ruleSet: slip.ruleSet, subjectType: 'dossier', subjectId: slip.id, unitId: slip.competentUnit.id, code: slip.code }, pdf);
  return { pdf, fileName: `${FILE_NAMES[kind]}-${slip.code}.pdf`, kind, form };
}

/**
 * Prints the guidance slip of an incomplete dossier refused at the counter (a guidance record; no dossier exists).
 * The form set is the one in force on the day of the guidance. Audited like every print.
 * @throws NOT_FOUND when the record does not exist or its reception point is outside the caller's read scope.
 */
export async function printGuidanceSlip(deps: DossierDeps, ctx: Context, guidanceId: string): Promise<PrintedSlip> {
  const db = deps.database.db;
  const [g] = await db.select().from(dossierGuidance).where(eq(dossierGuidance.id, guidanceId));
  if (!g || !(await ctx.scope('dossiers.read')).covers(g.receptionUnitId)) throw notFound('guidance');
  const ruleSet: RuleSet = ruleSetOf(g.createdAt);
  const names = await findUserNames(db, [g.createdBy]);
  const reference = `HD-${g.id.slice(0, 8).toUpperCase()}`;
  const applicant = g.applicant as { kind?: string; name: string; idNumber?: string | null; phone?: string | null; email?: string | null; address?: string | null; representative?: string | null };
  const pdf = await renderGuidanceSlip({
    ruleSet,
    issuer: await issuerOf(db, g.receptionUnitId, ruleSet, g.createdAt),
    reference,
    createdAt: g.createdAt,
    applicant,
    procedureName: g.procedureName,
    missing: g.missing,
    officialName: g.createdBy ? (names.get(g.createdBy) ?? null) : null,
  });
  const form = await audited(deps, ctx, { kind: 'guidance', ruleSet, subjectType: 'dossier_guidance', subjectId: g.id, unitId: g.receptionUnitId, code: reference }, pdf);
  return { pdf, fileName: `${FILE_NAMES.guidance}-${reference}.pdf`, kind: 'guidance', form };
}

const digitsOf = (s: string | null) => (s ?? '').replace(/\D/g, '');
function lastFourMatch(value: string | null, digits: string): boolean {
  const d = digitsOf(value);
  if (d.length < 4 || !/^\d{4}$/.test(digits)) return false;
  return timingSafeEqual(Buffer.from(d.slice(-4)), Buffer.from(digits));
}

/**
 * For the public portal: the applicant downloads their receipt slip again with the dossier code and the last
 * 4 digits of their phone or ID number (the same proof as the tracking page). A wrong code and wrong digits give
 * the same NOT_FOUND. The print is audited with the actor "applicant". The route (public, rate-limited like
 * POST /api/v1/tracking) is the portal's to add.
 */
export async function printReceiptSlipForApplicant(deps: DossierDeps, q: { code: string; digits: string }, opts: PrintOptions & { requestId?: string | null }): Promise<PrintedSlip> {
  const row = await findDossierByCode(deps.database.db, q.code.trim());
  const phone = lastFourMatch(row?.applicantPhone ?? null, q.digits);
  const id = lastFourMatch(row?.applicantIdNumber ?? null, q.digits);
  if (!row || !(phone || id)) throw notFound('dossier');
  return printDossierSlip(deps, applicantContext(systemActor('applicant', opts.requestId ?? null)), row.id, 'receipt', opts);
}
