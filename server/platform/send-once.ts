/**
 * Sending a message at most once per job, channel and recipient, whatever the number of times pg-boss runs the job:
 * each module keeps a notification log table with the columns below (job_key, channel, recipient unique together)
 * — `dossier_notifications`, `portal_notifications` — and sends through this one function. A channel already
 * `sent` is skipped; a failed send is recorded as `failed` with its error and thrown, so that pg-boss retries.
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';

/** A notification log table: these columns, unique on (job_key, channel, recipient). */
export type NotificationLogTable = PgTable & {
  jobKey: AnyPgColumn;
  kind: AnyPgColumn;
  channel: AnyPgColumn;
  recipient: AnyPgColumn;
  status: AnyPgColumn;
  providerId: AnyPgColumn;
  error: AnyPgColumn;
};

export interface NotificationLogEntry {
  table: NotificationLogTable;
  /** The log's own reference column and value (the dossier, the online application). */
  subject: { column: AnyPgColumn; id: string | null };
  jobKey: string;
  kind: string;
}

const col = (c: AnyPgColumn) => sql.identifier(c.name);

/**
 * Sends on one channel unless this job already did. Returns true when it sent now, false when it was already sent.
 * @throws what `send` throws, after recording the failure.
 */
export async function sendOnce(db: Db, log: NotificationLogEntry, channel: 'email' | 'sms', recipient: string, send: () => Promise<{ id: string }>): Promise<boolean> {
  const t = log.table;
  const prior = (await db.execute(sql`SELECT ${col(t.status)} AS status FROM ${t} WHERE ${col(t.jobKey)} = ${log.jobKey} AND ${col(t.channel)} = ${channel} AND ${col(t.recipient)} = ${recipient}`)) as unknown as { rows: Array<{ status: string }> };
  if (prior.rows[0]?.status === 'sent') return false;
  const record = (status: 'sent' | 'failed', providerId: string | null, error: string | null) =>
    db.execute(sql`INSERT INTO ${t} (${col(log.subject.column)}, ${col(t.jobKey)}, ${col(t.kind)}, ${col(t.channel)}, ${col(t.recipient)}, ${col(t.status)}, ${col(t.providerId)}, ${col(t.error)})
      VALUES (${log.subject.id}, ${log.jobKey}, ${log.kind}, ${channel}, ${recipient}, ${status}, ${providerId}, ${error})
      ON CONFLICT (${col(t.jobKey)}, ${col(t.channel)}, ${col(t.recipient)}) DO UPDATE SET ${col(t.status)} = EXCLUDED.${col(t.status)}, ${col(t.providerId)} = EXCLUDED.${col(t.providerId)}, ${col(t.error)} = EXCLUDED.${col(t.error)}`);
  let id: string;
  try {
    ({ id } = await send());
  } catch (err) {
    await record('failed', null, String(err).slice(0, 500));
    throw err;
  }
  await record('sent', id, null);
  return true;
}
