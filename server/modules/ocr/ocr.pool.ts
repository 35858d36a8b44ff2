/**
 * A small worker pool for OCR processes: at most `size` tasks run at once (one tesseract per core: with
 * OMP_THREAD_LIMIT=1 each uses one core), the others wait in a queue. The queue is bounded for new requests:
 * when `queueLimit` tasks already wait, `run(…, { admit: true })` refuses at once with OcrError OCR_BUSY instead of
 * letting the counter wait minutes. Follow-up tasks of an admitted request (its other pages) are never refused.
 */
import { OcrError } from './ocr.errors.ts';

export interface OcrPool {
  readonly size: number;
  readonly queueLimit: number;
  /** Runs `task` when a worker is free. `admit`: refuse with OCR_BUSY when the queue is full. */
  run<T>(task: () => Promise<T>, opts?: { admit?: boolean }): Promise<T>;
  /** Tasks running and waiting now. */
  load(): { active: number; queued: number };
}

export function createPool(size: number, queueLimit: number): OcrPool {
  if (!Number.isInteger(size) || size < 1) throw new Error(`OCR pool size must be a positive integer, got ${size}`);
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    active--;
    const start = queue.shift();
    if (start) start();
  };
  return {
    size,
    queueLimit,
    run<T>(task: () => Promise<T>, opts: { admit?: boolean } = {}): Promise<T> {
      const exec = () => {
        active++;
        return task().finally(next);
      };
      if (active < size && queue.length === 0) return exec();
      if (opts.admit && queue.length >= queueLimit) {
        return Promise.reject(new OcrError('OCR_BUSY', `${active} OCR tasks running and ${queue.length} waiting (limit ${queueLimit})`));
      }
      return new Promise<T>((resolve, reject) => {
        queue.push(() => void exec().then(resolve, reject));
      });
    },
    load: () => ({ active, queued: queue.length }),
  };
}
