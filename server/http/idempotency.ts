import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { joinTransaction, type Database } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';
import { idempotencyKeys } from '../modules/system/system.schema.ts';
import { canonicalJson } from '../modules/audit/audit.service.ts';
import { makeContext } from '../modules/accounts/context.ts';
import { HTTP_REFUSALS } from './http.messages.ts';

const PENDING = 0;

/** Which key a creation runs under, for a creation that records its resource on it in its own statement. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
}

/** What a creation runs with: the database to write through, and the key it runs under (null without the header). */
export interface IdempotentRun {
  /**
   * Under a key, the transaction that also stores the answer on the key (see `idempotent`): write through THIS
   * handle, never through one captured from outside, or the resource and the answer would not commit together.
   */
  database: Database;
  claim: IdempotencyClaim | null;
}

export interface IdempotentOptions<T> {
  /**
   * For creations that write `resource_id` on their key in the same statement as the resource (the dossier
   * receipt, one statement without BEGIN/COMMIT): rebuilds the answer from that resource when a retry finds the key
   * still pending — the first attempt committed, then the process died before storing its answer. Such a creation
   * runs outside the answer's transaction.
   */
  replay?: (resourceId: string) => Promise<T>;
}

/**
 * A key still pending after this long belongs to an attempt that died: a creation commits together with its answer
 * (or, with `replay`, records its resource on the key), so a pending key without either never committed, and one
 * retry may claim it again.
 */
export const ABANDONED_AFTER_MS = 120_000;

/**
 * Runs a creation at most once per `Idempotency-Key` (per caller and route). A retry with the same key and
 * body replays the first response; the same key with another body is refused (422); a retry while the first
 * is still running gets 409. Without the header the creation simply runs.
 *
 * The key is claimed (pending) in its own short transaction, so that concurrent retries see it. The creation then
 * runs inside ONE transaction that also stores its answer on the key: either both commit or neither does, so a
 * process that dies half-way leaves no resource without its answer (a retry replays it) and no answer without its
 * resource (the key stays pending without an answer and is claimed again after ABANDONED_AFTER_MS). Creations with
 * `replay` keep their own single statement (see `IdempotentOptions.replay`).
 */
export async function idempotent<T>(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  create: (run: IdempotentRun) => Promise<T>,
  opts: IdempotentOptions<T> = {},
): Promise<T> {
  const key = request.headers['idempotency-key'];
  if (key === undefined) {
    reply.code(status);
    return create({ database, claim: null });
  }
  if (typeof key !== 'string' || !/^[\w.:-]{8,200}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'Idempotency-Key must be 8–200 characters of letters, digits, . : _ -', fields: [{ field: 'Idempotency-Key', code: 'invalid', message: { vi: 'Idempotency-Key phải gồm 8–200 ký tự chữ, số, . : _ -', en: 'Idempotency-Key must be 8–200 letters, digits, . : _ -', fr: 'Idempotency-Key : 8 à 200 lettres, chiffres, . : _ -' } }] });
  }
  const scope = `${request.principal?.userId ?? 'anonymous'} ${request.method} ${request.routeOptions.url}`;
  const requestHash = createHash('sha256').update(canonicalJson({ params: request.params, body: request.body })).digest('hex');
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
  const answer = (result: T) => ({ status, response: JSON.parse(JSON.stringify(result)) as unknown });
  const inserted = await database.db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, status: PENDING, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [prior] = await database.db.select().from(idempotencyKeys).where(where);
    if (!prior || prior.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH');
    if (prior.status !== PENDING) {
      reply.code(prior.status).header('idempotent-replayed', 'true');
      return prior.response as T;
    }
    if (opts.replay && prior.resourceId) {
      // The first attempt committed its resource and died before storing the answer: answer from the resource.
      const result = await opts.replay(prior.resourceId);
      await database.db.update(idempotencyKeys).set(answer(result)).where(where);
      reply.code(status).header('idempotent-replayed', 'true');
      return result;
    }
    // Claimed again only by one retry: the first to move created_at to now makes the others' condition false.
    const reclaimed = await database.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date() })
      .where(and(where, eq(idempotencyKeys.status, PENDING), isNull(idempotencyKeys.resourceId), lt(idempotencyKeys.createdAt, new Date(Date.now() - ABANDONED_AFTER_MS))))
      .returning({ key: idempotencyKeys.key });
    if (reclaimed.length === 0) throw new AppError('CONFLICT', { detail: HTTP_REFUSALS.idempotencyInProgress });
  }
  const claim = { scope, key };
  try {
    const result = opts.replay
      ? await create({ database, claim }).then(async (r) => {
          await database.db.update(idempotencyKeys).set(answer(r)).where(where);
          return r;
        })
      : await database.transaction(async (tx) => {
          // The request's context reads the caller's scope from the database: inside the creation it must read
          // through the transaction too (on PGlite, one connection, a read beside it would wait for it forever).
          const outer = request.ctx;
          if (outer) request.ctx = makeContext(tx.db, outer.actor, outer.principal, outer.lang);
          try {
            const r = await create({ database: joinTransaction(database, tx), claim });
            await tx.db.update(idempotencyKeys).set(answer(r)).where(where);
            return r;
          } finally {
            if (outer) request.ctx = outer;
          }
        });
    reply.code(status);
    return result;
  } catch (err) {
    // A failed creation frees the key, so the client can correct the request and retry with it.
    await database.db.delete(idempotencyKeys).where(where);
    throw err;
  }
}
