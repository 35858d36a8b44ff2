/**
 * Transitions of the dossier state machine (docs/dossiers.md has the table). Every transition:
 * 1. loads the dossier, its steps and clock ledger; 404 when the caller cannot read it;
 * 2. refuses a stale `version` (409), a wrong state (422 RULE_VIOLATED), a wrong role or unit (403) — dossiers.policy.ts;
 * 3. decides the change as a plan (status, step changes, clock entries, timeline rows, appointment change, jobs);
 * 4. re-derives the clock caches (due moment, remaining time, step due moments) from the ledger;
 * 5. writes everything in one transaction: the dossier row guarded by its version, the append-only rows, the
 *    audit row, and the notification jobs (sent only if the transaction commits).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActionBody, ApologyBody, CompleteBody, ExtendBody, ReasonBody, RefuseBody, ReturnResultBody, SendBackBody, SupplementReceivedBody, SupplementRequestBody, SuspendBody } from '../../../contracts/dossiers.ts';
import { displayMoment, todayVn } from '../../platform/clock.ts';
import { AppError, conflict, notFound, ruleViolated } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { asDeadlineError, calendarFor } from './calendar-adapter.ts';
import { apologyDeadline, minutesOfWorkingDays, statutoryDue, type ClockEntry } from './clock.ts';
import { deriveDossier, outcomeAt, stepDue } from './derive.ts';
import type { AppointmentReason, ClockKind, DossierAction, DossierStatus, EventKind, Outcome, ResultKind, SupplementPhase } from './dossiers.kinds.ts';
import { canRead, decide, lastProcessingSeq } from './dossiers.policy.ts';
import { findActiveGrants, findAncestors, findOpenSupplement, findUserNames, lastSeqs, loadAggregate, type Aggregate, type DossierRow, type StepRow, type SupplementRow } from './dossiers.repository.ts';
import { dossierAppointments, dossierClockSegments, dossierEvents, dossiers, dossierSteps, dossierSupplements } from './dossiers.schema.ts';
import { getSettings, supplementPolicyFor, type Settings } from './dossiers.settings.ts';
import { clockEntriesOf, getDossierDetail, policyScopes, type DossierDeps } from './dossiers.service.ts';
import { NOTIFY_JOB, type NotifyJobData } from './jobs.names.ts';
import { forgetTracking } from './tracking-cache.ts';
import { DOSSIER_REFUSALS } from './dossiers.messages.ts';

type EventInsert = typeof dossierEvents.$inferInsert;
type NewEvent = Omit<EventInsert, 'dossierId' | 'unitId' | 'seq' | 'at' | 'actorId' | 'actorName'> & { kind: EventKind };

/** What a transition decided; written by `execute`. */
interface Plan {
  readonly now: Date;
  readonly cal: WorkCalendar;
  readonly agg: Aggregate;
  readonly settings: Settings;
  readonly actor: { id: string | null; name: string };
  status?: DossierStatus;
  dossier: Partial<typeof dossiers.$inferInsert>;
  steps: Map<number, Partial<StepRow>>;
  clock: Array<{ kind: ClockKind; minutes?: number; reason?: string | null; legalBasis?: string | null }>;
  events: NewEvent[];
  appointment?: { reason: AppointmentReason; at: Date | 'derived'; note?: string | null; lateStepSeq?: number | null; lateUnitId?: string | null };
  supplementNew?: Omit<typeof dossierSupplements.$inferInsert, 'dossierId' | 'unitId' | 'seq'>;
  supplementPatch?: { seq: number; values: Partial<SupplementRow>; appointmentAfter?: 'derived' };
  /** Set when the dossier reaches an end (9, 7, 8): the outcome is computed from the derived due moment. */
  finished?: boolean;
  jobs: Array<NotifyJobData['kind']>;
  audit: Record<string, unknown>;
}

export interface TransitionOptions {
  /** The moment of the action (seeds, imports and tests); default now. */
  now?: Date;
}

const stepOf = (p: Plan, seq: number | null | undefined): StepRow | undefined => p.agg.steps.find((s) => s.seq === seq);
const currentStep = (p: Plan): StepRow => {
  const s = stepOf(p, p.agg.dossier.currentStepSeq);
  if (!s) throw ruleViolated(DOSSIER_REFUSALS.noCurrentStep);
  return s;
};
const patchStep = (p: Plan, seq: number, values: Partial<StepRow>) => p.steps.set(seq, { ...(p.steps.get(seq) ?? {}), ...values });
const stepState = (p: Plan, s: StepRow) => p.steps.get(s.seq)?.state ?? s.state;

/** Marks a step accepted by the actor (and writes the `accepted` timeline row). */
function acceptStep(p: Plan, s: StepRow) {
  patchStep(p, s.seq, { state: 'active', acceptedAt: p.now, acceptedBy: p.actor.id, assigneeId: p.actor.id });
  const from = stepOf(p, s.handedFromSeq);
  p.events.push({ kind: 'accepted', fromUnitId: from?.unitId ?? null, toUnitId: s.unitId, toUserId: p.actor.id, toUserName: p.actor.name, stepSeq: s.seq });
}

/** Marks a step done; returns its outcome against its due moment. */
function completeStep(p: Plan, s: StepRow): Outcome {
  const outcome = outcomeAt(p.cal, p.now, s.dueAt);
  patchStep(p, s.seq, { state: 'done', completedAt: p.now, completedBy: p.actor.id, outcome, ...(s.acceptedAt || p.steps.get(s.seq)?.acceptedAt ? {} : { acceptedAt: p.now, acceptedBy: p.actor.id, assigneeId: p.actor.id }) });
  p.events.push({ kind: 'step_completed', fromUnitId: s.unitId, stepSeq: s.seq, outcome });
  return outcome;
}

/** Hands step `to` over from step `from` (a `handoff` row of the control slip). */
function handOver(p: Plan, from: StepRow, to: StepRow, outcome: Outcome | null, designated: { id: string; name: string } | null, kind: 'handoff' | 'sent_back' = 'handoff', note: string | null = null) {
  patchStep(p, to.seq, { state: 'handed', handedAt: p.now, handedBy: p.actor.id, handedFromSeq: from.seq, assigneeId: designated?.id ?? (kind === 'sent_back' ? to.assigneeId : null), acceptedAt: null, acceptedBy: null, completedAt: null, completedBy: null, outcome: null });
  p.dossier.currentStepSeq = to.seq;
  p.events.push({ kind, fromUnitId: from.unitId, fromUserId: p.actor.id, fromUserName: p.actor.name, toUnitId: to.unitId, toUserId: designated?.id ?? null, toUserName: designated?.name ?? null, stepSeq: to.seq, outcome, note });
}

/** The dossier reaches status 9 (result ready): clock stopped, outcome fixed, the return step handed over. */
function resultReady(p: Plan, from: StepRow, kind: ResultKind, note: string | null) {
  const last = lastProcessingSeq(p.agg.steps);
  for (const s of p.agg.steps) {
    if (s.seq <= last && s.seq !== from.seq && ['pending', 'handed', 'active'].includes(stepState(p, s))) patchStep(p, s.seq, { state: 'skipped' });
  }
  p.status = 'result_ready';
  p.finished = true;
  p.dossier.finishedAt = p.now;
  p.dossier.resultKind = kind;
  p.dossier.resultNote = note;
  p.clock.push({ kind: 'stopped', reason: kind === 'refusal' ? 'Từ chối giải quyết' : 'Đã có kết quả' });
  p.events.push({ kind: 'result_ready', fromUnitId: from.unitId, note: kind === 'refusal' ? note : null, detail: { resultKind: kind } });
  const ret = p.agg.steps.find((s) => s.seq > last);
  if (ret) handOver(p, from, ret, p.steps.get(from.seq)?.outcome as Outcome | null ?? null, null);
  else p.dossier.currentStepSeq = null;
  p.jobs.push('result_ready');
}

/** Withdrawal (7) or stop (8): every open step skipped, clock stopped. */
function endApart(p: Plan, status: 'withdrawn' | 'cancelled', reason: string) {
  for (const s of p.agg.steps) if (['pending', 'handed', 'active'].includes(stepState(p, s))) patchStep(p, s.seq, { state: 'skipped' });
  p.status = status;
  p.finished = true;
  p.dossier.finishedAt = p.now;
  p.dossier.currentStepSeq = null;
  p.clock.push({ kind: 'stopped', reason });
  p.events.push({ kind: status === 'withdrawn' ? 'withdrawn' : 'cancelled', note: reason });
}

/** The designated next official must hold the step's role on its unit. */
async function checkAssignee(deps: DossierDeps, step: StepRow, userId: string, now: Date): Promise<{ id: string; name: string }> {
  const db = deps.database.db;
  const [grants, up, names] = await Promise.all([findActiveGrants(db, userId, todayVn(now)), findAncestors(db, step.unitId), findUserNames(db, [userId])]);
  if (!grants.some((g) => (g.role === step.role || g.role === 'admin') && (g.unitId === null || up.includes(g.unitId)))) {
    throw new AppError('VALIDATION_FAILED', { detail: 'the official does not hold the role of the next step on its unit', fields: [{ field: 'nextAssigneeId', code: 'no_role', message: { vi: 'Cán bộ không có vai trò xử lý bước tiếp theo', en: 'The official does not hold the role of the next step', fr: "L'agent n'a pas le rôle de l'étape suivante" } }] });
  }
  return { id: userId, name: names.get(userId) ?? '' };
}

type Body = z.infer<typeof ActionBody>;

/**
 * Runs one transition: guards, plan, derivation, write. Returns the dossier as the caller now sees it.
 * @throws NOT_FOUND, CONFLICT (stale version), RULE_VIOLATED (state or rule), FORBIDDEN (role or unit), DEADLINE_RULE.
 */
async function execute(deps: DossierDeps, ctx: Context, id: string, action: DossierAction, body: Body, opts: TransitionOptions, decideFn: (p: Plan) => void | Promise<void>) {
  const db = deps.database.db;
  const now = opts.now ?? new Date();
  const [agg, scopes] = await Promise.all([loadAggregate(db, id), policyScopes(ctx)]);
  if (!agg || !canRead(scopes, agg.dossier, agg.steps)) throw notFound('dossier');
  const d = agg.dossier;
  if (body.version !== d.version) throw conflict(DOSSIER_REFUSALS.staleVersion, { code: d.code, current: d.version, sent: body.version });
  const verdict = decide(action, d, agg.steps, scopes);
  if (!verdict.ok) {
    if (verdict.reason === 'role') throw new AppError('FORBIDDEN', { detail: verdict.detail, params: { action } });
    throw ruleViolated(verdict.detail, { action, status: d.status });
  }
  const [cal, settings] = await Promise.all([calendarFor(db, d.competentUnitId, { version: d.calendarVersion }), getSettings(db)]);
  const plan: Plan = {
    now,
    cal: cal.work,
    agg,
    settings,
    actor: { id: ctx.actor.userId, name: ctx.principal?.fullName ?? ctx.actor.label },
    dossier: {},
    steps: new Map(),
    clock: [],
    events: [],
    jobs: [],
    audit: { note: body.note ?? null },
  };
  try {
    await decideFn(plan);
  } catch (err) {
    throw asDeadlineError(err);
  }
  if (body.note && plan.events.length) plan.events[plan.events.length - 1].note ??= body.note;

  // Derive the clock caches from the ledger with the new entries.
  let derivedEntries: ClockEntry[];
  let dv: ReturnType<typeof deriveDossier>;
  const dueUpdates = new Map<number, Date | null>();
  try {
    derivedEntries = [...clockEntriesOf(agg.clock), ...plan.clock.map((c) => ({ kind: c.kind, at: now, minutes: c.minutes ?? 0 }))];
    dv = deriveDossier(plan.cal, derivedEntries, now);
    if (plan.clock.length) {
      const base = agg.steps[agg.steps.length - 1]?.cumulativeMinutes ?? d.budgetMinutes;
      for (const s of agg.steps) {
        if (['pending', 'handed', 'active'].includes(stepState(plan, s))) {
          const due = stepDue(plan.cal, derivedEntries, s.cumulativeMinutes, base, dv.clock.budgetMinutes);
          if ((due?.getTime() ?? null) !== (s.dueAt?.getTime() ?? null)) dueUpdates.set(s.seq, due);
        }
      }
    }
  } catch (err) {
    throw asDeadlineError(err);
  }
  const supplements = d.supplementCount + (plan.supplementNew ? 1 : 0);
  if (plan.finished && plan.status !== 'withdrawn' && plan.status !== 'cancelled') plan.dossier.outcome = outcomeAt(plan.cal, now, dv.dueAt, supplements);
  const appointmentAt = plan.appointment ? (plan.appointment.at === 'derived' ? dv.dueAt : plan.appointment.at) : null;
  const newAppointment = appointmentAt && appointmentAt.getTime() !== d.appointmentAt?.getTime() ? appointmentAt : null;

  const after = {
    status: plan.status ?? d.status,
    currentStepSeq: plan.dossier.currentStepSeq !== undefined ? plan.dossier.currentStepSeq : d.currentStepSeq,
    appointmentAt: (newAppointment ?? d.appointmentAt)?.toISOString() ?? null,
    dueAt: dv.dueAt?.toISOString() ?? null,
    remainingMinutes: dv.remainingMinutes,
    version: d.version + 1,
  };
  await deps.database.transaction(async (tx) => {
    const updated = await tx.db
      .update(dossiers)
      .set({
        ...plan.dossier,
        ...(plan.status ? { status: plan.status } : {}),
        ...(newAppointment ? { appointmentAt: newAppointment } : {}),
        ...(plan.supplementNew ? { supplementCount: supplements } : {}),
        dueAt: dv.dueAt,
        dueDate: dv.dueDate,
        remainingMinutes: dv.remainingMinutes,
        clockRunning: dv.clockRunning,
        version: d.version + 1,
        updatedAt: now,
      })
      .where(and(eq(dossiers.id, id), eq(dossiers.version, d.version)))
      .returning({ id: dossiers.id });
    if (updated.length === 0) throw conflict(DOSSIER_REFUSALS.changedMeanwhile, { code: d.code });
    const seqs = await lastSeqs(tx.db, id);
    const unitId = d.competentUnitId;
    if (plan.clock.length) {
      await tx.db.insert(dossierClockSegments).values(plan.clock.map((c, i) => ({ dossierId: id, unitId, seq: seqs.clock + 1 + i, kind: c.kind, at: now, minutes: c.minutes ?? 0, reason: c.reason ?? null, legalBasis: c.legalBasis ?? null, actorId: plan.actor.id })));
    }
    if (plan.events.length) {
      await tx.db.insert(dossierEvents).values(plan.events.map((e, i) => ({ ...e, dossierId: id, unitId, seq: seqs.event + 1 + i, at: now, actorId: plan.actor.id, actorName: plan.actor.name })));
    }
    if (newAppointment && plan.appointment) {
      await tx.db.insert(dossierAppointments).values({ dossierId: id, unitId, seq: seqs.appointment + 1, reason: plan.appointment.reason, previousAt: d.appointmentAt, appointmentAt: newAppointment, decidedAt: now, actorId: plan.actor.id, note: plan.appointment.note ?? null, lateStepSeq: plan.appointment.lateStepSeq ?? null, lateUnitId: plan.appointment.lateUnitId ?? null });
    }
    if (plan.supplementNew) await tx.db.insert(dossierSupplements).values({ ...plan.supplementNew, dossierId: id, unitId, seq: seqs.supplement + 1, appointmentBefore: d.appointmentAt });
    if (plan.supplementPatch) {
      const values = { ...plan.supplementPatch.values, ...(plan.supplementPatch.appointmentAfter ? { appointmentAfter: newAppointment ?? d.appointmentAt } : {}) };
      await tx.db.update(dossierSupplements).set(values).where(and(eq(dossierSupplements.dossierId, id), eq(dossierSupplements.seq, plan.supplementPatch.seq)));
    }
    const seqsToWrite = new Set([...plan.steps.keys(), ...dueUpdates.keys()]);
    for (const seq of seqsToWrite) {
      const values = { ...(plan.steps.get(seq) ?? {}), ...(dueUpdates.has(seq) ? { dueAt: dueUpdates.get(seq)! } : {}) };
      await tx.db.update(dossierSteps).set(values).where(and(eq(dossierSteps.dossierId, id), eq(dossierSteps.seq, seq)));
    }
    await recordAudit(tx, ctx.actor, {
      action: `dossier.${action}`,
      subjectType: 'dossier',
      subjectId: id,
      unitId,
      before: { status: d.status, currentStepSeq: d.currentStepSeq, appointmentAt: d.appointmentAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null, version: d.version },
      after: { ...after, ...plan.audit },
    });
    if (deps.queue) {
      const ev = seqs.event + plan.events.length;
      for (const kind of plan.jobs) await deps.queue.send(tx, NOTIFY_JOB, { dossierId: id, kind, key: `${id}:${kind}:${ev}` } satisfies NotifyJobData);
    }
  });
  forgetTracking(d.code);
  return getDossierDetail(deps, ctx, id, { recordAccess: false, now });
}

/** Accepts the hand-off of the current step (tiếp nhận hồ sơ chuyển đến). received → in_process. */
export function acceptHandoff(deps: DossierDeps, ctx: Context, id: string, body: Body, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'accept', body, opts, (p) => {
    acceptStep(p, currentStep(p));
    if (p.agg.dossier.status === 'received') p.status = 'in_process';
  });
}

/**
 * Completes the current step and hands the dossier to the next step's unit; on the last processing step the
 * result is ready (status 9). `result-ready` is the same on the last processing step only.
 */
export function completeStepAction(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof CompleteBody>, opts: TransitionOptions = {}, action: 'complete' | 'result-ready' = 'complete') {
  return execute(deps, ctx, id, action, body, opts, async (p) => {
    const cur = currentStep(p);
    const outcome = completeStep(p, cur);
    if (cur.seq === lastProcessingSeq(p.agg.steps)) return resultReady(p, cur, 'granted', null);
    const next = p.agg.steps.find((s) => s.seq > cur.seq && s.state !== 'skipped')!;
    const designated = body.nextAssigneeId ? await checkAssignee(deps, next, body.nextAssigneeId, p.now) : null;
    handOver(p, cur, next, outcome, designated);
  });
}

/** A leader approves (or signs) the current approval step: accepts it if needed and completes it. */
export function approve(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof CompleteBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'approve', body, opts, async (p) => {
    const cur = currentStep(p);
    if (cur.state === 'handed') acceptStep(p, cur);
    if (p.agg.dossier.status === 'received') p.status = 'in_process';
    p.events.push({ kind: 'approved', fromUnitId: cur.unitId, stepSeq: cur.seq });
    const outcome = completeStep(p, cur);
    if (cur.seq === lastProcessingSeq(p.agg.steps)) return resultReady(p, cur, 'granted', null);
    const next = p.agg.steps.find((s) => s.seq > cur.seq && s.state !== 'skipped')!;
    const designated = body.nextAssigneeId ? await checkAssignee(deps, next, body.nextAssigneeId, p.now) : null;
    handOver(p, cur, next, outcome, designated);
  });
}

/** Sends the dossier back to the previous processing step, with the reason. */
export function sendBack(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof SendBackBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'send-back', body, opts, (p) => {
    const cur = currentStep(p);
    const prev = p.agg.steps.filter((s) => s.seq < cur.seq && s.state === 'done').pop()!;
    patchStep(p, cur.seq, { state: 'pending', acceptedAt: null, acceptedBy: null, handedAt: null, handedBy: null, handedFromSeq: null });
    handOver(p, cur, prev, null, null, 'sent_back', body.reason);
    p.audit.reason = body.reason;
  });
}

/** Asks the applicant to supplement the dossier (Mẫu 02): the clock pauses; status 5. */
export function requestSupplement(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof SupplementRequestBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'request-supplement', body, opts, (p) => {
    const phase: SupplementPhase = p.agg.dossier.status === 'received' ? 'reception' : 'processing';
    p.status = 'awaiting_supplement';
    p.clock.push({ kind: 'paused_supplement', reason: body.reason });
    p.supplementNew = { phase, requestedAt: p.now, requestedBy: p.actor.id, reason: body.reason, items: body.items };
    p.events.push({ kind: 'supplement_requested', stepSeq: p.agg.dossier.currentStepSeq, note: `${body.reason}: ${body.items.join('; ')}`, detail: { phase, items: body.items } });
    p.jobs.push('supplement_requested');
    if (p.agg.dossier.supplementCount >= 1) p.audit.warning = 'more than one supplement request: the national portal counts this dossier late';
    p.audit.phase = phase;
  });
}

/**
 * The applicant brought the supplement: the clock resumes (policy `shift`: the due moment moves by the pause) or
 * restarts with the full statutory time (policy `reset`), per the settings for the procedure and phase.
 */
export function supplementReceived(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof SupplementReceivedBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'supplement-received', body, opts, async (p) => {
    const d = p.agg.dossier;
    const open = await findOpenSupplement(deps.database.db, d.id);
    const phase = (open?.phase as SupplementPhase | undefined) ?? 'processing';
    const policy = body.policy ?? supplementPolicyFor(p.settings, d.procedureId, phase);
    if (policy === 'reset') {
      const { budgetMinutes } = statutoryDue(p.cal, p.now, d.statutoryTime);
      p.clock.push({ kind: 'reset', minutes: budgetMinutes, reason: 'Nhận hồ sơ bổ sung: tính lại thời hạn' });
      p.appointment = { reason: 'reset', at: 'derived' };
    } else {
      p.clock.push({ kind: 'running', reason: 'Nhận hồ sơ bổ sung' });
      p.appointment = { reason: 'supplement_returned', at: 'derived' };
    }
    p.status = anyAccepted(d, p.agg.steps) ? 'in_process' : 'received';
    if (open) p.supplementPatch = { seq: open.seq, values: { receivedAt: p.now, receivedBy: p.actor.id, policy }, appointmentAfter: 'derived' };
    p.events.push({ kind: 'supplement_received', stepSeq: d.currentStepSeq, detail: { policy, phase } });
    p.audit.policy = policy;
  });
}

function anyAccepted(d: DossierRow, steps: StepRow[]): boolean {
  return steps.some((s) => s.seq > 1 && s.acceptedAt !== null && s.kind !== 'return') || (steps.find((s) => s.seq === d.currentStepSeq)?.state === 'active');
}

/** Pauses the clock while another agency answers (liên thông) or a court decides. */
export function suspend(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof SuspendBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'suspend', body, opts, (p) => {
    const reason = body.agency ? `${body.reason} (${body.agency})` : body.reason;
    p.status = 'suspended';
    p.clock.push({ kind: 'paused_other_agency', reason });
    p.events.push({ kind: 'suspended', stepSeq: p.agg.dossier.currentStepSeq, note: reason });
  });
}

/** Resumes after a pause for another agency; the due moment moves by the pause. */
export function resume(deps: DossierDeps, ctx: Context, id: string, body: Body, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'resume', body, opts, (p) => {
    p.status = 'in_process';
    p.clock.push({ kind: 'running', reason: 'Tiếp tục xử lý' });
    p.appointment = { reason: 'resumed', at: 'derived' };
    p.events.push({ kind: 'resumed', stepSeq: p.agg.dossier.currentStepSeq });
  });
}

/** Extends the time limit by working days, with the legal basis; the appointment moves accordingly. */
export function extend(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ExtendBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'extend', body, opts, (p) => {
    const minutes = minutesOfWorkingDays(p.cal, p.now, body.workingDays);
    p.clock.push({ kind: 'extended', minutes, reason: body.reason, legalBasis: body.legalBasis });
    p.appointment = { reason: 'extension', at: 'derived', note: `${body.legalBasis}: ${body.reason}` };
    p.events.push({ kind: 'extended', stepSeq: p.agg.dossier.currentStepSeq, note: `${body.reason} (${body.legalBasis})`, detail: { workingDays: body.workingDays, minutes } });
    p.audit.extension = { workingDays: body.workingDays, minutes, legalBasis: body.legalBasis };
  });
}

/**
 * The apology and new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả): at most once, and no later than
 * one working day before the due moment; the late step and unit are recorded. It does not change the statutory
 * due moment, so a late dossier stays late in the statistics.
 */
export function apologize(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ApologyBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'apologize', body, opts, (p) => {
    const d = p.agg.dossier;
    if (!d.clockRunning || !d.dueAt) throw ruleViolated(DOSSIER_REFUSALS.dueUnknownWhilePaused);
    const latest = apologyDeadline(p.cal, d.dueAt);
    if (p.now.getTime() > latest.getTime()) {
      throw ruleViolated(DOSSIER_REFUSALS.apologyTooLate, { due: displayMoment(d.dueAt), latest: displayMoment(latest) });
    }
    const newAt = new Date(body.newAppointmentAt);
    if (Number.isNaN(newAt.getTime())) throw new AppError('VALIDATION_FAILED', { detail: 'newAppointmentAt is not an instant', fields: [{ field: 'newAppointmentAt', code: 'invalid', message: { vi: 'Thời điểm không hợp lệ', en: 'Invalid instant', fr: 'Instant invalide' } }] });
    const floor = Math.max(d.dueAt.getTime(), d.appointmentAt?.getTime() ?? 0);
    if (newAt.getTime() <= floor) throw ruleViolated(DOSSIER_REFUSALS.newAppointmentTooEarly);
    const late = stepOf(p, body.lateStepSeq ?? d.currentStepSeq);
    if (!late) throw ruleViolated(DOSSIER_REFUSALS.noSuchStep);
    p.dossier.apologyIssued = true;
    p.appointment = { reason: 'apology', at: newAt, note: body.reason, lateStepSeq: late.seq, lateUnitId: late.unitId };
    p.events.push({ kind: 'apology', stepSeq: late.seq, fromUnitId: late.unitId, note: body.reason, detail: { newAppointmentAt: newAt.toISOString() } });
    p.jobs.push('apology');
    p.audit.apology = { newAppointmentAt: newAt.toISOString(), lateStepSeq: late.seq, lateUnitId: late.unitId };
  });
}

/** Refuses on the merits (không giải quyết) with reasons: the refusal letter is the result (status 9). */
export function refuse(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof RefuseBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'refuse', body, opts, (p) => {
    const cur = currentStep(p);
    const note = body.reasons.join('; ');
    if (p.agg.dossier.status === 'received') p.status = 'in_process';
    completeStep(p, cur);
    p.events.push({ kind: 'refused', fromUnitId: cur.unitId, stepSeq: cur.seq, note, detail: { reasons: body.reasons } });
    resultReady(p, cur, 'refusal', note);
    p.audit.reasons = body.reasons;
  });
}

/** Returns the result to the applicant (at the counter, by post, online): status 10. */
export function returnResult(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ReturnResultBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'return-result', body, opts, (p) => {
    const cur = stepOf(p, p.agg.dossier.currentStepSeq);
    if (cur) {
      if (cur.state === 'handed') acceptStep(p, cur);
      completeStep(p, cur);
    }
    p.status = 'returned';
    p.dossier.returnedAt = p.now;
    p.dossier.returnMethod = body.method;
    p.dossier.currentStepSeq = null;
    p.events.push({ kind: 'result_returned', toUnitId: p.agg.dossier.returningUnitId, note: body.receivedBy ? `Người nhận: ${body.receivedBy}` : null, detail: { method: body.method } });
    p.audit.method = body.method;
  });
}

/** Records that the applicant has not yet come for the result. */
export function notCollected(deps: DossierDeps, ctx: Context, id: string, body: Body, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'not-collected', body, opts, (p) => {
    p.dossier.notCollectedAt = p.now;
    p.events.push({ kind: 'not_collected', toUnitId: p.agg.dossier.returningUnitId });
  });
}

/** The applicant withdraws the dossier (status 7). */
export function withdraw(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ReasonBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'withdraw', body, opts, (p) => {
    endApart(p, 'withdrawn', body.reason);
    p.audit.reason = body.reason;
  });
}

/** Processing is stopped (dừng xử lý, status 8) by a leader of the competent authority. */
export function cancel(deps: DossierDeps, ctx: Context, id: string, body: z.infer<typeof ReasonBody>, opts: TransitionOptions = {}) {
  return execute(deps, ctx, id, 'cancel', body, opts, (p) => {
    endApart(p, 'cancelled', body.reason);
    p.audit.reason = body.reason;
  });
}
