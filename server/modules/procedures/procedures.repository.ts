import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { searchNorm } from '../../platform/text.ts';
import { units } from '../units/units.schema.ts';
import { procedureProposals, procedureReviewPlans, procedures, procedureVersions } from './procedures.schema.ts';

export type ProcedureRow = typeof procedures.$inferSelect;
export type VersionRow = typeof procedureVersions.$inferSelect;
export type VersionInsert = typeof procedureVersions.$inferInsert;
export type PlanRow = typeof procedureReviewPlans.$inferSelect;
export type ProposalRow = typeof procedureProposals.$inferSelect;

const v = procedureVersions;

/**
 * "`v` is the version in force on `asOf`": no other version of the same procedure has a greater
 * (effective_from, version_no) while still effective on that date. Served by procedure_versions_in_force_idx.
 */
export const inForceOn = (asOf: string): SQL => sql`${v.effectiveFrom} <= ${asOf}::date AND NOT EXISTS (
  SELECT 1 FROM procedure_versions w
   WHERE w.procedure_id = ${v.procedureId}
     AND w.effective_from <= ${asOf}::date
     AND (w.effective_from, w.version_no) > (${v.effectiveFrom}, ${v.versionNo}))`;

/** `%text%` for LIKE, with the wildcards of the text escaped. */
export const likePattern = (text: string) => `%${searchNorm(text).trim().replace(/\s+/g, ' ').replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export interface ProcedureFilter {
  asOf: string;
  q?: string;
  field?: string;
  level?: string;
  unitId?: string;
  ownerUnitId?: string;
  onlineLevel?: string;
  status?: string;
  limit: number;
  offset: number;
}

function filterConditions(f: Omit<ProcedureFilter, 'limit' | 'offset'>): SQL[] {
  const conds: SQL[] = [inForceOn(f.asOf)];
  if (f.q && f.q.trim()) conds.push(sql`${v.searchText} LIKE ${likePattern(f.q)}`);
  if (f.field) conds.push(eq(v.field, f.field));
  if (f.level) conds.push(eq(v.authorityLevel, f.level));
  if (f.onlineLevel) conds.push(eq(v.onlineLevel, f.onlineLevel));
  if (f.status && f.status !== 'all') conds.push(eq(v.status, f.status));
  if (f.ownerUnitId) conds.push(eq(v.ownerUnitId, f.ownerUnitId));
  if (f.unitId) conds.push(sql`${v.implementingUnitIds} @> ARRAY[${f.unitId}::uuid]`);
  return conds;
}

/**
 * Versions in force on `asOf` matching the filter, in Vietnamese alphabetical order of name (names starting with
 * the search text first), with the total count. Two steps: the ids of the page and the count over narrow rows,
 * then the full rows of that page only (a broad search matches a thousand rows; carrying their documents and fees
 * through the count and the sort would cost more than the search).
 */
export async function searchVersions(db: Db, f: ProcedureFilter): Promise<{ total: number; rows: Array<VersionRow & { isDemo: boolean }> }> {
  const where = and(...filterConditions(f));
  const order: SQL[] = [];
  if (f.q && f.q.trim()) order.push(sql`(${v.searchText} LIKE ${likePattern(f.q).slice(1)}) DESC`);
  // sort_key = vi_sort_key(name), stored (migration 0004): Vietnamese alphabetical order without computing it per hit.
  order.push(sql`procedure_versions.sort_key COLLATE "C"`, asc(v.code));
  const page = await db
    .select({ id: v.id, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(v)
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  let total = page[0]?.total ?? 0;
  if (page.length === 0 && f.offset > 0) {
    const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(v).where(where);
    total = c.n;
  }
  if (page.length === 0) return { total, rows: [] };
  const full = await db
    .select({ v, isDemo: procedures.isDemo })
    .from(v)
    .innerJoin(procedures, eq(procedures.id, v.procedureId))
    .where(inArray(v.id, page.map((p) => p.id)));
  const byId = new Map(full.map((r) => [r.v.id, { ...r.v, isDemo: r.isDemo }]));
  return { total, rows: page.map((p) => byId.get(p.id)!) };
}

/** Every version in force on `asOf` matching the filter (for export), ordered by code. */
export async function allVersionsInForce(db: Db, f: Omit<ProcedureFilter, 'limit' | 'offset'>): Promise<VersionRow[]> {
  return db.select().from(v).where(and(...filterConditions(f))).orderBy(asc(v.ownerUnitId), asc(v.code));
}

export async function findProcedure(db: Db, id: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  return row;
}

/** Locks the procedure row for the rest of the transaction (version numbers are assigned under this lock). */
export async function lockProcedure(db: Db, id: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id)).for('update');
  return row;
}

export async function findProceduresByCodes(db: Db, ownerUnitId: string, codes: string[]): Promise<ProcedureRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(procedures).where(and(eq(procedures.ownerUnitId, ownerUnitId), inArray(procedures.code, codes)));
}

/** All versions of a procedure, oldest number first. */
export async function findVersions(db: Db, procedureId: string): Promise<VersionRow[]> {
  return db.select().from(v).where(eq(v.procedureId, procedureId)).orderBy(asc(v.versionNo));
}

/** All versions of several procedures, grouped by procedure id. */
export async function findVersionsOf(db: Db, procedureIds: string[]): Promise<Map<string, VersionRow[]>> {
  const out = new Map<string, VersionRow[]>();
  if (procedureIds.length === 0) return out;
  const rows = await db.select().from(v).where(inArray(v.procedureId, procedureIds)).orderBy(asc(v.versionNo));
  for (const r of rows) {
    const list = out.get(r.procedureId) ?? [];
    list.push(r);
    out.set(r.procedureId, list);
  }
  return out;
}

export async function findVersionInForce(db: Db, procedureId: string, asOf: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(v)
    .where(and(eq(v.procedureId, procedureId), sql`${v.effectiveFrom} <= ${asOf}::date`))
    .orderBy(desc(v.effectiveFrom), desc(v.versionNo))
    .limit(1);
  return row;
}

export async function findVersionById(db: Db, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(v).where(eq(v.id, id));
  return row;
}

export async function insertProcedure(db: Db, values: typeof procedures.$inferInsert): Promise<ProcedureRow> {
  const [row] = await db.insert(procedures).values(values).returning();
  return row;
}

export async function insertVersions(db: Db, values: VersionInsert[]): Promise<VersionRow[]> {
  if (values.length === 0) return [];
  return db.insert(v).values(values).returning();
}

/** Moves the lock counter from `expected` to `next`; false when someone else moved it first. */
export async function bumpProcedureVersion(db: Db, id: string, expected: number, next: number): Promise<boolean> {
  const rows = await db
    .update(procedures)
    .set({ version: next, updatedAt: new Date() })
    .where(and(eq(procedures.id, id), eq(procedures.version, expected)))
    .returning({ id: procedures.id });
  return rows.length === 1;
}

/** Names of units by id (any validity). */
export async function unitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (uniq.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, uniq));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Units by id, code, administrative code or exact name, for resolving Excel cells. */
export async function allUnitsBrief(db: Db) {
  return db.select({ id: units.id, name: units.name, code: units.code, adminCode: units.adminCode, validTo: units.validTo }).from(units);
}

// ---- Review plans and proposals ----

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(procedureReviewPlans).where(eq(procedureReviewPlans.id, id));
  return row;
}

export async function findPlanByUnitYear(db: Db, unitId: string, year: number): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(procedureReviewPlans).where(and(eq(procedureReviewPlans.unitId, unitId), eq(procedureReviewPlans.year, year)));
  return row;
}

export async function findPlans(db: Db, f: { unitIds: string[] | 'all'; unitId?: string; year?: number }): Promise<PlanRow[]> {
  const conds: SQL[] = [];
  if (f.unitIds !== 'all') {
    if (f.unitIds.length === 0) return [];
    conds.push(inArray(procedureReviewPlans.unitId, f.unitIds));
  }
  if (f.unitId) conds.push(eq(procedureReviewPlans.unitId, f.unitId));
  if (f.year) conds.push(eq(procedureReviewPlans.year, f.year));
  return db.select().from(procedureReviewPlans).where(and(...conds)).orderBy(desc(procedureReviewPlans.year), asc(procedureReviewPlans.createdAt));
}

export async function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(procedureProposals).where(eq(procedureProposals.id, id));
  return row;
}

export async function findProposalsOfPlan(db: Db, planId: string): Promise<ProposalRow[]> {
  return db.select().from(procedureProposals).where(eq(procedureProposals.planId, planId)).orderBy(asc(procedureProposals.createdAt), asc(procedureProposals.id));
}
