import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, SqlExecutor } from '../../db/client.ts';
import { enqueueSql } from '../../platform/queue.ts';
import { searchNorm } from '../../platform/text.ts';
import { users } from '../accounts/accounts.schema.ts';
import { AUDIT_INSERT_CASTS, AUDIT_INSERT_COLUMNS } from '../audit/audit.service.ts';
import { units } from '../units/units.schema.ts';
import {
  dossierAccessLog,
  dossierAppointments,
  dossierClockSegments,
  dossierCodeSequences,
  dossierDocuments,
  dossierEvents,
  dossiers,
  dossierSettings,
  dossierSteps,
  dossierSupplements,
} from './dossiers.schema.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type StepRow = typeof dossierSteps.$inferSelect;
export type ClockRow = typeof dossierClockSegments.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;
export type AppointmentRow = typeof dossierAppointments.$inferSelect;
export type SupplementRow = typeof dossierSupplements.$inferSelect;
export type DocumentRow = typeof dossierDocuments.$inferSelect;

export interface Aggregate {
  dossier: DossierRow;
  steps: StepRow[];
  clock: ClockRow[];
}

export interface FullAggregate extends Aggregate {
  events: EventRow[];
  appointments: AppointmentRow[];
  supplements: SupplementRow[];
  documents: DocumentRow[];
}

export async function findDossierById(db: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  return row;
}

export async function findDossierByCode(db: Db, code: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return row;
}

/** The dossier with its steps and clock ledger (what a transition needs). */
export async function loadAggregate(db: Db, id: string): Promise<Aggregate | undefined> {
  const [dossier, steps, clock] = await Promise.all([
    findDossierById(db, id),
    db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, id)).orderBy(asc(dossierSteps.seq)),
    db.select().from(dossierClockSegments).where(eq(dossierClockSegments.dossierId, id)).orderBy(asc(dossierClockSegments.seq)),
  ]);
  if (!dossier) return undefined;
  return { dossier, steps, clock };
}

/** Everything about a dossier (detail page, slips, tracking). */
export async function loadFull(db: Db, dossier: DossierRow): Promise<FullAggregate> {
  const id = dossier.id;
  const [steps, clock, events, appointments, supplements, documents] = await Promise.all([
    db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, id)).orderBy(asc(dossierSteps.seq)),
    db.select().from(dossierClockSegments).where(eq(dossierClockSegments.dossierId, id)).orderBy(asc(dossierClockSegments.seq)),
    db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id)).orderBy(asc(dossierEvents.seq)),
    db.select().from(dossierAppointments).where(eq(dossierAppointments.dossierId, id)).orderBy(asc(dossierAppointments.seq)),
    db.select().from(dossierSupplements).where(eq(dossierSupplements.dossierId, id)).orderBy(asc(dossierSupplements.seq)),
    db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, id)).orderBy(asc(dossierDocuments.idx)),
  ]);
  return { dossier, steps, clock, events, appointments, supplements, documents };
}

/** Highest sequence numbers of the append-only lists, read after the dossier row is locked. */
export async function lastSeqs(db: Db, id: string): Promise<{ event: number; clock: number; appointment: number; supplement: number }> {
  const res = (await db.execute(sql`SELECT
      (SELECT coalesce(max(seq), 0) FROM dossier_events WHERE dossier_id = ${id}) AS event,
      (SELECT coalesce(max(seq), 0) FROM dossier_clock_segments WHERE dossier_id = ${id}) AS clock,
      (SELECT coalesce(max(seq), 0) FROM dossier_appointments WHERE dossier_id = ${id}) AS appointment,
      (SELECT coalesce(max(seq), 0) FROM dossier_supplements WHERE dossier_id = ${id}) AS supplement`)) as unknown as { rows: Array<Record<string, number>> };
  const r = res.rows[0];
  return { event: Number(r.event), clock: Number(r.clock), appointment: Number(r.appointment), supplement: Number(r.supplement) };
}

/**
 * Next number of the daily sequence of `agencyCode` on `day`. The upsert row-locks the counter until COMMIT, so
 * concurrent receipts of the same agency queue up; a rolled-back receipt leaves the counter as it was, and a
 * committed number is never handed out again.
 */
export async function allocateSequence(db: Db, agencyCode: string, day: string): Promise<number> {
  const [row] = await db
    .insert(dossierCodeSequences)
    .values({ agencyCode, day, lastValue: 1 })
    .onConflictDoUpdate({ target: [dossierCodeSequences.agencyCode, dossierCodeSequences.day], set: { lastValue: sql`${dossierCodeSequences.lastValue} + 1` } })
    .returning({ lastValue: dossierCodeSequences.lastValue });
  return row.lastValue;
}

/** A row as a JSON record keyed by column name, for jsonb_populate_record(set). */
function toRecord(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = row[key];
    out[col.name] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  return out;
}

const DOSSIER_COLUMNS = Object.values(getTableColumns(dossiers))
  .map((c) => c.name)
  .filter((n) => n !== 'search_text' && n !== 'code');

export interface ReceiptRows {
  agency: string;
  day: string;
  /** The code around its sequence number: before + zero-padded number (at least `width` digits) + after. */
  code: { before: string; width: number; after: string };
  dossier: DossierRow;
  steps: StepRow[];
  documents: DocumentRow[];
  clock: ClockRow[];
  appointments: AppointmentRow[];
  events: EventRow[];
  /**
   * The audit row (`auditRowParts`): its `after` carries `codeMarker` where the code goes; the statement puts the
   * code in its place, in the jsonb and in the canonical text, and hashes the text (the chain trigger links it).
   */
  audit: { values: unknown[]; canonical: string; codeMarker: string };
  /** The job to enqueue with the receipt (queue name, data), when the installation runs a queue. */
  job: { name: string; data: object } | null;
  /** The Idempotency-Key the receipt runs under: the statement records the dossier on it (see http/idempotency.ts). */
  idempotency: { scope: string; key: string } | null;
}

const codeSql = (seq: string) => `$3 || CASE WHEN length(${seq}) >= $4::int THEN ${seq} ELSE lpad(${seq}, $4::int, '0') END || $5`;

/** The receipt statement, with or without its job and its idempotency key (four texts, each a named prepared statement on PostgreSQL). */
function receiptSql(withJob: boolean, withKey: boolean): string {
  const cols = DOSSIER_COLUMNS.map((c) => `"${c}"`).join(', ');
  // $12…$22: the audit row's values but its digest; $23: its canonical text; $24: the code marker; then the job's
  // name and data, then the idempotency key's scope and key.
  const jobAt = 25;
  const keyAt = withJob ? 27 : 25;
  const audit = AUDIT_INSERT_CASTS.slice(0, 11).map((cast, i) => (i === 10 ? `jsonb_set($${12 + i}::jsonb, '{code}', to_jsonb(d.code))` : `$${12 + i}::${cast}`));
  return `WITH seq AS (
      INSERT INTO dossier_code_sequences (agency_code, day, last_value) VALUES ($1, $2::date, 1)
      ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequences.last_value + 1
      RETURNING last_value::text AS n),
    d AS (
      INSERT INTO dossiers (${cols}, code)
      SELECT ${DOSSIER_COLUMNS.map((c) => `r."${c}"`).join(', ')}, ${codeSql('seq.n')}
        FROM jsonb_populate_record(NULL::dossiers, $6::jsonb) r, seq
      RETURNING id, code),
    s AS (INSERT INTO dossier_steps SELECT * FROM jsonb_populate_recordset(NULL::dossier_steps, $7::jsonb)),
    doc AS (INSERT INTO dossier_documents SELECT * FROM jsonb_populate_recordset(NULL::dossier_documents, $8::jsonb)),
    c AS (INSERT INTO dossier_clock_segments SELECT * FROM jsonb_populate_recordset(NULL::dossier_clock_segments, $9::jsonb)),
    a AS (INSERT INTO dossier_appointments SELECT * FROM jsonb_populate_recordset(NULL::dossier_appointments, $10::jsonb)),
    e AS (INSERT INTO dossier_events SELECT * FROM jsonb_populate_recordset(NULL::dossier_events, $11::jsonb)),
    au AS (INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS})
      SELECT ${audit.join(', ')}, encode(sha256(convert_to(replace($23, $24, to_json(d.code)::text), 'UTF8')), 'hex') FROM d)${
        withJob ? `,
    j AS (${enqueueSql(`$${jobAt}`, `$${jobAt + 1}`)})` : ''
      }${
        withKey ? `,
    ik AS (UPDATE idempotency_keys SET resource_id = (SELECT id FROM d) WHERE scope = $${keyAt} AND key = $${keyAt + 1})` : ''
      }
    SELECT code FROM d`;
}
const RECEIPT_SQL = new Map<string, string>(
  [true, false].flatMap((job) => [true, false].map((key) => [`${job ? 'job' : 'nojob'}_${key ? 'key' : 'nokey'}`, receiptSql(job, key)] as const)),
);

/**
 * Writes a receipt in ONE statement, atomic on its own (no BEGIN/COMMIT round trips): the daily sequence of the
 * agency is incremented (the upsert row-locks the counter until the statement commits, so concurrent receipts of the
 * same agency queue up, a failed receipt leaves it as it was and a committed number is never handed out again), the
 * dossier gets its code from it, and the steps, documents, first clock segment, initial appointment, first timeline
 * rows, the audit row (linked into the chain by the database's trigger) and the notification job are inserted with
 * it. Inside a caller's transaction (`tx.query`) it simply joins it. Returns the dossier code.
 */
export async function insertReceipt(query: SqlExecutor, r: ReceiptRows): Promise<string> {
  const values: unknown[] = [
    r.agency,
    r.day,
    r.code.before,
    r.code.width,
    r.code.after,
    JSON.stringify(toRecord(dossiers, r.dossier as unknown as Record<string, unknown>)),
    JSON.stringify(r.steps.map((x) => toRecord(dossierSteps, x as unknown as Record<string, unknown>))),
    JSON.stringify(r.documents.map((x) => toRecord(dossierDocuments, x as unknown as Record<string, unknown>))),
    JSON.stringify(r.clock.map((x) => toRecord(dossierClockSegments, x as unknown as Record<string, unknown>))),
    JSON.stringify(r.appointments.map((x) => toRecord(dossierAppointments, x as unknown as Record<string, unknown>))),
    JSON.stringify(r.events.map((x) => toRecord(dossierEvents, x as unknown as Record<string, unknown>))),
    ...r.audit.values,
    r.audit.canonical,
    JSON.stringify(r.audit.codeMarker),
  ];
  if (r.job) values.push(r.job.name, JSON.stringify(r.job.data));
  if (r.idempotency) values.push(r.idempotency.scope, r.idempotency.key);
  const variant = `${r.job ? 'job' : 'nojob'}_${r.idempotency ? 'key' : 'nokey'}`;
  const { rows } = await query(RECEIPT_SQL.get(variant)!, values, { name: `motcua_receipt_${variant}` });
  return String(rows[0].code);
}

export interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  adminCode: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

const unitCols = { id: units.id, name: units.name, kind: units.kind, code: units.code, adminCode: units.adminCode, parentId: units.parentId, validFrom: units.validFrom, validTo: units.validTo };

export async function findUnits(db: Db, ids: string[]): Promise<Map<string, UnitInfo>> {
  const uniq = [...new Set(ids.filter(Boolean))];
  if (uniq.length === 0) return new Map();
  const rows = await db.select(unitCols).from(units).where(inArray(units.id, uniq));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The unit and its ancestors, nearest first. */
export async function findAncestors(db: Db, unitId: string): Promise<string[]> {
  const res = (await db.execute(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}::uuid
      UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    ) SELECT id FROM up ORDER BY depth`)) as unknown as { rows: Array<{ id: string }> };
  return res.rows.map((r) => r.id);
}

/** Units of the subtree of `rootId` (root included) valid on `asOf`. */
export async function findSubtreeValidOn(db: Db, rootId: string, asOf: string): Promise<UnitInfo[]> {
  const res = (await db.execute(sql`WITH RECURSIVE t(id) AS (
      SELECT id FROM units WHERE id = ${rootId}::uuid
      UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id
    ) SELECT u.id, u.name, u.kind, u.code, u.admin_code AS "adminCode", u.parent_id AS "parentId", u.valid_from AS "validFrom", u.valid_to AS "validTo"
      FROM units u JOIN t ON t.id = u.id
     WHERE u.valid_from <= ${asOf}::date AND (u.valid_to IS NULL OR u.valid_to >= ${asOf}::date)
     ORDER BY u.name`)) as unknown as { rows: UnitInfo[] };
  return res.rows;
}

export async function findUserNames(db: Db, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const uniq = [...new Set(ids.filter((x): x is string => !!x))];
  if (uniq.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findUser(db: Db, id: string) {
  const [row] = await db.select({ id: users.id, name: users.fullName, email: users.email, phone: users.phone, status: users.status }).from(users).where(eq(users.id, id));
  return row;
}

/** Roles a user holds today, with their units (for reassignment checks). */
export async function findActiveGrants(db: Db, userId: string, today: string): Promise<Array<{ role: string; unitId: string | null }>> {
  const res = (await db.execute(sql`SELECT role, unit_id AS "unitId" FROM role_grants
     WHERE user_id = ${userId}::uuid AND revoked_at IS NULL AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date)`)) as unknown as { rows: Array<{ role: string; unitId: string | null }> };
  return res.rows;
}

/** Officials holding `role` on the unit or one of its ancestors (the leaders to escalate to, for instance). */
export async function findOfficialsFor(db: Db, unitId: string, role: string, today: string): Promise<Array<{ id: string; name: string; email: string | null; phone: string | null }>> {
  const res = (await db.execute(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}::uuid
      UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    ) SELECT DISTINCT us.id, us.full_name AS name, us.email, us.phone FROM role_grants g
       JOIN up ON up.id = g.unit_id JOIN users us ON us.id = g.user_id
      WHERE g.role = ${role} AND g.revoked_at IS NULL AND g.valid_from <= ${today}::date AND (g.valid_to IS NULL OR g.valid_to >= ${today}::date)
        AND us.status = 'active'`)) as unknown as { rows: Array<{ id: string; name: string; email: string | null; phone: string | null }> };
  return res.rows;
}

export async function findSetting(db: Db, key: string): Promise<{ value: unknown; version: number } | undefined> {
  const [row] = await db.select({ value: dossierSettings.value, version: dossierSettings.version }).from(dossierSettings).where(eq(dossierSettings.key, key));
  return row;
}

/** The supplement request still waiting for the applicant, if any. */
export async function findOpenSupplement(db: Db, dossierId: string): Promise<SupplementRow | undefined> {
  const [row] = await db.select().from(dossierSupplements).where(and(eq(dossierSupplements.dossierId, dossierId), sql`${dossierSupplements.receivedAt} IS NULL`)).orderBy(desc(dossierSupplements.seq)).limit(1);
  return row;
}

export async function recordAccess(db: Db, values: typeof dossierAccessLog.$inferInsert): Promise<void> {
  await db.insert(dossierAccessLog).values(values);
}

export async function findAccessLog(db: Db, dossierId: string, limit = 200) {
  return db.select().from(dossierAccessLog).where(eq(dossierAccessLog.dossierId, dossierId)).orderBy(desc(dossierAccessLog.at)).limit(limit);
}

/** Unit scope of a list query: `all`, or the units the caller holds dossiers.read on. */
export type UnitScope = 'all' | string[];

const inScope = (scope: UnitScope): SQL | undefined => {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  const arr = sql`ARRAY[${sql.join(scope.map((u) => sql`${u}::uuid`), sql`, `)}]`;
  return sql`(${dossiers.receptionUnitId} = ANY(${arr}) OR ${dossiers.competentUnitId} = ANY(${arr}) OR ${dossiers.returningUnitId} = ANY(${arr})
    OR EXISTS (SELECT 1 FROM dossier_steps s WHERE s.dossier_id = ${dossiers.id} AND s.unit_id = ANY(${arr})))`;
};

const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((u) => sql`${u}::uuid`), sql`, `)}]::uuid[]`;

export interface ListFilter {
  readScope: UnitScope;
  /** Queue conditions built by the service (per caller). */
  queue?: SQL;
  status?: string;
  q?: string;
  unitIds?: string[];
  procedureId?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  limit: number;
  offset: number;
}

function listConditions(f: ListFilter): SQL | undefined {
  const conds: Array<SQL | undefined> = [inScope(f.readScope), f.queue];
  if (f.status) conds.push(eq(dossiers.status, f.status));
  if (f.procedureId) conds.push(eq(dossiers.procedureId, f.procedureId));
  if (f.q && f.q.trim()) conds.push(sql`${dossiers.searchText} LIKE ${`%${searchNorm(f.q).trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  if (f.unitIds) {
    const arr = f.unitIds.length ? uuidArray(f.unitIds) : null;
    conds.push(arr ? sql`(${dossiers.receptionUnitId} = ANY(${arr}) OR ${dossiers.competentUnitId} = ANY(${arr}) OR ${dossiers.returningUnitId} = ANY(${arr}))` : sql`false`);
  }
  if (f.receivedFrom) conds.push(sql`${dossiers.receivedAt} >= ${f.receivedFrom.toISOString()}::timestamptz`);
  if (f.receivedTo) conds.push(sql`${dossiers.receivedAt} < ${f.receivedTo.toISOString()}::timestamptz`);
  return and(...conds.filter((c): c is SQL => !!c));
}

export async function listDossiers(db: Db, f: ListFilter): Promise<{ total: number; rows: DossierRow[] }> {
  const where = listConditions(f);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(dossiers).where(where).orderBy(sql`${dossiers.dueAt} ASC NULLS LAST`, desc(dossiers.receivedAt)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where),
  ]);
  return { total: Number(n), rows };
}

export async function countWhere(db: Db, readScope: UnitScope, cond: SQL): Promise<number> {
  const where = and(...[inScope(readScope), cond].filter((c): c is SQL => !!c));
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where);
  return Number(n);
}

export async function findStepsOf(db: Db, dossierIds: string[]): Promise<StepRow[]> {
  if (dossierIds.length === 0) return [];
  return db.select().from(dossierSteps).where(inArray(dossierSteps.dossierId, dossierIds)).orderBy(asc(dossierSteps.dossierId), asc(dossierSteps.seq));
}

/** Dossiers relevant to a statistics period: received up to its end and not finished before its start. */
export async function findForStats(db: Db, readScope: UnitScope, unitIds: string[] | undefined, from: Date, to: Date): Promise<DossierRow[]> {
  const conds: Array<SQL | undefined> = [
    inScope(readScope),
    sql`${dossiers.receivedAt} < ${to.toISOString()}::timestamptz`,
    sql`(${dossiers.finishedAt} IS NULL OR ${dossiers.finishedAt} >= ${from.toISOString()}::timestamptz)`,
  ];
  if (unitIds) conds.push(unitIds.length ? sql`${dossiers.competentUnitId} = ANY(${uuidArray(unitIds)})` : sql`false`);
  return db.select().from(dossiers).where(and(...conds.filter((c): c is SQL => !!c)));
}

/** Active or handed steps whose due moment falls before `until` and that were not reminded yet. */
export async function findStepsToRemind(db: Db, until: Date, now: Date) {
  return db
    .select({ step: dossierSteps, code: dossiers.code, dossierId: dossiers.id })
    .from(dossierSteps)
    .innerJoin(dossiers, eq(dossiers.id, dossierSteps.dossierId))
    .where(and(inArray(dossierSteps.state, ['handed', 'active']), sql`${dossierSteps.remindedAt} IS NULL`, sql`${dossierSteps.dueAt} <= ${until.toISOString()}::timestamptz`, sql`${dossierSteps.dueAt} > ${now.toISOString()}::timestamptz`, inArray(dossiers.status, ['received', 'in_process'])))
    .limit(500);
}

/** Active or handed steps already overdue and not escalated yet. */
export async function findStepsToEscalate(db: Db, now: Date) {
  return db
    .select({ step: dossierSteps, code: dossiers.code, dossierId: dossiers.id })
    .from(dossierSteps)
    .innerJoin(dossiers, eq(dossiers.id, dossierSteps.dossierId))
    .where(and(inArray(dossierSteps.state, ['handed', 'active']), sql`${dossierSteps.escalatedAt} IS NULL`, sql`${dossierSteps.dueAt} < ${now.toISOString()}::timestamptz`, inArray(dossiers.status, ['received', 'in_process'])))
    .limit(500);
}

/** Open dossiers of units (null = every unit) for a calendar change. */
export async function findOpenDossierIds(db: Db, unitIds: string[] | null): Promise<string[]> {
  const conds: SQL[] = [inArray(dossiers.status, ['received', 'in_process', 'awaiting_supplement', 'suspended'])];
  if (unitIds) conds.push(unitIds.length ? sql`${dossiers.competentUnitId} = ANY(${uuidArray(unitIds)})` : sql`false`);
  const rows = await db.select({ id: dossiers.id }).from(dossiers).where(and(...conds));
  return rows.map((r) => r.id);
}
