import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../test-support/server.ts';
import type { Database } from '../db/client.ts';
import { startQueue, type Queue } from './queue.ts';

describe('job queue (pg-boss on the application database)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let queue: Queue;
  const seen: string[] = [];
  before(async () => {
    ({ database, drop } = await freshDatabase());
    queue = await startQueue(database.pool, { workers: true });
    await queue.register<{ label: string }>('test.echo', async (data) => {
      seen.push(data.label);
    });
  });
  after(async () => {
    await queue.stop();
    await drop();
  });

  test('a job sent in a rolled-back transaction does not exist; one sent in a committed transaction runs', async () => {
    await assert.rejects(
      database.transaction(async (tx) => {
        await queue.send(tx, 'test.echo', { label: 'rolled-back' });
        throw new Error('write failed');
      }),
      /write failed/,
    );
    await database.transaction(async (tx) => {
      await queue.send(tx, 'test.echo', { label: 'committed' });
    });
    const { rows } = await database.query(`SELECT data->>'label' AS label FROM pgboss.job WHERE name = 'test.echo'`);
    assert.deepEqual(rows.map((r) => r.label), ['committed']);
    const deadline = Date.now() + 20_000;
    while (!seen.includes('committed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen, ['committed']);
  });
});
