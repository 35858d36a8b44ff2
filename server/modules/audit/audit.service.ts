import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { auditHead, auditLog } from './audit.schema.ts';

/** Who did it and in which request: carried from the HTTP edge, the CLI or a job into every write. */
export interface Actor {
  userId: string | null;
  label: string;
  requestId: string | null;
}

export const systemActor = (label = 'system', requestId: string | null = null): Actor => ({ userId: null, label, requestId });

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every level: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Plain JSON copy (Dates → ISO strings) so what is hashed is exactly what jsonb gives back. */
const toJson = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

interface HashedFields {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  unitId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

/** The chain link: sha256(prev_hash + '\n' + canonical row). */
export function hashAuditRow(prevHash: string, r: HashedFields): string {
  const body = canonicalJson([r.seq, r.id, r.at.toISOString(), r.actorId, r.actorLabel, r.action, r.subjectType, r.subjectId, r.unitId, r.requestId, r.before, r.after]);
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends one audit row inside the caller's transaction. The head row is locked, so concurrent writers
 * queue and the chain stays linear; a rolled-back write leaves no audit row.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  const head = await tx.db.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head[0]) throw new Error('audit_head row missing: migrations not applied');
  const row: HashedFields = {
    seq: head[0].lastSeq + 1,
    id: randomUUID(),
    at: new Date(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    unitId: entry.unitId ?? null,
    requestId: actor.requestId,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
  const hash = hashAuditRow(head[0].lastHash, row);
  await tx.db.insert(auditLog).values({ ...row, prevHash: head[0].lastHash, hash });
  await tx.db.update(auditHead).set({ lastSeq: row.seq, lastHash: hash }).where(eq(auditHead.id, 1));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** First sequence number where the chain breaks, and why. */
  problem?: { seq: number; reason: 'hash_mismatch' | 'gap' | 'prev_hash_mismatch' | 'head_mismatch' };
}

/** Walks the whole chain in order and recomputes every hash; finds edited, inserted or deleted rows. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gte(auditLog.seq, expectedSeq)).orderBy(auditLog.seq).limit(batch);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, checked, problem: { seq: expectedSeq, reason: 'gap' } };
      if (r.prevHash !== prevHash) return { ok: false, checked, problem: { seq: r.seq, reason: 'prev_hash_mismatch' } };
      if (hashAuditRow(prevHash, r) !== r.hash) return { ok: false, checked, problem: { seq: r.seq, reason: 'hash_mismatch' } };
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batch) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.lastSeq !== expectedSeq - 1 || head.lastHash !== prevHash) {
    return { ok: false, checked, problem: { seq: expectedSeq, reason: 'head_mismatch' } };
  }
  return { ok: true, checked };
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  unitIds?: string[] | 'all';
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** Lists audit rows newest first, restricted to the caller's units (rows without a unit need the global scope). */
export async function listAudit(db: Db, q: AuditQuery) {
  const conds: SQL[] = [];
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.subjectType) conds.push(eq(auditLog.subjectType, q.subjectType));
  if (q.subjectId) conds.push(eq(auditLog.subjectId, q.subjectId));
  if (q.from) conds.push(gte(auditLog.at, q.from));
  if (q.to) conds.push(lte(auditLog.at, q.to));
  if (q.beforeSeq) conds.push(lt(auditLog.seq, q.beforeSeq));
  if (q.unitIds !== 'all' && q.unitIds) {
    if (q.unitIds.length === 0) return [];
    conds.push(inArray(auditLog.unitId, q.unitIds));
  }
  return db.select().from(auditLog).where(and(...conds)).orderBy(desc(auditLog.seq)).limit(q.limit);
}
