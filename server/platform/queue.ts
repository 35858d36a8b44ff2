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
