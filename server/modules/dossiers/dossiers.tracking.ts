/**
 * Public tracking (tra cứu hồ sơ): dossier code + the last 4 digits of the applicant's phone or ID number →
 * status, public timeline, current step and unit, statutory due moment, pauses with reasons, appointments, the
 * expected date explained in words, and which officials opened the dossier. Nothing else about the applicant.
 * A wrong code and wrong digits give the same NOT_FOUND, so the endpoint cannot tell whether a code exists.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { Tracking, type TrackingQuery } from '../../../contracts/dossiers.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Lang } from '../../platform/messages.ts';
import { displayMoment } from '../../platform/clock.ts';
import { explainCalendarDayDeadline, explainDeadline, type WorkCalendar } from '../calendar/index.ts';
import { calendarFor } from './calendar-adapter.ts';
import { addWorkingMinutes, deriveClock } from './clock.ts';
import { STEP_KINDS } from '../procedures/index.ts';
import { APPOINTMENT_REASONS, CLOCK_KINDS, DOSSIER_STATUSES, EVENT_KINDS, type AppointmentReason, type DossierStatus, type EventKind } from './dossiers.kinds.ts';
import { findAccessLog, findDossierByCode, findUnits, loadFull, type DossierRow, type EventRow, type FullAggregate, type UnitInfo } from './dossiers.repository.ts';
import { FRESH_MS, getAnswer, putAnswer, trackingCacheStats, type CachedAnswer } from './tracking-cache.ts';
import { clockEntriesOf } from './dossiers.service.ts';

const digitsOf = (s: string | null) => (s ?? '').replace(/\D/g, '');

/** Constant-time comparison of the last four digits. */
function lastFourMatch(value: string | null, digits: string): boolean {
  const d = digitsOf(value);
  if (d.length < 4) return false;
  return timingSafeEqual(Buffer.from(d.slice(-4)), Buffer.from(digits));
}

/** Events the applicant sees, in public wording (no official's name, no internal note). */
const PUBLIC_NOTES: ReadonlySet<EventKind> = new Set(['supplement_requested', 'suspended', 'extended', 'apology', 'refused', 'withdrawn', 'cancelled']);
const HIDDEN: ReadonlySet<EventKind> = new Set(['reassigned', 'escalated', 'step_completed']);

export function publicEventText(e: EventRow, units: Map<string, UnitInfo>, lang: Lang): string {
  const kind = e.kind as EventKind;
  const label = EVENT_KINDS[kind]?.[lang] ?? kind;
  const unit = (id: string | null) => (id ? (units.get(id)?.name ?? '') : '');
  let text: string = label;
  if (kind === 'handoff' && e.toUnitId) text = { vi: `Hồ sơ được chuyển đến ${unit(e.toUnitId)}`, en: `Handed over to ${unit(e.toUnitId)}`, fr: `Transmis à ${unit(e.toUnitId)}` }[lang];
  else if (kind === 'accepted' && e.toUnitId) text = { vi: `${unit(e.toUnitId)} đã nhận hồ sơ để xử lý`, en: `${unit(e.toUnitId)} took up the dossier`, fr: `${unit(e.toUnitId)} a pris en charge le dossier` }[lang];
  else if (kind === 'sent_back' && e.toUnitId) text = { vi: `Hồ sơ được trả lại ${unit(e.toUnitId)} để xử lý lại`, en: `Sent back to ${unit(e.toUnitId)}`, fr: `Renvoyé à ${unit(e.toUnitId)}` }[lang];
  if (PUBLIC_NOTES.has(kind) && e.note) text += `: ${e.note}`;
  return text.normalize('NFC');
}

/** Sentences explaining the expected date: the calendar's explanation of the statutory time, then the ledger. */
export function explainExpected(cal: WorkCalendar, full: FullAggregate, lang: Lang, now: Date): string[] {
  const d = full.dossier;
  const entries = clockEntriesOf(full.clock);
  const lines: string[] = [];
  const time = d.statutoryTime;
  try {
    if (time.unit === 'day') lines.push(...explainCalendarDayDeadline(cal, d.receivedAt, time.value, lang).steps);
    else if (time.value > 0) lines.push(...explainDeadline(cal, d.receivedAt, { value: time.value, unit: time.unit === 'working_hour' ? 'working_hour' : 'working_day' }, lang).steps);
    else lines.push({ vi: 'Thủ tục giải quyết trong ngày làm việc tiếp nhận.', en: 'The procedure is settled within the working day of receipt.', fr: 'La démarche est traitée le jour ouvré de la réception.' }[lang]);
  } catch {
    // An explanation must never hide the tracking answer.
  }
  for (const [i, c] of full.clock.entries()) {
    if (i === 0) continue;
    const at = displayMoment(c.at);
    const why = c.reason ? ` (${c.reason})` : '';
    if (c.kind === 'paused_supplement' || c.kind === 'paused_other_agency') {
      const end = full.clock.slice(i + 1).find((x) => x.kind === 'running' || x.kind === 'reset' || x.kind === 'stopped');
      const until = end ? displayMoment(end.at) : { vi: 'nay', en: 'now', fr: 'maintenant' }[lang];
      lines.push({ vi: `Tạm dừng tính thời gian từ ${at} đến ${until} — ${CLOCK_KINDS[c.kind].vi.toLowerCase()}${why}; thời hạn được lùi tương ứng.`, en: `Clock paused from ${at} to ${until} — ${CLOCK_KINDS[c.kind].en.toLowerCase()}${why}; the due date moves accordingly.`, fr: `Délai suspendu du ${at} au ${until} — ${CLOCK_KINDS[c.kind].fr.toLowerCase()}${why} ; l’échéance est décalée d’autant.` }[lang]);
    } else if (c.kind === 'extended') {
      const h = Math.round((c.minutes / 60) * 10) / 10;
      lines.push({ vi: `Gia hạn ${h} giờ làm việc từ ${at} theo ${c.legalBasis ?? ''}${why}.`, en: `Extended by ${h} working hours on ${at} under ${c.legalBasis ?? ''}${why}.`, fr: `Prolongé de ${h} heures ouvrées le ${at} en vertu de ${c.legalBasis ?? ''}${why}.` }[lang]);
    } else if (c.kind === 'reset') {
      lines.push({ vi: `Nhận hồ sơ bổ sung lúc ${at}: thời hạn giải quyết được tính lại từ đầu.`, en: `Supplement received at ${at}: the full time limit restarted.`, fr: `Complément reçu le ${at} : le délai complet a redémarré.` }[lang]);
    }
  }
  const st = deriveClock(cal, entries, now < full.clock[full.clock.length - 1].at ? full.clock[full.clock.length - 1].at : now);
  // Once the clock has stopped, the due moment is the one recorded while it ran: re-deriving it from the stop
  // would move a late dossier's deadline to its finishing moment.
  const due = st.stopped ? (d.dueAt ?? st.dueAt) : st.dueAt;
  if (due) lines.push({ vi: `Hạn giải quyết theo quy định: ${displayMoment(due)}.`, en: `Statutory due date: ${displayMoment(due)}.`, fr: `Échéance légale : ${displayMoment(due)}.` }[lang]);
  else if (!st.running && !st.stopped) {
    const ifNow = addWorkingMinutes(cal, now, Math.max(0, st.remainingMinutes), false);
    lines.push({ vi: `Đang tạm dừng; còn ${Math.max(0, Math.round(st.remainingMinutes / 60 * 10) / 10)} giờ làm việc — nếu tiếp tục ngay, hạn sẽ là ${displayMoment(ifNow)}.`, en: `Paused; ${Math.max(0, Math.round(st.remainingMinutes / 60 * 10) / 10)} working hours left — if resumed now, due ${displayMoment(ifNow)}.`, fr: `Suspendu ; il reste ${Math.max(0, Math.round(st.remainingMinutes / 60 * 10) / 10)} heures ouvrées — en cas de reprise immédiate, échéance le ${displayMoment(ifNow)}.` }[lang]);
  }
  if (d.appointmentAt && (!due || d.appointmentAt.getTime() !== due.getTime())) {
    lines.push({ vi: `Ngày hẹn trả kết quả: ${displayMoment(d.appointmentAt)}.`, en: `Appointment for the result: ${displayMoment(d.appointmentAt)}.`, fr: `Rendez-vous pour le résultat : ${displayMoment(d.appointmentAt)}.` }[lang]);
  }
  return lines.map((l) => l.normalize('NFC'));
}

type TrackingAnswer = Awaited<ReturnType<typeof buildAnswer>>;

interface Probe {
  id: string;
  version: number;
  phone: string | null;
  idNumber: string | null;
  paused: boolean;
  lastAccess: string | null;
}

/** One indexed read: what decides whether a cached answer is still exact (see tracking-cache.ts). */
async function probe(db: Db, code: string): Promise<Probe | undefined> {
  const res = (await db.execute(sql`SELECT d.id, d.version, d.applicant_phone AS phone, d.applicant_id_number AS "idNumber",
      d.status IN ('awaiting_supplement', 'suspended') AS paused,
      (SELECT max(a.at) FROM dossier_access_log a WHERE a.dossier_id = d.id)::text AS "lastAccess"
    FROM dossiers d WHERE d.code = ${code}`)) as unknown as { rows: Probe[] };
  return res.rows[0];
}

const last4 = (s: string | null) => {
  const d = digitsOf(s);
  return d.length >= 4 ? d.slice(-4) : null;
};
const digitsMatch = (phone4: string | null, id4: string | null, digits: string) => lastFourMatch(phone4, digits) || lastFourMatch(id4, digits);

/**
 * Public tracking answer. `lang` defaults to Vietnamese. Served from the tracking cache while exact (see
 * tracking-cache.ts), else built from the database.
 * @throws NOT_FOUND for an unknown code or wrong digits (the same error).
 */
export async function trackDossier(db: Db, q: z.infer<typeof TrackingQuery>, now = new Date()): Promise<TrackingAnswer> {
  return (await trackedEntry(db, q, now)).body;
}

/** The same answer as JSON text, validated against the contract when it was built (what the route sends). */
export async function trackDossierJson(db: Db, q: z.infer<typeof TrackingQuery>, now = new Date()): Promise<string> {
  return (await trackedEntry(db, q, now)).json;
}

async function trackedEntry(db: Db, q: z.infer<typeof TrackingQuery>, now: Date): Promise<CachedAnswer<TrackingAnswer>> {
  const lang: Lang = q.lang ?? 'vi';
  const code = q.code.trim().toUpperCase();
  const key = `${code}|${lang}`;
  const t = now.getTime();
  let entry = getAnswer<TrackingAnswer>(key);
  if (entry && t - entry.checkedAt < FRESH_MS && !(entry.paused && t - entry.builtAt > 60_000)) {
    trackingCacheStats.fresh++;
  } else {
    // One refresh per code at a time: concurrent lookups of the same code wait for it (no stampede).
    let pending = inflight.get(key);
    if (!pending) {
      pending = refresh(db, code, lang, key, now).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    entry = await pending;
  }
  if (!entry || !digitsMatch(entry.phone4, entry.id4, q.digits)) throw notFound('dossier');
  return entry;
}

const inflight = new Map<string, Promise<CachedAnswer<TrackingAnswer> | undefined>>();

/** Re-validates the cached answer with the probe, or builds it; undefined for an unknown code. */
async function refresh(db: Db, code: string, lang: Lang, key: string, now: Date): Promise<CachedAnswer<TrackingAnswer> | undefined> {
  const t = now.getTime();
  const p = await probe(db, code);
  if (!p) return undefined;
  const hit = getAnswer<TrackingAnswer>(key);
  if (hit && hit.version === Number(p.version) && hit.lastAccess === p.lastAccess && !(hit.paused && t - hit.builtAt > 60_000)) {
    hit.checkedAt = t;
    trackingCacheStats.revalidated++;
    return hit;
  }
  const row = await findDossierByCode(db, code);
  if (!row) return undefined;
  const body = await buildAnswer(db, row, lang, now);
  trackingCacheStats.built++;
  const entry: CachedAnswer<TrackingAnswer> = { version: row.version, lastAccess: p.lastAccess, phone4: last4(p.phone), id4: last4(p.idNumber), paused: p.paused, builtAt: t, checkedAt: t, body, json: JSON.stringify(Tracking.parse(body)) };
  putAnswer(key, entry);
  return entry;
}

async function buildAnswer(db: Db, row: DossierRow, lang: Lang, now: Date) {
  const [full, access, cal] = await Promise.all([loadFull(db, row), findAccessLog(db, row.id), calendarFor(db, row.competentUnitId, { version: row.calendarVersion })]);
  const units = await findUnits(db, [row.receptionUnitId, row.competentUnitId, row.returningUnitId, ...full.steps.map((s) => s.unitId), ...full.events.flatMap((e) => [e.fromUnitId, e.toUnitId]).filter((x): x is string => !!x)]);
  const current = full.steps.find((s) => s.seq === row.currentStepSeq);
  const status = row.status as DossierStatus;
  const st = deriveClock(cal.work, clockEntriesOf(full.clock), now < full.clock[full.clock.length - 1].at ? full.clock[full.clock.length - 1].at : now);
  const pauses = full.clock
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'paused_supplement' || c.kind === 'paused_other_agency')
    .map(({ c, i }) => {
      const end = full.clock.slice(i + 1).find((x) => x.kind === 'running' || x.kind === 'reset' || x.kind === 'stopped');
      return { kind: c.kind, from: c.at.toISOString(), to: end ? end.at.toISOString() : null, reason: c.reason };
    });
  return {
    code: row.code,
    procedureName: row.procedureName,
    status,
    statusLabel: DOSSIER_STATUSES[status]?.[lang] ?? status,
    portalStatus: DOSSIER_STATUSES[status]?.portalCode ?? 4,
    channel: row.channel as 'counter' | 'online' | 'post',
    receivedAt: row.receivedAt.toISOString(),
    legalDueAt: (st.stopped ? (row.dueAt ?? st.dueAt) : st.dueAt)?.toISOString() ?? null,
    appointmentAt: row.appointmentAt ? row.appointmentAt.toISOString() : null,
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    returnedAt: row.returnedAt ? row.returnedAt.toISOString() : null,
    currentStep: current ? { label: STEP_KINDS[current.kind as keyof typeof STEP_KINDS]?.[lang] ?? current.kind, unitName: units.get(current.unitId)?.name ?? '' } : null,
    timeline: full.events.filter((e) => !HIDDEN.has(e.kind as EventKind)).map((e) => ({ at: e.at.toISOString(), text: publicEventText(e, units, lang), unitName: (e.toUnitId ?? e.fromUnitId) ? (units.get((e.toUnitId ?? e.fromUnitId)!)?.name ?? null) : null })),
    pauses,
    appointments: full.appointments.map((a) => ({ at: a.appointmentAt.toISOString(), reason: APPOINTMENT_REASONS[a.reason as AppointmentReason]?.[lang] ?? a.reason, decidedAt: a.decidedAt.toISOString() })),
    explanation: explainExpected(cal.work, full, lang, now),
    accessLog: access.map((a) => ({ at: a.at.toISOString(), officialName: a.userName, unitName: a.unitName })),
  };
}
