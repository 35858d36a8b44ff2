import type { Database } from '../../db/client.ts';
import type { Queue } from '../../platform/queue.ts';
import { EXECUTE_JOB, runScheduledPlan } from './reorganisation.service.ts';

/** The job that executes a scheduled plan at its effective date (00:00 Vietnam time). */
export async function registerReorganisationJobs(queue: Queue, database: Database) {
  await queue.register<{ planId: string }>(EXECUTE_JOB, async (data) => runScheduledPlan(database, data.planId), { retryLimit: 2 });
}
