import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD' that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');

export const Uuid = z.uuid();
/** Optimistic-lock version the client read; a mismatch gives 409. */
export const Version = z.number().int().positive();
/** Non-empty trimmed text of bounded length. */
export const Text = (max = 500) => z.string().trim().min(1).max(max);

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});
