/**
 * Receipt at the counter (tiếp nhận hồ sơ): the checklist from the procedure version in force, the refusal with
 * written guidance when something is missing, or the dossier with its code, units, steps, clock and appointment.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChecklistQuery, ReceiveDossierBody } from '../../../contracts/dossiers.ts';
import type { Db } from '../../db/client.ts';
import { AppError, ruleViolated } from '../../platform/errors.ts';
import { compareVi, searchNorm } from '../../platform/text.ts';
import type { Context } from '../accounts/context.ts';
import { auditRowParts, recordAudit } from '../audit/audit.service.ts';
import type { ProcedureVersion } from '../procedures/index.ts';
import { asDeadlineError, calendarFor } from './calendar-adapter.ts';
import { addWorkingMinutes, dueDateOf, statutoryDue, stepBudgets, type StatutoryTime } from './clock.ts';
import { outcomeAt } from './derive.ts';
import type { Channel, RuleSet } from './dossiers.kinds.ts';
import { insertReceipt, type AppointmentRow, type ClockRow, type DocumentRow, type DossierRow, type EventRow, type FullAggregate, type StepRow, type UnitInfo } from './dossiers.repository.ts';
import { ancestorsOf, subtreeValidOn, unitsById, versionInForce } from './reference.ts';
import { dossierGuidance } from './dossiers.schema.ts';
import { getSettings } from './dossiers.settings.ts';
import { policyScopes, presentFull, type DossierDeps } from './dossiers.service.ts';
import { NOTIFY_JOB } from './jobs.names.ts';
import { todayVn } from '../../platform/clock.ts';
import { DOSSIER_REFUSALS } from './dossiers.messages.ts';

type ReceiveInput = z.infer<typeof ReceiveDossierBody>;

/** Options for seeds, imports and tests: the receipt moment (default now) and the demo flag. */
export interface ReceiveOptions {
  now?: Date;
  isDemo?: boolean;
  /** The Idempotency-Key the HTTP request runs under: the receipt's statement records the dossier on it. */
  idempotency?: { scope: string; key: string } | null;
}

/** Steps used when a procedure version has no workflow template of its own. */
export const DEFAULT_STEPS = [
  { kind: 'receive', name: null, role: 'counter_officer', unitKind: 'service_center', sharePercent: 10 },
  { kind: 'appraise', name: null, role: 'specialist', unitKind: 'specialised_office', sharePercent: 60 },
  { kind: 'approve', name: null, role: 'unit_leader', unitKind: 'commune', sharePercent: 20 },
  { kind: 'return', name: null, role: 'counter_officer', unitKind: 'service_center', sharePercent: 10 },
] as const;

/** The rule set of a receipt: Decree 61/2018 before 1 July 2025 (Vietnam date), Decree 118/2025 from then. */
export function ruleSetOf(receivedAt: Date): RuleSet {
  return todayVn(receivedAt) < '2025-07-01' ? 'nd61_2018' : 'nd118_2025';
}

/**
 * Agency part of the code: the unit's e-ID code (QCVN 102), else its administrative code, else a stable slug of its
 * name (the receipt passes the nearest unit up from the reception point that has a code, so a commune's service
 * centre without a code of its own numbers its dossiers under the commune's code) — the initials of its words, as Vietnamese abbreviations go ('Trung tâm Phục vụ hành chính công xã Tiên Yên'
 * → 'TTPVHCCXTY'). Two units with the same slug share a daily counter, so codes stay unique.
 */
export function agencyCodeOf(u: Pick<UnitInfo, 'code' | 'adminCode' | 'name'>): string {
  if (u.code && u.code.trim()) return u.code.trim();
  if (u.adminCode && u.adminCode.trim()) return u.adminCode.trim();
  const initials = searchNorm(u.name).toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean).map((w) => (/^\d+$/.test(w) ? w : w[0])).join('');
  return initials.slice(0, 20) || 'MOTCUA';
}

/**
 * Formats a dossier code. Placeholders: {agency}, {yyMMdd}, {yyyyMMdd} (Vietnam date of receipt), {seq4}–{seq6}
 * (daily sequence, zero-padded; it simply grows wider past 9999).
 */
export function formatCode(pattern: string, agency: string, day: string, seq: number): string {
  const [y, m, d] = day.split('-');
  return pattern
    .replace('{agency}', agency)
    .replace('{yyyyMMdd}', `${y}${m}${d}`)
    .replace('{yyMMdd}', `${y.slice(2)}${m}${d}`)
    .replace(/\{seq([4-6])\}/, (_x, n: string) => String(seq).padStart(Number(n), '0'));
}

/**
 * Code printed for the procedure: the local catalogue code when the version carries it, else the national code.
 * (ProcedureVersion does not expose the local `code` yet; asked of the procedures module.)
 */
export function procedureCodeOf(v: ProcedureVersion): string {
  const local = (v as { code?: unknown }).code;
  return typeof local === 'string' ? local : (v.nationalCode ?? '');
}

/** The code pattern with everything but the sequence filled in: the database adds the number in the receipt's statement. */
export function codeTemplate(pattern: string, agency: string, day: string): { before: string; width: number; after: string } {
  const [y, m, d] = day.split('-');
  const withDate = pattern.replace('{agency}', agency).replace('{yyyyMMdd}', `${y}${m}${d}`).replace('{yyMMdd}', `${y.slice(2)}${m}${d}`);
  const match = /\{seq([4-6])\}/.exec(withDate);
  if (!match) return { before: `${withDate}-`, width: 4, after: '' };
  return { before: withDate.slice(0, match.index), width: Number(match[1]), after: withDate.slice(match.index + match[0].length) };
}

/** Duration that applies to the channel. */
export function statutoryTimeOf(v: Pick<ProcedureVersion, 'processingTime' | 'processingTimeOnline'>, channel: Channel): StatutoryTime {
  return channel === 'online' && v.processingTimeOnline ? v.processingTimeOnline : v.processingTime;
}

/**
 * The default reception point: the unit of the caller's first counter (or administrator) grant — or, when that unit
 * is a commune or district rather than a service centre, its one Public Administration Service Centre valid today
 * (the counter officer of Xã Tiên Yên receives at "Trung tâm Phục vụ hành chính công xã Tiên Yên"). A unit with no
 * centre, or with several, is itself the reception point.
 */
async function defaultReceptionUnit(db: Db, ctx: Context, today: string): Promise<string> {
  const g = ctx.principal?.grants.find((x) => (x.role === 'counter_officer' || x.role === 'admin') && x.unitId);
  if (!g?.unitId) {
    throw new AppError('VALIDATION_FAILED', { detail: 'receptionUnitId is required', fields: [{ field: 'receptionUnitId', code: 'required', message: { vi: 'Chọn nơi tiếp nhận', en: 'Choose the reception point', fr: 'Choisissez le point de réception' } }] });
  }
  const granted = g.unitId;
  const subtree = await subtreeValidOn(db, granted, today);
  if (subtree.find((u) => u.id === granted)?.kind === 'service_center') return granted;
  const centres = subtree.filter((u) => u.kind === 'service_center' && u.parentId === granted);
  return centres.length === 1 ? centres[0].id : granted;
}

/**
 * The reception points the caller may choose: the unit of each counter (or administrator) grant and the service
 * centres under it valid today, in Vietnamese order (cached unit tree).
 */
async function receptionPointsOf(db: Db, ctx: Context, today: string): Promise<Array<{ id: string; name: string }>> {
  const granted = [...new Set((ctx.principal?.grants ?? []).filter((g) => (g.role === 'counter_officer' || g.role === 'admin') && g.unitId).map((g) => g.unitId!))];
  const points = new Map<string, string>();
  for (const unitId of granted) {
    for (const u of await subtreeValidOn(db, unitId, today)) if (u.id === unitId || u.kind === 'service_center') points.set(u.id, u.name);
  }
  return [...points].map(([id, name]) => ({ id, name })).sort((a, b) => compareVi(a.name, b.name));
}

/**
 * The competent authority: the given one (it must be an implementing unit of the version or lie under one), or
 * the implementing unit nearest above the reception point, or the only implementing unit.
 */
async function resolveCompetent(db: Db, v: ProcedureVersion, receptionUnitId: string, given: string | undefined): Promise<string> {
  const implementing = new Set(v.implementingUnitIds);
  if (given) {
    const up = await ancestorsOf(db, given);
    if (up.length === 0) throw fieldError('competentUnitId', 'not_found', 'Không có đơn vị này', 'No such unit', 'Unité inconnue');
    if (!up.some((u) => implementing.has(u))) throw ruleViolated(DOSSIER_REFUSALS.unitDoesNotImplement);
    return given;
  }
  const up = await ancestorsOf(db, receptionUnitId);
  const near = up.find((u) => implementing.has(u));
  if (near) return near;
  if (v.implementingUnitIds.length === 1) return v.implementingUnitIds[0];
  throw fieldError('competentUnitId', 'required', 'Chọn cơ quan có thẩm quyền giải quyết', 'Choose the competent authority', "Choisissez l'autorité compétente");
}

/**
 * The unit whose code numbers the reception point's dossiers: the reception point itself, except a service centre
 * without a code of its own, which numbers under its parent (the commune or district it serves): the centre of
 * Xã Tiên Yên gives XTY-…, like the commune; they share one daily counter, so codes stay unique.
 */
async function codedUnitFrom(db: Db, reception: UnitInfo): Promise<UnitInfo> {
  if (reception.kind !== 'service_center' || reception.code?.trim() || reception.adminCode?.trim() || !reception.parentId) return reception;
  return (await unitsById(db, [reception.parentId])).get(reception.parentId) ?? reception;
}

const fieldError = (field: string, code: string, vi: string, en: string, fr: string) => new AppError('VALIDATION_FAILED', { detail: en, fields: [{ field, code, message: { vi, en, fr } }] });

/**
 * Responsible unit of each step: the reception point for the receipt, the returning point for the return, else
 * the competent unit when it is of the step's unit kind, the only unit of that kind under it, or the competent
 * unit itself when several qualify (its officials then pick the step up; a leader may reassign).
 */
function stepUnit(step: { kind: string; role: string; unitKind: string }, competent: UnitInfo, subtree: UnitInfo[], receptionUnitId: string, returningUnitId: string): string {
  if (step.role === 'counter_officer') return step.kind === 'return' ? returningUnitId : receptionUnitId;
  if (competent.kind === step.unitKind) return competent.id;
  const matches = subtree.filter((u) => u.kind === step.unitKind);
  return matches.length === 1 ? matches[0].id : competent.id;
}

/** The written guidance (hướng dẫn bổ sung, hoàn thiện hồ sơ) for an incomplete dossier, in Vietnamese. */
export function guidanceText(procedureName: string, applicantName: string, missing: Array<{ name: string; form: string; count: number }>): string {
  const FORMS: Record<string, string> = { original: 'bản chính', certified_copy: 'bản sao có chứng thực', copy: 'bản sao', presented: 'xuất trình bản chính' };
  const lines = missing.map((m, i) => `${i + 1}. ${m.name} (${FORMS[m.form] ?? m.form}, ${m.count} bản)`);
  return [`Hồ sơ của ông/bà ${applicantName} đề nghị giải quyết thủ tục "${procedureName}" chưa đầy đủ.`, 'Đề nghị bổ sung các thành phần hồ sơ sau:', ...lines, 'Khi đủ hồ sơ, ông/bà nộp lại tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công quốc gia.'].join('\n').normalize('NFC');
}

/** The receipt checklist: what the version in force requires, and the appointment if received now. */
export async function getChecklist(deps: DossierDeps, ctx: Context, q: z.infer<typeof ChecklistQuery>, now = new Date()) {
  const db = deps.database.db;
  const v = await versionInForce(db, q.procedureId, now);
  const receptionUnitId = q.receptionUnitId ?? (await defaultReceptionUnit(db, ctx, todayVn(now)));
  await ctx.requireUnit('dossiers.receive', receptionUnitId);
  let competentUnitId: string | null = null;
  let appointment: Date | null = null;
  try {
    competentUnitId = await resolveCompetent(db, v, receptionUnitId, undefined);
    const cal = await calendarFor(db, competentUnitId, now);
    appointment = statutoryDue(cal.work, now, statutoryTimeOf(v, q.channel)).due;
  } catch (err) {
    if (!(err instanceof AppError)) throw asDeadlineError(err);
  }
  return {
    procedureId: q.procedureId,
    procedureVersionId: v.id,
    procedureName: v.name,
    processingTime: statutoryTimeOf(v, q.channel),
    documents: v.documents.map((d, index) => ({ index, name: d.name, form: d.form, count: d.count, scanRequired: d.form !== 'presented' })),
    fees: v.fees.map((f) => ({ name: f.name, amount: f.amount })),
    receptionUnitId,
    receptionPoints: await receptionPointsOf(db, ctx, todayVn(now)),
    competentUnitId,
    appointmentPreview: appointment ? appointment.toISOString() : null,
  };
}

/**
 * Receives a dossier at the counter. Incomplete (a required document not ticked as received) → a guidance record
 * with the written list of what is missing, and no dossier. Complete → the dossier with its code, three units, the
 * steps of the version (each with its unit and due moment from its share of the statutory time), the first clock
 * segment, the frozen appointment, the timeline's first rows, the audit row and the notification job, in one
 * transaction.
 * @throws NOT_FOUND (procedure or version), FORBIDDEN (reception point outside the caller's scope),
 *   RULE_VIOLATED (procedure suspended or abolished, competent unit not implementing it), VALIDATION_FAILED,
 *   DEADLINE_RULE (receipt outside the calendar).
 */
export async function receiveDossier(deps: DossierDeps, ctx: Context, input: ReceiveInput, opts: ReceiveOptions = {}) {
  const now = opts.now ?? new Date();
  const db = deps.database.db;
  const receptionUnitId = input.receptionUnitId ?? (await defaultReceptionUnit(db, ctx, todayVn(now)));
  // One read after the other (all cached on the hot path): `db` may be a caller's transaction (online receipt),
  // whose single connection runs one query at a time.
  const v = await versionInForce(db, input.procedureId, now);
  await ctx.requireUnit('dossiers.receive', receptionUnitId);
  if (v.status !== 'active') throw ruleViolated(DOSSIER_REFUSALS.procedureNotActive, { status: v.status });

  const lines = new Map<number, (typeof input.documents)[number]>();
  for (const [i, l] of input.documents.entries()) {
    if (l.index >= v.documents.length) throw fieldError(`documents.${i}.index`, 'out_of_range', 'Không có thành phần hồ sơ này', 'No such required document', 'Pièce inconnue');
    if (lines.has(l.index)) throw fieldError(`documents.${i}.index`, 'duplicate', 'Thành phần hồ sơ bị lặp', 'Document listed twice', 'Pièce en double');
    lines.set(l.index, l);
  }
  const missing = v.documents.map((d, index) => ({ index, name: d.name, form: d.form, count: d.count })).filter((d) => !lines.get(d.index)?.received);

  if (missing.length > 0) return recordGuidance(deps, ctx, input, v, receptionUnitId, missing, now);

  const competentUnitId = await resolveCompetent(db, v, receptionUnitId, input.competentUnitId);
  const returningUnitId = input.returningUnitId ?? receptionUnitId;
  const today = todayVn(now);
  const unitMap = await unitsById(db, [receptionUnitId, competentUnitId, returningUnitId]);
  const subtree = await subtreeValidOn(db, competentUnitId, today);
  const settings = await getSettings(db);
  const cal = await calendarFor(db, competentUnitId, now);
  const reception = unitMap.get(receptionUnitId);
  const competent = unitMap.get(competentUnitId);
  if (!reception) throw fieldError('receptionUnitId', 'not_found', 'Không có đơn vị này', 'No such unit', 'Unité inconnue');
  if (!competent) throw fieldError('competentUnitId', 'not_found', 'Không có đơn vị này', 'No such unit', 'Unité inconnue');
  if (!unitMap.get(returningUnitId)) throw fieldError('returningUnitId', 'not_found', 'Không có đơn vị này', 'No such unit', 'Unité inconnue');

  const time = statutoryTimeOf(v, input.channel);
  let due: Date;
  let budgetMinutes: number;
  const template = v.steps.length ? v.steps : DEFAULT_STEPS;
  const budgets = [] as Array<{ budget: number; cumulative: number; due: Date }>;
  try {
    ({ due, budgetMinutes } = statutoryDue(cal.work, now, time));
    for (const b of stepBudgets(budgetMinutes, template.map((s) => s.sharePercent))) budgets.push({ ...b, due: addWorkingMinutes(cal.work, now, b.cumulative, true) });
  } catch (err) {
    throw asDeadlineError(err);
  }
  const actorName = ctx.principal?.fullName ?? ctx.actor.label;
  const userId = ctx.actor.userId;
  const first = template[0];
  const receiptDone = first.kind === 'receive' && first.role === 'counter_officer';
  const currentSeq = receiptDone && template.length > 1 ? 2 : 1;

  const unitOf = template.map((st) => stepUnit(st, competent, subtree, receptionUnitId, returningUnitId));
  // Every row is built here (ids included), then written by one statement with the code allocation.
  const id = randomUUID();
  const wall = new Date();
  const dossier: DossierRow = {
    id,
    code: '',
    procedureId: input.procedureId,
    procedureVersionId: v.id,
    procedureName: v.name,
    procedureCode: procedureCodeOf(v),
    applicantKind: input.applicant.kind,
    applicantName: input.applicant.name,
    applicantIdNumber: input.applicant.idNumber,
    applicantPhone: input.applicant.phone,
    applicantEmail: input.applicant.email,
    applicantAddress: input.applicant.address,
    applicantRepresentative: input.applicant.representative,
    channel: input.channel,
    receptionUnitId,
    competentUnitId,
    returningUnitId,
    status: 'received',
    ruleSet: ruleSetOf(now),
    calendarVersion: cal.version,
    statutoryTime: { value: time.value, unit: time.unit },
    budgetMinutes,
    receivedAt: now,
    receivedBy: userId,
    appointmentAt: due,
    dueAt: due,
    dueDate: dueDateOf(cal.work, due),
    remainingMinutes: budgetMinutes,
    clockRunning: true,
    currentStepSeq: currentSeq,
    supplementCount: 0,
    apologyIssued: false,
    finishedAt: null,
    outcome: null,
    resultKind: null,
    resultNote: null,
    resultFileSha256: null,
    returnMethod: null,
    returnedAt: null,
    notCollectedAt: null,
    summary: input.summary,
    note: input.note,
    isDemo: opts.isDemo ?? false,
    version: 1,
    createdAt: wall,
    updatedAt: wall,
    searchText: '',
  };
  const steps: StepRow[] = template.map((st, i) => {
    const seqNo = i + 1;
    const done = receiptDone && i === 0;
    const handed = seqNo === currentSeq;
    return {
      id: randomUUID(),
      dossierId: id,
      unitId: unitOf[i],
      seq: seqNo,
      kind: st.kind,
      name: st.name,
      role: st.role,
      sharePercent: st.sharePercent,
      budgetMinutes: budgets[i].budget,
      cumulativeMinutes: budgets[i].cumulative,
      state: done ? 'done' : handed ? 'handed' : 'pending',
      assigneeId: done ? userId : null,
      dueAt: budgets[i].due,
      handedAt: handed || done ? now : null,
      handedBy: handed || done ? userId : null,
      handedFromSeq: handed && !done && currentSeq > 1 ? 1 : null,
      acceptedAt: done ? now : null,
      acceptedBy: done ? userId : null,
      completedAt: done ? now : null,
      completedBy: done ? userId : null,
      outcome: done ? outcomeAt(cal.work, now, budgets[i].due) : null,
      remindedAt: null,
      escalatedAt: null,
    };
  });
  const documents: DocumentRow[] = v.documents.map((doc, idx) => {
    const l = lines.get(idx)!;
    return { id: randomUUID(), dossierId: id, unitId: competentUnitId, idx, name: doc.name, form: doc.form, count: doc.count, received: true, copies: l.copies ?? doc.count, scanRequired: doc.form !== 'presented', digitised: false, fileSha256: null, fileName: null, mimeType: null, sizeBytes: null, pages: null, digitisedAt: null, digitisedBy: null, note: l.note ?? null };
  });
  const clock: ClockRow[] = [{ id: randomUUID(), dossierId: id, unitId: competentUnitId, seq: 1, kind: 'running', at: now, minutes: budgetMinutes, reason: 'Tiếp nhận hồ sơ', legalBasis: null, actorId: userId, createdAt: wall }];
  const appointments: AppointmentRow[] = [{ id: randomUUID(), dossierId: id, unitId: competentUnitId, seq: 1, reason: 'initial', previousAt: null, appointmentAt: due, decidedAt: now, actorId: userId, note: null, lateStepSeq: null, lateUnitId: null }];
  const event = (seq: number, kind: string, extra: Partial<EventRow>): EventRow => ({ id: randomUUID(), dossierId: id, unitId: competentUnitId, seq, kind, at: now, actorId: userId, actorName, fromUnitId: null, toUnitId: null, fromUserId: null, fromUserName: null, toUserId: null, toUserName: null, stepSeq: null, outcome: null, note: null, detail: null, ...extra });
  const events: EventRow[] = [event(1, 'received', { toUnitId: receptionUnitId, toUserId: userId, toUserName: actorName, stepSeq: 1, note: input.note })];
  if (currentSeq === 2) events.push(event(2, 'handoff', { fromUnitId: receptionUnitId, fromUserId: userId, fromUserName: actorName, toUnitId: unitOf[1], stepSeq: 2, outcome: steps[0].outcome }));
  const agency = agencyCodeOf(await codedUnitFrom(db, reception));
  const code = codeTemplate(settings.codePattern, agency, today);

  const codeMarker = `@@dossier-code-${id}@@`;
  const audit = auditRowParts(ctx.actor, {
    action: 'dossier.receive',
    subjectType: 'dossier',
    subjectId: id,
    unitId: competentUnitId,
    after: { code: codeMarker, procedureVersionId: v.id, receptionUnitId, competentUnitId, returningUnitId, channel: input.channel, appointmentAt: due.toISOString(), budgetMinutes, calendarVersion: cal.version },
  });
  // One statement: code, dossier, its rows, audit row and notification job commit together or not at all.
  dossier.code = await insertReceipt(deps.database.query, {
    agency,
    day: today,
    code,
    dossier,
    steps,
    documents,
    clock,
    appointments,
    events,
    audit: { ...audit, codeMarker },
    job: deps.queue ? { name: NOTIFY_JOB, data: { dossierId: id, kind: 'received', key: `${id}:received` } } : null,
    idempotency: opts.idempotency ?? null,
  });
  const full: FullAggregate = { dossier, steps, clock, events, appointments, supplements: [], documents };
  // The answer is built from the rows just written: no second read.
  const units = new Map([...unitMap, ...subtree.map((u) => [u.id, u] as const)]);
  const users = new Map(userId ? [[userId, actorName]] : []);
  return { outcome: 'received' as const, dossier: presentFull(full, units, users, cal.work, await policyScopes(ctx), now) };
}

async function recordGuidance(deps: DossierDeps, ctx: Context, input: ReceiveInput, v: ProcedureVersion, receptionUnitId: string, missing: Array<{ index: number; name: string; form: string; count: number }>, now: Date) {
  const text = guidanceText(v.name, input.applicant.name, missing);
  const units = await unitsById(deps.database.db, [receptionUnitId]);
  const row = await deps.database.transaction(async (tx) => {
    const [g] = await tx.db
      .insert(dossierGuidance)
      .values({ receptionUnitId, procedureId: input.procedureId, procedureVersionId: v.id, procedureName: v.name, channel: input.channel, applicant: input.applicant, missing, text, createdBy: ctx.actor.userId, createdAt: now })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'dossier.guidance', subjectType: 'dossier_guidance', subjectId: g.id, unitId: receptionUnitId, after: { procedureVersionId: v.id, missing: missing.map((m) => m.index) } });
    return g;
  });
  return {
    outcome: 'guidance' as const,
    guidance: {
      id: row.id,
      procedureId: row.procedureId,
      procedureVersionId: row.procedureVersionId,
      procedureName: row.procedureName,
      receptionUnit: { id: receptionUnitId, name: units.get(receptionUnitId)?.name ?? '' },
      applicantName: input.applicant.name,
      missing,
      text,
      createdAt: row.createdAt.toISOString(),
      createdBy: ctx.actor.userId ? { id: ctx.actor.userId, name: ctx.principal?.fullName ?? ctx.actor.label } : null,
    },
  };
}
