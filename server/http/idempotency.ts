import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';
import { idempotencyKeys } from '../modules/system/system.schema.ts';
import { canonicalJson } from '../modules/audit/audit.service.ts';

const PENDING = 0;

/**
 * Runs a creation at most once per `Idempotency-Key` (per caller and route). A retry with the same key and
 * body replays the first response; the same key with another body is refused (422); a retry while the first
 * is still running gets 409. Without the header the creation simply runs.
 */
export async function idempotent<T>(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  create: () => Promise<T>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  if (key === undefined) {
    reply.code(status);
    return create();
  }
  if (typeof key !== 'string' || !/^[\w.:-]{8,200}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'Idempotency-Key must be 8–200 characters of letters, digits, . : _ -', fields: [{ field: 'Idempotency-Key', code: 'invalid', message: { vi: 'Idempotency-Key phải gồm 8–200 ký tự chữ, số, . : _ -', en: 'Idempotency-Key must be 8–200 letters, digits, . : _ -', fr: 'Idempotency-Key : 8 à 200 lettres, chiffres, . : _ -' } }] });
  }
  const scope = `${request.principal?.userId ?? 'anonymous'} ${request.method} ${request.routeOptions.url}`;
  const requestHash = createHash('sha256').update(canonicalJson({ params: request.params, body: request.body })).digest('hex');
  const inserted = await database.db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, status: PENDING, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [prior] = await database.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH');
    if (prior.status === PENDING) throw new AppError('CONFLICT', { detail: 'a request with this Idempotency-Key is still being processed' });
    reply.code(prior.status).header('idempotent-replayed', 'true');
    return prior.response as T;
  }
  try {
    const result = await create();
    await database.db.update(idempotencyKeys).set({ status, response: JSON.parse(JSON.stringify(result)) }).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    reply.code(status);
    return result;
  } catch (err) {
    // A failed creation frees the key, so the client can correct the request and retry with it.
    await database.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    throw err;
  }
}
