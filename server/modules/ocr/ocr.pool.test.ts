import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OcrError } from './ocr.errors.ts';
import { createPool } from './ocr.pool.ts';

/** A task that ends when told to, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { task: async () => (log.push(`start ${name}`), await done, name), open };
}

describe('OCR worker pool', () => {
  test('runs at most `size` tasks at once and starts waiting ones in order as workers free up', async () => {
    const pool = createPool(2, 10);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const runs = [a, b, c, d].map((g) => pool.run(g.task));
    await Promise.resolve();
    assert.deepEqual(log, ['start a', 'start b']);
    assert.deepEqual(pool.load(), { active: 2, queued: 2 });
    b.open();
    assert.equal(await runs[1], 'b');
    assert.deepEqual(log, ['start a', 'start b', 'start c']);
    a.open();
    c.open();
    d.open();
    assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c', 'd']);
    assert.deepEqual(pool.load(), { active: 0, queued: 0 });
  });

  test('a new request is refused with OCR_BUSY when the queue is full; follow-up pages of admitted ones still queue', async () => {
    const pool = createPool(1, 1);
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const running = pool.run(a.task, { admit: true });
    const waiting = pool.run(b.task, { admit: true });
    await assert.rejects(pool.run(async () => 'c', { admit: true }), (e: unknown) => e instanceof OcrError && e.code === 'OCR_BUSY' && e.status === 503);
    const followUp = pool.run(async () => 'page 2');
    assert.deepEqual(pool.load(), { active: 1, queued: 2 });
    a.open();
    b.open();
    assert.deepEqual(await Promise.all([running, waiting, followUp]), ['a', 'b', 'page 2']);
  });

  test('a failing task frees its worker', async () => {
    const pool = createPool(1, 0);
    await assert.rejects(pool.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await pool.run(async () => 'next', { admit: true }), 'next');
  });
});
