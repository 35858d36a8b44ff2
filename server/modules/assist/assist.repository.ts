/**
 * Reads of the assist module. It owns no table: it reads the procedure catalogue and the feedback inbox (read only,
 * never writing them; the writes an official applies go through the feedback module's own API).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

/** A cheap fingerprint of the catalogue: versions are append-only, so their count and newest creation tell a change. */
export async function catalogueFingerprint(db: Db): Promise<string> {
  const [r] = await rows<{ n: number; last: string | null }>(db, sql`SELECT count(*)::int AS n, max(created_at)::text AS last FROM procedure_versions`);
  return `${r.n}|${r.last ?? ''}`;
}

export interface CatalogueRow {
  id: string;
  code: string;
  name: string;
  field: string;
  documents: Array<{ name: string }>;
  resultType: string;
}

/**
 * Active procedures in force on `asOf` (the same rule as the catalogue: the version with the greatest
 * (effective_from, version_no) among those effective on that date), optionally those a unit implements.
 */
export async function proceduresInForce(db: Db, asOf: string, unitId?: string): Promise<CatalogueRow[]> {
  const unit = unitId ? sql`AND v.implementing_unit_ids @> ARRAY[${unitId}::uuid]` : sql``;
  return rows<CatalogueRow>(db, sql`SELECT v.procedure_id AS id, v.code, v.name, v.field, v.documents, v.result_type AS "resultType"
    FROM procedure_versions v
    WHERE v.effective_from <= ${asOf}::date AND v.status = 'active' ${unit}
      AND NOT EXISTS (SELECT 1 FROM procedure_versions w WHERE w.procedure_id = v.procedure_id AND w.effective_from <= ${asOf}::date
                      AND (w.effective_from, w.version_no) > (v.effective_from, v.version_no))
    ORDER BY v.code, v.procedure_id`);
}

/** `unit_id IN (scope)` for a feedback query, or TRUE for an installation-wide scope. */
export const inUnits = (column: SQL, scope: { all: boolean; ids: ReadonlySet<string> }) =>
  scope.all ? sql`TRUE` : scope.ids.size ? sql`${column} IN (${sql.join([...scope.ids].map((i) => sql`${i}::uuid`), sql`, `)})` : sql`FALSE`;

export interface HistoryRow {
  id: string;
  text: string;
  field: string;
  unitId: string;
}

/** Fingerprint of the classified history in a scope (retrain when it changes). */
export async function historyFingerprint(db: Db, scope: { all: boolean; ids: ReadonlySet<string> }): Promise<string> {
  const [r] = await rows<{ n: number; last: string | null }>(db, sql`SELECT count(*)::int AS n, max(updated_at)::text AS last FROM feedback_items
    WHERE acknowledged_at IS NOT NULL AND status <> 'merged' AND ${inUnits(sql`unit_id`, scope)}`);
  return `${r.n}|${r.last ?? ''}`;
}

/**
 * Already-classified feedback of a scope: items an official has acknowledged (classified), assigned or answered
 * (acknowledged_at set), except merged duplicates. Their field and unit are the labels.
 */
export async function classifiedHistory(db: Db, scope: { all: boolean; ids: ReadonlySet<string> }): Promise<HistoryRow[]> {
  return rows<HistoryRow>(db, sql`SELECT id, coalesce(title, '') || ' ' || body AS text, field, unit_id AS "unitId" FROM feedback_items
    WHERE acknowledged_at IS NOT NULL AND status <> 'merged' AND ${inUnits(sql`unit_id`, scope)} ORDER BY received_at, id`);
}

export interface CandidateRow {
  id: string;
  code: string;
  title: string | null;
  body: string;
  status: string;
  receivedAt: string;
  unitId: string;
  addressString: string | null;
}

/** Open items and those received in the last `recentDays` days, in a scope, except merged ones (newest 2,000). */
export async function duplicateCandidates(db: Db, scope: { all: boolean; ids: ReadonlySet<string> }, now: Date, recentDays: number): Promise<CandidateRow[]> {
  const since = new Date(now.getTime() - recentDays * 86_400_000).toISOString();
  return rows<CandidateRow>(db, sql`SELECT id, code, title, body, status, received_at AS "receivedAt", unit_id AS "unitId", address_string AS "addressString"
    FROM feedback_items
    WHERE status <> 'merged' AND (status IN ('new', 'in_progress') OR received_at >= ${since}::timestamptz) AND ${inUnits(sql`unit_id`, scope)}
    ORDER BY received_at DESC, id LIMIT 2000`);
}

/** Names of villages and residential groups (thôn, bản, khu phố, tổ dân phố): places a report may name. */
export async function localPlaceNames(db: Db): Promise<string[]> {
  return (await rows<{ name: string }>(db, sql`SELECT DISTINCT name FROM units WHERE kind IN ('village', 'residential_group')`)).map((r) => r.name);
}

/** Names of units by id. */
export async function unitNamesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: string; name: string }>(db, sql`SELECT id, name FROM units WHERE id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
  return new Map(list.map((r) => [r.id, r.name]));
}

/** Where an item says the incident is (Open311 `address_string`), if anywhere. */
export async function incidentAddressOf(db: Db, feedbackId: string): Promise<string | null> {
  const [r] = await rows<{ a: string | null }>(db, sql`SELECT address_string AS a FROM feedback_items WHERE id = ${feedbackId}::uuid`);
  return r?.a ?? null;
}
