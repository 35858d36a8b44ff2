import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Tx } from '../db/client.ts';

/** A job handler: receives the job's data; throwing makes pg-boss retry it. */
export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

/**
 * The background-job queue, on the application's own database (pg-boss 10). Jobs are sent inside the
 * writing transaction, so a rolled-back write leaves no job behind (ADR 0002).
 */
export interface Queue {
  /** Declares a queue and, when workers run in this process, its handler. */
  register<T extends object>(name: string, handler: JobHandler<T>, opts?: { cron?: string; retryLimit?: number }): Promise<void>;
  /** Enqueues a job in the caller's transaction. */
  send(tx: Tx, name: string, data: object, opts?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  stop(): Promise<void>;
  boss: PgBoss;
}

/**
 * SQL that enqueues one job as part of a larger statement (a data-modifying CTE), for the one hot path where a
 * separate `send` round trip matters (the dossier receipt). `$name` and `$data` are the placeholders of the queue
 * name (text) and the job data (jsonb text). It follows pg-boss 10.4.2's own `insertJob` (src/plans.js) with the
 * queue's policy, retry and retention settings and pg-boss's defaults; the receipt e-mail test proves the job is
 * picked up and run. Check it when upgrading pg-boss (the version is pinned).
 */
export function enqueueSql(name: string, data: string): string {
  return `INSERT INTO pgboss.job (id, name, data, priority, start_after, singleton_key, singleton_on, dead_letter, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy)
    SELECT gen_random_uuid(), q.name, ${data}::jsonb, 0, now(), NULL, NULL, q.dead_letter,
           COALESCE(q.expire_seconds, 900) * interval '1s',
           now() + CAST(COALESCE((q.retention_minutes * 60)::text, '14 days') AS interval),
           COALESCE(q.retry_limit, 2),
           CASE WHEN COALESCE(q.retry_backoff, false) THEN GREATEST(COALESCE(q.retry_delay, 0), 1) ELSE COALESCE(q.retry_delay, 0) END,
           COALESCE(q.retry_backoff, false), q.policy
      FROM pgboss.queue q WHERE q.name = ${name}
    ON CONFLICT DO NOTHING`;
}

export async function startQueue(pool: pg.Pool, opts: { workers: boolean }): Promise<Queue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schedule: opts.workers,
    supervise: opts.workers,
  });
  boss.on('error', (err) => console.error('[queue]', err));
  await boss.start();
  return {
    boss,
    async register(name, handler, o = {}) {
      await boss.createQueue(name, { name, retryLimit: o.retryLimit ?? 3, retryBackoff: true });
      if (!opts.workers) return;
      await boss.work<object>(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, { id: job.id, name: job.name });
      });
      if (o.cron) await boss.schedule(name, o.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    },
    send(tx, name, data, o = {}) {
      return boss.send(name, data, { ...o, db: { executeSql: (text, values) => tx.query(text, values) } });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
