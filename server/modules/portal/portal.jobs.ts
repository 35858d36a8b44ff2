/**
 * Background work of the portal (pg-boss): `portal.notify-refusal` tells the applicant that the counter refused their
 * online application (portal code 3) — e-mail and SMS through the platform's Mailer and SmsProvider, the same ones
 * the dossier notifications use — with the procedure, the reason and a link to "my applications" on the portal.
 * The job is queued in the refusal's transaction (portal.service.ts); each channel is recorded in
 * `portal_notifications`, so a retried job does not send twice.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { displayDate, todayVn } from '../../platform/clock.ts';
import type { Queue } from '../../platform/queue.ts';
import { sendOnce as sendOnceLogged } from '../../platform/send-once.ts';
import { users } from '../accounts/accounts.schema.ts';
import { messagingFromEnv, type MessagingDeps } from '../satisfaction/satisfaction.jobs.ts';
import { units } from '../units/units.schema.ts';
import { portalIdentities, portalNotifications, portalSubmissions } from './portal.schema.ts';

export const REFUSAL_NOTICE_JOB = 'portal.notify-refusal';

/** What the refusal job carries; `key` (application id and version) makes a retried job skip what it sent. */
export interface RefusalNoticeData {
  submissionId: string;
  key: string;
}

/** Where "my applications" opens on the portal (web/src/features/portal/PortalPage.tsx reads `muc`). */
export const MY_APPLICATIONS_PATH = '/cong-dan?muc=ho-so-cua-toi';

/** The refusal notice in Vietnamese: subject, e-mail text and SMS. */
export function refusalMessage(a: { applicantName: string; procedureName: string; unitName: string | null; submittedAt: Date | null; reason: string }, link: string) {
  const filed = a.submittedAt ? ` ngày ${displayDate(todayVn(a.submittedAt))}` : '';
  const at = a.unitName ? ` tại ${a.unitName}` : '';
  return {
    subject: `Hồ sơ trực tuyến không được tiếp nhận – ${a.procedureName}`,
    text: [
      `Kính gửi ông/bà ${a.applicantName},`,
      '',
      `Hồ sơ "${a.procedureName}" ông/bà nộp trực tuyến${filed}${at} không được tiếp nhận.`,
      `Lý do: ${a.reason}`,
      '',
      `Ông/bà xem hồ sơ tại mục "Hồ sơ của tôi" trên Cổng dịch vụ công: ${link}`,
      'Sau khi bổ sung, hoàn thiện theo lý do trên, ông/bà có thể nộp lại hồ sơ mới.',
      '',
      'Trân trọng.',
    ].join('\n'),
    sms: `Ho so truc tuyen "${a.procedureName}" khong duoc tiep nhan. Ly do: ${a.reason.slice(0, 200)}. Xem: ${link}`,
  };
}

/** Sends on one channel unless this job already did (the platform's sendOnce over portal_notifications). */
const sendOnce = (deps: MessagingDeps, data: RefusalNoticeData, channel: 'email' | 'sms', recipient: string, send: () => Promise<{ id: string }>) =>
  sendOnceLogged(deps.database.db, { table: portalNotifications, subject: { column: portalNotifications.submissionId, id: data.submissionId }, jobKey: data.key, kind: 'refused' }, channel, recipient, send);

/**
 * Sends the refusal notice of an application to its applicant: e-mail to the address given on the application (else
 * the identity's), SMS to the phone given (else the identity's). Returns the number of messages sent by this run.
 * Throws on a delivery failure so that pg-boss retries; channels already sent are skipped.
 */
export async function handleRefusalNotice(deps: MessagingDeps, data: RefusalNoticeData): Promise<number> {
  const db = deps.database.db;
  const [row] = await db.select().from(portalSubmissions).where(eq(portalSubmissions.id, data.submissionId));
  if (!row || row.status !== 'refused') return 0;
  const a = row.applicant as { name?: string; email?: string | null; phone?: string | null };
  const [[identity], [user], [unit]] = await Promise.all([
    db.select({ email: portalIdentities.email, phone: portalIdentities.phone }).from(portalIdentities).where(eq(portalIdentities.userId, row.userId)).orderBy(desc(portalIdentities.lastSignInAt)).limit(1),
    db.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, row.userId)),
    db.select({ name: units.name }).from(units).where(eq(units.id, row.receptionUnitId)),
  ]);
  const email = a.email || identity?.email || user?.email || null;
  const phone = a.phone || identity?.phone || user?.phone || null;
  const msg = refusalMessage(
    { applicantName: a.name ?? '', procedureName: row.procedureName, unitName: unit?.name ?? null, submittedAt: row.submittedAt, reason: row.refusalReason ?? '' },
    `${deps.publicUrl}${MY_APPLICATIONS_PATH}`,
  );
  let sent = 0;
  if (email && (await sendOnce(deps, data, 'email', email, async () => ({ id: (await deps.mailer.send({ to: email, subject: msg.subject, text: msg.text })).messageId })))) sent++;
  if (phone && (await sendOnce(deps, data, 'sms', phone, () => deps.sms.send(phone, msg.sms)))) sent++;
  return sent;
}

export async function registerPortalJobs(queue: Queue, database: Database, deps: MessagingDeps = messagingFromEnv(database, 'portal')): Promise<void> {
  await queue.register<RefusalNoticeData>(REFUSAL_NOTICE_JOB, async (data) => {
    await handleRefusalNotice(deps, data);
  }, { retryLimit: 5 });
}
