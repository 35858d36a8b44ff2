/**
 * The rating invitation: every 10 minutes, each dossier whose result was returned in the last 7 days, with a phone
 * or e-mail, not invited by SMS/e-mail yet and not rated, gets its invitation link (`/danh-gia?t=…`) by SMS and
 * e-mail — the same link as the return slip's QR when the slip was printed first (satisfaction.service.ts
 * `ensureInvite`). The dossier module is not touched: the job reads returned dossiers, so no hook in the dossier
 * transitions is needed.
 */
import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { logMailer, smtpMailer, type Mailer } from '../../platform/mail.ts';
import type { Queue } from '../../platform/queue.ts';
import { logSmsProvider, type SmsProvider } from '../../platform/sms.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { findDossierById, findDossiersToInvite } from './satisfaction.repository.ts';
import { inviteUrl, ratingLinkSecret } from './satisfaction.links.ts';
import { ensureInvite } from './satisfaction.service.ts';
import { satisfactionInvites } from './satisfaction.schema.ts';
import { eq } from 'drizzle-orm';

export const INVITE_JOB = 'satisfaction.invite';

export interface MessagingDeps {
  database: Database;
  mailer: Mailer;
  sms: SmsProvider;
  publicUrl: string;
}

/** Mailer and SMS provider from the environment (SMTP_URL, MAIL_FROM, PUBLIC_URL), logging ones otherwise. */
export function messagingFromEnv(database: Database, tag: string, env: NodeJS.ProcessEnv = process.env): MessagingDeps {
  const log = (l: string) => console.log(`[${tag}] ${l}`);
  const mailer = env.SMTP_URL ? smtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM ?? 'motcua <no-reply@motcua.local>' }) : logMailer(log);
  return { database, mailer, sms: logSmsProvider(log), publicUrl: (env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '') };
}

/** Sends the invitations due; returns how many dossiers were invited. */
export async function runInvites(deps: MessagingDeps, now = new Date()): Promise<number> {
  const ids = await findDossiersToInvite(deps.database.db, new Date(now.getTime() - 7 * 86_400_000));
  if (!ids.length) return 0;
  const secret = await ratingLinkSecret(deps.database);
  let n = 0;
  for (const id of ids) {
    const d = await findDossierById(deps.database.db, id);
    if (!d) continue;
    const channels = [d.applicantPhone ? 'sms' : null, d.applicantEmail ? 'email' : null].filter(Boolean).join(',');
    let token: string;
    try {
      ({ token } = await deps.database.transaction(async (tx) => {
        const r = await ensureInvite(tx.db, d, secret, now);
        await tx.db.update(satisfactionInvites).set({ sentTo: [d.applicantPhone, d.applicantEmail].filter(Boolean).join(', '), sentChannels: channels }).where(eq(satisfactionInvites.dossierId, d.id));
        await recordAudit(tx, systemActor(INVITE_JOB), { action: 'satisfaction.invite', subjectType: 'dossier', subjectId: d.id, unitId: d.returningUnitId, after: { dossierCode: d.code, channels, link: r.link, expiresAt: r.expiresAt.toISOString() } });
        return r;
      }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') continue; // rated in the meantime: nothing to invite to
      throw err;
    }
    const url = inviteUrl(deps.publicUrl, token);
    const errors: string[] = [];
    if (d.applicantPhone) await deps.sms.send(d.applicantPhone, `Moi ong/ba danh gia muc do hai long ve ho so ${d.code}: ${url}`).catch((e: Error) => errors.push(`sms: ${e.message}`));
    if (d.applicantEmail) {
      await deps.mailer
        .send({
          to: d.applicantEmail,
          subject: `Mời đánh giá mức độ hài lòng – hồ sơ ${d.code}`,
          text: [`Kính gửi ông/bà ${d.applicantName},`, '', `Hồ sơ ${d.code} ("${d.procedureName}") đã được trả kết quả.`, 'Mời ông/bà dành một phút đánh giá mức độ hài lòng về sự phục vụ của chúng tôi:', url, '', 'Mỗi hồ sơ được đánh giá một lần.'].join('\n'),
        })
        .catch((e: Error) => errors.push(`email: ${e.message}`));
    }
    if (errors.length) await deps.database.db.update(satisfactionInvites).set({ sentChannels: `${channels} (failed: ${errors.join('; ')})` }).where(eq(satisfactionInvites.dossierId, d.id));
    n++;
  }
  return n;
}

export async function registerSatisfactionJobs(queue: Queue, database: Database, deps: MessagingDeps = messagingFromEnv(database, 'satisfaction')): Promise<void> {
  await queue.register(INVITE_JOB, async () => {
    await runInvites(deps);
  }, { cron: '*/10 * * * *' });
}
