import { lt } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import type { Queue } from './platform/queue.ts';
import { sessions } from './modules/accounts/accounts.schema.ts';
import { registerDossierJobs } from './modules/dossiers/dossiers.jobs.ts';

/** Every module's background jobs, registered in one place. */
export async function registerJobs(queue: Queue, database: Database) {
  await queue.register('system.purge-sessions', async () => {
    await database.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }, { cron: '17 * * * *' });
  await registerDossierJobs(queue, database);
  await (await import('./modules/dashboard/index.ts')).registerDashboardJobs(queue, database);
  await (await import('./modules/satisfaction/satisfaction.jobs.ts')).registerSatisfactionJobs(queue, database);
  await (await import('./modules/feedback/feedback.jobs.ts')).registerFeedbackJobs(queue, database);
  await (await import('./modules/reorganisation/reorganisation.jobs.ts')).registerReorganisationJobs(queue, database);
  await (await import('./modules/portal/portal.jobs.ts')).registerPortalJobs(queue, database);
}
