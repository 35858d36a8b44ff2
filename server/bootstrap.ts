import type { Config } from './config.ts';
import { openDatabase, pgliteDirIn, type Database } from './db/client.ts';
import { buildApp } from './http/app.ts';
import type { App } from './http/types.ts';
import { registerJobs } from './jobs.ts';
import { startQueue, type Queue } from './platform/queue.ts';
import { seed, type SeedResult } from './modules/system/seed.ts';

export interface Server {
  app: App;
  database: Database;
  queue: Queue | null;
  seedResult: SeedResult;
  close(): Promise<void>;
}

/** config → database (+ migrations) → seed on first start → jobs → http. Used by main, the CLI, tests and benches. */
export async function bootstrap(config: Config, opts: { database?: Database; queue?: boolean; logger?: boolean; demoActivity?: boolean } = {}): Promise<Server> {
  const database = opts.database ?? (await openDatabase({ url: config.DATABASE_URL, pgliteDir: pgliteDirIn(config.dataDir) }));
  const seedResult = await seed(database, config.SEED, config.ADMIN_PASSWORD, { demoActivity: opts.demoActivity });
  const queue = opts.queue === false ? null : await startQueue(database.pool, { workers: config.JOBS === 'on' });
  if (queue) await registerJobs(queue, database);
  const app = await buildApp({ config, database, queue, logger: opts.logger === false ? false : undefined });
  await app.ready();
  return {
    app,
    database,
    queue,
    seedResult,
    async close() {
      await app.close();
      await queue?.stop();
      if (!opts.database) await database.close();
    },
  };
}
