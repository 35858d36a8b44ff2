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

/** v1 chain link (rows written before migration 0014): sha256(prev_hash + '\n' + canonical row with its seq). */
export function hashAuditRow(prevHash: string, r: HashedFields): string {
  const body = canonicalJson([r.seq, r.id, r.at.toISOString(), r.actorId, r.actorLabel, r.action, r.subjectType, r.subjectId, r.unitId, r.requestId, r.before, r.after]);
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** v2 canonical row: everything but its place in the chain (seq, prev_hash, hash). */
function auditRowCanonical(r: Omit<HashedFields, 'seq'>): string {
  return canonicalJson([r.id, r.at.toISOString(), r.actorId, r.actorLabel, r.action, r.subjectType, r.subjectId, r.unitId, r.requestId, r.before, r.after]);
}

/** v2 row digest: sha256 of the canonical row. */
export function auditRowDigest(r: Omit<HashedFields, 'seq'>): string {
  return sha256Hex(auditRowCanonical(r));
}

/** v2 chain link, as the database's `audit_log_chain()` trigger computes it. */
export function auditLink(prevHash: string, seq: number, rowDigest: string): string {
  return sha256Hex(`${prevHash}\n${seq}\n${rowDigest}`);
}

/** The columns an audit row is inserted with, in this order; the trigger fills seq, prev_hash, hash, hash_v. */
export const AUDIT_INSERT_COLUMNS = 'id, at, actor_id, actor_label, action, subject_type, subject_id, unit_id, request_id, before, after, row_digest';
/** SQL casts of those columns' parameters (for use inside larger statements). */
export const AUDIT_INSERT_CASTS = ['uuid', 'timestamptz', 'uuid', 'text', 'text', 'text', 'text', 'uuid', 'text', 'jsonb', 'jsonb', 'text'];

/**
 * One audit row ready to insert: its parameter values in AUDIT_INSERT_COLUMNS order without the digest, and the
 * canonical text the digest is the sha-256 of (`digestOf`). A statement that learns a value only as it runs (the
 * dossier code of a receipt) puts a unique marker in `after` and replaces it in both the jsonb and the canonical
 * text before hashing — see `insertReceipt`.
 */
export function auditRowParts(actor: Actor, entry: AuditEntry, at = new Date()): { values: unknown[]; canonical: string } {
  const row = {
    id: randomUUID(),
    at,
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
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  return { values: [row.id, row.at, row.actorId, row.actorLabel, row.action, row.subjectType, row.subjectId, row.unitId, row.requestId, json(row.before), json(row.after)], canonical: auditRowCanonical(row) };
}

/** Parameter values of one audit row, in AUDIT_INSERT_COLUMNS order, digest included. */
export function auditRowValues(actor: Actor, entry: AuditEntry, at = new Date()): unknown[] {
  const { values, canonical } = auditRowParts(actor, entry, at);
  return [...values, sha256Hex(canonical)];
}

const INSERT_AUDIT = `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS}) VALUES (${AUDIT_INSERT_CASTS.map((c, i) => `$${i + 1}::${c}`).join(', ')})`;

/**
 * Appends one audit row inside the caller's transaction, in one statement: the database's trigger locks the chain's
 * head (concurrent writers queue, the chain stays linear), links the row and moves the head. A rolled-back write
 * leaves no audit row.
 */
export async function recordAudit(tx: Pick<Tx, 'query'>, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.query(INSERT_AUDIT, auditRowValues(actor, entry), { name: 'motcua_audit_insert' });
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
      const expected = r.hashVersion === 2 ? auditLink(prevHash, r.seq, auditRowDigest(r)) : hashAuditRow(prevHash, r);
      if (expected !== r.hash) return { ok: false, checked, problem: { seq: r.seq, reason: 'hash_mismatch' } };
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
