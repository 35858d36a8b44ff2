/**
 * Background work of the dossier module (pg-boss): notifications to applicants (receipt, supplement request,
 * result ready, apology) by e-mail and SMS; reminders to officials before a step is due; escalation to the unit's
 * leaders when a step is overdue; recomputation of open deadlines after a calendar change whose policy asks for it.
 *
 * Configuration (read from the environment until server/config.ts carries them): SMTP_URL (smtp://user:pass@host:port;
 * absent → e-mails are written to the log), MAIL_FROM, PUBLIC_URL (links in messages).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { displayMoment, todayVn } from '../../platform/clock.ts';
import { logMailer, smtpMailer, type Mailer } from '../../platform/mail.ts';
import type { Queue } from '../../platform/queue.ts';
import { logSmsProvider, type SmsProvider } from '../../platform/sms.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { onCalendarChanged, type CalendarChangedEvent } from '../calendar/calendar.service.ts';
import { subtreeIds } from '../accounts/context.ts';
import { calendarFor, clearCalendarCache } from './calendar-adapter.ts';
import { addWorkingMinutes } from './clock.ts';
import { deriveDossier, stepDue } from './derive.ts';
import { findDossierById, findOfficialsFor, findOpenDossierIds, findStepsToEscalate, findStepsToRemind, findUser, lastSeqs, loadAggregate } from './dossiers.repository.ts';
import { sendOnce as sendOnceLogged } from '../../platform/send-once.ts';
import { dossierAppointments, dossierEvents, dossierNotifications, dossiers, dossierSteps } from './dossiers.schema.ts';
import { clockEntriesOf } from './dossiers.service.ts';
import { getSettings } from './dossiers.settings.ts';
import { ESCALATION_JOB, NOTIFY_JOB, REMINDER_JOB, type NotifyJobData } from './jobs.names.ts';
import { sql } from 'drizzle-orm';

export interface NotifyDeps {
  database: Database;
  mailer: Mailer;
  sms: SmsProvider;
  /** Base URL of the public site, for the tracking link. */
  publicUrl: string;
}

/** Mailer and SMS provider from the environment (SMTP_URL, MAIL_FROM), logging ones otherwise. */
export function notifyDepsFromEnv(database: Database, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = (l) => console.log(`[dossiers] ${l}`)): NotifyDeps {
  const mailer = env.SMTP_URL ? smtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM ?? 'motcua <no-reply@motcua.local>' }) : logMailer(log);
  return { database, mailer, sms: logSmsProvider(log), publicUrl: (env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '') };
}

interface Message {
  subject: string;
  text: string;
  sms: string;
}

/** The applicant's message for a notification kind, in Vietnamese (the applicant's language of the procedure). */
export function applicantMessage(kind: NotifyJobData['kind'], d: { code: string; procedureName: string; applicantName: string; appointmentAt: Date | null; resultKind: string | null }, trackUrl: string, extra: { supplement?: { reason: string; items: string[] } | null; apology?: { reason: string | null } | null } = {}): Message {
  const appt = d.appointmentAt ? displayMoment(d.appointmentAt) : '';
  const head = `Kính gửi ông/bà ${d.applicantName},`;
  const foot = `Tra cứu tình trạng hồ sơ: ${trackUrl} (mã hồ sơ ${d.code} và 4 số cuối điện thoại hoặc giấy tờ tùy thân).`;
  switch (kind) {
    case 'received':
      return {
        subject: `Đã tiếp nhận hồ sơ ${d.code}`,
        text: [head, '', `Hồ sơ "${d.procedureName}" của ông/bà đã được tiếp nhận, mã hồ sơ ${d.code}.`, appt ? `Ngày hẹn trả kết quả: ${appt}.` : '', '', foot].filter((l) => l !== null).join('\n'),
        sms: `Ho so ${d.code} da duoc tiep nhan. Hen tra: ${appt}. Tra cuu: ${trackUrl}`,
      };
    case 'supplement_requested': {
      const s = extra.supplement;
      return {
        subject: `Yêu cầu bổ sung hồ sơ ${d.code}`,
        text: [head, '', `Hồ sơ ${d.code} ("${d.procedureName}") cần được bổ sung, hoàn thiện.`, s ? `Lý do: ${s.reason}` : '', ...(s?.items ?? []).map((x, i) => `${i + 1}. ${x}`), 'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.', '', foot].join('\n'),
        sms: `Ho so ${d.code} can bo sung. Chi tiet: ${trackUrl}`,
      };
    }
    case 'result_ready':
      return {
        subject: `Đã có kết quả hồ sơ ${d.code}`,
        text: [head, '', d.resultKind === 'refusal' ? `Hồ sơ ${d.code} ("${d.procedureName}") đã có văn bản trả lời (không giải quyết, có nêu lý do).` : `Hồ sơ ${d.code} ("${d.procedureName}") đã có kết quả.`, 'Mời ông/bà đến nhận kết quả theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.', '', foot].join('\n'),
        sms: `Ho so ${d.code} da co ket qua. Moi ong/ba den nhan. ${trackUrl}`,
      };
    case 'apology':
      return {
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`,
        text: [head, '', `Hồ sơ ${d.code} ("${d.procedureName}") chưa giải quyết được đúng hẹn. Chúng tôi chân thành xin lỗi ông/bà.`, extra.apology?.reason ? `Lý do: ${extra.apology.reason}` : '', appt ? `Ngày hẹn trả kết quả mới: ${appt}.` : '', '', foot].join('\n'),
        sms: `Xin loi: ho so ${d.code} tre hen. Hen moi: ${appt}. ${trackUrl}`,
      };
    default:
      return { subject: d.code, text: foot, sms: foot };
  }
}

/** Sends on one channel unless this job already did (the platform's sendOnce over dossier_notifications). */
const sendOnce = (deps: NotifyDeps, data: NotifyJobData, channel: 'email' | 'sms', recipient: string, send: () => Promise<{ id: string }>) =>
  sendOnceLogged(deps.database.db, { table: dossierNotifications, subject: { column: dossierNotifications.dossierId, id: data.dossierId }, jobKey: data.key, kind: data.kind }, channel, recipient, send);

/**
 * Handles one notification job: to the applicant (e-mail if given, SMS if a phone is given), or to officials for
 * reminders (the step's assignee, else the officials holding the step's role on its unit) and escalations (the
 * leaders of the step's unit). Throws on a delivery failure so that pg-boss retries; sent channels are not resent.
 */
export async function handleNotify(deps: NotifyDeps, data: NotifyJobData): Promise<void> {
  const db = deps.database.db;
  const d = await findDossierById(db, data.dossierId);
  if (!d) return;
  const trackUrl = `${deps.publicUrl}/tra-cuu?ma=${encodeURIComponent(d.code)}`;
  if (data.kind === 'step_reminder' || data.kind === 'step_escalation') {
    const agg = await loadAggregate(db, d.id);
    const step = agg?.steps.find((s) => s.seq === data.stepSeq);
    if (!step) return;
    const today = todayVn();
    const recipients = data.kind === 'step_escalation'
      ? await findOfficialsFor(db, step.unitId, 'unit_leader', today)
      : step.assigneeId
        ? [await findUser(db, step.assigneeId)].filter((u): u is NonNullable<typeof u> => !!u)
        : await findOfficialsFor(db, step.unitId, step.role, today);
    const due = step.dueAt ? displayMoment(step.dueAt) : '';
    const subject = data.kind === 'step_escalation' ? `Quá hạn bước xử lý hồ sơ ${d.code}` : `Sắp đến hạn bước xử lý hồ sơ ${d.code}`;
    const text = data.kind === 'step_escalation'
      ? `Bước ${step.seq} (${step.kind}) của hồ sơ ${d.code} ("${d.procedureName}") đã quá hạn lúc ${due}. Đề nghị lãnh đạo đơn vị chỉ đạo xử lý.`
      : `Bước ${step.seq} (${step.kind}) của hồ sơ ${d.code} ("${d.procedureName}") đến hạn lúc ${due}.`;
    for (const r of recipients) {
      if (r.email) await sendOnce(deps, data, 'email', r.email, async () => ({ id: (await deps.mailer.send({ to: r.email!, subject, text })).messageId }));
    }
    return;
  }
  let supplement: { reason: string; items: string[] } | null = null;
  let apology: { reason: string | null } | null = null;
  if (data.kind === 'supplement_requested') {
    const [s] = await db.execute(sql`SELECT reason, items FROM dossier_supplements WHERE dossier_id = ${d.id} ORDER BY seq DESC LIMIT 1`).then((r) => (r as unknown as { rows: Array<{ reason: string; items: string[] }> }).rows);
    supplement = s ?? null;
  }
  if (data.kind === 'apology') {
    const [a] = await db.select({ note: dossierAppointments.note }).from(dossierAppointments).where(and(eq(dossierAppointments.dossierId, d.id), eq(dossierAppointments.reason, 'apology')));
    apology = { reason: a?.note ?? null };
  }
  const msg = applicantMessage(data.kind, d, trackUrl, { supplement, apology });
  if (d.applicantEmail) await sendOnce(deps, data, 'email', d.applicantEmail, async () => ({ id: (await deps.mailer.send({ to: d.applicantEmail!, subject: msg.subject, text: msg.text })).messageId }));
  if (d.applicantPhone) await sendOnce(deps, data, 'sms', d.applicantPhone, () => deps.sms.send(d.applicantPhone!, msg.sms));
}

/**
 * Marks the steps due within the configured lead time (working hours) and queues one reminder per step.
 * Returns the number of steps reminded.
 */
export async function runStepReminders(database: Database, queue: Queue, now = new Date()): Promise<number> {
  const db = database.db;
  const settings = await getSettings(db);
  const cal = await calendarFor(db, null, now);
  const until = addWorkingMinutes(cal.work, now, settings.reminderHours * 60, false);
  const rows = await findStepsToRemind(db, until, now);
  for (const r of rows) {
    await database.transaction(async (tx) => {
      const upd = await tx.db.update(dossierSteps).set({ remindedAt: now }).where(and(eq(dossierSteps.id, r.step.id), sql`${dossierSteps.remindedAt} IS NULL`)).returning({ id: dossierSteps.id });
      if (upd.length === 0) return;
      await recordAudit(tx, systemActor('dossiers.reminders'), { action: 'dossier.step.remind', subjectType: 'dossier', subjectId: r.dossierId, unitId: r.step.unitId, after: { stepSeq: r.step.seq, dueAt: r.step.dueAt?.toISOString() ?? null } });
      await queue.send(tx, NOTIFY_JOB, { dossierId: r.dossierId, kind: 'step_reminder', key: `${r.dossierId}:remind:${r.step.seq}:${now.getTime()}`, stepSeq: r.step.seq } satisfies NotifyJobData);
    });
  }
  return rows.length;
}

/** Marks overdue steps escalated, writes the timeline row and queues the message to the unit's leaders. */
export async function runEscalations(database: Database, queue: Queue, now = new Date()): Promise<number> {
  const rows = await findStepsToEscalate(database.db, now);
  for (const r of rows) {
    await database.transaction(async (tx) => {
      await tx.db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, r.dossierId)).for('update');
      const upd = await tx.db.update(dossierSteps).set({ escalatedAt: now }).where(and(eq(dossierSteps.id, r.step.id), sql`${dossierSteps.escalatedAt} IS NULL`)).returning({ id: dossierSteps.id });
      if (upd.length === 0) return;
      const seqs = await lastSeqs(tx.db, r.dossierId);
      const [d] = await tx.db.select({ unitId: dossiers.competentUnitId }).from(dossiers).where(eq(dossiers.id, r.dossierId));
      await tx.db.insert(dossierEvents).values({ dossierId: r.dossierId, unitId: d.unitId, seq: seqs.event + 1, kind: 'escalated', at: now, actorName: 'Hệ thống', fromUnitId: r.step.unitId, stepSeq: r.step.seq, note: r.step.dueAt ? `Hạn bước: ${displayMoment(r.step.dueAt)}` : null });
      await recordAudit(tx, systemActor('dossiers.escalation'), { action: 'dossier.step.escalate', subjectType: 'dossier', subjectId: r.dossierId, unitId: r.step.unitId, after: { stepSeq: r.step.seq, dueAt: r.step.dueAt?.toISOString() ?? null } });
      await queue.send(tx, NOTIFY_JOB, { dossierId: r.dossierId, kind: 'step_escalation', key: `${r.dossierId}:escalate:${r.step.seq}`, stepSeq: r.step.seq } satisfies NotifyJobData);
    });
  }
  return rows.length;
}

/**
 * After a committed calendar change whose policy is "recompute open deadlines": open dossiers of the changed
 * layer's units move to the new calendar version; their due moments are re-derived and, when it moved, the
 * appointment is changed with reason `calendar_change` (history, timeline and audit rows). Otherwise nothing
 * changes: the appointment stays frozen (deadlines.md §2.5).
 */
export async function applyCalendarChange(database: Database, event: CalendarChangedEvent, now = new Date()): Promise<number> {
  if (!event.recomputeOpenDeadlines) return 0;
  const db = database.db;
  const unitIds = event.unitId ? await subtreeIds(db, [event.unitId]) : null;
  let changed = 0;
  for (const id of await findOpenDossierIds(db, unitIds)) {
    const agg = await loadAggregate(db, id);
    if (!agg) continue;
    const d = agg.dossier;
    const cal = await calendarFor(db, d.competentUnitId, { version: event.version });
    const entries = clockEntriesOf(agg.clock);
    const dv = deriveDossier(cal.work, entries, now);
    const base = agg.steps[agg.steps.length - 1]?.cumulativeMinutes ?? d.budgetMinutes;
    const moved = dv.dueAt && d.dueAt && dv.dueAt.getTime() !== d.dueAt.getTime();
    await database.transaction(async (tx) => {
      const upd = await tx.db.update(dossiers).set({ calendarVersion: cal.version, dueAt: dv.dueAt, dueDate: dv.dueDate, remainingMinutes: dv.remainingMinutes, clockRunning: dv.clockRunning, ...(moved ? { appointmentAt: dv.dueAt } : {}), version: d.version + 1, updatedAt: now }).where(and(eq(dossiers.id, id), eq(dossiers.version, d.version))).returning({ id: dossiers.id });
      if (upd.length === 0) return;
      for (const s of agg.steps) {
        if (['pending', 'handed', 'active'].includes(s.state)) await tx.db.update(dossierSteps).set({ dueAt: stepDue(cal.work, entries, s.cumulativeMinutes, base, dv.clock.budgetMinutes) }).where(eq(dossierSteps.id, s.id));
      }
      const seqs = await lastSeqs(tx.db, id);
      if (moved) {
        await tx.db.insert(dossierAppointments).values({ dossierId: id, unitId: d.competentUnitId, seq: seqs.appointment + 1, reason: 'calendar_change', previousAt: d.appointmentAt, appointmentAt: dv.dueAt!, decidedAt: now, actorId: event.actor.userId, note: event.reason });
        await tx.db.insert(dossierEvents).values({ dossierId: id, unitId: d.competentUnitId, seq: seqs.event + 1, kind: 'calendar_change', at: now, actorId: event.actor.userId, actorName: event.actor.label, note: `${event.reason} (lịch phiên bản ${event.version})` });
      }
      await recordAudit(tx, event.actor, { action: 'dossier.calendar_change', subjectType: 'dossier', subjectId: id, unitId: d.competentUnitId, before: { calendarVersion: d.calendarVersion, dueAt: d.dueAt?.toISOString() ?? null }, after: { calendarVersion: cal.version, dueAt: dv.dueAt?.toISOString() ?? null } });
      changed++;
    });
  }
  return changed;
}

let unsubscribe: (() => void) | null = null;

/**
 * Registers the module's queues and scheduled jobs, and its calendar-change listener. Called from server/jobs.ts.
 * `notify` overrides the mailer/SMS (tests); by default they come from the environment.
 */
export async function registerDossierJobs(queue: Queue, database: Database, notify: NotifyDeps = notifyDepsFromEnv(database)): Promise<void> {
  await queue.register<NotifyJobData>(NOTIFY_JOB, (data) => handleNotify(notify, data), { retryLimit: 5 });
  await queue.register(REMINDER_JOB, async () => {
    await runStepReminders(database, queue);
  }, { cron: '*/15 * * * *' });
  await queue.register(ESCALATION_JOB, async () => {
    await runEscalations(database, queue);
  }, { cron: '7,37 * * * *' });
  unsubscribe?.();
  unsubscribe = onCalendarChanged((event) => {
    clearCalendarCache();
    return applyCalendarChange(database, event).then(() => undefined);
  });
}
